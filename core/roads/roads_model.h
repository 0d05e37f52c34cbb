// The roads section of a plan: which tasks and stack contributors follow the sourcing road
// taken (the partner chosen, or the split plan), and what each road changes for them.
//
// A road is one of the decision's partners ("take the boutique"), or "split" when the
// decision section defines a split (boutique until N parts, then transfer to the CM).
// Taking a road is a pure transformation of the plan (roads/plan_for_road.h): every item
// that follows the road is given the road's partner, that partner's calendar and the
// road's changes (durations, gate Cpk or pass probability, tolerances, capability); every
// other item stays as it is. docs/roads.md says why and gives the file form.
//
// Older files have no roads section: then every task and every contributor that names a
// partner follows the road (tasks in the develop phase) and no road changes anything.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/issue.h"

namespace mf {

// Under the split road, which of the two partners a following task belongs to: develop-phase
// tasks go to split.from (the boutique), produce-phase tasks to split.to (the CM), and the
// first produce-phase tasks carry the transfer delay. Contributors take no phase: the parts
// that go into the product at volume are the produce partner's.
enum class RoadPhase { Develop, Produce };

struct RoadFollower {
    std::string item;  // a task id or a stack contributor id
    RoadPhase phase = RoadPhase::Develop;
    bool operator==(const RoadFollower&) const = default;
};

// What taking road `road` (a partner id) changes for one following item. Unset fields keep
// the item's own value. Tasks: the three durations (working days, all three or none), a
// gate's typed pass probability or the expected Cpk of its Cpk criterion. Contributors: the
// tolerance band and the Cpk of a normal distribution. A Cpk change replaces a measured link
// (the measured parts were made by another partner).
struct RoadChange {
    std::string road;  // partner id
    std::string item;  // a following task or contributor
    std::optional<double> optimistic, most_likely, pessimistic;
    std::optional<double> pass_probability;
    std::optional<double> cpk;
    std::optional<double> tol_plus, tol_minus;
    bool operator==(const RoadChange&) const = default;
};

struct RoadsSection {
    // Unset: every task and contributor that names a partner follows (the older-file meaning).
    std::optional<std::vector<RoadFollower>> follow;
    std::vector<RoadChange> changes;
    // What the comparison reports as the first-article and the production date (task ids; the
    // production date defaults to the project finish) and which gate is the pilot gate (default:
    // the first gate with a Cpk criterion).
    std::string first_article;
    std::string production;
    std::string pilot_gate;

    bool empty() const {
        return !follow && changes.empty() && first_article.empty() && production.empty() && pilot_gate.empty();
    }
    bool operator==(const RoadsSection&) const = default;
};

const char* road_phase_key(RoadPhase p);  // "develop", "produce"

}  // namespace mf
