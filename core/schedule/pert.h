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

struct PertResult {
    Issues errors;
    std::vector<PertTask> tasks;
    std::vector<std::string> critical_path;  // the path whose variance is used, in order
    double expected_finish = 0;              // T_e
    double variance = 0;
    double sd = 0;
    std::optional<double> target_offset;
    std::optional<double> probability_meet_target;  // Φ((target − T_e)/σ); step function when σ = 0
    bool ok() const { return errors.empty(); }
};

PertResult run_pert(const PertInput& in);

}  // namespace mf
