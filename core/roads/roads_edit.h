// Named edits of the roads section, and the clean-up the other sections' edits call so the
// plan stays consistent (a deleted task no longer follows a road, a gate turned into a task
// loses its road Cpk, a deleted partner takes its road changes with it).
#pragma once
#include <string>

#include "plan/plan.h"

namespace mf {

// Drops what the roads section says about items, partners or gate criteria that no longer
// exist or no longer fit (docs/roads.md, "Checks"): followers of a deleted item, a phase on a
// contributor, changes of a deleted partner or a non-follower, change fields that no longer fit
// the item's kind (a change left empty goes), and first_article / production / pilot_gate that
// name no task (or no gate). Called at the end of every edit that deletes or re-kinds an item.
void prune_roads(Plan& plan);

// Makes the item follow the road (or not). Turning the older-file meaning into an explicit list
// first, so the other followers stay. Refusal text when the id is no task or contributor.
std::string set_follows_road(Plan& plan, const std::string& item, bool follows);

}  // namespace mf
