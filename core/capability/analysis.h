// The whole capability study of one feature (or every feature of a dataset) in one call:
// what the CLI prints and the GUI shows.
//
//   std::vector<FeatureAnalysis> all = analyse_dataset(dataset);   // or capability_analysis.h
//   const FeatureAnalysis& a = all[0];
//   if (!a.errors.empty()) show(a.errors);            // nothing numeric is trustworthy
//   a.cap.cpk, a.cap.cpk_lower_bound, a.chart, a.violations, a.ad, a.gate ...
//
// Steps: validate (limits finite and ordered, values finite, enough values) → subgroup
// statistics → σ_within (dataset.sigma, or the moving range for individual values) and
// σ_overall → indices → control chart and run rules (location chart: all enabled rules;
// dispersion chart: rule 1) → Anderson–Darling → non-normal alternatives when p < 0.05 →
// drift → pilot gate. One sort of the values (for A–D and percentiles); no O(n²) step.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "capability/capability.h"
#include "capability/control_chart.h"
#include "capability/dataset_model.h"
#include "capability/drift.h"
#include "capability/gate.h"
#include "capability/normality.h"
#include "capability/run_rules.h"
#include "capability/sigma.h"
#include "base/issue.h"

namespace mf {

struct CapabilityOptions {
    std::optional<SigmaMethod> sigma;  // overrides dataset.sigma
    ChartType chart = ChartType::Auto;
    RuleSettings rules = RuleSettings::nelson();
    double normality_alpha = 0.05;  // A–D p below this: normal capability not trustworthy
    double drift_alpha = 0.05;

    bool operator==(const CapabilityOptions&) const = default;
};

// The non-missing values binned for a histogram: √n bins (5 to 40) over their range (a range
// of zero widened to ±0.5).
struct ValueHistogram {
    double vmin = 0, vmax = 0;          // range of the non-missing values
    std::vector<double> edges, counts;  // edges.size() = counts.size() + 1; empty without values
    double max_count = 0;
};
ValueHistogram histogram_of(const std::vector<double>& values);

struct FeatureAnalysis {
    std::string feature_id, feature_name, units;
    Issues errors;                      // blocking: the indices are absent
    std::vector<std::string> warnings;  // not blocking: read the numbers with care

    size_t rows = 0, values = 0, missing = 0, subgroups = 0;
    size_t subgroup_size = 1;  // modal
    SpecLimits spec;
    double mean = 0;
    SigmaEstimate within, overall;  // error set when σ is 0 or below `resolution` (no index then)
    double resolution = 0;          // smallest difference between distinct values (0: all equal)
    CapabilityIndices cap;

    ControlChart chart;
    std::vector<Violation> violations;             // on the X̄ / I chart
    std::vector<Violation> dispersion_violations;  // on the R / S / MR chart (rule 1)

    AndersonDarling ad;
    bool normal = true;                             // ad.p >= normality_alpha
    std::optional<NonNormalCapability> percentile;  // only when not normal
    std::optional<NonNormalCapability> lognormal;   // only when not normal

    Drift drift;
    GateResult gate;

    // For charts: the histogram and, per plotted point, the rules broken there.
    ValueHistogram histogram;
    std::vector<uint8_t> rule_marks;        // per location-chart point: bit r−1 set = rule r broken there
    std::vector<uint8_t> dispersion_marks;  // per dispersion-chart point: 1 = beyond its limits
};

FeatureAnalysis analyse_feature(const Dataset& d, size_t feature_index, const CapabilityOptions& opt = {});
std::vector<FeatureAnalysis> analyse_dataset(const Dataset& d, const CapabilityOptions& opt = {});

}  // namespace mf
