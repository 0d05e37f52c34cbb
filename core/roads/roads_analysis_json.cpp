#include "roads/roads_analysis_json.h"

#include <cmath>

namespace mf {

using nlohmann::json;

static json num_or_null(const std::optional<double>& v) { return v && std::isfinite(*v) ? json(*v) : json(nullptr); }
static json date_or_null(const std::optional<Date>& d) { return d ? json(format_iso_date(*d)) : json(nullptr); }
static json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json roads_conventions_json(const RoadsAnalysis& a) {
    return {
        {"road",
         "a partner id, or \"split\" (split.from until N parts, then split.to); every figure is the single tool's "
         "on plan_for_road(plan, road): `mfplan schedule|stack|decide --road ROAD` prints the same (docs/roads.md)"},
        {"cost_per_good_part",
         "the decision's all-in cost per good part at each volume (NRE, setup, yield, rework: docs/decision.md); "
         "split: best transfer point for that volume at the mid transfer cost and delay; null without a cost model"},
        {"dates",
         "schedule Monte Carlo finish percentiles (Hyndman–Fan type 7), " +
             std::to_string(a.options.schedule.iterations) + " iterations, seed " +
             std::to_string(a.options.schedule.seed) +
             " (mfplan schedule's defaults); first_article: roads.first_article's finish (null when none is named); "
             "production: roads.production's finish, else the project finish"},
        {"probability_meet_deadline", "share of iterations whose project finish is on or before the plan's deadline"},
        {"pilot_gate",
         "roads.pilot_gate, else the first gate with a Cpk criterion; its pass probability (docs/schedule.md, "
         "gates), measured links applied"},
        {"stacks",
         "verdict and ppm of `mfplan stack --road ROAD --no-mc`: the capability-based normal model (analytic, no "
         "Monte Carlo), at the measurement and the operating temperature; ppm = the larger of the two"},
        {"decision", "weighted-sum and TOPSIS score and rank of the road's partner (null for split)"},
        {"red_warnings",
         "the decision's warnings (the article's red flags) with the road's partner chosen: `mfplan decide --road "
         "ROAD`"},
        {"recommendation",
         "the decider's choice (decision.chosen), else the weighted-sum top; methods_agree: weighted sum and TOPSIS "
         "put the same partner first (AHP, when used, gives the weights)"},
        {"added", "2026-12-06"},
    };
}

static json road_json(const RoadsAnalysis& a, const RoadFigures& f) {
    json costs = json::array();
    for (size_t v = 0; v < a.volumes.size(); ++v)
        costs.push_back(
            {{"volume", a.volumes[v]},
             {"value", num_or_null(v < f.cost_per_good_part.size() ? f.cost_per_good_part[v] : std::nullopt)}});
    json stacks = json::array();
    for (const auto& s : f.stacks) {
        json j = {{"id", s.id}, {"name", s.name}, {"error", text_or_null(s.error)}};
        if (s.error.empty()) {
            j["verdict"] = verdict_name(s.verdict);
            j["ppm"] = s.ppm;
            j["ppm_at_measurement"] = s.ppm_at_measurement;
            j["ppm_at_operating"] = s.ppm_at_operating;
        } else {
            j["verdict"] = nullptr;
            j["ppm"] = nullptr;
        }
        stacks.push_back(std::move(j));
    }
    json warnings = json::array();
    for (const auto& w : f.warnings) warnings.push_back({{"code", w.code}, {"message", w.message}});
    return {
        {"road", f.road},
        {"name", f.name},
        {"partner", f.partner},
        {"cost_per_good_part", std::move(costs)},
        {"first_article",
         {{"task", text_or_null(a.first_article_task)},
          {"p50", date_or_null(f.first_article_p50)},
          {"p80", date_or_null(f.first_article_p80)}}},
        {"production",
         {{"task", text_or_null(a.production_task)},
          {"p50", date_or_null(f.production_p50)},
          {"p80", date_or_null(f.production_p80)}}},
        {"probability_meet_deadline", num_or_null(f.probability_meet_deadline)},
        {"schedule_error", text_or_null(f.schedule_error)},
        {"pilot_gate", {{"task", text_or_null(f.pilot_gate)}, {"pass_probability", num_or_null(f.pilot_gate_pass)}}},
        {"stacks", std::move(stacks)},
        {"decision",
         {{"score", num_or_null(f.score)},
          {"rank", f.score ? json(f.rank) : json(nullptr)},
          {"tied", f.tied},
          {"topsis_score", num_or_null(f.topsis_score)},
          {"topsis_rank", f.topsis_score ? json(f.topsis_rank) : json(nullptr)}}},
        {"red_warnings", f.red_warnings()},
        {"warnings", std::move(warnings)},
    };
}

json roads_analysis_json(const RoadsAnalysis& a, const std::string& plan_name) {
    json roads = json::array();
    for (const auto& f : a.roads) roads.push_back(road_json(a, f));
    return {
        {"plan", plan_name},
        {"conventions", roads_conventions_json(a)},
        {"volumes", a.volumes},
        {"deadline", date_or_null(a.deadline)},
        {"recommendation",
         {{"road", text_or_null(a.recommended)},
          {"chosen_by_decider", a.chosen_by_decider},
          {"weighted_sum_top", text_or_null(a.weighted_sum_top)},
          {"topsis_top", text_or_null(a.topsis_top)},
          {"weighting", a.ahp_weights ? "ahp" : "direct"},
          {"methods_agree", a.methods_agree},
          {"split_pays", a.split_pays},
          {"why", a.why},
          {"errors", a.decision_errors}}},
        {"roads", std::move(roads)},
    };
}

}  // namespace mf
