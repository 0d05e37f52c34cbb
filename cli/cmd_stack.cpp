// mfplan stack FILE [--stack ID|NAME] [--samples N] [--seed S] [--bins B] [--no-mc] [--json]
// mfplan stack --csv TABLE.csv [--unit mm|um|in] [--lower L] [--upper U]
//              [--measure-temp C] [--operate-temp C] [--name TEXT] [...the options above]
//
// Every analysis of docs/tolerance.md for each stack: worst case, RSS, statistical, Monte
// Carlo, contributions, thermal, verdict. Lengths in the JSON are millimetres. Contributors
// with a measured link (core/links/measured_links.h) are analysed with the measured σ and
// mean; each stack's "links" lists what every link supplied or why it could not.
// Exit status: 0 analysed, 1 invalid input, 2 usage error.
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "args.h"
#include "commands.h"
#include "link_json.h"
#include "tolerance/materials.h"
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_analysis.h"
#include "tolerance/stack_table.h"

namespace mf::cli {

namespace {

using json = nlohmann::json;

const char* kUsage =
    "usage: mfplan stack FILE [--stack ID|NAME] [--samples N] [--seed S] [--bins B] [--no-mc] [--json]\n"
    "       mfplan stack --csv TABLE.csv [--unit mm|um|in] [--lower L] [--upper U] [--measure-temp C]\n"
    "                    [--operate-temp C] [--name TEXT] [--samples N] [--seed S] [--bins B] [--no-mc] [--json]\n"
    "  --csv columns: name, nominal, tol | tol_plus + tol_minus, and optionally id, sensitivity, kind,\n"
    "  distribution, cp, cpk, sigma, shift, skew, material, cte_ppm_per_K, measured_at, partner\n"
    "  (docs/tolerance.md); --lower/--upper are in the table's --unit (default mm).\n";

json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json tails_json(const TailPrediction& t) {
    return {{"ppm_below", opt(t.ppm_below)}, {"ppm_above", opt(t.ppm_above)}, {"ppm_total", t.ppm_total}, {"yield", t.yield}};
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
              {"ci95", {{"below", interval_json(m.ci95_below)},
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
              {"mean", r.mean}, {"sigma", r.sigma}, {"min", r.min}, {"max", r.max}};
    j.update(tails_json(r.tails));
    j["bender"] = {{"label", "Bender: RSS σ × 1.5"}, {"sigma", r.bender_sigma}, {"min", r.bender_min}, {"max", r.bender_max}};
    j["modified"] = {{"label", "Drake modified RSS: T = Cf·√Σ(sT)², Cf = 0.5(Twc − Trss)/(Trss(√n − 1)) + 1"},
                     {"n", r.n}, {"factor", r.mrss_factor}, {"min", r.mrss_min}, {"max", r.mrss_max}};
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

json conventions_json() {
    return {
        {"lengths", "millimetres (angles in degrees, temperatures in °C)"},
        {"gap", "Σ sensitivity·dimension for a 1D chain; d·Σ vectors for a 2D loop (plus unused contributors)"},
        {"centring", "mid-limit mean: each contributor's band centre (nominal + (tol_plus − tol_minus)/2) plus declared "
                     "shifts; the nominal gap is reported separately"},
        {"rss", "each tolerance is ±3σ of a centred normal; min/max = mean ∓ 3σ_gap"},
        {"sigma_per_distribution", "normal: T/(3·Cp), (T − |shift|)/(3·Cpk) or σ; uniform: T/√3; triangular: T/√6; "
                                   "skew-normal: as normal (T = half-width of the band)"},
        {"statistical_tails", "normal with the statistical mean and σ (one-sided per limit)"},
        {"monte_carlo", "xoshiro256** stream per contributor seeded from --seed through splitmix64; ziggurat normals; "
                        "all samples kept"},
        {"sigma_estimator", "sample standard deviation, n − 1 denominator"},
        {"skewness_estimator", "g1 = m3 / m2^1.5 (moment estimator)"},
        {"percentile_method", "Hyndman & Fan type 7 (Excel PERCENTILE.INC, numpy default)"},
        {"ppm", "samples strictly outside a limit / samples × 10⁶"},
        {"ci_method", "Wilson score interval, 95 % two-sided (z = 1.959964)"},
        {"contributions", "worst_case_share |s|T/Σ|s|T; rss_share (sT)²/Σ(sT)²; statistical_share (sσ)²/Σ(sσ)²; "
                          "monte_carlo_share corr(x, gap)²; ranked by statistical_share"},
        {"thermal", "x·(1 + α·(T − measured_at)) per length contributor, α from its material or cte_ppm_per_K"},
        {"verdict", "per temperature: fails if the mean is outside the limits or ppm > ppm_fail (MC: CI lower end); "
                    "OK if the worst case is inside or ppm ≤ ppm_ok (MC: CI upper end); else at risk; overall = worse "
                    "of measurement and operating temperature"},
    };
}

json stack_json(const Stack& s, const StackReport& rep, const MonteCarloResult* mc, const std::vector<LinkReport>& links) {
    json j = {{"id", s.id}, {"name", s.name}, {"units", "mm"}};
    j["links"] = links_json(links);   // measured links applied before the analysis
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
        sens.push_back({{"id", s.contributors[t.index].id}, {"sensitivity", t.sensitivity}, {"from_loop", t.from_loop}});
    j["sensitivities"] = sens;
    j["worst_case"] = {{"nominal", rep.worst_case.nominal}, {"min", rep.worst_case.min}, {"max", rep.worst_case.max},
                       {"mean", rep.worst_case.mean}, {"half_range", rep.worst_case.half_range},
                       {"asymmetry", rep.worst_case.asymmetry}};
    j["rss"] = rss_json(rep.rss);
    j["statistical"] = statistical_json(rep.statistical);
    if (mc) {
        j["monte_carlo"] = mc_json(mc->at_measurement);
        j["monte_carlo"]["seed"] = mc->seed;
        j["predicted_vs_monte_carlo"] = {{"normal_model_ppm_total", rep.statistical.tails.ppm_total},
                                         {"monte_carlo_ppm_total", mc->at_measurement.ppm_total},
                                         {"monte_carlo_ci95_total", json::array({mc->at_measurement.ci95_total.lower,
                                                                                 mc->at_measurement.ci95_total.upper})}};
    } else {
        j["monte_carlo"] = nullptr;
    }
    json rows = json::array();
    for (const auto& c : rep.contributions)
        rows.push_back({{"rank", c.rank}, {"id", c.id}, {"name", c.name}, {"sensitivity", c.sensitivity},
                        {"worst_case_share", c.worst_case_share}, {"rss_share", c.rss_share},
                        {"statistical_share", c.statistical_share}, {"monte_carlo_share", opt(c.monte_carlo_share)}});
    j["contributions"] = rows;
    const ThermalResult& t = rep.thermal;
    json trows = json::array();
    for (const auto& r : t.rows) {
        const Material* m = find_material(r.material);
        trows.push_back({{"id", r.id}, {"name", r.name}, {"material", r.material.empty() ? json(nullptr) : json(r.material)},
                         {"material_name", m ? json(m->name) : json(nullptr)}, {"cte_ppm_per_K", r.cte},
                         {"measured_at", r.measured_at}, {"delta_t", r.delta_t}, {"delta_length", r.delta_length},
                         {"gap_effect", r.gap_effect}});
    }
    j["thermal"] = {{"measurement_temperature", t.measurement_temperature},
                    {"operating_temperature", t.operating_temperature},
                    {"nominal_at_measurement", t.nominal_at_measurement},
                    {"nominal_at_operating", t.nominal_at_operating},
                    {"gap_change", t.gap_change},
                    {"contributors", trows},
                    {"worst_case", {{"min", t.worst_case_at_operating.min}, {"max", t.worst_case_at_operating.max},
                                    {"mean", t.worst_case_at_operating.mean}}},
                    {"rss", {{"mean", t.rss_at_operating.mean}, {"sigma", t.rss_at_operating.sigma},
                             {"min", t.rss_at_operating.min}, {"max", t.rss_at_operating.max}}},
                    {"statistical", statistical_json(t.statistical_at_operating)},
                    {"monte_carlo", mc ? mc_json(mc->at_operating) : json(nullptr)},
                    {"notes", t.notes}};
    const FitAssessment& f = rep.fit;
    j["verdict"] = {{"verdict", verdict_name(f.verdict)}, {"deciding", f.deciding}, {"reason", f.reason},
                    {"ppm_ok", f.ppm_ok}, {"ppm_fail", f.ppm_fail},
                    {"at_measurement", condition_json(f.at_measurement)},
                    {"at_operating", condition_json(f.at_operating)}};
    return j;
}

void print_opt_ppm(const char* label, const std::optional<double>& v) {
    if (v) std::printf("  %-30s %.4g ppm\n", label, *v);
}

void print_text(const Stack& s, const StackReport& rep, const MonteCarloResult* mc, const std::vector<LinkReport>& links) {
    std::printf("Stack \"%s\" (%s), lengths in mm\n", s.name.c_str(), s.id.c_str());
    for (const auto& l : links) {
        std::printf("  link %s: %s%s\n", l.target_id.c_str(), l.used ? "" : "NOT USED: ", l.message.c_str());
        for (const auto& w : l.warnings) std::printf("    warning: %s\n", w.c_str());
    }
    if (!rep.errors.empty()) {
        for (const auto& e : rep.errors) std::printf("  error: %s\n", to_string(e).c_str());
        return;
    }
    char lo[32] = "-inf", hi[32] = "+inf";
    if (s.lower_limit) std::snprintf(lo, sizeof lo, "%.6g", *s.lower_limit);
    if (s.upper_limit) std::snprintf(hi, sizeof hi, "%.6g", *s.upper_limit);
    std::printf("  %-30s %s .. %s\n", "limits", lo, hi);
    std::printf("  %-30s %.6g\n", "nominal gap", rep.worst_case.nominal);
    std::printf("  %-30s %.6g  (every statistical figure is centred here)\n", "mid-limit mean", rep.worst_case.mean);
    std::printf("  %-30s %.6g .. %.6g\n", "worst case", rep.worst_case.min, rep.worst_case.max);
    std::printf("  %-30s %.6g .. %.6g  (sigma %.4g)\n", "RSS 3 sigma", rep.rss.min, rep.rss.max, rep.rss.sigma);
    std::printf("  %-30s %.6g .. %.6g  (Cf %.4g)\n", "modified RSS (Drake)", rep.rss.mrss_min, rep.rss.mrss_max,
                rep.rss.mrss_factor);
    std::printf("  %-30s mean %.6g, sigma %.4g, %.4g ppm out (normal model)\n", "statistical (declared)",
                rep.statistical.mean, rep.statistical.sigma, rep.statistical.tails.ppm_total);
    if (mc) {
        const auto& m = mc->at_measurement;
        std::printf("  %-30s mean %.6g, sigma %.4g, skew %.3g, %zu samples, seed %llu\n", "Monte Carlo", m.mean, m.sigma,
                    m.skewness, m.n, static_cast<unsigned long long>(mc->seed));
        std::printf("  %-30s %.6g / %.6g / %.6g\n", "  0.135 / 50 / 99.865 %", m.p00135, m.p50, m.p99865);
        print_opt_ppm("  below lower limit", m.ppm_below);
        print_opt_ppm("  above upper limit", m.ppm_above);
        if (s.lower_limit || s.upper_limit)
            std::printf("  %-30s %.4g ppm (95 %% CI %.4g to %.4g)\n", "  out of limits", m.ppm_total, m.ci95_total.lower,
                        m.ci95_total.upper);
    }
    std::printf("  contributions (rank, statistical / RSS / worst-case share):\n");
    for (const auto& c : rep.contributions)
        std::printf("    %d. %-26s %5.1f %% / %5.1f %% / %5.1f %%\n", c.rank, c.name.c_str(), 100 * c.statistical_share,
                    100 * c.rss_share, 100 * c.worst_case_share);
    const ThermalResult& t = rep.thermal;
    std::printf("  %-30s %.6g at %.4g C -> %.6g at %.4g C (change %.4g)\n", "thermal: nominal gap", t.nominal_at_measurement,
                t.measurement_temperature, t.nominal_at_operating, t.operating_temperature, t.gap_change);
    std::printf("  %-30s %.6g .. %.6g\n", "  worst case at operating", t.worst_case_at_operating.min,
                t.worst_case_at_operating.max);
    std::printf("  verdict: %s\n", rep.fit.reason.c_str());
}

}  // namespace

int cmd_stack(int argc, char** argv) {
    Args a = parse_args(argc, argv,
                        {"stack", "samples", "seed", "bins", "csv", "unit", "lower", "upper", "measure-temp", "operate-temp", "name"});
    for (const auto& f : a.flags)
        if (f != "json" && f != "no-mc") a.error = "unknown option --" + f;
    const bool csv = a.option("csv").has_value();
    if (!a.error.empty() || (csv ? !a.positional.empty() : a.positional.size() != 1)) {
        if (!a.error.empty()) std::fprintf(stderr, "mfplan stack: %s\n", a.error.c_str());
        std::fputs(kUsage, stderr);
        return 2;
    }
    MonteCarloOptions mco;
    long long samples = static_cast<long long>(mco.samples), seed = static_cast<long long>(mco.seed), bins = mco.histogram_bins;
    if (!option_integer(a, "samples", samples, 1, static_cast<long long>(kMaxSamples)) || !option_integer(a, "seed", seed, 0, INT64_MAX) ||
        !option_integer(a, "bins", bins, 1, 10000))
        return 2;
    mco.samples = static_cast<size_t>(samples);
    mco.seed = static_cast<uint64_t>(seed);
    mco.histogram_bins = static_cast<int>(bins);

    std::vector<Stack> stacks;                 // resolved: measured links applied
    std::vector<std::vector<LinkReport>> links;  // per stack
    std::string source;
    if (csv) {
        source = *a.option("csv");
        double unit = 1.0;
        if (auto u = a.option("unit")) {
            if (*u == "mm") unit = 1.0;
            else if (*u == "um" || *u == "µm") unit = 0.001;
            else if (*u == "in") unit = 25.4;
            else {
                std::fprintf(stderr, "error: --unit must be mm, um or in (got \"%s\")\n", u->c_str());
                return 2;
            }
        }
        std::string text;
        if (!read_text_file(source, text)) return 1;
        ContributorTable table = parse_contributor_table(text, unit);
        for (const auto& e : table.errors) std::fprintf(stderr, "%s: %s\n", source.c_str(), to_string(e).c_str());
        if (!table.errors.empty()) return 1;
        Stack s;
        s.id = "csv";
        s.name = a.option("name").value_or(source);
        s.contributors = std::move(table.contributors);
        double v = 0;
        if (a.option("lower")) { if (!option_number(a, "lower", v)) return 2; s.lower_limit = v * unit; }
        if (a.option("upper")) { if (!option_number(a, "upper", v)) return 2; s.upper_limit = v * unit; }
        if (!option_number(a, "measure-temp", s.measurement_temperature)) return 2;
        s.operating_temperature = s.measurement_temperature;
        if (!option_number(a, "operate-temp", s.operating_temperature)) return 2;
        stacks.push_back(std::move(s));
    } else {
        for (const char* o : {"unit", "lower", "upper", "measure-temp", "operate-temp", "name"})
            if (a.option(o)) {
                std::fprintf(stderr, "mfplan stack: --%s applies only with --csv\n", o);
                return 2;
            }
        source = a.positional[0];
        auto plan = load_plan_or_report(source);
        if (!plan) return 1;
        auto take = [&](size_t i) {
            ResolvedStack rs = resolve_stack_links(*plan, i);
            stacks.push_back(std::move(rs.stack));
            links.push_back(std::move(rs.links));
        };
        if (auto want = a.option("stack")) {
            for (size_t i = 0; i < plan->stacks.size(); ++i)
                if (plan->stacks[i].id == *want || plan->stacks[i].name == *want) take(i);
            if (stacks.empty()) {
                std::string known;
                for (const auto& s : plan->stacks) known += (known.empty() ? "" : ", ") + s.id;
                std::fprintf(stderr, "%s: no stack with id or name \"%s\" (stacks: %s)\n", source.c_str(), want->c_str(),
                             known.empty() ? "none" : known.c_str());
                return 1;
            }
        } else {
            for (size_t i = 0; i < plan->stacks.size(); ++i) take(i);
        }
    }
    links.resize(stacks.size());

    const bool run_mc = !a.flag("no-mc");
    json out = {{"conventions", conventions_json()}, {"source", source}, {"stacks", json::array()}};
    if (run_mc) out["conventions"]["seed"] = mco.seed;
    out["conventions"]["measured_links"] = measured_links_convention();
    bool any_error = false;
    for (size_t si = 0; si < stacks.size(); ++si) {
        const Stack& s = stacks[si];
        std::optional<MonteCarloResult> mc;
        Issues mc_errors;
        if (run_mc) {
            mc = run_monte_carlo(s, mco);
            if (!mc->errors.empty()) {
                mc_errors = std::move(mc->errors);
                mc.reset();
            }
        }
        const StackReport rep = analyze_stack(s, mc ? &*mc : nullptr);
        if (rep.errors.empty())  // the stack is fine but the Monte Carlo refused (e.g. samples × contributors): say why
            for (const auto& e : mc_errors)
                std::fprintf(stderr, "%s: stack \"%s\": Monte Carlo not run: %s\n", source.c_str(), s.id.c_str(),
                             to_string(e).c_str());
        if (!rep.errors.empty()) {
            any_error = true;
            for (const auto& e : rep.errors)
                std::fprintf(stderr, "%s: stack \"%s\": %s\n", source.c_str(), s.id.c_str(), to_string(e).c_str());
        }
        if (a.flag("json")) out["stacks"].push_back(stack_json(s, rep, mc ? &*mc : nullptr, links[si]));
        else print_text(s, rep, mc ? &*mc : nullptr, links[si]);
    }
    if (a.flag("json")) std::printf("%s\n", out.dump(2, ' ', false, json::error_handler_t::replace).c_str());
    return any_error ? 1 : 0;
}

}  // namespace mf::cli
