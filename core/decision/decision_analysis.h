// Every analysis of the decision section in one call: weights (direct or AHP), the matrix
// with derived scores, weighted sum and TOPSIS side by side, flip weights, rank-first Monte
// Carlo, cost per good part at the standard volumes, crossovers, cheapest bands, the split
// plan, the process selector and the warnings. The CLI prints it; the GUI draws it.
//
//   DecisionAnalysis a = analyse_decision(plan, DecisionOptions{});
//   if (!a.errors.empty()) ...;  a.weighted_sum.ranking.order[0] is the winner
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "decision/ahp.h"
#include "decision/cost_model.h"
#include "decision/crossover.h"
#include "decision/decision_warnings.h"
#include "decision/matrix.h"
#include "decision/process_selector.h"
#include "decision/sensitivity.h"
#include "decision/topsis.h"
#include "decision/weighted_sum.h"

namespace mf {

struct Plan;

struct DecisionOptions {
    size_t mc_samples = 20000;  // 0: skip the rank-first Monte Carlo (the GUI runs it in slices)
    uint64_t seed = 1;
    std::vector<double> volumes = {100, 10000, 100000};  // the planned volume is added after these
    std::optional<double> max_volume;                    // crossover search to here (default max(1e6, 10 × planned))
};

// The decision matrix as numbers, with where each column came from.
struct BuiltMatrix {
    MatrixInput matrix;
    std::vector<std::string> errors;   // missing scores / evidence, naming partner and criterion
    std::vector<std::string> sources;  // per criterion: "entered", "cost-per-good-part", ...
};
// weights: already derived (direct or AHP), one per criterion.
BuiltMatrix build_matrix(const DecisionSection& s, const std::vector<double>& weights);

// Mating contributor pairs from the plan's tolerance stacks (for the mismatch warning).
std::vector<MatingPair> mating_pairs(const Plan& plan);

// Cost inputs of a partner with a cost model.
CostInputs cost_inputs(const DecisionSection& s, const Partner& p);

struct DecisionAnalysis {
    std::vector<std::string> errors;  // problems that stop the ranking (the costs may still run)
    Weighting weighting = Weighting::Direct;
    std::vector<double> weights;  // normalised, sum 1
    std::optional<AhpResult> ahp;
    BuiltMatrix built;
    WeightedSumResult weighted_sum;
    TopsisResult topsis;
    WeightFlipResult flips;
    RankFirstResult rank_first;
    int chosen = -1;  // partner index
    bool chosen_by_decider = false;

    std::vector<double> volumes;                    // options.volumes + planned volume
    std::vector<int> cost_partners;                 // partner indices with a cost model
    std::vector<std::vector<CostBreakdown>> costs;  // [cost partner][volume]
    CrossoverResult crossovers;                     // partner indices in it are cost_partners positions
    std::optional<SplitResult> split;
    int split_from = -1, split_to = -1;  // partner indices

    std::vector<ProcessVerdict> processes;
    std::optional<LithoDwResult> litho;
    std::vector<DecisionWarning> warnings;
};

DecisionAnalysis analyse_decision(const Plan& plan, const DecisionOptions& options);

}  // namespace mf
