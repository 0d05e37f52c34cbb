// Plan-file form of the roads section (roads_model.h; docs/roads.md):
//   "roads": {
//     "follow": [ {"item"*: "t-first-article", "phase": "develop" | "produce"} ],
//     "changes": [ {"road"*: "cm", "item"*: "t-first-article",
//                   "optimistic", "most_likely", "pessimistic",      (working days; all three or none)
//                   "pass_probability", "cpk", "tol_plus", "tol_minus"} ],
//     "first_article": "t-first-article", "production": "m-production", "pilot_gate": "t-pilot" }
// The reader checks values (ranges, all three durations, their order); the references to
// partners, tasks and contributors need the whole plan: check_roads.
#pragma once
#include "base/json_reader.h"
#include "plan/plan.h"

namespace mf {

void read_roads(const json& j, const std::string& path, JsonReader& r, RoadsSection& out);
json write_roads(const RoadsSection& s);

// The rules across sections (called by check_plan_references, so by load_plan and check_plan):
// a follower names a task or a contributor, once; a phase is given only for a task; a change
// names a partner and a follower, fits the item's kind (durations for a task or gate, a pass
// probability for a gate with a typed one, a Cpk for a Cpk gate or a contributor, tolerances
// for a contributor), and leaves the item valid (durations in order, at most one change per
// road and item); the named first-article, production and pilot-gate tasks exist.
void check_roads(const Plan& plan, Issues& errors);

}  // namespace mf
