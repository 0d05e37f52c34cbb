// The JSON form of a stack analysis (see stack_result_json.h). Key order and number
// formatting are what `mfplan stack --json` has always printed: keep them.
#include "tolerance/stack_result_json.h"

#include "links/measured_links_json.h"
#include "tolerance/materials.h"

namespace mf {

using json = nlohmann::json;

namespace {

json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json tails_json(const TailPrediction& t) {
    return {{"ppm_below", opt(t.ppm_below)},
            {"ppm_above", opt(t.ppm_above)},
            {"ppm_total", t.ppm_total},
            {"yield", t.yield}};
}

json interval_json(const std::optional<Interval>& i) { return i ? json::array({i->lower, i->upper}) : json(nullptr); }

json mc_json(const MonteCarloSummary& m) {
    json j = {{"temperature", m.temperature},
              {"samples", m.n},
              {"mean", m.mean},
              {"sigma", m.sigma},
              {"skewness", m.skewness},
              {"min", m.min},
              {"max", m.max},
              {"percentiles", {{"0.135", m.p00135}, {"50", m.p50}, {"99.865", m.p99865}}},
              {"count_below", m.below},
              {"count_above", m.above},
              {"ppm_below", opt(m.ppm_below)},
              {"ppm_above", opt(m.ppm_above)},
              {"ppm_total", m.ppm_total},
              {"yield", 1.0 - m.ppm_total * 1e-6},
              {"ci95",
               {{"below", interval_json(m.ci95_below)},
                {"above", interval_json(m.ci95_above)},
                {"total", json::array({m.ci95_total.lower, m.ci95_total.upper})}}},
              {"histogram", {{"lo", m.histogram.lo}, {"width", m.histogram.width}, {"counts", m.histogram.counts}}}};
    return j;
}

json statistical_json(const StatisticalResult& s) {
    json j = {{"mean", s.mean}, {"sigma", s.sigma}, {"min", s.min}, {"max", s.max}, {"cpk", opt(s.cpk)}};
    j.update(tails_json(s.tails));
    j["inflated"] = {{"label", s.inflation_label}, {"factor", s.inflation_factor}, {"sigma", s.inflated_sigma}};
    j["inflated"].update(tails_json(s.inflated_tails));
    j["long_term_1_5_sigma_shift"] = tails_json(s.long_term_tails);
    j["long_term_1_5_sigma_shift"]["label"] = "mean moved 1.5σ toward each limit in turn (long-term convention)";
    return j;
}

json rss_json(const RssResult& r) {
    json j = {{"label", "RSS at 3σ: each tolerance = ±3σ of a normal centred on its mid-limit mean"},
              {"mean", r.mean},
              {"sigma", r.sigma},
              {"min", r.min},
              {"max", r.max}};
    j.update(tails_json(r.tails));
    j["bender"] = {
        {"label", "Bender: RSS σ × 1.5"}, {"sigma", r.bender_sigma}, {"min", r.bender_min}, {"max", r.bender_max}};
    j["modified"] = {{"label", "Drake modified RSS: T = Cf·√Σ(sT)², Cf = 0.5(Twc − Trss)/(Trss(√n − 1)) + 1"},
                     {"n", r.n},
                     {"factor", r.mrss_factor},
                     {"min", r.mrss_min},
                     {"max", r.mrss_max}};
    return j;
}

json condition_json(const ConditionVerdict& c) {
    return {{"temperature", c.temperature},
            {"verdict", verdict_name(c.verdict)},
            {"mean", c.mean},
            {"worst_case_min", c.worst_min},
            {"worst_case_max", c.worst_max},
            {"worst_case_inside", c.worst_case_inside},
            {"mean_inside", c.mean_inside},
            {"ppm", c.ppm},
            {"ppm_ci95", interval_json(c.ppm_ci95)},
            {"ppm_source", c.ppm_source},
            {"reason", c.reason}};
}

// Each contributor's distribution as the statistical stack uses it (2026-12-06): its type,
// mean and σ at the measurement temperature, and the shape parameter of a skewed one.
json distributions_json(const Stack& s, const LinearStack& lin) {
    json rows = json::array();
    for (const auto& t : lin.terms) {
        const Distribution& d = s.contributors[t.index].distribution;
        json row = {{"id", s.contributors[t.index].id},
                    {"type", distribution_name(d.kind)},
                    {"mean", t.mean},
                    {"sigma", t.sigma},
                    {"mean_minus_band_centre", t.mean - t.mid}};
        if (d.kind == DistributionKind::Triangular && d.mode) row["mode"] = *d.mode * t.scale;
        if (d.kind == DistributionKind::Lognormal) {
            row["sigma_log"] = d.sigma_log;
            row["median"] = (t.mid + d.shift * t.scale);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

// Uncertain CTE (2026-12-06): null when no contributor's CTE carries a tolerance; else what the
// tolerances add to the figures at the operating temperature (thermal.worst_case and
// thermal.statistical already include them) and the same figures with exact CTEs.
json cte_uncertainty_json(const ThermalResult& t) {
    if (!t.has_cte_tolerance) return nullptr;
    json rows = json::array();
    for (const auto& r : t.rows)
        if (r.cte_tol > 0)
            rows.push_back({{"id", r.id},
                            {"cte_ppm_per_K", r.cte},
                            {"cte_tol_ppm_per_K", r.cte_tol},
                            {"gap_sigma", r.cte_gap_sigma},
                            {"gap_extreme", r.cte_gap_extreme}});
    return {{"distribution", "uniform over α ± tol (σ_α = tol/√3); operating temperature only"},
            {"sigma", t.cte_sigma},
            {"contributors", rows},
            {"statistical_sigma_exact_cte", t.statistical_exact_cte.sigma},
            {"worst_case_exact_cte", {{"min", t.worst_case_exact_cte.min}, {"max", t.worst_case_exact_cte.max}}}};
}

// The exact worst case of a loop (2026-12-06) beside the linearised one, with the contributor
// values at each extreme.
json exact_worst_case_json(const Stack& s, const ExactWorstCase& e) {
    json j = {{"computed", e.computed},
              {"temperature", e.temperature},
              {"linear_min", e.linear_min},
              {"linear_max", e.linear_max}};
    if (!e.computed) {
        j["note"] = e.note;
        return j;
    }
    auto values = [&](const std::vector<double>& x) {
        json o = json::object();
        for (size_t i = 0; i < x.size() && i < s.contributors.size(); ++i) o[s.contributors[i].id] = x[i];
        return o;
    };
    j["method"] = e.method;
    j["length_contributors"] = e.length_contributors;
    j["angle_contributors"] = e.angle_contributors;
    j["corners"] = e.corners;
    j["min"] = e.min;
    j["max"] = e.max;
    j["min_minus_linear"] = e.min_difference;
    j["max_minus_linear"] = e.max_difference;
    j["values_at_min"] = values(e.at_min);
    j["values_at_max"] = values(e.at_max);
    return j;
}

}  // namespace

json stack_conventions_json() {
    return {
        {"lengths", "millimetres (angles in degrees, temperatures in °C)"},
        {"gap", "Σ sensitivity·dimension for a 1D chain; d·Σ vectors for a 2D loop (plus unused contributors)"},
        {"centring",
         "mid-limit mean: each contributor's band centre (nominal + (tol_plus − tol_minus)/2) plus declared "
         "shifts; the nominal gap is reported separately"},
        {"rss", "each tolerance is ±3σ of a centred normal; min/max = mean ∓ 3σ_gap"},
        {"sigma_per_distribution",
         "normal: T/(3·Cp), (T − |shift|)/(3·Cpk) or σ; uniform: T/√3; triangular: T/√6; "
         "skew-normal: as normal (T = half-width of the band)"},
        {"statistical_tails", "normal with the statistical mean and σ (one-sided per limit)"},
        {"skewed_distributions",
         "2026-12-06: triangular with a mode: (min, mode, max) = (lower limit, mode, upper limit) + shift, mean "
         "(a+b+c)/3, σ² = (a²+b²+c²−ab−ac−bc)/18; lognormal: ln x ~ N(ln m, s²), median m = band centre + "
         "shift, s = sigma_log, mean m·e^(s²/2), σ = mean·√(e^(s²) − 1). The statistical stack uses these "
         "means and σ; rss keeps ±3σ of a centred normal; contributor_distributions lists them"},
        {"monte_carlo",
         "2026-12-06: blocks of 1024 samples; in each block one xoshiro256** stream per contributor (then per "
         "uncertain CTE) seeded from (--seed, block, stream) through splitmix64, sums per block added in block "
         "order, so the result is the same on any number of Web Workers; ziggurat normals; all samples kept"},
        {"sigma_estimator", "sample standard deviation, n − 1 denominator"},
        {"skewness_estimator", "g1 = m3 / m2^1.5 (moment estimator)"},
        {"percentile_method", "Hyndman & Fan type 7 (Excel PERCENTILE.INC, numpy default)"},
        {"ppm", "samples strictly outside a limit / samples × 10⁶"},
        {"ci_method", "Wilson score interval, 95 % two-sided (z = 1.959964)"},
        {"contributions",
         "worst_case_share |s|T/Σ|s|T; rss_share (sT)²/Σ(sT)²; statistical_share (sσ)²/Σ(sσ)²; "
         "monte_carlo_share corr(x, gap)²; ranked by statistical_share"},
        {"thermal", "x·(1 + α·(T − measured_at)) per length contributor, α from its material or cte_ppm_per_K"},
        {"exact_worst_case",
         "2026-12-06, loops only: the gap's true extremes with every contributor in its band: 2^n corners of the "
         "loop's n length contributors (n ≤ 16; above: not computed, the linearised worst case stands), each "
         "angle at its band end or interior extreme (exact); beside the linearised worst_case, without CTE "
         "tolerances"},
        {"cte_uncertainty",
         "2026-12-06: cte_tol_ppm_per_K = ± on α, uniform (σ_α = tol/√3); at the operating temperature only: "
         "worst case at the extreme CTE (corners of band × α ± tol), statistical σ² += (s·ΔT·L·σ_α)²; the "
         "Monte Carlo draws each such CTE per sample (its own stream) at the operating temperature"},
        {"verdict",
         "per temperature: fails if the mean is outside the limits or ppm > ppm_fail (MC: CI lower end); "
         "OK if the worst case is inside or ppm ≤ ppm_ok (MC: CI upper end); else at risk; overall = worse "
         "of measurement and operating temperature"},
    };
}

json stack_analysis_json(const StackAnalysis& a) {
    const Stack& s = a.stack;
    const StackReport& rep = a.report;
    const MonteCarloResult* mc = a.monte_carlo_result();
    const std::vector<LinkReport>& links = a.links;
    json j = {{"id", s.id}, {"name", s.name}, {"units", "mm"}};
    j["links"] = links_json(links);  // measured links applied before the analysis
    j["limits"] = {{"lower", opt(s.lower_limit)}, {"upper", opt(s.upper_limit)}};
    j["temperatures"] = {{"measurement", s.measurement_temperature}, {"operating", s.operating_temperature}};
    if (!rep.errors.empty()) {
        json e = json::array();
        for (const auto& x : rep.errors) e.push_back({{"where", x.where}, {"message", x.message}});
        j["errors"] = e;
        return j;
    }
    j["nominal"] = rep.worst_case.nominal;
    j["mid_limit_mean"] = rep.worst_case.mean;
    j["centred_on"] = "mid-limit mean";
    j["is_loop"] = rep.linear.is_loop;
    json sens = json::array();
    for (const auto& t : rep.linear.terms)
        sens.push_back(
            {{"id", s.contributors[t.index].id}, {"sensitivity", t.sensitivity}, {"from_loop", t.from_loop}});
    j["sensitivities"] = sens;
    j["contributor_distributions"] = distributions_json(s, rep.linear);
    j["worst_case"] = {{"nominal", rep.worst_case.nominal},
                       {"min", rep.worst_case.min},
                       {"max", rep.worst_case.max},
                       {"mean", rep.worst_case.mean},
                       {"half_range", rep.worst_case.half_range},
                       {"asymmetry", rep.worst_case.asymmetry}};
    j["exact_worst_case"] = s.loop ? json{{"at_measurement", exact_worst_case_json(s, rep.exact_worst_case)},
                                          {"at_operating", exact_worst_case_json(s, rep.exact_worst_case_at_operating)}}
                                   : json(nullptr);
    j["rss"] = rss_json(rep.rss);
    j["statistical"] = statistical_json(rep.statistical);
    if (mc) {
        j["monte_carlo"] = mc_json(mc->at_measurement);
        j["monte_carlo"]["seed"] = mc->seed;
        j["predicted_vs_monte_carlo"] = {
            {"normal_model_ppm_total", rep.statistical.tails.ppm_total},
            {"monte_carlo_ppm_total", mc->at_measurement.ppm_total},
            {"monte_carlo_ci95_total",
             json::array({mc->at_measurement.ci95_total.lower, mc->at_measurement.ci95_total.upper})}};
    } else {
        j["monte_carlo"] = nullptr;
    }
    json rows = json::array();
    for (const auto& c : rep.contributions)
        rows.push_back({{"rank", c.rank},
                        {"id", c.id},
                        {"name", c.name},
                        {"sensitivity", c.sensitivity},
                        {"worst_case_share", c.worst_case_share},
                        {"rss_share", c.rss_share},
                        {"statistical_share", c.statistical_share},
                        {"monte_carlo_share", opt(c.monte_carlo_share)}});
    j["contributions"] = rows;
    const ThermalResult& t = rep.thermal;
    json trows = json::array();
    for (const auto& r : t.rows) {
        const Material* m = find_material(r.material);
        trows.push_back({{"id", r.id},
                         {"name", r.name},
                         {"material", r.material.empty() ? json(nullptr) : json(r.material)},
                         {"material_name", m ? json(m->name) : json(nullptr)},
                         {"cte_ppm_per_K", r.cte},
                         {"measured_at", r.measured_at},
                         {"delta_t", r.delta_t},
                         {"delta_length", r.delta_length},
                         {"gap_effect", r.gap_effect}});
    }
    j["thermal"] = {
        {"measurement_temperature", t.measurement_temperature},
        {"operating_temperature", t.operating_temperature},
        {"nominal_at_measurement", t.nominal_at_measurement},
        {"nominal_at_operating", t.nominal_at_operating},
        {"gap_change", t.gap_change},
        {"contributors", trows},
        {"worst_case",
         {{"min", t.worst_case_at_operating.min},
          {"max", t.worst_case_at_operating.max},
          {"mean", t.worst_case_at_operating.mean}}},
        {"rss",
         {{"mean", t.rss_at_operating.mean},
          {"sigma", t.rss_at_operating.sigma},
          {"min", t.rss_at_operating.min},
          {"max", t.rss_at_operating.max}}},
        {"statistical", statistical_json(t.statistical_at_operating)},
        {"monte_carlo", mc ? mc_json(mc->at_operating) : json(nullptr)},
        {"notes", t.notes},
        {"exact_worst_case",
         "2026-12-06, loops only: the gap's true extremes with every contributor in its band: 2^n corners of the "
         "loop's n length contributors (n ≤ 16; above: not computed, the linearised worst case stands), each "
         "angle at its band end or interior extreme (exact); beside the linearised worst_case, without CTE "
         "tolerances"},
        {"cte_uncertainty", cte_uncertainty_json(t)}};
    const FitAssessment& f = rep.fit;
    j["verdict"] = {{"verdict", verdict_name(f.verdict)},
                    {"deciding", f.deciding},
                    {"reason", f.reason},
                    {"ppm_ok", f.ppm_ok},
                    {"ppm_fail", f.ppm_fail},
                    {"at_measurement", condition_json(f.at_measurement)},
                    {"at_operating", condition_json(f.at_operating)}};
    return j;
}

}  // namespace mf
