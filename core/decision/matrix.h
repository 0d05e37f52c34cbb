// The decision matrix as plain numbers, and the pieces every ranking method shares:
// checking it, normalising the weights, and ranking scores with ties flagged (never
// broken silently).
//
//   MatrixInput m;  m.alternatives = {"A", "B"};  m.criteria = {"cost", "quality"};
//   m.benefit = {false, true};  m.weights = {2, 1};  m.value = {{3.0, 7}, {2.5, 5}};
//   WeightedSumResult ws = weighted_sum(m);        // decision/weighted_sum.h
//   TopsisResult t = topsis(m, TopsisNormalisation::Vector);   // decision/topsis.h
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace mf {

struct MatrixInput {
    std::vector<std::string> alternatives;         // partner names, for messages
    std::vector<std::string> criteria;             // criterion names, for messages
    std::vector<bool> benefit;                     // per criterion: more is better
    std::vector<double> weights;                   // per criterion, >= 0, not all zero (any scale)
    std::vector<std::vector<double>> value;        // [alternative][criterion]: the likely value
    std::vector<std::vector<double>> low;          // same shape, or empty: no ranges
    std::vector<std::vector<double>> high;         // same shape, or empty
    std::vector<std::optional<double>> scale_min;  // per criterion, or empty: no scales
    std::vector<std::optional<double>> scale_max;
};

// Problems that make the matrix unusable (empty, ragged, NaN, zero weights ...), each
// naming the alternative and criterion. Empty when the matrix can be analysed.
std::vector<std::string> check_matrix(const MatrixInput& m);

// Weights divided by their sum (the analyses work with weights that sum to 1).
std::vector<double> normalised_weights(const std::vector<double>& w);

// Ranks with ties: scores within tie_tolerance·max(1, |a|, |b|) of each other share a rank
// (competition ranking "1 2 2 4": tied alternatives get the best of their places).
struct Ranking {
    std::vector<double> score;  // per alternative, higher is better
    std::vector<int> rank;      // per alternative, 1 = best
    std::vector<int> order;     // alternative indices, best first (ties in input order)
    std::vector<bool> tied;     // per alternative: shares its rank with another
    bool top_tied = false;      // more than one alternative holds rank 1
    double tie_tolerance = 1e-9;
};
Ranking rank_scores(const std::vector<double>& score, double tie_tolerance = 1e-9);

}  // namespace mf
