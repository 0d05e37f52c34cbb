// Decision chart builders (analysis_charts.h): the weight-flip tornado and cost per good part
// against the volume. Partner i is drawn in palette colour i, as in the app.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "chart/analysis_charts.h"
#include "decision/decision_analysis.h"

namespace mf {

namespace {

// How close a criterion's weight is to a flip (smaller: more sensitive; not applicable last).
double flip_margin(const WeightFlip& x) {
    if (!x.applicable) return 3.0;
    double m = 2;
    if (x.up) m = std::min(m, *x.up - x.weight);
    if (x.down) m = std::min(m, x.weight - *x.down);
    return m;
}

}  // namespace

Chart flip_weights_chart(const DecisionAnalysis& a, const DecisionSection& s) {
    Chart c;
    c.title = "Weight sensitivity: where the winner changes";
    c.x = {0, 1, false, "weight of the criterion (others rescaled proportionally)", {}, false};
    const WeightFlipResult& f = a.flips;
    if (!a.errors.empty() || f.flips.empty()) {
        c.note = "The sensitivity needs a ranked matrix.";
        return c;
    }
    std::vector<size_t> order;
    for (size_t k = 0; k < f.flips.size(); ++k) order.push_back(k);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t l, size_t r) { return flip_margin(f.flips[l]) < flip_margin(f.flips[r]); });
    const size_t n = order.size();
    c.y.reversed = true;  // the most sensitive at the top
    c.y.min = -0.6;
    c.y.max = static_cast<double>(n) - 0.4;
    c.height_em = 3.2f + 2.0f * static_cast<float>(n);
    const int top = f.top;
    for (size_t r = 0; r < n; ++r) {
        const WeightFlip& x = f.flips[order[r]];
        c.y.categories.push_back(shorten(x.criterion < s.criteria.size() ? s.criteria[x.criterion].name : "?", 34));
        const double y = static_cast<double>(r);
        if (!x.applicable) {
            add_text(c, 0.01, y, "not applicable: this criterion carries all the weight", Ink{kInkDim});
            continue;
        }
        const double lo = x.down.value_or(0.0), hi = x.up.value_or(1.0);
        if (x.down && !x.down_new_top.empty()) add_hbar(c, y, 0, lo, 0.62, Ink{x.down_new_top[0], 0.75f});
        add_hbar(c, y, lo, hi, 0.62, Ink{std::max(top, 0), 0.22f});
        if (x.up && !x.up_new_top.empty()) add_hbar(c, y, hi, 1, 0.62, Ink{x.up_new_top[0], 0.75f});
        add_point(c, x.weight, y, Ink{kInkText}, MarkShape::Diamond, 5.0f);
    }
    for (size_t i = 0; i < s.partners.size(); ++i) {
        const bool is_top = static_cast<int>(i) == top;
        c.legend.push_back({Ink{static_cast<int>(i), is_top ? 0.22f : 0.75f},
                            s.partners[i].name + (is_top ? " (leads now)" : " takes the lead"), false});
    }
    c.legend.push_back({Ink{kInkText}, "◆ weight now", true});
    return c;
}

Chart cost_volume_chart(const DecisionAnalysis& a, const DecisionSection& s) {
    Chart c;
    c.title = "All-in cost per good part against the programme volume (log scales)";
    c.x.label = "good parts over the programme (log scale)";
    c.y.label = "cost per good part";
    c.height_em = 22;
    const double lo = a.crossovers.v_lo > 0 ? a.crossovers.v_lo : 1.0;
    const double hi = a.crossovers.v_hi > lo ? a.crossovers.v_hi : std::max(1e6, 10 * s.planned_volume);
    struct Curve {
        int partner;
        std::vector<double> v, y;
    };
    std::vector<Curve> curves;
    double y_lo = INFINITY, y_hi = 0, x_lo = INFINITY, x_hi = 0;
    for (int k : a.cost_partners) {
        Curve cv{k, {}, {}};
        const CostInputs in = cost_inputs(s, s.partners[static_cast<size_t>(k)]);
        for (const auto& p : cost_curve(in, lo, hi, 240, 4000, nullptr)) {
            if (!std::isfinite(p.per_good_part) || !(p.per_good_part > 0)) continue;
            cv.v.push_back(p.volume);
            cv.y.push_back(p.per_good_part);
            y_lo = std::min(y_lo, p.per_good_part), y_hi = std::max(y_hi, p.per_good_part);
            x_lo = std::min(x_lo, p.volume), x_hi = std::max(x_hi, p.volume);
        }
        curves.push_back(std::move(cv));
    }
    if (!(y_hi > 0) || !(x_hi > x_lo)) {
        c.note = "No cost curve to draw (no partner has a cost model, or the models give no cost).";
        return c;
    }
    c.x = {x_lo, x_hi, true, c.x.label, {}, false};
    c.y.log = true;
    c.y.min = std::pow(10.0, std::floor(std::log10(y_lo)));
    c.y.max = std::pow(10.0, std::ceil(std::log10(y_hi)));
    if (c.y.max <= c.y.min) c.y.max = c.y.min * 10;
    if (s.planned_volume >= x_lo && s.planned_volume <= x_hi)
        add_vline(c, s.planned_volume, Ink{kInkDim}, "planned", 1.0f);
    for (auto& cv : curves) {
        c.legend.push_back({Ink{cv.partner}, s.partners[static_cast<size_t>(cv.partner)].name, true});
        add_line(c, std::move(cv.v), std::move(cv.y), Ink{cv.partner}, 2.0f);
    }
    for (const auto& x : a.crossovers.crossings) {
        const int pa = a.cost_partners[static_cast<size_t>(x.a)];
        const double y = programme_cost(cost_inputs(s, s.partners[static_cast<size_t>(pa)]), x.volume).per_good_part;
        if (y > 0) add_point(c, x.volume, y, Ink{kInkText}, x.jump ? MarkShape::Diamond : MarkShape::Circle, 4.5f);
    }
    c.legend.push_back({Ink{kInkText}, "● crossover, ◆ at a jump", true});
    return c;
}

}  // namespace mf
