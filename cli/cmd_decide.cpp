// mfplan decide FILE [--samples N] [--seed S] [--max-volume V] [--json]
// The partner decision: weighted sum and TOPSIS side by side, AHP weights and consistency,
// flip weights, rank-first probabilities, cost per good part at 100 / 10 000 / 100 000 and
// the planned volume, exact crossovers, cheapest band per volume, the split plan, the
// process selector and the warnings. Exit 1 when the plan is invalid or the matrix cannot
// be scored (the reasons are in "errors" and on stderr).
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "args.h"
#include "commands.h"
#include "decision/decision_analysis.h"

namespace mf::cli {

using nlohmann::json;

static json num_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

static json ranking_rows(const DecisionSection& s, const Ranking& r, const char* score_name) {
    json rows = json::array();
    for (size_t i = 0; i < r.score.size(); ++i)
        rows.push_back({{"partner", s.partners[i].id}, {score_name, r.score[i]}, {"rank", r.rank[i]}, {"tied", bool(r.tied[i])}});
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
        {"ranks", "1-based, 1 = best; tied scores (within 1e-9 relative) share the best of their places (1, 2, 2, 4) "
                  "and are flagged, never broken"},
        {"weights", "normalised to sum 1; " + std::string(s.weighting == Weighting::AHP ? "derived by AHP" : "entered directly")},
        {"weighted_sum", "S = sum of w_j u_ij; u = (v - min)/(max - min) on the criterion's scale (cost criteria "
                         "reversed), or without a scale v/max (benefit) and min/v (cost)"},
        {"topsis", std::string(s.topsis_normalisation == TopsisNormalisation::Vector
                                   ? "vector normalisation x/sqrt(sum x^2)"
                                   : "min-max normalisation (x - min)/(max - min)") +
                       ", weighted, Euclidean distances to the ideal and anti-ideal, closeness D-/(D+ + D-)"},
        {"ahp", "principal eigenvector by power iteration (sum 1); lambda_max = sum_i (A w)_i; CI = (lambda_max - n)/(n - 1); "
                "CR = CI/RI; CR > 0.10 is inconsistent"},
        {"random_index_table", kRandomIndexTable},
        {"flip_weights", "one criterion's weight varied over [0, 1], the others rescaled proportionally; exact (scores "
                         "are linear in the weight)"},
        {"rank_first", "Monte Carlo: ranged scores drawn triangular(low, likely, high), independently; xoshiro256** "
                       "seeded; a tie for first splits the sample; 95 % Wilson score intervals"},
        {"samples", o.mc_samples},
        {"seed", o.seed},
        {"volumes", "good parts (continuous); parts started = volume / (first-pass yield + (1 - yield) x rework success)"},
        {"cost", "all fixed costs spread over good parts; lots, tooling sets, material batches and capacity quarters "
                 "rounded up; all-units price breaks by parts started"},
        {"crossovers", "exact from the piecewise-affine programme cost; 'jump' = order changes at a discontinuity "
                       "(price break, lot boundary ...); 'continuous' = at the root of an affine piece"},
        {"split", "first partner makes N good parts, second the rest; totals with transfer cost low/mid/high "
                  "(+ delay weeks x cost per week); N searched exactly over whole parts"},
        {"money", "the plan's currency (the article's figures are US dollars)"},
        {"lengths", "millimetres"},
    };
}

