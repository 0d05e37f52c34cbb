// mfplan compare FILE [--iterations N] [--seed S] [--json]
// The roads side by side (core/roads/roads_analysis.h): for each partner, and the split plan when
// the decision defines one, what the plan implies if that road is taken. Every figure is what
// `mfplan schedule|stack|decide --road ROAD` gives for it (docs/roads.md).
// Exit 0 on success, 1 when the plan is invalid or has no roads, 2 on a usage error.
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "roads/plan_for_road.h"
#include "roads/roads_analysis.h"
#include "roads/roads_analysis_json.h"

namespace mf::cli {

bool take_road(const std::string& road, Plan& plan, const std::string& file) {
    if (road.empty()) return true;
    if (!is_road(plan, road)) {
        std::string known;
        for (const auto& id : road_ids(plan)) known += (known.empty() ? "" : ", ") + id;
        std::fprintf(stderr, "%s: no road \"%s\" (roads: %s)\n", file.c_str(), road.c_str(),
                     known.empty() ? "none: the plan has no partners" : known.c_str());
        return false;
    }
    plan = plan_for_road(plan, road);
    return true;
}

int cmd_compare(int argc, char** argv) {
    Args a = parse_args(argc, argv, {"iterations", "seed"});
    for (const auto& f : a.flags)
        if (f != "json") a.error = "unknown option --" + f;
    if (!a.error.empty() || a.positional.size() != 1) {
        if (!a.error.empty()) std::fprintf(stderr, "mfplan compare: %s\n", a.error.c_str());
        std::fputs("usage: mfplan compare FILE [--iterations N] [--seed S] [--json]\n", stderr);
        return 2;
    }
    RoadsOptions o;
    long long iterations = o.schedule.iterations, seed = static_cast<long long>(o.schedule.seed);
    if (!option_integer(a, "iterations", iterations, 0, 10000000) ||
        !option_integer(a, "seed", seed, 0, 9007199254740991LL))
        return 2;
    o.schedule.iterations = static_cast<int>(iterations);
    o.schedule.seed = static_cast<uint64_t>(seed);
    const std::string file = a.positional[0];
    auto plan = load_plan_or_report(file);
    if (!plan) return 1;
    if (road_ids(*plan).empty()) {
        std::fprintf(stderr, "%s: the plan has no partners, so no roads to compare\n", file.c_str());
        return 1;
    }
    const RoadsAnalysis r = analyse_roads(*plan, o);
    if (a.flag("json")) {
        std::printf("%s\n",
                    roads_analysis_json(r, plan->meta.name)
                        .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                        .c_str());
        return 0;
    }
    std::printf("%s — the roads side by side\n", plan->meta.name.c_str());
    std::printf("  recommended: %s. %s\n\n", r.recommended.empty() ? "none" : r.recommended.c_str(), r.why.c_str());
    // The table as core builds it (roads_table), one "column: value" line per cell: wide tables
    // do not fit a terminal.
    const ResultTable t = roads_table(r);
    for (const auto& row : t.rows) {
        std::printf("  %s\n", row.front().text.c_str());
        for (size_t c = 1; c < row.size() && c < t.columns.size(); ++c)
            std::printf("    %-44s %s\n", t.columns[c].c_str(), row[c].text.c_str());
        for (const auto& f : r.roads)
            if (f.name == row.front().text && !f.schedule_error.empty())
                std::printf("    %-44s %s\n", "schedule", f.schedule_error.c_str());
    }
    return 0;
}

}  // namespace mf::cli
