// What a Web Worker computes for each kind of Monte Carlo (gui/platform/platform.h): the one
// dispatch from a request's kind to the tool that computes its blocks. The browser worker
// (gui/platform/worker_entry_web.cpp) and the GUI tests' stand-in workers
// (gui/platform/platform_native.cpp) both call it, so they compute exactly the same thing.
//   "stack"     tolerance/stack_blocks.h      (Tolerances tab)
//   "schedule"  schedule/schedule_blocks.h    (Timeline tab)
//   "decision"  decision/rank_first_blocks.h  (Decision tab, rank-first Monte Carlo)
#pragma once
#include <cstddef>
#include <string>

#include "base/block_bytes.h"

namespace mf {

// Blocks [first, first + count) of the `kind` Monte Carlo in `request`, written to `out`.
// False when the kind is unknown or its request cannot be run.
bool compute_worker_blocks(const std::string& kind, const std::string& request, size_t first, size_t count, Bytes& out);

// Runs every kind's kernel briefly once (a worker does this before its first request: the
// browser compiles a function for speed only after it has run a while).
void warm_up_worker_kernels();

}  // namespace mf
