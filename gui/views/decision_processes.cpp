// [SECTION] Process selector: filters (the part's requirements) and the table
// [SECTION] Photolithography vs direct write
// [SECTION] Warnings: each with the rule, the values and the inputs that triggered it
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "decision/process_selector.h"
#include "plot.h"
#include "style.h"
#include "test_hooks.h"
#include "views/decision_parts.h"
#include "widgets.h"

namespace mf::decision_ui {

// [SECTION] Process selector -------------------------------------------------------------------

static void process_filters(DecisionView& v, ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    Edits& edits = ctx.edits;
    const DecisionSection& s = plan.decision;
    const PartRequirements& part = s.part;
    if (!ImGui::BeginTable("filters", 4, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("l1", ImGuiTableColumnFlags_WidthFixed, em(11));
    ImGui::TableSetupColumn("v1", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("l2", ImGuiTableColumnFlags_WidthFixed, em(11));
    ImGui::TableSetupColumn("v2", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    const LengthUnit unit = plan.meta.units;
    char label[64];
    std::snprintf(label, sizeof label, "Smallest feature (%s)", unit_symbol(unit));
    form_row(label, "The part's smallest feature: a process must make at least this small in production.");
    std::optional<double> shown =
        part.min_feature_mm ? std::optional<double>(*part.min_feature_mm / mm_per_unit(unit)) : std::nullopt;
    std::optional<double> typed;
    if (field_optional("##feature", shown, &typed)) {
        const std::optional<double> mm = typed ? std::optional<double>(*typed * mm_per_unit(unit)) : std::nullopt;
        edit_section(edits, "Set smallest feature", field_key("", "part.feature"),
                     [mm](DecisionSection& x) { x.part.min_feature_mm = mm; });
    }
    field_error_marker(ctx, field_key("", "part.feature"));
    form_row("Materials", "Comma-separated, e.g. 316L stainless, alumina. Each must suit the process.");
    std::string mats = join_list(part.materials);
    if (input_string("##materials", mats)) {
        const auto items = split_list(mats);
        edit_section(edits, "Set part materials", field_key("", "part.materials"),
                     [items](DecisionSection& x) { x.part.materials = items; });
    }
    MF_TEST_ANCHOR("decision.filter.materials");
    field_error_marker(ctx, field_key("", "part.materials"));
    form_row("Planned volume", "Good parts over the programme (the same figure drives the costs).");
    double d;
    if (field_double("##volume", s.planned_volume, &d, "%.0f"))
        edit_section(edits, "Set planned volume", field_key("", "planned_volume"),
                     [d](DecisionSection& x) { x.planned_volume = d; });
    field_error_marker(ctx, field_key("", "planned_volume"));
    form_row("Sidewalls");
    bool vertical = part.vertical_sidewalls;
    if (ImGui::Checkbox("must be vertical (no taper)", &vertical))
        edit_section(
            edits, "Set sidewall requirement", "",
            [vertical](DecisionSection& x) { x.part.vertical_sidewalls = vertical; }, false);
    ImGui::EndTable();
    ImGui::Checkbox("Show the processes filtered out, with the reasons", &v.show_excluded);
    ImGui::SameLine();
    ImGui::TextDisabled("(the filters are the part's requirements in the plan)");
}

static std::string materials_text(const ProcessInfo& p) {
    std::string s;
    for (MaterialFamily f : p.materials) s += (s.empty() ? "" : ", ") + std::string(material_family_name(f));
    return s;
}

static void process_table_view(const DecisionView& v) {
    const auto& list = v.analysis.processes;
    size_t fits = 0;
    for (const auto& x : list) fits += x.passes;
    ImGui::Text("%zu of %zu processes fit the part.", fits, list.size());
    MF_TEST_VALUE("decision.processes.fit", static_cast<double>(fits));
    const ImGuiTableFlags flags =
        ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("processes", 8, flags)) return;
    ImGui::TableSetupColumn("Process", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("Verdict", ImGuiTableColumnFlags_WidthStretch, 3.2f);
    ImGui::TableSetupColumn("Min feature", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Sidewalls", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("HAZ / recast", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Parts / hour", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Setup cost", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("Materials · volumes", ImGuiTableColumnFlags_WidthStretch, 2.4f);
    ImGui::TableHeadersRow();
    for (const auto& x : list) {
        if (!x.passes && !v.show_excluded) continue;
        const ProcessInfo& p = *x.process;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", p.name);
        ImGui::TextDisabled("%s", p.key);
        ImGui::TableNextColumn();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(x.passes ? plot_good() : plot_bad()), "%s",
                           x.passes ? "fits" : "excluded");
        ImGui::PushTextWrapPos(0);
        for (const auto& r : x.reasons) ImGui::TextDisabled("· %s", r.c_str());
        ImGui::PopTextWrapPos();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_number(p.min_feature_mm * 1000.0, 3).append(" µm").c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(sidewall_name(p.sidewall));
        ImGui::TextDisabled("%s", p.wall_quality);
        ImGui::TableNextColumn();
        if (p.haz_um > 0)
            ImGui::Text("%s µm", format_number(p.haz_um, 3).c_str());
        else
            ImGui::TextDisabled("none");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(
            (p.parts_per_hour >= 1 ? format_count(p.parts_per_hour) : format_number(p.parts_per_hour, 3)).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_money(p.setup_cost).c_str());
        if (p.setup_note && p.setup_note[0]) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("%s", p.setup_note);
            ImGui::PopTextWrapPos();
        }
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", materials_text(p).c_str());
        ImGui::TextDisabled("%s – %s parts", format_whole_parts(p.volume_min).c_str(),
                            format_whole_parts(p.volume_max).c_str());
    }
    ImGui::EndTable();
    ImGui::TextDisabled(
        "Indicative planning figures (the article's where it gives them); ask each partner for their own "
        "high-yield minimum feature. Minimum features are shown in µm.");
}

// [SECTION] Photolithography vs direct write ---------------------------------------------------

static void litho_section(const DecisionView& v, ViewContext& ctx) {
    Edits& edits = ctx.edits;
    const DecisionSection& s = ctx.plan.decision;
    ImGui::SeparatorText("Photolithography + etch vs direct write (laser ablation / FIB)");
    bool has = s.litho_vs_direct_write.has_value();
    if (ImGui::Checkbox("Compare for this part", &has))
        edit_section(edits, has ? "Add photolithography comparison" : "Remove photolithography comparison", "",
                     [has](DecisionSection& x) {
                         if (has)
                             x.litho_vs_direct_write = LithoVsDirectWrite{};
                         else
                             x.litho_vs_direct_write.reset();
                     });
    if (!s.litho_vs_direct_write) return;
    const LithoVsDirectWrite& in = *s.litho_vs_direct_write;
    struct F {
        const char* label;
        double LithoVsDirectWrite::*member;
        bool percent;
    };
    const F fields[] = {
        {"Mask set cost", &LithoVsDirectWrite::mask_cost, false},
        {"Mask re-spins", &LithoVsDirectWrite::mask_revisions, false},
        {"Litho setup", &LithoVsDirectWrite::litho_setup, false},
        {"Litho cost per part", &LithoVsDirectWrite::litho_cost_per_part, false},
        {"Litho yield", &LithoVsDirectWrite::litho_yield, true},
        {"Direct-write setup", &LithoVsDirectWrite::dw_setup, false},
        {"Direct-write hours / part", &LithoVsDirectWrite::dw_hours_per_part, false},
        {"Direct-write hourly rate", &LithoVsDirectWrite::dw_hourly_rate, false},
        {"Direct-write yield", &LithoVsDirectWrite::dw_yield, true},
    };
    if (ImGui::BeginTable("litho", 6, ImGuiTableFlags_SizingStretchProp)) {
        for (int c = 0; c < 3; ++c) {
            ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, em(10.5f));
            ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch, 1.0f);
        }
        for (size_t k = 0; k < 9; ++k) {
            if (k % 3 == 0) ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(fields[k].label);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::PushID(static_cast<int>(k));
            double d;
            const double value = in.*(fields[k].member);
            const std::string key = field_key("", std::string("litho.") + fields[k].label);
            if (fields[k].percent ? field_percent("##f", value, &d) : field_double("##f", value, &d, "%.6g")) {
                auto m = fields[k].member;
                edit_section(edits, std::string("Set ") + fields[k].label, key, [m, d](DecisionSection& x) {
                    if (x.litho_vs_direct_write) (*x.litho_vs_direct_write).*m = d;
                });
            }
            field_error_marker(ctx, key);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (!v.analysis.litho) return;
    const LithoDwResult& r = *v.analysis.litho;
    for (const auto& e : r.errors) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "%s", e.c_str());
    if (!r.errors.empty()) return;
    ImGui::Text("Photolithography: %s fixed + %s per good part · direct write: %s fixed + %s per good part.",
                format_money(r.litho_fixed).c_str(), format_money(r.litho_per_good_part).c_str(),
                format_money(r.dw_fixed).c_str(), format_money(r.dw_per_good_part).c_str());
    if (r.crossover_volume)
        ImGui::Text("Crossover: photolithography is cheaper from %s good parts, direct write below.",
                    format_whole_parts(*r.crossover_volume).c_str());
    else if (r.litho_always_cheaper)
        ImGui::TextUnformatted("Photolithography is cheaper at every volume.");
    else if (r.litho_never_cheaper)
        ImGui::TextUnformatted("Photolithography is never cheaper.");
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_good()),
                       "At %s parts:", format_whole_parts(r.volume).c_str());
    ImGui::SameLine();
    ImGui::Text("%s is cheaper (%s vs %s).", r.litho_cheaper_at_volume ? "photolithography" : "direct write",
                format_money(r.litho_cheaper_at_volume ? r.litho_total : r.dw_total).c_str(),
                format_money(r.litho_cheaper_at_volume ? r.dw_total : r.litho_total).c_str());
    if (r.flip_yield)
        ImGui::Text(
            "The answer flips when the photolithography yield drops below %s %% (the article's rule of thumb: %.0f %%; "
            "batch-killing mask defects are not in this per-part model).",
            format_number(100.0 * *r.flip_yield, 3).c_str(), 100.0 * r.article_flip_yield);
    else
        ImGui::TextDisabled("Photolithography loses even at 100 %% yield at this volume.");
}

void draw_processes_page(DecisionView& v, ViewContext& ctx) {
    process_filters(v, ctx);
    process_table_view(v);
    litho_section(v, ctx);
}

// [SECTION] Warnings ---------------------------------------------------------------------------

void draw_warnings_page(DecisionView& v, ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    const auto& ws = v.analysis.warnings;
    if (ws.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_good()), "No warnings.");
        ImGui::SameLine();
        ImGui::TextDisabled("None of the article's rules of thumb is triggered%s.",
                            v.ranked() ? "" : " (the ranking-based rules wait for a ranked matrix)");
        return;
    }
    ImGui::TextDisabled(
        "The article's rules of thumb that the plan triggers; each names the inputs that triggered it.");
    const ImVec4 warn = ImGui::ColorConvertU32ToFloat4(plot_warn());
    for (size_t k = 0; k < ws.size(); ++k) {
        const DecisionWarning& w = ws[k];
        ImGui::PushID(static_cast<int>(k));
        ImGui::Separator();
        ImGui::TextColored(warn, "Warning");
        ImGui::SameLine();
        ImGui::TextDisabled("[%s]", w.code.c_str());
        ImGui::TextWrapped("%s", w.message.c_str());
        for (size_t i = 0; i < w.inputs.size(); ++i) {
            const std::string& ptr = w.inputs[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::Indent();
            ImGui::TextDisabled("input: %s", describe_pointer(plan, ptr).c_str());
            if (ImGui::BeginItemTooltip()) {
                ImGui::TextUnformatted(ptr.c_str());
                ImGui::EndTooltip();
            }
            // Jump to where it can be edited.
            const std::string partners = "/decision/partners/", criteria = "/decision/criteria/";
            if (ptr.rfind(partners, 0) == 0) {
                const size_t idx = std::strtoul(ptr.c_str() + partners.size(), nullptr, 10);
                if (idx < plan.decision.partners.size()) {
                    ImGui::SameLine();
                    if (ImGui::SmallButton("edit")) {
                        v.partner_id = plan.decision.partners[idx].id;
                        v.page = DecisionView::Page::Partners;
                        v.select_page = true;
                    }
                }
            } else if (ptr.rfind(criteria, 0) == 0 || ptr.rfind("/decision/pairwise", 0) == 0) {
                ImGui::SameLine();
                if (ImGui::SmallButton("edit")) {
                    v.page = DecisionView::Page::Criteria;
                    v.select_page = true;
                }
            }
            ImGui::Unindent();
            ImGui::PopID();
        }
        ImGui::PopID();
    }
}

}  // namespace mf::decision_ui
