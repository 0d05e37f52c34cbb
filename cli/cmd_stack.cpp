// mfplan stack FILE [--stack ID|NAME] [--samples N] [--seed S] [--bins B] [--no-mc] [--json]
// mfplan stack --csv TABLE.csv [--unit mm|um|in] [--lower L] [--upper U]
//              [--measure-temp C] [--operate-temp C] [--name TEXT] [...the options above]
//
// Every analysis of docs/tolerance.md for each stack: worst case, RSS, statistical, Monte
// Carlo, contributions, thermal, verdict. Lengths in the JSON are millimetres. Contributors
// with a measured link (core/links/measured_links.h) are analysed with the measured σ and
// mean; each stack's "links" lists what every link supplied or why it could not. The analysis
// is core's analyse_stack (tolerance/stack_facade.h), the JSON core's stack_analysis_json.
// Exit status: 0 analysed, 1 invalid input, 2 usage error.
#include <cmath>
#include <cstdio>
#include <optional>

#include <nlohmann/json.hpp>

#include "args.h"
#include "commands.h"
#include "links/measured_links_json.h"
#include "tolerance/stack_facade.h"
#include "tolerance/stack_result_json.h"
#include "tolerance/stack_table.h"

namespace mf::cli {

namespace {

using json = nlohmann::json;

const char* kUsage =
    "usage: mfplan stack FILE [--stack ID|NAME] [--road R] [--samples N] [--seed S] [--bins B] [--no-mc] [--json]\n"
    "       mfplan stack --csv TABLE.csv [--unit mm|um|in] [--lower L] [--upper U] [--measure-temp C]\n"
    "                    [--operate-temp C] [--name TEXT] [--samples N] [--seed S] [--bins B] [--no-mc] [--json]\n"
    "  --csv columns: name, nominal, tol | tol_plus + tol_minus, and optionally id, sensitivity, kind,\n"
    "  distribution, cp, cpk, sigma, shift, skew, material, cte_ppm_per_K, measured_at, partner\n"
    "  (docs/tolerance.md); --lower/--upper are in the table's --unit (default mm).\n";

void print_opt_ppm(const char* label, const std::optional<double>& v) {
    if (v) std::printf("  %-30s %.4g ppm\n", label, *v);
}

void print_text(const StackAnalysis& a) {
    const Stack& s = a.stack;
    const StackReport& rep = a.report;
    const MonteCarloResult* mc = a.monte_carlo_result();
    const std::vector<LinkReport>& links = a.links;
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
        std::printf("  %-30s mean %.6g, sigma %.4g, skew %.3g, %zu samples, seed %llu\n", "Monte Carlo", m.mean,
                    m.sigma, m.skewness, m.n, static_cast<unsigned long long>(mc->seed));
        std::printf("  %-30s %.6g / %.6g / %.6g\n", "  0.135 / 50 / 99.865 %", m.p00135, m.p50, m.p99865);
        print_opt_ppm("  below lower limit", m.ppm_below);
        print_opt_ppm("  above upper limit", m.ppm_above);
        if (s.lower_limit || s.upper_limit)
            std::printf("  %-30s %.4g ppm (95 %% CI %.4g to %.4g)\n", "  out of limits", m.ppm_total,
                        m.ci95_total.lower, m.ci95_total.upper);
    }
    std::printf("  contributions (rank, statistical / RSS / worst-case share):\n");
    for (const auto& c : rep.contributions)
        std::printf("    %d. %-26s %5.1f %% / %5.1f %% / %5.1f %%\n", c.rank, c.name.c_str(), 100 * c.statistical_share,
                    100 * c.rss_share, 100 * c.worst_case_share);
    const ThermalResult& t = rep.thermal;
    std::printf("  %-30s %.6g at %.4g C -> %.6g at %.4g C (change %.4g)\n", "thermal: nominal gap",
                t.nominal_at_measurement, t.measurement_temperature, t.nominal_at_operating, t.operating_temperature,
                t.gap_change);
    std::printf("  %-30s %.6g .. %.6g\n", "  worst case at operating", t.worst_case_at_operating.min,
                t.worst_case_at_operating.max);
    std::printf("  verdict: %s\n", rep.fit.reason.c_str());
}

}  // namespace

