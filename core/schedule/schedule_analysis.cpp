#include "schedule/schedule_analysis.h"

#include "schedule/network.h"

namespace mf {

ScheduleAnalysis analyse_schedule(const Plan& plan, const ScheduleOptions& opts) {
    ScheduleAnalysis a;
    a.resolved = resolve_schedule_links(plan);
    ProblemFromPlan pp = schedule_problem(plan);
    if (!pp.problem) {
        a.issues = std::move(pp.errors);
        return a;
    }
    pp.problem->section = a.resolved.schedule;  // gates take their measured Cpk
    a.problem = std::move(pp.problem);
    const ScheduleProblem& problem = *a.problem;
    a.clock.emplace(problem.section.calendar, problem.start);

    CpmResult cpm = run_cpm({problem});
    a.issues = cpm.errors;
    a.issues.insert(a.issues.end(), cpm.warnings.begin(), cpm.warnings.end());
    if (!cpm.ok()) return a;
    a.cpm = std::move(cpm);
    a.pert = run_pert({problem, std::nullopt});  // the same network: no errors of its own

    if (opts.iterations > 0) {
        ScheduleMonteCarlo job(McInput{problem, opts.iterations, opts.seed});
        McResult mc = run_to_end(job);
        // Only the options can be refused here (the network computed); its warnings are listed already.
        a.issues.insert(a.issues.begin(), mc.errors.begin(), mc.errors.end());
        a.mc = std::move(mc);
    }
    return a;
}

}  // namespace mf
