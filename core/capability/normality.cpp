#include "capability/normality.h"

#include <algorithm>
#include <cmath>

#include "stats/distributions.h"
#include "stats/summary.h"

namespace mf {

double anderson_darling_p_value(double a) {
    if (!(a >= 0)) return std::nan("");
    double p;
    if (a >= 153.0)
        p = 0;
    else if (a >= 0.6)
        p = std::exp(1.2937 - 5.709 * a + 0.0186 * a * a);
    else if (a >= 0.34)
        p = std::exp(0.9177 - 4.279 * a - 1.38 * a * a);
    else if (a >= 0.2)
        p = 1.0 - std::exp(-8.318 + 42.796 * a - 59.938 * a * a);
    else
        p = 1.0 - std::exp(-13.436 + 101.14 * a - 223.73 * a * a);
    return std::clamp(p, 0.0, 1.0);
}

AndersonDarling anderson_darling_normal(const std::vector<double>& x, double mean, double sd) {
    AndersonDarling r;
    const size_t n = x.size();
    r.n = n;
    if (n < 3) {
        r.error = "the Anderson–Darling test needs at least 3 values";
        return r;
    }
    if (!(sd > 0) || !std::isfinite(sd)) {
        r.error = "all values are equal (σ = 0): normality cannot be tested";
        return r;
    }
    // Φ(z) and 1 − Φ(z) of each value from one erfc of the tail it is small in (the other as
    // its complement), so neither loses accuracy far out. Term i pairs Φ(zᵢ) with 1 − Φ(z₍ₙ₋₁₋ᵢ₎),
    // so walking i and j = n − 1 − i together uses each value's pair twice and stores nothing.
    const double inv = 1.0 / sd;
    auto tails = [&](double v, double& lo, double& up) {
        const double z = (v - mean) * inv;
        if (z < 0) {
            lo = normal_cdf(z);
            up = 1.0 - lo;
        } else {
            up = normal_sf(z);
            lo = 1.0 - up;
        }
    };
    auto log_product = [](double a, double b) {
        const double p = a * b;
        return p > 1e-300 ? std::log(p) : std::log(a) + std::log(b);
    };
    double s = 0;
    for (size_t i = 0, j = n - 1; i <= j; ++i, --j) {
        double lo_i, up_i, lo_j, up_j;
        tails(x[i], lo_i, up_i);
        if (i == j) {
            s += static_cast<double>(2 * i + 1) * log_product(lo_i, up_i);
            break;
        }
        tails(x[j], lo_j, up_j);
        s += static_cast<double>(2 * i + 1) * log_product(lo_i, up_j);
        s += static_cast<double>(2 * j + 1) * log_product(lo_j, up_i);
        if (j == i + 1) break;
    }
    const double dn = static_cast<double>(n);
    r.a2 = -dn - s / dn;
    r.a2_adjusted = r.a2 * (1.0 + 0.75 / dn + 2.25 / (dn * dn));
    r.p = anderson_darling_p_value(r.a2_adjusted);
    if (std::isinf(r.a2)) {
        r.a2 = r.a2_adjusted = 1e300;
        r.p = 0;
    }
    return r;
}

namespace {
void indices_from_percentiles(NonNormalCapability& c, const SpecLimits& s) {
    const double up = c.p99865 - c.p50, down = c.p50 - c.p00135;
    if (s.lsl && s.usl && c.p99865 > c.p00135) c.pp = (*s.usl - *s.lsl) / (c.p99865 - c.p00135);
    if (s.usl && up > 0) c.ppu = (*s.usl - c.p50) / up;
    if (s.lsl && down > 0) c.ppl = (c.p50 - *s.lsl) / down;
    if (c.ppl && c.ppu)
        c.ppk = std::min(*c.ppl, *c.ppu);
    else if (c.ppl)
        c.ppk = c.ppl;
    else if (c.ppu)
        c.ppk = c.ppu;
}
}  // namespace

NonNormalCapability percentile_capability(const std::vector<double>& x, const SpecLimits& spec) {
    NonNormalCapability c;
    c.method = "percentile (data, type 7)";
    if (x.size() < 2) {
        c.error = "needs at least 2 values";
        return c;
    }
    c.p00135 = percentile_sorted(x, 0.00135);
    c.p50 = percentile_sorted(x, 0.5);
    c.p99865 = percentile_sorted(x, 0.99865);
    if (!(c.p99865 > c.p00135)) {
        c.error = "all values are equal: no spread";
        return c;
    }
    indices_from_percentiles(c, spec);
    if (x.size() < 1000)
        c.warning = "the 0.135 % and 99.865 % points of " + std::to_string(x.size()) +
            " values are close to the smallest and largest value; treat these indices as rough";
    return c;
}

NonNormalCapability lognormal_capability(const std::vector<double>& x, const SpecLimits& spec) {
    NonNormalCapability c;
    c.method = "lognormal (maximum-likelihood fit)";
    if (x.size() < 3) {
        c.error = "needs at least 3 values";
        return c;
    }
    if (!(x.front() > 0)) {
        c.error = "a lognormal needs every value above zero";
        return c;
    }
    std::vector<double> logs(x.size());
    double sum = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        logs[i] = std::log(x[i]);
        sum += logs[i];
    }
    const double n = static_cast<double>(x.size());
    c.mu = sum / n;
    double ss = 0;
    for (double v : logs) ss += (v - c.mu) * (v - c.mu);
    c.sigma = std::sqrt(ss / n);
    if (!(c.sigma > 0)) {
        c.error = "all values are equal: no spread";
        return c;
    }
    const double z = normal_quantile(0.99865);  // 3.0000 (one-sided 3σ tail 0.135 %)
    c.p00135 = std::exp(c.mu - z * c.sigma);
    c.p50 = std::exp(c.mu);
    c.p99865 = std::exp(c.mu + z * c.sigma);
    indices_from_percentiles(c, spec);
    Ppm p;
    if (spec.lsl) p.below = *spec.lsl > 0 ? 1e6 * normal_cdf((std::log(*spec.lsl) - c.mu) / c.sigma) : 0;
    if (spec.usl) p.above = *spec.usl > 0 ? 1e6 * normal_sf((std::log(*spec.usl) - c.mu) / c.sigma) : 1e6;
    p.total = p.below + p.above;
    c.ppm_expected = p;
    // How well the lognormal fits: A–D of ln x (logs are sorted because x is); the test
    // estimates σ with n − 1 as for the normal.
    c.fit = anderson_darling_normal(logs, c.mu, std::sqrt(ss / (n - 1.0)));
    return c;
}

}  // namespace mf
