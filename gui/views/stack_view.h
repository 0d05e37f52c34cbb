// The tolerance-stack view ("Tolerances" tab): pick a stack, edit its contributors, its gap
// requirement and temperatures, and read worst case, RSS, statistical and Monte Carlo results
// side by side with the limits, the verdict, a contribution Pareto chart, the Monte Carlo
// histogram and, for 2D stacks, a drawing of the vector loop.
//
//   StackView stack;                                  // a member of App
//   stack.draw(ctx);                                  // inside the tab (view_context.h)
//
// Holds only UI state: the selected stack and row, the paste dialog, the analysis it draws
// (core's analyse_stack, cached by plan state and stack) and the Monte Carlo job runner
// (its inputs are the resolved stack and the options, compared by value, so an edit
// elsewhere in the plan does not restart it). Every edit is a core operation
// (tolerance/stack_edit.h) or one field set, pushed to ctx.edits; the document refuses what
// check_plan refuses and the reason shows at the field. docs/tolerance.md states the
// conventions.
// Parts: stack_view.cpp (layout, selector, requirement, Monte Carlo),
// stack_contributors.cpp (table, paste), stack_results.cpp (results, verdict),
// stack_charts.cpp (Pareto, histogram), stack_loop.cpp (loop drawing and editor).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "job_runner.h"
#include "parallel_stack_run.h"
#include "table_keys.h"
#include "view_context.h"
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_facade.h"

namespace mf {

struct StackView {
    // --- public knobs (tests and App) ---
    MonteCarloOptions mc_options;  // samples, seed, bins of the Monte Carlo run

    // --- selection ---
    std::string selected_id;   // stack id; empty: the first stack
    std::string selected_row;  // contributor id of the selected table row
    TableKeys row_keys;        // Up / Down / Enter between the rows' fields (table_keys.h)

    // --- paste dialog ---
    bool paste_open = false;
    std::string paste_text;

    // --- the Monte Carlo of the selected stack, in slices across frames ---
    struct MonteCarloInputs {
        Stack stack;  // the analysed stack: measured links applied
        MonteCarloOptions options;
        bool operator==(const MonteCarloInputs&) const = default;
    };
    JobRunner<ParallelStackRun, MonteCarloInputs> mc;
    // What the Monte Carlo of the analysed stack runs on: what it samples of the resolved
    // stack (core's sampled_stack), so typing a name or choosing a partner neither restarts
    // the run nor blanks its histogram.
    MonteCarloInputs mc_inputs() const { return {sampled_stack(cache.analysis.stack), mc_options}; }

    // --- the analysis drawn (core's analyse_stack), with the finished Monte Carlo ---
    struct Cache {
        uint64_t state_id = 0;
        std::string stack_id;
        uint64_t lineage = 0;  // ViewContext::lineage of the plan analysed
        uint64_t mc_generation = ~uint64_t(0);
        bool mc_earlier = false;  // the analysis took the run before the current one (shown_result)
        StackAnalysis analysis;
    } cache;
    struct ListCache {
        uint64_t state_id = 0;
        std::vector<FitVerdict> verdicts;  // per stack (links applied), normal model (no Monte Carlo)
    } list_cache;

    std::string notice;  // one line about the last paste / copy

    bool loop_to_scale = false;           // loop drawing: true scale or schematic
    bool histogram_at_operating = false;  // histogram of the operating temperature
    float histogram_height = 0;           // the histogram section's height when last drawn (stack_charts.cpp)

    void draw(ViewContext& ctx);
};

}  // namespace mf
