#include "schedule/gate.h"

#include <cmath>

#include "stats/distributions.h"

namespace mf {

CpkPassResult pass_probability_from_cpk(const CpkCriterion& c) {
    CpkPassResult r;
    if (!std::isfinite(c.estimate) || c.estimate < 0) {
        r.error = "Cpk estimate must be a number >= 0";
        return r;
    }
    if (!std::isfinite(c.sample_size) || c.sample_size < 2) {
        r.error = "Cpk sample size must be at least 2 parts";
        return r;
    }
    if (!std::isfinite(c.threshold) || c.threshold <= 0) {
        r.error = "Cpk threshold must be a number > 0";
        return r;
    }
    if (!std::isfinite(c.dof) || c.dof < 0) {
        r.error = "Cpk degrees of freedom must be a number >= 0 (0: n - 1)";
        return r;
    }
    const double n = c.sample_size;
    const double dof = c.dof > 0 ? c.dof : n - 1.0;  // a measured link supplies the ν of σ_within
    r.standard_error = std::sqrt(1.0 / (9.0 * n) + c.estimate * c.estimate / (2.0 * dof));
    r.probability = normal_cdf((c.estimate - c.threshold) / r.standard_error);
    return r;
}

double gate_spec_pass_probability(const GateSpec& g) {
    if (g.pass_probability) return *g.pass_probability;
    if (g.cpk) return pass_probability_from_cpk(*g.cpk).probability;
    return 1.0;
}

double expected_rework_loops(double p, int max_loops, bool first_fails) {
    const double q = 1.0 - p;
    double sum = 0, term = 1;
    const int k_max = first_fails ? max_loops - 1 : max_loops;
    for (int k = 1; k <= k_max; ++k) {
        term *= q;
        sum += term;
    }
    return first_fails && max_loops >= 1 ? 1.0 + sum : sum;
}

}  // namespace mf
