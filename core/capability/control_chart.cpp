#include "capability/control_chart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "capability/chart_constants.h"
#include "capability/sigma.h"

namespace mf {

const char* chart_type_name(ChartType t) {
    switch (t) {
        case ChartType::Auto: return "auto";
        case ChartType::XbarR: return "xbar-r";
        case ChartType::XbarS: return "xbar-s";
        case ChartType::IMR: return "i-mr";
    }
    return "auto";
}

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

ControlChart individuals_chart(const std::vector<double>& x, const ChartPrecomputed& pre) {
    ControlChart c;
    c.type = ChartType::IMR;
    c.subgroup_size = 1;
    const SigmaEstimate mr = pre.moving_range ? *pre.moving_range : sigma_moving_range(x);
    const SigmaEstimate all = pre.overall ? *pre.overall : sigma_overall(x);
    if (!mr.error.empty()) {
        c.error = mr.error;
        return c;
    }
    c.points = x;
    c.sigma = mr.sigma;
    c.center = all.mean;
    c.ucl = c.center + 3.0 * c.sigma;
    c.lcl = c.center - 3.0 * c.sigma;
    c.dispersion.assign(x.size(), kNaN);
    for (size_t i = 1; i < x.size(); ++i) c.dispersion[i] = std::fabs(x[i] - x[i - 1]);  // NaN propagates
    const ChartConstants k2 = chart_constants(2);
    c.d_center = mr.mean;
    c.d_ucl = k2.D4 * mr.mean;
    c.d_lcl = k2.D3 * mr.mean;
    return c;
}
}  // namespace

ControlChart control_chart(const std::vector<double>& values, const Subgrouping& g, ChartType type,
                           const ChartPrecomputed& pre) {
    if (g.individuals() || type == ChartType::IMR) {
        if (!g.individuals()) {
            ControlChart c;
            c.error = "an I–MR chart needs individual values (subgroup size 1)";
            return c;
        }
        return individuals_chart(values, pre);
    }
    ControlChart c;
    SubgroupStats own;
    if (!pre.stats) own = subgroup_stats(values, g);
    const SubgroupStats& s = pre.stats ? *pre.stats : own;
    const size_t n = s.modal_size;
    if (type == ChartType::Auto) type = n <= 8 ? ChartType::XbarR : ChartType::XbarS;
    c.type = type;
    c.subgroup_size = n;
    if (n < 2) {
        c.error = "subgroup charts need subgroups of at least two values";
        return c;
    }
    if (type == ChartType::XbarR && n > static_cast<size_t>(kMaxTabulatedSubgroup)) {
        c.error = "an Xbar–R chart needs subgroups of at most 25 values (use Xbar–S)";
        return c;
    }
    const SigmaEstimate est = sigma_within(s, type == ChartType::XbarR ? SigmaMethod::RBar : SigmaMethod::SBar);
    if (!est.error.empty()) {
        c.error = est.error;
        return c;
    }
    c.sigma = est.sigma;
    c.points = s.mean;
    c.dispersion = type == ChartType::XbarR ? s.range : s.sd;
    c.center = s.grand_mean;

    // Limits for a subgroup of size m: X̄ at x̄̄ ± 3σ/√m; R at d2σ, (d2 ± 3d3)σ; S at c4σ, c4σ ± 3σ√(1 − c4²).
    auto dispersion_limits = [&](size_t m, double& centre, double& lo, double& hi) {
        const double sg = c.sigma;
        if (type == ChartType::XbarR) {
            const double d2 = d2_constant(static_cast<int>(m)), d3 = d3_constant(static_cast<int>(m));
            centre = d2 * sg;
            lo = std::max(0.0, (d2 - 3.0 * d3) * sg);
            hi = (d2 + 3.0 * d3) * sg;
        } else {
            const double c4 = c4_constant(static_cast<double>(m));
            centre = c4 * sg;
            lo = std::max(0.0, (c4 - 3.0 * std::sqrt(1.0 - c4 * c4)) * sg);
            hi = (c4 + 3.0 * std::sqrt(1.0 - c4 * c4)) * sg;
        }
    };
    const double half = 3.0 * c.sigma / std::sqrt(static_cast<double>(n));
    c.ucl = c.center + half;
    c.lcl = c.center - half;
    dispersion_limits(n, c.d_center, c.d_lcl, c.d_ucl);
    // With equal sizes these equal A2·R̄ / D3·R̄ / D4·R̄ (or A3·S̄, B3·S̄, B4·S̄).
    if (!s.equal_sizes) {
        const size_t k = s.n.size();
        c.point_ucl.assign(k, kNaN);
        c.point_lcl.assign(k, kNaN);
        c.point_sigma.assign(k, kNaN);
        c.d_point_center.assign(k, kNaN);
        c.d_point_ucl.assign(k, kNaN);
        c.d_point_lcl.assign(k, kNaN);
        for (size_t i = 0; i < k; ++i) {
            const size_t m = s.n[i];
            if (m == 0) continue;
            c.point_sigma[i] = c.sigma / std::sqrt(static_cast<double>(m));
            c.point_ucl[i] = c.center + 3.0 * c.point_sigma[i];
            c.point_lcl[i] = c.center - 3.0 * c.point_sigma[i];
            if (m >= 2 && (type == ChartType::XbarS || m <= static_cast<size_t>(kMaxTabulatedSubgroup)))
                dispersion_limits(m, c.d_point_center[i], c.d_point_lcl[i], c.d_point_ucl[i]);
        }
    }
    return c;
}

}  // namespace mf
