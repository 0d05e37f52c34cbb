// The timeline's results table (base/result_table.h): the CPM table — each task's duration,
// early and late dates, floats and whether it is critical — as the Timeline view's task table
// shows them (rows in outline order, "#" the task's number in the file), for the clipboard,
// the CSV and `mfplan table --name cpm`. The full timeline export (export.h, export_csv) keeps
// every field of the schedule; this is the table as seen.
//
//   ScheduleAnalysis a = analyse_schedule(plan, {});
//   ResultTable t = cpm_table(plan, a);          // empty rows when the CPM does not compute
#pragma once
#include "base/result_table.h"
#include "plan/plan.h"
#include "schedule/schedule_analysis.h"

namespace mf {

// Columns: #, Task, Partner, Duration (working days), Early start, Early finish, Late start,
// Late finish (ISO dates, text), Total float (working days), Free float (working days),
// Critical ("yes"/"no"), and Critical in Monte Carlo (%) — the share of runs in which the task
// was critical, to whole percent — when `mc` (or the analysis's own Monte Carlo) is given.
// Days as format_days writes them ("12", "12.5").
ResultTable cpm_table(const Plan& plan, const ScheduleAnalysis& a, const McResult* mc = nullptr);

}  // namespace mf
