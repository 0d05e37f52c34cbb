#include "capability/gate.h"

#include <cstdio>

namespace mf {

const char* gate_verdict_name(GateVerdict v) {
    switch (v) {
        case GateVerdict::Capable: return "capable";
        case GateVerdict::NotCapable: return "not capable";
        case GateVerdict::NotEnoughData: return "not enough data";
    }
    return "not enough data";
}

GateResult pilot_gate(const GateInput& in, const GateSettings& s) {
    GateResult g;
    char b[256];
    if (static_cast<int64_t>(in.values) < s.min_values || static_cast<int64_t>(in.subgroups) < s.min_subgroups) {
        std::snprintf(b, sizeof b,
                      "%zu values in %zu subgroups; the gate needs at least %lld values and %lld subgroups", in.values,
                      in.subgroups, static_cast<long long>(s.min_values), static_cast<long long>(s.min_subgroups));
        g.reason = b;
        return g;
    }
    if (!in.cpk) {
        g.reason = in.no_cpk_reason.empty() ? "no Cpk could be computed" : in.no_cpk_reason;
        return g;
    }
    const int pct = static_cast<int>(s.confidence * 100.0 + 0.5);
    if (s.use_lower_bound) {
        if (!in.cpk_lower_bound) {
            g.reason = "no confidence bound for Cpk could be computed";
            return g;
        }
        g.compared = *in.cpk_lower_bound;
        const bool ok = g.compared >= s.min_cpk;
        std::snprintf(b, sizeof b, "Cpk %.3f, lower %d %% confidence bound %.3f %s %.2f", *in.cpk, pct, g.compared,
                      ok ? "≥" : "<", s.min_cpk);
        g.verdict = ok ? GateVerdict::Capable : GateVerdict::NotCapable;
    } else {
        g.compared = *in.cpk;
        const bool ok = g.compared >= s.min_cpk;
        std::snprintf(b, sizeof b, "Cpk %.3f %s %.2f (point estimate; the gate ignores its confidence bound)", *in.cpk,
                      ok ? "≥" : "<", s.min_cpk);
        g.verdict = ok ? GateVerdict::Capable : GateVerdict::NotCapable;
    }
    g.reason = b;
    return g;
}

}  // namespace mf
