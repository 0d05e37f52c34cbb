// ParallelStackRun: the stack Monte Carlo as the Tolerances tab runs it — its blocks computed
// by Web Workers (platform.h) while the page stays free to draw, absorbed in block order, so
// the result is the one-call run's to the last bit (core/tolerance/monte_carlo.h) whatever the
// number of workers. Where no worker is available it is MonteCarloRun in slices on the page;
// when a worker fails mid-run the page computes the rest itself, with the same result.
//
//   JobRunner<ParallelStackRun, Inputs> mc;   // as any sliced job (core/base/job.h)
//   mc.update(inputs, [&] { return std::make_unique<ParallelStackRun>(stack, options); });
#pragma once
#include <cstdint>
#include <map>

#include "tolerance/monte_carlo.h"

namespace mf {

class ParallelStackRun {
public:
    ParallelStackRun(const Stack& s, const MonteCarloOptions& options);
    ~ParallelStackRun();
    ParallelStackRun(const ParallelStackRun&) = delete;
    ParallelStackRun& operator=(const ParallelStackRun&) = delete;

    // The sliced-job contract (core/base/job.h). On workers, step() only collects what has
    // arrived; waiting() tells the job runner not to spin a slice for it.
    bool step(size_t n);
    bool finished() const { return run_.finished(); }
    double progress() const { return run_.progress(); }
    MonteCarloResult result() const { return run_.result(); }
    bool waiting() const { return on_workers_ && !run_.finished(); }

    size_t total() const { return run_.total(); }
    int workers() const { return on_workers_ ? workers_ : 0; }  // 0: computed on the page

private:
    void collect();

    MonteCarloRun run_;
    uint64_t job_ = 0;
    int workers_ = 0;
    bool on_workers_ = false;
    std::map<size_t, StackBlocks> arrived_;  // by first block, until it is their turn
};

}  // namespace mf
