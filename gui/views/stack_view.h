// The tolerance-stack view ("Tolerances" tab): pick a stack, edit its contributors, its gap
// requirement and temperatures, and read worst case, RSS, statistical and Monte Carlo results
// side by side with the limits, the verdict, a contribution Pareto chart, the Monte Carlo
// histogram and, for 2D stacks, a drawing of the vector loop.
//
//   StackView stack;                                  // a member of App
//   stack.draw(doc.plan, doc.state_id, edits);       // inside the tab
//
// Holds only UI state: the selected stack and row, the paste dialog, cached analytic results
// (keyed by state id and stack) and the sliced Monte Carlo run (keyed by the stack's content,
// so an edit elsewhere in the plan does not restart it). All numbers come from
// core/tolerance (analyse_stack, MonteCarloRun); docs/tolerance.md states the conventions.
// Parts: stack_view.cpp (layout, selector, requirement, Monte Carlo),
// stack_contributors.cpp (table, paste), stack_results.cpp (results, verdict),
// stack_charts.cpp (Pareto, histogram, loop drawing).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "edits.h"
#include "view_context.h"
#include "links/measured_links.h"
#include "plan/plan.h"
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_analysis.h"

namespace mf {

struct StackView {
    // --- public knobs (tests and App) ---
    MonteCarloOptions mc_options;         // samples, seed, bins of the Monte Carlo run

    // --- selection ---
    std::string selected_id;              // stack id; empty: the first stack
    std::string selected_row;             // contributor id of the selected table row

    // --- paste dialog ---
    bool paste_open = false;
    std::string paste_text;

    // --- the Monte Carlo run of the selected stack ---
    struct MonteCarloState {
        std::string key;                          // stack id + stack content + options
        std::unique_ptr<MonteCarloRun> run;       // running (null when finished or cancelled)
        std::unique_ptr<MonteCarloResult> result; // finished result for `key`
        bool cancelled = false;
        uint64_t generation = 0;                  // bumped whenever `result` changes
    } mc;

    // --- cached analytic results ---
    struct Cache {
        uint64_t state_id = 0;
        std::string stack_id;
        uint64_t mc_generation = ~uint64_t(0);
        StackReport report;                       // of `resolved`
        std::string content_key;                  // the resolved stack's content, for the Monte Carlo key
        // Measured links applied (core/links/measured_links.h): what is analysed, and what
        // each link supplied. Made fresh on every state change, so editing the data moves it.
        ResolvedStack resolved;
    } cache;
    struct ListCache {
        uint64_t state_id = 0;
        std::vector<FitVerdict> verdicts;         // per stack (links applied), normal model (no Monte Carlo)
    } list_cache;

    // Messages for edits refused because they would make the stack invalid, by field key.
    std::map<std::string, std::string> field_errors;
    std::string notice;                           // one line about the last paste / action

    bool loop_to_scale = false;                   // loop drawing: true scale or schematic
    bool histogram_at_operating = false;          // histogram of the operating temperature

    void draw(ViewContext& ctx);
};

}  // namespace mf
