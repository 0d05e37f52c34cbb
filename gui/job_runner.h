// JobRunner: runs a sliced job (core/base/job.h) across frames for a view — starts it when
// its inputs change, advances it by a slice each frame, keeps the finished result until the
// inputs change again, and cancels on request. The one Monte Carlo state machine of the GUI.
//
//   struct Inputs { Stack stack; MonteCarloOptions options; bool operator==(const Inputs&) const = default; };
//   JobRunner<MonteCarloRun, Inputs> mc;                      // a member of the view
//   mc.update(inputs, [&] { return std::make_unique<MonteCarloRun>(inputs.stack, inputs.options); });
//   if (mc.running()) mc.draw_progress("Monte Carlo");        // progress bar with Cancel
//   if (const auto* r = mc.result()) draw(*r);                // final result for these inputs
//
// An edit that reruns the job need not blank what it showed: with `continues` set (the new
// inputs are an edit of the same subject: the same stack, the same plan's schedule), the
// last finished result stays readable while the new job runs (previous_result()), and
// shown_result() offers it as the figures to draw while the job is young, so that a quick
// rerun replaces them in place.
//
// Inputs are compared by value (operator==), never by a serialised copy: an edit elsewhere in
// the plan that leaves them equal does not restart the run. After a cancel the runner stays
// idle, keeping the partial result, until the inputs change or restart() is called.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include "base/job.h"
#include "busy.h"
#include "platform/platform.h"

namespace mf {

template <class Job, class Inputs>
class JobRunner {
    static_assert(is_sliced_job<Job>::value, "Job must follow the sliced-job contract (core/base/job.h)");

public:
    using Result = std::decay_t<decltype(std::declval<const Job&>().result())>;

    // Units of work per step() call inside a slice (samples, iterations).
    explicit JobRunner(size_t units_per_step = 8192) : units_(units_per_step) {}

    // Call once a frame. make() returns the job for `inputs` (a unique_ptr<Job>, null when
    // there is nothing to run); it is called only when the inputs differ from the last ones.
    // `continues`: the new inputs are an edit of the last ones' subject, so their finished
    // result stays readable while the new job runs (previous_result(), shown_result()).
    template <class Make>
    void update(const Inputs& inputs, Make&& make, bool continues = false) {
        if (!inputs_ || !(*inputs_ == inputs)) {
            inputs_ = inputs;
            previous_.reset();
            if (continues && result_ && !cancelled_) previous_ = std::move(result_);
            result_.reset();
            cancelled_ = false;
            job_ = make();
            ++generation_;
            started_at_ = platform::now_seconds();
        }
        advance();
        // Read once a frame, so the earlier figures give way in the frame the bar first moves.
        young_ = job_ && platform::now_seconds() - started_at_ < kProgressFirstMoveSeconds;
    }

    // Stops the running job; its partial result stays readable through result().
    void cancel() {
        if (!job_) return;
        result_ = job_->result();
        job_.reset();
        previous_.reset();
        cancelled_ = true;
        ++generation_;
    }
    // Forgets the inputs: the next update() starts again (a "Run again" button, new options).
    void restart() { inputs_.reset(); }

    const Inputs* inputs() const { return inputs_ ? &*inputs_ : nullptr; }  // the last ones given
    bool running() const { return job_ != nullptr; }
    bool cancelled() const { return cancelled_; }
    double progress() const { return job_ ? job_->progress() : (result_ ? 1.0 : 0.0); }
    // The result for the current inputs: final when finished, partial after a cancel
    // (cancelled() tells which), null while running or when there was nothing to run.
    const Result* result() const { return result_ ? &*result_ : nullptr; }
    // What a view draws as the job's figures: result(), or, while a job that continues the
    // last one (update()) is younger than kProgressFirstMoveSeconds, the last one's finished
    // result. A quick rerun after an edit then changes the figures in place instead of
    // blanking them for the tenth of a second it takes: in a browser without a GPU, blanking
    // and redrawing a histogram costs the cores the run needs. After that, as the progress
    // bar starts to move, a view shows the job running (or previous_result() marked as
    // earlier); a cancel shows the partial result.
    const Result* shown_result() const {
        if (result_) return &*result_;
        return showing_previous() ? &*previous_ : nullptr;
    }
    // True while shown_result() is the last inputs' result, not these inputs'.
    bool showing_previous() const { return young_ && previous_result(); }
    // The finished result of the inputs before, while a job that continues them runs (for a
    // view that shows it marked as earlier once the job is no longer young), or null.
    const Result* previous_result() const { return job_ && previous_ ? &*previous_ : nullptr; }
    // The running job (for a partial result while it runs), or null.
    const Job* job() const { return job_.get(); }
    // Changes whenever result() changes: views key their derived caches on it.
    uint64_t generation() const { return generation_; }

    // A progress bar with Cancel; returns true when the user cancelled. The bar first moves
    // kProgressFirstMoveSeconds into the run, then at most kProgressRedrawSeconds apart: a
    // frame that draws nothing new is not drawn at all (gui/draw_data_hash.h), and in a
    // browser without a GPU each drawn frame takes a core for ~50 ms that the computation needs.
    bool draw_progress(const char* what) {
        if (!job_) return false;
        const double now = platform::now_seconds();
        const bool new_run = shown_generation_ != generation_;
        if (new_run) shown_generation_ = generation_;
        if (new_run || (!young_ && now - shown_at_ >= kProgressRedrawSeconds)) {
            shown_at_ = now;
            shown_progress_ = static_cast<float>(job_->progress());
        }
        if (!progress_with_cancel(shown_progress_, what)) return false;
        cancel();
        return true;
    }

private:
    // A job may also say it is waiting(): its work is being done elsewhere (Web Workers,
    // gui/parallel_blocks_run.h). Then one step() a frame collects what has arrived, instead
    // of a slice of calls that would only spin on the page's thread.
    template <class J, class = void>
    struct has_waiting : std::false_type {};
    template <class J>
    struct has_waiting<J, std::void_t<decltype(bool(std::declval<const J&>().waiting()))>> : std::true_type {};

    void advance() {
        if (!job_) return;
        Job& job = *job_;
        const size_t units = units_;
        bool finished = false;
        if constexpr (has_waiting<Job>::value) {
            if (job.waiting()) {
                // No frames are asked for while it waits: the page's loop is woken when
                // replies arrive (gui/platform/wake.h), so the cores stay with the workers.
                // When the workers failed, the page computes in slices from the next frame.
                finished = job.step(units);
                if (!finished && !job.waiting()) keep_drawing();
            } else {
                finished = run_slice([&job, units] { return job.step(units); });
            }
        } else {
            finished = run_slice([&job, units] { return job.step(units); });
        }
        if (finished) {
            result_ = job.result();
            job_.reset();
            previous_.reset();
            ++generation_;
            keep_drawing();  // one more frame shows the finished result everywhere
        }
    }

    size_t units_;
    uint64_t shown_generation_ = ~uint64_t(0);  // the run the progress bar shows
    double started_at_ = 0, shown_at_ = 0;      // when the job started; when its bar last moved
    bool young_ = false;                        // at the last update(): started < kProgressFirstMoveSeconds ago
    float shown_progress_ = 0;
    std::optional<Inputs> inputs_;
    std::unique_ptr<Job> job_;
    std::optional<Result> result_;
    std::optional<Result> previous_;  // the finished result a continuing job replaces
    bool cancelled_ = false;
    uint64_t generation_ = 0;
};

}  // namespace mf
