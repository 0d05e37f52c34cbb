#include "capability/links.h"

#include <cmath>

#include "capability/capability.h"
#include "stats/distributions.h"

namespace mf {

ContributorFigures contributor_from_measurement(double lsl, double usl, double mean, double sigma) {
    ContributorFigures c;
    if (!(usl > lsl) || !std::isfinite(lsl) || !std::isfinite(usl) || !std::isfinite(mean) || !(sigma > 0) ||
        !std::isfinite(sigma))
        return c;
    c.valid = true;
    c.nominal = 0.5 * (lsl + usl);
    c.tol_plus = c.tol_minus = 0.5 * (usl - lsl);
    c.mean = mean;
    c.shift = mean - c.nominal;
    c.sigma = sigma;
    c.cp = c.tol_plus / (3.0 * sigma);
    c.cpk_at_shift = (c.tol_plus - std::fabs(c.shift)) / (3.0 * sigma);
    return c;
}

ContributorFigures contributor_from_cpk(double lsl, double usl, double cpk, std::optional<double> mean) {
    ContributorFigures c;
    if (!(usl > lsl) || !std::isfinite(lsl) || !std::isfinite(usl) || !(cpk > 0) || !std::isfinite(cpk)) return c;
    const double centre = 0.5 * (lsl + usl), half = 0.5 * (usl - lsl);
    const double m = mean ? *mean : centre;
    if (!std::isfinite(m) || std::fabs(m - centre) >= half) return c;
    return contributor_from_measurement(lsl, usl, m, (half - std::fabs(m - centre)) / (3.0 * cpk));
}

double gate_pass_probability(double cpk, double n, double dof, const GateSettings& gate) {
    if (!std::isfinite(cpk) || !(n >= 2) || !(dof > 0)) return 0;
    if (n < static_cast<double>(gate.min_values)) return 0;
    const double se = cpk_standard_error(cpk, n, dof);
    const double margin = gate.use_lower_bound ? normal_quantile(gate.confidence) * se : 0.0;
    return normal_cdf((cpk - margin - gate.min_cpk) / se);
}

}  // namespace mf
