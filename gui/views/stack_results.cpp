// Results of the tolerance-stack view: the verdict with the numbers that decide it, worst
// case / RSS / statistical / Monte Carlo side by side with the limits at both temperatures,
// and the labelled variants, thermal rows and contribution shares underneath.
//
// [SECTION] Verdict   [SECTION] Results table   [SECTION] Details
#include <cmath>
#include <cstdio>

#include "plot.h"
#include "style.h"
#include "table_out.h"
#include "test_hooks.h"
#include "tolerance/materials.h"
#include "tolerance/stack_tables.h"
#include "views/stack_parts.h"
#include "widgets.h"

namespace mf::stack_ui {

namespace {

bool below(const Stack& s, double v) { return s.lower_limit && v < *s.lower_limit; }
bool above(const Stack& s, double v) { return s.upper_limit && v > *s.upper_limit; }

// A length, marked when it is outside the limits (colour and a ✗, never colour alone).
void length_cell(const Ctx& c, double v, bool check = true) {
    const bool out = check && (below(c.stack, v) || above(c.stack, v));
    const std::string text = format_length(v, c.unit);
    if (out) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "%s ✗", text.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("outside the limits");
    } else {
        ImGui::TextUnformatted(text.c_str());
    }
}

void range_cell(const Ctx& c, double lo, double hi) {
    length_cell(c, lo);
    ImGui::SameLine(0, em(0.3f));
    ImGui::TextUnformatted("…");
    ImGui::SameLine(0, em(0.3f));
    length_cell(c, hi);
}

std::string limits_text(const Ctx& c) {
    const Stack& s = c.stack;
    if (s.lower_limit && s.upper_limit)
        return format_length(*s.lower_limit, c.unit) + " ≤ gap ≤ " + format_length(*s.upper_limit, c.unit);
    if (s.lower_limit) return "gap ≥ " + format_length(*s.lower_limit, c.unit);
    if (s.upper_limit) return "gap ≤ " + format_length(*s.upper_limit, c.unit);
    return "no limits: set a lower and/or upper limit for a verdict";
}

// "below 48.3 · above 0.0033 ppm" (a side without a limit is left out).
std::string tails_text(const std::optional<double>& below, const std::optional<double>& above) {
    auto num = [](double v) {
        std::string t = format_ppm(v);
        return t.substr(0, t.size() - 4);  // without " ppm"
    };
    std::string s;
    if (below) s += "below " + num(*below);
    if (above) s += std::string(s.empty() ? "" : " · ") + "above " + num(*above);
    return s.empty() ? "—" : s + " ppm";
}
std::string tails_text(const TailPrediction& t) { return tails_text(t.ppm_below, t.ppm_above); }

const char* temp_label(double t) {
    static char buf[2][32];
    static int k = 0;
    k ^= 1;
    std::snprintf(buf[k], sizeof buf[k], "%.4g °C", t);
    return buf[k];
}

}  // namespace

// [SECTION] Verdict ----------------------------------------------------------------------

