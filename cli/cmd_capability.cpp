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
#include "capability/capability_analysis.h"
#include "capability/capability_analysis_json.h"
#include "capability/table_import.h"
#include "capability/yield.h"
#include "commands.h"
#include "plan/plan_file.h"

namespace mf::cli {

namespace {

using nlohmann::json;

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
    if (a.cap.cpk_ci95)
        std::printf("  %-22s %.4f .. %.4f\n", "Cpk 95 % interval", a.cap.cpk_ci95->lower, a.cap.cpk_ci95->upper);
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
        if (*d == "," || *d == "comma")
            t.delimiter = ',';
        else if (*d == ";" || *d == "semicolon")
            t.delimiter = ';';
        else if (*d == "tab" || *d == "\\t" || *d == "\t")
            t.delimiter = '\t';
        else {
            std::fprintf(stderr, "error: --delimiter must be , ; or tab\n");
            return false;
        }
    }
    if (auto d = a.option("decimal")) {
        if (*d == "." || *d == "point")
            t.decimal = '.';
        else if (*d == "," || *d == "comma")
            t.decimal = ',';
        else {
            std::fprintf(stderr, "error: --decimal must be . or ,\n");
            return false;
        }
    }
    return true;
}

void report(const Issues& errors, const std::string& file) {
    for (const auto& e : errors) std::fprintf(stderr, "%s: %s\n", file.c_str(), to_string(e).c_str());
}

}  // namespace

