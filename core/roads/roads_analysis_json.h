// The roads comparison as JSON (what `mfplan compare --json` prints), with its conventions.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "roads/roads_analysis.h"

namespace mf {

nlohmann::json roads_conventions_json(const RoadsAnalysis& a);
nlohmann::json roads_analysis_json(const RoadsAnalysis& a, const std::string& plan_name);

}  // namespace mf
