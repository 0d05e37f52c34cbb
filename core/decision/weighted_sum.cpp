#include "decision/weighted_sum.h"

#include <algorithm>
#include <cstdio>

namespace mf {

static bool has_scale(const MatrixInput& m, size_t j) {
    return m.scale_min.size() == m.criteria.size() && m.scale_max.size() == m.criteria.size() && m.scale_min[j] &&
        m.scale_max[j];
}

void weighted_sum_normalise(const MatrixInput& m, const std::vector<std::vector<double>>& value,
                            std::vector<std::vector<double>>& u) {
    const size_t na = value.size(), nc = m.criteria.size();
    u.resize(na);
    for (auto& row : u) row.resize(nc);
    for (size_t j = 0; j < nc; ++j) {
        if (has_scale(m, j)) {
            const double lo = *m.scale_min[j], hi = *m.scale_max[j];
            for (size_t i = 0; i < na; ++i)
                u[i][j] = m.benefit[j] ? (value[i][j] - lo) / (hi - lo) : (hi - value[i][j]) / (hi - lo);
        } else {
            double best = value[0][j];
            for (size_t i = 1; i < na; ++i)
                best = m.benefit[j] ? std::max(best, value[i][j]) : std::min(best, value[i][j]);
            for (size_t i = 0; i < na; ++i) u[i][j] = m.benefit[j] ? value[i][j] / best : best / value[i][j];
        }
    }
}

WeightedSumResult weighted_sum(const MatrixInput& m) {
    WeightedSumResult r;
    r.errors = check_matrix(m);
    if (!r.errors.empty()) return r;
    r.weights = normalised_weights(m.weights);
    weighted_sum_normalise(m, m.value, r.normalised);
    for (size_t j = 0; j < m.criteria.size(); ++j) {
        if (has_scale(m, j)) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "scale [%g, %g]", *m.scale_min[j], *m.scale_max[j]);
            r.normalisation.push_back(buf);
        } else {
            r.normalisation.push_back("ratio to best");
        }
    }
    std::vector<double> score(m.alternatives.size(), 0.0);
    for (size_t i = 0; i < score.size(); ++i)
        for (size_t j = 0; j < m.criteria.size(); ++j) score[i] += r.weights[j] * r.normalised[i][j];
    r.ranking = rank_scores(score);
    return r;
}

}  // namespace mf
