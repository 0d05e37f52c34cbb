// Monte Carlo schedule risk: durations and gate outcomes sampled, the network re-scheduled
// each iteration, finish dates and per-task statistics summarised.
//
//   ScheduleMonteCarlo mc(McInput{problem, 10000, 42});     // a sliced job (core/base/job.h)
//   while (!mc.step(500)) draw_progress(mc.progress());      // one slice per frame
//   McResult r = mc.result();            // identical to run_schedule_monte_carlo(...) with the same input
//
// Each iteration, in this order (so the random stream, and every result, is the same whether
// the run is done in one call or in slices):
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
    explicit ScheduleMonteCarlo(McInput in);
    // Runs up to n more iterations; returns true once every iteration has run.
    bool step(size_t n);
    bool finished() const { return completed_ >= total_; }
    double progress() const { return total_ > 0 ? static_cast<double>(completed_) / total_ : 1.0; }
    // Summarises the iterations done so far: all of them once finished(), a partial summary
    // before (an error "no iterations have run yet" before the first).
    McResult result() const;
    int completed() const { return completed_; }
    int total() const { return total_; }
    const Issues& errors() const { return errors_; }

private:
    double sample_base(size_t task);
    void roll_up_summaries();
    McInput in_;
    Network net_;
    WorkdayClock clock_;
    Rng rng_;
    Issues errors_;
    int total_ = 0;
    int completed_ = 0;
    size_t n_ = 0;
    // per iteration
    std::vector<double> finish_;
    std::vector<float> durations_;    // [task * total + iteration]
    std::vector<float> task_finish_;  // [task * total + iteration]
    std::vector<int64_t> critical_count_;
    std::vector<std::vector<int64_t>> loop_hist_;
    std::vector<int64_t> total_loop_hist_;
    // scratch
    std::vector<double> d_, es_, ef_, ls_, lf_;
    std::vector<char> crit_;                // per task: critical in this iteration (outline plans only)
    std::shared_ptr<const TimeAxis> axis_;  // set when tasks work on different calendars
    std::vector<double> esx_, efx_;         // positions on the common axis (task calendars only)
};

static_assert(is_sliced_job<ScheduleMonteCarlo>::value, "the schedule Monte Carlo is a sliced job (core/base/job.h)");

// The whole run in one call (run_to_end of the job).
McResult run_schedule_monte_carlo(const McInput& in);

}  // namespace mf
