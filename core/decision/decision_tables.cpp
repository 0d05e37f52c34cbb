// The decision tool's results tables (decision/decision_tables.h).
#include "decision/decision_tables.h"

#include <cmath>
#include <cstdio>

#include "base/format.h"
#include "decision/decision_edit.h"

namespace mf {

size_t shown_volume_count(const std::vector<double>& v) {
    if (v.size() < 2) return v.size();
    for (size_t k = 0; k + 1 < v.size(); ++k)
        if (v[k] == v.back()) return v.size() - 1;
    return v.size();
}

bool is_planned_column(const std::vector<double>& v, size_t k) {
    return !v.empty() && k < v.size() && v[k] == v.back();
}

static TableCell fixed_cell(double v, int decimals) {
    if (!std::isfinite(v)) return text_cell("—");
    char b[48];
    std::snprintf(b, sizeof b, "%.*f", decimals, v);
    return number_cell(b);
}

// A probability as the view writes it, in percent: "42.3"; "< 0.1" and "> 99.9" stay text.
static TableCell percent_cell(double p) {
    std::string t = format_probability(p);
    if (t.size() > 2 && t.compare(t.size() - 2, 2, " %") == 0) t.resize(t.size() - 2);
    const bool number = !t.empty() && (t[0] >= '0' && t[0] <= '9');
    return number ? number_cell(t) : text_cell(t);
}

// [SECTION] Decision matrix ---------------------------------------------------------------

// The criterion's name with the unit of its values: the typed unit of an entered score, the
// unit of the evidence or cost a derived one comes from.
static std::string criterion_header(const Criterion& c) {
    switch (c.source) {
        case ScoreSource::Entered: return c.unit.empty() ? c.name : c.name + " (" + c.unit + ")";
        case ScoreSource::CostPerGoodPart: return c.name + " (per good part)";
        case ScoreSource::FirstArticleDays:
        case ScoreSource::ProductionLeadDays: return c.name + " (days)";
        case ScoreSource::MonthlyCapacity: return c.name + " (parts per month)";
        case ScoreSource::DemonstratedCpk:
        case ScoreSource::AuditRights: break;
    }
    return c.name;
}

static TableCell score_cell(const DecisionAnalysis& a, const DecisionSection& s, size_t i, size_t j) {
    const Criterion& c = s.criteria[j];
    if (c.source == ScoreSource::Entered) {
        const Score* sc = find_score(s, s.partners[i].id, c.id);
        return sc ? shown_number_cell(format_number(sc->value, 6)) : text_cell("—");
    }
    const auto& m = a.built.matrix.value;
    const double v = i < m.size() && j < m[i].size() ? m[i][j] : NAN;
    return shown_number_cell(c.source == ScoreSource::CostPerGoodPart ? format_money(v) : format_count(v));
}

ResultTable decision_matrix_table(const DecisionAnalysis& a, const DecisionSection& s,
                                  const RankFirstResult* rank_first) {
    ResultTable t{"Decision matrix", "decision-matrix", {"Partner"}, {}};
    for (const Criterion& c : s.criteria) t.columns.push_back(criterion_header(c));
    const bool vector = s.topsis_normalisation == TopsisNormalisation::Vector;
    for (const char* h : {"Weighted sum", "Weighted-sum rank"}) t.columns.push_back(h);
    t.columns.push_back(vector ? "TOPSIS closeness (vector)" : "TOPSIS closeness (min-max)");
    t.columns.push_back("TOPSIS rank");
    t.columns.push_back("P(first) (%)");
    const bool ranked = a.errors.empty();
    const Ranking& ws = a.weighted_sum.ranking;
    const Ranking& tp = a.topsis.ranking;
    const bool mc = rank_first && rank_first->samples > 0 && rank_first->p_first.size() == s.partners.size();
    for (size_t i = 0; i < s.partners.size(); ++i) {
        std::vector<TableCell> row{text_cell(s.partners[i].name)};
        for (size_t j = 0; j < s.criteria.size(); ++j) row.push_back(score_cell(a, s, i, j));
        for (const Ranking* r : {&ws, &tp}) {
            const bool has = ranked && i < r->score.size() && i < r->rank.size();
            row.push_back(has ? fixed_cell(r->score[i], 3) : text_cell("—"));
            row.push_back(has ? number_cell(std::to_string(r->rank[i])) : text_cell("—"));
        }
        row.push_back(mc && ranked ? percent_cell(rank_first->p_first[i]) : text_cell("—"));
        t.rows.push_back(std::move(row));
    }
    return t;
}

// [SECTION] Cost per good part ------------------------------------------------------------

ResultTable cost_table(const DecisionAnalysis& a, const DecisionSection& s) {
    ResultTable t{"Cost per good part", "cost-per-good-part", {"Partner"}, {}};
    const size_t nv = shown_volume_count(a.volumes);
    for (size_t k = 0; k < nv; ++k)
        t.columns.push_back("Cost at " + format_count(a.volumes[k]) +
                            (is_planned_column(a.volumes, k) ? ", planned" : "") + " (per good part)");
    for (size_t r = 0; r < a.costs.size() && r < a.cost_partners.size(); ++r) {
        std::vector<TableCell> row{text_cell(s.partners[static_cast<size_t>(a.cost_partners[r])].name)};
        for (size_t k = 0; k < nv; ++k)
            row.push_back(k < a.costs[r].size() ? shown_number_cell(format_money(a.costs[r][k].per_good_part))
                                                : text_cell("—"));
        t.rows.push_back(std::move(row));
    }
    return t;
}

// [SECTION] Crossovers --------------------------------------------------------------------

ResultTable crossover_table(const DecisionAnalysis& a, const DecisionSection& s) {
    ResultTable t{"Crossover volumes",
                  "crossovers",
                  {"From (good parts)", "Crossing at (good parts)", "Partners", "Kind", "Cheaper from there"},
                  {}};
    auto name = [&](int cost_index) -> std::string {
        if (cost_index < 0 || static_cast<size_t>(cost_index) >= a.cost_partners.size()) return "?";
        return s.partners[static_cast<size_t>(a.cost_partners[static_cast<size_t>(cost_index)])].name;
    };
    for (const Crossover& c : a.crossovers.crossings)
        t.rows.push_back({shown_number_cell(format_whole_parts(c.volume)),
                          shown_number_cell(format_number(c.volume, 6)), text_cell(name(c.a) + " / " + name(c.b)),
                          text_cell(c.jump ? "jump: " + describe_jumps(c.causes) : "continuous"),
                          text_cell(name(c.cheaper_above))});
    return t;
}

}  // namespace mf
