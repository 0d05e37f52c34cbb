// Links from measured capability to the other tools, as plain numbers (the tolerance and
// timeline owners wire them into their models).
//
//   ContributorFigures c = contributor_from_measurement(1.020, 1.030, mean, sigma);
//   // → nominal = band centre, tol_plus/minus = half band, shift = mean − centre, sigma;
//   //   cpk_at_shift = the Cpk those give — i.e. a Normal contributor "by σ" or "by Cpk".
//   ContributorFigures d = contributor_from_cpk(1.020, 1.030, 1.45, /*mean=*/1.0255);
//   double p = gate_pass_probability(1.52, 125, 100, gate);   // chance a pilot gate passes
#pragma once
#include <optional>

#include "capability/dataset_model.h"

namespace mf {

// The distribution figures of a tolerance-stack contributor measured on the real process.
struct ContributorFigures {
    bool valid = false;
    double nominal = 0;                  // centre of the specification band
    double tol_plus = 0, tol_minus = 0;  // half band each side (one-sided specs: not valid)
    double mean = 0;                     // the process mean
    double shift = 0;                    // mean − nominal
    double sigma = 0;                    // the process σ (within, or overall for a long-run stack)
    double cpk_at_shift = 0;             // (half band − |shift|) / 3σ
    double cp = 0;                       // half band / 3σ
};

// From a feature's measured mean and σ (use σ_within for short-term, σ_overall for Ppk-like).
ContributorFigures contributor_from_measurement(double lsl, double usl, double mean, double sigma);
// From a Cpk: σ = (half band − |mean − centre|) / (3·Cpk); mean defaults to the centre.
ContributorFigures contributor_from_cpk(double lsl, double usl, double cpk, std::optional<double> mean = {});

// Probability that a pilot run of n values (ν degrees of freedom for σ_within) passes the
// gate if the process's true Cpk is `cpk`: the estimate is taken as normal around the true
// value with Bissell's standard error, so
//   with the lower bound:  P = Φ((cpk − z_c·se − min_cpk) / se)
//   point estimate only:   P = Φ((cpk − min_cpk) / se)
// (se = √(1/(9n) + cpk²/(2ν)), z_c the one-sided quantile of the gate's confidence).
// Returns 0 when n < min_values (the gate would say "not enough data").
double gate_pass_probability(double cpk, double n, double dof, const GateSettings& gate);

}  // namespace mf