void draw_verdict(Ctx& c) {
    const FitAssessment& f = c.report.fit;
    ImGui::SeparatorText("Verdict");
    verdict_badge(f.verdict);
    MF_TEST_ANCHOR("stack.verdict");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (f.verdict == FitVerdict::NoRequirement)
        ImGui::TextUnformatted("no requirement on the gap: set a lower and/or upper limit");
    else {
        ImGui::Text("decided at the %s; rate from the %s", f.deciding.c_str(),
                    f.at_operating.ppm_source == "monte carlo" ? "Monte Carlo" : "normal model (no Monte Carlo yet)");
        help_marker(
            "Fails if the mean gap is outside the limits or the out-of-limit rate is above the fail threshold; "
            "OK if the worst case is inside the limits, or the rate is at most the OK threshold; at risk "
            "otherwise. For the Monte Carlo the ends of its 95 % interval are compared. Thresholds: Settings.");
    }

    if (f.verdict != FitVerdict::NoRequirement &&
        ImGui::BeginTable("verdicts", 5,
                          ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Condition");
        ImGui::TableSetupColumn("Verdict");
        ImGui::TableSetupColumn("Mean gap");
        ImGui::TableSetupColumn("Worst case");
        ImGui::TableSetupColumn("Out of limits [95 % CI]", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        for (int k = 0; k < 2; ++k) {
            const ConditionVerdict& cv = k ? f.at_operating : f.at_measurement;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%s %s", k ? "operating" : "measurement", temp_label(cv.temperature));
            ImGui::TableNextColumn();
            verdict_badge(cv.verdict);
            if (ImGui::BeginItemTooltip()) {
                ImGui::PushTextWrapPos(em(30));
                ImGui::TextUnformatted(cv.reason_shown.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            length_cell(c, cv.mean);
            ImGui::TableNextColumn();
            range_cell(c, cv.worst_min, cv.worst_max);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(format_ppm(cv.ppm).c_str());
            if (cv.ppm_ci95) {
                ImGui::SameLine();
                const std::string lo = format_ppm(cv.ppm_ci95->lower), hi = format_ppm(cv.ppm_ci95->upper);
                ImGui::TextDisabled("[%s, %s]", lo.substr(0, lo.size() - 4).c_str(),
                                    hi.substr(0, hi.size() - 4).c_str());
            }
        }
        ImGui::EndTable();
    }
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", f.reason_shown.c_str());
    ImGui::PopTextWrapPos();
}

// [SECTION] Results table ----------------------------------------------------------------

// A row's first cell: the figure's name, its explanation on hover.
static void label(const char* text, const char* help) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(text);
    if (help && ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(em(30));
        ImGui::TextUnformatted(help);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

// The Monte Carlo's state at the end of the requirement's line: progress while it runs, a way
// back when cancelled. On a line of its own it would move the table and all below it down
// when a run starts and up when it ends, and each move redraws that part of the canvas.
static void draw_mc_state(StackView& v) {
    if (v.mc.job() || v.mc.cancelled()) ImGui::SameLine(0, em(2));
    if (const ParallelStackRun* run = v.mc.job()) {
        char what[96];
        if (run->workers() > 0)
            std::snprintf(what, sizeof what, "Monte Carlo, %zu samples on %d worker%s", run->total(), run->workers(),
                          run->workers() == 1 ? "" : "s");
        else
            std::snprintf(what, sizeof what, "Monte Carlo, %zu samples", run->total());
        v.mc.draw_progress(what);
        MF_TEST_ANCHOR("stack.mc.cancel");
    } else if (v.mc.cancelled()) {
        ImGui::TextDisabled("Monte Carlo cancelled: the verdict uses the normal model.");
        ImGui::SameLine();
        if (ImGui::Button("Run Monte Carlo")) v.mc.restart();  // the next frame starts it again
        MF_TEST_ANCHOR("stack.mc.run");
    }
}

// Nominal, mid-limit mean and worst case at both temperatures.
static void draw_worst_case_rows(Ctx& c) {
    const StackReport& r = c.report;
    const ThermalResult& t = r.thermal;
    label("Nominal gap", "Every contributor at its nominal value.");
    ImGui::TableNextColumn();
    length_cell(c, t.nominal_at_measurement, false);
    ImGui::TableNextColumn();
    length_cell(c, t.nominal_at_operating, false);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("thermal change %s", format_length(t.gap_change, c.unit).c_str());

    label("Mid-limit mean",
          "The centre of the worst-case range: every contributor at the middle of its tolerance band. "
          "Every statistical figure below is centred on it (plus declared mean shifts), not on the nominal.");
    ImGui::TableNextColumn();
    length_cell(c, r.worst_case.mean, false);
    ImGui::TableNextColumn();
    length_cell(c, t.worst_case_at_operating.mean, false);

    label("Worst case", "Every contributor at the limit of its band that makes the gap smallest / largest.");
    ImGui::TableNextColumn();
    range_cell(c, r.worst_case.min, r.worst_case.max);
    ImGui::TableNextColumn();
    range_cell(c, t.worst_case_at_operating.min, t.worst_case_at_operating.max);
}

// The exact worst case of a loop beside the linearised one (2026-12-06).
static void draw_exact_loop_row(Ctx& c) {
    const StackReport& r = c.report;
    label("  exact (loop)",
          "The loop's true extremes with every contributor in its band: the corners of its length "
          "contributors, each angle at its band end or interior extreme. The row above is linearised at "
          "nominal; the difference is shown on hover.");
    for (const ExactWorstCase* e : {&r.exact_worst_case, &r.exact_worst_case_at_operating}) {
        ImGui::TableNextColumn();
        if (!e->computed) {
            ImGui::TextDisabled("—");
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e->note.c_str());
            continue;
        }
        range_cell(c, e->min, e->max);
        if (ImGui::BeginItemTooltip()) {
            ImGui::Text("exact − linearised: %s at the minimum, %s at the maximum",
                        format_length(e->min_difference, c.unit).c_str(),
                        format_length(e->max_difference, c.unit).c_str());
            ImGui::TextDisabled("%s", e->method.c_str());
            ImGui::EndTooltip();
        }
    }
}

// RSS, the statistical model and its normal tails.
static void draw_statistical_rows(Ctx& c) {
    const StackReport& r = c.report;
    const ThermalResult& t = r.thermal;
    label("RSS (3σ)", "Each tolerance band taken as ±3σ of a centred normal: mid-limit mean ∓ √Σ(s·T)².");
    for (const RssResult* x : {&r.rss, &t.rss_at_operating}) {
        ImGui::TableNextColumn();
        range_cell(c, x->min, x->max);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("σ = %s", format_length(x->sigma, c.unit).c_str());
    }

    label("Statistical mean ± 3σ",
          "Each contributor's declared distribution (σ from Cp/Cpk/σ, uniform T/√3, triangular T/√6 or its "
          "(min, mode, max) moments, lognormal, mean shifts): mean = Σ s·mean, σ = √Σ s²σ². At the operating "
          "temperature it includes the CTE tolerances.");
    for (const StatisticalResult* x : {&r.statistical, &t.statistical_at_operating}) {
        ImGui::TableNextColumn();
        range_cell(c, x->min, x->max);
        if (ImGui::BeginItemTooltip()) {
            ImGui::Text("mean %s, σ %s", format_length(x->mean, c.unit).c_str(),
                        format_length(x->sigma, c.unit).c_str());
            if (x->cpk) ImGui::Text("Cpk of the gap %.3g", *x->cpk);
            ImGui::EndTooltip();
        }
    }
    label("  σ (statistical)", nullptr);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_length(r.statistical.sigma, c.unit).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_length(t.statistical_at_operating.sigma, c.unit).c_str());

    label("Predicted out (normal)",
          "Normal tails of the statistical model, Φ((L − mean)/σ) and 1 − Φ((U − mean)/σ). With uniform, triangular or "
          "skewed contributors the true tails are not normal: compare with the Monte Carlo.");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tails_text(r.statistical.tails).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tails_text(t.statistical_at_operating.tails).c_str());
}

// The Monte Carlo's mean and σ, percentiles and counts out of limits (or its state).
static void draw_mc_rows(Ctx& c, const StackView& v) {
    const MonteCarloResult* mc = c.mc;
    label(mc ? "Monte Carlo mean, σ" : "Monte Carlo",
          "Every contributor sampled from its declared distribution (seeded, reproducible); the gap evaluated "
          "exactly (the nonlinear loop for 2D stacks). No sample is discarded.");
    if (!mc) {
        ImGui::TableNextColumn();
        ImGui::TextDisabled(v.mc.running() ? "running…" : v.mc.cancelled() ? "cancelled" : "—");
        ImGui::TableNextColumn();
        ImGui::TextDisabled(v.mc.running() ? "running…" : v.mc.cancelled() ? "cancelled" : "—");
    } else {
        for (const MonteCarloSummary* m : {&mc->at_measurement, &mc->at_operating}) {
            ImGui::TableNextColumn();
            ImGui::Text("%s, σ %s", format_length(m->mean, c.unit).c_str(), format_length(m->sigma, c.unit).c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%zu samples, seed %llu; skewness %.3g; min %s, median %s, max %s", m->n,
                                  static_cast<unsigned long long>(mc->seed), m->skewness,
                                  format_length(m->min, c.unit).c_str(), format_length(m->p50, c.unit).c_str(),
                                  format_length(m->max, c.unit).c_str());
        }
        label("MC 0.135 … 99.865 %", "Percentiles of the samples (type 7), the ±3σ points of a normal.");
        for (const MonteCarloSummary* m : {&mc->at_measurement, &mc->at_operating}) {
            ImGui::TableNextColumn();
            range_cell(c, m->p00135, m->p99865);
        }
        label("MC out of limits", "Samples below / above the limits, with the Wilson 95 % interval.");
        for (const MonteCarloSummary* m : {&mc->at_measurement, &mc->at_operating}) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tails_text(m->ppm_below, m->ppm_above).c_str());
            if (ImGui::BeginItemTooltip()) {
                ImGui::Text("%zu below, %zu above of %zu samples", m->below, m->above, m->n);
                if (m->ci95_below)
                    ImGui::Text("below: 95 %% CI %s – %s", format_ppm(m->ci95_below->lower).c_str(),
                                format_ppm(m->ci95_below->upper).c_str());
                if (m->ci95_above)
                    ImGui::Text("above: 95 %% CI %s – %s", format_ppm(m->ci95_above->lower).c_str(),
                                format_ppm(m->ci95_above->upper).c_str());
                ImGui::Text("total %s, 95 %% CI %s – %s", format_ppm(m->ppm_total).c_str(),
                            format_ppm(m->ci95_total.lower).c_str(), format_ppm(m->ci95_total.upper).c_str());
                ImGui::EndTooltip();
            }
        }
    }
}

