// Stack Monte Carlo blocks for a Web Worker (tolerance/stack_blocks.h).
#include "tolerance/stack_blocks.h"

#include <vector>

#include "plan/section_json.h"

namespace mf {

// {"options": {"seed", "samples", "bins", "fast_normal"}, "stacks": [the stack]}
std::string stack_blocks_request(const Stack& stack, const MonteCarloOptions& o) {
    json j = json::object();
    j["options"] = {
        {"seed", o.seed}, {"samples", o.samples}, {"bins", o.histogram_bins}, {"fast_normal", o.fast_normal}};
    j["stacks"] = write_stacks({stack});
    return j.dump();
}

static bool read_options(const json& j, MonteCarloOptions& o) {
    if (!j.is_object()) return false;
    const auto seed = j.find("seed"), samples = j.find("samples"), bins = j.find("bins"), fast = j.find("fast_normal");
    if (seed == j.end() || !seed->is_number_unsigned() || samples == j.end() || !samples->is_number_unsigned() ||
        bins == j.end() || !bins->is_number_integer() || fast == j.end() || !fast->is_boolean())
        return false;
    o.seed = seed->get<uint64_t>();
    o.samples = samples->get<size_t>();
    o.histogram_bins = bins->get<int>();
    o.fast_normal = fast->get<bool>();
    return true;
}

std::unique_ptr<MonteCarloRun> stack_run_from_request(const std::string& request) {
    const json j = json::parse(request, nullptr, false);
    if (!j.is_object() || !j.contains("options") || !j.contains("stacks")) return nullptr;
    MonteCarloOptions options;
    if (!read_options(j["options"], options)) return nullptr;
    JsonReader reader;
    std::vector<Stack> stacks;
    read_stacks(j["stacks"], "", reader, stacks);
    if (!reader.ok() || stacks.size() != 1) return nullptr;
    auto run = std::make_unique<MonteCarloRun>(stacks.front(), options);
    if (!run->errors().empty()) return nullptr;
    return run;
}

bool compute_stack_blocks(const std::string& request, size_t first, size_t count, Bytes& out) {
    const std::unique_ptr<MonteCarloRun> run = stack_run_from_request(request);
    if (!run) return false;
    out = write_stack_blocks(run->sample_blocks(first, count));
    return true;
}

Bytes write_stack_blocks(const StackBlocks& b) {
    ByteWriter w;
    w.u64(b.first);
    w.u64(b.count);
    w.array(b.gaps);
    w.array(b.gaps_op);
    w.array(b.sums);
    return w.take();
}

bool read_stack_blocks(const Bytes& bytes, StackBlocks& out) {
    ByteReader r(bytes);
    r.size(out.first);
    r.size(out.count);
    r.array(out.gaps);
    r.array(out.gaps_op);
    r.array(out.sums);
    return r.done();
}

}  // namespace mf
