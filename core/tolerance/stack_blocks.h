// A stack Monte Carlo handed to a Web Worker: what the page sends (the analysed stack as the
// plan file's own JSON, which keeps every double exactly) and what the worker computes from
// it (MonteCarloRun::sample_blocks on its own run). The page absorbs the blocks in order
// (gui/parallel_stack_run.h), so the result equals the one-call run to the last bit.
#pragma once
#include <string>

#include "tolerance/monte_carlo.h"

namespace mf {

// The stack as JSON text, for the worker.
std::string stack_blocks_request(const Stack& stack);
// Parses the request and computes blocks [first, first + count). False, with nothing
// computed, when the text is not one stack or the run refuses it (never for our own page's
// requests: the page only sends stacks it could run itself).
bool compute_stack_blocks(const std::string& request, const MonteCarloOptions& options, size_t first, size_t count,
                          StackBlocks& out);

}  // namespace mf
