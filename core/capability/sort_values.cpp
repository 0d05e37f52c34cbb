#include "capability/sort_values.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace mf {

namespace {
constexpr int kBits = 11;
constexpr int kPasses = 6;  // 6 × 11 = 66 ≥ 64 bits
constexpr uint32_t kBuckets = 1u << kBits;
constexpr uint64_t kSign = 0x8000000000000000ull;

inline uint64_t to_key(double d) {
    uint64_t u;
    std::memcpy(&u, &d, sizeof u);
    return (u & kSign) ? ~u : (u | kSign);  // negatives reversed, positives above them
}
inline double from_key(uint64_t k) {
    const uint64_t u = (k & kSign) ? (k & ~kSign) : ~k;
    double d;
    std::memcpy(&d, &u, sizeof d);
    return d;
}
}  // namespace

void sort_values(std::vector<double>& v) {
    const size_t n = v.size();
    if (n < 256) {
        std::sort(v.begin(), v.end());
        return;
    }
    // Scratch reused between calls (no page faults for every 100 000-value column).
    thread_local std::vector<uint64_t> a, b;
    thread_local std::vector<uint32_t> count;
    if (a.size() < n) {
        a.resize(n);
        b.resize(n);
    }
    count.assign(static_cast<size_t>(kPasses) * kBuckets, 0);
    for (size_t i = 0; i < n; ++i) {
        const uint64_t k = to_key(v[i]);
        a[i] = k;
        for (int p = 0; p < kPasses; ++p) ++count[p * kBuckets + ((k >> (p * kBits)) & (kBuckets - 1))];
    }
    uint64_t* src = a.data();
    uint64_t* dst = b.data();
    for (int p = 0; p < kPasses; ++p) {
        uint32_t* c = &count[static_cast<size_t>(p) * kBuckets];
        // Skip a pass whose digit is the same for every key.
        if (c[(src[0] >> (p * kBits)) & (kBuckets - 1)] == n) continue;
        uint32_t sum = 0;
        for (uint32_t d = 0; d < kBuckets; ++d) {
            const uint32_t t = c[d];
            c[d] = sum;
            sum += t;
        }
        const int shift = p * kBits;
        for (size_t i = 0; i < n; ++i) {
            const uint64_t k = src[i];
            dst[c[(k >> shift) & (kBuckets - 1)]++] = k;
        }
        std::swap(src, dst);
    }
    for (size_t i = 0; i < n; ++i) v[i] = from_key(src[i]);
}

}  // namespace mf
