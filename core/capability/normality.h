// Normality of a feature's values and the non-normal capability figures shown next to the
// normal-theory ones when normality is doubtful.
//
//   AndersonDarling ad = anderson_darling_normal(sorted, mean, sd);   // ad.p < 0.05: not normal
//   PercentileCapability pc = percentile_capability(sorted, spec);    // from the data's percentiles
//   LognormalCapability ln = lognormal_capability(sorted, spec);      // from a fitted lognormal
//
// Anderson–Darling (as Minitab): A² = −n − (1/n) Σ (2i − 1)[ln Φ(zᵢ) + ln(1 − Φ(z₍ₙ₊₁₋ᵢ₎))],
// zᵢ = (x₍ᵢ₎ − x̄)/s with s the n − 1 sample SD; the p-value is D'Agostino & Stephens' (1986,
// Table 4.9) for the adjusted statistic A*² = A²(1 + 0.75/n + 2.25/n²):
//   A*² ≥ 0.6:        p = exp(1.2937 − 5.709 A*² + 0.0186 A*⁴)
//   0.34 ≤ A*² < 0.6: p = exp(0.9177 − 4.279 A*² − 1.38 A*⁴)
//   0.2 ≤ A*² < 0.34: p = 1 − exp(−8.318 + 42.796 A*² − 59.938 A*⁴)
//   A*² < 0.2:        p = 1 − exp(−13.436 + 101.14 A*² − 223.73 A*⁴)
// (p = 0 beyond A*² = 153, where the first formula stops decreasing.)
//
// Percentile method (ISO 22514-2 / Clements): Pp = (USL − LSL)/(P99.865 − P0.135),
// Ppu = (USL − P50)/(P99.865 − P50), Ppl = (P50 − LSL)/(P50 − P0.135), Ppk = min; the
// percentiles are Hyndman–Fan type 7 of the data (stats/summary.h), so they only mean
// something with many values (a warning below 1000). Lognormal: maximum-likelihood fit
// (μ, σ of ln x with divisor n), the same indices from its percentiles, and its expected ppm.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "capability/capability.h"

namespace mf {

struct AndersonDarling {
    size_t n = 0;
    double a2 = 0;           // A², the statistic Minitab prints
    double a2_adjusted = 0;  // A*²
    double p = 0;
    std::string error;  // n < 3 or σ = 0
};

// `sorted`: the non-missing values in ascending order; mean/sd of those values (sd: n − 1).
AndersonDarling anderson_darling_normal(const std::vector<double>& sorted, double mean, double sd);
double anderson_darling_p_value(double a2_adjusted);

struct NonNormalCapability {
    std::string method;  // "percentile (data)" / "lognormal (ML fit)"
    double p00135 = 0, p50 = 0, p99865 = 0;
    std::optional<double> pp, ppl, ppu, ppk;
    std::optional<Ppm> ppm_expected;     // lognormal only
    double mu = 0, sigma = 0;            // lognormal parameters (of ln x)
    std::optional<AndersonDarling> fit;  // lognormal: A–D test of ln x
    std::string warning;
    std::string error;  // cannot be computed (e.g. values <= 0 for a lognormal)
};

NonNormalCapability percentile_capability(const std::vector<double>& sorted, const SpecLimits& spec);
NonNormalCapability lognormal_capability(const std::vector<double>& sorted, const SpecLimits& spec);

}  // namespace mf
