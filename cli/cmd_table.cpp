// mfplan table PLAN --name matrix|cost|crossovers|cpm|stack-results|capability
//              [--stack ID|NAME] [--dataset ID] [--samples N] [--iterations N] [--seed S] [--no-mc] [--tsv]
//
// One results table of the plan, as the app's "Save CSV…" writes it (RFC 4180, UTF-8 with
// BOM, CRLF, formula-like text neutralised; docs/architecture.md, "Tables out"), or with
// --tsv as its "Copy" puts it on the clipboard. The figures are those of the single-tool
// command with the same options (decide, schedule, stack, capability), rounded as the view
// rounds them. Exit status: 0 written (a matrix that cannot be ranked yet is written with "—"
// cells, its reasons on stderr), 1 the plan does not load or the table cannot be built (no
// CPM, an unknown or broken stack, an unknown dataset), 2 usage.
#include <cstdio>
#include <cstring>
#include <optional>

#include "args.h"
#include "capability/capability_analysis.h"
#include "capability/capability_tables.h"
#include "commands.h"
#include "decision/decision_analysis.h"
#include "decision/decision_tables.h"
#include "schedule/schedule_analysis.h"
#include "schedule/schedule_tables.h"
#include "tolerance/stack_facade.h"
#include "tolerance/stack_tables.h"

