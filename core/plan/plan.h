// Plan: one whole planning project as a plain value. Copying it is cheap (large
// measurement columns are shared, immutable), so undo, redo and autosave keep snapshots.
//
// Items in every section carry a stable string id, unique across the whole plan; a
// reference between sections (a task's partner, a contributor's partner) stores the id,
// so renaming an item never breaks what points at it.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "capability/dataset_model.h"
#include "decision/decision_model.h"
#include "base/date.h"
#include "roads/roads_model.h"
#include "schedule/schedule_model.h"
#include "tolerance/stack_model.h"

namespace mf {

// Display unit for lengths. Values are stored in millimetres whatever is chosen here.
enum class LengthUnit { Micrometre, Millimetre, Inch };

struct PlanMeta {
    std::string name = "Untitled plan";
    LengthUnit units = LengthUnit::Micrometre;
    std::string decider;  // the one person who owns the sourcing decision
    std::optional<Date> start_date;
    std::optional<Date> deadline;  // market window: production parts needed by
    std::string notes;
};

struct Plan {
    PlanMeta meta;
    DecisionSection decision;
    ScheduleSection schedule;
    std::vector<Stack> stacks;
    std::vector<Dataset> datasets;
    RoadsSection roads;  // which items follow the sourcing road taken (docs/roads.md)
};

// What the overview lists: one row per section with its item count.
struct SectionCount {
    const char* name;
    size_t count;
};
std::vector<SectionCount> section_counts(const Plan& plan);

const char* unit_symbol(LengthUnit u);  // "µm", "mm", "in"
double mm_per_unit(LengthUnit u);       // 0.001, 1, 25.4

// A fresh id with the given prefix ("p", "task", ...) not used anywhere in the plan.
std::string new_id(const Plan& plan, const std::string& prefix);
// Every id in the plan, in file order (used for uniqueness checks and new_id).
std::vector<std::string> all_ids(const Plan& plan);

}  // namespace mf
