// The subcommands of mfplan. Each lives in its own cmd_*.cpp and is listed once in the
// table in main.cpp; argv starts after the subcommand's name.
#pragma once
#include <optional>
#include <string>

#include "plan/plan.h"

namespace mf::cli {

int cmd_validate(int argc, char** argv);
int cmd_show(int argc, char** argv);
int cmd_stack(int argc, char** argv);       // cmd_stack.cpp: tolerance stacks
int cmd_decide(int argc, char** argv);      // cmd_decide.cpp: partner decision matrix
int cmd_schedule(int argc, char** argv);    // cmd_schedule.cpp: timeline (CPM, Monte Carlo, exports)
int cmd_capability(int argc, char** argv);  // cmd_capability.cpp: capability / SPC; also cmd_yield
int cmd_yield(int argc, char** argv);       // cmd_capability.cpp: first-pass and rolled throughput yield
int cmd_table(int argc, char** argv);       // cmd_table.cpp: one results table as CSV or tab-separated text
int cmd_report(int argc, char** argv);      // cmd_report.cpp: the plan report (HTML)
int cmd_compare(int argc, char** argv);     // cmd_compare.cpp: the roads side by side

// --road ID (cmd_compare.cpp): replaces the plan by plan_for_road(plan, ID) (core/roads/plan_for_road.h);
// false, with the known roads on stderr, when the plan has no such road. No --road: unchanged.
bool take_road(const std::string& road_option, Plan& plan, const std::string& file);

// Loads a plan file, printing each error with its JSON path on stderr when it fails.
std::optional<Plan> load_plan_or_report(const std::string& path);

}  // namespace mf::cli
