// Monte Carlo schedule risk: durations and gate outcomes sampled, the network re-scheduled
// each iteration, finish dates and per-task statistics summarised.
//
//   ScheduleMonteCarlo mc(McInput{problem, 10000, 42});     // a sliced job (core/base/job.h)
//   while (!mc.step(500)) draw_progress(mc.progress());      // one slice per frame
//   McResult r = mc.result();            // identical to run_schedule_monte_carlo(...) with the same input
//
// Iterations run in fixed blocks of kBlock (256). Block b draws from one generator stream of
// its own, Rng(block_stream_seed(seed, b, 0)) (stats/random.h), that depends on nothing else:
// its iterations consume it in order. So a block gives the same numbers whichever run, slice
// or Web Worker computes it, and a run made of blocks computed elsewhere (sample_blocks() on a
// worker's run, absorb()ed by the page in block order, gui/parallel_schedule_run.h) is the
// one-call run to the last bit. (2026-12-06: before, one stream ran through every iteration;
// the figures moved by sampling noise only, docs/schedule.md.)
// Each iteration draws, in this order:
//   1. every task's base duration, in file order: PERT (Beta, λ = 4) or triangular on
//      [optimistic, pessimistic] with mode most_likely (no draw when optimistic == pessimistic);
//   2. every gate, in file order: evaluation k fails when U ≥ p (U uniform on [0, 1)); the
//      first evaluation always fails when assume_first_fails; each failure adds one loop of
//      (a fresh rework draw + a fresh draw of every repeated task, in list order), up to
//      max_loops loops, after which the gate counts as passed. The loops lengthen the gate
//      task itself: its successors wait, its predecessors are not moved.
//   3. forward and backward passes (network.h); a task is critical in this iteration when its
//      total float is <= 1e-6 working days (so tied parallel paths are all critical).
// Summaries: percentiles are Hyndman–Fan type 7 of the finish offsets, converted to dates by
// the finish rule of calendar.h; sensitivity is Spearman's rank correlation (average ranks
// for ties) between a task's sampled duration (a gate's includes its rework) and the project
// finish, NaN when either is constant.
#pragma once
#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/job.h"
#include "schedule/calendar.h"
#include "schedule/multi_calendar.h"
#include "schedule/network.h"
#include "stats/random.h"

namespace mf {

struct McInput {
    ScheduleProblem problem;
    int iterations = 10000;  // 1 … 10 000 000, and iterations × tasks <= 25 000 000
    uint64_t seed = 1;
    bool operator==(const McInput&) const = default;  // a JobRunner reruns only when the inputs change
};

struct McTaskStats {
    std::string id;
    double criticality = 0;                 // share of iterations in which the task was critical
    double sensitivity = 0;                 // Spearman ρ(duration, project finish); NaN if undefined
    double mean_duration = 0;               // sampled, rework included
    double p50_finish = 0, p80_finish = 0;  // offsets of the task's finish
    Date p50_finish_date, p80_finish_date;
    std::optional<double> probability_meet_target;  // P(finish on or before its target date)
    std::optional<double> target_offset;
};

// Consecutive blocks computed by one run and absorbed by another (a Web Worker's run and the
// page's). Counts are sums over the blocks' iterations.
struct ScheduleBlocks {
    size_t first = 0;                // index of the first block
    size_t count = 0;                // number of blocks
    std::vector<double> finish;      // project finish per iteration, in iteration order
    std::vector<float> durations;    // [task × iterations + k]: sampled durations (rework included)
    std::vector<float> task_finish;  // [task × iterations + k]: each task's finish
    std::vector<int64_t> critical;   // per task: iterations in which it was critical
    std::vector<int64_t> loops;      // every gate's loop histogram, then the all-gates one
};

struct McGateStats {
    std::string id;
    double pass_probability = 1;
    double mean_loops = 0;
    double expected_loops = 0;            // analytic (gate.h), for comparison
    std::vector<int64_t> loop_histogram;  // [k] = iterations with k loops, k = 0 … max_loops
    double share_at_limit = 0;            // share of iterations that used every allowed loop
};

struct McResult {
    Issues errors;       // bad options ("iterations"), or the network's errors
    Issues warnings;     // the network's warnings
    int iterations = 0;  // iterations summarised
    uint64_t seed = 0;
    std::vector<double> finish_sorted;  // project finish offsets, ascending (histogram, S-curve)
    double p10 = 0, p50 = 0, p80 = 0, p95 = 0, mean = 0, sd = 0, min = 0, max = 0;  // offsets
    Date p10_date, p50_date, p80_date, p95_date;
    double deterministic_finish = 0;  // CPM, most likely durations (planned rework included)
    Date deterministic_finish_date;
    double buffer = 0;                    // p80 − deterministic_finish, working days
    double expected_duration_finish = 0;  // CPM with every duration at its mean (rework at E[loops])
    double merge_bias = 0;                // mean − expected_duration_finish (≥ 0: merge-event bias)
    std::optional<double> deadline_offset;
    std::optional<double> probability_meet_deadline;
    std::vector<McTaskStats> tasks;             // section order
    std::vector<McGateStats> gates;             // gates in section order
    std::vector<int64_t> total_loop_histogram;  // [k] = iterations with k loops over all gates
    bool ok() const { return errors.empty(); }
};

// The sliced job of core/base/job.h. Refused inputs (a network error, too many iterations)
// finish at once, with the reason in result().errors.
class ScheduleMonteCarlo {
public:
    static constexpr size_t kBlock = 256;  // iterations per block