int cmd_stack(int argc, char** argv) {
    Args a = parse_args(argc, argv,
                        {"stack", "samples", "seed", "bins", "csv", "unit", "lower", "upper", "measure-temp",
                         "operate-temp", "name", "road"});
    for (const auto& f : a.flags)
        if (f != "json" && f != "no-mc") a.error = "unknown option --" + f;
    const bool csv = a.option("csv").has_value();
    if (!a.error.empty() || (csv ? !a.positional.empty() : a.positional.size() != 1)) {
        if (!a.error.empty()) std::fprintf(stderr, "mfplan stack: %s\n", a.error.c_str());
        std::fputs(kUsage, stderr);
        return 2;
    }
    const MonteCarloOptions mc_defaults;
    long long samples = static_cast<long long>(mc_defaults.samples), seed = static_cast<long long>(mc_defaults.seed),
              bins = mc_defaults.histogram_bins;
    if (!option_integer(a, "samples", samples, 1, static_cast<long long>(kMaxSamples)) ||
        !option_integer(a, "seed", seed, 0, INT64_MAX) || !option_integer(a, "bins", bins, 1, 10000))
        return 2;
    const bool run_mc = !a.flag("no-mc");
    StackOptions opts;  // the Monte Carlo's samples, seed and bins (none with --no-mc)
    opts.samples = run_mc ? static_cast<size_t>(samples) : 0;
    opts.seed = static_cast<uint64_t>(seed);
    opts.histogram_bins = static_cast<int>(bins);

    // What to analyse: the CSV table as one stack, or the plan's stacks by id.
    std::optional<Stack> csv_stack;
    std::optional<Plan> plan;
    std::vector<std::string> stack_ids;
    std::string source;
    if (csv) {
        if (a.option("road")) {
            std::fprintf(stderr, "mfplan stack: --road applies to a plan file, not to --csv\n");
            return 2;
        }
        source = *a.option("csv");
        double unit = 1.0;
        if (auto u = a.option("unit")) {
            if (*u == "mm")
                unit = 1.0;
            else if (*u == "um" || *u == "µm")
                unit = 0.001;
            else if (*u == "in")
                unit = 25.4;
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
        if (a.option("lower")) {
            if (!option_number(a, "lower", v)) return 2;
            s.lower_limit = v * unit;
        }
        if (a.option("upper")) {
            if (!option_number(a, "upper", v)) return 2;
            s.upper_limit = v * unit;
        }
        if (!option_number(a, "measure-temp", s.measurement_temperature)) return 2;
        s.operating_temperature = s.measurement_temperature;
        if (!option_number(a, "operate-temp", s.operating_temperature)) return 2;
        csv_stack = std::move(s);
    } else {
        for (const char* o : {"unit", "lower", "upper", "measure-temp", "operate-temp", "name"})
            if (a.option(o)) {
                std::fprintf(stderr, "mfplan stack: --%s applies only with --csv\n", o);
                return 2;
            }
        source = a.positional[0];
        plan = load_plan_or_report(source);
        if (!plan) return 1;
        if (!take_road(a.option("road").value_or(""), *plan, source)) return 1;
        if (auto want = a.option("stack")) {
            for (const auto& s : plan->stacks)
                if (s.id == *want || s.name == *want) stack_ids.push_back(s.id);
            if (stack_ids.empty()) {
                std::string known;
                for (const auto& s : plan->stacks) known += (known.empty() ? "" : ", ") + s.id;
                std::fprintf(stderr, "%s: no stack with id or name \"%s\" (stacks: %s)\n", source.c_str(),
                             want->c_str(), known.empty() ? "none" : known.c_str());
                return 1;
            }
        } else {
            for (const auto& s : plan->stacks) stack_ids.push_back(s.id);
        }
    }

    json out = {{"conventions", stack_conventions_json()}, {"source", source}, {"stacks", json::array()}};
    if (run_mc) out["conventions"]["seed"] = opts.seed;
    out["conventions"]["measured_links"] = measured_links_convention();
    bool any_error = false;
    auto report = [&](const StackAnalysis& an) {
        if (has_errors(an.issues)) {
            any_error = true;
            for (const auto& e : an.issues)
                std::fprintf(stderr, "%s: stack \"%s\": %s\n", source.c_str(), an.stack.id.c_str(),
                             to_string(e).c_str());
        } else {  // the stack is fine but the Monte Carlo refused (e.g. samples × contributors): say why
            const std::string mc = "/monte_carlo/";
            for (const auto& e : an.issues)
                if (e.where.rfind(mc, 0) == 0)
                    std::fprintf(stderr, "%s: stack \"%s\": Monte Carlo not run: %s: %s\n", source.c_str(),
                                 an.stack.id.c_str(), e.where.substr(mc.size()).c_str(), e.message.c_str());
        }
        if (a.flag("json"))
            out["stacks"].push_back(stack_analysis_json(an));
        else
            print_text(an);
    };
    if (csv_stack) report(analyse_stack_without_plan(*csv_stack, opts));
    for (const std::string& id : stack_ids) report(analyse_stack(*plan, id, opts));
    if (a.flag("json")) std::printf("%s\n", out.dump(2, ' ', false, json::error_handler_t::replace).c_str());
    return any_error ? 1 : 0;
}

}  // namespace mf::cli
