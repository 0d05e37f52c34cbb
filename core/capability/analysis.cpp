#include "capability/analysis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "capability/sort_values.h"
#include "capability/subgroups.h"

namespace mf {

namespace {

std::string feature_where(const Feature& f) { return "feature \"" + f.name + "\""; }

// "no variation within subgroups: measurement resolution? (the within-subgroup σ 3.76e-04 is
// below the resolution 0.001 of the recorded values): no capability index".
std::string flat_sigma_reason(const char* what, const char* which, double sigma, double resolution) {
    char b[320];
    if (sigma == 0)
        std::snprintf(b, sizeof b,
                      "%s: measurement resolution? (the %s σ is 0 at a resolution of %.6g): no capability index", what,
                      which, resolution);
    else
        std::snprintf(b, sizeof b,
                      "%s: measurement resolution? (the %s σ %.3g is below the resolution %.6g of the recorded "
                      "values): no capability index",
                      what, which, sigma, resolution);
    return b;
}

// Records a problem of the feature at `where` + field (", LSL", ", row 7", or "").
struct FeatureErrors {
    FeatureAnalysis& a;
    std::string where;
    void operator()(const std::string& field, std::string msg) { a.errors.push_back({where + field, std::move(msg)}); }
};

// Limits finite, LSL below USL, at least one limit. Returns whether indices can be computed.
bool check_limits(const Feature& f, FeatureErrors& error) {
    bool limits_ok = true;
    for (const auto& [name, v] :
         {std::pair<const char*, std::optional<double>>{"LSL", f.lsl}, {"USL", f.usl}, {"nominal", f.nominal}})
        if (v && !std::isfinite(*v)) {
            error(std::string(", ") + name, std::string(name) + " is not a finite number");
            limits_ok = false;
        }
    if (limits_ok && f.lsl && f.usl && *f.lsl >= *f.usl) {
        error(", LSL",
              "LSL must be below USL (LSL " + std::to_string(*f.lsl) + ", USL " + std::to_string(*f.usl) + ")");
        limits_ok = false;
    }
    if (!f.lsl && !f.usl) {
        error("", "no specification limits: capability needs an LSL, a USL or both");
        limits_ok = false;
    }
    return limits_ok;
}

// The recorded values (missing cells skipped) into `present`, counts and histogram into `a`.
// Returns false, with the reason recorded, when there is nothing to analyse.
bool collect_values(const Feature& f, const Subgrouping& g, FeatureAnalysis& a, FeatureErrors& error,
                    std::vector<double>& present) {
    if (!f.values || f.values->empty()) {
        error("", "has no values");
        return false;
    }
    const std::vector<double>& x = *f.values;
    a.histogram = histogram_of(x);
    a.rows = x.size();
    present.reserve(x.size());
    for (size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i])) continue;
        if (!std::isfinite(x[i])) {
            error(", row " + std::to_string(i + 1), "value is infinite");
            return false;
        }
        present.push_back(x[i]);
    }
    a.values = present.size();
    a.missing = a.rows - a.values;
    if (a.values < 2) {
        error("",
              a.values == 0 ? "has no values (every cell is missing)"
                            : "has only one value; capability needs at least two");
        return false;
    }
    if (g.rows != x.size()) {
        error("", "has a different number of rows from the dataset's subgroup column");
        return false;
    }
    return true;
}

// σ within (moving range for individuals, else the dataset's or the option's estimator) and
// overall. Returns the subgroup statistics the control chart reuses.
SubgroupStats estimate_sigmas(const Dataset& d, const std::vector<double>& x, const Subgrouping& g,
                              const CapabilityOptions& opt, FeatureAnalysis& a, FeatureErrors& error) {
    a.overall = sigma_overall(x);
    a.mean = a.overall.mean;
    SubgroupStats st;
    if (g.individuals()) {
        a.within = sigma_moving_range(x);
        a.subgroups = a.values;
        a.subgroup_size = 1;
    } else {
        st = subgroup_stats(x, g);
        a.within = sigma_within(st, opt.sigma ? *opt.sigma : d.sigma);
        a.subgroups = std::count_if(st.n.begin(), st.n.end(), [](uint32_t n) { return n > 0; });
        a.subgroup_size = st.modal_size;
        if (!st.equal_sizes)
            a.warnings.push_back("subgroups have unequal sizes (most common " + std::to_string(st.modal_size) +
                                 "); limits vary per subgroup");
    }
    if (!a.within.error.empty()) error("", a.within.error);
    return st;
}

