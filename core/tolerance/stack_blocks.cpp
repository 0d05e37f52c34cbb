// Stack Monte Carlo blocks for a Web Worker (tolerance/stack_blocks.h).
#include "tolerance/stack_blocks.h"

#include <vector>

#include "plan/section_json.h"

namespace mf {

std::string stack_blocks_request(const Stack& stack) { return write_stacks({stack}).dump(); }

bool compute_stack_blocks(const std::string& request, const MonteCarloOptions& options, size_t first, size_t count,
                          StackBlocks& out) {
    const json j = json::parse(request, nullptr, false);
    if (j.is_discarded()) return false;
    JsonReader reader;
    std::vector<Stack> stacks;
    read_stacks(j, "", reader, stacks);
    if (!reader.ok() || stacks.size() != 1) return false;
    MonteCarloRun run(stacks.front(), options);
    if (!run.errors().empty()) return false;
    out = run.sample_blocks(first, count);
    return true;
}

}  // namespace mf
