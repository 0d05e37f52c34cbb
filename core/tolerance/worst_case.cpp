// Worst case (arithmetic) stack: every contributor at the end of its band that drives the gap
// to its minimum, then to its maximum.
#include <algorithm>

#include "tolerance/stack_analysis.h"

namespace mf {

WorstCaseResult worst_case(const LinearStack& lin) {
    WorstCaseResult r;
    if (!lin.errors.empty()) return r;
    double lo = lin.offset, hi = lin.offset, mid = lin.offset;
    for (const auto& t : lin.terms) {
        mid += t.sensitivity * t.mid;
        const double a = t.sensitivity * t.lo, b = t.sensitivity * t.hi;
        lo += std::min(a, b);
        hi += std::max(a, b);
    }
    r.nominal = lin.nominal_gap;
    r.min = lo;
    r.max = hi;
    r.mean = mid;  // = (min + max) / 2, summed directly for accuracy
    r.half_range = 0.5 * (hi - lo);
    r.asymmetry = r.mean - r.nominal;
    return r;
}

}  // namespace mf
