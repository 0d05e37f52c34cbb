#include "stats/float_order.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace mf {

namespace {
constexpr int kBits = 11;
constexpr int kPasses = 3;  // 3 × 11 = 33 ≥ 32 key bits
constexpr uint32_t kBuckets = 1u << kBits;
constexpr uint32_t kSign = 0x80000000u;

// Order-preserving: negatives reversed below the positives; −0 becomes +0 first (x + 0 is +0
// for both zeros), so values that compare equal get equal keys.
inline uint32_t to_key(float x) {
    const float y = x + 0.0f;
    uint32_t u;
    std::memcpy(&u, &y, sizeof u);
    return (u & kSign) ? ~u : (u | kSign);
}
}  // namespace

void FloatOrder::sort(const float* x, size_t n) {
    n_ = n;
    if (sorted_.size() < n) {
        sorted_.resize(n);
        scratch_.resize(n);
    }
    count_.assign(static_cast<size_t>(kPasses) * kBuckets, 0);
    for (size_t i = 0; i < n; ++i) {
        const uint32_t k = to_key(x[i]);
        sorted_[i] = static_cast<uint64_t>(k) << 32 | static_cast<uint32_t>(i);
        ++count_[k & (kBuckets - 1)];
        ++count_[kBuckets + ((k >> kBits) & (kBuckets - 1))];
        ++count_[2 * kBuckets + (k >> (2 * kBits))];
    }
    if (n == 0) return;
    uint64_t* src = sorted_.data();
    uint64_t* dst = scratch_.data();
    for (int p = 0; p < kPasses; ++p) {
        uint32_t* c = &count_[static_cast<size_t>(p) * kBuckets];
        const int shift = 32 + p * kBits;
        if (c[(src[0] >> shift) & (kBuckets - 1)] == n) continue;  // the same digit everywhere
        uint32_t sum = 0;
        for (uint32_t d = 0; d < kBuckets; ++d) {
            const uint32_t t = c[d];
            c[d] = sum;
            sum += t;
        }
        for (size_t i = 0; i < n; ++i) {
            const uint64_t v = src[i];
            dst[c[(v >> shift) & (kBuckets - 1)]++] = v;
        }
        std::swap(src, dst);
    }
    if (src != sorted_.data()) sorted_.swap(scratch_);
}

void FloatOrder::average_ranks(std::vector<double>& rank) const {
    rank.resize(n_);
    size_t i = 0;
    while (i < n_) {
        const uint64_t key = sorted_[i] >> 32;
        size_t j = i + 1;
        while (j < n_ && (sorted_[j] >> 32) == key) ++j;
        const double r = 0.5 * static_cast<double>(i + j + 1);  // mean of ranks i+1 … j
        for (size_t k = i; k < j; ++k) rank[index(k)] = r;
        i = j;
    }
}

double FloatOrder::percentile(const float* x, double p) const {
    const double h = (static_cast<double>(n_) - 1.0) * p;
    const size_t lo = static_cast<size_t>(std::floor(h));
    const double xlo = x[index(lo)];
    if (lo + 1 >= n_) return xlo;
    const double xhi = x[index(lo + 1)];
    return xlo + (h - static_cast<double>(lo)) * (xhi - xlo);
}

}  // namespace mf
