#include "decision/crossover.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "base/limits.h"

namespace mf {

namespace {

// Breakpoint lists (each ascending, from cost_breakpoints) merged into one ascending list,
// coincident points (within 1e-12 relative) as one with their causes OR-ed. Each partner's
// list is computed once and merged here in linear time, not recomputed and sorted per pair.
std::vector<CostBreakpoint> merged_breakpoints(const std::vector<const std::vector<CostBreakpoint>*>& lists) {
    auto by_volume = [](const CostBreakpoint& a, const CostBreakpoint& b) { return a.volume < b.volume; };
    std::vector<CostBreakpoint> all;
    for (const auto* l : lists) {
        const size_t mid = all.size();
        all.insert(all.end(), l->begin(), l->end());
        std::inplace_merge(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(mid), all.end(), by_volume);
    }
    std::vector<CostBreakpoint> out;
    for (const auto& b : all) {
        if (!out.empty() && std::fabs(b.volume - out.back().volume) <= 1e-12 * b.volume)
            out.back().causes |= b.causes;
        else
            out.push_back(b);
    }
    return out;
}

struct PairSweep {
    int a, b;
    std::vector<Crossover>& out;
    size_t max_crossings;
    bool& truncated;
    int last = 0;                   // last non-zero sign of C_a − C_b
    double zero_at = std::nan("");  // where a run of equal costs began
    bool zero_by_jump = false;
    unsigned zero_causes = 0;