// A σ of zero, or below the smallest step between recorded values, measures the gauge, not
// the process: Cp would be 10¹⁴ from rounding. Such a σ gives a reason, never an index.
// `sorted` is the recorded values in order. Sets *spread (overall σ usable) and returns whether
// the within σ is flat (the control chart then has no limits).
bool check_resolution(const Subgrouping& g, const std::vector<double>& sorted, FeatureAnalysis& a, FeatureErrors& error,
                      bool* spread) {
    a.resolution = value_resolution(sorted);
    if (!(a.resolution > 0)) {  // every value equal: both σ are 0 exactly (not their rounding)
        a.overall.sigma = 0;
        if (a.within.error.empty()) a.within.sigma = 0;
    }
    *spread = a.overall.sigma > 0 && std::isfinite(a.overall.sigma);
    bool within_flat = false;
    if (!*spread) {
        error("", "all values are equal (σ = 0): no capability can be computed — is the gauge resolution too coarse?");
    } else if (a.within.error.empty() && !(a.within.sigma >= a.resolution)) {
        within_flat = true;
        a.within.error = flat_sigma_reason(
            g.individuals() ? "no variation between consecutive values" : "no variation within subgroups",
            g.individuals() ? "moving-range" : "within-subgroup", a.within.sigma, a.resolution);
        error("", a.within.error);
    }
    if (*spread && !(a.overall.sigma >= a.resolution)) {
        a.overall.error = flat_sigma_reason("almost no variation overall", "overall", a.overall.sigma, a.resolution);
        error("", a.overall.error);
    }
    return within_flat;
}

CapabilityIndices compute_indices(const Dataset& d, const Feature& f, const std::vector<double>& sorted,
                                  const FeatureAnalysis& a) {
    CapabilityInput in;
    in.n = a.values;
    in.mean = a.mean;
    in.sigma_within = a.within.sigma;
    in.dof_within = a.within.dof;
    in.sigma_overall = a.overall.sigma;
    in.spec = a.spec;
    in.bound_confidence = d.gate.confidence;
    if (f.nominal) {
        double ss = 0;
        for (double v : sorted) ss += (v - *f.nominal) * (v - *f.nominal);
        in.msd_target = ss / static_cast<double>(a.values - 1);
    }
    if (f.lsl) in.observed_below = std::lower_bound(sorted.begin(), sorted.end(), *f.lsl) - sorted.begin();
    if (f.usl) in.observed_above = sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), *f.usl);
    return capability_indices(in);
}

// The control chart of the feature and the run rules on it (means/individuals and dispersion).
void chart_and_rules(const std::vector<double>& x, const Subgrouping& g, const SubgroupStats& st,
                     const CapabilityOptions& opt, FeatureAnalysis& a) {
    ChartPrecomputed pre;
    if (g.individuals()) {
        pre.moving_range = &a.within;
        pre.overall = &a.overall;
    } else
        pre.stats = &st;
    a.chart = control_chart(x, g, opt.chart, pre);
    if (a.chart.error.empty() && a.chart.sigma > 0) {
        const double point_sigma = a.chart.sigma / std::sqrt(static_cast<double>(a.chart.subgroup_size));
        a.violations = run_rules(a.chart.points, a.chart.center, point_sigma, a.chart.point_sigma, opt.rules);
        a.dispersion_violations =
            beyond_limits(a.chart.dispersion, a.chart.d_lcl, a.chart.d_ucl, a.chart.d_point_lcl, a.chart.d_point_ucl);
        if (!a.violations.empty() || !a.dispersion_violations.empty())
            a.warnings.push_back("the process is not in statistical control (" +
                                 std::to_string(a.violations.size() + a.dispersion_violations.size()) +
                                 " rule violations): capability predicts nothing for an unstable process");
    } else if (!a.chart.error.empty()) {
        a.warnings.push_back("control chart: " + a.chart.error);
    }
}

// Anderson–Darling normality (with percentile and lognormal figures when not normal) and the
// drift of the mean along the parts.
void normality_and_drift(const Dataset& d, const Feature& f, const std::vector<double>& x,
                         const std::vector<double>& sorted, const CapabilityOptions& opt, FeatureAnalysis& a) {
    a.ad = anderson_darling_normal(sorted, a.mean, a.overall.sigma);
    if (a.ad.error.empty()) {
        a.normal = a.ad.p >= opt.normality_alpha;
        if (!a.normal) {
            char b[200];
            std::snprintf(b, sizeof b,
                          "the values are not normal (Anderson–Darling A² = %.3f, p = %.4f): normal-theory Cpk/Ppk and "
                          "expected ppm are not trustworthy; see the percentile and lognormal figures",
                          a.ad.a2, a.ad.p);
            a.warnings.push_back(b);
            a.percentile = percentile_capability(sorted, a.spec);
            a.lognormal = lognormal_capability(sorted, a.spec);
        }
    }
    a.drift = drift_trend(x, static_cast<double>(d.part_interval), opt.drift_alpha);
    if (a.drift.error.empty() && a.drift.significant) {
        char b[200];
        std::snprintf(b, sizeof b, "the mean drifts: %+.4g %s per 100 parts (p = %.2g)", a.drift.slope_per_100_parts,
                      f.units.c_str(), a.drift.p);
        a.warnings.push_back(b);
    }
}

