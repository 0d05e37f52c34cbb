// The pilot-run gate: capable / not capable / not enough data, with the reason in words.
//
//   GateResult g = pilot_gate({values, subgroups, cpk, cpk_lower_bound}, dataset.gate);
//
// Not enough data: fewer values than min_values or fewer subgroups than min_subgroups, or
// no Cpk (no specification limits, σ = 0). Otherwise the gate compares the one-sided lower
// confidence bound of Cpk (use_lower_bound, the default) — or the point estimate — with
// min_cpk. A Cpk of 1.36 from 50 parts has a lower 95 % bound near 1.1: not capable.
#pragma once
#include <optional>
#include <string>

#include "capability/dataset_model.h"

namespace mf {

enum class GateVerdict { Capable, NotCapable, NotEnoughData };
const char* gate_verdict_name(GateVerdict v);  // "capable", "not capable", "not enough data"

struct GateInput {
    size_t values = 0;
    size_t subgroups = 0;
    std::optional<double> cpk;
    std::optional<double> cpk_lower_bound;  // one-sided at GateSettings::confidence
    std::string no_cpk_reason;              // why cpk is missing, for the message
};

struct GateResult {
    GateVerdict verdict = GateVerdict::NotEnoughData;
    std::string reason;
    double compared = 0;  // the figure compared with min_cpk
};

GateResult pilot_gate(const GateInput& in, const GateSettings& s);

}  // namespace mf
