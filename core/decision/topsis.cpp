#include "decision/topsis.h"

#include <algorithm>
#include <cmath>

namespace mf {

TopsisResult topsis(const MatrixInput& m, TopsisNormalisation norm) {
    TopsisResult r;
    r.normalisation = norm;
    // TOPSIS needs no positive values (check_matrix asks for them only for unscaled
    // weighted-sum columns), so check the matrix as if every criterion had a scale.
    MatrixInput scaled = m;
    scaled.scale_min.assign(m.criteria.size(), 0.0);
    scaled.scale_max.assign(m.criteria.size(), 1.0);
    scaled.low.clear();
    scaled.high.clear();
    r.errors = check_matrix(scaled);
    if (!r.errors.empty()) return r;
    const size_t na = m.alternatives.size(), nc = m.criteria.size();
    r.weights = normalised_weights(m.weights);
    r.weighted.assign(na, std::vector<double>(nc, 0.0));
    for (size_t j = 0; j < nc; ++j) {
        if (norm == TopsisNormalisation::Vector) {
            double ss = 0;
            for (size_t i = 0; i < na; ++i) ss += m.value[i][j] * m.value[i][j];
            const double len = std::sqrt(ss);
            for (size_t i = 0; i < na; ++i) r.weighted[i][j] = len > 0 ? r.weights[j] * m.value[i][j] / len : 0.0;
        } else {
            double lo = m.value[0][j], hi = m.value[0][j];
            for (size_t i = 1; i < na; ++i) {
                lo = std::min(lo, m.value[i][j]);
                hi = std::max(hi, m.value[i][j]);
            }
            for (size_t i = 0; i < na; ++i)
                r.weighted[i][j] = hi > lo ? r.weights[j] * (m.value[i][j] - lo) / (hi - lo) : 0.0;
        }
    }
    r.ideal.resize(nc);
    r.anti_ideal.resize(nc);
    for (size_t j = 0; j < nc; ++j) {
        double lo = r.weighted[0][j], hi = r.weighted[0][j];
        for (size_t i = 1; i < na; ++i) {
            lo = std::min(lo, r.weighted[i][j]);
            hi = std::max(hi, r.weighted[i][j]);
        }
        r.ideal[j] = m.benefit[j] ? hi : lo;
        r.anti_ideal[j] = m.benefit[j] ? lo : hi;
    }
    std::vector<double> closeness(na);
    r.d_plus.resize(na);
    r.d_minus.resize(na);
    for (size_t i = 0; i < na; ++i) {
        double sp = 0, sm = 0;
        for (size_t j = 0; j < nc; ++j) {
            sp += (r.weighted[i][j] - r.ideal[j]) * (r.weighted[i][j] - r.ideal[j]);
            sm += (r.weighted[i][j] - r.anti_ideal[j]) * (r.weighted[i][j] - r.anti_ideal[j]);
        }
        r.d_plus[i] = std::sqrt(sp);
        r.d_minus[i] = std::sqrt(sm);
        const double total = r.d_plus[i] + r.d_minus[i];
        closeness[i] = total > 0 ? r.d_minus[i] / total : 0.5;
    }
    r.ranking = rank_scores(closeness);
    return r;
}

}  // namespace mf
