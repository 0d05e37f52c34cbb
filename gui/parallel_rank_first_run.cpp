// The rank-first Monte Carlo on Web Workers (gui/parallel_rank_first_run.h).
#include "parallel_rank_first_run.h"

#include "decision/rank_first_blocks.h"

namespace mf {

ParallelRankFirstRun::ParallelRankFirstRun(const MatrixInput& m, size_t samples, uint64_t seed)
    : ParallelBlocksRun<RankFirstRun, RankFirstBlocks>(m, samples, seed) {
    // Requests of at least 4 blocks (4096 samples): a few ms for a matrix of a dozen partners.
    send_to_workers(
        "decision",
        [&] {
            return rank_first_request({m, samples, seed});
        },
        read_rank_first_blocks, 4);
}

}  // namespace mf
