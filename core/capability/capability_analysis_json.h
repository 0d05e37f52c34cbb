// The JSON form of a capability study: what `mfplan capability --json` prints, in core so
// the CLI and a report share it. Absent or non-finite figures are null.
//
//   CapabilityAnalysis a = analyse_capability(plan, "d-pilot-run", {});
//   std::string text = capability_json(a).dump(2);   // {"id", "name", "features", "conventions"}
#pragma once
#include <nlohmann/json.hpp>

#include "capability/capability_analysis.h"
#include "capability/yield.h"

namespace mf {

// One feature's figures (indices, intervals, ppm, chart, rules, normality, drift, verdict).
nlohmann::json feature_json(const FeatureAnalysis& a);
// How every figure is computed, for these options and the dataset's σ estimator and gate.
nlohmann::json capability_conventions(const CapabilityOptions& options, const Dataset& dataset);
// A dataset of a plan: {"id", "name", "features": [...], "conventions"}.
nlohmann::json capability_json(const CapabilityAnalysis& a);
// A table read from a file: one feature's figures with "conventions" beside them, or
// {"features": [...], "conventions"} for several.
nlohmann::json capability_table_json(const CapabilityAnalysis& a);
// First-pass and rolled throughput yield (`mfplan yield --json`) with their conventions.
nlohmann::json yield_json(const YieldResult& r, const YieldSettings& settings);

}  // namespace mf
