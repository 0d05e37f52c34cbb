// The JSON form of a schedule analysis (`mfplan schedule FILE --json`): the conventions it
// follows, the CPM table, PERT, the Monte Carlo summary and the warnings.
//
//   ScheduleAnalysis a = analyse_schedule(plan, {10000, 1});
//   if (a.ok()) { json j = schedule_analysis_json(a, plan.meta.name); j["links"] = ...; print(j.dump(2)); }
//
// Needs an analysis that computed, with its Monte Carlo (a.ok(), a.cpm, a.pert and a.mc set).
// The measured links are left to the caller: their JSON form ("links", and
// "conventions"/"measured_links") is shared with the stack's (cli/link_json.h). Keys are
// sorted when dumped, so adding them afterwards changes nothing else.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "schedule/schedule_analysis.h"

namespace mf {

nlohmann::json schedule_analysis_json(const ScheduleAnalysis& analysis, const std::string& plan_name);

// The "conventions" object of the JSON (without "measured_links").
nlohmann::json schedule_conventions_json();

}  // namespace mf
