// analyse_schedule: the timeline of a plan analysed in one call — what `mfplan schedule` prints
// and what the Timeline view draws.
//
//   ScheduleAnalysis a = analyse_schedule(plan, {10000, 42});    // with a Monte Carlo of 10 000 iterations
//   if (!a.ok()) for (const Issue& e : a.issues) show(schedule_issue_text(e, a.resolved.schedule));
//   a.cpm->finish_date, a.pert->probability_meet_target, a.mc->p80_date ...
//
// In order: the measured links of the gates are resolved (core/links/measured_links.h: a Cpk
// gate linked to a capability feature takes its measured Cpk); the problem is the resolved
// section with the plan's start date and deadline; the CPM (most likely durations) and PERT
// run on it; with opts.iterations > 0 the Monte Carlo runs to the end. The Timeline view asks
// for no Monte Carlo here and runs it in slices across frames (ScheduleMonteCarlo is a sliced
// job, core/base/job.h) on `problem`.
//
// Each stage runs only when the one before succeeded: no start date → no problem; errors in the
// network → no cpm, pert or mc. `issues` holds the errors of the stage that stopped (or of the
// Monte Carlo's options), then the network's warnings, at JSON Pointers (schedule_issue.h).
#pragma once
#include <cstdint>
#include <optional>

#include "base/issue.h"
#include "links/measured_links.h"
#include "plan/plan.h"
#include "schedule/calendar.h"
#include "schedule/cpm.h"
#include "schedule/monte_carlo.h"
#include "schedule/pert.h"

namespace mf {

struct ScheduleOptions {
    int iterations = 0;  // Monte Carlo iterations; 0: no Monte Carlo
    uint64_t seed = 1;   // the Monte Carlo's seed (same seed, same numbers)
    bool operator==(const ScheduleOptions&) const = default;
};

struct ScheduleAnalysis {
    ResolvedSchedule resolved;               // the section with the gates' measured links applied, one report per link
    std::optional<ScheduleProblem> problem;  // resolved section + start date + deadline (set with a start date)
    std::optional<WorkdayClock> clock;       // the project calendar anchored at the start date (set with problem)
    std::optional<CpmResult> cpm;            // set when the network has no errors
    std::optional<PertResult> pert;          // set with cpm
    std::optional<McResult> mc;              // set with cpm when options.iterations > 0 (its errors are in issues too)
    Issues issues;                           // errors, then warnings (severity says which)

    bool ok() const { return !has_errors(issues); }
    // The issue as `mfplan schedule` prints it: task "t-pilot" (pessimistic): ...
    std::string text(const Issue& issue) const { return schedule_issue_text(issue, resolved.schedule); }
};

ScheduleAnalysis analyse_schedule(const Plan& plan, const ScheduleOptions& opts = {});

}  // namespace mf
