#include "decision/sensitivity.h"

#include <algorithm>
#include <cmath>

#include "base/job.h"
#include "base/limits.h"
#include "decision/weighted_sum.h"
#include "stats/distributions.h"
#include "stats/random.h"

namespace mf {

namespace {

// The partners' scores as lines in one criterion's weight t: S_i(t) = R_i + t (u_ik − R_i),
// R_i = Σ_{j≠k} w_j u_ij / (1 − w_k).
struct ScoreLines {
    std::vector<double> rest, slope;
};

ScoreLines score_lines(const std::vector<std::vector<double>>& u, const std::vector<double>& w, size_t k) {
    ScoreLines l;
    for (const auto& row : u) {
        double s = 0;
        for (size_t j = 0; j < w.size(); ++j)
            if (j != k) s += w[j] * row[j];
        l.rest.push_back(s / (1.0 - w[k]));
        l.slope.push_back(row[k] - l.rest.back());
    }
    return l;
}

struct Overtake {
    std::optional<double> t;
    std::vector<int> who;
};

// Where `leader` (first at weight `from`) is first overtaken moving t up (or down) from
// `from`: the nearest crossing with a partner not in `skip`, strictly inside (0, 1).
Overtake next_overtake(const std::vector<std::vector<double>>& u, const ScoreLines& l, size_t k, int leader,
                       const std::vector<int>& skip, double from, bool upward) {
    const double eps = 1e-12;
    Overtake o;
    for (size_t i = 0; i < u.size(); ++i) {
        if (std::find(skip.begin(), skip.end(), static_cast<int>(i)) != skip.end()) continue;
        const double a = u[leader][k] - u[i][k];
        const double b = l.rest[leader] - l.rest[i];
        if (a == b) continue;  // parallel: the gap never changes sign
        const double t = b / (b - a);
        // A rival that only catches up at exactly 0 or 1 ties there but never leads: no flip.
        if (!(t > eps && t < 1 - eps)) continue;
        if (upward ? !(t > from + eps) : !(t < from - eps)) continue;
        const bool nearer = !o.t || (upward ? t < *o.t - eps : t > *o.t + eps);
        if (nearer) {
            o.t = t;
            o.who = {static_cast<int>(i)};
        } else if (std::fabs(t - *o.t) <= eps) {
            o.who.push_back(static_cast<int>(i));
        }
    }
    return o;
}

// Top tied at the current weight w_k: just above w_k the tied partners whose score rises
// fastest lead, just below it those whose score falls fastest (the lines cross at w_k). When
// they all rise equally the tie holds in that direction until an outsider overtakes it.
void tied_flip(const std::vector<std::vector<double>>& u, const ScoreLines& l, const std::vector<int>& tied,
               bool upward, WeightFlip& f) {
    double best = upward ? -INFINITY : INFINITY;
    for (int i : tied) best = upward ? std::max(best, l.slope[i]) : std::min(best, l.slope[i]);
    std::vector<int> leaders;
    for (int i : tied)
        if (std::fabs(l.slope[i] - best) <= 1e-9 * std::max(1.0, std::fabs(best))) leaders.push_back(i);
    // The tie itself breaks at w_k unless every tied partner moves alike.
    const bool breaks = leaders.size() < tied.size();
    // Outsiders only: the tied partners' lines cross the leader's at w_k (within the tie
    // tolerance) and stay below it beyond.
    const Overtake next = next_overtake(u, l, f.criterion, leaders.front(), tied, f.weight, upward);
    std::optional<double>& at = upward ? f.up : f.down;
    std::vector<int>& who = upward ? f.up_new_top : f.down_new_top;
    std::optional<double>& then = upward ? f.up_then : f.down_then;
    std::vector<int>& then_who = upward ? f.up_then_new_top : f.down_then_new_top;
    (upward ? f.up_tie_breaks : f.down_tie_breaks) = breaks;
    if (breaks) {
        at = f.weight;
        who = leaders;
        then = next.t;
        then_who = next.who;
    } else {
        at = next.t;
        who = next.who;
    }
}

}  // namespace

WeightFlipResult weight_flips(const MatrixInput& m) {
    WeightFlipResult r;
    WeightedSumResult ws = weighted_sum(m);
    if (!ws.errors.empty()) {
        r.errors = ws.errors;
        return r;
    }
    const size_t na = m.alternatives.size(), nc = m.criteria.size();
    r.top_tied = ws.ranking.top_tied;
    r.top = r.top_tied ? -1 : ws.ranking.order[0];
    for (size_t i = 0; i < na; ++i)
        if (ws.ranking.rank[i] == 1) r.tied_top.push_back(static_cast<int>(i));
    if (!r.top_tied) r.tied_top.clear();
    const auto& u = ws.normalised;
    const auto& w = ws.weights;
    for (size_t k = 0; k < nc; ++k) {
        WeightFlip f;
        f.criterion = k;
        f.weight = w[k];
        if (1.0 - w[k] <= 1e-12 || na < 2) {
            f.applicable = 1.0 - w[k] > 1e-12;  // false: this criterion carries all the weight
            r.flips.push_back(f);
            continue;
        }
        const ScoreLines l = score_lines(u, w, k);
        if (r.top_tied) {
            tied_flip(u, l, r.tied_top, true, f);
            tied_flip(u, l, r.tied_top, false, f);
        } else {
            const Overtake up = next_overtake(u, l, k, r.top, {r.top}, w[k], true);
            const Overtake down = next_overtake(u, l, k, r.top, {r.top}, w[k], false);
            f.up = up.t;
            f.up_new_top = up.who;
            f.down = down.t;
            f.down_new_top = down.who;
        }
        r.flips.push_back(f);
    }
    return r;
}

static_assert(is_sliced_job<RankFirstRun>::value, "RankFirstRun follows core/base/job.h");

RankFirstResult rank_first_probability(const MatrixInput& m, size_t samples, uint64_t seed) {
    RankFirstRun run(m, samples, seed);
    return run_to_end(run);
}

RankFirstRun::RankFirstRun(const MatrixInput& m, size_t samples, uint64_t seed) : m_(m) {
    RankFirstResult& r = result_;
    r.seed = seed;
    r.errors = check_matrix(m);
    if (samples == 0) r.errors.push_back("the Monte Carlo needs at least one sample");
    if (!r.errors.empty()) return;
    const size_t na = m.alternatives.size(), nc = m.criteria.size();
    if (!m.low.empty())
        for (size_t i = 0; i < na; ++i)
            for (size_t j = 0; j < nc; ++j)
                if (m.low[i][j] < m.high[i][j]) cells_.push_back({i, j, m.low[i][j], m.value[i][j], m.high[i][j]});
    // Each sample scores every cell and ranks every pair of partners (base/limits.h).
    const double per_sample = static_cast<double>(na) * static_cast<double>(nc + na);
    if (!cells_.empty() && static_cast<double>(samples) * per_sample > kMaxRankSteps) {
        r.errors.push_back("too many Monte Carlo samples: samples × partners × (criteria + partners) = " +
                           std::to_string(samples) + " × " + std::to_string(static_cast<long long>(per_sample)) +
                           " must stay below 1 000 000 000 (docs/plan-format.md, \"Limits\")");
        cells_.clear();
        return;
    }
    r.ranged_cells = cells_.size();
    r.samples = samples;
    w_ = normalised_weights(m.weights);
    value_ = m.value;
    first_.assign(na, 0.0);
    rank_sum_.assign(na, 0.0);
    score_.assign(na, 0.0);
    rank_.assign(na, 1);
    block_sums_.assign(2 * na, 0.0);
    // Without ranged cells every sample is the same: evaluate once and weight it.
    runs_ = cells_.empty() ? 1 : samples;
    weight_ = cells_.empty() ? static_cast<double>(samples) : 1.0;
}

void RankFirstRun::sample_block(size_t block, double* sums) {
    Rng rng(block_stream_seed(result_.seed, block, 0));
    const size_t na = m_.alternatives.size(), nc = m_.criteria.size();
    const double tie_tol = Ranking{}.tie_tolerance;
    std::fill(sums, sums + 2 * na, 0.0);
    for (size_t k = 0, n = block_size(block); k < n; ++k) {
        for (const auto& c : cells_) value_[c.i][c.j] = triangular_sample(rng, c.lo, c.mode, c.hi);
        weighted_sum_normalise(m_, value_, u_);
        for (size_t i = 0; i < na; ++i) {
            double t = 0;
            for (size_t j = 0; j < nc; ++j) t += w_[j] * u_[i][j];
            score_[i] = t;
        }
        // Competition ranks with the same tie rule as rank_scores (no allocation per sample):
        // rank_i = 1 + number of alternatives strictly better than i beyond the tolerance.
        size_t n_top = 0;
        for (size_t i = 0; i < na; ++i) {
            int better = 0;
            for (size_t q = 0; q < na; ++q)
                if (score_[q] - score_[i] > tie_tol * std::max({1.0, std::fabs(score_[q]), std::fabs(score_[i])}))
                    ++better;
            rank_[i] = better + 1;
            n_top += better == 0;
        }
        for (size_t i = 0; i < na; ++i) {
            if (rank_[i] == 1) sums[i] += weight_ / static_cast<double>(n_top);
            sums[na + i] += weight_ * rank_[i];
        }
    }
}

void RankFirstRun::add_block(const double* sums, size_t samples) {
    const size_t na = first_.size();
    for (size_t i = 0; i < na; ++i) {
        first_[i] += sums[i];
        rank_sum_[i] += sums[na + i];
    }
    next_ += samples;
}

bool RankFirstRun::step(size_t n) {
    for (size_t done = 0; done < n && !finished();) {
        const size_t block = next_ / kBlock, m = block_size(block);
        sample_block(block, block_sums_.data());
        add_block(block_sums_.data(), m);
        done += m;
    }
    return finished();
}

RankFirstBlocks RankFirstRun::sample_blocks(size_t first, size_t count) {
    RankFirstBlocks b;
    const size_t per = 2 * first_.size();
    b.first = std::min(first, blocks());
    b.count = std::min(count, blocks() - b.first);
    b.sums.assign(b.count * per, 0.0);
    for (size_t k = 0; k < b.count; ++k) sample_block(b.first + k, b.sums.data() + k * per);
    return b;
}

bool RankFirstRun::absorb(const RankFirstBlocks& b) {
    const size_t per = 2 * first_.size();
    if (finished() || b.first != blocks_done() || next_ % kBlock != 0 || b.count == 0 || b.count > blocks() - b.first ||
        b.sums.size() != b.count * per)
        return false;
    for (size_t k = 0; k < b.count; ++k) add_block(b.sums.data() + k * per, block_size(b.first + k));
    return true;
}

RankFirstResult RankFirstRun::result() const {
    RankFirstResult r = result_;
    if (!r.errors.empty()) return r;
    // Samples done so far (all of them once finished).
    const double n =
        cells_.empty() ? (next_ >= runs_ ? static_cast<double>(r.samples) : 0.0) : static_cast<double>(next_);
    if (!(n > 0)) return r;
    for (size_t i = 0; i < first_.size(); ++i) {
        r.p_first.push_back(first_[i] / n);
        r.ci95.push_back(wilson_interval(first_[i], n));
        r.mean_rank.push_back(rank_sum_[i] / n);
    }
    return r;
}

}  // namespace mf
