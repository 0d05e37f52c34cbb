#include "decision/sensitivity.h"

#include <algorithm>
#include <cmath>

#include "base/job.h"
#include "base/limits.h"
#include "decision/weighted_sum.h"
#include "stats/distributions.h"
#include "stats/random.h"

namespace mf {

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
    const auto& u = ws.normalised;
    const auto& w = ws.weights;
    for (size_t k = 0; k < nc; ++k) {
        WeightFlip f;
        f.criterion = k;
        f.weight = w[k];
        if (r.top_tied || 1.0 - w[k] <= 1e-12 || na < 2) {
            f.applicable = !r.top_tied && 1.0 - w[k] > 1e-12;
            r.flips.push_back(f);
            continue;
        }
        const int top = r.top;
        auto rest = [&](size_t i) {
            double s = 0;
            for (size_t j = 0; j < nc; ++j)
                if (j != k) s += w[j] * u[i][j];
            return s / (1.0 - w[k]);
        };
        const double r_top = rest(top);
        for (size_t i = 0; i < na; ++i) {
            if (static_cast<int>(i) == top) continue;
            const double a = u[top][k] - u[i][k];
            const double b = r_top - rest(i);
            if (a == b) continue;  // parallel: the gap never changes sign
            const double t = b / (b - a);
            // A rival that only catches up at exactly 0 or 1 ties there but never leads: no flip.
            if (!(t > 1e-12 && t < 1 - 1e-12)) continue;
            const double eps = 1e-12;
            if (t > w[k] + eps) {
                if (!f.up || t < *f.up - eps) {
                    f.up = t;
                    f.up_new_top = {static_cast<int>(i)};
                } else if (std::fabs(t - *f.up) <= eps) {
                    f.up_new_top.push_back(static_cast<int>(i));
                }
            } else if (t < w[k] - eps) {
                if (!f.down || t > *f.down + eps) {
                    f.down = t;
                    f.down_new_top = {static_cast<int>(i)};
                } else if (std::fabs(t - *f.down) <= eps) {
                    f.down_new_top.push_back(static_cast<int>(i));
                }
            }
        }
        r.flips.push_back(f);
    }
    return r;
}

static_assert(is_sliced_job<RankFirstRun>::value, "RankFirstRun follows core/base/job.h");

RankFirstResult rank_first_probability(const MatrixInput& m, size_t samples, uint64_t seed) {
    RankFirstRun run(m, samples, seed);
    run.step(samples);
    return run.result();
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
    rng_ = Rng(seed);
    // Without ranged cells every sample is the same: evaluate once and weight it.
    runs_ = cells_.empty() ? 1 : samples;
    weight_ = cells_.empty() ? static_cast<double>(samples) : 1.0;
}

bool RankFirstRun::step(size_t n) {
    if (finished()) return true;
    const size_t na = m_.alternatives.size(), nc = m_.criteria.size();
    const double tie_tol = Ranking{}.tie_tolerance;
    const size_t end = std::min(runs_, next_ + n);
    for (; next_ < end; ++next_) {
        for (const auto& c : cells_) value_[c.i][c.j] = triangular_sample(rng_, c.lo, c.mode, c.hi);
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
            for (size_t k = 0; k < na; ++k)
                if (score_[k] - score_[i] > tie_tol * std::max({1.0, std::fabs(score_[k]), std::fabs(score_[i])}))
                    ++better;
            rank_[i] = better + 1;
            n_top += better == 0;
        }
        for (size_t i = 0; i < na; ++i) {
            if (rank_[i] == 1) first_[i] += weight_ / static_cast<double>(n_top);
            rank_sum_[i] += weight_ * rank_[i];
        }
    }
    return finished();
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
