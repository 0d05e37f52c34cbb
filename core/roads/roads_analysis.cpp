// [SECTION] One road: decision, stacks, schedule on plan_for_road
// [SECTION] The recommendation
// [SECTION] The roads Monte Carlo (a sliced job)
// [SECTION] The table
#include "roads/roads_analysis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/limits.h"
#include "decision/crossover.h"
#include "roads/plan_for_road.h"
#include "schedule/gate.h"
#include "tolerance/stack_facade.h"

namespace mf {

// [SECTION] One road -------------------------------------------------------------------

namespace {

int partner_index(const DecisionSection& s, const std::string& id) {
    for (size_t i = 0; i < s.partners.size(); ++i)
        if (s.partners[i].id == id) return static_cast<int>(i);
    return -1;
}

// The split road's cost per good part at volume V: the best transfer point for that volume at
// the mid transfer cost and delay (best_split, as the decision's split plan at the planned volume).
std::optional<double> split_cost_per_good_part(const DecisionSection& s, double volume) {
    const SplitPartners sp = split_partners(s);
    if (!sp.defined()) return std::nullopt;
    const Partner& from = s.partners[static_cast<size_t>(sp.from)];
    const Partner& to = s.partners[static_cast<size_t>(sp.to)];
    if (!from.cost || !to.cost) return std::nullopt;
    SplitInput in;
    in.from = cost_inputs(s, from);
    in.to = cost_inputs(s, to);
    in.volume = volume;
    in.settings = s.split;
    const SplitResult r = best_split(in, kMaxSplitBreakpoints);
    if (!r.possible || !r.errors.empty() || !(r.volume > 0)) return std::nullopt;
    const double c = r.total_best_mid / r.volume;
    if (!std::isfinite(c)) return std::nullopt;
    return c;
}

void decision_figures(const Plan& road_plan, const RoadsAnalysis& a, RoadFigures& f) {
    DecisionOptions o;
    o.mc_samples = 0;  // the scores, ranks, costs and warnings do not depend on the rank-first Monte Carlo
    o.volumes = a.options.volumes;
    const DecisionAnalysis d = analyse_decision(road_plan, o);
    const DecisionSection& s = road_plan.decision;
    f.warnings = d.warnings;
    const int i = partner_index(s, f.road);
    if (i >= 0 && d.errors.empty()) {
        f.score = d.weighted_sum.ranking.score[static_cast<size_t>(i)];
        f.rank = d.weighted_sum.ranking.rank[static_cast<size_t>(i)];
        f.tied = d.weighted_sum.ranking.tied[static_cast<size_t>(i)];
        f.topsis_score = d.topsis.ranking.score[static_cast<size_t>(i)];
        f.topsis_rank = d.topsis.ranking.rank[static_cast<size_t>(i)];
    }
    f.cost_per_good_part.assign(d.volumes.size(), std::nullopt);
    for (size_t k = 0; k < d.cost_partners.size(); ++k) {
        if (d.cost_partners[k] != i) continue;
        for (size_t v = 0; v < d.costs[k].size() && v < d.volumes.size(); ++v)
            if (std::isfinite(d.costs[k][v].per_good_part)) f.cost_per_good_part[v] = d.costs[k][v].per_good_part;
    }
    if (f.road == kSplitRoad)
        for (size_t v = 0; v < d.volumes.size(); ++v)
            f.cost_per_good_part[v] = split_cost_per_good_part(s, d.volumes[v]);
}

void stack_figures(const Plan& road_plan, RoadFigures& f) {
    for (const auto& st : road_plan.stacks) {
        RoadStackFigure sf;
        sf.id = st.id;
        sf.name = st.name;
        const StackAnalysis an = analyse_stack(road_plan, st.id, StackOptions{});  // analytic: no Monte Carlo
        if (has_errors(an.issues)) {
            for (const auto& e : an.issues)
                if (e.severity == Severity::Error) {
                    sf.error = to_string(e);
                    break;
                }
        } else {
            const FitAssessment& fit = an.report.fit;
            sf.verdict = fit.verdict;
            sf.ppm_at_measurement = fit.at_measurement.ppm;
            sf.ppm_at_operating = fit.at_operating.ppm;
            sf.ppm = std::max(sf.ppm_at_measurement, sf.ppm_at_operating);
        }
        f.stacks.push_back(std::move(sf));
    }
}

// The schedule without its Monte Carlo: the problem to run, the pilot gate's pass probability.
std::optional<ScheduleProblem> schedule_figures(const Plan& road_plan, RoadFigures& f) {
    const ScheduleAnalysis an = analyse_schedule(road_plan, ScheduleOptions{0, 1});
    const ScheduleSection& section = an.problem ? an.problem->section : an.resolved.schedule;
    const Task* gate = nullptr;
    for (const auto& t : section.tasks) {
        const bool named = !road_plan.roads.pilot_gate.empty() && t.id == road_plan.roads.pilot_gate;
        const bool first_cpk = road_plan.roads.pilot_gate.empty() && t.kind == TaskKind::Gate && t.gate.cpk;
        if (named || first_cpk) {
            gate = &t;
            break;
        }
    }
    if (gate) {
        f.pilot_gate = gate->id;
        const double p = gate_spec_pass_probability(gate->gate);
        if (std::isfinite(p)) f.pilot_gate_pass = p;
    }
    if (!an.ok() || !an.cpm) {
        for (const auto& e : an.issues)
            if (e.severity == Severity::Error) {
                f.schedule_error = an.text(e);
                break;
            }
        if (f.schedule_error.empty()) f.schedule_error = "the schedule cannot be analysed";
        return std::nullopt;
    }
    if (section.tasks.empty()) {
        f.schedule_error = "the plan has no tasks";
        return std::nullopt;
    }
    return an.problem;
}

}  // namespace

// [SECTION] The recommendation ---------------------------------------------------------

static void recommend(const Plan& plan, const RoadsOptions& options, RoadsAnalysis& a) {
    DecisionOptions o;
    o.mc_samples = 0;
    o.volumes = options.volumes;
    const DecisionAnalysis d = analyse_decision(plan, o);
    a.volumes = d.volumes;
    a.decision_errors = d.errors;
    a.ahp_weights = d.weighting == Weighting::AHP;
    a.split_pays = d.split && d.split->split_pays;
    const auto& ps = plan.decision.partners;
    if (!d.errors.empty() || ps.empty()) {
        a.why = d.errors.empty() ? "No partners: nothing to recommend."
                                 : "The matrix cannot be ranked: " + d.errors.front();
        return;
    }
    const int ws = d.weighted_sum.ranking.order.empty() ? -1 : d.weighted_sum.ranking.order[0];
    const int tp = d.topsis.ranking.order.empty() ? -1 : d.topsis.ranking.order[0];
    if (ws >= 0) a.weighted_sum_top = ps[static_cast<size_t>(ws)].id;
    if (tp >= 0) a.topsis_top = ps[static_cast<size_t>(tp)].id;
    a.methods_agree = ws >= 0 && ws == tp;
    a.chosen_by_decider = d.chosen_by_decider;
    if (d.chosen >= 0) a.recommended = ps[static_cast<size_t>(d.chosen)].id;
    auto name = [&](int i) { return i >= 0 ? ps[static_cast<size_t>(i)].name : std::string("nobody"); };
    const std::string weights = a.ahp_weights ? "AHP weights" : "direct weights";
    std::string why = a.methods_agree
        ? "Weighted sum and TOPSIS (" + weights + ") both put " + name(ws) + " first"
        : "The methods disagree: the weighted sum (" + weights + ") puts " + name(ws) + " first, TOPSIS " + name(tp);
    if (d.chosen_by_decider)
        why += "; the decider chose " + name(d.chosen);
    else
        why += "; no decider's choice, so the weighted-sum top";
    if (a.split_pays) why += "; the split plan is cheaper than either partner alone at the planned volume";
    a.why = why + ".";
}

RoadsAnalysis analyse_roads(const Plan& plan, const RoadsOptions& options) {
    RoadsAnalysis a;
    a.options = options;
    a.deadline = plan.meta.deadline;
    a.first_article_task = plan.roads.first_article;
    a.production_task = plan.roads.production;
    recommend(plan, options, a);
    for (const std::string& road : road_ids(plan)) {
        const Plan p = plan_for_road(plan, road);
        RoadFigures f;
        f.road = road;
        f.name = road_name(plan, road);
        f.partner = p.decision.chosen;
        decision_figures(p, a, f);
        stack_figures(p, f);
        a.problems.push_back(schedule_figures(p, f));
        a.roads.push_back(std::move(f));
    }
    if (options.schedule.iterations > 0) {
        RoadsMonteCarlo job(roads_mc_inputs(a));
        with_schedule_monte_carlo(a, run_to_end(job, 4096));
    }
    return a;
}

// [SECTION] The roads Monte Carlo ------------------------------------------------------

RoadsMcInputs roads_mc_inputs(const RoadsAnalysis& a) {
    RoadsMcInputs in;
    for (const auto& p : a.problems) {
        if (p && a.options.schedule.iterations > 0)
            in.runs.push_back(McInput{*p, a.options.schedule.iterations, a.options.schedule.seed});
        else
            in.runs.push_back(std::nullopt);
    }
    return in;
}

RoadsMonteCarlo::RoadsMonteCarlo(RoadsMcInputs in) : in_(std::move(in)), done_(in_.runs.size()) { open_next(); }

// Skips the roads with nothing to run and starts the next one's job.
void RoadsMonteCarlo::open_next() {
    job_.reset();
    while (next_ < in_.runs.size() && !in_.runs[next_]) ++next_;
    if (next_ < in_.runs.size()) job_.emplace(*in_.runs[next_]);
}

bool RoadsMonteCarlo::step(size_t n) {
    while (!finished() && n > 0) {
        const int before = job_->completed();
        const bool done = job_->step(n);
        const size_t used = static_cast<size_t>(std::max(1, job_->completed() - before));
        n = used >= n ? 0 : n - used;
        if (done) {
            done_[next_] = job_->result();
            ++next_;
            open_next();
        }
    }
    return finished();
}

double RoadsMonteCarlo::progress() const {
    double total = 0, completed = 0;
    for (size_t i = 0; i < in_.runs.size(); ++i) {
        if (!in_.runs[i]) continue;
        total += in_.runs[i]->iterations;
        if (i < next_)
            completed += in_.runs[i]->iterations;
        else if (i == next_ && job_)
            completed += job_->completed();
    }
    return total > 0 ? completed / total : 1.0;
}

std::vector<std::optional<McResult>> RoadsMonteCarlo::result() const {
    std::vector<std::optional<McResult>> out = done_;
    if (job_ && next_ < out.size() && job_->completed() > 0) out[next_] = job_->result();
    return out;
}

void with_schedule_monte_carlo(RoadsAnalysis& a, const std::vector<std::optional<McResult>>& mc) {
    for (size_t i = 0; i < a.roads.size() && i < mc.size(); ++i) {
        RoadFigures& f = a.roads[i];
        if (!mc[i]) continue;
        const McResult& r = *mc[i];
        if (!r.ok()) {
            f.schedule_error = r.errors.empty() ? "" : r.errors.front().message;
            continue;
        }
        auto task = [&](const std::string& id) -> const McTaskStats* {
            for (const auto& t : r.tasks)
                if (t.id == id) return &t;
            return nullptr;
        };
        // A named task's own finish percentiles, else the project finish (production only).
        if (const McTaskStats* t = a.production_task.empty() ? nullptr : task(a.production_task)) {
            f.production_p50 = t->p50_finish_date;
            f.production_p80 = t->p80_finish_date;
        } else {
            f.production_p50 = r.p50_date;
            f.production_p80 = r.p80_date;
        }
        if (const McTaskStats* t = a.first_article_task.empty() ? nullptr : task(a.first_article_task)) {
            f.first_article_p50 = t->p50_finish_date;
            f.first_article_p80 = t->p80_finish_date;
        }
        f.probability_meet_deadline = r.probability_meet_deadline;
    }
}

}  // namespace mf

