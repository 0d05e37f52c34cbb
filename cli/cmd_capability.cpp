// mfplan capability FILE.csv --feature NAME --lsl X --usl Y [--target T]
//                  [--subgroup N | --subgroup-column C] [--sigma rbar|sbar|pooled]
//                  [--chart auto|xbar-r|xbar-s|i-mr] [--rules nelson|western-electric]
//                  [--part-interval K] [--min-cpk C] [--delimiter ,|;|tab] [--decimal .|,] [--json]
// mfplan capability PLAN.json [--dataset ID] [--json]       every feature of the plan's datasets
// mfplan yield FILE.csv|PLAN.json [--target P] [--per-step] [--json]
//
// Exit status: 0 when the analysis ran (whatever the verdict), 1 invalid input, 2 usage.
#include <cmath>
#include <cstdio>
#include <cstring>

#include <nlohmann/json.hpp>

#include "args.h"
#include "capability/analysis.h"
#include "capability/table_import.h"
#include "capability/yield.h"
#include "commands.h"
#include "plan/plan_file.h"

namespace mf::cli {

namespace {

using nlohmann::json;

json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
json num(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
json interval(const std::optional<Interval>& i) {
    return i ? json{{"lower", i->lower}, {"upper", i->upper}} : json(nullptr);
}
json ppm(const Ppm& p) { return {{"below_lsl", p.below}, {"above_usl", p.above}, {"total", p.total}}; }

const char* dispersion_name(ChartType t) {
    return t == ChartType::XbarR ? "R" : t == ChartType::XbarS ? "S" : "MR";
}

std::string gate_text(const GateSettings& g) {
    char b[300];
    std::snprintf(b, sizeof b,
                  "capable when %s of Cpk >= %.2f; not enough data below %lld values or %lld subgroups",
                  g.use_lower_bound ? ("the one-sided lower " + std::to_string(static_cast<int>(g.confidence * 100 + 0.5)) +
                                       " % confidence bound (Bissell)").c_str()
                                    : "the point estimate",
                  g.min_cpk, static_cast<long long>(g.min_values), static_cast<long long>(g.min_subgroups));
    return b;
}

json conventions(const AnalysisOptions& o, const Dataset& d) {
    return {
        {"sigma_within", std::string(sigma_method_name(o.sigma ? *o.sigma : d.sigma)) +
                             " for subgroups of 2 or more (pooled: pooled SD / c4(d+1), d = sum(n_i - 1); rbar: "
                             "Rbar/d2; sbar: Sbar/c4), MRbar/d2(2) (moving range, span 2) for individual values"},
        {"constants", "d2, d3 tabulated to 6 decimals (n = 2..25); c4 exact from the gamma function; A2, A3, "
                      "D3, D4, B3, B4 from their definitions"},
        {"sigma_overall", "sample standard deviation, divisor n - 1, no c4 correction (Minitab default)"},
        {"width", "6 sigma: Cp = (USL - LSL)/6s, Cpk = min(USL - mean, mean - LSL)/3s"},
        {"cpm", "min(T - LSL, USL - T) / (3 sqrt(sum (x - T)^2 / (N - 1))), T = nominal (Minitab)"},
        {"cpk_interval", "Bissell normal approximation as Minitab: Cpk +/- z sqrt(1/(9N) + Cpk^2/(2 nu)), nu "
                         "of the within estimator (pooled sum(n_i - 1); rbar 0.9 k (n - 1); sbar f_n k (n - 1); "
                         "moving range N - 1); Ppk uses nu = N - 1"},
        {"gate", gate_text(d.gate)},
        {"ppm_expected", "normal tails: within uses sigma_within, overall uses sigma_overall, both about the mean"},
        {"ppm_observed", "values strictly below LSL or above USL, per million values"},
        {"chart", "auto: I-MR for subgroups of 1, Xbar-R up to 8, Xbar-S from 9; 3-sigma limits"},
        {"rules", std::string(o.rules.name) +
                      ": Nelson numbering, Minitab K (1: 1 point > 3s; 2: 9 same side; 3: 6 trending; 4: 14 "
                      "alternating; 5: 2 of 3 > 2s same side; 6: 4 of 5 > 1s same side; 7: 15 within 1s; 8: 8 "
                      "beyond 1s either side); western-electric = rules 1, 2 (K = 8), 5, 6. Location chart: all "
                      "rules; dispersion chart: rule 1. Index = 1-based point number that completes the pattern"},
        {"normality", "Anderson-Darling A^2 (mean and n-1 SD estimated), p from D'Agostino & Stephens for "
                      "A*^2 = A^2 (1 + 0.75/n + 2.25/n^2); not normal when p < 0.05"},
        {"non_normal", "percentile method on the data's 0.135/50/99.865 % points (type 7) and a "
                       "maximum-likelihood lognormal; shown only when not normal"},
        {"drift", "least-squares slope of value vs row number, per 100 parts = 100 slope / part_interval; "
                  "two-sided t-test, df = n - 2"},
        {"indices", "1-based"},
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
        if (!c.error.empty()) { k["error"] = c.error; return k; }
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

void print_text(const FeatureAnalysis& a) {
    std::printf("%s (%zu values, %zu subgroups of %zu)\n", a.feature_name.c_str(), a.values, a.subgroups,
                a.subgroup_size);
    for (const auto& e : a.errors) std::printf("  error: %s\n", to_string(e).c_str());
    auto show = [](const char* name, const std::optional<double>& v) {
        if (v) std::printf("  %-22s %.4f\n", name, *v);
    };
    if (a.values) std::printf("  %-22s %.6g\n", "mean", a.mean);
    if (a.within.sigma > 0) std::printf("  %-22s %.6g (%s)\n", "sigma within", a.within.sigma, a.within.method.c_str());
    if (a.overall.sigma > 0) std::printf("  %-22s %.6g\n", "sigma overall", a.overall.sigma);
    show("Cp", a.cap.cp);
    show("Cpk", a.cap.cpk);
    if (a.cap.cpk_ci95) std::printf("  %-22s %.4f .. %.4f\n", "Cpk 95 % interval", a.cap.cpk_ci95->lower, a.cap.cpk_ci95->upper);
    show("Pp", a.cap.pp);
    show("Ppk", a.cap.ppk);
    show("Cpm", a.cap.cpm);
    if (a.cap.cpk)
        std::printf("  %-22s %.2f within, %.2f overall, %.0f observed\n", "ppm", a.cap.ppm_within.total,
                    a.cap.ppm_overall.total, a.cap.ppm_observed.total);
    if (a.chart.error.empty() && !a.chart.points.empty())
        std::printf("  %-22s %s: centre %.6g, limits %.6g .. %.6g; %zu rule violations\n", "control chart",
                    chart_type_name(a.chart.type), a.chart.center, a.chart.lcl, a.chart.ucl,
                    a.violations.size() + a.dispersion_violations.size());
    if (a.ad.error.empty()) std::printf("  %-22s A2 = %.4f, p = %.4f\n", "Anderson-Darling", a.ad.a2, a.ad.p);
    if (a.drift.error.empty())
        std::printf("  %-22s %+.4g %s per 100 parts (p = %.3g)\n", "drift", a.drift.slope_per_100_parts,
                    a.units.c_str(), a.drift.p);
    for (const auto& w : a.warnings) std::printf("  warning: %s\n", w.c_str());
    std::printf("  verdict: %s — %s\n", gate_verdict_name(a.gate.verdict), a.gate.reason.c_str());
}

bool looks_like_plan(const std::string& path, const std::string& text) {
    if (path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0) return true;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
        return c == '{';
    }
    return false;
}

bool table_options(const Args& a, TableOptions& t) {
    if (auto d = a.option("delimiter")) {
        if (*d == "," || *d == "comma") t.delimiter = ',';
        else if (*d == ";" || *d == "semicolon") t.delimiter = ';';
        else if (*d == "tab" || *d == "\\t" || *d == "\t") t.delimiter = '\t';
        else { std::fprintf(stderr, "error: --delimiter must be , ; or tab\n"); return false; }
    }
    if (auto d = a.option("decimal")) {
        if (*d == "." || *d == "point") t.decimal = '.';
        else if (*d == "," || *d == "comma") t.decimal = ',';
        else { std::fprintf(stderr, "error: --decimal must be . or ,\n"); return false; }
    }
    return true;
}

void report(const Issues& errors, const std::string& file) {
    for (const auto& e : errors) std::fprintf(stderr, "%s: %s\n", file.c_str(), to_string(e).c_str());
}

}  // namespace

int cmd_capability(int argc, char** argv) {
    Args a = parse_args(argc, argv, {"feature", "lsl", "usl", "target", "nominal", "subgroup", "subgroup-column",
                                     "sigma", "chart", "rules", "part-interval", "min-cpk", "delimiter", "decimal",
                                     "dataset"});
    if (!a.error.empty() || a.positional.size() != 1) {
        if (!a.error.empty()) std::fprintf(stderr, "error: %s\n", a.error.c_str());
        std::fprintf(stderr,
                     "usage: mfplan capability FILE.csv --feature NAME --lsl X --usl Y [--target T]\n"
                     "         [--subgroup N | --subgroup-column C] [--sigma rbar|sbar|pooled] [--json]\n"
                     "       mfplan capability PLAN.json [--dataset ID] [--json]\n");
        return 2;
    }
    AnalysisOptions opt;
    if (auto s = a.option("sigma")) {
        if (*s == "pooled") opt.sigma = SigmaMethod::Pooled;
        else if (*s == "rbar") opt.sigma = SigmaMethod::RBar;
        else if (*s == "sbar") opt.sigma = SigmaMethod::SBar;
        else { std::fprintf(stderr, "error: --sigma must be pooled, rbar or sbar (got \"%s\")\n", s->c_str()); return 2; }
    }
    if (auto c = a.option("chart")) {
        if (*c == "auto") opt.chart = ChartType::Auto;
        else if (*c == "xbar-r") opt.chart = ChartType::XbarR;
        else if (*c == "xbar-s") opt.chart = ChartType::XbarS;
        else if (*c == "i-mr") opt.chart = ChartType::IMR;
        else { std::fprintf(stderr, "error: --chart must be auto, xbar-r, xbar-s or i-mr\n"); return 2; }
    }
    if (auto r = a.option("rules")) {
        if (*r == "nelson") opt.rules = RuleSettings::nelson();
        else if (*r == "western-electric" || *r == "we") opt.rules = RuleSettings::western_electric();
        else { std::fprintf(stderr, "error: --rules must be nelson or western-electric\n"); return 2; }
    }
    const std::string path = a.positional[0];
    std::string text;
    if (!read_text_file(path, text)) return 1;

    json out;
    if (looks_like_plan(path, text)) {
        auto plan = load_plan_or_report(path);
        if (!plan) return 1;
        json ds = json::array();
        bool found = false;
        for (const auto& d : plan->datasets) {
            if (auto want = a.option("dataset"); want && *want != d.id) continue;
            found = true;
            const auto results = analyse_dataset(d, opt);
            json fs = json::array();
            for (const auto& r : results) {
                if (a.flag("json")) fs.push_back(feature_json(r));
                else print_text(r);
            }
            ds.push_back({{"id", d.id}, {"name", d.name}, {"features", fs}, {"conventions", conventions(opt, d)}});
        }
        if (a.option("dataset") && !found) {
            std::fprintf(stderr, "error: the plan has no dataset \"%s\"\n", a.option("dataset")->c_str());
            return 1;
        }
        if (a.flag("json")) std::puts(json{{"datasets", ds}}.dump(2, ' ', false, json::error_handler_t::replace).c_str());
        return 0;
    }

    // A table: CSV, TSV or pasted text.
    TableOptions topt;
    if (!table_options(a, topt)) return 2;
    TableReadResult t = read_table(text, topt);
    if (!t.errors.empty()) { report(t.errors, path); return 1; }
    DatasetImportOptions iopt;
    if (auto f = a.option("feature")) iopt.features = {*f};
    if (auto c = a.option("subgroup-column")) iopt.subgroup_column = *c;
    long long n = 1;
    if (!option_integer(a, "subgroup", n, 1, 1000)) return 2;
    if (a.option("subgroup") && a.option("subgroup-column")) {
        std::fprintf(stderr, "error: give --subgroup N or --subgroup-column C, not both\n");
        return 2;
    }
    iopt.subgroup_size = n;
    iopt.name = path;
    DatasetImportResult imp = dataset_from_table(t.table, iopt);
    if (!imp.errors.empty()) { report(imp.errors, path); return 1; }
    Dataset& d = imp.dataset;
    if (a.option("subgroup")) d.subgroups.reset();   // --subgroup N overrides a column found by name
    long long interval = 1;
    if (!option_integer(a, "part-interval", interval, 1, 1000000)) return 2;
    d.part_interval = interval;
    double min_cpk = d.gate.min_cpk;
    if (!option_number(a, "min-cpk", min_cpk)) return 2;
    d.gate.min_cpk = min_cpk;
    for (auto& f : d.features) {
        double v = 0;
        if (a.option("lsl")) { if (!option_number(a, "lsl", v)) return 2; f.lsl = v; }
        if (a.option("usl")) { if (!option_number(a, "usl", v)) return 2; f.usl = v; }
        if (a.option("target")) { if (!option_number(a, "target", v)) return 2; f.nominal = v; }
        if (a.option("nominal")) { if (!option_number(a, "nominal", v)) return 2; f.nominal = v; }
    }
    const auto results = analyse_dataset(d, opt);
    bool failed = false;
    for (const auto& r : results) failed = failed || !r.errors.empty();
    if (a.flag("json")) {
        if (results.size() == 1) {
            out = feature_json(results[0]);
        } else {
            out["features"] = json::array();
            for (const auto& r : results) out["features"].push_back(feature_json(r));
        }
        out["conventions"] = conventions(opt, d);
        std::puts(out.dump(2, ' ', false, json::error_handler_t::replace).c_str());
    } else {
        for (const auto& note : imp.notes) std::printf("%s\n", note.c_str());
        for (const auto& r : results) print_text(r);
    }
    for (const auto& r : results)
        for (const auto& e : r.errors) std::fprintf(stderr, "%s: %s\n", path.c_str(), to_string(e).c_str());
    return failed ? 1 : 0;
}

int cmd_yield(int argc, char** argv) {
    Args a = parse_args(argc, argv, {"target", "delimiter", "decimal", "dataset"});
    if (!a.error.empty() || a.positional.size() != 1) {
        if (!a.error.empty()) std::fprintf(stderr, "error: %s\n", a.error.c_str());
        std::fprintf(stderr, "usage: mfplan yield FILE.csv|PLAN.json [--target 0.95] [--per-step] [--json]\n");
        return 2;
    }
    const std::string path = a.positional[0];
    std::string text;
    if (!read_text_file(path, text)) return 1;
    std::vector<YieldRecord> records;
    YieldSettings settings;
    if (looks_like_plan(path, text)) {
        auto plan = load_plan_or_report(path);
        if (!plan) return 1;
        bool found = false;
        for (const auto& d : plan->datasets) {
            if (auto want = a.option("dataset"); want && *want != d.id) continue;
            if (d.yield.empty()) continue;
            if (found) {
                std::fprintf(stderr, "error: several datasets hold yield records; choose one with --dataset ID\n");
                return 2;
            }
            found = true;
            records = d.yield;
            settings = d.yield_settings;
        }
        if (!found) { std::fprintf(stderr, "%s: no dataset holds first-pass-yield records\n", path.c_str()); return 1; }
    } else {
        TableOptions topt;
        if (!table_options(a, topt)) return 2;
        TableReadResult t = read_table(text, topt);
        if (!t.errors.empty()) { report(t.errors, path); return 1; }
        YieldImportResult y = yield_from_table(t.table);
        if (!y.errors.empty()) { report(y.errors, path); return 1; }
        records = std::move(y.records);
    }
    if (a.option("target")) {
        double target = 0;
        if (!option_number(a, "target", target)) return 2;
        if (!(target > 0 && target <= 1)) { std::fprintf(stderr, "error: --target must be a fraction in (0, 1]\n"); return 2; }
        settings.target = target;
    }
    if (a.flag("per-step")) settings.applies_to = YieldTarget::PerStep;
    const YieldResult r = first_pass_yield(records, settings);
    if (!r.errors.empty()) { report(r.errors, path); return 1; }
    if (a.flag("json")) {
        json steps = json::array();
        for (const auto& s : r.steps) {
            json lots = json::array();
            for (const auto& l : s.lots)
                lots.push_back({{"lot", l.lot}, {"passed", l.passed}, {"failed", l.failed}, {"fpy", l.fpy},
                                {"ci95", {{"lower", l.ci95.lower}, {"upper", l.ci95.upper}}}});
            steps.push_back({{"name", s.name}, {"passed", s.passed}, {"failed", s.failed}, {"fpy", s.fpy},
                             {"ci95", {{"lower", s.ci95.lower}, {"upper", s.ci95.upper}}},
                             {"meets_target", s.meets_target}, {"lots", lots}});
        }
        json out = {{"steps", steps},
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
                      {"rty_interval", "product of per-step Wilson intervals at 1 - 0.05/m (Bonferroni): "
                                       "conservative, at least 95 % jointly"},
                      {"verdict", "point estimate against the target; rolled (default) or per step"}}}};
        std::puts(out.dump(2, ' ', false, json::error_handler_t::replace).c_str());
    } else {
        for (const auto& s : r.steps)
            std::printf("  %-24s FPY %6.2f %%  (95 %% %.2f .. %.2f %%)  %lld passed, %lld failed\n", s.name.c_str(),
                        100 * s.fpy, 100 * s.ci95.lower, 100 * s.ci95.upper, static_cast<long long>(s.passed),
                        static_cast<long long>(s.failed));
        std::printf("  %-24s RTY %6.2f %%  (95 %% %.2f .. %.2f %%)\n", "rolled throughput", 100 * r.rty,
                    100 * r.rty_ci95.lower, 100 * r.rty_ci95.upper);
        std::printf("  verdict: %s — %s\n", yield_verdict_name(r.verdict), r.reason.c_str());
    }
    return 0;
}

}  // namespace mf::cli
