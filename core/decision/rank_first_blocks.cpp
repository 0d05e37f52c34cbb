// Rank-first Monte Carlo blocks for a Web Worker (decision/rank_first_blocks.h).
#include "decision/rank_first_blocks.h"

#include <cmath>

#include "base/json_reader.h"  // nlohmann::json as mf::json

namespace mf {

// {"samples", "seed", "alternatives", "criteria", "benefit", "weights", "value", "low", "high",
//  "scale_min", "scale_max"} with MatrixInput's shapes; an absent scale is null.
static json optional_list(const std::vector<std::optional<double>>& v) {
    json a = json::array();
    for (const auto& x : v) a.push_back(x ? json(*x) : json(nullptr));
    return a;
}

static bool all_finite(const MatrixInput& m) {
    auto ok = [](const std::vector<std::vector<double>>& rows) {
        for (const auto& r : rows)
            for (double x : r)
                if (!std::isfinite(x)) return false;
        return true;
    };
    for (double w : m.weights)
        if (!std::isfinite(w)) return false;
    for (const auto* v : {&m.scale_min, &m.scale_max})
        for (const auto& x : *v)
            if (x && !std::isfinite(*x)) return false;
    return ok(m.value) && ok(m.low) && ok(m.high);
}

std::optional<std::string> rank_first_request(const RankFirstInput& in) {
    const MatrixInput& m = in.matrix;
    if (!all_finite(m)) return std::nullopt;  // JSON has no NaN or infinity (such a matrix is refused anyway)
    json j = {{"samples", in.samples},  {"seed", in.seed},      {"alternatives", m.alternatives},
              {"criteria", m.criteria}, {"benefit", m.benefit}, {"weights", m.weights},
              {"value", m.value},       {"low", m.low},         {"high", m.high}};
    j["scale_min"] = optional_list(m.scale_min);
    j["scale_max"] = optional_list(m.scale_max);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// More than any run accepts (base/limits.h caps the work far below): refused before a cast.
static constexpr uint64_t kMaxSamplesInRequest = 1ull << 31;

// Typed reads, checked without exceptions (our own page wrote the request; anything else is refused).
static bool get_u64(const json& j, const char* key, uint64_t& out) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number_unsigned()) return false;
    out = it->get<uint64_t>();
    return true;
}
template <class T, class Is>
static bool get_list(const json& a, std::vector<T>& out, Is is) {
    if (!a.is_array()) return false;
    out.clear();
    for (const json& x : a) {
        if (!is(x)) return false;
        out.push_back(x.get<T>());
    }
    return true;
}
static bool get(const json& j, const char* key, std::vector<std::string>& out) {
    const auto it = j.find(key);
    return it != j.end() && get_list(*it, out, [](const json& x) { return x.is_string(); });
}
static bool get(const json& j, const char* key, std::vector<bool>& out) {
    const auto it = j.find(key);
    return it != j.end() && get_list(*it, out, [](const json& x) { return x.is_boolean(); });
}
static bool get(const json& j, const char* key, std::vector<double>& out) {
    const auto it = j.find(key);
    return it != j.end() && get_list(*it, out, [](const json& x) { return x.is_number(); });
}
static bool get(const json& j, const char* key, std::vector<std::vector<double>>& out) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return false;
    out.assign(it->size(), {});
    for (size_t i = 0; i < it->size(); ++i)
        if (!get_list((*it)[i], out[i], [](const json& x) { return x.is_number(); })) return false;
    return true;
}

static bool get_optional_list(const json& j, const char* key, std::vector<std::optional<double>>& out) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return false;
    out.clear();
    for (const json& x : *it) {
        if (x.is_null())
            out.emplace_back();
        else if (x.is_number())
            out.emplace_back(x.get<double>());
        else
            return false;
    }
    return true;
}

bool read_rank_first_request(const std::string& request, RankFirstInput& out) {
    const json j = json::parse(request, nullptr, false);
    if (!j.is_object()) return false;
    MatrixInput& m = out.matrix;
    uint64_t samples = 0;
    if (!get_u64(j, "samples", samples) || samples > kMaxSamplesInRequest) return false;
    out.samples = static_cast<size_t>(samples);
    return get_u64(j, "seed", out.seed) && get(j, "alternatives", m.alternatives) && get(j, "criteria", m.criteria) &&
        get(j, "benefit", m.benefit) && get(j, "weights", m.weights) && get(j, "value", m.value) &&
        get(j, "low", m.low) && get(j, "high", m.high) && get_optional_list(j, "scale_min", m.scale_min) &&
        get_optional_list(j, "scale_max", m.scale_max);
}

bool compute_rank_first_blocks(const std::string& request, size_t first, size_t count, Bytes& out) {
    RankFirstInput in;
    if (!read_rank_first_request(request, in)) return false;
    RankFirstRun run(in.matrix, in.samples, in.seed);
    if (!run.result().errors.empty()) return false;
    out = write_rank_first_blocks(run.sample_blocks(first, count));
    return true;
}

Bytes write_rank_first_blocks(const RankFirstBlocks& b) {
    ByteWriter w;
    w.u64(b.first);
    w.u64(b.count);
    w.array(b.sums);
    return w.take();
}

bool read_rank_first_blocks(const Bytes& bytes, RankFirstBlocks& out) {
    ByteReader r(bytes);
    r.size(out.first);
    r.size(out.count);
    r.array(out.sums);
    return r.done();
}

}  // namespace mf
