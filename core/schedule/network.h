// The schedule as an analysable network: validation with messages naming the task and the
// field, a topological order (or the tasks of a dependency cycle), and the forward and
// backward passes of the precedence diagramming method that CPM and the Monte Carlo share.
//
//   ProblemFromPlan pp = schedule_problem(plan);        // needs project.start_date
//   Network net = compile_network(pp.problem->section);
//   if (!net.ok()) for (auto& e : net.errors) show(schedule_issue_text(e, section));
//
// Pass equations (offsets in working days; d = duration; ES ≥ 0 always):
//   FS lag L:  ES_j ≥ EF_i + L        SS lag L:  ES_j ≥ ES_i + L        FF lag L:  EF_j ≥ EF_i + L
//   SF lag L:  EF_j ≥ ES_i + L
//   backward:  LF_i ≤ LS_j − L (FS),  LS_i ≤ LS_j − L (SS),  LF_i ≤ LF_j − L (FF),
//              LS_i ≤ LF_j − L (SF),  LF_i ≤ T
// where T = max EF is the project finish.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "plan/plan.h"
#include "schedule/schedule_issue.h"
#include "schedule/schedule_model.h"

namespace mf {

// What the analyses take: the section plus the plan's dates. Problems found in it are Issues
// at JSON Pointers into the plan (schedule_issue.h).
struct ScheduleProblem {
    ScheduleSection section;
    Date start;                    // plan.meta.start_date
    std::optional<Date> deadline;  // plan.meta.deadline (market window)
    bool operator==(const ScheduleProblem&) const = default;
};
struct ProblemFromPlan {
    std::optional<ScheduleProblem> problem;
    Issues errors;  // e.g. no start date (/project/start_date)
};
ProblemFromPlan schedule_problem(const Plan& plan);

// Tolerance for "zero float": |float| <= 1e-6 working days (about 0.03 s) counts as zero.
inline constexpr double kFloatTolerance = 1e-6;
// Largest duration, lag or rework time accepted, in working days.
inline constexpr double kMaxScheduleDays = 10000;

struct NetLink {
    int from = 0;  // predecessor's index in section.tasks
    LinkType type = LinkType::FinishToStart;
    double lag = 0;
};

struct NetGate {
    double pass_probability = 1;  // typed in, or from the Cpk criterion (gate.h)
    std::vector<int> repeat;      // task indices redone on each loop
    int max_loops = 0;
    bool first_fails = false;
};

// Which calendar each task works on (multi_calendar.h): its own, else its partner's, else the
// project calendar.
struct CalendarSet {
    std::vector<WorkCalendar> calendars;  // [0] = the project calendar, then section.calendars in order
    std::vector<std::string> ids;         // "" for the project calendar
    std::vector<int> of_task;             // per task: index into calendars
    bool multi = false;                   // some task works on a calendar other than the project's
};
CalendarSet resolve_calendars(const ScheduleSection& s, Issues* errors);

struct Network {
    Issues errors;                               // severity Error
    Issues warnings;                             // severity Warning
    std::vector<int> order;                      // topological order of task indices
    std::vector<std::vector<NetLink>> incoming;  // per task: links from its predecessors
    std::vector<int> gate_of;                    // per task: index into gates, or -1
    std::vector<NetGate> gates;
    std::vector<int> gate_task;  // per gate: its task index
    // The outline (outline.h): summary tasks take no part in the passes (duration 0, no links);
    // rollup() gives them their subtasks' earliest start and latest finish afterwards.
    std::vector<char> summary;               // per task: 1 for a summary task
    std::vector<std::vector<int>> children;  // per task: its subtasks
    std::vector<int> summaries_bottom_up;    // child summaries before their parents
    CalendarSet calendars;                   // per-task calendars (multi_calendar.h)
    bool ok() const { return errors.empty(); }
};

Network compile_network(const ScheduleSection& section);

// Forward and backward passes for durations d (one per task). Arrays have one entry per task.
// Returns the project finish T.
double forward_pass(const Network& net, const double* d, double* es, double* ef);
void backward_pass(const Network& net, const double* d, double finish, double* ls, double* lf);
// Summary tasks: first[s] = min over its subtasks, last[s] = max (call with es/ef, then ls/lf).
void rollup(const Network& net, double* first, double* last);

// Mean of a three-point estimate under its distribution (PERT (O+4M+P)/6, triangular (O+M+P)/3).
double three_point_mean(double o, double m, double p, DurationDistribution dist);

}  // namespace mf
