// Block ranges of a Monte Carlo on Web Workers (gui/parallel_blocks_run.h).
#include "parallel_blocks_run.h"

#include <algorithm>
#include <vector>

namespace mf {

// The runs that exist (each registers itself); runs are made and destroyed in frames only,
// never while absorb_arrived() walks this list.
static std::vector<ArrivingReplies*> g_runs;
static bool g_absorbing = false;

ArrivingReplies::ArrivingReplies() { g_runs.push_back(this); }
ArrivingReplies::~ArrivingReplies() { std::erase(g_runs, this); }

void ArrivingReplies::absorb_arrived() {
    if (g_absorbing) return;
    g_absorbing = true;
    for (ArrivingReplies* r : g_runs) r->take_arrived();
    g_absorbing = false;
}

// Every run gets its own job number, so a result of a cancelled run is never taken for one
// of the next.
static uint64_t g_next_job = 1;

bool WorkerBlockQueue::start(const char* kind, const std::string& request, size_t blocks, size_t min_per) {
    stop();
    workers_ = platform::workers_available();
    if (workers_ <= 0 || blocks == 0) return false;
    job_ = g_next_job++;
    failed_ = false;
    // About eight requests per worker: small enough that the work spreads evenly and a
    // cancel drops most of it, large enough that messages cost nothing next to the sampling
    // (the stack's 10⁶ samples on two workers: 16 requests of 61 blocks, a few ms each).
    const size_t w = static_cast<size_t>(workers_);
    const size_t per = std::max<size_t>(std::max<size_t>(min_per, 1), (blocks + 8 * w - 1) / (8 * w));
    for (size_t first = 0; first < blocks; first += per)
        platform::worker_post(job_, kind, request, first, std::min(per, blocks - first));
    return true;
}

WorkerBlockQueue::Next WorkerBlockQueue::next(size_t first, platform::WorkerReply& out) {
    if (!active()) return Next::Waiting;
    platform::WorkerReply r;
    while (!failed_ && platform::poll_worker_reply(job_, r)) {
        if (!r.ok) failed_ = true;
        const size_t at = r.first;
        arrived_[at] = std::move(r);
    }
    if (failed_) return Next::Failed;
    const auto it = arrived_.find(first);
    if (it == arrived_.end()) return Next::Waiting;
    out = std::move(it->second);
    arrived_.erase(it);
    return Next::Ready;
}

void WorkerBlockQueue::stop() {
    if (job_) platform::worker_cancel(job_);
    job_ = 0;
    arrived_.clear();
}

}  // namespace mf
