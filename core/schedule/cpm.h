// Critical path method on the working-day calendar.
//
//   CpmResult r = run_cpm({problem});          // most-likely durations, planned rework included
//   for (auto& t : r.tasks) print(t.id, t.es, t.total_float, format_iso_date(t.es_date));
//
// Conventions (docs/schedule.md): offsets in working days from the origin (calendar.h);
// ES/EF/LS/LF by the pass equations in network.h with ES ≥ 0 and the late pass anchored at
// the project finish T = max EF (not at the deadline: the deadline is compared separately
// as `deadline_slack`). Total float = LS − ES; free float = the least slack to any
// successor's constraint (or to T when it has none). A task is critical when its total float
// is ≤ 1e-6 working days. The deterministic duration of a task is its most likely value
// (or its distribution mean); a gate marked assume_first_fails adds one rework loop
// (rework + the repeated tasks at the same basis).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "schedule/network.h"

namespace mf {

enum class DurationBasis {
    MostLikely,  // the planner's single estimate (MS Project's Duration)
    Mean,        // the distribution mean: PERT (O+4M+P)/6, triangular (O+M+P)/3
};

struct CpmInput {
    ScheduleProblem problem;
    DurationBasis basis = DurationBasis::MostLikely;
};

struct CpmTask {
    std::string id;
    bool summary = false;  // a summary task (outline.h): dates rolled up, floats the least of its subtasks'
    std::string calendar;  // the calendar it works on ("" = the project calendar; multi_calendar.h)
    double duration = 0;   // deterministic duration used, working days (a summary: EF − ES)
    double es = 0, ef = 0, ls = 0, lf = 0;  // offsets (start of working day t)
    double total_float = 0;                 // LS − ES
    double free_float = 0;
    bool critical = false;                    // total float <= kFloatTolerance
    Date es_date, ef_date, ls_date, lf_date;  // start dates of ES/LS, finish dates of EF/LF (a zero-
                                              // duration task: all by the finish rule)
};

struct CpmResult {
    Issues errors;
    Issues warnings;
    std::vector<CpmTask> tasks;              // in the section's order
    std::vector<std::string> critical_path;  // critical task ids in topological order
    double finish = 0;                       // project finish offset T
    Date origin;                             // working day 0
    Date finish_date;
    std::optional<double> deadline_offset;  // working days through the deadline
    std::optional<double> deadline_slack;   // deadline_offset − T (negative: late)
    // With task calendars (multi_calendar.h): es/ef/ls/lf and floats of a task are in working days
    // of ITS calendar; `finish` and the deadline figures in working days of the project calendar;
    // finish_position = T on the common axis (calendar days from the origin; 0 without task calendars).
    // A finish on a day the project calendar does not work counts, in project working days, as
    // the end of the project's previous working day: deadline_met compares the dates.
    double finish_position = 0;
    std::optional<bool> deadline_met;  // finish date on or before the deadline (set with task calendars)
    bool ok() const { return errors.empty(); }
};

CpmResult run_cpm(const CpmInput& in);

// Deterministic durations of every task under a basis (planned rework included).
std::vector<double> deterministic_durations(const ScheduleSection& s, const Network& net, DurationBasis basis);

}  // namespace mf
