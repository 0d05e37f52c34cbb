// Taking a road: the plan as it would be if the sourcing road `road` were taken.
//
//   for (const std::string& road : road_ids(plan)) {          // partner ids, then "split"
//       Plan p = plan_for_road(plan, road);
//       analyse_schedule(p, ...); analyse_stack(p, id, ...); analyse_decision(p, ...);
//   }
//
// Why a plan transformation and not a road option inside each tool: every tool already
// analyses a plan, and its facade stays the only way to a figure. `mfplan schedule --road X`
// and the comparison of all roads (roads_analysis.h) then run the same facade on the same
// transformed plan, so a figure in the comparison equals the single tool's by construction,
// and no tool has to learn what a road is.
//
// What plan_for_road changes (docs/roads.md):
//   - every following task and contributor (road_followers) gets the road's partner: the
//     partner itself, or under "split" split.from for develop-phase tasks and split.to for
//     produce-phase tasks and for contributors;
//   - a following task works on that partner's calendar when schedule.partner_calendars has
//     one (else on its own calendar, or the project's);
//   - the road's changes (RoadChange of that partner and item) replace durations, a gate's
//     pass probability or expected Cpk, a contributor's tolerances or Cpk (a Cpk change makes
//     the contributor normal with that Cpk, keeping its shift, and drops a measured link);
//   - under "split", the first produce-phase tasks (no produce-phase predecessor; tasks and
//     gates) take the transfer delay on their durations: delay_weeks_low, the mid-point and
//     delay_weeks_high (× working days a week of the task's calendar) added to the optimistic,
//     most likely and pessimistic durations;
//   - decision.chosen becomes the road's partner (split: split.from), so the decision's
//     warnings are those of taking that road.
// Nothing else changes. A road that is not in road_ids() returns the plan unchanged.
#pragma once
#include <string>
#include <vector>

#include "plan/plan.h"

namespace mf {

inline constexpr const char* kSplitRoad = "split";

// The items that follow the road: the roads section's list, or (an older plan, no list) every
// task and contributor that names a partner, in file order (tasks first), tasks in the develop phase.
std::vector<RoadFollower> road_followers(const Plan& plan);

// The split plan's two partners as indices into decision.partners (-1: none), resolved as the
// decision analysis resolves them: split.from, else the first boutique; split.to, else the
// first full-service CM. The split road exists when both are found and differ.
struct SplitPartners {
    int from = -1, to = -1;
    bool defined() const { return from >= 0 && to >= 0 && from != to; }
};
SplitPartners split_partners(const DecisionSection& s);

std::vector<std::string> road_ids(const Plan& plan);  // partner ids in order, then "split" when defined
bool is_road(const Plan& plan, const std::string& road);
std::string road_name(const Plan& plan, const std::string& road);  // the partner's name, "Split: A → B"

Plan plan_for_road(const Plan& plan, const std::string& road);

}  // namespace mf
