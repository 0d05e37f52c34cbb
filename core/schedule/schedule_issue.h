// Problems of the schedule as Issues (core/base/issue.h): where = a JSON Pointer into the plan
// file, so the GUI can take the user to the task and the CLI can name it.
//
//   Issue e = task_issue(2, "predecessors/1/lag", "lag 20000 is not ...");   // "/schedule/tasks/2/predecessors/1/lag"
//   schedule_issue_text(e, section);   // task "t-pilot" (predecessors/1/lag): lag 20000 is not ...
//   issue_task_index(e);               // 2
//
// Pointers used by the schedule's analyses:
//   /schedule/tasks/<i>/<field>   a task's field; <field> as the analyses name it ("pessimistic",
//                                 "predecessors/1/lag", "gate/rework/optimistic", "partner" when
//                                 the calendar of the task's partner is missing ...)
//   /schedule/tasks, /schedule/calendar/working_days, /schedule/calendars/<k>/id ...
//   /project/start_date           the plan has no start date
//   iterations                    a Monte Carlo option, not a place in the file (no leading "/")
//
// schedule_issue_text() writes an issue the way `mfplan schedule` has always printed it:
//   task "<id>" (<field>): <message>     an issue at a task
//   (<field>): <message>                 elsewhere ("/project/start_date" reads "project.start_date")
#pragma once
#include <string>

#include "base/issue.h"
#include "schedule/schedule_model.h"

namespace mf {

// An issue at field `field` of task `task` (index in section.tasks).
Issue task_issue(size_t task, const std::string& field, std::string message, Severity severity = Severity::Error);
// An issue at a part of the schedule section other than a task ("calendars/1/id", "tasks").
Issue section_issue(const std::string& field, std::string message, Severity severity = Severity::Error);

// The task index an issue is about (from "/schedule/tasks/<i>/..."), or -1.
int issue_task_index(const Issue& issue);

// The issue as the CLI prints it: task "t-pilot" (pessimistic): ... — the task named by its id
// in `section` (the section the issue was found in).
std::string schedule_issue_text(const Issue& issue, const ScheduleSection& section);

}  // namespace mf