    explicit ScheduleMonteCarlo(McInput in);
    // Runs at least n more iterations (whole blocks, at most up to the total); true once
    // every iteration has run.
    bool step(size_t n);
    bool finished() const { return completed_ >= total_; }
    double progress() const { return total_ > 0 ? static_cast<double>(completed_) / total_ : 1.0; }
    // Summarises the iterations done so far: all of them once finished(), a partial summary
    // before (an error "no iterations have run yet" before the first).
    McResult result() const;
    int completed() const { return completed_; }
    int total() const { return total_; }
    const Issues& errors() const { return errors_; }

    // Block-parallel use (see the top of this file). Blocks are numbered from 0; every block
    // holds kBlock iterations except the last.
    size_t blocks() const { return (static_cast<size_t>(total_) + kBlock - 1) / kBlock; }
    size_t blocks_done() const { return (static_cast<size_t>(completed_) + kBlock - 1) / kBlock; }
    // Computes blocks [first, first + count) (clamped to the run) without absorbing them.
    ScheduleBlocks sample_blocks(size_t first, size_t count);
    // Absorbs blocks computed by another run of the same input. They must be the next ones
    // (first == blocks_done()) and sized as this run's; otherwise nothing happens and the
    // result is false.
    bool absorb(const ScheduleBlocks& b);

private:
    // Where one block's iterations go: the run's own columns, or a ScheduleBlocks.
    struct BlockOut {
        double* finish;      // [k]
        float* durations;    // [task × stride + k]
        float* task_finish;  // [task × stride + k]
        size_t stride;
        int64_t* critical;  // [task], added to
        int64_t* loops;     // loop histograms (loop_at_), added to
    };
    double sample_base(Rng& rng, size_t task);
    void roll_up_summaries();
    size_t block_size(size_t block) const { return std::min(kBlock, static_cast<size_t>(total_) - block * kBlock); }
    void sample_block(size_t block, const BlockOut& out);
    void allocate_columns();
    McInput in_;
    Network net_;
    WorkdayClock clock_;
    Issues errors_;
    int total_ = 0;
    int completed_ = 0;
    size_t n_ = 0;
    // per iteration (allocated at the first block this run keeps: a worker's run never does)
    std::vector<double> finish_;
    std::vector<float> durations_;    // [task * total + iteration]
    std::vector<float> task_finish_;  // [task * total + iteration]
    std::vector<int64_t> critical_count_;
    std::vector<size_t> loop_at_;  // per gate: where its histogram starts in loop_counts_; last: the all-gates one
    std::vector<int64_t> loop_counts_;
    // scratch
    std::vector<double> d_, es_, ef_, ls_, lf_;
    std::vector<char> crit_;                // per task: critical in this iteration (outline plans only)
    std::shared_ptr<const TimeAxis> axis_;  // set when tasks work on different calendars
    std::vector<double> esx_, efx_;         // positions on the common axis (task calendars only)
};

static_assert(is_sliced_job<ScheduleMonteCarlo>::value, "the schedule Monte Carlo is a sliced job (core/base/job.h)");

// The whole run in one call (run_to_end of the job).
McResult run_schedule_monte_carlo(const McInput& in);

// What the Monte Carlo samples of a problem: `p` without its tasks' and calendars' names, on
// which no iteration depends (a task's partner stays: it chooses the task's calendar). A run
// on sampled_problem(p) equals a run on p to the last bit, so a tab that keeps its run while
// this stays equal does not rerun it for a task renamed.
ScheduleProblem sampled_problem(const ScheduleProblem& p);

}  // namespace mf
