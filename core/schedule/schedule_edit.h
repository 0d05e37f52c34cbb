// Edits of the timeline as named, pure operations on a Plan: the Timeline view's edits only
// call these (gui/edits.h), and the tests run them without a GUI.
//
//   std::string id = add_task(plan, TaskKind::Gate, "t-pilot");   // after t-pilot, linked FS from it
//   std::string why = indent_task(plan, id);                       // "" when done, else why not
//   delete_task(plan, "t-pilot");                                   // and every reference to it
//
// Each operation keeps the plan one that saves and opens again (check_plan): it removes the
// references it would leave dangling, and one that cannot be done leaves the plan unchanged
// and returns the reason ("" when done). Tasks are named by id, found again when the edit is
// applied. Operations that reorder tasks leave them in outline order (outline.h).
//
// Simple one-field setters (a task's name, partner or calendar, a gate's threshold) are not
// here: the view sets the field, and the document refuses a value the file would not take.
#pragma once
#include <optional>
#include <string>

#include "base/date.h"
#include "plan/plan.h"
#include "schedule/template.h"

namespace mf {

// [SECTION] Tasks ---------------------------------------------------------------------------

// What a new task starts with: a task 3 / 5 / 8 working days, a milestone, or a gate that
// passes with 90 % and costs 3 / 5 / 10 days of rework (name "New task", ...; no id).
Task new_task(TaskKind kind);

// Inserts a new task after the task `after` (at its outline level, linked finish-to-start from
// it), or at the end when `after` is "" or unknown. Takes `id` when it is free, else a fresh
// one ("t1", "m1", "g1" ...). Returns the new task's id.
std::string add_task(Plan& plan, TaskKind kind, const std::string& after = "", const std::string& id = "");

// Removes the task and every reference to it: it leaves the predecessors of other tasks and
// the gates' repeat lists, and its subtasks move up one level (to its own parent).
void delete_task(Plan& plan, const std::string& id);

// A copy right after the task's subtree, named "<name> (copy)", with a fresh id, the same
// links and level; a gate that repeats itself repeats the copy. Returns the copy's id ("" when
// there is no such task).
std::string duplicate_task(Plan& plan, const std::string& id);

// Moves the task above its previous sibling (delta −1) or below its next one (+1); its
// subtasks move with it. can_move_task: whether there is such a sibling.
bool can_move_task(const Plan& plan, const std::string& id, int delta);
std::string move_task(Plan& plan, const std::string& id, int delta);

// Indent under the nearest task above at the same level / outdent one level (outline.h).
std::string indent_task(Plan& plan, const std::string& id);
std::string outdent_task(Plan& plan, const std::string& id);

// Changes the kind: a milestone gets zero durations, a gate a pass probability of 90 % unless
// it has a criterion. A summary task stays an ordinary task (refused).
std::string set_task_kind(Plan& plan, const std::string& id, TaskKind kind);

// [SECTION] Three-point durations -------------------------------------------------------------

// `which`: 0 optimistic, 1 most likely, 2 pessimistic. three_point_problem: why `value` cannot
// replace that point as the others stand ("" when it can), for a field to hold it as a draft.
std::string three_point_problem(double o, double m, double p, int which, double value);
// Sets the point (clamped to 0 … 10 000) and moves the others just enough to keep O ≤ M ≤ P.
void set_three_point(double& o, double& m, double& p, int which, double value);
// The same on a task's durations and on a gate's rework per loop ("" or why not).
std::string set_task_duration(Plan& plan, const std::string& id, int which, double value);
std::string set_rework_duration(Plan& plan, const std::string& gate_id, int which, double value);

// [SECTION] Links ---------------------------------------------------------------------------

// Adds `predecessor` to the task's predecessors (finish-to-start, no lag).
std::string add_link(Plan& plan, const std::string& task_id, const std::string& predecessor);
// Removes the task's k-th predecessor.
std::string remove_link(Plan& plan, const std::string& task_id, size_t k);
// Changes the k-th link's predecessor (not the task itself nor one listed already) or its type.
// (Its lag is a plain number: the view sets it, and the document refuses one out of range.)
std::string set_link_predecessor(Plan& plan, const std::string& task_id, size_t k, const std::string& predecessor);
std::string set_link_type(Plan& plan, const std::string& task_id, size_t k, LinkType type);

// [SECTION] Gates ---------------------------------------------------------------------------

// Switches a gate between a typed pass probability (taking the criterion's current probability)
// and a Cpk criterion (the defaults of CpkCriterion).
std::string set_gate_criterion(Plan& plan, const std::string& gate_id, bool from_cpk);
// Puts a task on (or takes it off) the list the gate re-runs after each failure.
std::string set_gate_repeat(Plan& plan, const std::string& gate_id, const std::string& task_id, bool repeat);
// "Assume the first batch fails": the plan includes one loop (max_loops becomes at least 1).
std::string set_assume_first_fails(Plan& plan, const std::string& gate_id, bool first_fails);

// [SECTION] The article's template ------------------------------------------------------------

// A partner the template puts tasks on: an existing one (id), or a new one of this kind and
// name (id "").
struct TemplatePartner {
    std::string id;
    PartnerKind kind = PartnerKind::Other;
    std::string name;
};
struct TemplateApplication {
    TemplateOptions options;       // its partner ids are set from the three picks below
    TemplatePartner partner;       // the main path
    TemplatePartner switch_to;     // used with options.switch_partner_mid_project
    TemplatePartner second;        // used with options.second_partner_for_scale
    std::optional<Date> start;     // the plan's start date
    std::optional<Date> deadline;  // kept when unset
};
// Replaces the timeline's tasks by the article's path (template.h), creating the partners
// still to be made; the calendars stay. Refused when the options are invalid.
std::string apply_template(Plan& plan, const TemplateApplication& a);

// [SECTION] Calendars -----------------------------------------------------------------------

// Adds a calendar, a copy of the project calendar named "Calendar <n>"; takes `id` when it is
// free, else a fresh one ("cal1" ...). Returns its id.
std::string add_calendar(Plan& plan, const std::string& id = "");
// Deletes the calendar: its tasks and partners go back to the project calendar.
void delete_calendar(Plan& plan, const std::string& id);
// The calendar the partner's tasks work on ("" = the project calendar).
std::string set_partner_calendar(Plan& plan, const std::string& partner_id, const std::string& calendar_id);
// Calendar `calendar_id` ("" = the project calendar): a weekday (0 = Monday) on or off (one
// must stay on), a holiday added or removed.
std::string set_working_day(Plan& plan, const std::string& calendar_id, int weekday, bool working);
std::string add_holiday(Plan& plan, const std::string& calendar_id, Date day);
std::string remove_holiday(Plan& plan, const std::string& calendar_id, Date day);

}  // namespace mf
