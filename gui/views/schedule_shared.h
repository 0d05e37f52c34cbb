// Small helpers shared by the Timeline view's files (schedule_*.cpp); not for other views.
#pragma once
#include <functional>
#include <string>

#include "format.h"

#include "edits.h"
#include "plan/plan.h"
#include "schedule/monte_carlo.h"

namespace mf::schedule_ui {

// The field key of indent / outdent: their refusal is shown above the task table.
inline constexpr const char* kOutlineField = "schedule.outline";

std::string fmt(const char* format, double v);
Date today();  // the local civil date
const Task* find_task(const Plan& plan, const std::string& id);
int task_index(const Plan& plan, const std::string& id);
std::string partner_name(const Plan& plan, const std::string& id);
const char* kind_label(TaskKind k);  // "Task", "Milestone", "Gate"
// Pushes an edit setting a field of the task with this id (found again when the edit is
// applied), made at `field` (a refusal shows there); `merge`: typing, one undo step.
void edit_task(Edits& edits, const std::string& label, const std::string& field, bool merge, const std::string& id,
               std::function<void(Task&)> fn);
// "56.1 % (at risk)" coloured good / warn / bad at 80 % and 50 %.
void verdict_text(double probability);
// `r` when it computed and has a row for each of the plan's `tasks`, else null: what the task
// table and the Gantt can read per task.
const McResult* per_task(const McResult* r, size_t tasks);

}  // namespace mf::schedule_ui
