// Warnings that explain themselves: each names the rule (the article's rule of thumb), the
// inputs that triggered it (JSON Pointers into the plan) and their values in the message.
//
// Rules and thresholds (docs/decision.md lists them with the article's reasoning):
//   cm-before-design-freeze      design not frozen, full-service CM chosen
//   in-house-no-control-plan     in-house chosen without a documented process-control plan
//   in-house-low-volume          in-house chosen below 3 000 parts per quarter
//   ip-sensitive-outsourced      volume >= 50 000, IP-sensitive, chosen partner not in-house
//   audit-by-appointment         IP-sensitive, chosen partner audits only by appointment / none
//   tolerance-without-spc        tolerance or Cpk claimed, no raw SPC data shown
//   cpk-below-1.33               demonstrated Cpk below 1.33
//   cherry-picked-capacity       production lead time >= 3 × first-article lead time
//   capacity-below-demand        monthly capacity below monthly demand
//   material-process-failure     alumina/zirconia with laser; superalloy with LIGA
//   partner-failed-material      a partner has failed with one of the part's materials
//   cte-mismatch                 silicon bonded to a superalloy
//   mating-tolerance-mismatch    mating parts from different partners, tolerances differ >= 2×
//   ahp-inconsistent             CR > 0.10 (names the judgement furthest from the weights)
//   top-tied                     the weighted-sum ranking has a tie for first
//   methods-disagree             weighted sum and TOPSIS put different partners first
//   no-revision-cap              revisions expected but no per-revision cap
//   few-revisions-budgeted       fewer than two revision cycles budgeted
//   first-pass-yield-below-95    chosen partner's first-pass yield below the 95 % ramp target
//   no-transfer-docs             split plan transfers from a partner without transfer docs
//   photolithography-low-yield   photolithography yield below 85 %
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "decision/ahp.h"
#include "decision/decision_model.h"
#include "decision/process_selector.h"

namespace mf {

struct DecisionWarning {
    std::string code;                 // stable key, e.g. "tolerance-without-spc"
    std::string message;              // the rule and the values that broke it
    std::vector<std::string> inputs;  // JSON Pointers of the triggering inputs
};

// Two contributors of one tolerance stack made by different partners.
struct MatingPair {
    std::string stack;                 // stack name
    std::string name_a, name_b;        // contributor names
    std::string partner_a, partner_b;  // partner ids
    double tol_a = 0, tol_b = 0;       // half-width of each tolerance band, mm
    std::string where_a, where_b;      // JSON Pointers of the contributors
};

struct WarningInput {
    DecisionSection section;
    int chosen = -1;                 // partner index, -1: none
    bool chosen_by_decider = false;  // from /decision/chosen (else the weighted-sum top)
    std::optional<AhpResult> ahp;
    std::vector<MatingPair> mating;
    bool ranking_top_tied = false;
    int weighted_sum_top = -1, topsis_top = -1;
    int split_from = -1;  // partner index of the split plan's first partner
    bool split_pays = false;
};

inline constexpr double kInHouseMinPerQuarter = 3000;
inline constexpr double kIpSensitiveVolume = 50000;
inline constexpr double kCherryPickRatio = 3;
inline constexpr double kMatingToleranceRatio = 2;
inline constexpr double kCpkMinimum = 1.33;
inline constexpr double kFirstPassYieldTarget = 0.95;
inline constexpr double kLithoYieldRule = 0.85;
inline constexpr double kRevisionsToBudget = 2;

std::vector<DecisionWarning> decision_warnings(const WarningInput& in);

}  // namespace mf
