#include "decision/matrix.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mf {

std::vector<std::string> check_matrix(const MatrixInput& m) {
    std::vector<std::string> errors;
    const size_t na = m.alternatives.size(), nc = m.criteria.size();
    if (na == 0) errors.push_back("the decision matrix is empty: add at least one partner");
    if (nc == 0) errors.push_back("the decision matrix is empty: add at least one criterion");
    if (!errors.empty()) return errors;
    if (m.benefit.size() != nc || m.weights.size() != nc) {
        errors.push_back("internal: benefit/weight lists do not match the criteria");
        return errors;
    }
    double sum = 0;
    for (size_t j = 0; j < nc; ++j) {
        if (!std::isfinite(m.weights[j]) || m.weights[j] < 0)
            errors.push_back("criterion \"" + m.criteria[j] + "\": weight must be a number >= 0");
        else
            sum += m.weights[j];
    }
    if (errors.empty() && !(sum > 0))
        errors.push_back("all criterion weights are zero: give at least one criterion a positive weight");
    auto check_shape = [&](const std::vector<std::vector<double>>& v, const char* what, bool optional) {
        if (optional && v.empty()) return true;
        if (v.size() != na) {
            errors.push_back(std::string("internal: the ") + what + " matrix has the wrong number of rows");
            return false;
        }
        for (size_t i = 0; i < na; ++i)
            if (v[i].size() != nc) {
                errors.push_back(std::string("internal: the ") + what + " matrix has the wrong number of columns");
                return false;
            }
        return true;
    };
    if (!check_shape(m.value, "value", false)) return errors;
    const bool ranges =
        check_shape(m.low, "low", true) && check_shape(m.high, "high", true) && m.low.size() == m.high.size();
    for (size_t i = 0; i < na; ++i)
        for (size_t j = 0; j < nc; ++j) {
            const std::string cell = "partner \"" + m.alternatives[i] + "\", criterion \"" + m.criteria[j] + "\"";
            if (!std::isfinite(m.value[i][j])) {
                errors.push_back(cell + ": no score (every partner needs a value on every criterion)");
                continue;
            }
            if (ranges && !m.low.empty()) {
                if (!(m.low[i][j] <= m.value[i][j] && m.value[i][j] <= m.high[i][j]))
                    errors.push_back(cell + ": the range must satisfy low <= likely <= high");
            }
        }
    const bool scales = m.scale_min.size() == nc && m.scale_max.size() == nc;
    for (size_t j = 0; j < nc; ++j) {
        const bool scaled = scales && m.scale_min[j] && m.scale_max[j];
        if (scaled) {
            if (!(*m.scale_max[j] > *m.scale_min[j]))
                errors.push_back("criterion \"" + m.criteria[j] + "\": scale maximum must be above the minimum");
            continue;
        }
        // Without a scale the weighted sum divides by the best value: values must be positive.
        for (size_t i = 0; i < na; ++i) {
            const double lo = m.low.empty() ? m.value[i][j] : m.low[i][j];
            if (std::isfinite(lo) && !(lo > 0))
                errors.push_back("partner \"" + m.alternatives[i] + "\", criterion \"" + m.criteria[j] +
                                 "\": value must be positive when the criterion has no scale (give the criterion a "
                                 "scale_min and scale_max to score on a fixed scale)");
        }
    }
    return errors;
}

std::vector<double> normalised_weights(const std::vector<double>& w) {
    const double sum = std::accumulate(w.begin(), w.end(), 0.0);
    std::vector<double> out(w.size(), 0.0);
    if (sum > 0)
        for (size_t j = 0; j < w.size(); ++j) out[j] = w[j] / sum;
    return out;
}

Ranking rank_scores(const std::vector<double>& score, double tie_tolerance) {
    Ranking r;
    r.score = score;
    r.tie_tolerance = tie_tolerance;
    const size_t n = score.size();
    r.order.resize(n);
    std::iota(r.order.begin(), r.order.end(), 0);
    std::stable_sort(r.order.begin(), r.order.end(), [&](int a, int b) { return score[a] > score[b]; });
    r.rank.assign(n, 0);
    r.tied.assign(n, false);
    auto same = [&](double a, double b) {
        return std::fabs(a - b) <= tie_tolerance * std::max({1.0, std::fabs(a), std::fabs(b)});
    };
    size_t k = 0;
    while (k < n) {
        size_t e = k + 1;
        while (e < n && same(score[r.order[e - 1]], score[r.order[e]])) ++e;
        for (size_t q = k; q < e; ++q) {
            r.rank[r.order[q]] = static_cast<int>(k) + 1;
            r.tied[r.order[q]] = e - k > 1;
        }
        if (k == 0 && e - k > 1) r.top_tied = true;
        k = e;
    }
    // Within a tie keep the input order, so the listing is stable and never implies a winner.
    for (size_t q = 0; q < n;) {
        size_t e = q + 1;
        while (e < n && r.rank[r.order[e]] == r.rank[r.order[q]]) ++e;
        std::sort(r.order.begin() + q, r.order.begin() + e);
        q = e;
    }
    return r;
}

}  // namespace mf
