#include "stats/select.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

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
        std::nth_element(x.begin() + static_cast<std::ptrdiff_t>(start), x.begin() + static_cast<std::ptrdiff_t>(lo),
                         x.end());
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

std::vector<double> percentiles_binned(const std::vector<double>& x, const std::vector<double>& ps, double min,
                                       double max, size_t bins) {
    if (x.empty()) return std::vector<double>(ps.size(), std::nan(""));
    if (!(max > min) || bins < 1) return std::vector<double>(ps.size(), min);  // all equal
    PercentileBins counted(min, max, bins);
    counted.add(x.data(), x.size());
    return counted.percentiles(x, ps);
}

PercentileBins::PercentileBins(double min, double max, size_t bins)
    : min_(min), scale_(static_cast<double>(bins) / (max - min)), bins_(bins), counts_(bins, 0) {}

// Monotone in v (IEEE subtraction and multiplication by a positive constant are), so every
// value in a lower bin is <= every value in a higher bin. Values outside the range (and
// infinities) land in the first or the last bin, compared as doubles before any conversion.
size_t PercentileBins::bin_of(double v) const {
    const double t = (v - min_) * scale_;
    if (!(t > 0)) return 0;
    if (!(t < static_cast<double>(bins_))) return bins_ - 1;
    return static_cast<size_t>(t);
}

void PercentileBins::add(const double* values, size_t n) {
    for (size_t i = 0; i < n; ++i) ++counts_[bin_of(values[i])];
    n_ += n;
}

std::vector<double> PercentileBins::percentiles(const std::vector<double>& x, const std::vector<double>& ps) const {
    const size_t n = x.size();
    if (n == 0 || n != n_) return std::vector<double>(ps.size(), std::nan(""));
    std::vector<size_t> below(bins_ + 1, 0);  // below[b] = number of values in bins < b
    for (size_t b = 0; b < bins_; ++b) below[b + 1] = below[b] + counts_[b];
    auto bin_of_rank = [&](size_t rank) {  // the bin holding the rank-th smallest value
        return static_cast<size_t>(std::upper_bound(below.begin(), below.end(), rank) - below.begin()) - 1;
    };
    struct Want {
        double h;
        size_t lo, first_bin, last_bin;
        std::vector<double> values;
    };
    std::vector<Want> wants;
    for (double p : ps) {
        Want w;
        w.h = (static_cast<double>(n) - 1.0) * std::min(std::max(p, 0.0), 1.0);
        w.lo = static_cast<size_t>(std::floor(w.h));
        w.first_bin = bin_of_rank(w.lo);
        w.last_bin = bin_of_rank(std::min(w.lo + 1, n - 1));
        wants.push_back(std::move(w));
    }
    // Which requests each bin feeds (a bit per request, up to 32; more fall back to a loop).
    std::vector<uint32_t> feeds(bins_, 0);
    const bool use_bits = wants.size() <= 32;
    for (size_t k = 0; k < wants.size() && use_bits; ++k)
        for (size_t b = wants[k].first_bin; b <= wants[k].last_bin; ++b) feeds[b] |= uint32_t(1) << k;
    for (double v : x) {
        const size_t b = bin_of(v);
        if (use_bits) {
            uint32_t m = feeds[b];
            if (m == 0) continue;
            for (size_t k = 0; m; ++k, m >>= 1)
                if (m & 1) wants[k].values.push_back(v);
        } else {
            for (auto& w : wants)
                if (b >= w.first_bin && b <= w.last_bin) w.values.push_back(v);
        }
    }
    std::vector<double> out;
    for (auto& w : wants) {
        // Ranks inside the gathered values start at below[first_bin].
        const size_t k = w.lo - below[w.first_bin];
        std::nth_element(w.values.begin(), w.values.begin() + static_cast<std::ptrdiff_t>(k), w.values.end());
        const double xlo = w.values[k];
        double xhi = xlo;
        if (w.lo + 1 < n)
            xhi = *std::min_element(w.values.begin() + static_cast<std::ptrdiff_t>(k) + 1, w.values.end());
        out.push_back(xlo + (w.h - static_cast<double>(w.lo)) * (xhi - xlo));
    }
    return out;
}

}  // namespace mf
