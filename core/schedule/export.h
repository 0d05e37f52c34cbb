// Exports of the deterministic (CPM) schedule to the formats planners already use. Each is a
// pure function from the schedule and its CPM result to the text of the file.
//
//   ScheduleExportInput in = schedule_export_input(plan, analyse_schedule(plan));   // its problem and CPM
//   std::string xml = export_mspdi(in);   // Microsoft Project XML (also ProjectLibre, GanttProject)
//   std::string ics = export_ics(in);     // iCalendar: milestones, gates and the deadline
//   std::string csv = export_csv(in);     // one row per task
//   std::string mmd = export_mermaid(in); // a Mermaid gantt block for Markdown
// Every function returns "" when the CPM has errors.
//
// Mappings (docs/schedule.md, "Exports"):
//   MSPDI: one working day = 480 minutes, 08:00–12:00 and 13:00–17:00 on the plan's working
//     weekdays, holidays as calendar exceptions (DayType 0 WeekDays and Project 2007 Exceptions). Start = 08:00 of the start date, Finish = 17:00
//     of the finish date (fractions of a day placed inside those hours). Duration PT#H#M0S;
//     DurationFormat 7 (days). Links: Type FF = 0, FS = 1, SF = 2, SS = 3; LinkLag in tenths of a
//     minute (1 working day = 4800) with LagFormat 7 (days). TotalSlack/FreeSlack in tenths
//     of a minute. Tasks are fixed-duration (Type 1), as soon as possible (ConstraintType 0);
//     milestones have Milestone 1; a target date becomes the Deadline; the partner's name goes
//     to Contact. UID 0 is the project summary task. Tasks are written in outline order (outline.h):
//     ID = row, UID = file position + 1, OutlineLevel = depth + 1, WBS = OutlineNumber = "2.1",
//     Summary 1 on summary tasks (their links are written as they are, to the summary's UID).
//   iCalendar (RFC 5545): all-day VEVENTs (DTSTART;VALUE=DATE, DTEND the next day, exclusive)
//     for every milestone and gate on its early finish date, and for the plan's deadline.
//     CRLF line ends, lines folded at 75 octets, TEXT escaped, control characters removed;
//     dates past 9999-12-31 refused (ics_export_issues).
//   Every format: a date outside 0001-01-01 … 9999-12-31 refuses the export (export_issues).
//   CSV (RFC 4180): UTF-8 BOM first; comma-separated, fields with a comma, quote or line break
//     quoted; file order, with the parent id and the outline number (wbs) in the last two columns;
//     text cells starting with = + - @ tab CR get a leading apostrophe (numbers never do).
//   MSPDI text: & < > " ' escaped, characters XML 1.0 forbids and bad UTF-8 as U+FFFD.
//   Mermaid is flat: a summary task is one more bar spanning its subtasks (no nesting).
//   Mermaid: dateFormat YYYY-MM-DD, non-working weekdays and holidays in `excludes`, every
//     task with its early start and its finish date + 1 (Mermaid end dates are exclusive),
//     `crit` on critical tasks, milestones as `milestone`, sections by partner; names on one
//     line without `:`, `;`, `#`, `%%` (spaces instead), ids unique.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "plan/plan.h"
#include "schedule/cpm.h"
#include "schedule/schedule_analysis.h"

namespace mf {

struct ScheduleExportInput {
    std::string title;  // the plan's name
    ScheduleProblem problem;
    CpmResult cpm;                                                   // the CPM of problem (most likely durations)
    std::vector<std::pair<std::string, std::string>> partner_names;  // partner id → display name
    std::string dtstamp = "20000101T000000Z";                        // iCalendar DTSTAMP (UTC)
};

// The input from a plan and its analysis: the plan's name and partners, the analysis's
// (resolved) problem and CPM. When the schedule does not compute, cpm carries the analysis's
// errors and every export returns "".
ScheduleExportInput schedule_export_input(const Plan& plan, const ScheduleAnalysis& analysis);

std::string export_mspdi(const ScheduleExportInput& in);
std::string export_ics(const ScheduleExportInput& in);
// Why export_ics cannot write this schedule (empty when it can): an event date before 0001-01-01
// or an event ending after 9999-12-31 (a deadline of 9999-12-31 ends on 10000-01-01), at
// /project/deadline or /schedule/tasks/N. export_ics returns "" when there is one.
Issues ics_export_issues(const ScheduleExportInput& in);
std::string export_csv(const ScheduleExportInput& in);
std::string export_mermaid(const ScheduleExportInput& in);

enum class ScheduleExportFormat { Mspdi, Ics, Csv, Mermaid };

// Why a format cannot write this schedule (empty when it can): every export writes four-digit
// years, so a date outside 0001-01-01 … 9999-12-31 is refused, one Issue per task at
// /schedule/tasks/N naming the first such date ("the early finish 10000-01-03 is past
// 9999-12-31"); MSPDI and CSV check the four CPM dates and the target, Mermaid the bar (its end
// is the day after the early finish) or the milestone's day, iCalendar is ics_export_issues.
// The export returns "" when there is one; the CLI prints them and exits 1, the Timeline view
// shows the first under its export buttons.
Issues export_issues(const ScheduleExportInput& in, ScheduleExportFormat format);

}  // namespace mf
