// Root-sum-square stack at 3σ, with the Bender (× 1.5) and Drake modified-RSS variants.
#include <cmath>

#include "tolerance/stack_analysis.h"

namespace mf {

RssResult rss(const LinearStack& lin, const GapLimits& limits) {
    RssResult r;
    if (!lin.errors.empty()) return r;
    double mean = lin.offset, sum_sq = 0, sum_abs = 0;
    size_t n = 0;
    for (const auto& t : lin.terms) {
        const double st = t.sensitivity * t.half;  // this contributor's half-range in the gap
        mean += t.sensitivity * t.mid;
        sum_sq += st * st;
        sum_abs += std::fabs(st);
        if (st != 0) ++n;
    }
    const double t_rss = std::sqrt(sum_sq);
    r.mean = mean;
    r.sigma = t_rss / 3.0;
    r.min = mean - t_rss;
    r.max = mean + t_rss;
    r.tails = normal_tails(r.mean, r.sigma, limits);
    r.bender_sigma = 1.5 * r.sigma;
    r.bender_min = mean - 1.5 * t_rss;
    r.bender_max = mean + 1.5 * t_rss;
    r.n = n;
    r.mrss_factor = (n > 1 && t_rss > 0)
        ? 0.5 * (sum_abs - t_rss) / (t_rss * (std::sqrt(static_cast<double>(n)) - 1.0)) + 1.0
        : 1.0;
    r.mrss_min = mean - r.mrss_factor * t_rss;
    r.mrss_max = mean + r.mrss_factor * t_rss;
    return r;
}

}  // namespace mf
