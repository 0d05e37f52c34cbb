// Helpers shared by the tolerance analyses (not part of the public interface).
#pragma once
#include "tolerance/stack_model.h"

namespace mf::detail {

// A contributor's declared distribution at its measurement temperature.
struct ResolvedDistribution {
    double mid = 0;    // centre of the tolerance band (mid-limit mean)
    double half = 0;   // half-width T of the band
    double mean = 0;   // mid + shift (the actual mean for a skewed triangle or a lognormal)
    double sigma = 0;  // σ of the declared distribution
};
ResolvedDistribution resolve_distribution(const Contributor& c);

// The CTE (ppm/K) a contributor uses: its own, else its material's, else 0 (angles: 0).
double contributor_cte(const Contributor& c);
// The temperature (°C) at which a contributor's values are true.
inline double measured_at(const Stack& s, const Contributor& c) {
    return c.measured_at ? *c.measured_at : s.measurement_temperature;
}
// 1 + α·(T − measured_at): the factor by which a length scales at temperature T.
inline double thermal_scale(const Stack& s, const Contributor& c, double temperature) {
    return 1.0 + contributor_cte(c) * 1e-6 * (temperature - measured_at(s, c));
}

// Where each contributor enters a loop: -1 = not used by any vector.
struct LoopUse {
    std::vector<int> length_of;  // per vector: contributor index of its length, or -1
    std::vector<int> angle_of;   // per vector: contributor index of its angle, or -1
    std::vector<bool> in_loop;   // per contributor
};
LoopUse loop_use(const Stack& s);

}  // namespace mf::detail