void draw_results(Ctx& c) {
    const StackReport& r = c.report;
    StackView& v = c.view;
    ImGui::SeparatorText("Results");
    ImGui::AlignTextToFramePadding();  // as high as the progress bar that may join the line
    ImGui::Text("Requirement: %s", limits_text(c).c_str());
    MF_TEST_ANCHOR("stack.results");
    draw_mc_state(v);

    const ImGuiTableFlags flags =
        ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
    table_out("stack.results", c.plan.meta.name, [&] {
        // The figures of the run before an edit show while it reruns; none of them leaves.
        if (!v.mc.showing_previous()) return stack_results_table(c.analysis.stack, r, c.mc, c.unit);
        const StackAnalysis now = analyse_stack(c.plan, c.stack.id);
        return stack_results_table(now.stack, now.report, nullptr, c.unit);
    });
    if (!ImGui::BeginTable("results", 3, flags)) return;
    char h1[48], h2[48];
    std::snprintf(h1, sizeof h1, "at %s (measurement)", temp_label(c.stack.measurement_temperature));
    std::snprintf(h2, sizeof h2, "at %s (operating)", temp_label(c.stack.operating_temperature));
    ImGui::TableSetupColumn("Figure");
    ImGui::TableSetupColumn(h1);
    ImGui::TableSetupColumn(h2);
    ImGui::TableHeadersRow();
    draw_worst_case_rows(c);
    if (c.stack.loop) draw_exact_loop_row(c);
    draw_statistical_rows(c);
    draw_mc_rows(c, v);
    ImGui::EndTable();
    ImGui::TextDisabled("Nominal %s; figures centred on the mid-limit mean %s (asymmetry %s).",
                        format_length(r.worst_case.nominal, c.unit).c_str(),
                        format_length(r.worst_case.mean, c.unit).c_str(),
                        format_length(r.worst_case.asymmetry, c.unit).c_str());
}

