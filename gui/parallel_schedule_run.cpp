// The schedule Monte Carlo on Web Workers (gui/parallel_schedule_run.h).
#include "parallel_schedule_run.h"

#include "schedule/schedule_blocks.h"

namespace mf {

ParallelScheduleRun::ParallelScheduleRun(const McInput& in)
    : ParallelBlocksRun<ScheduleMonteCarlo, ScheduleBlocks>(in) {
    // Requests of at least 2 blocks (512 iterations, a few ms for 200 tasks): 10 000
    // iterations are 40 blocks, so every worker gets several requests and a cancel drops most.
    send_to_workers(
        "schedule", [&] { return schedule_blocks_request(in); }, read_schedule_blocks, 2);
}

}  // namespace mf
