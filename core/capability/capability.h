// Capability indices from the summary statistics of one feature (normal theory).
//
//   CapabilityInput in;  in.n = 125; in.mean = 74.00118; in.sigma_within = 0.00999;
//   in.dof_within = 100; in.sigma_overall = 0.01; in.spec = {73.95, 74.05, 74.0};
//   CapabilityIndices c = capability_indices(in);    // c.cpk, c.cpk_ci95, c.ppm_within ...
//
// Conventions (docs/capability.md): 6σ width; Cp/Cpk from σ_within, Pp/Ppk from σ_overall,
// both about the overall mean; Cpm as Minitab, with √(Σ(x − T)²/(N − 1)); confidence
// intervals for Cpk/Ppk by Bissell's normal approximation in Minitab's form,
// Ĉ ± z·√(1/(9N) + Ĉ²/(2ν)); expected ppm from the normal with σ_within or σ_overall;
// observed ppm counts values strictly beyond a limit. A one-sided specification gives
// only the indices of its side (Cpk = CPU or CPL); Cp and Pp need both limits.
#pragma once
#include <cstddef>
#include <optional>

#include "stats/summary.h"

namespace mf {

struct SpecLimits {
    std::optional<double> lsl;
    std::optional<double> usl;
    std::optional<double> target;
};

struct CapabilityInput {
    size_t n = 0;     // values used
    double mean = 0;  // overall mean
    double sigma_within = 0;
    double dof_within = 0;      // ν of the within estimator (sigma.h)
    double sigma_overall = 0;   // sample SD (n − 1)
    double msd_target = 0;      // Σ(x − T)² / (N − 1), for Cpm (ignored without a target)
    size_t observed_below = 0;  // values < LSL
    size_t observed_above = 0;  // values > USL
    SpecLimits spec;
    double bound_confidence = 0.95;  // confidence of the one-sided lower bounds
};

struct Ppm {
    double below = 0;  // parts per million below the LSL (0 without an LSL)
    double above = 0;
    double total = 0;
};

struct CapabilityIndices {
    std::optional<double> cp, cpl, cpu, cpk;
    std::optional<double> pp, ppl, ppu, ppk;
    std::optional<double> cpm;
    std::optional<Interval> cpk_ci95;  // two-sided 95 %
    std::optional<Interval> ppk_ci95;
    std::optional<double> cpk_lower_bound;  // one-sided, at bound_confidence (the gate's figure)
    std::optional<double> ppk_lower_bound;
    Ppm ppm_within;   // expected, normal with σ_within
    Ppm ppm_overall;  // expected, normal with σ_overall
    Ppm ppm_observed;
};

CapabilityIndices capability_indices(const CapabilityInput& in);

// Bissell / Minitab standard error of an estimated Cpk (or Ppk): √(1/(9N) + C²/(2ν)).
double cpk_standard_error(double cpk, double n, double dof);

}  // namespace mf
