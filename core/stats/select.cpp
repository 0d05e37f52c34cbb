#include "stats/select.h"

#include <algorithm>
#include <cmath>

namespace mf {

std::vector<double> percentiles_select(std::vector<double>& x, const std::vector<double>& ps) {
    std::vector<double> out;
    out.reserve(ps.size());
    const size_t n = x.size();
    if (n == 0) {
        out.assign(ps.size(), std::nan(""));
        return out;
    }
    size_t from = 0;
    for (double p : ps) {
        double h = (static_cast<double>(n) - 1.0) * std::min(std::max(p, 0.0), 1.0);
        const size_t lo = static_cast<size_t>(std::floor(h));
        // Everything before `from` is <= everything from `from` on, so an order statistic at or
        // past `from` can be selected in the tail only; otherwise select in the whole range.
        const size_t start = lo >= from ? from : 0;
        std::nth_element(x.begin() + static_cast<std::ptrdiff_t>(start), x.begin() + static_cast<std::ptrdiff_t>(lo), x.end());
        from = lo;
        const double xlo = x[lo];
        double xhi = xlo;
        if (lo + 1 < n) {
            // After nth_element every element past lo is >= x[lo]: the next order statistic is their minimum.
            xhi = *std::min_element(x.begin() + static_cast<std::ptrdiff_t>(lo) + 1, x.end());
        }
        out.push_back(xlo + (h - static_cast<double>(lo)) * (xhi - xlo));
    }
    return out;
}

}  // namespace mf
