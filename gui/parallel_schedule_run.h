// ParallelScheduleRun: the schedule Monte Carlo as the Timeline tab runs it, on Web Workers
// where there are any (gui/parallel_blocks_run.h; what a worker computes:
// schedule/schedule_blocks.h).
//
//   JobRunner<ParallelScheduleRun, McInput> mc;   // as any sliced job (core/base/job.h)
//   mc.update(input, [&] { return std::make_unique<ParallelScheduleRun>(input); });
#pragma once
#include "parallel_blocks_run.h"
#include "schedule/monte_carlo.h"

namespace mf {

class ParallelScheduleRun : public ParallelBlocksRun<ScheduleMonteCarlo, ScheduleBlocks> {
public:
    explicit ParallelScheduleRun(const McInput& in);
    int total() const { return run().total(); }
};

}  // namespace mf