// The pilot gate's verdict, and per point the rules it broke (bit r-1 for rule r) for the charts.
void gate_and_marks(const Dataset& d, FeatureAnalysis& a) {
    GateInput gi;
    gi.values = a.values;
    gi.subgroups = a.subgroups;
    gi.cpk = a.cap.cpk;
    gi.cpk_lower_bound = a.cap.cpk_lower_bound;
    if (!a.errors.empty()) gi.no_cpk_reason = a.errors.front().message;
    a.gate = pilot_gate(gi, d.gate);

    a.rule_marks.assign(a.chart.points.size(), 0);
    for (const Violation& v : a.violations)
        if (v.index >= 1 && v.index <= a.rule_marks.size() && v.rule >= 1 && v.rule <= 8)
            a.rule_marks[v.index - 1] |= static_cast<uint8_t>(1u << (v.rule - 1));
    a.dispersion_marks.assign(a.chart.dispersion.size(), 0);
    for (const Violation& v : a.dispersion_violations)
        if (v.index >= 1 && v.index <= a.dispersion_marks.size()) a.dispersion_marks[v.index - 1] = 1;
}

// One feature, top to bottom: validation, σ, resolution, indices, chart, normality, drift, gate.
FeatureAnalysis analyse(const Dataset& d, const Feature& f, const Subgrouping& g, const CapabilityOptions& opt) {
    FeatureAnalysis a;
    a.feature_id = f.id;
    a.feature_name = f.name;
    a.units = f.units;
    a.spec = {f.lsl, f.usl, f.nominal};
    FeatureErrors error{a, feature_where(f)};

    const bool limits_ok = check_limits(f, error);
    std::vector<double> sorted;  // the recorded values; sorted after the σ estimates
    if (!collect_values(f, g, a, error, sorted)) return a;
    const std::vector<double>& x = *f.values;
    const SubgroupStats st = estimate_sigmas(d, x, g, opt, a, error);
    sort_values(sorted);
    bool spread = false;
    const bool within_flat = check_resolution(g, sorted, a, error, &spread);

    if (limits_ok && spread && a.errors.empty()) a.cap = compute_indices(d, f, sorted, a);
    if (within_flat)  // limits of zero width would flag every point
        a.chart.error = a.within.error;
    else if (spread)
        chart_and_rules(x, g, st, opt, a);
    normality_and_drift(d, f, x, sorted, opt, a);
    gate_and_marks(d, a);
    return a;
}

}  // namespace

ValueHistogram histogram_of(const std::vector<double>& x) {
    ValueHistogram h;
    double lo = INFINITY, hi = -INFINITY;
    size_t n = 0;
    for (double e : x)
        if (std::isfinite(e)) {
            lo = std::min(lo, e);
            hi = std::max(hi, e);
            ++n;
        }
    if (n == 0) return h;
    h.vmin = lo;
    h.vmax = hi;
    const int bins = std::clamp(static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n)))), 5, 40);
    if (!(hi > lo)) {
        lo -= 0.5;
        hi += 0.5;
    }
    // Values spread wider than the largest double (a hostile file: −1e308 and 1e308) make
    // hi − lo infinite; then the edges and bins come from halves, which cannot overflow.
    // Ordinary data takes the first form, so its figures stay as they were.
    const double w = (hi - lo) / bins;
    const double half_w = (0.5 * hi - 0.5 * lo) / bins;
    const bool finite_width = std::isfinite(w);
    h.edges.resize(static_cast<size_t>(bins) + 1);
    for (int i = 0; i <= bins; ++i) {
        const double f = static_cast<double>(i) / bins;
        h.edges[static_cast<size_t>(i)] = finite_width ? lo + w * i : lo * (1 - f) + hi * f;
    }
    h.counts.assign(static_cast<size_t>(bins), 0.0);
    for (double e : x) {
        if (!std::isfinite(e)) continue;
        const double t = finite_width ? (e - lo) / w : (0.5 * e - 0.5 * lo) / half_w;
        // Compared as a double first: a NaN or a huge t never reaches the int conversion.
        const int b = t >= bins - 1 ? bins - 1 : t > 0 ? static_cast<int>(t) : 0;
        h.counts[static_cast<size_t>(b)] += 1;
    }
    h.max_count = *std::max_element(h.counts.begin(), h.counts.end());
    return h;
}

FeatureAnalysis analyse_feature(const Dataset& d, size_t i, const CapabilityOptions& opt) {
    if (i >= d.features.size()) {
        FeatureAnalysis a;
        a.errors.push_back({"dataset \"" + d.name + "\"", "has no feature number " + std::to_string(i + 1)});
        return a;
    }
    return analyse(d, d.features[i], dataset_subgroups(d), opt);
}

std::vector<FeatureAnalysis> analyse_dataset(const Dataset& d, const CapabilityOptions& opt) {
    const Subgrouping g = dataset_subgroups(d);
    std::vector<FeatureAnalysis> out;
    out.reserve(d.features.size());
    for (const auto& f : d.features) out.push_back(analyse(d, f, g, opt));
    return out;
}

}  // namespace mf