int cmd_decide(int argc, char** argv) {
    Args a = parse_args(argc, argv, {"samples", "seed", "max-volume"});
    if (!a.error.empty() || a.positional.size() != 1) {
        std::fprintf(stderr, "usage: mfplan decide FILE [--samples N] [--seed S] [--max-volume V] [--json]\n%s%s",
                     a.error.c_str(), a.error.empty() ? "" : "\n");
        return 2;
    }
    DecisionOptions o;
    long long samples = static_cast<long long>(o.mc_samples), seed = static_cast<long long>(o.seed);
    if (!option_integer(a, "samples", samples, 1, 10000000) || !option_integer(a, "seed", seed, 0, 9007199254740991LL))
        return 2;
    double max_volume = 0;
    if (a.option("max-volume")) {
        if (!option_number(a, "max-volume", max_volume)) return 2;
        if (!(max_volume > 1)) {
            std::fprintf(stderr, "error: --max-volume must be above 1\n");
            return 2;
        }
        o.max_volume = max_volume;
    }
    o.mc_samples = static_cast<size_t>(samples);
    o.seed = static_cast<uint64_t>(seed);
    auto plan = load_plan_or_report(a.positional[0]);
    if (!plan) return 1;
    const DecisionSection& s = plan->decision;
    const DecisionAnalysis r = analyse_decision(*plan, o);
    const bool ranked = r.errors.empty();

    json out;
    out["conventions"] = conventions(s, o);
    out["plan"] = plan->meta.name;
    out["planned_volume"] = s.planned_volume;
    out["errors"] = r.errors;

    json weights = {{"method", s.weighting == Weighting::AHP ? "ahp" : "direct"}, {"criteria", json::array()}};
    for (size_t j = 0; j < s.criteria.size() && j < r.weights.size(); ++j)
        weights["criteria"].push_back({{"criterion", s.criteria[j].id}, {"weight", r.weights[j]}});
    if (r.ahp) {
        const AhpResult& h = *r.ahp;
        json ahp = {{"lambda_max", h.lambda_max}, {"ci", h.ci}, {"ri", h.ri}, {"cr", h.cr},
                    {"cr_available", h.cr_available}, {"consistent", h.consistent}, {"iterations", h.iterations},
                    {"random_index_table", h.random_index_table}};
        if (h.worst_i >= 0)
            ahp["furthest_judgement"] = {{"a", s.criteria[h.worst_i].id}, {"b", s.criteria[h.worst_j].id},
                                         {"given", h.worst_given}, {"implied", h.worst_implied}};
        weights["ahp"] = ahp;
    }
    out["weights"] = weights;

    json matrix = {{"partners", json::array()}, {"criteria", json::array()}, {"values", json::array()}};
    for (const auto& p : s.partners) matrix["partners"].push_back({{"id", p.id}, {"name", p.name}, {"kind", partner_kind_key(p.kind)}});
    for (size_t j = 0; j < s.criteria.size(); ++j) {
        json c = {{"id", s.criteria[j].id}, {"name", s.criteria[j].name}, {"benefit", s.criteria[j].benefit},
                  {"source", r.built.sources[j]}};
        if (ranked) c["weighted_sum_normalisation"] = r.weighted_sum.normalisation[j];
        matrix["criteria"].push_back(c);
    }
    for (const auto& row : r.built.matrix.value) {
        json jr = json::array();
        for (double v : row) jr.push_back(num_or_null(v));
        matrix["values"].push_back(jr);
    }
    out["matrix"] = matrix;

    if (ranked) {
        const Ranking& ws = r.weighted_sum.ranking;
        out["weighted_sum"] = {{"partners", ranking_rows(s, ws, "score")},
                               {"top", ws.top_tied ? json(nullptr) : json(s.partners[ws.order[0]].id)},
                               {"top_tied", ws.top_tied}};
        const Ranking& tp = r.topsis.ranking;
        json trows = ranking_rows(s, tp, "closeness");
        for (size_t i = 0; i < trows.size(); ++i) {
            trows[i]["d_plus"] = r.topsis.d_plus[i];
            trows[i]["d_minus"] = r.topsis.d_minus[i];
        }
        out["topsis"] = {{"normalisation", s.topsis_normalisation == TopsisNormalisation::Vector ? "vector" : "min-max"},
                         {"partners", trows},
                         {"top", tp.top_tied ? json(nullptr) : json(s.partners[tp.order[0]].id)},
                         {"top_tied", tp.top_tied}};
        json flips = json::array();
        for (const auto& f : r.flips.flips) {
            json e = {{"criterion", s.criteria[f.criterion].id}, {"weight", f.weight}, {"applicable", f.applicable}};
            e["up"] = f.up ? json{{"weight", *f.up}, {"new_top", ids(s, f.up_new_top)}} : json("never in [0, 1]");
            e["down"] = f.down ? json{{"weight", *f.down}, {"new_top", ids(s, f.down_new_top)}} : json("never in [0, 1]");
            flips.push_back(e);
        }
        out["flip_weights"] = {{"top", r.flips.top >= 0 ? json(s.partners[r.flips.top].id) : json(nullptr)},
                               {"criteria", flips}};
        json rf = json::array();
        for (size_t i = 0; i < r.rank_first.p_first.size(); ++i)
            rf.push_back({{"partner", s.partners[i].id},
                          {"p_first", r.rank_first.p_first[i]},
                          {"ci95", {r.rank_first.ci95[i].lower, r.rank_first.ci95[i].upper}},
                          {"mean_rank", r.rank_first.mean_rank[i]}});
        out["rank_first"] = {{"samples", r.rank_first.samples}, {"seed", r.rank_first.seed},
                             {"ranged_cells", r.rank_first.ranged_cells}, {"partners", rf}};
    }
    out["chosen"] = r.chosen >= 0 ? json{{"partner", s.partners[r.chosen].id},
                                         {"by", r.chosen_by_decider ? "decider (/decision/chosen)" : "weighted-sum top"}}
                                  : json(nullptr);

    json cost = {{"volumes", r.volumes}, {"partners", json::array()}};
    for (size_t k = 0; k < r.cost_partners.size(); ++k) {
        json at = json::array();
        for (const auto& c : r.costs[k]) at.push_back(breakdown_json(c));
        cost["partners"].push_back({{"partner", s.partners[r.cost_partners[k]].id},
                                    {"effective_yield", r.costs[k].empty() ? 1.0 : r.costs[k][0].effective_yield},
                                    {"at", at}});
    }
    out["cost"] = cost;
    auto cp = [&](int k) { return s.partners[r.cost_partners[k]].id; };
    json xs = json::array();
    for (const auto& c : r.crossovers.crossings) {
        json e = {{"a", cp(c.a)}, {"b", cp(c.b)}, {"volume", c.volume}, {"kind", c.jump ? "jump" : "continuous"},
                  {"cheaper_below", cp(c.cheaper_below)}, {"cheaper_above", cp(c.cheaper_above)}};
        if (c.jump) e["cause"] = describe_jumps(c.causes);
        xs.push_back(e);
    }
    out["crossovers"] = {{"range", {r.crossovers.v_lo, r.crossovers.v_hi}}, {"list", xs}, {"truncated", r.crossovers.truncated},
                         {"errors", r.crossovers.errors}};
    json bands = json::array();
    for (const auto& b : r.crossovers.bands) {
        json who = json::array();
        for (int k : b.cheapest) who.push_back(cp(k));
        bands.push_back({{"from", b.from}, {"to", b.to}, {"cheapest", who}});
    }
    out["cheapest"] = bands;
    if (r.split) {
        const SplitResult& p = *r.split;
        out["split"] = {{"from", s.partners[r.split_from].id},
                        {"to", s.partners[r.split_to].id},
                        {"volume", p.volume},
                        {"possible", p.possible},
                        {"best_n", p.best_n},
                        {"total_at_best", {{"low", p.total_best_low}, {"mid", p.total_best_mid}, {"high", p.total_best_high}}},
                        {"from_only_total", p.from_only_total},
                        {"to_only_total", p.to_only_total},
                        {"split_pays", p.split_pays},
                        {"recommended_n", p.recommended_n},
                        {"article_pilot", [&] {
                             json rows = json::array();
                             for (const auto& [n, t] : p.pilot_totals) rows.push_back({{"n", n}, {"total_mid", t}});
                             return rows;
                         }()},
                        {"transfer_cost", {s.split.transfer_cost_low, s.split.transfer_cost_high}},
                        {"delay_weeks", {p.delay_weeks_low, p.delay_weeks_high}},
                        {"candidates_evaluated", p.candidates},
                        {"errors", p.errors}};
    } else {
        out["split"] = nullptr;
    }
    json procs = json::array();
    for (const auto& v : r.processes) {
        const ProcessInfo& p = *v.process;
        json mats = json::array();
        for (auto m : p.materials) mats.push_back(material_family_name(m));
        procs.push_back({{"key", p.key}, {"name", p.name}, {"passes", v.passes}, {"reasons", v.reasons},
                         {"min_feature_mm", p.min_feature_mm}, {"sidewall", sidewall_name(p.sidewall)},
                         {"wall_quality", p.wall_quality}, {"haz_um", p.haz_um}, {"parts_per_hour", p.parts_per_hour},
                         {"setup_cost", p.setup_cost}, {"setup_note", p.setup_note}, {"materials", mats},
                         {"volume_range", {p.volume_min, p.volume_max}}});
    }
    out["processes"] = procs;
    if (r.litho) {
        const LithoDwResult& l = *r.litho;
        out["litho_vs_direct_write"] = {
            {"litho_fixed", l.litho_fixed}, {"litho_per_good_part", l.litho_per_good_part},
            {"dw_fixed", l.dw_fixed}, {"dw_per_good_part", l.dw_per_good_part},
            {"crossover_volume", l.crossover_volume ? json(*l.crossover_volume) : json(nullptr)},
            {"volume", l.volume}, {"litho_total", l.litho_total}, {"dw_total", l.dw_total},
            {"cheaper_at_volume", l.litho_cheaper_at_volume ? "photolithography" : "direct write"},
            {"flip_yield", l.flip_yield ? json(*l.flip_yield) : json(nullptr)},
            {"article_flip_yield", l.article_flip_yield}, {"errors", l.errors}};
    }
    json warns = json::array();
    for (const auto& w : r.warnings) warns.push_back({{"code", w.code}, {"message", w.message}, {"inputs", w.inputs}});
    out["warnings"] = warns;

    for (const auto& e : r.errors) std::fprintf(stderr, "%s: %s\n", a.positional[0].c_str(), e.c_str());
    if (a.flag("json")) {
        std::fputs((out.dump(2, ' ', false, json::error_handler_t::replace) + "\n").c_str(), stdout);
        return ranked ? 0 : 1;
    }

    // Text summary.
    std::printf("%s — partner decision at %g parts\n", plan->meta.name.c_str(), s.planned_volume);
    if (ranked) {
        std::printf("\n  %-40s %10s %5s %10s %5s %8s\n", "partner", "wsum", "rank", "TOPSIS", "rank", "P(first)");
        for (size_t i = 0; i < s.partners.size(); ++i)
            std::printf("  %-40s %10.4f %4d%s %10.4f %4d%s %8.3f\n", s.partners[i].name.c_str(),
                        r.weighted_sum.ranking.score[i], r.weighted_sum.ranking.rank[i],
                        r.weighted_sum.ranking.tied[i] ? "=" : " ", r.topsis.ranking.score[i], r.topsis.ranking.rank[i],
                        r.topsis.ranking.tied[i] ? "=" : " ", r.rank_first.p_first[i]);
    }
    if (r.ahp) std::printf("\n  AHP: lambda_max %.4f, CI %.4f, CR %.4f (%s)\n", r.ahp->lambda_max, r.ahp->ci, r.ahp->cr, kRandomIndexTable);
    if (!r.cost_partners.empty()) {
        std::printf("\n  cost per good part at");
        for (double v : r.volumes) std::printf(" %12g", v);
        std::printf("\n");
        for (size_t k = 0; k < r.cost_partners.size(); ++k) {
            std::printf("  %-21s", s.partners[r.cost_partners[k]].id.c_str());
            for (const auto& c : r.costs[k]) std::printf(" %12.4g", c.per_good_part);
            std::printf("\n");
        }
        for (const auto& c : r.crossovers.crossings)
            std::printf("  crossover %s/%s at %.6g parts (%s%s%s)\n", cp(c.a).c_str(), cp(c.b).c_str(), c.volume,
                        c.jump ? "jump: " : "continuous", c.jump ? describe_jumps(c.causes).c_str() : "", "");
    }
    if (r.split)
        std::printf("\n  split %s -> %s: best transfer after N = %g parts, total %.6g (mid transfer cost); %s only %.6g, "
                    "%s only %.6g; cheapest road: N = %g\n",
                    s.partners[r.split_from].id.c_str(), s.partners[r.split_to].id.c_str(), r.split->best_n,
                    r.split->total_best_mid, s.partners[r.split_from].id.c_str(), r.split->from_only_total,
                    s.partners[r.split_to].id.c_str(), r.split->to_only_total, r.split->recommended_n);
    if (!r.warnings.empty()) {
        std::printf("\n  warnings:\n");
        for (const auto& w : r.warnings) std::printf("  - [%s] %s\n", w.code.c_str(), w.message.c_str());
    }
    return ranked ? 0 : 1;
}

}  // namespace mf::cli
