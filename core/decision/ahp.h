// AHP weights from a pairwise-comparison matrix (Saaty): the principal right eigenvector by
// power iteration, normalised to sum 1; λmax = Σ_i (A w)_i for that w; CI = (λmax − n)/(n − 1);
// CR = CI / RI(n) with Saaty's (1980) random-index table for n = 1..15:
//   0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59.
// CR > 0.10 means the judgements are inconsistent (the result says which judgement is
// furthest from the weights it produced).
#pragma once
#include <string>
#include <vector>

#include "decision/decision_model.h"

namespace mf {

inline constexpr const char* kRandomIndexTable = "Saaty (1980), n = 1..15";
inline constexpr double kAhpConsistencyLimit = 0.10;

// RI(n) from Saaty's table; -1 when n is outside 1..15.
double saaty_random_index(size_t n);

struct AhpResult {
    std::vector<std::string> errors;  // non-empty: nothing else is meaningful
    std::vector<double> weights;      // principal eigenvector, sum 1
    double lambda_max = 0;
    double ci = 0;             // consistency index
    double ri = 0;             // random index used
    double cr = 0;             // consistency ratio (0 for n <= 2)
    bool cr_available = true;  // false when n > 15 (outside the RI table)
    bool consistent = true;    // CR <= 0.10
    const char* random_index_table = kRandomIndexTable;
    int iterations = 0;
    bool converged = false;
    // The judgement a_ij furthest (in log ratio) from w_i / w_j: where to look first.
    int worst_i = -1, worst_j = -1;
    double worst_given = 0, worst_implied = 0;
};

// A must be square, positive and reciprocal (a_ji = 1/a_ij, a_ii = 1).
AhpResult ahp_weights(const std::vector<std::vector<double>>& a, int max_iterations = 100000, double tolerance = 1e-14);

// The matrix from judgements by criterion id (check_decision has already reported gaps,
// duplicates and contradictions; here missing pairs are an error naming them).
struct AhpMatrix {
    std::vector<std::vector<double>> a;
    std::vector<std::string> errors;
};
AhpMatrix ahp_matrix(const std::vector<Criterion>& criteria, const std::vector<Judgement>& judgements);

}  // namespace mf
