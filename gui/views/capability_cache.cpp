#include "views/capability_cache.h"

#include <algorithm>
#include <cmath>

namespace mf {

std::string options_key(const AnalysisOptions& opt) {
    return std::string(chart_type_name(opt.chart)) + "/" + opt.rules.name;
}

static bool same_gate(const GateSettings& a, const GateSettings& b) {
    return a.min_cpk == b.min_cpk && a.use_lower_bound == b.use_lower_bound && a.confidence == b.confidence &&
           a.min_subgroups == b.min_subgroups && a.min_values == b.min_values;
}

static bool same_inputs(const CachedFeature& c, const Dataset& d, const Feature& f, const AnalysisOptions& opt) {
    return c.values == f.values && c.subgroups == d.subgroups && c.lsl == f.lsl && c.usl == f.usl &&
           c.nominal == f.nominal && c.id == f.id && c.name == f.name && c.units == f.units &&
           c.subgroup_size == d.subgroup_size && c.part_interval == d.part_interval && c.sigma == d.sigma &&
           same_gate(c.gate, d.gate) && c.chart == opt.chart && c.rules == opt.rules.name;
}

static void remember_inputs(CachedFeature& c, const Dataset& d, const Feature& f, const AnalysisOptions& opt) {
    c.values = f.values;
    c.subgroups = d.subgroups;
    c.lsl = f.lsl;
    c.usl = f.usl;
    c.nominal = f.nominal;
    c.id = f.id;
    c.name = f.name;
    c.units = f.units;
    c.subgroup_size = d.subgroup_size;
    c.part_interval = d.part_interval;
    c.sigma = d.sigma;
    c.gate = d.gate;
    c.chart = opt.chart;
    c.rules = opt.rules.name;
}

void AnalysisCache::sync(const Dataset& d, const AnalysisOptions& opt, uint64_t state_id) {
    const std::string okey = options_key(opt);
    if (d.id == dataset_id_ && state_id == synced_state_ && okey == synced_options_ && features_.size() == d.features.size())
        return;
    if (d.id != dataset_id_) {
        features_.clear();
        dataset_id_ = d.id;
    }
    // Features matched by id keep their last result while it is recomputed (no flicker).
    std::vector<CachedFeature> next(d.features.size());
    for (size_t i = 0; i < d.features.size(); ++i) {
        const Feature& f = d.features[i];
        auto it = std::find_if(features_.begin(), features_.end(), [&](const CachedFeature& c) { return c.id == f.id; });
        if (it != features_.end()) next[i] = std::move(*it);
        next[i].fresh = next[i].has_result && same_inputs(next[i], d, f, opt);
    }
    features_ = std::move(next);
    stale_ = static_cast<size_t>(std::count_if(features_.begin(), features_.end(), [](const CachedFeature& c) { return !c.fresh; }));
    synced_state_ = state_id;
    synced_options_ = okey;
}

// Histogram bins over the values' range (√n bins, 5 to 40) and per-point marks of the rules.
static FeatureDisplay display_figures(const FeatureAnalysis& a, const std::vector<double>& x) {
    FeatureDisplay v;
    double lo = INFINITY, hi = -INFINITY;
    size_t n = 0;
    for (double e : x)
        if (std::isfinite(e)) { lo = std::min(lo, e); hi = std::max(hi, e); ++n; }
    if (n > 0) {
        v.vmin = lo;
        v.vmax = hi;
        const int bins = std::clamp(static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n)))), 5, 40);
        if (!(hi > lo)) { lo -= 0.5; hi += 0.5; }
        const double w = (hi - lo) / bins;
        v.edges.resize(static_cast<size_t>(bins) + 1);
        for (int i = 0; i <= bins; ++i) v.edges[static_cast<size_t>(i)] = lo + w * i;
        v.counts.assign(static_cast<size_t>(bins), 0.0);
        for (double e : x) {
            if (!std::isfinite(e)) continue;
            const int b = std::clamp(static_cast<int>((e - lo) / w), 0, bins - 1);
            v.counts[static_cast<size_t>(b)] += 1;
        }
        v.max_count = *std::max_element(v.counts.begin(), v.counts.end());
    }
    v.rule_bits.assign(a.chart.points.size(), 0);
    for (const Violation& viol : a.violations)
        if (viol.index >= 1 && viol.index <= v.rule_bits.size() && viol.rule >= 1 && viol.rule <= 8)
            v.rule_bits[viol.index - 1] |= static_cast<uint8_t>(1u << (viol.rule - 1));
    v.dispersion_flags.assign(a.chart.dispersion.size(), 0);
    for (const Violation& viol : a.dispersion_violations)
        if (viol.index >= 1 && viol.index <= v.dispersion_flags.size()) v.dispersion_flags[viol.index - 1] = 1;
    return v;
}

bool AnalysisCache::step(const Dataset& d, const AnalysisOptions& opt, size_t first) {
    if (stale_ == 0 || features_.size() != d.features.size()) return true;
    size_t i = first < features_.size() && !features_[first].fresh ? first : features_.size();
    if (i == features_.size())
        for (size_t k = 0; k < features_.size(); ++k)
            if (!features_[k].fresh) { i = k; break; }
    if (i == features_.size()) { stale_ = 0; return true; }
    CachedFeature& c = features_[i];
    const Feature& f = d.features[i];
    remember_inputs(c, d, f, opt);
    c.a = analyse_feature(d, i, opt);
    static const std::vector<double> kNone;
    c.view = display_figures(c.a, f.values ? *f.values : kNone);
    c.has_result = c.fresh = true;
    --stale_;
    return stale_ == 0;
}

}  // namespace mf