int cmd_capability(int argc, char** argv) {
    Args a = parse_args(argc, argv,
                        {"feature", "lsl", "usl", "target", "nominal", "subgroup", "subgroup-column", "sigma", "chart",
                         "rules", "part-interval", "min-cpk", "delimiter", "decimal", "dataset"});
    if (!a.error.empty() || a.positional.size() != 1) {
        if (!a.error.empty()) std::fprintf(stderr, "error: %s\n", a.error.c_str());
        std::fprintf(stderr,
                     "usage: mfplan capability FILE.csv --feature NAME --lsl X --usl Y [--target T]\n"
                     "         [--subgroup N | --subgroup-column C] [--sigma rbar|sbar|pooled] [--json]\n"
                     "       mfplan capability PLAN.json [--dataset ID] [--json]\n");
        return 2;
    }
    CapabilityOptions opt;
    if (auto s = a.option("sigma")) {
        if (*s == "pooled")
            opt.sigma = SigmaMethod::Pooled;
        else if (*s == "rbar")
            opt.sigma = SigmaMethod::RBar;
        else if (*s == "sbar")
            opt.sigma = SigmaMethod::SBar;
        else {
            std::fprintf(stderr, "error: --sigma must be pooled, rbar or sbar (got \"%s\")\n", s->c_str());
            return 2;
        }
    }
    if (auto c = a.option("chart")) {
        if (*c == "auto")
            opt.chart = ChartType::Auto;
        else if (*c == "xbar-r")
            opt.chart = ChartType::XbarR;
        else if (*c == "xbar-s")
            opt.chart = ChartType::XbarS;
        else if (*c == "i-mr")
            opt.chart = ChartType::IMR;
        else {
            std::fprintf(stderr, "error: --chart must be auto, xbar-r, xbar-s or i-mr\n");
            return 2;
        }
    }
    if (auto r = a.option("rules")) {
        if (*r == "nelson")
            opt.rules = RuleSettings::nelson();
        else if (*r == "western-electric" || *r == "we")
            opt.rules = RuleSettings::western_electric();
        else {
            std::fprintf(stderr, "error: --rules must be nelson or western-electric\n");
            return 2;
        }
    }
    const std::string path = a.positional[0];
    std::string text;
    if (!read_text_file(path, text)) return 1;

    if (looks_like_plan(path, text)) {
        auto plan = load_plan_or_report(path);
        if (!plan) return 1;
        json ds = json::array();
        bool found = false;
        for (const auto& d : plan->datasets) {
            if (auto want = a.option("dataset"); want && *want != d.id) continue;
            found = true;
            const CapabilityAnalysis r = analyse_capability(*plan, d.id, opt);
            if (a.flag("json"))
                ds.push_back(capability_json(r));
            else
                for (const auto& f : r.features) print_text(*f);
        }
        if (a.option("dataset") && !found) {
            std::fprintf(stderr, "error: the plan has no dataset \"%s\"\n", a.option("dataset")->c_str());
            return 1;
        }
        if (a.flag("json"))
            std::puts(json{{"datasets", ds}}.dump(2, ' ', false, json::error_handler_t::replace).c_str());
        return 0;
    }

    // A table: CSV, TSV or pasted text.
    TableOptions topt;
    if (!table_options(a, topt)) return 2;
    TableReadResult t = read_table(text, topt);
    if (!t.errors.empty()) {
        report(t.errors, path);
        return 1;
    }
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
    if (!imp.errors.empty()) {
        report(imp.errors, path);
        return 1;
    }
    Dataset& d = imp.dataset;
    if (a.option("subgroup")) d.subgroups.reset();  // --subgroup N overrides a column found by name
    long long interval = 1;
    if (!option_integer(a, "part-interval", interval, 1, 1000000)) return 2;
    d.part_interval = interval;
    double min_cpk = d.gate.min_cpk;
    if (!option_number(a, "min-cpk", min_cpk)) return 2;
    d.gate.min_cpk = min_cpk;
    for (auto& f : d.features) {
        double v = 0;
        if (a.option("lsl")) {
            if (!option_number(a, "lsl", v)) return 2;
            f.lsl = v;
        }
        if (a.option("usl")) {
            if (!option_number(a, "usl", v)) return 2;
            f.usl = v;
        }
        if (a.option("target")) {
            if (!option_number(a, "target", v)) return 2;
            f.nominal = v;
        }
        if (a.option("nominal")) {
            if (!option_number(a, "nominal", v)) return 2;
            f.nominal = v;
        }
    }
    const CapabilityAnalysis r = analyse_capability(d, opt);
    bool failed = false;
    for (const auto& f : r.features) failed = failed || !f->errors.empty();
    if (a.flag("json")) {
        std::puts(capability_table_json(r).dump(2, ' ', false, json::error_handler_t::replace).c_str());
    } else {
        for (const auto& note : imp.notes) std::printf("%s\n", note.c_str());
        for (const auto& f : r.features) print_text(*f);
    }
    for (const auto& f : r.features)
        for (const auto& e : f->errors) std::fprintf(stderr, "%s: %s\n", path.c_str(), to_string(e).c_str());
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
        if (!found) {
            std::fprintf(stderr, "%s: no dataset holds first-pass-yield records\n", path.c_str());
            return 1;
        }
    } else {
        TableOptions topt;
        if (!table_options(a, topt)) return 2;
        TableReadResult t = read_table(text, topt);
        if (!t.errors.empty()) {
            report(t.errors, path);
            return 1;
        }
        YieldImportResult y = yield_from_table(t.table);
        if (!y.errors.empty()) {
            report(y.errors, path);
            return 1;
        }
        records = std::move(y.records);
    }
    if (a.option("target")) {
        double target = 0;
        if (!option_number(a, "target", target)) return 2;
        if (!(target > 0 && target <= 1)) {
            std::fprintf(stderr, "error: --target must be a fraction in (0, 1]\n");
            return 2;
        }
        settings.target = target;
    }
    if (a.flag("per-step")) settings.applies_to = YieldTarget::PerStep;
    const YieldResult r = first_pass_yield(records, settings);
    if (!r.errors.empty()) {
        report(r.errors, path);
        return 1;
    }
    if (a.flag("json")) {
        std::puts(yield_json(r, settings).dump(2, ' ', false, json::error_handler_t::replace).c_str());
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
