// The ascending order of a column of floats by one LSD radix sort, and what the schedule
// Monte Carlo's summary takes from it: average ranks (Spearman) and type-7 percentiles.
//
//   FloatOrder o;
//   o.sort(column, n);                      // O(n), no comparisons; scratch reused between columns
//   o.average_ranks(rank);                  // rank[i] of column[i], 1-based, ties share their mean
//   double p80 = o.percentile(column, 0.8); // Hyndman–Fan type 7, as percentile_sorted (summary.h)
//
// Why: 201 comparison sorts of 10 000 indices (std::sort with an indirect comparison) and two
// nth_element per task were two thirds of a 10 000 × 201 schedule Monte Carlo. Here each key
// is the float's bit pattern mapped to an order-preserving 32-bit unsigned (−0 counted as +0,
// so ties are exactly the values that compare equal), packed above its index in 64 bits and
// sorted on 11-bit digits; a digit pass in which every key has the same digit is skipped.
// The ranks and percentiles are exactly those of a comparison sort (tested).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mf {

class FloatOrder {
public:
    // Sorts x[0 … n) (no NaN; n < 2³²). Keeps no pointer to x.
    void sort(const float* x, size_t n);
    size_t size() const { return n_; }
    // Index into x of the k-th smallest value (0-based); ties in index order.
    uint32_t index(size_t k) const { return static_cast<uint32_t>(sorted_[k]); }
    // Average ranks (1-based) of the sorted column: ties share the mean of their ranks.
    void average_ranks(std::vector<double>& rank) const;
    // Type 7 percentile of the sorted column, p in [0, 1]; x is the column given to sort().
    // h = (n − 1)p, x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), in double.
    double percentile(const float* x, double p) const;

private:
    size_t n_ = 0;
    std::vector<uint64_t> sorted_, scratch_;  // key << 32 | index
    std::vector<uint32_t> count_;
};

}  // namespace mf
