#include "capability/sigma.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "capability/chart_constants.h"

namespace mf {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Minitab's adjustment factor fₙ for the degrees of freedom of S̄ (by subgroup size).
double sbar_dof_factor(double n) {
    if (n <= 2.5) return 0.88;
    if (n <= 3.5) return 0.92;
    if (n <= 4.5) return 0.94;
    if (n <= 5.5) return 0.95;
    if (n <= 7.5) return 0.96;
    if (n <= 9.5) return 0.97;
    if (n <= 17.5) return 0.98;
    if (n <= 64.5) return 0.99;
    return 1.0;
}
}  // namespace

SigmaEstimate sigma_within(const SubgroupStats& s, SigmaMethod method) {
    SigmaEstimate e;
    e.sigma = kNaN;
    size_t k2 = 0;  // subgroups with at least 2 values
    double n_sum = 0;
    for (size_t i = 0; i < s.n.size(); ++i)
        if (s.n[i] >= 2) {
            ++k2;
            n_sum += s.n[i];
        }
    if (k2 == 0) {
        e.error = "no subgroup has two or more values, so the within-subgroup σ cannot be estimated";
        return e;
    }
    const double nbar = n_sum / static_cast<double>(k2);
    switch (method) {
        case SigmaMethod::Pooled: {
            e.method = "pooled SD / c4(d+1)";
            const double d = s.pooled_dof;
            e.sigma = std::sqrt(s.pooled_ss / d) / c4_constant(d + 1);
            e.dof = d;
            break;
        }
        case SigmaMethod::RBar: {
            e.method = "Rbar/d2";
            double num = 0, den = 0, rsum = 0;
            for (size_t i = 0; i < s.n.size(); ++i) {
                if (s.n[i] < 2) continue;
                if (s.n[i] > kMaxTabulatedSubgroup) {
                    e.error = "the Rbar estimator needs subgroups of at most 25 values (use sbar or pooled)";
                    return e;
                }
                const double d2 = d2_constant(static_cast<int>(s.n[i])), d3 = d3_constant(static_cast<int>(s.n[i]));
                const double f = d2 * d2 / (d3 * d3);
                num += f * s.range[i] / d2;
                den += f;
                rsum += s.range[i];
            }
            e.sigma = num / den;  // equal sizes: R̄ / d2(n)
            e.mean = rsum / static_cast<double>(k2);
            e.dof = 0.9 * static_cast<double>(k2) * (nbar - 1.0);
            break;
        }
        case SigmaMethod::SBar: {
            e.method = "Sbar/c4";
            double num = 0, den = 0, ssum = 0;
            for (size_t i = 0; i < s.n.size(); ++i) {
                if (s.n[i] < 2) continue;
                const double c4 = c4_constant(s.n[i]);
                const double h = c4 * c4 / (1.0 - c4 * c4);
                num += h * s.sd[i] / c4;
                den += h;
                ssum += s.sd[i];
            }
            e.sigma = num / den;  // equal sizes: S̄ / c4(n)
            e.mean = ssum / static_cast<double>(k2);
            e.dof = sbar_dof_factor(nbar) * static_cast<double>(k2) * (nbar - 1.0);
            break;
        }
    }
    return e;
}

SigmaEstimate sigma_moving_range(const std::vector<double>& x) {
    SigmaEstimate e;
    e.method = "MRbar/d2(2)";
    double sum = 0;
    size_t m = 0, n = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i])) continue;
        ++n;
        if (i > 0 && !std::isnan(x[i - 1])) {
            sum += std::fabs(x[i] - x[i - 1]);
            ++m;
        }
    }
    if (m == 0) {
        e.sigma = kNaN;
        e.error = "no two consecutive values, so the moving range cannot be computed";
        return e;
    }
    e.mean = sum / static_cast<double>(m);
    e.sigma = e.mean / d2_constant(2);
    e.dof = static_cast<double>(n) - 1.0;
    return e;
}

SigmaEstimate sigma_overall(const std::vector<double>& x) {
    SigmaEstimate e;
    e.method = "sample SD (n-1)";
    double sum = 0;
    size_t n = 0;
    for (double v : x)
        if (!std::isnan(v)) {
            sum += v;
            ++n;
        }
    if (n < 2) {
        e.sigma = kNaN;
        e.mean = n ? sum : kNaN;
        e.error = "the overall σ needs at least two values";
        return e;
    }
    const double m = sum / static_cast<double>(n);
    double ss = 0;
    for (double v : x)
        if (!std::isnan(v)) ss += (v - m) * (v - m);
    e.mean = m;
    e.sigma = std::sqrt(ss / static_cast<double>(n - 1));
    e.dof = static_cast<double>(n - 1);
    return e;
}

namespace {
// 10^-d for the fewest decimal places d (0 … 15) that write every value: v·10^d within 0.001 of
// a whole number (the binary representation of a decimal reading is off by far less), while
// |v·10^d| ≤ 10¹² (beyond that the test would accept anything). 0 when no such d exists.
double decimal_step(const std::vector<double>& x) {
    static const double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    int d = 0;
    for (double v : x) {
        for (;; ++d) {
            if (d > 15) return 0;
            const double y = v * kPow10[d];
            if (std::fabs(y) > 1e12) return 0;
            if (std::fabs(y - std::nearbyint(y)) <= 1e-3) break;
        }
    }
    return 1.0 / kPow10[d];
}
}  // namespace

double value_resolution(const std::vector<double>& x) {
    if (x.size() < 2) return 0;
    const double noise = 1e-12 * std::max(std::fabs(x.front()), std::fabs(x.back()));
    double gap = 0;
    for (size_t i = 1; i < x.size(); ++i) {
        const double g = x[i] - x[i - 1];
        if (g > noise && (gap == 0 || g < gap)) gap = g;
    }
    if (gap == 0) return 0;  // every value equal
    // The gap of two readings one step apart is the step up to binary rounding (1.0252 − 1.0251
    // = 9.99999999999889e-05): the step, unless the gap is really smaller.
    const double step = decimal_step(x);
    return step > 0 && !(gap < step * (1 - 1e-6)) ? step : gap;
}

}  // namespace mf
