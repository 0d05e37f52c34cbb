// The analyses of a report with their Monte Carlo runs, as one sliced job (core/base/job.h):
// the CLI runs it to the end, the app across frames with a progress bar (gui/job_runner.h).
//
// Seeds and sample counts are those each tool's CLI documents as its defaults, so a report
// shows the figures of `mfplan decide`, `mfplan schedule`, `mfplan stack` and
// `mfplan capability` run without options:
//   decision rank-first Monte Carlo  20 000 samples, seed 1 (DecisionOptions)
//   schedule Monte Carlo             10 000 iterations, seed 1 (mfplan schedule; and per road,
//                                    as mfplan compare)
//   stack Monte Carlo                1 000 000 samples, seed 1, 60 bins (MonteCarloOptions)
//   capability                       the dataset's own settings, Nelson rules (CapabilityOptions)
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "capability/capability_analysis.h"
#include "decision/decision_analysis.h"
#include "plan/plan.h"
#include "roads/roads_analysis.h"
#include "schedule/schedule_analysis.h"
#include "tolerance/stack_facade.h"

namespace mf {

inline constexpr size_t kReportDecisionSamples = 20000;
inline constexpr int kReportScheduleIterations = 10000;
inline constexpr size_t kReportStackSamples = 1000000;
inline constexpr uint64_t kReportSeed = 1;

struct ReportAnalyses {
    DecisionAnalysis decision;
    ScheduleAnalysis schedule;
    RoadsAnalysis roads;                         // its schedule Monte Carlo per road as mfplan compare
    std::vector<StackAnalysis> stacks;           // one per plan stack, in plan order
    std::vector<CapabilityAnalysis> capability;  // one per plan dataset, in plan order
    bool complete = false;                       // every Monte Carlo ran to its end
};

class ReportJob {
public:
    explicit ReportJob(const Plan& plan);
    ~ReportJob();
    ReportJob(const ReportJob&) = delete;
    ReportJob& operator=(const ReportJob&) = delete;

    // About n units of work (samples, iterations; one capability feature).
    bool step(size_t n);
    bool finished() const;
    double progress() const;
    // The analyses so far: a stage not run yet is empty (`complete` false) until finished.
    ReportAnalyses result() const { return out_; }

private:
    void start_stage();
    void finish_stage();

    Plan plan_;
    ReportAnalyses out_;
    size_t stage_ = 0;  // 0 decision, 1 schedule, 2 roads, 3 … stacks, then datasets, then done
    std::unique_ptr<RankFirstRun> decision_;
    std::unique_ptr<ScheduleMonteCarlo> schedule_;
    std::unique_ptr<RoadsMonteCarlo> roads_;
    std::unique_ptr<MonteCarloRun> stack_;
    std::unique_ptr<CapabilityRun> capability_;
    double stage_progress() const;
    size_t stage_count() const { return kFirstStack + plan_.stacks.size() + plan_.datasets.size(); }
    static constexpr size_t kFirstStack = 3;
};

static_assert(is_sliced_job<ReportJob>::value, "the report job follows core/base/job.h");

// The analyses in one call (run_to_end of the job).
ReportAnalyses report_analyses(const Plan& plan);

}  // namespace mf
