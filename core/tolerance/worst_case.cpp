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
        if (t.cte_tol > 0) {
            // Uncertain CTE (operating temperature only): the term s·x·(1 + α′·ΔT) at the four
            // corners x ∈ {low, high}, α′ ∈ {α − u, α + u}; it is linear in each, so the corners
            // hold its extremes.
            double tmin = 1e300, tmax = -1e300;
            for (double x : {t.band_lo, t.band_hi})
                for (double alpha : {t.cte - t.cte_tol, t.cte + t.cte_tol}) {
                    const double v = t.sensitivity * x * (1.0 + alpha * 1e-6 * t.delta_t);
                    tmin = std::min(tmin, v);
                    tmax = std::max(tmax, v);
                }
            lo += tmin;
            hi += tmax;
            continue;
        }
        const double a = t.sensitivity * t.lo, b = t.sensitivity * t.hi;
        lo += std::min(a, b);
        hi += std::max(a, b);
    }
    r.nominal = lin.nominal_gap;
    r.min = lo;
    r.max = hi;
    r.mean = mid;  // = (min + max) / 2, summed directly for accuracy (at the nominal CTE)
    r.half_range = 0.5 * (hi - lo);
    r.asymmetry = r.mean - r.nominal;
    return r;
}

}  // namespace mf
