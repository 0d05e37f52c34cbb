#include "decision/cost_model.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace mf {

// ⌈x⌉ for counts, forgiving relative noise of 1e-9 (x = 2.0000000001 counts 2).
static double count_up(double x) {
    if (!(x > 0)) return 0;
    return std::ceil(x - 1e-9 * x);
}

double effective_yield(const CostModel& m) {
    const double r = m.rework_success > 0 ? m.rework_success : 0.0;
    return m.first_pass_yield + (1.0 - m.first_pass_yield) * r;
}

double unit_price_at(const CostModel& m, double started) {
    if (m.price_breaks.empty()) return 0;
    if (std::isnan(started)) return m.price_breaks.front().unit_price;
    // The last break whose quantity is reached. Quantities increase (check_cost_model), so a
    // binary search finds it: the price at every breakpoint of 100 000 breaks stays fast.
    const double reached = started * (1 + 1e-9);
    const auto after = std::upper_bound(m.price_breaks.begin(), m.price_breaks.end(), reached,
                                        [](double q, const PriceBreak& b) { return q < b.quantity; });
    return after == m.price_breaks.begin() ? m.price_breaks.front().unit_price : std::prev(after)->unit_price;
}

double revision_cost(const CostModel& m) {
    const double c = m.revision_fixed + m.revision_hours * m.hourly_rate;
    return m.revision_cap ? std::min(c, *m.revision_cap) : c;
}

CostBreakdown programme_cost(const CostInputs& in, double volume) {
    const CostModel& m = in.model;
    CostBreakdown c;
    c.volume = volume;
    c.effective_yield = effective_yield(m);
    c.started = c.effective_yield > 0 ? volume / c.effective_yield : 0;
    const double S = c.started;
    c.lots = m.lot_size > 0 ? count_up(S / m.lot_size) : (S > 0 ? 1 : 0);
    c.tool_sets = m.tooling > 0 ? (m.tooling_life > 0 ? count_up(S / m.tooling_life) : 1) : 0;
    c.batches = m.requalification_per_batch > 0
        ? (m.material_batch_size > 0 ? count_up(S / m.material_batch_size) : (S > 0 ? 1 : 0))
        : 0;
    const double per_quarter = m.cleanroom_per_quarter + m.staff_per_quarter;
    if (per_quarter > 0) {
        const double needed = in.monthly_capacity > 0 ? count_up(S / (3.0 * in.monthly_capacity)) : 0;
        c.quarters = std::max(in.programme_quarters, needed);
    }
    c.unit_price = unit_price_at(m, S);
    c.nre = m.nre * (1 + m.nre_material_uplift);
    c.revisions = m.revisions * revision_cost(m);
    c.capability_study = m.capability_study;
    c.capital = m.capital;
    c.tooling = c.tool_sets * m.tooling;
    c.lot_fees = c.lots * (m.setup_per_lot + m.shipping_per_lot + m.inspection_per_lot);
    c.requalification = c.batches * m.requalification_per_batch;
    c.quarterly = c.quarters * per_quarter;
    c.parts = S * c.unit_price;
    const double fail = 1.0 - m.first_pass_yield;
    const bool rework = m.rework_success > 0;
    c.rework = rework ? S * fail * m.rework_cost : 0;
    c.scrap = S * fail * (1.0 - (rework ? m.rework_success : 0.0)) * m.scrap_cost;
    c.total = c.nre + c.revisions + c.capability_study + c.capital + c.tooling + c.lot_fees + c.requalification +
        c.quarterly + c.parts + c.rework + c.scrap;
    c.per_good_part = volume > 0 ? c.total / volume : std::nan("");
    return c;
}

std::string describe_jumps(unsigned causes) {
    std::string s;
    auto add = [&](unsigned bit, const char* what) {
        if (causes & bit) s += (s.empty() ? "" : ", ") + std::string(what);
    };
    add(kJumpPriceBreak, "price break");
    add(kJumpLot, "lot boundary");
    add(kJumpTooling, "new tooling set");
    add(kJumpMaterialBatch, "new material batch");
    add(kJumpCapacityQuarter, "extra quarter of fixed cost");
    return s;
}

