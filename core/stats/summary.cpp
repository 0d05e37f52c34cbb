#include "stats/summary.h"

#include <cmath>

namespace mf {

double percentile_sorted(const std::vector<double>& x, double p) {
    if (x.empty()) return std::nan("");
    if (p <= 0) return x.front();
    if (p >= 1) return x.back();
    const double h = (static_cast<double>(x.size()) - 1.0) * p;
    const size_t lo = static_cast<size_t>(std::floor(h));
    const size_t hi = lo + 1 < x.size() ? lo + 1 : lo;
    return x[lo] + (h - static_cast<double>(lo)) * (x[hi] - x[lo]);
}

Interval wilson_interval(double k, double n, double z) {
    if (n <= 0) return {0, 1};
    const double p = k / n, z2 = z * z;
    const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return {std::fmax(0.0, centre - half), std::fmin(1.0, centre + half)};
}

}  // namespace mf
