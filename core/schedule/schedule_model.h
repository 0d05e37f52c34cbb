// The timeline section of a plan: tasks from the DFμF review to the production ramp, on a
// working-day calendar, with quality gates that can send work round a rework loop.
//
//   ScheduleSection s;                       // or build_article_template(...) (template.h)
//   s.tasks.push_back(Task{...});
//   ScheduleProblem p = schedule_problem(plan);   // section + start date + deadline
//   CpmResult cpm = run_cpm(p);                  // cpm.h
//   ScheduleMonteCarlo mc(McInput{p});           // monte_carlo.h: step(n) ... finish()
//
// Units: every duration and lag is in WORKING days (fractions allowed): a task's duration in
// its own calendar (task.calendar, else its partner's, else the project calendar), a lag in
// the successor's calendar. The day-counting convention is stated once in docs/schedule.md and in
// calendar.h: offset t = the start of working day t (day 0 = the first working day on or
// after the project start date).
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"

namespace mf {

// How a task's three-point estimate is sampled in the Monte Carlo.
enum class DurationDistribution {
    Pert,        // Beta-PERT, λ = 4: mean (O + 4M + P) / 6 (the default)
    Triangular,  // triangular on [O, P] with mode M: mean (O + M + P) / 3
};

// Precedence types of the precedence diagramming method. Every place that reads a link
// switches over all four with no default, so -Wswitch names a place a new type would miss.
enum class LinkType {
    FinishToStart,   // successor starts after predecessor finishes + lag   (MSPDI Type 1)
    StartToStart,    // successor starts after predecessor starts + lag     (MSPDI Type 3)
    FinishToFinish,  // successor finishes after predecessor finishes + lag (MSPDI Type 0)
    StartToFinish,   // successor finishes after predecessor starts + lag   (MSPDI Type 2; rare:
                     // "B cannot end before A has started", e.g. the old line runs until the new one starts)
};

struct Dependency {
    std::string task_id;  // the predecessor
    LinkType type = LinkType::FinishToStart;
    double lag = 0;  // working days; negative = lead (overlap)
    bool operator==(const Dependency&) const = default;
};

enum class TaskKind {
    Task,       // ordinary work with a three-point duration
    Milestone,  // zero duration; an event (may carry a target date)
    Gate,       // a quality gate: its own duration (often 0), a pass probability, a rework path
};

// A capability figure that decides a gate: the gate passes when the Cpk measured on the
// pilot sample reaches `threshold`. See gate.h for how this becomes a probability.
// Where a Cpk criterion takes its figures from measured data (core/links/measured_links.h):
// a feature of a capability dataset. Resolved, it sets estimate = the feature's Cpk,
// sample_size = its number of values and dof = the ν of its σ_within; the typed figures stay
// as the fallback when the link cannot be used.
struct CpkSource {
    std::string dataset_id;
    std::string feature_id;
    bool operator==(const CpkSource&) const = default;
};

struct CpkCriterion {
    CpkCriterion() = default;
    CpkCriterion(double estimate_, double sample_size_, double threshold_)  // {estimate, n, threshold}
        : estimate(estimate_), sample_size(sample_size_), threshold(threshold_) {}
    double estimate = 1.5;              // expected (true) Cpk of the process
    double sample_size = 60;            // parts measured (e.g. 300 parts, every 5th)
    double threshold = 1.33;            // the gate's acceptance limit
    std::optional<CpkSource> measured;  // take estimate and sample size from a measured feature
    double dof = 0;  // ν of the σ behind the estimate; 0: n − 1 (not in the file: set by the link)
    bool operator==(const CpkCriterion&) const = default;
};

struct ThreePoint {
    double optimistic = 0;  // working days
    double most_likely = 0;
    double pessimistic = 0;
    bool operator==(const ThreePoint&) const = default;
};

struct GateSpec {
    // Exactly one of the two decides the gate (the reader enforces it):
    std::optional<double> pass_probability;  // typed in, in [0, 1]
    std::optional<CpkCriterion> cpk;         // or derived from a capability figure
    // What a failure costs, per loop: the rework duration plus a fresh run of every task
    // in `repeat` (in sequence; may include the gate task itself, e.g. "re-run the pilot").
    std::vector<std::string> repeat;
    ThreePoint rework;                // fix-up time per loop (0 0 0 = none)
    int max_loops = 3;                // at most this many rework loops; then it is taken as passed
    bool assume_first_fails = false;  // "assume the first batch fails": the plan includes one loop
    bool operator==(const GateSpec&) const = default;
};

struct Task {
    std::string id;
    std::string name;
    std::string partner_id;  // optional reference into DecisionSection::partners
    std::string parent;      // optional: id of the summary task this one is indented under
    std::string
        calendar;  // optional: id of a ScheduleSection::calendars entry (else the partner's, else the project's)
    TaskKind kind = TaskKind::Task;
    double optimistic = 0;  // durations in working days (0 for milestones)
    double most_likely = 0;
    double pessimistic = 0;
    DurationDistribution distribution = DurationDistribution::Pert;
    std::vector<Dependency> predecessors;  // links from the tasks that constrain this one
    std::optional<Date> target;            // due date (intermediate milestone / deadline of this task)
    GateSpec gate;                         // used only when kind == Gate
    bool operator==(const Task&) const = default;
};

// Working days: a weekly pattern and a list of non-working dates.
struct WorkCalendar {
    std::array<bool, 7> working{true, true, true, true, true, false, false};  // Monday … Sunday
    std::vector<Date> holidays;  // non-working dates (any order; duplicates ignored)
    bool operator==(const WorkCalendar&) const = default;
};

// A calendar a task or a partner can work on instead of the project calendar.
struct NamedCalendar {
    std::string id;
    std::string name;
    WorkCalendar calendar;
    bool operator==(const NamedCalendar&) const = default;
};

struct ScheduleSection {
    WorkCalendar calendar;                 // the project calendar
    std::vector<NamedCalendar> calendars;  // further calendars (per task / per partner)
    // Partner id → calendar id: the calendar of every task of that partner without its own
    // (kept here, not in the decision section: working time is the schedule's business).
    std::map<std::string, std::string> partner_calendars;
    std::vector<Task> tasks;
    // Compared by value (a Monte Carlo reruns only when its inputs change, gui/job_runner.h).
    bool operator==(const ScheduleSection&) const = default;
};

const char* task_kind_key(TaskKind k);                 // "task", "milestone", "gate"
const char* link_type_key(LinkType t);                 // "FS", "SS", "FF", "SF"
const char* distribution_key(DurationDistribution d);  // "pert", "triangular"

}  // namespace mf