namespace mf::cli {

namespace {

const char* kUsage =
    "usage: mfplan table PLAN --name matrix|cost|crossovers|cpm|stack-results|capability\n"
    "                   [--stack ID|NAME] [--dataset ID] [--samples N] [--iterations N] [--seed S] [--no-mc]\n"
    "                   [--csv|--tsv]\n"
    "  matrix: the decision matrix with P(first) from --samples (default 20000) rank-first draws\n"
    "  cost, crossovers: cost per good part at 100 / 10 000 / 100 000 and the planned volume; crossings\n"
    "  cpm: the timeline's CPM table (with --iterations N: the Monte Carlo criticality too)\n"
    "  stack-results: one stack's results (--stack when the plan has several; Monte Carlo of --samples,\n"
    "                 default 1000000, unless --no-mc)\n"
    "  capability: one dataset's indices per feature (--dataset when the plan has several)\n"
    "  CSV (default): UTF-8 with BOM, CRLF; --tsv: the clipboard's tab-separated text\n";

struct Request {
    const Plan& plan;
    const Args& args;
    const std::string& source;
    uint64_t seed = 1;
};

std::optional<ResultTable> decision_table(const Request& q, const std::string& name) {
    DecisionOptions o;
    o.seed = q.seed;
    long long samples = static_cast<long long>(o.mc_samples);
    if (!option_integer(q.args, "samples", samples, 1, 10000000)) return std::nullopt;
    o.mc_samples = name == "matrix" ? static_cast<size_t>(samples) : 0;
    const DecisionAnalysis a = analyse_decision(q.plan, o);
    for (const auto& e : a.errors) std::fprintf(stderr, "%s: %s\n", q.source.c_str(), e.c_str());
    if (name == "matrix") return decision_matrix_table(a, q.plan.decision, &a.rank_first);
    if (name == "cost") return cost_table(a, q.plan.decision);
    return crossover_table(a, q.plan.decision);
}

std::optional<ResultTable> schedule_table(const Request& q) {
    long long iterations = 0;
    if (!option_integer(q.args, "iterations", iterations, 1, 10000000)) return std::nullopt;
    const ScheduleAnalysis a = analyse_schedule(q.plan, {static_cast<int>(iterations), q.seed});
    if (!a.cpm) {
        for (const Issue& e : a.issues)
            if (e.severity == Severity::Error) std::fprintf(stderr, "%s: %s\n", q.source.c_str(), a.text(e).c_str());
        return std::nullopt;
    }
    return cpm_table(q.plan, a);
}

std::optional<ResultTable> stack_table(const Request& q) {
    const auto& stacks = q.plan.stacks;
    const Stack* s = stacks.size() == 1 ? &stacks[0] : nullptr;
    if (auto want = q.args.option("stack")) {
        s = nullptr;
        for (const auto& x : stacks)
            if (x.id == *want || x.name == *want) s = &x;
    }
    if (!s) {
        std::fprintf(stderr, "%s: %s (stacks:", q.source.c_str(),
                     q.args.option("stack") ? "no such stack" : "choose a stack with --stack ID");
        for (const auto& x : stacks) std::fprintf(stderr, " %s", x.id.c_str());
        std::fprintf(stderr, ")\n");
        return std::nullopt;
    }
    const MonteCarloOptions defaults;
    long long samples = static_cast<long long>(defaults.samples);
    if (!option_integer(q.args, "samples", samples, 1, static_cast<long long>(kMaxSamples))) return std::nullopt;
    StackOptions o;
    o.samples = q.args.flag("no-mc") ? 0 : static_cast<size_t>(samples);
    o.seed = q.seed;
    const StackAnalysis a = analyse_stack(q.plan, s->id, o);
    if (has_errors(a.issues)) {
        for (const auto& e : a.issues)
            std::fprintf(stderr, "%s: stack \"%s\": %s\n", q.source.c_str(), s->id.c_str(), to_string(e).c_str());
        return std::nullopt;
    }
    return stack_results_table(a.stack, a.report, a.monte_carlo_result(), q.plan.meta.units);
}

std::optional<ResultTable> capability_table(const Request& q) {
    const auto& ds = q.plan.datasets;
    const Dataset* d = ds.size() == 1 ? &ds[0] : nullptr;
    if (auto want = q.args.option("dataset")) {
        d = nullptr;
        for (const auto& x : ds)
            if (x.id == *want) d = &x;
    }
    if (!d) {
        std::fprintf(stderr, "%s: %s (datasets:", q.source.c_str(),
                     q.args.option("dataset") ? "no such dataset" : "choose a dataset with --dataset ID");
        for (const auto& x : ds) std::fprintf(stderr, " %s", x.id.c_str());
        std::fprintf(stderr, ")\n");
        return std::nullopt;
    }
    return capability_indices_table(analyse_capability(q.plan, d->id, CapabilityOptions{}), q.plan.meta.units);
}

}  // namespace

int cmd_table(int argc, char** argv) {
    Args a = parse_args(argc, argv, {"name", "stack", "dataset", "samples", "iterations", "seed"});
    for (const auto& f : a.flags)
        if (f != "csv" && f != "tsv" && f != "no-mc") a.error = "unknown option --" + f;
    const std::string name = a.option("name").value_or("");
    const char* names[] = {"matrix", "cost", "crossovers", "cpm", "stack-results", "capability"};
    bool known = false;
    for (const char* n : names) known = known || name == n;
    if (a.error.empty() && !known) a.error = name.empty() ? "--name is required" : "unknown table \"" + name + "\"";
    if (a.error.empty() && a.flag("csv") && a.flag("tsv")) a.error = "--csv and --tsv exclude each other";
    if (!a.error.empty() || a.positional.size() != 1) {
        if (!a.error.empty()) std::fprintf(stderr, "mfplan table: %s\n", a.error.c_str());
        std::fputs(kUsage, stderr);
        return 2;
    }
    long long seed = 1;
    if (!option_integer(a, "seed", seed, 0, 9007199254740991LL)) return 2;
    const std::string& source = a.positional[0];
    const std::optional<Plan> plan = load_plan_or_report(source);
    if (!plan) return 1;
    const Request q{*plan, a, source, static_cast<uint64_t>(seed)};
    std::optional<ResultTable> t;
    if (name == "matrix" || name == "cost" || name == "crossovers")
        t = decision_table(q, name);
    else if (name == "cpm")
        t = schedule_table(q);
    else if (name == "stack-results")
        t = stack_table(q);
    else
        t = capability_table(q);
    if (!t) return 1;
    const std::string out = a.flag("tsv") ? table_tsv(*t) : table_csv(*t);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

}  // namespace mf::cli
