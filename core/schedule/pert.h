// Classic PERT (Malcolm, Roseboom, Clark & Fazar 1959): expected times t_e = (O + 4M + P)/6,
// variances ((P − O)/6)², the critical path on expected times, and the normal approximation
// of the project duration along it.
//
//   PertResult r = run_pert({problem});
//   r.expected_finish, r.sd, r.probability_meet_deadline   // Φ((D − T_e) / σ)
//
// Conventions: every task uses the PERT formulas whatever its distribution field says; gates
// count with their own duration only (rework loops are the Monte Carlo's business); when
// several paths are critical, σ² is the largest variance among them (the usual textbook
// rule). PERT ignores merge bias — the Monte Carlo shows what it misses.
// With task calendars (multi_calendar.h) the figures above treat every task as working on the
// project calendar (kept so the CLI's figures do not change); `task_calendars` carries PERT
// with each t_e in working days of the task's own calendar and the links resolved on the
// CPM's common axis, as the CPM and the Monte Carlo do (2026-12-06).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "schedule/network.h"

namespace mf {

struct PertInput {
    ScheduleProblem problem;
    std::optional<double> target_offset;  // working days; default: the deadline's offset
};

struct PertTask {
    std::string id;
    double expected = 0;  // t_e
    double variance = 0;  // ((P − O)/6)²
};

// PERT on each task's own calendar: finish in working days of the project calendar (a finish
// on a day it does not work counts as the end of its previous working day, as in the CPM).
struct PertOnTaskCalendars {
    double expected_finish = 0;  // T_e, project working days
    double finish_position = 0;  // T_e on the common axis: calendar days from the origin
    Date expected_finish_date;
    double variance = 0;
    double sd = 0;
    std::vector<std::string> critical_path;
    std::optional<double> probability_meet_target;  // Φ((target − T_e)/σ), target in project working days
};

struct PertResult {
    Issues errors;
    std::vector<PertTask> tasks;
    std::vector<std::string> critical_path;  // the path whose variance is used, in order
    double expected_finish = 0;              // T_e
    double variance = 0;
    double sd = 0;
    std::optional<double> target_offset;
    std::optional<double> probability_meet_target;      // Φ((target − T_e)/σ); step function when σ = 0
    std::optional<PertOnTaskCalendars> task_calendars;  // set when some task works on another calendar
    bool ok() const { return errors.empty(); }
};

PertResult run_pert(const PertInput& in);

}  // namespace mf
