// A schedule Monte Carlo handed to a Web Worker: what the page sends (the problem as the plan
// file's own JSON, which keeps every double exactly, with its start date, deadline, iterations
// and seed), what the worker computes from it (ScheduleMonteCarlo::sample_blocks on its own
// run) and the bytes its result travels in (base/block_bytes.h). The page absorbs the blocks
// in order (gui/parallel_schedule_run.h), so the result equals the one-call run to the last bit.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "base/block_bytes.h"
#include "schedule/monte_carlo.h"

namespace mf {

// The input as JSON text, for the worker; nothing when it would not read back as the same
// problem (a figure the plan file cannot hold): the page then computes the run itself.
std::optional<std::string> schedule_blocks_request(const McInput& in);
// Reads a request back (false when it is not one).
bool read_schedule_blocks_request(const std::string& request, McInput& out);
// Parses the request and computes blocks [first, first + count) into `out`. False, with
// nothing computed, when the text is not one request or the run refuses it.
bool compute_schedule_blocks(const std::string& request, size_t first, size_t count, Bytes& out);
// The run a request describes, ready to compute any of its blocks (what
// compute_schedule_blocks does first); null when it cannot be run. A worker keeps it for the
// run's next requests.
std::unique_ptr<ScheduleMonteCarlo> schedule_run_from_request(const std::string& request);

Bytes write_schedule_blocks(const ScheduleBlocks& b);
// False when the bytes are not one ScheduleBlocks (the run's absorb() checks the sizes).
bool read_schedule_blocks(const Bytes& bytes, ScheduleBlocks& out);

}  // namespace mf
