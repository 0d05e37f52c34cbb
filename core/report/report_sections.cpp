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
#include "chart/analysis_charts.h"
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

static ResultTable ranking_table(const DecisionSection& s, const DecisionAnalysis& a) {
    ResultTable t{
        "Ranking",
        "ranking",
        {"Rank", "Partner", "Weighted sum", "TOPSIS closeness", "TOPSIS rank", "P(ranks first)", "95 % interval"},
        {}};
    const Ranking& ws = a.weighted_sum.ranking;
    const RankFirstResult& rf = a.rank_first;
    for (int i : ws.order) {
        const size_t k = static_cast<size_t>(i);
        const bool mc = k < rf.p_first.size() && rf.errors.empty() && rf.samples > 0;
        const bool tp = k < a.topsis.ranking.score.size();
        t.rows.push_back({number_cell(std::to_string(ws.rank[k]) + (ws.tied[k] ? " (tied)" : "")),
                          text_cell(partner_name(s, i)), number_cell(fixed(ws.score[k], 3)),
                          number_cell(tp ? fixed(a.topsis.ranking.score[k], 3) : "—"),
                          number_cell(tp ? std::to_string(a.topsis.ranking.rank[k]) : "—"),
                          number_cell(mc ? percent(rf.p_first[k]) : "—"),
                          number_cell(mc ? fixed(rf.ci95[k].lower, 3) + " – " + fixed(rf.ci95[k].upper, 3) : "—")});
    }
    return t;
}

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
    b += table_html(ranking_table(s, a));
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
// The roads comparison (helper "roads": analyse_roads + roads_table) goes here once it is in
// the tree; until then the section says where to find it.
std::string roads_section(const Plan&) {
    return section_html("roads", "Roads",
                        para("The roads comparison is not part of this report yet (it comes with the roads "
                             "analysis)."));
}

// [SECTION] Cost against volume -----------------------------------------------------------------------

std::string cost_section(const Plan& plan, const DecisionAnalysis& a) {
    const DecisionSection& s = plan.decision;
    std::string b;
    if (a.cost_partners.empty())
        return section_html("cost", "Cost against volume", para("No partner has a cost model."));
    b += figure_html(cost_volume_chart(a, s), "cost-volume");
    ResultTable t{"Cost per good part", "cost-per-part", {"Partner"}, {}};
    for (size_t v = 0; v < a.volumes.size(); ++v)
        t.columns.push_back(fixed(a.volumes[v], 0) + " parts" + (v + 1 == a.volumes.size() ? " (planned)" : ""));
    for (size_t k = 0; k < a.cost_partners.size(); ++k) {
        std::vector<TableCell> row{text_cell(partner_name(s, a.cost_partners[k]))};
        for (const CostBreakdown& c : a.costs[k]) row.push_back(number_cell(report_number(c.per_good_part, 4)));
        t.rows.push_back(std::move(row));
    }
    b += table_html(t);
    std::vector<std::string> cross;
    for (const Crossover& x : a.crossovers.crossings)
        cross.push_back(partner_name(s, a.cost_partners[static_cast<size_t>(x.a)]) + " and " +
                        partner_name(s, a.cost_partners[static_cast<size_t>(x.b)]) + " cross at " + fixed(x.volume, 0) +
                        " good parts" + (x.jump ? " (at a jump)" : ""));
    b += cross.empty() ? para("No crossover between " + fixed(a.crossovers.v_lo, 0) + " and " +
                              fixed(a.crossovers.v_hi, 0) + " good parts.")
                       : para("Crossovers:") + list_html(cross);
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
    if (mc) b += figure_html(finish_scurve_chart(*mc), "timeline-scurve");
    return section_html("timeline", "Timeline", b);
}

// [SECTION] Tolerance stacks -----------------------------------------------------------------------------

