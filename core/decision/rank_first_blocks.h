// A rank-first Monte Carlo handed to a Web Worker: what the page sends (the decision matrix,
// samples and seed as JSON, which keeps every double exactly), what the worker computes from it
// (RankFirstRun::sample_blocks on its own run) and the bytes its result travels in
// (base/block_bytes.h). The page absorbs the blocks in order (gui/parallel_rank_first_run.h),
// so the result equals the one-call run to the last bit.
#pragma once
#include <optional>
#include <string>

#include "base/block_bytes.h"
#include "decision/sensitivity.h"

namespace mf {

struct RankFirstInput {
    MatrixInput matrix;
    size_t samples = 0;
    uint64_t seed = 1;
};

// The input as JSON text, for the worker; nothing when it would not read back exactly (a
// figure JSON cannot hold): the page then computes the run itself.
std::optional<std::string> rank_first_request(const RankFirstInput& in);
bool read_rank_first_request(const std::string& request, RankFirstInput& out);
// Parses the request and computes blocks [first, first + count) into `out`. False, with
// nothing computed, when the text is not one request or the run refuses it.
bool compute_rank_first_blocks(const std::string& request, size_t first, size_t count, Bytes& out);

Bytes write_rank_first_blocks(const RankFirstBlocks& b);
bool read_rank_first_blocks(const Bytes& bytes, RankFirstBlocks& out);

}  // namespace mf
