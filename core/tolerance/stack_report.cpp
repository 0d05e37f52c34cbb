// analyse_stack: every analytic result of one stack, and the verdict.
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_analysis.h"

namespace mf {

StackReport analyse_stack(const Stack& s, const MonteCarloResult* mc, LengthUnit shown) {
    StackReport r;
    r.linear = linearize_stack(s, s.measurement_temperature);
    r.errors = r.linear.errors;
    if (!r.errors.empty()) return r;
    const GapLimits limits = limits_of(s);
    r.worst_case = worst_case(r.linear);
    r.rss = rss(r.linear, limits);
    r.statistical = statistical(r.linear, limits, s.inflation_factor);
    const MonteCarloResult* good_mc = mc && mc->errors.empty() ? mc : nullptr;
    r.contributions = contributions(s, r.linear, good_mc);
    r.thermal = thermal(s);
    ConditionInputs at_meas{s.measurement_temperature, r.worst_case, r.statistical,
                            good_mc ? &good_mc->at_measurement : nullptr};
    ConditionInputs at_op{s.operating_temperature, r.thermal.worst_case_at_operating,
                          r.thermal.statistical_at_operating, good_mc ? &good_mc->at_operating : nullptr};
    r.fit = assess_fit(s, at_meas, at_op, shown);
    r.exact_worst_case = exact_worst_case(s, s.measurement_temperature);
    r.exact_worst_case_at_operating = exact_worst_case(s, s.operating_temperature);
    return r;
}

}  // namespace mf
