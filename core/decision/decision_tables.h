// The decision tool's results tables (base/result_table.h): the decision matrix with both
// rankings, the cost per good part at the standard volumes and the planned one, and the
// crossover volumes. Each cell is the figure the Decision view shows, rounded as it rounds
// (base/format.h); the view, the clipboard, the CSV and `mfplan table` use these.
//
//   DecisionAnalysis a = analyse_decision(plan, {});
//   ResultTable m = decision_matrix_table(a, plan.decision, &a.rank_first);
//   std::string csv = table_csv(cost_table(a, plan.decision));
#pragma once
#include <vector>

#include "base/result_table.h"
#include "decision/decision_analysis.h"

namespace mf {

// Partner, one column per criterion (an entered score to 6 significant digits, a derived
// one as money or a count, "—" when missing), then Weighted sum (3 decimals) and its rank,
// TOPSIS closeness (3 decimals) and its rank, and P(first) in percent (format_probability:
// "< 0.1" and "> 99.9" are text) when `rank_first` holds a run, "—" otherwise. Scores and
// ranks are "—" while the matrix cannot be ranked (analysis errors).
ResultTable decision_matrix_table(const DecisionAnalysis& a, const DecisionSection& s,
                                  const RankFirstResult* rank_first);

// Partner, then the all-in cost per good part (format_money) at each volume column the
// view shows: the standard volumes and the planned one (marked "planned"; when it equals a
// standard volume that column is marked instead of repeated). One row per partner with a
// cost model.
ResultTable cost_table(const DecisionAnalysis& a, const DecisionSection& s);

// One row per crossing: From (good parts) — the first whole number of parts at or past the
// crossing (format_whole_parts) —, the exact crossing volume (6 significant digits), the two
// partners, the kind ("continuous" or "jump: price break, …") and who is cheaper from there.
ResultTable crossover_table(const DecisionAnalysis& a, const DecisionSection& s);

// The volume columns of the cost tables: the planned volume is the last of analysis.volumes;
// when it equals a standard volume that column is marked "(planned)" instead of repeated.
size_t shown_volume_count(const std::vector<double>& volumes);
bool is_planned_column(const std::vector<double>& volumes, size_t k);

}  // namespace mf
