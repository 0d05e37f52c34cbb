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
#include "base/length_unit.h"
#include "roads/roads_model.h"
#include "schedule/schedule_model.h"
#include "tolerance/stack_model.h"

namespace mf {

struct PlanMeta {
    std::string name = "Untitled plan";
    LengthUnit units = LengthUnit::Micrometre;  // display unit (base/length_unit.h); stored values are mm
    std::string decider;                        // the one person who owns the sourcing decision
    std::optional<Date> start_date;
    std::optional<Date> deadline;  // market window: production parts needed by
    std::string notes;
    // The currency of every amount of money in the plan (2026-12-06): "USD", "EUR", "GBP" or
    // a symbol of the user's own ("CHF", "¥"). Amounts are stored as typed; this only says
    // what they are in. Default: US dollars, the article's and the examples' currency.
    std::string currency = kDefaultCurrency;
    static constexpr const char* kDefaultCurrency = "USD";
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

// How money is marked: "$" for USD, "€" for EUR, "£" for GBP, else the currency as written.
std::string currency_symbol(const std::string& currency);
// Why `currency` cannot be a plan's currency ("" when it can): 1–8 characters, no control
// characters, no space at either end.
std::string currency_problem(const std::string& currency);

// A fresh id with the given prefix ("p", "task", ...) not used anywhere in the plan.
std::string new_id(const Plan& plan, const std::string& prefix);
// Every id in the plan, in file order (used for uniqueness checks and new_id).
std::vector<std::string> all_ids(const Plan& plan);

}  // namespace mf
