// [SECTION] Pieces: rankings, cost breakdowns, the conventions
// [SECTION] The parts of the analysis: weights, matrix, rankings, cost, split, processes
// [SECTION] The whole analysis
#include "decision/decision_analysis_json.h"

#include <cmath>

#include "plan/plan.h"

namespace mf {

using nlohmann::json;

// [SECTION] Pieces ---------------------------------------------------------------------------

static json num_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

static json ranking_rows(const DecisionSection& s, const Ranking& r, const char* score_name) {
    json rows = json::array();
    for (size_t i = 0; i < r.score.size(); ++i)
        rows.push_back(
            {{"partner", s.partners[i].id}, {score_name, r.score[i]}, {"rank", r.rank[i]}, {"tied", bool(r.tied[i])}});
    return rows;
}

static json ids(const DecisionSection& s, const std::vector<int>& idx) {
    json a = json::array();
    for (int i : idx) a.push_back(s.partners[i].id);
    return a;
}

static json breakdown_json(const CostBreakdown& c) {
    return {{"volume", c.volume},
            {"cost_per_good_part", num_or_null(c.per_good_part)},
            {"total", c.total},
            {"started", c.started},
            {"unit_price", c.unit_price},
            {"lots", c.lots},
            {"tool_sets", c.tool_sets},
            {"material_batches", c.batches},
            {"quarters", c.quarters},
            {"components",
             {{"nre", c.nre},
              {"revisions", c.revisions},
              {"capability_study", c.capability_study},
              {"capital", c.capital},
              {"tooling", c.tooling},
              {"lot_fees", c.lot_fees},
              {"requalification", c.requalification},
              {"quarterly", c.quarterly},
              {"parts", c.parts},
              {"rework", c.rework},
              {"scrap", c.scrap}}}};
}

static json conventions(const DecisionSection& s, const DecisionOptions& o) {
    return {
        {"ranks",
         "1-based, 1 = best; tied scores (within 1e-9 relative) share the best of their places (1, 2, 2, 4) "
         "and are flagged, never broken"},
        {"weights",
         "normalised to sum 1; " + std::string(s.weighting == Weighting::AHP ? "derived by AHP" : "entered directly")},
        {"weighted_sum",
         "S = sum of w_j u_ij; u = (v - min)/(max - min) on the criterion's scale (cost criteria "
         "reversed), or without a scale v/max (benefit) and min/v (cost)"},
        {"topsis",
         std::string(s.topsis_normalisation == TopsisNormalisation::Vector
                         ? "vector normalisation x/sqrt(sum x^2)"
                         : "min-max normalisation (x - min)/(max - min)") +
             ", weighted, Euclidean distances to the ideal and anti-ideal, closeness D-/(D+ + D-)"},
        {"ahp",
         "principal eigenvector by power iteration (sum 1); lambda_max = sum_i (A w)_i; CI = (lambda_max - n)/(n - 1); "
         "CR = CI/RI; CR > 0.10 is inconsistent"},
        {"random_index_table", kRandomIndexTable},
        {"random_index_beyond_table", kRandomIndexFit},
        {"ahp_geometric_mean",
         "geometric_mean_weights: row geometric means (prod_j a_ij)^(1/n), normalised to sum 1 (Crawford & "
         "Williams 1985), shown beside the eigenvector weights; the eigenvector weights are the ones used"},
        {"flip_weights",
         "one criterion's weight varied over [0, 1], the others rescaled proportionally; exact (scores "
         "are linear in the weight)"},
        {"flip_weights_tied",
         "top tied (tied_top): the tied scores are lines in the weight through one point, so the tie breaks "
         "at the current weight (up/down weight = it, tie_breaks true); new_top = the tied partner(s) with "
         "the largest slope dS/dw (up) or the smallest (down); then = where that partner is overtaken in "
         "turn. Tied partners with equal slopes stay tied: up/down is then where an outsider overtakes"},
        {"rank_first",
         "Monte Carlo: ranged scores drawn triangular(low, likely, high), independently; xoshiro256** "
         "seeded; a tie for first splits the sample; 95 % Wilson score intervals"},
        {"samples", o.mc_samples},
        {"seed", o.seed},
        {"volumes",
         "good parts (continuous); parts started = volume / (first-pass yield + (1 - yield) x rework success)"},
        {"cost",
         "all fixed costs spread over good parts; lots, tooling sets, material batches and capacity quarters "
         "rounded up; all-units price breaks by parts started"},
        {"crossovers",
         "exact from the piecewise-affine programme cost; 'jump' = order changes at a discontinuity "
         "(price break, lot boundary ...); 'continuous' = at the root of an affine piece"},
        {"split",
         "first partner makes N good parts, second the rest; totals with transfer cost low/mid/high "
         "(+ delay weeks x cost per week); N searched exactly over whole parts"},
        {"money", "the plan's currency (the article's figures are US dollars)"},
        {"lengths", "millimetres"},
    };
}

// [SECTION] The parts of the analysis --------------------------------------------------------

static json weights_json(const DecisionSection& s, const DecisionAnalysis& a) {
    json weights = {{"method", s.weighting == Weighting::AHP ? "ahp" : "direct"}, {"criteria", json::array()}};
    for (size_t j = 0; j < s.criteria.size() && j < a.weights.size(); ++j)
        weights["criteria"].push_back({{"criterion", s.criteria[j].id}, {"weight", a.weights[j]}});
    if (a.ahp) {
        const AhpResult& h = *a.ahp;
        json ahp = {{"lambda_max", h.lambda_max},
                    {"ci", h.ci},
                    {"ri", h.ri},
                    {"cr", h.cr},
                    {"cr_available", h.cr_available},
                    {"consistent", h.consistent},
                    {"iterations", h.iterations},
                    {"random_index_table", h.random_index_table}};
        json gm = json::array();
        for (size_t j = 0; j < s.criteria.size() && j < h.geometric_mean_weights.size(); ++j)
            gm.push_back({{"criterion", s.criteria[j].id}, {"weight", h.geometric_mean_weights[j]}});
        ahp["geometric_mean_weights"] = gm;
        if (h.worst_i >= 0)
            ahp["furthest_judgement"] = {{"a", s.criteria[h.worst_i].id},
                                         {"b", s.criteria[h.worst_j].id},
                                         {"given", h.worst_given},
                                         {"implied", h.worst_implied}};
        weights["ahp"] = ahp;
    }
    return weights;
}

static json matrix_json(const DecisionSection& s, const DecisionAnalysis& a, bool ranked) {
    json matrix = {{"partners", json::array()}, {"criteria", json::array()}, {"values", json::array()}};
    for (const auto& p : s.partners)
        matrix["partners"].push_back({{"id", p.id}, {"name", p.name}, {"kind", partner_kind_key(p.kind)}});
    for (size_t j = 0; j < s.criteria.size(); ++j) {
        json c = {{"id", s.criteria[j].id},
                  {"name", s.criteria[j].name},
                  {"benefit", s.criteria[j].benefit},
                  {"source", a.built.sources[j]}};
        if (ranked) c["weighted_sum_normalisation"] = a.weighted_sum.normalisation[j];
        matrix["criteria"].push_back(c);
    }
    for (const auto& row : a.built.matrix.value) {
        json jr = json::array();
        for (double v : row) jr.push_back(num_or_null(v));
        matrix["values"].push_back(jr);
    }
    return matrix;
}

// Weighted sum, TOPSIS, flip weights and rank-first probabilities (only when ranked).
static void rankings_json(const DecisionSection& s, const DecisionAnalysis& a, json& out) {
    const Ranking& ws = a.weighted_sum.ranking;
    out["weighted_sum"] = {{"partners", ranking_rows(s, ws, "score")},
                           {"top", ws.top_tied ? json(nullptr) : json(s.partners[ws.order[0]].id)},
                           {"top_tied", ws.top_tied}};
    const Ranking& tp = a.topsis.ranking;
    json trows = ranking_rows(s, tp, "closeness");
    for (size_t i = 0; i < trows.size(); ++i) {
        trows[i]["d_plus"] = a.topsis.d_plus[i];
        trows[i]["d_minus"] = a.topsis.d_minus[i];
    }
    out["topsis"] = {{"normalisation", s.topsis_normalisation == TopsisNormalisation::Vector ? "vector" : "min-max"},
                     {"partners", trows},
                     {"top", tp.top_tied ? json(nullptr) : json(s.partners[tp.order[0]].id)},
                     {"top_tied", tp.top_tied}};
    json flips = json::array();
    for (const auto& f : a.flips.flips) {
        json e = {{"criterion", s.criteria[f.criterion].id}, {"weight", f.weight}, {"applicable", f.applicable}};
        auto side = [&](const std::optional<double>& at, const std::vector<int>& who, bool tie_breaks,
                        const std::optional<double>& then, const std::vector<int>& then_who) {
            if (!at) return json("never in [0, 1]");
            json x = {{"weight", *at}, {"new_top", ids(s, who)}};
            if (tie_breaks) {  // top tied: the tie breaks at the current weight; then the next change
                x["tie_breaks"] = true;
                x["then"] = then ? json{{"weight", *then}, {"new_top", ids(s, then_who)}} : json("never in [0, 1]");
            }
            return x;
        };
        e["up"] = side(f.up, f.up_new_top, f.up_tie_breaks, f.up_then, f.up_then_new_top);
        e["down"] = side(f.down, f.down_new_top, f.down_tie_breaks, f.down_then, f.down_then_new_top);
        flips.push_back(e);
    }
    out["flip_weights"] = {{"top", a.flips.top >= 0 ? json(s.partners[a.flips.top].id) : json(nullptr)},
                           {"criteria", flips}};
    if (a.flips.top_tied) out["flip_weights"]["tied_top"] = ids(s, a.flips.tied_top);
    json rf = json::array();
    for (size_t i = 0; i < a.rank_first.p_first.size(); ++i)
        rf.push_back({{"partner", s.partners[i].id},
                      {"p_first", a.rank_first.p_first[i]},
                      {"ci95", {a.rank_first.ci95[i].lower, a.rank_first.ci95[i].upper}},
                      {"mean_rank", a.rank_first.mean_rank[i]}});
    out["rank_first"] = {{"samples", a.rank_first.samples},
                         {"seed", a.rank_first.seed},
                         {"ranged_cells", a.rank_first.ranged_cells},
                         {"partners", rf}};
}

// Cost per good part at the volumes, crossovers and the cheapest partner per band.
static void cost_json(const DecisionSection& s, const DecisionAnalysis& a, json& out) {
    json cost = {{"volumes", a.volumes}, {"partners", json::array()}};
    for (size_t k = 0; k < a.cost_partners.size(); ++k) {
        json at = json::array();
        for (const auto& c : a.costs[k]) at.push_back(breakdown_json(c));
        cost["partners"].push_back({{"partner", s.partners[a.cost_partners[k]].id},
                                    {"effective_yield", a.costs[k].empty() ? 1.0 : a.costs[k][0].effective_yield},
                                    {"at", at}});
    }
    out["cost"] = cost;
    auto cp = [&](int k) { return s.partners[a.cost_partners[k]].id; };
    json xs = json::array();
    for (const auto& c : a.crossovers.crossings) {
        json e = {{"a", cp(c.a)},
                  {"b", cp(c.b)},
                  {"volume", c.volume},
                  {"kind", c.jump ? "jump" : "continuous"},
                  {"cheaper_below", cp(c.cheaper_below)},
                  {"cheaper_above", cp(c.cheaper_above)}};
        if (c.jump) e["cause"] = describe_jumps(c.causes);
        xs.push_back(e);
    }
    out["crossovers"] = {{"range", {a.crossovers.v_lo, a.crossovers.v_hi}},
                         {"list", xs},
                         {"truncated", a.crossovers.truncated},
                         {"errors", a.crossovers.errors}};
    json bands = json::array();
    for (const auto& b : a.crossovers.bands) {
        json who = json::array();
        for (int k : b.cheapest) who.push_back(cp(k));
        bands.push_back({{"from", b.from}, {"to", b.to}, {"cheapest", who}});
    }
    out["cheapest"] = bands;
}

static json split_json(const DecisionSection& s, const DecisionAnalysis& a) {
    if (!a.split) return nullptr;
    const SplitResult& p = *a.split;
    json pilot = json::array();
    for (const auto& [n, t] : p.pilot_totals) pilot.push_back({{"n", n}, {"total_mid", t}});
    return {{"from", s.partners[a.split_from].id},
            {"to", s.partners[a.split_to].id},
            {"volume", p.volume},
            {"possible", p.possible},
            {"best_n", p.best_n},
            {"total_at_best", {{"low", p.total_best_low}, {"mid", p.total_best_mid}, {"high", p.total_best_high}}},
            {"from_only_total", p.from_only_total},
            {"to_only_total", p.to_only_total},
            {"split_pays", p.split_pays},
            {"recommended_n", p.recommended_n},
            {"article_pilot", pilot},
            {"transfer_cost", {s.split.transfer_cost_low, s.split.transfer_cost_high}},
            {"delay_weeks", {p.delay_weeks_low, p.delay_weeks_high}},
            {"candidates_evaluated", p.candidates},
            {"errors", p.errors}};
}

static json processes_json(const DecisionAnalysis& a) {
    json procs = json::array();
    for (const auto& v : a.processes) {
        const ProcessInfo& p = *v.process;
        json mats = json::array();
        for (auto m : p.materials) mats.push_back(material_family_name(m));
        procs.push_back({{"key", p.key},
                         {"name", p.name},
                         {"passes", v.passes},
                         {"reasons", v.reasons},
                         {"min_feature_mm", p.min_feature_mm},
                         {"sidewall", sidewall_name(p.sidewall)},
                         {"wall_quality", p.wall_quality},
                         {"haz_um", p.haz_um},
                         {"parts_per_hour", p.parts_per_hour},
                         {"setup_cost", p.setup_cost},
                         {"setup_note", p.setup_note},
                         {"materials", mats},
                         {"volume_range", {p.volume_min, p.volume_max}}});
    }
    return procs;
}

static json litho_json(const LithoDwResult& l) {
    return {{"litho_fixed", l.litho_fixed},
            {"litho_per_good_part", l.litho_per_good_part},
            {"dw_fixed", l.dw_fixed},
            {"dw_per_good_part", l.dw_per_good_part},
            {"crossover_volume", l.crossover_volume ? json(*l.crossover_volume) : json(nullptr)},
            {"volume", l.volume},
            {"litho_total", l.litho_total},
            {"dw_total", l.dw_total},
            {"cheaper_at_volume", l.litho_cheaper_at_volume ? "photolithography" : "direct write"},
            {"flip_yield", l.flip_yield ? json(*l.flip_yield) : json(nullptr)},
            {"article_flip_yield", l.article_flip_yield},
            {"errors", l.errors}};
}

// [SECTION] The whole analysis ---------------------------------------------------------------
// (nlohmann::json keeps object keys sorted: the order of the assignments below is not the
// order of the output.)

json decision_json(const Plan& plan, const DecisionAnalysis& a, const DecisionOptions& o) {
    const DecisionSection& s = plan.decision;
    const bool ranked = a.errors.empty();
    json out;
    out["conventions"] = conventions(s, o);
    out["plan"] = plan.meta.name;
    out["planned_volume"] = s.planned_volume;
    out["errors"] = a.errors;
    out["weights"] = weights_json(s, a);
    out["matrix"] = matrix_json(s, a, ranked);
    if (ranked) rankings_json(s, a, out);
    out["chosen"] = a.chosen >= 0
        ? json{{"partner", s.partners[a.chosen].id},
               {"by", a.chosen_by_decider ? "decider (/decision/chosen)" : "weighted-sum top"}}
        : json(nullptr);
    cost_json(s, a, out);
    out["split"] = split_json(s, a);
    out["processes"] = processes_json(a);
    if (a.litho) out["litho_vs_direct_write"] = litho_json(*a.litho);
    json warns = json::array();
    for (const auto& w : a.warnings) warns.push_back({{"code", w.code}, {"message", w.message}, {"inputs", w.inputs}});
    out["warnings"] = warns;
    return out;
}

}  // namespace mf
