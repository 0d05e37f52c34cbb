// A stack Monte Carlo handed to a Web Worker: what the page sends (the options and the analysed
// stack as the plan file's own JSON, which keeps every double exactly), what the worker computes
// from it (MonteCarloRun::sample_blocks on its own run) and the bytes its result travels in
// (base/block_bytes.h). The page absorbs the blocks in order (gui/parallel_blocks_run.h), so
// the result equals the one-call run to the last bit.
#pragma once
#include <memory>
#include <string>

#include "base/block_bytes.h"
#include "tolerance/monte_carlo.h"

namespace mf {

// The stack and the options as JSON text, for the worker.
std::string stack_blocks_request(const Stack& stack, const MonteCarloOptions& options);
// Parses the request and computes blocks [first, first + count) into `out`. False, with
// nothing computed, when the text is not one stack with its options or the run refuses it
// (never for our own page's requests: the page only sends stacks it could run itself).
bool compute_stack_blocks(const std::string& request, size_t first, size_t count, Bytes& out);
// The run a request describes, ready to compute any of its blocks (what compute_stack_blocks
// does first); null when it cannot be run. A worker keeps it for the run's next requests.
std::unique_ptr<MonteCarloRun> stack_run_from_request(const std::string& request);

Bytes write_stack_blocks(const StackBlocks& b);
// False when the bytes are not one StackBlocks (the run's absorb() checks the sizes).
bool read_stack_blocks(const Bytes& bytes, StackBlocks& out);

}  // namespace mf
