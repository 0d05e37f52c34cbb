// The tool sections of the report (report_parts.h): each reads its tool's analysis, builds
// its tables as ResultTables and its charts with the shared builders (core/chart).
//
// [SECTION] Decision
// [SECTION] Roads
// [SECTION] Cost against volume
// [SECTION] Timeline
// [SECTION] Tolerance stacks
// [SECTION] Capability
#include <algorithm>
#include <cmath>

#include "base/date.h"
#include "capability/capability_tables.h"
#include "chart/analysis_charts.h"
#include "decision/decision_tables.h"
#include "roads/roads_analysis.h"
#include "schedule/schedule_tables.h"
#include "tolerance/stack_tables.h"
#include "report/html.h"
#include "report/report_parts.h"

namespace mf::report {

namespace {

std::string partner_name(const DecisionSection& s, int i) {
    return i >= 0 && static_cast<size_t>(i) < s.partners.size() ? s.partners[static_cast<size_t>(i)].name : "—";
}

std::string partner_list(const DecisionSection& s, const std::vector<int>& who) {
    std::string o;
    for (int i : who) o += (o.empty() ? "" : ", ") + partner_name(s, i);
    return o.empty() ? "—" : o;
}

std::string list_html(const std::vector<std::string>& items, const char* cls = nullptr) {
    if (items.empty()) return "";
    std::string o = cls ? std::string("<ul class=\"") + cls + "\">" : "<ul>";
    for (const auto& i : items) o += "<li>" + html_escape(i) + "</li>";
    return o + "</ul>";
}

}  // namespace

// [SECTION] Decision -------------------------------------------------------------------------------

static ResultTable flips_table(const DecisionSection& s, const DecisionAnalysis& a) {
    ResultTable t{
        "Flip weights",
        "flip-weights",
        {"Criterion", "Weight now", "Winner changes below", "New leader", "Winner changes above", "New leader"},
        {}};
    for (const WeightFlip& x : a.flips.flips) {
        const std::string name = x.criterion < s.criteria.size() ? s.criteria[x.criterion].name : "?";
        if (!x.applicable) {
            t.rows.push_back({text_cell(name), number_cell(fixed(x.weight, 3)), text_cell("not applicable"),
                              text_cell(""), text_cell(""), text_cell("")});
            continue;
        }
        t.rows.push_back(
            {text_cell(name), number_cell(fixed(x.weight, 3)), number_cell(x.down ? fixed(*x.down, 3) : "never"),
             text_cell(x.down ? partner_list(s, x.down_new_top) : ""), number_cell(x.up ? fixed(*x.up, 3) : "never"),
             text_cell(x.up ? partner_list(s, x.up_new_top) : "")});
    }
    return t;
}

std::string decision_section(const Plan& plan, const DecisionAnalysis& a) {
    const DecisionSection& s = plan.decision;
    std::string b;
    if (s.partners.empty()) return section_html("decision", "Decision", para("The plan has no partners to compare."));
    if (a.chosen >= 0)
        b += para("Chosen partner: " + partner_name(s, a.chosen) +
                      (a.chosen_by_decider ? " (recorded by the decider" +
                               (plan.meta.decider.empty() ? std::string() : ", " + plan.meta.decider) + ")"
                                           : " (the weighted-sum winner)"),
                  "verdict");
    else
        b += para("No partner chosen: the ranking has a tie or a problem.", "verdict");
    if (!a.errors.empty()) {
        b += para("The ranking could not be computed:");
        return section_html("decision", "Decision", b + list_html(a.errors, "problems"));
    }
    b += table_html(decision_matrix_table(a, s, &a.rank_first));  // the Decision view's table
    if (a.rank_first.samples > 0)
        b += para("P(ranks first): " + std::to_string(a.rank_first.samples) + " samples, seed " +
                      std::to_string(a.rank_first.seed) + ", scores " + a.rank_first.distribution + "; " +
                      a.rank_first.tie_rule + ".",
                  "note");
    b += figure_html(flip_weights_chart(a, s), "decision-flips");
    b += table_html(flips_table(s, a));
    return section_html("decision", "Decision", b);
}

// [SECTION] Roads ------------------------------------------------------------------------------------
// Each road (a partner, or the split plan) side by side: cost, dates, stacks, gate, score,
// red flags (core/roads: analyse_roads and its table, as `mfplan compare`).
std::string roads_section(const Plan&, const RoadsAnalysis& a) {
    if (a.roads.empty()) return section_html("roads", "Roads", para("The plan compares no roads (no partners)."));
    std::string b;
    if (!a.recommended.empty()) {
        std::string name = a.recommended;
        for (const RoadFigures& r : a.roads)
            if (r.road == a.recommended) name = r.name;
        b += para("Recommended road: " + name + (a.chosen_by_decider ? " (the decider's choice)" : ""), "verdict");
    }
    if (!a.why.empty()) b += para(a.why);
    for (const std::string& e : a.decision_errors) b += para(e, "note");
    b += table_html(roads_table(a));
    return section_html("roads", "Roads", b);
}

// [SECTION] Cost against volume -----------------------------------------------------------------------

std::string cost_section(const Plan& plan, const DecisionAnalysis& a) {
    const DecisionSection& s = plan.decision;
    std::string b;
    if (a.cost_partners.empty())
        return section_html("cost", "Cost against volume", para("No partner has a cost model."));
    b += figure_html(cost_volume_chart(a, s), "cost-volume");
    b += table_html(cost_table(a, s));
    b += a.crossovers.crossings.empty() ? para("No crossover between " + fixed(a.crossovers.v_lo, 0) + " and " +
                                               fixed(a.crossovers.v_hi, 0) + " good parts.")
                                        : table_html(crossover_table(a, s));
    return section_html("cost", "Cost against volume", b);
}

// [SECTION] Timeline -----------------------------------------------------------------------------------

std::string timeline_section(const Plan& plan, const ScheduleAnalysis& a) {
    std::string b;
    if (plan.schedule.tasks.empty()) return section_html("timeline", "Timeline", para("The plan has no tasks."));
    if (!a.cpm) {
        std::vector<std::string> errors;
        for (const Issue& e : a.issues)
            if (e.severity == Severity::Error) errors.push_back(a.text(e));
        if (!plan.meta.start_date) errors.push_back("The plan has no start date.");
        return section_html("timeline", "Timeline",
                            para("The timeline could not be computed:") + list_html(errors, "problems"));
    }
    const CpmResult& cpm = *a.cpm;
    ResultTable t{"Finish", "finish", {"Figure", "Date", "Working days"}, {}};
    t.rows.push_back({text_cell("CPM finish (most likely durations)"), text_cell(format_iso_date(cpm.finish_date)),
                      number_cell(fixed(cpm.finish, 1))});
    const McResult* mc = a.mc && a.mc->ok() ? &*a.mc : nullptr;
    if (mc) {
        const std::pair<const char*, std::pair<double, Date>> rows[] = {{"P10", {mc->p10, mc->p10_date}},
                                                                        {"P50", {mc->p50, mc->p50_date}},
                                                                        {"P80", {mc->p80, mc->p80_date}},
                                                                        {"P95", {mc->p95, mc->p95_date}}};
        for (const auto& r : rows)
            t.rows.push_back({text_cell(std::string("Monte Carlo ") + r.first),
                              text_cell(format_iso_date(r.second.second)), number_cell(fixed(r.second.first, 1))});
    }
    if (plan.meta.deadline)
        t.rows.push_back({text_cell("Deadline"), text_cell(format_iso_date(*plan.meta.deadline)),
                          number_cell(cpm.deadline_offset ? fixed(*cpm.deadline_offset, 1) : "—")});
    b += table_html(t);
    if (mc && mc->probability_meet_deadline)
        b += para("Probability of meeting the deadline: " + percent(*mc->probability_meet_deadline) +
                      " (buffer P80 − plan: " + fixed(mc->buffer, 1) + " working days).",
                  "verdict");
    b += figure_html(gantt_chart(a, plan), "timeline-gantt");
    b += table_html(cpm_table(plan, a, mc));
    if (mc) b += figure_html(finish_scurve_chart(*mc), "timeline-scurve");
    return section_html("timeline", "Timeline", b);
}

// [SECTION] Tolerance stacks -----------------------------------------------------------------------------

static std::string one_stack(const Plan& plan, const StackAnalysis& a, size_t index) {
    const std::string sym = unit_symbol(plan.meta.units);
    std::string b =
        "<article class=\"item\"><h3>" + html_escape(a.stack.name.empty() ? a.stack.id : a.stack.name) + "</h3>";
    if (has_errors(a.issues)) {
        std::vector<std::string> e;
        for (const Issue& i : a.issues)
            if (i.severity == Severity::Error) e.push_back(to_string(i));
        return b + para("Not analysed:") + list_html(e, "problems") + "</article>";
    }
    const StackReport& r = a.report;
    b += para(
        "Verdict: " + std::string(verdict_name(r.fit.verdict)) + (r.fit.reason.empty() ? "" : " — " + r.fit.reason),
        "verdict");
    b += table_html(stack_results_table(a.stack, r, a.monte_carlo_result(), plan.meta.units));
    b += figure_html(stack_histogram_chart(a.stack, a.monte_carlo_result(), plan.meta.units, false),
                     "stack-" + std::to_string(index) + "-hist");
    return b + "</article>";
}

std::string stacks_section(const Plan& plan, const std::vector<StackAnalysis>& stacks) {
    if (stacks.empty()) return section_html("stacks", "Tolerance stacks", para("The plan has no tolerance stacks."));
    std::string b;
    for (size_t i = 0; i < stacks.size(); ++i) b += one_stack(plan, stacks[i], i);
    return section_html("stacks", "Tolerance stacks", b);
}

// [SECTION] Capability -------------------------------------------------------------------------------------

static std::string one_feature(const Plan& plan, const Dataset& d, const FeatureAnalysis& f, const std::string& id) {
    const ValueUnit u = value_unit(Feature{f.feature_id, f.feature_name, {}, {}, {}, {}, f.units}, plan.meta.units);
    std::string b = "<article class=\"item\"><h4>" + html_escape(f.feature_name) + "</h4>";
    if (!f.errors.empty()) {
        std::vector<std::string> e;
        for (const Issue& i : f.errors) e.push_back(to_string(i));
        return b + para("No indices:") + list_html(e, "problems") + "</article>";
    }
    const VerdictWords v = verdict_words(f, d.gate);
    b += para(std::string(v.mark) + " Pilot gate: " + v.words + (f.gate.reason.empty() ? "" : " — " + f.gate.reason),
              "verdict");
    b += para("Mean " + report_number(f.mean / u.scale, 6) + " " + u.symbol + ", σ within " +
                  report_number(f.within.sigma / u.scale, 4) + ", σ overall " +
                  report_number(f.overall.sigma / u.scale, 4) + "; " + std::to_string(f.values) + " values in " +
                  std::to_string(f.subgroups) + " subgroups.",
              "note");
    b += figure_html(capability_histogram_chart(f, u.scale, u.symbol), id + "-hist") +
        figure_html(control_chart_chart(f, true, u.scale, u.symbol), id + "-chart");
    return b + "</article>";
}

std::string capability_section(const Plan& plan, const std::vector<CapabilityAnalysis>& datasets) {
    if (datasets.empty()) return section_html("capability", "Capability", para("The plan has no datasets."));
    std::string b;
    for (size_t d = 0; d < datasets.size(); ++d) {
        const CapabilityAnalysis& a = datasets[d];
        b += "<h3>" + html_escape(a.dataset.name.empty() ? a.dataset.id : a.dataset.name) + "</h3>";
        if (!a.errors.empty()) {
            std::vector<std::string> e;
            for (const Issue& i : a.errors) e.push_back(to_string(i));
            b += list_html(e, "problems");
            continue;
        }
        b += table_html(capability_indices_table(a, plan.meta.units));  // the Capability view's table
        for (size_t k = 0; k < a.features.size(); ++k)
            if (a.features[k])
                b += one_feature(plan, a.dataset, *a.features[k], "cap-" + std::to_string(d) + "-" + std::to_string(k));
    }
    return section_html("capability", "Capability", b);
}

}  // namespace mf::report
