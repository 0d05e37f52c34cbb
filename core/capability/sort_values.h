// Sorting measurement columns fast: an LSD radix sort of doubles (11-bit digits on the
// IEEE-754 bit pattern mapped to an order-preserving unsigned key), skipping the digit
// passes in which every key has the same digit — for measurements, whose values share sign,
// exponent and leading mantissa bits, that is about half of them. O(n), stable, no
// comparisons; the result equals std::sort's for finite values (−0 sorts before +0).
#pragma once
#include <vector>

namespace mf {

// Sorts ascending in place. Every value must be finite or infinite (no NaN).
void sort_values(std::vector<double>& v);

}  // namespace mf
