// Capability chart builders (analysis_charts.h): the value histogram with the fitted normals
// and the control charts.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "capability/analysis.h"
#include "chart/analysis_charts.h"

namespace mf {

namespace {

constexpr double kPi = 3.14159265358979323846;

std::string with_unit(const std::string& what, const std::string& unit) {
    return unit.empty() ? what : what + " (" + unit + ")";
}

std::string limit_label(const char* what, double v) {
    char b[64];
    std::snprintf(b, sizeof b, "%s %.5g", what, v);
    return b;
}

}  // namespace

Chart capability_histogram_chart(const FeatureAnalysis& a, double s, const std::string& unit) {
    Chart c;
    c.title = "Histogram of " + a.feature_name;
    c.x.label = with_unit(a.feature_name.empty() ? "value" : a.feature_name, unit);
    c.y.label = "values per bin";
    c.height_em = 12;
    const ValueHistogram& v = a.histogram;
    if (v.edges.size() < 2 || !(s > 0)) {
        c.note = "No values to plot.";
        return c;
    }
    const double sw = a.within.sigma, so = a.overall.sigma;
    const bool have_w = std::isfinite(sw) && sw > 0, have_o = std::isfinite(so) && so > 0;
    double lo = v.vmin, hi = v.vmax;
    const double spread = std::max(have_w ? sw : 0.0, have_o ? so : 0.0);
    if (spread > 0) {
        lo = std::min(lo, a.mean - 3.5 * spread);
        hi = std::max(hi, a.mean + 3.5 * spread);
    }
    for (const auto& lim : {a.spec.lsl, a.spec.usl, a.spec.target})
        if (lim) lo = std::min(lo, *lim), hi = std::max(hi, *lim);
    const double pad = (hi - lo) * 0.04 + 1e-12;
    lo -= pad, hi += pad;
    const double bw = v.edges[1] - v.edges[0], n = static_cast<double>(a.values);
    double ymax = v.max_count;
    if (have_w) ymax = std::max(ymax, n * bw / (sw * std::sqrt(2 * kPi)));
    if (have_o) ymax = std::max(ymax, n * bw / (so * std::sqrt(2 * kPi)));
    c.x.min = lo / s, c.x.max = hi / s;
    c.y.min = 0, c.y.max = ymax * 1.15;
    std::vector<double> edges(v.edges.size());
    for (size_t i = 0; i < edges.size(); ++i) edges[i] = v.edges[i] / s;
    add_histogram(c, std::move(edges), v.counts, Ink{4, 0.45f}, Ink{4, 0.9f});
    // The normals fitted with σ within (solid) and σ overall (dashed), scaled to counts.
    for (int k = 0; k < 2; ++k) {
        const double sigma = k == 0 ? sw : so;
        if (!(k == 0 ? have_w : have_o)) continue;
        std::vector<double> xs, ys;
        for (int i = 0; i <= 160; ++i) {
            const double x = lo + (hi - lo) * i / 160, z = (x - a.mean) / sigma;
            xs.push_back(x / s);
            ys.push_back(n * bw * std::exp(-0.5 * z * z) / (sigma * std::sqrt(2 * kPi)));
        }
        add_line(c, std::move(xs), std::move(ys), Ink{k == 0 ? 0 : 1}, k == 0 ? 2.2f : 2.0f, k == 1);
    }
    if (a.spec.lsl) add_vline(c, *a.spec.lsl / s, Ink{kInkBad}, "LSL", 2.0f, 0, false);
    if (a.spec.usl) add_vline(c, *a.spec.usl / s, Ink{kInkBad}, "USL", 2.0f, 0, true);
    if (a.spec.target) add_vline(c, *a.spec.target / s, Ink{2}, "Target", 1.5f, 1, false);
    char b[96];
    c.legend.push_back({Ink{4, 0.6f}, "measured values", false});
    std::snprintf(b, sizeof b, "normal, σ within %.3g", sw / s);
    c.legend.push_back({Ink{0}, b, true});
    std::snprintf(b, sizeof b, "normal, σ overall %.3g", so / s);
    c.legend.push_back({Ink{1}, std::string(b) + " (dashed)", true});
    return c;
}

Chart control_chart_chart(const FeatureAnalysis& a, bool location, double s, const std::string& unit) {
    const ControlChart& ch = a.chart;
    const bool imr = ch.type == ChartType::IMR, xs = ch.type == ChartType::XbarS;
    Chart c;
    c.title = location ? (imr ? "Individuals" : "Subgroup means")
                       : (imr      ? "Moving ranges"
                              : xs ? "Subgroup SDs"
                                   : "Subgroup ranges");
    c.y.label = with_unit(c.title, unit);
    c.x.label = imr ? "row" : "subgroup";
    c.height_em = location ? 10 : 7;
    if (!ch.error.empty() || ch.points.empty() || !(s > 0)) {
        c.note = ch.error.empty() ? "No control chart (the values need some spread)." : "No control chart: " + ch.error;
        return c;
    }
    const std::vector<double>& y = location ? ch.points : ch.dispersion;
    const double center = location ? ch.center : ch.d_center, ucl = location ? ch.ucl : ch.d_ucl,
                 lcl = location ? ch.lcl : ch.d_lcl;
    const std::vector<double>& pu = location ? ch.point_ucl : ch.d_point_ucl;
    const std::vector<double>& pl = location ? ch.point_lcl : ch.d_point_lcl;
    const std::vector<uint8_t>& marks = location ? a.rule_marks : a.dispersion_marks;
    const size_t n = y.size();
    double lo = std::min(lcl, center), hi = std::max(ucl, center);
    for (const auto* v : {&y, &pu, &pl})
        for (double x : *v)
            if (std::isfinite(x)) lo = std::min(lo, x), hi = std::max(hi, x);
    const double pad = (hi - lo) * 0.08 + 1e-12;
    hi += (hi - lo) * 0.12;  // room for the UCL label above its line
    c.x.min = 0.5, c.x.max = static_cast<double>(n) + 0.5;
    c.y.min = (lo - pad) / s, c.y.max = (hi + pad) / s;
    if (pu.empty()) {
        add_hline(c, ucl / s, Ink{kInkBad}, limit_label("UCL", ucl / s), 1.2f);
        if (location || lcl > 0) add_hline(c, lcl / s, Ink{kInkBad}, limit_label("LCL", lcl / s), 1.2f);
        add_hline(c, center / s, Ink{2}, limit_label("CL", center / s), 1.2f);
    } else {  // unequal subgroup sizes: each point has its own limits (steps)
        std::vector<double> sx(n + 1);
        for (size_t i = 0; i <= n; ++i) sx[i] = static_cast<double>(i) + 0.5;
        for (const auto* v : {&pu, &pl}) {
            if (v->size() != n) continue;
            std::vector<double> sy(n + 1);
            for (size_t i = 0; i < n; ++i) sy[i] = (*v)[i] / s;
            sy[n] = n ? sy[n - 1] : 0;
            add_steps(c, sx, std::move(sy), Ink{kInkBad}, 1.2f);
        }
        add_hline(c, center / s, Ink{2}, "CL", 1.2f);
    }
    std::vector<double> px(n), py(n);
    for (size_t i = 0; i < n; ++i) px[i] = static_cast<double>(i + 1), py[i] = y[i] / s;
    add_line(c, px, py, Ink{0}, 1.4f);
    size_t flagged = 0;
    for (size_t i = 0; i < n; ++i) {
        if (!std::isfinite(y[i])) continue;
        if (i < marks.size() && marks[i]) {
            ++flagged;
            add_point(c, px[i], py[i], Ink{kInkBad}, MarkShape::Diamond, 4.5f);
        } else if (n <= 150) {
            add_point(c, px[i], py[i], Ink{0}, MarkShape::Circle, 2.5f);
        }
    }
    c.legend = {{Ink{0}, location ? "points" : "dispersion", true},
                {Ink{kInkBad}, "control limits; ◆ a test fails", true},
                {Ink{2}, "centre line", true}};
    char b[96];
    std::snprintf(b, sizeof b, "%zu points, %zu flagged", n, flagged);
    c.note = b;
    return c;
}

}  // namespace mf
