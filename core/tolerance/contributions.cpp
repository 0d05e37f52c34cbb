// Contribution of each tolerance to the gap: shares of the worst-case range, of the RSS
// variance, of the declared-distribution variance and (from Monte Carlo) squared correlations.
#include <algorithm>
#include <cmath>

#include "tolerance/monte_carlo.h"
#include "tolerance/stack_analysis.h"

namespace mf {

std::vector<ContributionRow> contributions(const Stack& s, const LinearStack& lin, const MonteCarloResult* mc) {
    std::vector<ContributionRow> rows;
    if (!lin.errors.empty()) return rows;
    double sum_wc = 0, sum_rss = 0, sum_stat = 0;
    for (const auto& t : lin.terms) {
        sum_wc += std::fabs(t.sensitivity) * t.half;
        sum_rss += (t.sensitivity * t.half) * (t.sensitivity * t.half);
        sum_stat += (t.sensitivity * t.sigma) * (t.sensitivity * t.sigma);
    }
    const bool have_mc = mc && mc->errors.empty() && mc->squared_correlation.size() == lin.terms.size();
    for (const auto& t : lin.terms) {
        ContributionRow row;
        row.index = t.index;
        row.id = s.contributors[t.index].id;
        row.name = s.contributors[t.index].name;
        row.sensitivity = t.sensitivity;
        row.worst_case_share = sum_wc > 0 ? std::fabs(t.sensitivity) * t.half / sum_wc : 0.0;
        row.rss_share = sum_rss > 0 ? (t.sensitivity * t.half) * (t.sensitivity * t.half) / sum_rss : 0.0;
        row.statistical_share = sum_stat > 0 ? (t.sensitivity * t.sigma) * (t.sensitivity * t.sigma) / sum_stat : 0.0;
        if (have_mc) row.monte_carlo_share = mc->squared_correlation[t.index];
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const ContributionRow& a, const ContributionRow& b) {
        return a.statistical_share > b.statistical_share;
    });
    for (size_t k = 0; k < rows.size(); ++k) rows[k].rank = static_cast<int>(k + 1);
    return rows;
}

}  // namespace mf
