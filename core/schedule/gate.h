// Quality gates: the probability that a gate passes, typed in or derived from a process
// capability figure.
//
//   CpkPassResult r = pass_probability_from_cpk({1.5, 60, 1.33});   // r.probability ≈ 0.88
//
// THE MAPPING (docs/schedule.md, "Gates"). The gate passes when the Cpk computed from the
// n measured parts of the pilot run reaches the threshold (1.33 in the article). If the
// process's true capability is Cpk, the estimate Ĉpk from n parts is approximately normal
// with mean Cpk and standard error (Bissell 1990, "How reliable is your capability index?",
// Applied Statistics 39(3) 331–340):
//     SE = sqrt( 1 / (9 n) + Cpk² / (2 ν) ),   ν = n − 1, or the criterion's dof when set
//     (a measured link sets it to the ν of the feature's σ_within, e.g. Σ(nᵢ − 1) pooled)
// so P(pass) = P(Ĉpk ≥ threshold) = Φ((Cpk − threshold) / SE). A process right at the
// threshold passes half the time; more parts measured make the answer sharper. The normal
// approximation is Bissell's; it is rough below n ≈ 25.
#pragma once
#include <string>

#include "schedule/schedule_model.h"

namespace mf {

struct CpkPassResult {
    double probability = 0;     // P(Ĉpk ≥ threshold)
    double standard_error = 0;  // SE of Ĉpk (Bissell)
    std::string error;          // non-empty when the input is unusable
};
CpkPassResult pass_probability_from_cpk(const CpkCriterion& c);

// The gate's pass probability: the typed-in value, else the Cpk mapping, else 1.
double gate_spec_pass_probability(const GateSpec& g);

// Expected number of rework loops with pass probability p, at most `max_loops` loops, the
// first evaluation forced to fail when `first_fails`:
//   E[L] = Σ_{k=1..K} q^k (q = 1 − p), or 1 + Σ_{k=1..K−1} q^k when the first fails.
double expected_rework_loops(double p, int max_loops, bool first_fails);

}  // namespace mf
