// analyse_stack: links, checks, report, Monte Carlo (see stack_facade.h).
#include "tolerance/stack_facade.h"

namespace mf {

MonteCarloOptions StackOptions::monte_carlo_options() const {
    MonteCarloOptions o;
    o.samples = samples;
    o.seed = seed;
    o.histogram_bins = histogram_bins;
    return o;
}

namespace {

// The analysis of an already resolved stack; `shown`: the unit of the verdict's reason_shown.
StackAnalysis analyse_resolved(ResolvedStack resolved, const StackOptions& opts, LengthUnit shown) {
    StackAnalysis a;
    a.stack = std::move(resolved.stack);
    a.links = std::move(resolved.links);
    // validate_stack(ForAnalysis) runs inside the linearisation: a stack it refuses gets no
    // Monte Carlo and no figures, only the reasons.
    const Issues refused = validate_stack(a.stack, StackCheck::ForAnalysis);
    if (refused.empty()) {
        if (opts.samples > 0) {
            MonteCarloRun run(a.stack, opts.monte_carlo_options());
            MonteCarloResult r = run_to_end(run);
            if (r.errors.empty())
                a.monte_carlo = std::move(r);
            else
                for (Issue& e : r.errors)
                    a.issues.push_back({"/monte_carlo/" + e.where, std::move(e.message), Severity::Warning});
        } else if (opts.finished_monte_carlo && opts.finished_monte_carlo->errors.empty()) {
            a.monte_carlo = *opts.finished_monte_carlo;
        }
    }
    a.report = analyse_stack(a.stack, a.monte_carlo_result(), shown);
    a.issues.insert(a.issues.begin(), a.report.errors.begin(), a.report.errors.end());
    return a;
}

}  // namespace

StackAnalysis analyse_stack(const Plan& plan, const std::string& stack_id, const StackOptions& opts) {
    for (size_t i = 0; i < plan.stacks.size(); ++i)
        if (plan.stacks[i].id == stack_id) return analyse_resolved(resolve_stack_links(plan, i), opts, plan.meta.units);
    StackAnalysis a;
    a.issues.push_back({"", "no stack with id \"" + stack_id + "\" in the plan"});
    a.report.errors = a.issues;
    return a;
}

StackAnalysis analyse_stack_without_plan(const Stack& stack, const StackOptions& opts) {
    return analyse_resolved(ResolvedStack{stack, {}}, opts, LengthUnit::Millimetre);
}

}  // namespace mf
