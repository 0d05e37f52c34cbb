// Statistical stack from the declared distributions, with normal tail predictions: as
// declared, inflated by a factor, and with the long-term 1.5σ shift convention.
#include <cmath>
#include <cstdio>

#include "stats/distributions.h"
#include "tolerance/stack_analysis.h"

namespace mf {

// Tails of N(mean, σ) with the mean moved `shift`·σ toward each limit in turn (0: plain).
static TailPrediction tails_shifted(double mean, double sigma, const GapLimits& limits, double shift) {
    TailPrediction t;
    double total = 0;
    if (limits.lower) {
        const double m = mean - shift * sigma;
        const double p = sigma > 0 ? normal_cdf((*limits.lower - m) / sigma) : (m < *limits.lower ? 1.0 : 0.0);
        t.ppm_below = p * 1e6;
        total += p;
    }
    if (limits.upper) {
        const double m = mean + shift * sigma;
        const double p = sigma > 0 ? normal_sf((*limits.upper - m) / sigma) : (m > *limits.upper ? 1.0 : 0.0);
        t.ppm_above = p * 1e6;
        total += p;
    }
    t.ppm_total = total * 1e6;
    t.yield = 1.0 - total;
    return t;
}

TailPrediction normal_tails(double mean, double sigma, const GapLimits& limits) {
    return tails_shifted(mean, sigma, limits, 0.0);
}

StatisticalResult statistical(const LinearStack& lin, const GapLimits& limits, double inflation_factor) {
    StatisticalResult r;
    if (!lin.errors.empty()) return r;
    double mean = lin.offset, var = 0;
    for (const auto& t : lin.terms) {
        mean += t.sensitivity * t.mean;
        var += t.sensitivity * t.sensitivity * t.sigma * t.sigma;
        if (t.cte_tol > 0) {  // uncertain CTE: ΔT·L·σ_α, σ_α = u/√3 (uniform), independent of x
            const double c = t.sensitivity * t.delta_t * t.length_at_measurement * t.cte_tol * 1e-6 / std::sqrt(3.0);
            var += c * c;
        }
    }
    r.mean = mean;
    r.sigma = std::sqrt(var);
    r.min = mean - 3 * r.sigma;
    r.max = mean + 3 * r.sigma;
    r.tails = normal_tails(mean, r.sigma, limits);
    if (r.sigma > 0 && (limits.lower || limits.upper)) {
        double c = 1e300;
        if (limits.lower) c = std::fmin(c, (mean - *limits.lower) / (3 * r.sigma));
        if (limits.upper) c = std::fmin(c, (*limits.upper - mean) / (3 * r.sigma));
        r.cpk = c;
    }
    r.inflation_factor = inflation_factor;
    if (inflation_factor == 1.0)
        r.inflation_label = "none (σ × 1)";
    else if (inflation_factor == 1.5)
        r.inflation_label = "Bender (σ × 1.5)";
    else {
        char buf[64];
        std::snprintf(buf, sizeof buf, "user factor (σ × %.4g)", inflation_factor);
        r.inflation_label = buf;
    }
    r.inflated_sigma = r.sigma * inflation_factor;
    r.inflated_tails = normal_tails(mean, r.inflated_sigma, limits);
    r.long_term_tails = tails_shifted(mean, r.sigma, limits, 1.5);
    return r;
}

}  // namespace mf
