// Estimators of the process σ: within subgroups (short term, for Cp/Cpk and the control
// limits) and overall (long term, for Pp/Ppk).
//
//   SigmaEstimate w = sigma_within(subgroup_stats(values, g), SigmaMethod::Pooled);
//   SigmaEstimate mr = sigma_moving_range(values);      // individual values
//   SigmaEstimate o = sigma_overall(values);            // sample SD, n − 1, no c4
//
// `dof` is the degrees of freedom Minitab attaches to each estimator for confidence
// intervals: pooled Σ(nᵢ − 1); R̄ 0.9·k·(n̄ − 1); S̄ fₙ·k·(n̄ − 1) (fₙ from Minitab's table);
// moving range N − 1 (span 2); overall N − 1.
#pragma once
#include <string>
#include <vector>

#include "capability/dataset_model.h"
#include "capability/subgroups.h"

namespace mf {

struct SigmaEstimate {
    double sigma = 0;  // NaN when it cannot be estimated (see error)
    double dof = 0;
    double mean = 0;     // the mean the SD is taken about (overall) / R̄, S̄, MR̄
    std::string method;  // "pooled SD / c4(d+1)", "Rbar/d2", "Sbar/c4", "MRbar/d2(2)", "sample SD (n-1)"
    std::string error;   // why it cannot be estimated
};

SigmaEstimate sigma_within(const SubgroupStats& s, SigmaMethod method);
// Average moving range of span 2 divided by d2(2) = 1.128379; a moving range needs two
// consecutive non-missing rows (a missing value breaks the chain).
SigmaEstimate sigma_moving_range(const std::vector<double>& values);
// Sample SD with divisor N − 1 of the non-missing values; `mean` is their mean.
SigmaEstimate sigma_overall(const std::vector<double>& values);

// The data's measurement resolution: the step of the decimals recorded, 10^-d for the fewest
// decimal places d that write every value (1.020, 1.022, 1.024 → 0.001), or, when two values
// differ by less, that smallest difference. Values within 1e-12 × the largest magnitude count
// as equal (floating-point noise is no difference). `sorted` ascending, finite. 0 when fewer
// than two distinct values. A σ below it measures the gauge's step, not the process
// (docs/capability.md, "Resolution").
double value_resolution(const std::vector<double>& sorted);

}  // namespace mf
