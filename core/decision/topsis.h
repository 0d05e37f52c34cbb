// TOPSIS (Hwang & Yoon 1981): closeness to the ideal solution.
//   r_ij = x_ij / sqrt(Σ_i x_ij²)                     (vector normalisation, the default)
//   r_ij = (x_ij − min_i x_ij) / (max_i − min_i)       (min-max; a constant column gives 0)
//   v_ij = w_j r_ij with weights normalised to sum 1
//   A+ = best v per criterion (max for benefit, min for cost), A− = worst
//   D±_i = Euclidean distance of row i to A±,  C_i = D−_i / (D+_i + D−_i)
// When D+ + D− = 0 (all alternatives identical) C_i = 0.5 and every one is tied.
#pragma once
#include <string>
#include <vector>

#include "decision/decision_model.h"
#include "decision/matrix.h"

namespace mf {

struct TopsisResult {
    std::vector<std::string> errors;
    TopsisNormalisation normalisation = TopsisNormalisation::Vector;
    std::vector<double> weights;                // normalised, sum 1
    std::vector<std::vector<double>> weighted;  // v[alternative][criterion]
    std::vector<double> ideal, anti_ideal;      // A+, A− per criterion
    std::vector<double> d_plus, d_minus;        // per alternative
    Ranking ranking;                            // score = closeness C_i in [0, 1]
};

TopsisResult topsis(const MatrixInput& m, TopsisNormalisation norm = TopsisNormalisation::Vector);

}  // namespace mf
