// ParallelRankFirstRun: the Decision tab's rank-first Monte Carlo, on Web Workers where there
// are any (gui/parallel_blocks_run.h; what a worker computes: decision/rank_first_blocks.h).
//
//   JobRunner<ParallelRankFirstRun, Inputs> mc;   // as any sliced job (core/base/job.h)
//   mc.update(inputs, [&] { return std::make_unique<ParallelRankFirstRun>(matrix, samples, seed); });
#pragma once
#include "decision/sensitivity.h"
#include "parallel_blocks_run.h"

namespace mf {

class ParallelRankFirstRun : public ParallelBlocksRun<RankFirstRun, RankFirstBlocks> {
public:
    ParallelRankFirstRun(const MatrixInput& m, size_t samples, uint64_t seed);
};

}  // namespace mf