    // A new value of the difference with sign s at volume v; by_jump: reached by a discontinuity.
    void see(int s, double v, bool by_jump, unsigned causes) {
        if (s == 0) {
            if (std::isnan(zero_at)) {
                zero_at = v;
                zero_by_jump = by_jump;
                zero_causes = causes;
            }
            return;
        }
        if (last != 0 && s != last) {
            Crossover c;
            c.a = a;
            c.b = b;
            const bool via_zero = !std::isnan(zero_at);
            c.volume = via_zero ? zero_at : v;
            c.jump = via_zero ? zero_by_jump : by_jump;
            c.causes = c.jump ? (via_zero ? zero_causes : causes) : 0;
            c.cheaper_below = last > 0 ? b : a;
            c.cheaper_above = s > 0 ? b : a;
            if (out.size() < max_crossings)
                out.push_back(c);
            else
                truncated = true;
        }
        last = s;
        zero_at = std::nan("");
    }
};

int sign_tol(double x, double tol) { return x > tol ? 1 : (x < -tol ? -1 : 0); }

}  // namespace

CrossoverResult cost_crossovers(const std::vector<CostInputs>& ps, double v_lo, double v_hi, size_t max_breakpoints,
                                size_t max_crossings) {
    CrossoverResult r;
    r.v_lo = v_lo;
    r.v_hi = v_hi;
    if (!(v_lo > 0) || !(v_hi > v_lo)) {
        r.errors.push_back("the volume range must satisfy 0 < low < high");
        return r;
    }
    for (const auto& p : ps)
        if (!(effective_yield(p.model) > 0)) r.errors.push_back("partner \"" + p.name + "\": yield must be above 0");
    if (!r.errors.empty()) return r;
    const int n = static_cast<int>(ps.size());

    // Each partner's breakpoints, once. The work is bounded (base/limits.h, kMaxCrossoverWork):
    // half for the pairs, half for the envelope, in cost evaluations; a partner's list is not
    // made longer than the envelope could get through (n (1 + n/2) evaluations a segment).
    const double budget = kMaxCrossoverWork / 2;
    const double envelope_segments = budget / (std::max(1, n) * (1.0 + 0.5 * n));
    const size_t per_partner = static_cast<size_t>(
        std::min<double>(static_cast<double>(max_breakpoints), std::max(1000.0, envelope_segments)));
    std::vector<std::vector<CostBreakpoint>> own(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        bool cut = false;
        own[static_cast<size_t>(i)] = cost_breakpoints(ps[static_cast<size_t>(i)], v_lo, v_hi, per_partner, &cut);
        r.truncated = r.truncated || cut;
    }

    // Pairwise crossings.
    double pair_work = 0;
    for (int a = 0; a < n; ++a)
        for (int b = a + 1; b < n; ++b) {
            // Two cost evaluations per segment; the segments are at most both lists and one.
            const double work =
                2.0 * static_cast<double>(own[static_cast<size_t>(a)].size() + own[static_cast<size_t>(b)].size() + 1);
            if (pair_work + work > budget) {
                r.truncated = true;  // this pair is not examined
                continue;
            }
            pair_work += work;
            auto bp = merged_breakpoints({&own[static_cast<size_t>(a)], &own[static_cast<size_t>(b)]});
            std::vector<double> pts{v_lo};
            std::vector<unsigned> causes{0};
            for (const auto& x : bp) {
                pts.push_back(x.volume);
                causes.push_back(x.causes);
            }
            pts.push_back(v_hi);
            causes.push_back(0);
            PairSweep sweep{a, b, r.crossings, max_crossings, r.truncated};
            double prev_right = 0;
            for (size_t s = 0; s + 1 < pts.size(); ++s) {
                const double p = pts[s], q = pts[s + 1], mid = 0.5 * (p + q);
                const AffinePiece A = cost_piece(ps[a], mid), B = cost_piece(ps[b], mid);
                const double da = A.a - B.a, db = A.b - B.b;
                const double L = da + db * p, R = da + db * q;
                const double tol = 1e-9 * (std::fabs(A.a) + std::fabs(A.b) * q + std::fabs(B.a) + std::fabs(B.b) * q);
                const int sL = sign_tol(L, tol), sR = sign_tol(R, tol);
                const bool jumped = s > 0 && std::fabs(L - prev_right) > tol;
                sweep.see(sL, p, jumped, causes[s]);
                if (sL != 0 && sR != 0 && sL != sR) {
                    sweep.see(sR, -da / db, false, 0);
                } else {
                    sweep.see(sR, q, false, 0);
                }
                prev_right = R;
                ++r.segments;
            }
        }

    // Cheapest partner per band: lower envelope, segment by segment.
    std::vector<const std::vector<CostBreakpoint>*> all;
    for (const auto& l : own) all.push_back(&l);
    auto bp = merged_breakpoints(all);
    std::vector<double> pts{v_lo};
    for (const auto& x : bp) pts.push_back(x.volume);
    pts.push_back(v_hi);
    std::vector<AffinePiece> piece(n);
    // Per segment: n cost evaluations, n² / 2 roots, and n evaluations per cut.
    double envelope_work = 0;
    for (size_t s = 0; s + 1 < pts.size(); ++s) {
        if (envelope_work > budget) {
            r.truncated = true;  // the bands stop at pts[s]
            break;
        }
        const double p = pts[s], q = pts[s + 1], mid = 0.5 * (p + q);
        for (int i = 0; i < n; ++i) piece[i] = cost_piece(ps[i], mid);
        std::vector<double> cuts{p, q};
        for (int i = 0; i < n; ++i)
            for (int k = i + 1; k < n; ++k) {
                const double db = piece[i].b - piece[k].b;
                if (db == 0) continue;
                const double root = -(piece[i].a - piece[k].a) / db;
                if (root > p && root < q) cuts.push_back(root);
            }
        std::sort(cuts.begin(), cuts.end());
        envelope_work += static_cast<double>(n) * (1.0 + 0.5 * n + static_cast<double>(cuts.size()));
        for (size_t c = 0; c + 1 < cuts.size(); ++c) {
            if (!(cuts[c + 1] > cuts[c])) continue;
            const double x = 0.5 * (cuts[c] + cuts[c + 1]);
            double best = std::numeric_limits<double>::infinity();
            for (int i = 0; i < n; ++i) best = std::min(best, piece[i].a + piece[i].b * x);
            std::vector<int> who;
            for (int i = 0; i < n; ++i)
                if (piece[i].a + piece[i].b * x <= best + 1e-9 * std::fabs(best)) who.push_back(i);
            if (!r.bands.empty() && r.bands.back().cheapest == who)
                r.bands.back().to = cuts[c + 1];
            else
                r.bands.push_back({cuts[c], cuts[c + 1], who});
        }
    }
    return r;
}

SplitResult best_split(const SplitInput& in, size_t max_breakpoints) {
    SplitResult r;
    const double V = std::floor(in.volume);
    r.volume = V;
    if (!(effective_yield(in.from.model) > 0) || !(effective_yield(in.to.model) > 0)) {
        r.errors.push_back("both partners need a yield above 0");
        return r;
    }
    const SplitSettings& s = in.settings;
    r.transfer_cost_mid = 0.5 * (s.transfer_cost_low + s.transfer_cost_high);
    r.delay_weeks_low = s.delay_weeks_low;
    r.delay_weeks_high = s.delay_weeks_high;
    r.from_only_total = V > 0 ? programme_cost(in.from, V).total : 0;
    r.to_only_total = V > 0 ? programme_cost(in.to, V).total : 0;
    if (V < 2) return r;
    r.possible = true;
    bool cut = false;
    std::vector<double> candidates{1, V - 1};
    auto near = [&](double n) {
        for (double c : {std::floor(n) - 1, std::floor(n), std::ceil(n), std::ceil(n) + 1})
            if (c >= 1 && c <= V - 1) candidates.push_back(c);
    };
    for (const auto& b : cost_breakpoints(in.from, 0, V, max_breakpoints, &cut)) near(b.volume);
    for (const auto& b : cost_breakpoints(in.to, 0, V, max_breakpoints, &cut)) near(V - b.volume);
    if (cut) r.errors.push_back("too many breakpoints: the split search is incomplete");
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    r.candidates = candidates.size();
    double best = std::numeric_limits<double>::infinity();
    for (double n : candidates) {
        const double t = programme_cost(in.from, n).total + programme_cost(in.to, V - n).total;
        if (t < best) {
            best = t;
            r.best_n = n;
        }
    }
    const double delay_mid = 0.5 * (s.delay_weeks_low + s.delay_weeks_high);
    r.total_best_low = best + s.transfer_cost_low + s.delay_weeks_low * s.delay_cost_per_week;
    r.total_best_mid = best + r.transfer_cost_mid + delay_mid * s.delay_cost_per_week;
    r.total_best_high = best + s.transfer_cost_high + s.delay_weeks_high * s.delay_cost_per_week;
    r.split_pays = r.total_best_mid < std::min(r.from_only_total, r.to_only_total);
    r.recommended_n = r.split_pays ? r.best_n : (r.from_only_total < r.to_only_total ? V : 0);
    for (double n : {500.0, 2000.0})
        if (n < V)
            r.pilot_totals.push_back({n,
                                      programme_cost(in.from, n).total + programme_cost(in.to, V - n).total +
                                          r.transfer_cost_mid + delay_mid * s.delay_cost_per_week});
    return r;
}

}  // namespace mf
