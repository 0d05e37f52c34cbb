// mfplan: the command-line twin of the browser app. Every number the app shows, a
// subcommand can print as JSON, from the same core library.
#include <cstdio>
#include <cstring>

#include "commands.h"

namespace {

struct Command {
    const char* name;
    const char* usage;
    const char* summary;
    int (*run)(int argc, char** argv);
};

// One row per subcommand; later tools add theirs here.
const Command kCommands[] = {
    {"validate", "validate FILE", "check a plan file; each error with its JSON path, exit 1 if any",
     mf::cli::cmd_validate},
    {"show", "show FILE [--json]", "print the normalized plan (as the app saves it)", mf::cli::cmd_show},
    {"stack", "stack FILE [--stack ID] [--road R] [--samples N] [--seed S] [--json]",
     "tolerance stacks: worst case, RSS, Monte Carlo, thermal, verdict (or --csv TABLE)", mf::cli::cmd_stack},
    {"decide", "decide FILE [--road R] [--samples N] [--seed S] [--max-volume V] [--json]",
     "partner decision: weighted sum, TOPSIS, AHP, flip weights, cost per good part, crossovers, split, warnings",
     mf::cli::cmd_decide},
    {"schedule", "schedule FILE [--road R] [--iterations N] [--seed S] [--json|--export F]",
     "timeline: CPM dates and floats, Monte Carlo finish dates and deadline odds; F = mspdi, ics, csv, mermaid",
     mf::cli::cmd_schedule},
    {"capability", "capability FILE.csv|PLAN.json [--feature F --lsl X --usl Y] [--json]",
     "process capability: Cp/Cpk/Pp/Ppk/Cpm, control chart, Nelson rules, Anderson-Darling, drift, pilot gate",
     mf::cli::cmd_capability},
    {"yield", "yield FILE.csv|PLAN.json [--target P] [--per-step] [--json]",
     "first-pass yield per step (and lot), rolled throughput yield, verdict against the target", mf::cli::cmd_yield},
    {"table",
     "table FILE --name matrix|cost|crossovers|cpm|stack-results|capability [--stack ID] [--dataset ID] [--tsv]",
     "one results table as the app copies it (--tsv) or saves it (CSV with BOM, the default)", mf::cli::cmd_table},
    {"report", "report FILE [--date YYYY-MM-DD]",
     "the plan report: one self-contained HTML file (charts as SVG, prints to A4/Letter) on stdout",
     mf::cli::cmd_report},
    {"compare", "compare FILE [--json]",
     "the roads side by side: cost, dates, stacks, pilot gate, score and warnings per partner (and split)",
     mf::cli::cmd_compare},
};

void print_help() {
    std::printf("mfplan - MicroFab Planner on the command line\n\nusage: mfplan COMMAND [ARGS]\n\ncommands:\n");
    for (const auto& c : kCommands) std::printf("  mfplan %s\n      %s\n", c.usage, c.summary);
    std::printf("\nExit status: 0 success, 1 invalid input or failed check, 2 usage error.\n");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        print_help();
        return argc < 2 ? 2 : 0;
    }
    for (const auto& c : kCommands)
        if (!std::strcmp(argv[1], c.name)) return c.run(argc - 2, argv + 2);
    std::fprintf(stderr, "mfplan: unknown command \"%s\" (see mfplan --help)\n", argv[1]);
    return 2;
}
