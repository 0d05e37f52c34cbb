#include "capability/capability.h"

#include <algorithm>
#include <cmath>

#include "stats/distributions.h"

namespace mf {

double cpk_standard_error(double cpk, double n, double dof) {
    return std::sqrt(1.0 / (9.0 * n) + cpk * cpk / (2.0 * dof));
}

namespace {

struct SideIndices {
    std::optional<double> c, lower, upper, k;
};

SideIndices indices_for(const SpecLimits& s, double mean, double sigma) {
    SideIndices r;
    if (!(sigma > 0) || !std::isfinite(sigma)) return r;
    if (s.lsl && s.usl) r.c = (*s.usl - *s.lsl) / (6.0 * sigma);
    if (s.lsl) r.lower = (mean - *s.lsl) / (3.0 * sigma);
    if (s.usl) r.upper = (*s.usl - mean) / (3.0 * sigma);
    if (r.lower && r.upper)
        r.k = std::min(*r.lower, *r.upper);
    else if (r.lower)
        r.k = r.lower;
    else if (r.upper)
        r.k = r.upper;
    return r;
}

Ppm expected_ppm(const SpecLimits& s, double mean, double sigma) {
    Ppm p;
    if (!(sigma > 0) || !std::isfinite(sigma)) return p;
    if (s.lsl) p.below = 1e6 * normal_cdf((*s.lsl - mean) / sigma);
    if (s.usl) p.above = 1e6 * normal_sf((*s.usl - mean) / sigma);
    p.total = p.below + p.above;
    return p;
}

}  // namespace

CapabilityIndices capability_indices(const CapabilityInput& in) {
    CapabilityIndices c;
    const SideIndices w = indices_for(in.spec, in.mean, in.sigma_within);
    c.cp = w.c;
    c.cpl = w.lower;
    c.cpu = w.upper;
    c.cpk = w.k;
    const SideIndices o = indices_for(in.spec, in.mean, in.sigma_overall);
    c.pp = o.c;
    c.ppl = o.lower;
    c.ppu = o.upper;
    c.ppk = o.k;

    const double n = static_cast<double>(in.n);
    const double z95 = normal_quantile(0.975);
    const double z_bound = normal_quantile(in.bound_confidence);
    if (c.cpk && in.n >= 2 && in.dof_within > 0) {
        const double se = cpk_standard_error(*c.cpk, n, in.dof_within);
        c.cpk_ci95 = Interval{*c.cpk - z95 * se, *c.cpk + z95 * se};
        c.cpk_lower_bound = *c.cpk - z_bound * se;
    }
    if (c.ppk && in.n >= 2) {
        const double se = cpk_standard_error(*c.ppk, n, n - 1.0);
        c.ppk_ci95 = Interval{*c.ppk - z95 * se, *c.ppk + z95 * se};
        c.ppk_lower_bound = *c.ppk - z_bound * se;
    }
    if (in.spec.target && (in.spec.lsl || in.spec.usl) && in.msd_target > 0 && std::isfinite(in.msd_target)) {
        // Minitab: T = midpoint gives (USL − LSL)/(6·s_T); otherwise min(T − LSL, USL − T)/(3·s_T);
        // the two agree at the midpoint, so one formula serves.
        const double t = *in.spec.target, sT = std::sqrt(in.msd_target);
        double half = INFINITY;
        if (in.spec.lsl) half = std::min(half, t - *in.spec.lsl);
        if (in.spec.usl) half = std::min(half, *in.spec.usl - t);
        c.cpm = half / (3.0 * sT);
    }
    c.ppm_within = expected_ppm(in.spec, in.mean, in.sigma_within);
    c.ppm_overall = expected_ppm(in.spec, in.mean, in.sigma_overall);
    if (in.n > 0) {
        c.ppm_observed.below = in.spec.lsl ? 1e6 * static_cast<double>(in.observed_below) / n : 0;
        c.ppm_observed.above = in.spec.usl ? 1e6 * static_cast<double>(in.observed_above) / n : 0;
        c.ppm_observed.total = c.ppm_observed.below + c.ppm_observed.above;
    }
    return c;
}

}  // namespace mf
