// The stack Monte Carlo on Web Workers (gui/parallel_stack_run.h).
#include "parallel_stack_run.h"

#include <algorithm>

#include "platform/platform.h"
#include "tolerance/stack_blocks.h"

namespace mf {

// Every run gets its own job number, so a result of a cancelled run is never taken for one
// of the next.
static uint64_t g_next_job = 1;

ParallelStackRun::ParallelStackRun(const Stack& s, const MonteCarloOptions& options) : run_(s, options) {
    workers_ = platform::workers_available();
    if (workers_ <= 0 || run_.finished()) return;  // refused, or nowhere to send it
    on_workers_ = true;
    job_ = g_next_job++;
    // About eight requests per worker: small enough that the work spreads evenly and a
    // cancel drops most of it, large enough that messages cost nothing next to the sampling
    // (10⁶ samples on two workers: 16 requests of 61 blocks, a few ms each).
    const size_t blocks = run_.blocks();
    const size_t per =
        std::max<size_t>(8, (blocks + 8 * static_cast<size_t>(workers_) - 1) / (8 * static_cast<size_t>(workers_)));
    const std::string request = stack_blocks_request(s);
    for (size_t first = 0; first < blocks; first += per)
        platform::worker_post_stack_blocks(job_, request, options, first, std::min(per, blocks - first));
}

ParallelStackRun::~ParallelStackRun() {
    if (job_) platform::worker_cancel(job_);
}

void ParallelStackRun::collect() {
    platform::WorkerBlocks w;
    while (platform::poll_worker_blocks(job_, w)) {
        if (!w.ok) {  // a worker could not: the page computes from here on
            on_workers_ = false;
            platform::worker_cancel(job_);
            arrived_.clear();
            return;
        }
        const size_t first = w.blocks.first;
        arrived_[first] = std::move(w.blocks);
    }
    for (auto it = arrived_.begin(); it != arrived_.end() && it->first == run_.blocks_done();) {
        if (!run_.absorb(it->second)) {  // cannot happen with our own workers; be safe anyway
            on_workers_ = false;
            platform::worker_cancel(job_);
            arrived_.clear();
            return;
        }
        it = arrived_.erase(it);
    }
}

bool ParallelStackRun::step(size_t n) {
    if (on_workers_) collect();
    if (!on_workers_) return run_.step(n);
    return run_.finished();
}

}  // namespace mf
