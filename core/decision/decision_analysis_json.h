// The JSON form of a decision analysis: what `mfplan decide --json` prints, in core so the
// CLI and a report share it (one set of keys, named conventions included).
//
//   DecisionAnalysis a = analyse_decision(plan, options);
//   std::string text = decision_json(plan, a, options).dump(2);
//
// Numbers that are not finite (a partner with no cost model at a volume) are null.
#pragma once
#include <nlohmann/json.hpp>

#include "decision/decision_analysis.h"

namespace mf {

struct Plan;

// Every figure of the analysis with the conventions it follows; `options` are the ones the
// analysis ran with (samples and seed are printed).
nlohmann::json decision_json(const Plan& plan, const DecisionAnalysis& a, const DecisionOptions& options);

}  // namespace mf