// [SECTION] Details ----------------------------------------------------------------------

void draw_details(Ctx& c) {
    const StackReport& r = c.report;
    const ThermalResult& t = r.thermal;
    ImGui::Spacing();
    if (ImGui::CollapsingHeader("Contribution shares (table)")) {
        if (ImGui::BeginTable("shares", 7,
                              ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            ImGui::TableSetupColumn("Rank");
            ImGui::TableSetupColumn("Contributor", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("Sensitivity");
            ImGui::TableSetupColumn("Worst-case range");
            ImGui::TableSetupColumn("RSS variance");
            ImGui::TableSetupColumn("Statistical variance");
            ImGui::TableSetupColumn("Monte Carlo r²");
            ImGui::TableHeadersRow();
            for (const auto& row : r.contributions) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::Text("%d", row.rank);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.name.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%.4g", row.sensitivity);
                ImGui::TableNextColumn();
                ImGui::Text("%.1f %%", row.worst_case_share * 100);
                ImGui::TableNextColumn();
                ImGui::Text("%.1f %%", row.rss_share * 100);
                ImGui::TableNextColumn();
                ImGui::Text("%.1f %%", row.statistical_share * 100);
                ImGui::TableNextColumn();
                if (row.monte_carlo_share)
                    ImGui::Text("%.1f %%", *row.monte_carlo_share * 100);
                else
                    ImGui::TextDisabled("—");
            }
            ImGui::EndTable();
        }
        ImGui::TextDisabled(
            "Worst-case: |s|·T / Σ|s|·T. RSS: (s·T)² / Σ(s·T)². Statistical: s²σ² / Σ s²σ² (ranked by this). "
            "Monte Carlo: corr(x, gap)² from the samples.");
    }
    if (ImGui::CollapsingHeader("Thermal: each contributor from its measurement to the operating temperature")) {
        ImGui::Text("Nominal gap %s at %s, %s at %s: change %s.",
                    format_length(t.nominal_at_measurement, c.unit).c_str(), temp_label(t.measurement_temperature),
                    format_length(t.nominal_at_operating, c.unit).c_str(), temp_label(t.operating_temperature),
                    format_length(t.gap_change, c.unit).c_str());
        if (ImGui::BeginTable("thermal", 7,
                              ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            ImGui::TableSetupColumn("Contributor", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("Material");
            ImGui::TableSetupColumn("α (ppm/K)");
            ImGui::TableSetupColumn("Measured at");
            ImGui::TableSetupColumn("ΔT");
            ImGui::TableSetupColumn("ΔL = α·L·ΔT");
            ImGui::TableSetupColumn("Effect on the gap");
            ImGui::TableHeadersRow();
            for (const auto& row : t.rows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.name.c_str());
                ImGui::TableNextColumn();
                const Material* m = find_material(row.material);
                ImGui::TextUnformatted(m ? m->name : row.material.empty() ? "—" : row.material.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%.3g", row.cte);
                ImGui::TableNextColumn();
                ImGui::Text("%.4g °C", row.measured_at);
                ImGui::TableNextColumn();
                ImGui::Text("%+.4g K", row.delta_t);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_length(row.delta_length, c.unit).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_length(row.gap_effect, c.unit).c_str());
            }
            ImGui::EndTable();
        }
        if (t.has_cte_tolerance) {  // uncertain CTE (2026-12-06)
            ImGui::PushTextWrapPos(0);
            ImGui::Text(
                "CTE tolerances at %s: σ %s from the CTEs; statistical σ %s (exact CTEs: %s); worst case "
                "%s … %s (exact CTEs: %s … %s). At %s the figures carry no CTE tolerance.",
                temp_label(t.operating_temperature), format_length(t.cte_sigma, c.unit).c_str(),
                format_length(t.statistical_at_operating.sigma, c.unit).c_str(),
                format_length(t.statistical_exact_cte.sigma, c.unit).c_str(),
                format_length(t.worst_case_at_operating.min, c.unit).c_str(),
                format_length(t.worst_case_at_operating.max, c.unit).c_str(),
                format_length(t.worst_case_exact_cte.min, c.unit).c_str(),
                format_length(t.worst_case_exact_cte.max, c.unit).c_str(), temp_label(t.measurement_temperature));
            ImGui::PopTextWrapPos();
            for (const auto& row : t.rows)
                if (row.cte_tol > 0)
                    ImGui::BulletText("%s: α %.3g ± %.3g ppm/K → σ %s, extreme ± %s on the gap", row.name.c_str(),
                                      row.cte, row.cte_tol, format_length(row.cte_gap_sigma, c.unit).c_str(),
                                      format_length(row.cte_gap_extreme, c.unit).c_str());
        }
        for (const auto& n : t.notes) ImGui::BulletText("%s", n.c_str());
    }
    if (ImGui::CollapsingHeader("Labelled variants: Bender, modified RSS, inflated, long-term 1.5σ shift")) {
        if (ImGui::BeginTable("variants", 3,
                              ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            char h1[48], h2[48];
            std::snprintf(h1, sizeof h1, "at %s", temp_label(c.stack.measurement_temperature));
            std::snprintf(h2, sizeof h2, "at %s", temp_label(c.stack.operating_temperature));
            ImGui::TableSetupColumn("Figure");
            ImGui::TableSetupColumn(h1);
            ImGui::TableSetupColumn(h2);
            ImGui::TableHeadersRow();
            const RssResult* rs[2] = {&r.rss, &t.rss_at_operating};
            const StatisticalResult* st[2] = {&r.statistical, &t.statistical_at_operating};
            auto row_label = [](const char* s) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(s);
            };
            row_label("RSS, Bender (σ × 1.5)");
            for (auto* x : rs) {
                ImGui::TableNextColumn();
                range_cell(c, x->bender_min, x->bender_max);
            }
            char mrss[64];
            std::snprintf(mrss, sizeof mrss, "Modified RSS (C_f = %.3g)", r.rss.mrss_factor);
            row_label(mrss);
            for (auto* x : rs) {
                ImGui::TableNextColumn();
                range_cell(c, x->mrss_min, x->mrss_max);
            }
            std::string infl = "Statistical, inflated: " + r.statistical.inflation_label;
            row_label(infl.c_str());
            for (auto* x : st) {
                ImGui::TableNextColumn();
                ImGui::Text("σ %s, %s", format_length(x->inflated_sigma, c.unit).c_str(),
                            tails_text(x->inflated_tails).c_str());
            }
            row_label("Long-term 1.5σ shift");
            for (auto* x : st) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(tails_text(x->long_term_tails).c_str());
            }
            row_label("Cpk of the gap");
            for (auto* x : st) {
                ImGui::TableNextColumn();
                if (x->cpk)
                    ImGui::Text("%.3g", *x->cpk);
                else
                    ImGui::TextDisabled("—");
            }
            row_label("Yield (normal model)");
            for (auto* x : st) {
                ImGui::TableNextColumn();
                ImGui::Text("%.5f %%", x->tails.yield * 100);
            }
            ImGui::EndTable();
        }
    }
}

}  // namespace mf::stack_ui
