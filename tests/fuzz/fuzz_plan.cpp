// libFuzzer target: any bytes as a plan file, then every analysis of what loads.
//
//   scripts/fuzz.sh                        (configures build/fuzz with clang, runs each target)
//   build/fuzz/fuzz_plan CORPUS_DIR -max_total_time=60
//
// Besides crashes, sanitizer reports, timeouts and running out of memory (libFuzzer's
// -timeout and -rss_limit_mb), each input must keep these promises:
//   - a plan that loads passes check_plan and saves to text that loads again;
//   - each analysis either reports an error or gives finite figures (fuzz_checks.h);
// Monte Carlo runs use few samples so an input takes milliseconds; the limits that keep
// a large run bounded are tested in tests/core/test_hostile_inputs.cpp.
#include <cstddef>
#include <cstdint>
#include <string>

#include "capability/analysis.h"
#include "capability/yield.h"
#include "base/limits.h"
#include "decision/decision_analysis.h"
#include "fuzz_checks.h"
#include "links/measured_links.h"
#include "plan/plan_file.h"
#include "schedule/cpm.h"
#include "schedule/monte_carlo.h"
#include "schedule/pert.h"
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_analysis.h"

namespace {

using mf::fuzz::finite;
using mf::fuzz::require;

void decision(const mf::Plan& plan) {
    mf::DecisionOptions o;
    o.mc_samples = 50;
    const mf::DecisionAnalysis a = mf::analyse_decision(plan, o);
    for (const auto& row : a.costs)
        for (const auto& c : row)
            if (c.volume > 0) finite(c.per_good_part, "decision: cost per good part");
    if (a.errors.empty()) {
        for (double s : a.weighted_sum.ranking.score) finite(s, "decision: weighted-sum score");
        for (double s : a.topsis.ranking.score) finite(s, "decision: TOPSIS closeness");
        for (double p : a.rank_first.p_first) finite(p, "decision: rank-first probability");
    }
    for (const auto& x : a.crossovers.crossings) finite(x.volume, "decision: crossover volume");
    if (a.split && a.split->errors.empty() && a.split->possible)
        finite(a.split->total_best_mid, "decision: split total");
}

void schedule(const mf::Plan& plan) {
    mf::ResolvedSchedule resolved = mf::resolve_schedule_links(plan);
    mf::Plan linked = plan;
    linked.schedule = resolved.schedule;
    const mf::ProblemFromPlan pp = mf::schedule_problem(linked);
    if (!pp.problem) return;
    const mf::CpmResult cpm = mf::run_cpm({*pp.problem});
    if (!cpm.ok()) return;
    finite(cpm.finish, "schedule: CPM finish");
    for (const auto& t : cpm.tasks) {
        finite(t.es, "schedule: ES");
        finite(t.lf, "schedule: LF");
        finite(t.total_float, "schedule: total float");
        finite(t.free_float, "schedule: free float");
    }
    const mf::PertResult pert = mf::run_pert({*pp.problem, std::nullopt});
    if (pert.ok()) {
        finite(pert.expected_finish, "schedule: PERT expected finish");
        finite(pert.sd, "schedule: PERT sd");
        finite(pert.probability_meet_target, "schedule: PERT probability");
    }
    mf::ScheduleMonteCarlo mc(mf::McInput{*pp.problem, 20, 7});
    while (!mc.step(7)) {}  // in slices, as the GUI runs it
    const mf::McResult r = mc.result();
    if (r.ok()) {
        finite(r.p50, "schedule: Monte Carlo p50");
        finite(r.p95, "schedule: Monte Carlo p95");
        finite(r.mean, "schedule: Monte Carlo mean");
        for (const auto& t : r.tasks) finite(t.mean_duration, "schedule: Monte Carlo task duration");
    }
}

void stacks(const mf::Plan& plan) {
    for (size_t i = 0; i < plan.stacks.size(); ++i) {
        const mf::ResolvedStack rs = mf::resolve_stack_links(plan, i);
        mf::MonteCarloOptions o;
        o.samples = 2000;
        o.histogram_bins = 20;
        mf::MonteCarloRun run(rs.stack, o);
        while (!run.step(700)) {}
        const mf::MonteCarloResult mc = run.result();
        const mf::StackReport rep = mf::analyse_stack(rs.stack, mc.errors.empty() ? &mc : nullptr);
        if (!rep.errors.empty()) continue;
        finite(rep.worst_case.min, "stack: worst case min");
        finite(rep.worst_case.max, "stack: worst case max");
        finite(rep.rss.sigma, "stack: RSS sigma");
        finite(rep.statistical.mean, "stack: statistical mean");
        finite(rep.statistical.sigma, "stack: statistical sigma");
        finite(rep.statistical.cpk, "stack: statistical Cpk");
        finite(rep.fit.at_measurement.mean, "stack: verdict mean");
        finite(rep.fit.at_operating.ppm, "stack: verdict ppm");
        for (const auto& c : rep.contributions) finite(c.sensitivity, "stack: sensitivity");
        if (mc.errors.empty()) {
            finite(mc.at_measurement.mean, "stack: Monte Carlo mean");
            finite(mc.at_measurement.sigma, "stack: Monte Carlo sigma");
            finite(mc.at_measurement.p50, "stack: Monte Carlo median");
            finite(mc.at_operating.ppm_total, "stack: Monte Carlo ppm");
        }
    }
}

void datasets(const mf::Plan& plan) {
    for (const auto& d : plan.datasets) {
        for (const auto& a : mf::analyse_dataset(d)) {
            if (!a.errors.empty()) continue;
            finite(a.mean, "capability: mean");
            finite(a.cap.cpk, "capability: Cpk");
            finite(a.cap.ppk, "capability: Ppk");
            finite(a.cap.cpk_lower_bound, "capability: Cpk lower bound");
        }
        if (!d.yield.empty()) {
            const mf::YieldResult y = mf::first_pass_yield(d.yield, d.yield_settings);
            (void)y;
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const mf::LoadResult r = mf::load_plan(text);
    require(r.plan.has_value() == r.errors.empty(), "load_plan: a plan exactly when there are no errors");
    require(r.errors.size() <= mf::kMaxIssuesListed + 1, "load_plan: at most 100 problems and one \"and N more\"");
    if (!r.plan) return 0;
    const mf::Plan& plan = *r.plan;
    require(mf::check_plan(plan).empty(), "check_plan accepts what load_plan accepted");
    require(mf::load_plan(mf::save_plan(plan)).plan.has_value(), "a loaded plan saves to a file that loads");
    decision(plan);
    schedule(plan);
    stacks(plan);
    datasets(plan);
    return 0;
}
