#include "capability/drift.h"

#include <cmath>

#include "stats/student_t.h"

namespace mf {

Drift drift_trend(const std::vector<double>& x, double part_interval, double alpha) {
    Drift d;
    // One pass: sums of the row number r and of y − y₀ (y₀ the first value, so the
    // accumulations stay small), then the centred sums from them.
    double y0 = 0;
    bool have_y0 = false;
    double sr = 0, sy = 0, srr = 0, sry = 0, syy_raw = 0;
    size_t n = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i])) continue;
        if (!have_y0) {
            y0 = x[i];
            have_y0 = true;
        }
        const double r = static_cast<double>(i + 1), y = x[i] - y0;
        sr += r;
        sy += y;
        srr += r * r;
        sry += r * y;
        syy_raw += y * y;
        ++n;
    }
    d.n = n;
    if (n < 3) {
        d.error = "a trend needs at least 3 values";
        return d;
    }
    const double dn = static_cast<double>(n);
    const double sxx = srr - sr * sr / dn;
    const double sxy = sry - sr * sy / dn;
    const double syy = std::fmax(0.0, syy_raw - sy * sy / dn);
    d.slope_per_row = sxy / sxx;
    d.slope_per_100_parts = 100.0 * d.slope_per_row / (part_interval > 0 ? part_interval : 1.0);
    d.dof = static_cast<double>(n) - 2.0;
    const double rss = std::fmax(0.0, syy - d.slope_per_row * sxy);
    d.std_error = std::sqrt(rss / d.dof / sxx);
    if (d.std_error > 0) {
        d.t = d.slope_per_row / d.std_error;
        d.p = student_t_two_sided_p(d.t, d.dof);
    } else {
        // A perfect line: no residual scatter. A non-zero slope is then certain.
        d.t = d.slope_per_row == 0 ? 0 : (d.slope_per_row > 0 ? INFINITY : -INFINITY);
        d.p = d.slope_per_row == 0 ? 1.0 : 0.0;
    }
    d.significant = d.p < alpha;
    return d;
}

}  // namespace mf
