// AHP weights from a pairwise-comparison matrix (Saaty): the principal right eigenvector by
// power iteration, normalised to sum 1; λmax = Σ_i (A w)_i for that w; CI = (λmax − n)/(n − 1);
// CR = CI / RI(n) with Saaty's (1980) random-index table for n = 1..15:
//   0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59.
// Beyond n = 15 (outside Saaty's table) RI comes from Alonso & Lamata (2006), "Consistency in
// the analytic hierarchy process: a new approach", Int. J. Uncertainty, Fuzziness and
// Knowledge-Based Systems 14(4), 445–459: their linear fit of the mean λmax of random
// reciprocal matrices, λ̄max = 2.7699 n − 4.3513, gives RI(n) = (1.7699 n − 4.3513)/(n − 1).
// Against Saaty's table it agrees within 1.5 % for n = 4 … 15 except n = 12 (fit 1.535, table
// 1.48, the table's one step down), and is 17 % low at n = 3; at n = 16 it gives 1.598, just
// above the table's last 1.59. So the table is used where it exists and the fit only beyond.
// CR > 0.10 means the judgements are inconsistent (the result says which judgement is
// furthest from the weights it produced). Consistency is never reported without an RI.
//
// Beside the eigenvector, the row geometric mean (Crawford & Williams 1985): w_i ∝ (Π_j a_ij)^(1/n),
// normalised to sum 1. It equals the eigenvector on a consistent matrix (and for n ≤ 3 on any);
// it is shown for comparison, the eigenvector weights are the ones used.
#pragma once
#include <string>
#include <vector>

#include "decision/decision_model.h"

namespace mf {

inline constexpr const char* kRandomIndexTable = "Saaty (1980), n = 1..15";
inline constexpr const char* kRandomIndexFit =
    "Alonso & Lamata (2006) linear fit RI = (1.7699 n - 4.3513)/(n - 1), for n > 15";
inline constexpr double kAhpConsistencyLimit = 0.10;

// RI(n) from Saaty's table; -1 when n is outside 1..15.
double saaty_random_index(size_t n);
// RI(n) from Alonso & Lamata's fit, (1.7699 n − 4.3513)/(n − 1); -1 for n < 2.
double alonso_lamata_random_index(size_t n);
// The RI the consistency ratio uses: Saaty's table for n ≤ 15, Alonso & Lamata's fit beyond.
double random_index(size_t n);
// Which of the two random_index(n) takes (kRandomIndexTable or kRandomIndexFit).
const char* random_index_source(size_t n);

// Row geometric means (Π_j a_ij)^(1/n), normalised to sum 1 (through logarithms, so large n
// cannot overflow). A must already be checked (square, positive).
std::vector<double> geometric_mean_weights(const std::vector<std::vector<double>>& a);

struct AhpResult {
    std::vector<std::string> errors;             // non-empty: nothing else is meaningful
    std::vector<double> weights;                 // principal eigenvector, sum 1
    std::vector<double> geometric_mean_weights;  // row geometric means, sum 1 (for comparison)
    double lambda_max = 0;
    double ci = 0;             // consistency index
    double ri = 0;             // random index used
    double cr = 0;             // consistency ratio (0 for n <= 2)
    bool cr_available = true;  // true whenever the matrix is valid (RI from the table or the fit)
    bool consistent = true;    // CR <= 0.10
    const char* random_index_table = kRandomIndexTable;  // kRandomIndexFit when n > 15
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
