// ParallelBlocksRun: a block Monte Carlo (the stack's, the schedule's) as a tab runs it — its
// blocks computed by Web Workers (platform.h) while the page stays free to draw, absorbed in
// block order, so the result is the one-call run's to the last bit whatever the number of
// workers. Where no worker is available it is the run in slices on the page; when a worker
// fails mid-run the page computes the rest itself, with the same result.
//
// A run it can drive has the sliced-job contract (core/base/job.h) and the block contract of
// core/tolerance/monte_carlo.h: blocks(), blocks_done(), absorb(Blocks). A tool adds a kind
// to gui/worker_kinds.h (what a worker computes from its request) and a small class here:
//
//   class ParallelStackRun : public ParallelBlocksRun<MonteCarloRun, StackBlocks> { ... };
//   JobRunner<ParallelStackRun, Inputs> mc;   // as any sliced job
//   mc.update(inputs, [&] { return std::make_unique<ParallelStackRun>(stack, options); });
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "platform/platform.h"

namespace mf {

// The worker side of a run: posts its block ranges under one job number and hands back the
// replies in block order.
class WorkerBlockQueue {
public:
    WorkerBlockQueue() = default;
    ~WorkerBlockQueue() { stop(); }
    WorkerBlockQueue(const WorkerBlockQueue&) = delete;
    WorkerBlockQueue& operator=(const WorkerBlockQueue&) = delete;

    // Posts blocks [0, blocks) of a `kind` run on `request`, in ranges of at least `min_per`
    // blocks. False, with nothing posted, when no worker is available.
    bool start(const char* kind, const std::string& request, size_t blocks, size_t min_per);
    bool active() const { return job_ != 0; }
    int workers() const { return active() ? workers_ : 0; }
    enum class Next { Waiting, Ready, Failed };
    // The reply that starts at block `first`, once it has arrived; Failed when a worker could
    // not compute its range (the caller then stops the queue and computes on the page).
    Next next(size_t first, platform::WorkerReply& out);
    // Cancels what is still queued or running and forgets what has arrived.
    void stop();

private:
    uint64_t job_ = 0;
    int workers_ = 0;
    bool failed_ = false;
    std::map<size_t, platform::WorkerReply> arrived_;  // by first block, until it is their turn
};

// The runs waiting for workers' replies. The browser hands a reply over between frames
// (platform_web.cpp); absorb_arrived() lets every waiting run take it in then, so the frame
// that shows the result finds it summarised instead of first absorbing a run's worth of
// samples (the stack's 10⁶: ~10 ms of copies and running sums, ~5 ms of summary).
class ArrivingReplies {
public:
    // Each run still waiting takes what has arrived. Not from inside a frame's passes, nor
    // from inside itself (a reply handed over while it runs waits for the next call).
    static void absorb_arrived();

protected:
    ArrivingReplies();
    virtual ~ArrivingReplies();
    ArrivingReplies(const ArrivingReplies&) = delete;
    ArrivingReplies& operator=(const ArrivingReplies&) = delete;
    virtual void take_arrived() = 0;
};

template <class Run, class Blocks>
class ParallelBlocksRun : private ArrivingReplies {
public:
    using ReadBlocks = bool (*)(const Bytes&, Blocks&);
    using Result = decltype(std::declval<const Run&>().result());

    template <class... Args>
    explicit ParallelBlocksRun(Args&&... args) : run_(std::forward<Args>(args)...) {}
    ParallelBlocksRun(const ParallelBlocksRun&) = delete;
    ParallelBlocksRun& operator=(const ParallelBlocksRun&) = delete;

    // The sliced-job contract (core/base/job.h). On workers, step() only collects what has
    // arrived; waiting() tells the job runner not to spin a slice for it.
    bool step(size_t n) {
        if (queue_.active()) collect();
        if (!queue_.active()) return run_.step(n);
        return run_.finished();
    }
    bool finished() const { return run_.finished(); }
    double progress() const { return run_.progress(); }
    // A run completed by workers' replies between frames was summarised then.
    Result result() const { return summarised_ ? *summarised_ : run_.result(); }
    bool waiting() const { return queue_.active() && !run_.finished(); }

    int workers() const { return queue_.workers(); }  // 0: computed on the page
    const Run& run() const { return run_; }

protected:
    // Sends the run to the workers, if there are any and the run has work: make_request()
    // gives what a worker of `kind` computes from (gui/worker_kinds.h), or nothing when this
    // run cannot be written as a request (then the page computes it); `read` decodes replies.
    template <class MakeRequest>
    void send_to_workers(const char* kind, MakeRequest make_request, ReadBlocks read, size_t min_per_request) {
        if (run_.finished() || platform::workers_available() <= 0) return;  // refused, done, or nowhere to send it
        const std::optional<std::string> request = make_request();
        if (!request) return;
        read_ = read;
        queue_.start(kind, *request, run_.blocks(), min_per_request);
    }

private:
    void take_arrived() override {
        if (!queue_.active() || run_.finished()) return;
        collect();
        if (run_.finished()) summarised_ = run_.result();
    }

    void collect() {
        platform::WorkerReply reply;
        for (;;) {
            const WorkerBlockQueue::Next next = queue_.next(run_.blocks_done(), reply);
            if (next == WorkerBlockQueue::Next::Waiting) return;
            Blocks b;
            // A failed worker, or (never with our own workers) blocks that do not fit: the
            // page computes from here on.
            if (next == WorkerBlockQueue::Next::Failed || !read_(reply.bytes, b) || !run_.absorb(b)) {
                queue_.stop();
                return;
            }
        }
    }

    Run run_;
    std::optional<Result> summarised_;
    ReadBlocks read_ = nullptr;
    WorkerBlockQueue queue_;
};

}  // namespace mf
