// Stack chart builders (analysis_charts.h): the Monte Carlo histogram of the gap.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "chart/analysis_charts.h"
#include "plan/plan.h"
#include "tolerance/stack_facade.h"

namespace mf {

constexpr double kPi = 3.14159265358979323846;

Chart stack_histogram_chart(const Stack& stack, const MonteCarloResult* mc, LengthUnit unit, bool at_operating) {
    Chart c;
    c.title = "Monte Carlo: gap per sample";
    c.x.label = std::string("gap (") + unit_symbol(unit) + ")";
    c.y.label = "samples per bin";
    if (!mc) {
        c.note = "No Monte Carlo result.";
        return c;
    }
    const MonteCarloSummary& m = mc->thermal_differs && at_operating ? mc->at_operating : mc->at_measurement;
    const Histogram& h = m.histogram;
    const size_t n = h.counts.size();
    if (n == 0 || m.n == 0) {
        c.note = "No samples.";
        return c;
    }
    const double u = mm_per_unit(unit);
    std::vector<double> edges(n + 1), heights(n);
    double top = 0;
    for (size_t k = 0; k <= n; ++k) edges[k] = (h.lo + h.width * static_cast<double>(k)) / u;
    for (size_t k = 0; k < n; ++k) {
        heights[k] = h.counts[k];
        top = std::max(top, heights[k]);
    }
    const double mean = m.mean / u, sigma = m.sigma / u, width = h.width / u;
    // The fitted normal N(mean, σ) in counts per bin.
    const double peak = sigma > 0 ? static_cast<double>(m.n) * width / (sigma * std::sqrt(2 * kPi)) : 0;
    top = std::max(top, peak);
    double lo = edges.front(), hi = edges.back();
    const auto& L = stack.lower_limit;
    const auto& U = stack.upper_limit;
    if (L) lo = std::min(lo, *L / u);
    if (U) hi = std::max(hi, *U / u);
    const double pad = (hi - lo) * 0.06 + 1e-12;
    lo -= pad;
    hi += pad;
    c.x.min = lo;
    c.x.max = hi;
    c.y.min = 0;
    c.y.max = top * 1.15;

    if (L) add_xband(c, lo, *L / u, Ink{kInkBad, 0.16f});
    if (U) add_xband(c, *U / u, hi, Ink{kInkBad, 0.16f});
    add_histogram(c, edges, heights, Ink{0, 0.7f});
    if (sigma > 0) {
        std::vector<double> xs(240), ys(240);
        for (size_t i = 0; i < xs.size(); ++i) {
            xs[i] = lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(xs.size() - 1);
            const double z = (xs[i] - mean) / sigma;
            ys[i] = peak * std::exp(-0.5 * z * z);
        }
        add_line(c, std::move(xs), std::move(ys), Ink{1}, 2.0f);
    }
    // Labels on two rows, so close limits do not write over each other.
    if (L) add_vline(c, *L / u, Ink{kInkBad}, "lower limit", 2.0f, 0, false);
    if (U) add_vline(c, *U / u, Ink{kInkBad}, "upper limit", 2.0f, L ? 1 : 0, true);
    add_vline(c, mean, Ink{7}, "", 1.0f);
    c.legend = {{Ink{0, 0.7f}, "samples", false},
                {Ink{1}, "fitted normal", true},
                {Ink{kInkBad}, "limits (shaded: out)", true},
                {Ink{7}, "mean", true}};
    char note[160];
    std::snprintf(note, sizeof note, "%zu samples, seed %llu, %zu bins of %.4g %s; skewness %.3g", m.n,
                  static_cast<unsigned long long>(mc->seed), n, width, unit_symbol(unit), m.skewness);
    c.note = note;
    return c;
}

}  // namespace mf
