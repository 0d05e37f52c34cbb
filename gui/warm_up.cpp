#include "warm_up.h"

#include <cstring>
#include <string>

#include "busy.h"
#include "example_files.h"
#include "decision/decision_analysis.h"
#include "decision/sensitivity.h"
#include "plan/plan_file.h"
#include "schedule/monte_carlo.h"
#include "schedule/schedule_analysis.h"
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_facade.h"

namespace mf {

namespace {
// Sizes: enough step() calls for each kernel to be recompiled optimised (about 25 slices of
// the sizes the views use), small enough to take a few tens of milliseconds in all.
constexpr size_t kStackSamples = 200000, kStackStep = 8192;  // StackView's JobRunner step
constexpr int kScheduleIterations = 4000;
constexpr size_t kScheduleStep = 200;                             // ScheduleView's
constexpr size_t kDecisionSamples = 40000, kDecisionStep = 2048;  // DecisionView's
const char* kExample = "micro-gearbox.mfplan.json";               // a stack, a timeline with a gate, a decision
}  // namespace

Plan warm_up_example_plan() {
    for (unsigned i = 0; i < mf_example_plans_count; ++i) {
        const EmbeddedFile& f = mf_example_plans[i];
        if (std::strcmp(f.name, kExample) != 0) continue;
        LoadResult r = load_plan(std::string(reinterpret_cast<const char*>(f.data), f.size));
        if (r.plan) return std::move(*r.plan);
    }
    return Plan{};  // not bundled: nothing to warm (each job below is then refused at once)
}

struct KernelWarmUp::Jobs {
    Plan plan = warm_up_example_plan();
    std::unique_ptr<MonteCarloRun> stack;
    std::unique_ptr<ScheduleMonteCarlo> schedule;
    std::unique_ptr<RankFirstRun> decision;
};

KernelWarmUp::KernelWarmUp() = default;
KernelWarmUp::~KernelWarmUp() = default;

// Steps `job` for one slice; on finishing takes its result (the summary code) once.
template <class Job>
static bool run_kernel_slice(std::unique_ptr<Job>& job, size_t units, int& kernels_run) {
    if (!job) return true;
    Job& j = *job;
    if (!run_slice([&j, units] { return j.step(units); })) return false;
    if (j.result().errors.empty()) ++kernels_run;
    job.reset();
    return true;
}

void KernelWarmUp::frame(uint64_t frames_drawn, bool idle) {
    if (done() || !idle || frames_drawn < 2) return;
    if (!jobs_) jobs_ = std::make_unique<Jobs>();
    Jobs& k = *jobs_;
    bool finished = false;
    switch (stage_) {
        case 0:
            if (!k.stack && !k.plan.stacks.empty()) {
                MonteCarloOptions o;
                o.samples = kStackSamples;
                k.stack = std::make_unique<MonteCarloRun>(analyse_stack(k.plan, k.plan.stacks.front().id).stack, o);
            }
            finished = run_kernel_slice(k.stack, kStackStep, kernels_run_);
            break;
        case 1:
            if (!k.schedule) {
                const ScheduleAnalysis a = analyse_schedule(k.plan);
                if (a.cpm)
                    k.schedule = std::make_unique<ScheduleMonteCarlo>(McInput{*a.problem, kScheduleIterations, 1});
            }
            finished = run_kernel_slice(k.schedule, kScheduleStep, kernels_run_);
            break;
        default: {
            if (!k.decision) {
                DecisionOptions o;
                o.mc_samples = 0;
                const DecisionAnalysis a = analyse_decision(k.plan, o);
                if (a.errors.empty()) k.decision = std::make_unique<RankFirstRun>(a.built.matrix, kDecisionSamples, 1);
            }
            finished = run_kernel_slice(k.decision, kDecisionStep, kernels_run_);
            break;
        }
    }
    if (!finished) return;  // run_slice asked for the next frame
    ++stage_;
    if (done()) {
        jobs_.reset();
        return;
    }
    keep_drawing();  // the next kernel, next frame
}

}  // namespace mf
