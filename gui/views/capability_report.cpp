// [SECTION] Summary table: one row per feature, limits editable, coloured by verdict
// [SECTION] Indices, verdict, normality, drift of the selected feature
// [SECTION] First-pass yield
// [SECTION] Dataset settings and the feature list
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <functional>

#include "imgui.h"
#include "plot.h"
#include "style.h"
#include "table_out.h"
#include "test_hooks.h"
#include "views/capability_parts.h"
#include "widgets.h"

namespace mf::capability_ui {

static void header_with_tip(const char* tip) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
}

// Colour and word, never colour alone.
static void verdict_cell(const VerdictLabel& v, bool stale) {
    ImVec4 bg = ImGui::ColorConvertU32ToFloat4(v.colour);
    bg.w = 0.28f;
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::ColorConvertFloat4ToU32(bg));
    ImGui::Text("%s %s%s", v.mark, v.words.c_str(), stale ? " …" : "");
}

// [SECTION] Summary table ---------------------------------------------------------------

void draw_summary_table(ViewContext& ctx, const Dataset& d, const CapabilityAnalysis& an, size_t* selected) {
    const Plan& plan = ctx.plan;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
        ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;
    const float row_h = ImGui::GetFrameHeightWithSpacing();
    table_out("capability.indices", plan.meta.name, [&] { return capability_indices_table(an, plan.meta.units); });
    const float height =
        std::min(ImGui::GetContentRegionAvail().y, row_h * (static_cast<float>(d.features.size()) + 1.6f));
    if (!ImGui::BeginTable("summary", 10, flags, ImVec2(0, std::max(height, row_h * 2)))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Feature", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("LSL", ImGuiTableColumnFlags_WidthFixed, em(6.5f));
    ImGui::TableSetupColumn("USL", ImGuiTableColumnFlags_WidthFixed, em(6.5f));
    ImGui::TableSetupColumn("Target", ImGuiTableColumnFlags_WidthFixed, em(6.5f));
    ImGui::TableSetupColumn("n", ImGuiTableColumnFlags_WidthFixed, em(4));
    ImGui::TableSetupColumn("Cp", ImGuiTableColumnFlags_WidthFixed, em(3.5f));
    ImGui::TableSetupColumn("Cpk", ImGuiTableColumnFlags_WidthFixed, em(3.5f));
    ImGui::TableSetupColumn("Cpk lower", ImGuiTableColumnFlags_WidthFixed, em(5));
    ImGui::TableSetupColumn("Ppk", ImGuiTableColumnFlags_WidthFixed, em(3.5f));
    ImGui::TableSetupColumn("Verdict", ImGuiTableColumnFlags_WidthFixed, em(9));
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    const char* tips[] = {
        "Click a feature to analyse it",
        "Lower specification limit (empty: none)",
        "Upper specification limit (empty: none)",
        "Target, used by Cpm (empty: none)",
        "Values used (missing cells left out)",
        "(USL − LSL) / 6σ within",
        "min(CPL, CPU) with σ within",
        "One-sided lower confidence bound of Cpk (Bissell, Minitab's form): what the gate compares",
        "min(PPL, PPU) with σ overall (sample SD, n − 1)",
        "The pilot gate: capable / not capable / not enough data / no spec limits; \"not in control\" when "
        "control-chart rules are broken",
    };
    for (int c = 0; c < 10; ++c) {
        ImGui::TableSetColumnIndex(c);
        const char* name = ImGui::TableGetColumnName(c);
        ImGui::TableHeader(name);
        header_with_tip(tips[c]);
    }
    ImGuiListClipper clipper;  // only the visible rows: a dataset may have hundreds of features
    clipper.Begin(static_cast<int>(d.features.size()));
    while (clipper.Step())
        for (size_t i = static_cast<size_t>(clipper.DisplayStart); i < static_cast<size_t>(clipper.DisplayEnd); ++i) {
            const Feature& f = d.features[i];
            const ValueUnit u = value_unit(f, plan.meta.units);
            // The feature's result: current, or (greyed) that of its last inputs while it is redone.
            const bool known = i < an.features.size() && an.dataset.id == d.id;
            const FeatureAnalysis* c = known ? an.features[i].get() : nullptr;
            const bool stale = !known || !an.current[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            const std::string label = f.name + (u.symbol.empty() ? "" : " (" + u.symbol + ")");
            if (ImGui::Selectable(label.c_str(), *selected == i)) *selected = i;
            const char* fields[] = {"##lsl", "##usl", "##target"};
            const std::optional<double> values[] = {f.lsl, f.usl, f.nominal};
            for (int k = 0; k < 3; ++k) {
                ImGui::TableNextColumn();
                std::optional<double> v;
                const SpecLimit which = static_cast<SpecLimit>(k);
                if (input_optional_value(fields[k], values[k], u, &v, -FLT_MIN))
                    push_spec_edit(ctx.edits, d, f, which, v);
                field_error_marker(ctx, spec_key(d, f, which));
            }
            if (c) {
                const FeatureAnalysis& a = *c;
                if (stale) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
                ImGui::TableNextColumn();
                ImGui::AlignTextToFramePadding();
                ImGui::Text("%zu", a.values);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(fmt(a.cap.cp).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(fmt(a.cap.cpk).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(fmt(a.cap.cpk_lower_bound).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(fmt(a.cap.ppk).c_str());
                if (stale) ImGui::PopStyleColor();
                ImGui::TableNextColumn();
                const VerdictLabel label = verdict_label(a, d.gate);
                verdict_cell(label, stale);
                MF_TEST_TEXT("capability.summary.verdict." + f.id, label.words);
                if (ImGui::IsItemHovered()) {
                    std::string tip = a.gate.reason;
                    for (const auto& e : a.errors) tip += "\n" + to_string(e);
                    ImGui::SetTooltip("%s", tip.c_str());
                }
            } else {
                for (int k = 0; k < 6; ++k) {
                    ImGui::TableNextColumn();
                    ImGui::TextDisabled("…");
                }
            }
            ImGui::PopID();
        }
    ImGui::EndTable();
}

// [SECTION] Indices, verdict, normality, drift --------------------------------------------

static std::string ppm_text(double v) {
    char b[32];
    if (v >= 100)
        std::snprintf(b, sizeof b, "%.0f", v);
    else if (v >= 0.01)
        std::snprintf(b, sizeof b, "%.2f", v);
    else if (v > 0)
        std::snprintf(b, sizeof b, "%.1e", v);
    else
        std::snprintf(b, sizeof b, "0");
    return b;
}

static std::string interval_text(const std::optional<Interval>& i) {
    if (!i) return "—";
    char b[64];
    std::snprintf(b, sizeof b, "%.2f … %.2f", i->lower, i->upper);
    return b;
}

void draw_indices(const FeatureAnalysis& a, const ValueUnit& u) {
    const CapabilityIndices& c = a.cap;
    if (!ImGui::BeginTable("indices", 3,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Within (short term)", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Overall (long term)", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    auto row = [](const char* name, const std::string& w, const std::string& o, const char* tip = nullptr) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(name);
        if (tip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(w.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(o.c_str());
    };
    row("Cp / Pp", fmt(c.cp, 3), fmt(c.pp, 3), "(USL − LSL) / 6σ; needs both limits");
    row("CPL / PPL", fmt(c.cpl, 3), fmt(c.ppl, 3), "(mean − LSL) / 3σ");
    row("CPU / PPU", fmt(c.cpu, 3), fmt(c.ppu, 3), "(USL − mean) / 3σ");
    row("Cpk / Ppk", fmt(c.cpk, 3), fmt(c.ppk, 3));
    row("95 % interval", interval_text(c.cpk_ci95), interval_text(c.ppk_ci95),
        "Two-sided, Bissell's normal approximation: C ± 1.96·√(1/(9N) + C²/(2ν))");
    row("Lower bound", fmt(c.cpk_lower_bound, 3), fmt(c.ppk_lower_bound, 3),
        "One-sided lower confidence bound at the gate's confidence; the gate compares the Cpk bound");
    char within[96], overall[96];
    std::snprintf(within, sizeof within, "%s", format_value(a.within.sigma, u, 4).c_str());
    std::snprintf(overall, sizeof overall, "%s", format_value(a.overall.sigma, u, 4).c_str());
    const std::string within_tip = a.within.method + ", ν = " + fmt(a.within.dof, 1);
    row("σ", within, overall, within_tip.c_str());
    // A σ of 0 or below the resolution gives no index (core/capability/analysis.cpp says why).
    row("Resolution", "", a.resolution > 0 ? format_value(a.resolution, u, 4) : std::string("—"),
        "Smallest difference between two recorded values. A σ below it measures the gauge's step, not the "
        "process: no index is given then.");
    row("Expected ppm < LSL", ppm_text(c.ppm_within.below), ppm_text(c.ppm_overall.below),
        "Normal tail beyond the limit");
    row("Expected ppm > USL", ppm_text(c.ppm_within.above), ppm_text(c.ppm_overall.above));
    row("Expected ppm total", ppm_text(c.ppm_within.total), ppm_text(c.ppm_overall.total));
    row("Observed ppm", "", ppm_text(c.ppm_observed.total), "Values strictly beyond a limit, per million values");
    row("Cpm", "", fmt(c.cpm, 3), "Minitab's Cpm: min(T − LSL, USL − T) / 3√(Σ(x − T)² / (N − 1)); needs a target");
    row("Mean", "", format_value(a.mean, u, 6));
    ImGui::EndTable();
    if (a.subgroup_size > 1)
        ImGui::TextDisabled("%zu values (%zu missing) in %zu subgroups of %zu", a.values, a.missing, a.subgroups,
                            a.subgroup_size);
    else
        ImGui::TextDisabled("%zu individual values (%zu missing)", a.values, a.missing);
}

void draw_verdict(const FeatureAnalysis& a, const GateSettings& s) {
    VerdictLabel v = verdict_label(a, s);
    v.words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(v.words[0])));
    ImGui::PushStyleColor(ImGuiCol_Text, v.colour);
    ImGui::Text("%s %s", v.mark, v.words.c_str());
    ImGui::PopStyleColor();
    MF_TEST_ANCHOR("capability.verdict");
    MF_TEST_TEXT("capability.verdict_label", v.words);
    ImGui::SameLine();
    ImGui::TextWrapped("— %s", a.gate.reason.c_str());
    if (!a.errors.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, plot_bad());
        for (const auto& e : a.errors) ImGui::TextWrapped("✗ %s", to_string(e).c_str());
        ImGui::PopStyleColor();
    }
    if (!a.warnings.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, plot_warn());
        for (const auto& w : a.warnings) ImGui::TextWrapped("▲ %s", w.c_str());
        ImGui::PopStyleColor();
    }
}

void draw_normality(const FeatureAnalysis& a, const ValueUnit& u) {
    ImGui::SeparatorText("Normality (Anderson–Darling)");
    if (!a.ad.error.empty()) {
        ImGui::TextDisabled("%s", a.ad.error.c_str());
        return;
    }
    ImGui::TextWrapped("A² = %.3f (adjusted A*² = %.3f), p = %.4f, n = %zu", a.ad.a2, a.ad.a2_adjusted, a.ad.p, a.ad.n);
    if (a.normal) {
        ImGui::PushStyleColor(ImGuiCol_Text, plot_good());
        ImGui::TextWrapped("✓ No evidence against normality (p ≥ 0.05): the normal-theory indices apply.");
        ImGui::PopStyleColor();
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, plot_warn());
    ImGui::TextWrapped(
        "▲ Not normal (p < 0.05): the normal-theory Cpk, Ppk and expected ppm are not trustworthy. "
        "Non-normal alternatives, computed from the same values:");
    ImGui::PopStyleColor();
    if (!ImGui::BeginTable("nonnormal", 7,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp))
        return;
    for (const char* h : {"Method", "P0.135", "P50", "P99.865", "Pp", "Ppk", "Expected ppm"})
        ImGui::TableSetupColumn(h, ImGuiTableColumnFlags_WidthStretch,
                                h[0] == 'M' ? 1.6f : 1.0f);  // explicit weights: see gui/widgets.h
    ImGui::TableHeadersRow();
    for (const auto* nn : {&a.percentile, &a.lognormal}) {
        if (!*nn) continue;
        const NonNormalCapability& x = **nn;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(x.method.c_str());
        if (!x.error.empty()) {
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", x.error.c_str());
            continue;
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_value(x.p00135, u, 5).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_value(x.p50, u, 5).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_value(x.p99865, u, 5).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(fmt(x.pp, 3).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(fmt(x.ppk, 3).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(x.ppm_expected ? ppm_text(x.ppm_expected->total).c_str() : "—");
    }
    ImGui::EndTable();
    for (const auto* nn : {&a.percentile, &a.lognormal}) {
        if (!*nn) continue;
        if ((*nn)->fit && (*nn)->fit->error.empty())
            ImGui::TextWrapped("%s: Anderson–Darling of ln x: A² = %.3f, p = %.4f%s", (*nn)->method.c_str(),
                               (*nn)->fit->a2, (*nn)->fit->p,
                               (*nn)->fit->p < 0.05 ? " (the lognormal does not fit either)" : " (fits)");
        if (!(*nn)->warning.empty()) ImGui::TextDisabled("%s: %s", (*nn)->method.c_str(), (*nn)->warning.c_str());
    }
}

void draw_drift(const FeatureAnalysis& a, const ValueUnit& u, int64_t part_interval) {
    ImGui::SeparatorText("Drift across the run");
    const Drift& d = a.drift;
    if (!d.error.empty()) {
        ImGui::TextDisabled("%s", d.error.c_str());
        return;
    }
    char slope[64];
    std::snprintf(slope, sizeof slope, "%+.3g%s%s", d.slope_per_100_parts / u.scale, u.symbol.empty() ? "" : " ",
                  u.symbol.c_str());
    ImGui::TextWrapped(
        "Trend of the values: %s per 100 parts (t = %.2f, p = %.3g, %zu values%s)", slope, d.t, d.p, d.n,
        part_interval > 1 ? (", every " + std::to_string(part_interval) + "th part measured").c_str() : "");
    ImGui::PushStyleColor(ImGuiCol_Text, d.significant ? plot_warn() : plot_good());
    ImGui::TextWrapped(d.significant
                           ? "▲ The mean drifts (p < 0.05): find the cause before trusting one capability figure."
                           : "✓ No significant drift (p ≥ 0.05).");
    ImGui::PopStyleColor();
}

// [SECTION] First-pass yield --------------------------------------------------------------

static std::string pct(double v, int decimals = 1) {
    char b[32];
    std::snprintf(b, sizeof b, "%.*f %%", decimals, v * 100);
    return b;
}

void draw_yield(ViewContext& ctx, const Dataset& d, const YieldResult& y) {
    Edits& edits = ctx.edits;
    if (d.yield.empty()) {
        ImGui::TextWrapped(
            "This dataset has no first-pass-yield records. Import a table with the columns step, passed "
            "and failed (lot optional) with Import CSV… or Paste data…, and choose \"Use as the yield "
            "records\".");
        return;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Target");
    ImGui::SameLine();
    double target = d.yield_settings.target * 100;
    ImGui::SetNextItemWidth(em(7));
    const std::string target_key = "cap." + d.id + ".yield_target";
    if (ImGui::InputDouble("##target", &target, 0, 0, "%.2f %%"))  // outside 0.01 … 100 % is refused, with why
        edits.push_merge("Set the yield target", target_key, [id = d.id, t = target / 100](Plan& p) {
            if (Dataset* ds = find_dataset(p, id)) ds->yield_settings.target = t;
        });
    field_error_marker(ctx, target_key);
    ImGui::SameLine(0, em(1));
    ImGui::TextUnformatted("applies to");
    ImGui::SameLine();
    int applies = d.yield_settings.applies_to == YieldTarget::Rolled ? 0 : 1;
    const char* choices[] = {"the rolled yield (stricter)", "every step"};
    ImGui::SetNextItemWidth(em(13));
    if (ImGui::Combo("##applies", &applies, choices, 2))
        edits.push("Set what the yield target applies to", [id = d.id, applies](Plan& p) {
            if (Dataset* ds = find_dataset(p, id))
                ds->yield_settings.applies_to = applies == 0 ? YieldTarget::Rolled : YieldTarget::PerStep;
        });

    if (ImGui::BeginTable("yield", 6,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("Step / lot", ImGuiTableColumnFlags_WidthFixed, em(14));
        ImGui::TableSetupColumn("Passed", ImGuiTableColumnFlags_WidthFixed, em(6));
        ImGui::TableSetupColumn("Failed", ImGuiTableColumnFlags_WidthFixed, em(6));
        ImGui::TableSetupColumn("First-pass yield", ImGuiTableColumnFlags_WidthFixed, em(8));
        ImGui::TableSetupColumn("95 % interval (Wilson)", ImGuiTableColumnFlags_WidthFixed, em(11));
        ImGui::TableSetupColumn("Target", ImGuiTableColumnFlags_WidthFixed, em(9));
        ImGui::TableHeadersRow();
        for (const StepYield& s : y.steps) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.name.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%lld", static_cast<long long>(s.passed));
            ImGui::TableNextColumn();
            ImGui::Text("%lld", static_cast<long long>(s.failed));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(pct(s.fpy, 2).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%s … %s", pct(s.ci95.lower).c_str(), pct(s.ci95.upper).c_str());
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, s.meets_target ? plot_good() : plot_bad());
            ImGui::TextUnformatted(s.meets_target ? "✓ meets" : "✗ below");
            ImGui::PopStyleColor();
            for (const LotYield& l : s.lots) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextDisabled("   lot %s", l.lot.c_str());
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%lld", static_cast<long long>(l.passed));
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%lld", static_cast<long long>(l.failed));
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", pct(l.fpy, 2).c_str());
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s … %s", pct(l.ci95.lower).c_str(), pct(l.ci95.upper).c_str());
            }
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("Rolled throughput yield");
        ImGui::SetItemTooltip(
            "The product of the steps' first-pass yields; its interval multiplies the steps' Wilson "
            "intervals at 1 − 0.05/m each (Bonferroni: at least 95 %% jointly).");
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(pct(y.rty, 2).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%s … %s", pct(y.rty_ci95.lower).c_str(), pct(y.rty_ci95.upper).c_str());
        ImGui::TableNextColumn();
        if (d.yield_settings.applies_to == YieldTarget::Rolled) {
            const bool ok = y.rty >= d.yield_settings.target;
            ImGui::PushStyleColor(ImGuiCol_Text, ok ? plot_good() : plot_bad());
            ImGui::TextUnformatted(ok ? "✓ meets" : "✗ below");
            ImGui::PopStyleColor();
        }
        ImGui::EndTable();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, yield_colour(y.verdict));
    ImGui::TextWrapped("● Yield %s — %s", yield_verdict_name(y.verdict), y.reason.c_str());
    ImGui::PopStyleColor();
    if (!y.errors.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, plot_bad());
        for (const auto& e : y.errors) ImGui::TextWrapped("✗ %s", to_string(e).c_str());
        ImGui::PopStyleColor();
    }
}

// [SECTION] Dataset settings ---------------------------------------------------------------

// One edit of a dataset setting, merged while typing (a plain std::function: one instantiation);
// a value the plan file refuses (a subgroup size of 0 ...) shows its reason at the field.
static void push_dataset_edit(ViewContext& ctx, const Dataset& d, std::string label, const char* key,
                              std::function<void(Dataset&)> fn) {
    ctx.edits.push_merge(std::move(label), "cap." + d.id + "." + key, [id = d.id, fn](Plan& p) {
        if (Dataset* ds = find_dataset(p, id)) fn(*ds);
    });
}

static void setting_row(const char* label, const char* tip = nullptr) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    if (tip) help_marker(tip);
    ImGui::TableNextColumn();
}

void draw_dataset_settings(ViewContext& ctx, const Dataset& d) {
    const Plan& plan = ctx.plan;
    Edits& edits = ctx.edits;
    auto marker = [&](const char* key) { field_error_marker(ctx, "cap." + d.id + "." + key); };
    ImGui::SeparatorText("Subgroups and σ");
    if (ImGui::BeginTable("settings", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, em(13));
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, em(30));
        setting_row("Subgroup size",
                    "Consecutive rows per subgroup; 1 = individual values (I–MR chart, σ from the "
                    "moving range). Xbar–R up to 8, Xbar–S from 9.");
        if (d.subgroups) {
            ImGui::TextUnformatted("from the subgroup column");
            ImGui::SameLine();
            if (ImGui::SmallButton("Use a fixed size instead"))
                edits.push("Subgroups of a fixed size", [id = d.id](Plan& p) {
                    if (Dataset* ds = find_dataset(p, id)) ds->subgroups = nullptr;
                });
        } else {
            int n = static_cast<int>(d.subgroup_size);
            ImGui::SetNextItemWidth(em(8));
            if (ImGui::InputInt("##sgsize", &n))
                push_dataset_edit(ctx, d, "Set subgroup size", "subgroup_size",
                                  [n](Dataset& ds) { ds.subgroup_size = n; });
            MF_TEST_ANCHOR("capability.subgroup_size");
            marker("subgroup_size");
        }
        setting_row("σ within estimator",
                    "For subgroups of 2 or more; individual values always use the average "
                    "moving range / d2(2). Pooled is Minitab's default.");
        int m = static_cast<int>(d.sigma);
        const char* methods[] = {"Pooled SD / c4 (default)", "Rbar / d2", "Sbar / c4"};
        ImGui::SetNextItemWidth(em(14));
        if (ImGui::Combo("##sigma", &m, methods, 3))
            edits.push(std::string("σ within from ") + methods[m], [id = d.id, m](Plan& p) {
                if (Dataset* ds = find_dataset(p, id)) ds->sigma = static_cast<SigmaMethod>(m);
            });
        setting_row("Part interval",
                    "Parts made per measured row (5 = every fifth part measured); scales the drift "
                    "per 100 parts.");
        int k = static_cast<int>(d.part_interval);
        ImGui::SetNextItemWidth(em(8));
        if (ImGui::InputInt("##interval", &k))
            push_dataset_edit(ctx, d, "Set part interval", "part_interval", [k](Dataset& ds) { ds.part_interval = k; });
        marker("part_interval");
        ImGui::EndTable();
    }

    ImGui::SeparatorText("Pilot gate");
    if (ImGui::BeginTable("gate", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, em(13));
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, em(30));
        const GateSettings& g = d.gate;
        setting_row("Minimum Cpk");
        double min_cpk = g.min_cpk;
        ImGui::SetNextItemWidth(em(8));
        if (ImGui::InputDouble("##mincpk", &min_cpk, 0, 0, "%.2f"))
            push_dataset_edit(ctx, d, "Set minimum Cpk", "min_cpk",
                              [min_cpk](Dataset& ds) { ds.gate.min_cpk = min_cpk; });
        marker("min_cpk");
        setting_row("Compare",
                    "A point estimate of 1.36 from 50 parts does not demonstrate 1.33: the lower confidence "
                    "bound does.");
        bool lb = g.use_lower_bound;
        if (ImGui::Checkbox("the lower confidence bound of Cpk (not the point estimate)", &lb))
            edits.push(lb ? "Gate on the Cpk lower bound" : "Gate on the Cpk point estimate", [id = d.id, lb](Plan& p) {
                if (Dataset* ds = find_dataset(p, id)) ds->gate.use_lower_bound = lb;
            });
        setting_row("Confidence (one-sided)");
        double conf = g.confidence * 100;
        ImGui::SetNextItemWidth(em(8));
        if (ImGui::InputDouble("##conf", &conf, 0, 0, "%.2f %%"))
            push_dataset_edit(ctx, d, "Set gate confidence", "confidence",
                              [c = conf / 100](Dataset& ds) { ds.gate.confidence = c; });
        marker("confidence");
        setting_row("Not enough data below");
        int sg = static_cast<int>(g.min_subgroups), mv = static_cast<int>(g.min_values);
        ImGui::SetNextItemWidth(em(7));
        if (ImGui::InputInt("subgroups##minsg", &sg, 0))
            push_dataset_edit(ctx, d, "Set minimum subgroups", "min_subgroups",
                              [sg](Dataset& ds) { ds.gate.min_subgroups = sg; });
        marker("min_subgroups");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(7));
        if (ImGui::InputInt("values##minv", &mv, 0))
            push_dataset_edit(ctx, d, "Set minimum values", "min_values",
                              [mv](Dataset& ds) { ds.gate.min_values = mv; });
        marker("min_values");
        ImGui::EndTable();
    }

    ImGui::SeparatorText("Features");
    if (ImGui::BeginTable("features", 6,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthFixed, em(14));
        ImGui::TableSetupColumn("Units", ImGuiTableColumnFlags_WidthFixed, em(6));
        ImGui::TableSetupColumn("LSL", ImGuiTableColumnFlags_WidthFixed, em(7));
        ImGui::TableSetupColumn("USL", ImGuiTableColumnFlags_WidthFixed, em(7));
        ImGui::TableSetupColumn("Target", ImGuiTableColumnFlags_WidthFixed, em(7));
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em(5));
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < d.features.size(); ++i) {
            const Feature& f = d.features[i];
            const ValueUnit u = value_unit(f, plan.meta.units);
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            std::string name = f.name;
            ImGui::SetNextItemWidth(-FLT_MIN);
            const std::string name_key = "cap." + d.id + "." + f.id + ".name";
            if (input_string("##name", name) && !name.empty())
                edits.push_merge("Rename feature", name_key, [did = d.id, fid = f.id, name](Plan& p) {
                    Dataset* ds = find_dataset(p, did);
                    if (Feature* ft = ds ? find_feature(*ds, fid) : nullptr) ft->name = name;
                });
            field_error_marker(ctx, name_key);
            ImGui::TableNextColumn();
            std::string units = f.units;
            ImGui::SetNextItemWidth(-FLT_MIN);
            const std::string units_key = "cap." + d.id + "." + f.id + ".units";
            if (input_string("##units", units))
                edits.push_merge("Set feature units", units_key, [did = d.id, fid = f.id, units](Plan& p) {
                    Dataset* ds = find_dataset(p, did);
                    if (Feature* ft = ds ? find_feature(*ds, fid) : nullptr) ft->units = units;
                });
            field_error_marker(ctx, units_key);
            ImGui::SetItemTooltip(
                "\"mm\": a length, shown in the plan's display unit; anything else is shown as stored");
            const std::optional<double> values[] = {f.lsl, f.usl, f.nominal};
            const char* ids[] = {"##lsl", "##usl", "##target"};
            for (int k = 0; k < 3; ++k) {
                ImGui::TableNextColumn();
                std::optional<double> v;
                const SpecLimit which = static_cast<SpecLimit>(k);
                if (input_optional_value(ids[k], values[k], u, &v, -FLT_MIN)) push_spec_edit(edits, d, f, which, v);
                field_error_marker(ctx, spec_key(d, f, which));
            }
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("Delete"))  // measured links to it fall back to the declared figures
                edits.push("Delete feature \"" + f.name + "\"",
                           [did = d.id, fid = f.id](Plan& p) { delete_feature(p, did, fid); });
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (ImGui::Button("Add a feature")) {
        edits.push("Add a feature", [id = d.id](Plan& p) { add_feature(p, id); });
    }
    ImGui::SameLine();
    ImGui::TextDisabled("A new feature has every cell missing: paste its values in the Data tab.");
}

}  // namespace mf::capability_ui
