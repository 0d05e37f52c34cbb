#include "capability/capability_analysis_json.h"

#include <cmath>
#include <cstdio>

namespace mf {

using nlohmann::json;

static json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
static json num(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
static json interval(const std::optional<Interval>& i) {
    return i ? json{{"lower", i->lower}, {"upper", i->upper}} : json(nullptr);
}
static json ppm(const Ppm& p) { return {{"below_lsl", p.below}, {"above_usl", p.above}, {"total", p.total}}; }

static const char* dispersion_name(ChartType t) {
    return t == ChartType::XbarR ? "R" : t == ChartType::XbarS ? "S" : "MR";
}

static std::string gate_text(const GateSettings& g) {
    char b[300];
    std::snprintf(b, sizeof b, "capable when %s of Cpk >= %.2f; not enough data below %lld values or %lld subgroups",
                  g.use_lower_bound
                      ? ("the one-sided lower " + std::to_string(static_cast<int>(g.confidence * 100 + 0.5)) +
                         " % confidence bound (Bissell)")
                            .c_str()
                      : "the point estimate",
                  g.min_cpk, static_cast<long long>(g.min_values), static_cast<long long>(g.min_subgroups));
    return b;
}

json capability_conventions(const CapabilityOptions& o, const Dataset& d) {
    return {
        {"sigma_within",
         std::string(sigma_method_name(o.sigma ? *o.sigma : d.sigma)) +
             " for subgroups of 2 or more (pooled: pooled SD / c4(d+1), d = sum(n_i - 1); rbar: "
             "Rbar/d2; sbar: Sbar/c4), MRbar/d2(2) (moving range, span 2) for individual values"},
        {"constants",
         "d2, d3 tabulated to 6 decimals (n = 2..25); c4 exact from the gamma function; A2, A3, "
         "D3, D4, B3, B4 from their definitions"},
        {"sigma_overall", "sample standard deviation, divisor n - 1, no c4 correction (Minitab default)"},
        {"width", "6 sigma: Cp = (USL - LSL)/6s, Cpk = min(USL - mean, mean - LSL)/3s"},
        {"cpm", "min(T - LSL, USL - T) / (3 sqrt(sum (x - T)^2 / (N - 1))), T = nominal (Minitab)"},
        {"cpk_interval",
         "Bissell normal approximation as Minitab: Cpk +/- z sqrt(1/(9N) + Cpk^2/(2 nu)), nu "
         "of the within estimator (pooled sum(n_i - 1); rbar 0.9 k (n - 1); sbar f_n k (n - 1); "
         "moving range N - 1); Ppk uses nu = N - 1"},
        {"gate", gate_text(d.gate)},
        {"ppm_expected", "normal tails: within uses sigma_within, overall uses sigma_overall, both about the mean"},
        {"ppm_observed", "values strictly below LSL or above USL, per million values"},
        {"chart", "auto: I-MR for subgroups of 1, Xbar-R up to 8, Xbar-S from 9; 3-sigma limits"},
        {"rules",
         std::string(o.rules.name) +
             ": Nelson numbering, Minitab K (1: 1 point > 3s; 2: 9 same side; 3: 6 trending; 4: 14 "
             "alternating; 5: 2 of 3 > 2s same side; 6: 4 of 5 > 1s same side; 7: 15 within 1s; 8: 8 "
             "beyond 1s either side); western-electric = rules 1, 2 (K = 8), 5, 6. Location chart: all "
             "rules; dispersion chart: rule 1. Index = 1-based point number that completes the pattern"},
        {"normality",
         "Anderson-Darling A^2 (mean and n-1 SD estimated), p from D'Agostino & Stephens for "
         "A*^2 = A^2 (1 + 0.75/n + 2.25/n^2); not normal when p < 0.05"},
        {"non_normal",
         "percentile method on the data's 0.135/50/99.865 % points (type 7) and a "
         "maximum-likelihood lognormal; shown only when not normal"},
        {"drift",
         "least-squares slope of value vs row number, per 100 parts = 100 slope / part_interval; "
         "two-sided t-test, df = n - 2"},
        {"indices", "1-based"},
        {"resolution",
         "step of the decimals recorded, 10^-d for the fewest decimal places d that write every value, or the "
         "smallest difference between two distinct values when smaller (values within 1e-12 x the largest "
         "magnitude count as equal; null when all are equal); a sigma that is 0 or below it gives a reason in "
         "errors and no index, no control chart (sigma within), and the gate says not enough data"},
    };
}

json feature_json(const FeatureAnalysis& a) {
    json j;
    j["feature"] = a.feature_name;
    j["id"] = a.feature_id;
    j["units"] = a.units;
    j["n"] = a.values;
    j["missing"] = a.missing;
    j["subgroups"] = a.subgroups;
    j["subgroup_size"] = a.subgroup_size;
    j["lsl"] = opt(a.spec.lsl);
    j["usl"] = opt(a.spec.usl);
    j["target"] = opt(a.spec.target);
    j["mean"] = a.values ? num(a.mean) : json(nullptr);
    j["sigma_within"] = num(a.within.sigma);
    j["sigma_within_method"] = a.within.method;
    j["sigma_within_dof"] = a.within.dof;
    j["sigma_overall"] = num(a.overall.sigma);
    j["resolution"] = a.resolution > 0 ? json(a.resolution) : json(nullptr);
    j["cp"] = opt(a.cap.cp);
    j["cpl"] = opt(a.cap.cpl);
    j["cpu"] = opt(a.cap.cpu);
    j["cpk"] = opt(a.cap.cpk);
    j["pp"] = opt(a.cap.pp);
    j["ppl"] = opt(a.cap.ppl);
    j["ppu"] = opt(a.cap.ppu);
    j["ppk"] = opt(a.cap.ppk);
    j["cpm"] = opt(a.cap.cpm);
    j["cpk_ci95"] = interval(a.cap.cpk_ci95);
    j["cpk_lower_bound"] = opt(a.cap.cpk_lower_bound);
    j["ppk_ci95"] = interval(a.cap.ppk_ci95);
    const bool have = a.cap.cpk.has_value();
    j["ppm_expected_within"] = have ? json(a.cap.ppm_within.total) : json(nullptr);
    j["ppm_expected_overall"] = have ? json(a.cap.ppm_overall.total) : json(nullptr);
    j["ppm_observed"] = have ? json(a.cap.ppm_observed.total) : json(nullptr);
    if (have)
        j["ppm"] = {{"expected_within", ppm(a.cap.ppm_within)},
                    {"expected_overall", ppm(a.cap.ppm_overall)},
                    {"observed", ppm(a.cap.ppm_observed)}};
    if (a.chart.error.empty() && !a.chart.points.empty()) {
        j["chart"] = {{"type", chart_type_name(a.chart.type)},
                      {"center", a.chart.center},
                      {"ucl", a.chart.ucl},
                      {"lcl", a.chart.lcl},
                      {"sigma", a.chart.sigma},
                      {"subgroup_size", a.chart.subgroup_size},
                      {"points", a.chart.points.size()},
                      {"limits_vary", !a.chart.point_ucl.empty()},
                      {"dispersion",
                       {{"type", dispersion_name(a.chart.type)},
                        {"center", a.chart.d_center},
                        {"ucl", a.chart.d_ucl},
                        {"lcl", a.chart.d_lcl}}}};
    } else {
        j["chart"] = nullptr;
    }
    json v = json::array();
    for (const auto& x : a.violations) v.push_back({{"rule", x.rule}, {"index", x.index}});
    j["violations"] = v;
    json dv = json::array();
    for (const auto& x : a.dispersion_violations) dv.push_back({{"rule", x.rule}, {"index", x.index}});
    j["dispersion_violations"] = dv;
    j["ad"] = a.ad.error.empty() ? json{{"stat", a.ad.a2}, {"stat_adjusted", a.ad.a2_adjusted}, {"p", a.ad.p}}
                                 : json(nullptr);
    j["normal"] = a.normal;
    auto nonnormal = [](const NonNormalCapability& c) {
        json k = {{"method", c.method}};
        if (!c.error.empty()) {
            k["error"] = c.error;
            return k;
        }
        k["p0_135"] = c.p00135;
        k["p50"] = c.p50;
        k["p99_865"] = c.p99865;
        k["pp"] = opt(c.pp);
        k["ppl"] = opt(c.ppl);
        k["ppu"] = opt(c.ppu);
        k["ppk"] = opt(c.ppk);
        if (c.ppm_expected) k["ppm_expected"] = ppm(*c.ppm_expected);
        if (c.fit && c.fit->error.empty()) k["fit_ad"] = {{"stat", c.fit->a2}, {"p", c.fit->p}};
        if (!c.warning.empty()) k["warning"] = c.warning;
        return k;
    };
    if (a.percentile) j["percentile"] = nonnormal(*a.percentile);
    if (a.lognormal) j["lognormal"] = nonnormal(*a.lognormal);
    j["drift"] = a.drift.error.empty() ? json{{"slope_per_100_parts", a.drift.slope_per_100_parts},
                                              {"slope_per_row", a.drift.slope_per_row},
                                              {"t", num(a.drift.t)},
                                              {"p", a.drift.p},
                                              {"significant", a.drift.significant}}
                                       : json(nullptr);
    j["verdict"] = gate_verdict_name(a.gate.verdict);
    j["verdict_reason"] = a.gate.reason;
    j["warnings"] = a.warnings;
    json e = json::array();
    for (const auto& x : a.errors) e.push_back(to_string(x));
    j["errors"] = e;
    return j;
}

json capability_json(const CapabilityAnalysis& a) {
    json fs = json::array();
    for (const auto& f : a.features) fs.push_back(f ? feature_json(*f) : json(nullptr));
    return {{"id", a.dataset.id},
            {"name", a.dataset.name},
            {"features", fs},
            {"conventions", capability_conventions(a.options, a.dataset)}};
}

json capability_table_json(const CapabilityAnalysis& a) {
    json out;
    if (a.features.size() == 1 && a.features[0]) {
        out = feature_json(*a.features[0]);
    } else {
        out["features"] = json::array();
        for (const auto& f : a.features) out["features"].push_back(f ? feature_json(*f) : json(nullptr));
    }
    out["conventions"] = capability_conventions(a.options, a.dataset);
    return out;
}

json yield_json(const YieldResult& r, const YieldSettings& settings) {
    json steps = json::array();
    for (const auto& s : r.steps) {
        json lots = json::array();
        for (const auto& l : s.lots)
            lots.push_back({{"lot", l.lot},
                            {"passed", l.passed},
                            {"failed", l.failed},
                            {"fpy", l.fpy},
                            {"ci95", {{"lower", l.ci95.lower}, {"upper", l.ci95.upper}}}});
        steps.push_back({{"name", s.name},
                         {"passed", s.passed},
                         {"failed", s.failed},
                         {"fpy", s.fpy},
                         {"ci95", {{"lower", s.ci95.lower}, {"upper", s.ci95.upper}}},
                         {"meets_target", s.meets_target},
                         {"lots", lots}});
    }
    return {{"steps", steps},
            {"rty", r.rty},
            {"rty_ci95", {{"lower", r.rty_ci95.lower}, {"upper", r.rty_ci95.upper}}},
            {"target", settings.target},
            {"applies_to", settings.applies_to == YieldTarget::Rolled ? "rolled" : "per_step"},
            {"verdict", yield_verdict_name(r.verdict)},
            {"reason", r.reason},
            {"conventions",
             {{"fpy", "passed / (passed + failed) at the first attempt, records of a step summed over lots"},
              {"fpy_interval", "Wilson score, 95 % two-sided"},
              {"rty", "product of the steps' first-pass yields, steps in order of first appearance"},
              {"rty_interval",
               "product of per-step Wilson intervals at 1 - 0.05/m (Bonferroni): "
               "conservative, at least 95 % jointly"},
              {"verdict", "point estimate against the target; rolled (default) or per step"}}}};
}

}  // namespace mf
