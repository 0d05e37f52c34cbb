// analyse_stack: one call from a plan's stack to everything the tools show about it — the
// measured links resolved (core/links/measured_links.h), the checks, the analytic report
// and, when asked, the Monte Carlo. The CLI and the GUI both call this and nothing below it,
// so they cannot analyse a stack two different ways.
//
//   StackOptions o;  o.samples = 1000000;  o.seed = 1;          // samples 0: no Monte Carlo
//   StackAnalysis a = analyse_stack(plan, "s-gear-shaft", o);
//   if (has_errors(a.issues)) ...                                // a.issues name the field
//   a.report.worst_case.min;  a.monte_carlo->at_measurement.ppm_total;
//   for (const LinkReport& l : a.links) ...                      // what each measured link supplied
//
// The GUI runs the Monte Carlo itself, in slices across frames (gui/job_runner.h) on
// a.stack, and passes the finished result back in StackOptions::finished_monte_carlo so the
// verdict and the contribution shares use it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/issue.h"
#include "links/measured_links.h"
#include "plan/plan.h"
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_analysis.h"

namespace mf {

struct StackOptions {
    size_t samples = 0;       // Monte Carlo samples (1 … kMaxSamples); 0: no Monte Carlo
    uint64_t seed = 1;        // same seed, same result
    int histogram_bins = 60;  // 1 … 10 000
    // A Monte Carlo already run on this stack's resolved copy (StackAnalysis::stack), used
    // instead of running one (the GUI's sliced run). Ignored when samples > 0.
    const MonteCarloResult* finished_monte_carlo = nullptr;

    MonteCarloOptions monte_carlo_options() const;  // samples, seed and bins as MonteCarloOptions
};

struct StackAnalysis {
    Stack stack;                    // what was analysed: the plan's stack with its measured links applied
    std::vector<LinkReport> links;  // one per linked contributor: what it supplied, or why not
    // Why the stack cannot be analysed (errors, `where` relative to the stack:
    // "/contributors/2/tol_plus"), and Monte Carlo options that were refused (warnings: the
    // analytic figures stand). No error: `report` holds every figure.
    Issues issues;
    StackReport report;                           // worst case, RSS, statistical, contributions, thermal, verdict
    std::optional<MonteCarloResult> monte_carlo;  // run or given, without errors; else empty

    const MonteCarloResult* monte_carlo_result() const { return monte_carlo ? &*monte_carlo : nullptr; }
};

// The stack with this id in the plan (an unknown id: an error issue, nothing else set).
StackAnalysis analyse_stack(const Plan& plan, const std::string& stack_id, const StackOptions& opts = {});
// A stack that belongs to no plan (mfplan stack --csv): no measured links to resolve.
StackAnalysis analyse_stack_without_plan(const Stack& stack, const StackOptions& opts = {});

}  // namespace mf
