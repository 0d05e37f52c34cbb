// Weighted-sum score (simple additive weighting). Each criterion column is first put on a
// common 0–1 "more is better" footing:
//   - with a scale [lo, hi]:  benefit (v − lo)/(hi − lo),  cost (hi − v)/(hi − lo)
//   - without a scale:        benefit v / max_i v,         cost min_i v / v   (values > 0)
// then S_i = Σ_j w_j u_ij with the weights normalised to sum 1. Ties are flagged.
#pragma once
#include <string>
#include <vector>

#include "decision/matrix.h"

namespace mf {

struct WeightedSumResult {
    std::vector<std::string> errors;              // non-empty: nothing else is filled in
    std::vector<double> weights;                  // normalised, sum 1
    std::vector<std::vector<double>> normalised;  // u[alternative][criterion]
    std::vector<std::string> normalisation;       // per criterion: "scale [1, 10]" or "ratio to best"
    Ranking ranking;                              // score = S_i in [0, 1]
};

WeightedSumResult weighted_sum(const MatrixInput& m);

// The normalised column values u for one set of raw values (used by the Monte Carlo and the
// sensitivity analysis, which re-normalise sampled values the same way).
void weighted_sum_normalise(const MatrixInput& m, const std::vector<std::vector<double>>& value,
                            std::vector<std::vector<double>>& u);

}  // namespace mf
