// The report's analyses as one sliced job (report_job.h). Each stage runs its tool's facade
// without Monte Carlo, then the tool's own sliced Monte Carlo with the CLI's defaults, and
// puts the result where the facade would have: the figures equal the facade's own run.
#include "report/report_job.h"

#include <algorithm>

namespace mf {

ReportJob::ReportJob(const Plan& plan) : plan_(plan) { start_stage(); }
ReportJob::~ReportJob() = default;

bool ReportJob::finished() const { return stage_ >= stage_count(); }

double ReportJob::stage_progress() const {
    if (decision_) return decision_->progress();
    if (schedule_) return schedule_->progress();
    if (roads_) return roads_->progress();
    if (stack_) return stack_->progress();
    if (capability_) return capability_->progress();
    return 0;
}

double ReportJob::progress() const {
    if (finished()) return 1;
    return (static_cast<double>(stage_) + stage_progress()) / static_cast<double>(stage_count());
}

void ReportJob::start_stage() {
    const size_t stacks = plan_.stacks.size();
    if (stage_ == 0) {
        DecisionOptions o;
        o.mc_samples = 0;
        out_.decision = analyse_decision(plan_, o);
        // analyse_decision runs the rank-first Monte Carlo when the ranking had no error before
        // TOPSIS, i.e. when every error it lists is TOPSIS's own.
        const DecisionAnalysis& a = out_.decision;
        if (a.errors.size() == a.topsis.errors.size())
            decision_ = std::make_unique<RankFirstRun>(a.built.matrix, kReportDecisionSamples, kReportSeed);
    } else if (stage_ == 1) {
        out_.schedule = analyse_schedule(plan_, ScheduleOptions{0, kReportSeed});
        if (out_.schedule.cpm && out_.schedule.problem)
            schedule_ = std::make_unique<ScheduleMonteCarlo>(
                McInput{*out_.schedule.problem, kReportScheduleIterations, kReportSeed});
    } else if (stage_ == 2) {
        RoadsOptions o;
        o.schedule.iterations = 0;  // the Monte Carlo below, in slices
        out_.roads = analyse_roads(plan_, o);
        out_.roads.options.schedule.iterations = kReportScheduleIterations;
        roads_ = std::make_unique<RoadsMonteCarlo>(roads_mc_inputs(out_.roads));
    } else if (stage_ < kFirstStack + stacks) {
        const Stack& s = plan_.stacks[stage_ - kFirstStack];
        out_.stacks.push_back(analyse_stack(plan_, s.id, StackOptions{}));
        const StackAnalysis& a = out_.stacks.back();
        StackOptions o;
        o.samples = kReportStackSamples;
        o.seed = kReportSeed;
        // analyse_stack runs the Monte Carlo exactly when the resolved stack passes this check.
        if (!a.stack.id.empty() && validate_stack(a.stack, StackCheck::ForAnalysis).empty())
            stack_ = std::make_unique<MonteCarloRun>(a.stack, o.monte_carlo_options());
    } else if (stage_ < stage_count()) {
        capability_ =
            std::make_unique<CapabilityRun>(plan_.datasets[stage_ - kFirstStack - stacks], CapabilityOptions{});
    }
}

void ReportJob::finish_stage() {
    if (decision_) {
        out_.decision.rank_first = decision_->result();
        decision_.reset();
    }
    if (schedule_) {
        McResult mc = schedule_->result();
        out_.schedule.issues.insert(out_.schedule.issues.begin(), mc.errors.begin(), mc.errors.end());
        out_.schedule.mc = std::move(mc);
        schedule_.reset();
    }
    if (roads_) {
        with_schedule_monte_carlo(out_.roads, roads_->result());
        roads_.reset();
    }
    if (stack_) {
        MonteCarloResult r = stack_->result();
        stack_.reset();
        StackAnalysis& a = out_.stacks.back();
        if (r.errors.empty()) {
            StackOptions o;
            o.finished_monte_carlo = &r;
            a = analyse_stack(plan_, plan_.stacks[stage_ - kFirstStack].id, o);
        } else {
            for (Issue& e : r.errors)
                a.issues.push_back({"/monte_carlo/" + e.where, std::move(e.message), Severity::Warning});
        }
    }
    if (capability_) {
        out_.capability.push_back(capability_->result());
        capability_.reset();
    }
}

bool ReportJob::step(size_t n) {
    n = std::max<size_t>(n, 1);
    while (!finished()) {
        bool done = true, worked = true;
        if (decision_)
            done = decision_->step(n);
        else if (schedule_)
            done = schedule_->step(std::max<size_t>(1, n / 16));  // an iteration reschedules the network
        else if (roads_)
            done = roads_->step(std::max<size_t>(1, n / 16));
        else if (stack_)
            done = stack_->step(n);
        else if (capability_)
            done = capability_->step(1);  // one feature
        else
            worked = false;  // a stage without Monte Carlo: on to the next at once
        if (done) {
            finish_stage();
            ++stage_;
            if (!finished()) start_stage();
        }
        if (worked) break;
    }
    out_.complete = finished();
    return finished();
}

ReportAnalyses report_analyses(const Plan& plan) {
    ReportJob job(plan);
    return run_to_end(job);
}

}  // namespace mf