static std::string one_stack(const Plan& plan, const StackAnalysis& a, size_t index) {
    const double u = mm_per_unit(plan.meta.units);
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
    ResultTable t{"Gap", "gap", {"Method", "Min (" + sym + ")", "Max (" + sym + ")", "Out of limits (ppm)"}, {}};
    auto n = [&](double mm) { return number_cell(report_number(mm / u, 5)); };
    t.rows.push_back({text_cell("Worst case"), n(r.worst_case.min), n(r.worst_case.max), text_cell("")});
    t.rows.push_back({text_cell("RSS (mean ± 3σ)"), n(r.rss.min), n(r.rss.max),
                      number_cell(report_number(r.rss.tails.ppm_total, 4))});
    t.rows.push_back({text_cell("Statistical (mean ± 3σ)"), n(r.statistical.min), n(r.statistical.max),
                      number_cell(report_number(r.statistical.tails.ppm_total, 4))});
    if (const MonteCarloResult* mc = a.monte_carlo_result()) {
        auto row = [&](const std::string& what, const MonteCarloSummary& m) {
            t.rows.push_back({text_cell("Monte Carlo" + what + " (0.135 % … 99.865 %)"), n(m.p00135), n(m.p99865),
                              number_cell(report_number(m.ppm_total, 4))});
        };
        row(mc->thermal_differs ? " at " + report_number(mc->at_measurement.temperature, 4) + " °C" : "",
            mc->at_measurement);
        if (mc->thermal_differs) row(" at " + report_number(mc->at_operating.temperature, 4) + " °C", mc->at_operating);
    }
    b += table_html(t);
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

static std::string one_feature(const Plan& plan, const FeatureAnalysis& f, const std::string& id) {
    const bool length = f.units == "mm";
    const double s = length ? mm_per_unit(plan.meta.units) : 1.0;
    const std::string unit = length ? unit_symbol(plan.meta.units) : f.units;
    std::string b = "<article class=\"item\"><h4>" + html_escape(f.feature_name) + "</h4>";
    if (!f.errors.empty()) {
        std::vector<std::string> e;
        for (const Issue& i : f.errors) e.push_back(to_string(i));
        return b + para("No indices:") + list_html(e, "problems") + "</article>";
    }
    b += para("Pilot gate: " + std::string(gate_verdict_name(f.gate.verdict)) +
                  (f.gate.reason.empty() ? "" : " — " + f.gate.reason),
              "verdict");
    auto opt = [](const std::optional<double>& v) { return number_cell(v ? fixed(*v, 2) : "—"); };
    ResultTable t{
        "Capability",
        "capability",
        {"Values", "Mean (" + unit + ")", "σ within", "σ overall", "Cp", "Cpk", "Cpk lower bound", "Pp", "Ppk"},
        {}};
    t.rows.push_back({number_cell(std::to_string(f.values)), number_cell(report_number(f.mean / s, 6)),
                      number_cell(report_number(f.within.sigma / s, 4)),
                      number_cell(report_number(f.overall.sigma / s, 4)), opt(f.cap.cp), opt(f.cap.cpk),
                      opt(f.cap.cpk_lower_bound), opt(f.cap.pp), opt(f.cap.ppk)});
    b += table_html(t);
    b += "<div class=\"pair\">" + figure_html(capability_histogram_chart(f, s, unit), id + "-hist") +
        figure_html(control_chart_chart(f, true, s, unit), id + "-chart") + "</div>";
    return b + "</article>";
}

std::string capability_section(const Plan& plan, const std::vector<CapabilityAnalysis>& datasets) {
    if (datasets.empty()) return section_html("capability", "Capability", para("The plan has no datasets."));
    std::string b;
    for (size_t d = 0; d < datasets.size(); ++d) {
        const CapabilityAnalysis& a = datasets[d];
        b += "<h3>" + html_escape(a.dataset.name.empty() ? a.dataset.id : a.dataset.name) + "</h3>";
        for (size_t k = 0; k < a.features.size(); ++k)
            if (a.features[k])
                b += one_feature(plan, *a.features[k], "cap-" + std::to_string(d) + "-" + std::to_string(k));
    }
    return section_html("capability", "Capability", b);
}

}  // namespace mf::report