std::vector<CostBreakpoint> cost_breakpoints(const CostInputs& in, double v_lo, double v_hi, size_t max_count,
                                             bool* truncated) {
    std::vector<CostBreakpoint> out;
    bool cut = false;
    const CostModel& m = in.model;
    const double Y = effective_yield(m);
    if (!(Y > 0) || !(v_hi > v_lo)) {
        if (truncated) *truncated = false;
        return out;
    }
    const double s_lo = v_lo / Y;
    auto by_volume = [](const CostBreakpoint& a, const CostBreakpoint& b) { return a.volume < b.volume; };
    // Each progression comes out ascending: merged into the list in linear time (a sort of
    // millions of breakpoints was most of the time of a crossover search).
    size_t sorted_up_to = 0;
    auto merge_block = [&] {
        std::inplace_merge(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(sorted_up_to), out.end(), by_volume);
        sorted_up_to = out.size();
    };
    auto progression = [&](double step, unsigned cause, double k_min) {
        if (!(step > 0)) return;
        double k = std::max(k_min, std::floor(s_lo / step));
        for (;; k += 1) {
            if (k + 1 == k) {  // past 2^53 steps k no longer counts: the jumps are denser than a double resolves
                cut = true;
                break;
            }
            const double v = k * step * Y;
            if (v <= v_lo) continue;
            if (v >= v_hi) break;
            if (out.size() >= max_count) {
                cut = true;
                break;
            }
            out.push_back({v, cause});
        }
        merge_block();
    };
    if (m.setup_per_lot + m.shipping_per_lot + m.inspection_per_lot > 0) progression(m.lot_size, kJumpLot, 1);
    if (m.tooling > 0) progression(m.tooling_life, kJumpTooling, 1);
    if (m.requalification_per_batch > 0) progression(m.material_batch_size, kJumpMaterialBatch, 1);
    if (m.cleanroom_per_quarter + m.staff_per_quarter > 0 && in.monthly_capacity > 0) {
        // quarters = max(Q0, ⌈S/3c⌉) rises past S = 3c·k only once k + 1 > Q0.
        const double k_min = std::max(1.0, std::floor(in.programme_quarters));
        progression(3.0 * in.monthly_capacity, kJumpCapacityQuarter, k_min);
    }
    for (size_t i = 1; i < m.price_breaks.size(); ++i) {
        const double v = m.price_breaks[i].quantity * Y;
        if (v > v_lo && v < v_hi && m.price_breaks[i].unit_price != m.price_breaks[i - 1].unit_price)
            out.push_back({v, kJumpPriceBreak});
    }
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(sorted_up_to), out.end(), by_volume);  // ascending when valid
    merge_block();
    // Merge coincident points (same volume within 1e-12 relative), keeping every cause.
    std::vector<CostBreakpoint> merged;
    for (const auto& b : out) {
        if (!merged.empty() && std::fabs(b.volume - merged.back().volume) <= 1e-12 * b.volume)
            merged.back().causes |= b.causes;
        else
            merged.push_back(b);
    }
    if (truncated) *truncated = cut;
    return merged;
}

AffinePiece cost_piece(const CostInputs& in, double volume) {
    const CostBreakdown c = programme_cost(in, volume);
    AffinePiece p;
    const double variable = c.parts + c.rework + c.scrap;
    p.b = volume > 0 ? variable / volume : 0;
    p.a = c.total - variable;
    return p;
}

std::vector<CostCurvePoint> cost_curve(const CostInputs& in, double v_lo, double v_hi, int samples,
                                       size_t max_breakpoints, bool* truncated) {
    std::vector<CostCurvePoint> out;
    bool cut = false;
    if (truncated) *truncated = false;
    if (!(v_lo > 0) || !(v_hi > v_lo) || samples < 2 || !(effective_yield(in.model) > 0)) return out;
    std::vector<CostBreakpoint> bps = cost_breakpoints(in, v_lo, v_hi, max_breakpoints, &cut);
    if (cut) {
        bps.clear();
        if (truncated) *truncated = true;
    }
    // Edges of the affine pieces: v_lo, every breakpoint, v_hi.
    std::vector<double> edges;
    edges.push_back(v_lo);
    for (const auto& b : bps) edges.push_back(b.volume);
    edges.push_back(v_hi);
    const double l0 = std::log(v_lo), l1 = std::log(v_hi);
    const double dl = (l1 - l0) / (samples - 1);
    for (size_t k = 0; k + 1 < edges.size(); ++k) {
        const double x0 = edges[k], x1 = edges[k + 1];
        const double mid = cut ? 0 : std::sqrt(x0 * x1);
        auto value = [&](double v) {
            if (cut) return programme_cost(in, v).per_good_part;
            const AffinePiece p = cost_piece(in, mid);  // the piece on (x0, x1), valid at its ends too
            return p.a / v + p.b;
        };
        out.push_back({x0, value(x0)});
        // Grid points strictly inside (x0, x1).
        double i = std::floor((std::log(x0) - l0) / dl) + 1;
        for (;; i += 1) {
            const double v = std::exp(l0 + i * dl);
            if (!(v < x1 * (1 - 1e-12))) break;
            if (v > x0 * (1 + 1e-12)) out.push_back({v, value(v)});
        }
        out.push_back({x1, value(x1)});
    }
    if (cut) {  // without pieces each edge was listed twice: keep one
        std::vector<CostCurvePoint> unique;
        for (const auto& p : out)
            if (unique.empty() || p.volume > unique.back().volume) unique.push_back(p);
        out.swap(unique);
    }
    return out;
}

}  // namespace mf