// [SECTION] The table ------------------------------------------------------------------

namespace mf {

static std::string shown(const char* fmt, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}
static TableCell number_or_dash(const std::optional<double>& v, const char* fmt, double scale = 1) {
    return v ? number_cell(shown(fmt, *v * scale)) : text_cell("–");
}
static TableCell date_or_dash(const std::optional<Date>& d) { return text_cell(d ? format_iso_date(*d) : "–"); }

static std::string volume_text(double v) {
    // 100, 10 000, 100 000: a thin space would not survive every spreadsheet, so a plain one.
    std::string digits = shown("%.0f", v), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
        out += digits[i];
    }
    return out;
}

ResultTable roads_table(const RoadsAnalysis& a) {
    ResultTable t{"Roads side by side", "roads", {"Road"}, {}};
    for (size_t v = 0; v < a.volumes.size(); ++v)
        t.columns.push_back("Cost per good part at " + volume_text(a.volumes[v]) + " parts" +
                            (v + 1 == a.volumes.size() ? " (planned)" : ""));
    t.columns.insert(t.columns.end(),
                     {"First article P50", "First article P80", "Production P50", "Production P80",
                      "P(meet deadline) (%)", "Pilot gate P(pass) (%)"});
    if (!a.roads.empty())
        for (const auto& s : a.roads.front().stacks) {
            t.columns.push_back(s.name + ": verdict");
            t.columns.push_back(s.name + ": out of limits (ppm)");
        }
    t.columns.insert(t.columns.end(), {"Weighted-sum score", "Rank", "TOPSIS rank", "Red warnings"});
    for (const RoadFigures& f : a.roads) {
        std::vector<TableCell> row{text_cell(f.name)};
        for (size_t v = 0; v < a.volumes.size(); ++v)
            row.push_back(
                number_or_dash(v < f.cost_per_good_part.size() ? f.cost_per_good_part[v] : std::nullopt, "%.2f"));
        row.push_back(date_or_dash(f.first_article_p50));
        row.push_back(date_or_dash(f.first_article_p80));
        row.push_back(date_or_dash(f.production_p50));
        row.push_back(date_or_dash(f.production_p80));
        row.push_back(number_or_dash(f.probability_meet_deadline, "%.1f", 100));
        row.push_back(number_or_dash(f.pilot_gate_pass, "%.1f", 100));
        for (const auto& s : f.stacks) {
            row.push_back(text_cell(s.error.empty() ? verdict_name(s.verdict) : "not analysed"));
            row.push_back(s.error.empty() ? number_cell(shown("%.4g", s.ppm)) : text_cell("–"));
        }
        row.push_back(number_or_dash(f.score, "%.4f"));
        row.push_back(f.score ? number_cell(std::to_string(f.rank)) : text_cell("–"));
        row.push_back(f.topsis_score ? number_cell(std::to_string(f.topsis_rank)) : text_cell("–"));
        row.push_back(number_cell(std::to_string(f.red_warnings())));
        t.rows.push_back(std::move(row));
    }
    return t;
}

}  // namespace mf
