// The capability study's results table (capability/capability_tables.h).
#include "capability/capability_tables.h"

#include <cmath>
#include <cstdio>

#include "base/format.h"

namespace mf {

ValueUnit value_unit(const Feature& f, LengthUnit plan_units) {
    if (f.units == "mm") return {mm_per_unit(plan_units), unit_symbol(plan_units)};
    return {1.0, f.units};
}

VerdictWords verdict_words(const FeatureAnalysis& a, const GateSettings& s) {
    const bool no_limits = !a.spec.lsl && !a.spec.usl;
    const bool in_control = a.violations.empty() && a.dispersion_violations.empty();
    switch (a.gate.verdict) {
        case GateVerdict::Capable:
            if (in_control) return {"✓", "capable", VerdictTone::Good};
            return {"▲", "capable, not in control", VerdictTone::Warning};
        case GateVerdict::NotCapable:
            return {"✗", in_control ? "not capable" : "not capable, not in control", VerdictTone::Bad};
        case GateVerdict::NotEnoughData: break;
    }
    const bool few =
        static_cast<int64_t>(a.values) < s.min_values || static_cast<int64_t>(a.subgroups) < s.min_subgroups;
    if (few) return {"?", no_limits ? "not enough data, no spec limits" : "not enough data", VerdictTone::Warning};
    if (no_limits) return {"?", "no spec limits", VerdictTone::Warning};
    return {"?", "no Cpk", VerdictTone::Warning};  // e.g. no spread: the reason says why
}

// A limit as its field shows it: 7 significant digits in the display unit; empty when unset.
static TableCell limit_cell(const std::optional<double>& stored, const ValueUnit& u) {
    if (!stored) return text_cell("");
    char b[48];
    std::snprintf(b, sizeof b, "%.7g", *stored / u.scale);
    return number_cell(b);
}

static TableCell index_cell(const std::optional<double>& v) {
    if (!v || !std::isfinite(*v)) return text_cell("—");
    char b[48];
    std::snprintf(b, sizeof b, "%.2f", *v);
    return number_cell(b);
}

ResultTable capability_indices_table(const CapabilityAnalysis& a, LengthUnit plan_units) {
    ResultTable t{"Capability indices",
                  "capability",
                  {"Feature", "Unit", "LSL", "USL", "Target", "n", "Cp", "Cpk", "Cpk lower bound", "Ppk", "Verdict"},
                  {}};
    const Dataset& d = a.dataset;
    for (size_t i = 0; i < d.features.size() && i < a.features.size(); ++i) {
        if (!a.features[i] || (i < a.current.size() && !a.current[i])) continue;
        const Feature& f = d.features[i];
        const FeatureAnalysis& fa = *a.features[i];
        const ValueUnit u = value_unit(f, plan_units);
        t.rows.push_back({text_cell(f.name), text_cell(u.symbol), limit_cell(f.lsl, u), limit_cell(f.usl, u),
                          limit_cell(f.nominal, u), number_cell(std::to_string(fa.values)), index_cell(fa.cap.cp),
                          index_cell(fa.cap.cpk), index_cell(fa.cap.cpk_lower_bound), index_cell(fa.cap.ppk),
                          text_cell(verdict_words(fa, d.gate).words)});
    }
    return t;
}

}  // namespace mf
