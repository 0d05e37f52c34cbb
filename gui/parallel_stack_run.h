// ParallelStackRun: the stack Monte Carlo as the Tolerances tab runs it, on Web Workers where
// there are any (gui/parallel_blocks_run.h; what a worker computes: tolerance/stack_blocks.h).
//
//   JobRunner<ParallelStackRun, Inputs> mc;   // as any sliced job (core/base/job.h)
//   mc.update(inputs, [&] { return std::make_unique<ParallelStackRun>(stack, options); });
#pragma once
#include "parallel_blocks_run.h"
#include "tolerance/monte_carlo.h"

namespace mf {

class ParallelStackRun : public ParallelBlocksRun<MonteCarloRun, StackBlocks> {
public:
    ParallelStackRun(const Stack& s, const MonteCarloOptions& options);
    size_t total() const { return run().total(); }
};

}  // namespace mf
