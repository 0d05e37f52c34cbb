// Shewhart control charts: X̄–R, X̄–S and I–MR, with 3σ limits from the standard constants.
//
//   ControlChart c = control_chart(values, subgrouping, ChartType::Auto);
//   c.points (X̄ or I), c.center/ucl/lcl; c.dispersion (R, S or MR) with its own limits.
//
// σ for the limits: X̄–R uses R̄/d2 (limits x̄̄ ± A2·R̄, R chart D3·R̄ … D4·R̄); X̄–S uses
// S̄/c4 (x̄̄ ± A3·S̄, S chart B3·S̄ … B4·S̄); I–MR uses MR̄/d2(2) (x̄ ± 3·MR̄/1.128, MR chart
// 0 … D4(2)·MR̄). With unequal subgroup sizes σ is Minitab's weighted estimate and each
// point gets its own limits (point_ucl/point_lcl, empty when all sizes are equal).
// Auto picks I–MR for subgroups of 1, X̄–R up to 8, X̄–S from 9 (Minitab's rule).
#pragma once
#include <string>
#include <vector>

#include "capability/sigma.h"
#include "capability/subgroups.h"

namespace mf {

enum class ChartType { Auto, XbarR, XbarS, IMR };
const char* chart_type_name(ChartType t);  // "xbar-r", "xbar-s", "i-mr", "auto"

struct ControlChart {
    ChartType type = ChartType::IMR;
    size_t subgroup_size = 1;    // modal subgroup size the limits below are for
    double sigma = 0;            // the σ the limits use
    std::vector<double> points;  // subgroup means or individual values (NaN: empty/missing)
    double center = 0, ucl = 0, lcl = 0;
    std::vector<double> point_ucl, point_lcl;  // per point, only with unequal subgroup sizes
    std::vector<double> point_sigma;           // σ/√nᵢ per point, only with unequal sizes

    std::vector<double> dispersion;  // ranges, SDs or moving ranges (MR[0] = NaN)
    double d_center = 0, d_ucl = 0, d_lcl = 0;
    std::vector<double> d_point_center, d_point_ucl, d_point_lcl;  // only with unequal sizes
    std::string error;                                             // set when no chart can be drawn
};

// Statistics the caller already has (analysis.cpp), so the chart does not compute them again.
struct ChartPrecomputed {
    const SubgroupStats* stats = nullptr;         // subgroup_stats(values, g)
    const SigmaEstimate* moving_range = nullptr;  // sigma_moving_range(values)
    const SigmaEstimate* overall = nullptr;       // sigma_overall(values)
};

ControlChart control_chart(const std::vector<double>& values, const Subgrouping& g, ChartType type,
                           const ChartPrecomputed& pre = {});

}  // namespace mf
