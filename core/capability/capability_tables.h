// The capability study's results table (base/result_table.h): one row per feature with its
// limits and indices, as the Capability view's summary table shows them, for the clipboard,
// the CSV and `mfplan table --name capability`. Also the two pieces of that view the table
// shares with it: the unit a feature is shown in and the gate's verdict in words.
//
//   CapabilityAnalysis a = analyse_capability(plan, "d-pilot-run", {});
//   ResultTable t = capability_indices_table(a, plan.meta.units);
#pragma once
#include <string>

#include "base/result_table.h"
#include "capability/capability_analysis.h"
#include "plan/plan.h"

namespace mf {

// How a feature's values are shown: lengths (units "mm") in the plan's display unit,
// anything else as stored with its own unit text. shown = stored / scale.
struct ValueUnit {
    double scale = 1;
    std::string symbol;
};
ValueUnit value_unit(const Feature& f, LengthUnit plan_units);

// The pilot gate's verdict as the page says it. The gate's "not enough data" also covers a
// feature with plenty of values but no specification limit (no Cpk to compare): that says
// "no spec limits". The gate weighs Cpk only: a capable process out of statistical control
// (control-chart rules broken) is a warning and says both facts, as capability predicts
// nothing for an unstable process.
enum class VerdictTone { Good, Warning, Bad };
struct VerdictWords {
    const char* mark;   // "✓", "✗", "?", "▲": a colour is never alone
    std::string words;  // "capable", "capable, not in control", "no spec limits", ...
    VerdictTone tone;
};
VerdictWords verdict_words(const FeatureAnalysis& a, const GateSettings& s);

// Columns: Feature, Unit, LSL, USL, Target (in the feature's unit, 7 significant digits as the
// limit fields show them; empty when not set), n (values used), Cp, Cpk, Cpk lower bound, Ppk
// (2 decimals, "—" when there is none) and Verdict (verdict_words). A feature not analysed
// for the current inputs (a study still running) is left out.
ResultTable capability_indices_table(const CapabilityAnalysis& a, LengthUnit plan_units);

}  // namespace mf
