// exact_worst_case: corners of the loop's length contributors, each angle chosen exactly (see
// exact_worst_case.h for why that is the exact extreme).
#include "tolerance/exact_worst_case.h"

#include <cmath>

#include "tolerance/stack_analysis.h"
#include "tolerance/stack_internal.h"

namespace mf {

static constexpr double kDegree = 3.14159265358979323846 / 180.0;

namespace {

// One angle contributor's part of the gap for given lengths: Σ_v L_v·cos(a_v + θ − φ) over the
// vectors taking their angle from it = Re(Z·e^{iθ}), Z = Σ_v L_v·e^{i(a_v − φ)}.
struct Sinusoid {
    double re = 0, im = 0;
    double at(double theta_deg) const {
        return re * std::cos(theta_deg * kDegree) - im * std::sin(theta_deg * kDegree);
    }
};

// The first angle ≥ lo that equals `base` modulo 360°, if it is ≤ hi.
bool inside_band(double base, double lo, double hi, double& out) {
    out = base + 360.0 * std::ceil((lo - base) / 360.0);
    return out <= hi;
}

// The angle in [lo, hi] where the sinusoid is largest (want_max) or smallest: a band end or
// an interior stationary point.
double best_angle(const Sinusoid& g, double lo, double hi, bool want_max) {
    double best = lo, best_v = g.at(lo);
    auto consider = [&](double theta) {
        const double v = g.at(theta);
        if (want_max ? v > best_v : v < best_v) {
            best = theta;
            best_v = v;
        }
    };
    consider(hi);
    if (g.re != 0 || g.im != 0) {
        // Re(Z e^{iθ}) = |Z| cos(θ + arg Z): largest at θ = −arg Z, smallest 180° further.
        const double peak = -std::atan2(g.im, g.re) / kDegree;
        double theta = 0;
        if (inside_band(peak, lo, hi, theta)) consider(theta);
        if (inside_band(peak + 180.0, lo, hi, theta)) consider(theta);
    }
    return best;
}

// exact_gap (stack_analysis.h) with the loop's use computed once, not per corner.
double closure(const Stack& s, const detail::LoopUse& use, const std::vector<double>& x) {
    double gap = 0;
    for (size_t i = 0; i < x.size(); ++i)
        if (!use.in_loop[i]) gap += s.contributors[i].sensitivity * x[i];
    for (size_t v = 0; v < s.loop->vectors.size(); ++v) {
        const int li = use.length_of[v], ai = use.angle_of[v];
        const double length = li >= 0 ? x[static_cast<size_t>(li)] : s.loop->vectors[v].length;
        const double angle = s.loop->vectors[v].angle + (ai >= 0 ? x[static_cast<size_t>(ai)] : 0.0);
        gap += length * std::cos((angle - s.loop->direction) * kDegree);
    }
    return gap;
}

}  // namespace

ExactWorstCase exact_worst_case(const Stack& s, double temperature) {
    ExactWorstCase r;
    r.temperature = temperature;
    if (!s.loop) {
        r.note = "not a loop: the linear worst case of a 1D chain is exact";
        return r;
    }
    const LinearStack lin = linearize_stack(s, temperature);
    if (!lin.errors.empty()) {
        r.note = "the stack is refused: " + lin.errors[0].message;
        return r;
    }
    const WorstCaseResult linear = worst_case(lin);
    r.linear_min = linear.min;
    r.linear_max = linear.max;

    const detail::LoopUse use = detail::loop_use(s);
    const size_t nc = s.contributors.size();
    std::vector<size_t> lengths, angles;  // loop contributors: lengths with a band, every angle
    for (size_t i = 0; i < nc; ++i) {
        if (!use.in_loop[i]) continue;
        if (s.contributors[i].kind == DimensionKind::Angle) {
            angles.push_back(i);
            if (lin.terms[i].hi > lin.terms[i].lo) ++r.angle_contributors;
        } else if (lin.terms[i].hi > lin.terms[i].lo) {
            lengths.push_back(i);
        }
    }
    r.length_contributors = lengths.size();
    if (lengths.size() > kMaxExactLengthContributors) {
        r.note = "not enumerated: " + std::to_string(lengths.size()) + " length contributors in the loop (2^" +
            std::to_string(lengths.size()) + " corners; at most 16 are enumerated): the linearised worst case stands";
        return r;
    }
    r.corners = size_t{1} << lengths.size();
    // Each corner costs one pass over the contributors and the vectors: a budget keeps a huge
    // loop (thousands of vectors) with many length contributors from stalling the app.
    const double work = static_cast<double>(r.corners) * static_cast<double>(nc + s.loop->vectors.size());
    if (work > kMaxExactWorstCaseWork) {
        r.note = "not enumerated: " + std::to_string(r.corners) + " corners × " +
            std::to_string(nc + s.loop->vectors.size()) +
            " contributors and vectors is above the budget of 2·10⁷ evaluations: the linearised worst case stands";
        r.corners = 0;
        return r;
    }
    // The vectors whose angle each angle contributor sets (found once, not per corner).
    std::vector<std::vector<size_t>> vectors_of(angles.size());
    std::vector<int> angle_slot(nc, -1);
    for (size_t a = 0; a < angles.size(); ++a) angle_slot[angles[a]] = static_cast<int>(a);
    for (size_t v = 0; v < s.loop->vectors.size(); ++v)
        if (use.angle_of[v] >= 0 && angle_slot[static_cast<size_t>(use.angle_of[v])] >= 0)
            vectors_of[static_cast<size_t>(angle_slot[static_cast<size_t>(use.angle_of[v])])].push_back(v);

    // Start values: every loop length at its lower end (a band of zero width stays there), the
    // contributors outside the loop at the end that makes the gap smallest (x_min) or largest.
    std::vector<double> x_min(nc), x_max(nc);
    for (size_t i = 0; i < nc; ++i) {
        const LinearTerm& t = lin.terms[i];
        const bool rises = s.contributors[i].sensitivity >= 0;
        x_min[i] = use.in_loop[i] ? t.lo : (rises ? t.lo : t.hi);
        x_max[i] = use.in_loop[i] ? t.lo : (rises ? t.hi : t.lo);
    }
    bool first = true;
    for (size_t mask = 0; mask < r.corners; ++mask) {
        for (size_t b = 0; b < lengths.size(); ++b) {
            const size_t i = lengths[b];
            x_min[i] = x_max[i] = (mask >> b) & 1 ? lin.terms[i].hi : lin.terms[i].lo;
        }
        for (size_t a = 0; a < angles.size(); ++a) {
            const size_t k = angles[a];
            Sinusoid g;
            for (size_t v : vectors_of[a]) {
                const int li = use.length_of[v];
                const double len = li >= 0 ? x_min[static_cast<size_t>(li)] : s.loop->vectors[v].length;
                const double phase = (s.loop->vectors[v].angle - s.loop->direction) * kDegree;
                g.re += len * std::cos(phase);
                g.im += len * std::sin(phase);
            }
            x_min[k] = best_angle(g, lin.terms[k].lo, lin.terms[k].hi, false);
            x_max[k] = best_angle(g, lin.terms[k].lo, lin.terms[k].hi, true);
        }
        const double lo = closure(s, use, x_min), hi = closure(s, use, x_max);
        if (first || lo < r.min) {
            r.min = lo;
            r.at_min = x_min;
        }
        if (first || hi > r.max) {
            r.max = hi;
            r.at_max = x_max;
        }
        first = false;
    }
    r.computed = true;
    r.min_difference = r.min - r.linear_min;
    r.max_difference = r.max - r.linear_max;
    r.method = "exact: " + std::to_string(r.corners) + " corners of " + std::to_string(lengths.size()) +
        " length contributor(s), each of " + std::to_string(angles.size()) +
        " angle contributor(s) at its band end or interior extreme";
    return r;
}

}  // namespace mf
