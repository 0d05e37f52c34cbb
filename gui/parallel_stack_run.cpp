// The stack Monte Carlo on Web Workers (gui/parallel_stack_run.h).
#include "parallel_stack_run.h"

#include "tolerance/stack_blocks.h"

namespace mf {

ParallelStackRun::ParallelStackRun(const Stack& s, const MonteCarloOptions& options)
    : ParallelBlocksRun<MonteCarloRun, StackBlocks>(s, options) {
    // Requests of at least 8 blocks (8192 samples): the messages cost nothing next to them.
    send_to_workers(
        "stack", [&] { return std::optional<std::string>(stack_blocks_request(s, options)); }, read_stack_blocks, 8);
}

}  // namespace mf
