// The JSON form of a stack analysis (stack_facade.h): what `mfplan stack --json` prints per
// stack, and the conventions block that names how every figure is computed. Lengths in
// millimetres, angles in degrees, temperatures in °C.
//
//   json out = {{"conventions", stack_conventions_json()}, {"stacks", json::array()}};
//   out["stacks"].push_back(stack_analysis_json(analyse_stack(plan, id, opts)));
#pragma once
#include <nlohmann/json.hpp>

#include "tolerance/stack_facade.h"

namespace mf {

// One stack: id, name, links, limits, temperatures, then either "errors" or every figure
// (worst case, RSS, statistical, Monte Carlo or null, contributions, thermal, verdict).
nlohmann::json stack_analysis_json(const StackAnalysis& a);
// How the figures are computed, one sentence per convention.
nlohmann::json stack_conventions_json();

}  // namespace mf
