// Capability results of one dataset, per feature, kept until that feature's inputs change:
// typing a limit of one feature recomputes that feature only, and an edit elsewhere in the
// plan (a new state id) recomputes nothing. Features are computed one at a time, so a view
// can spread 20 features × 100 000 rows over several frames (busy.h run_slice).
//
//   cache.sync(dataset, options, state_id);                 // every frame: marks stale features
//   if (!cache.done()) run_slice([&] { return cache.step(dataset, options, selected); });
//   if (const CachedFeature* c = cache.get(i)) draw(c->a); // last result, fresh or not
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "capability/analysis.h"

namespace mf {

// Display figures derived once per result: histogram bins and per-point rule marks.
struct FeatureDisplay {
    double vmin = 0, vmax = 0;               // range of the non-missing values
    std::vector<double> edges, counts;       // histogram bins (edges.size() = counts.size() + 1)
    double max_count = 0;
    std::vector<uint8_t> rule_bits;          // per location-chart point: bit r−1 = rule r broken there
    std::vector<uint8_t> dispersion_flags;   // per dispersion-chart point: 1 = beyond its limits
};

struct CachedFeature {
    // The inputs the result was computed from (the columns are held so their addresses stay unique).
    Column values;
    TextColumn subgroups;
    std::optional<double> lsl, usl, nominal;
    std::string id, name, units;
    int64_t subgroup_size = 1, part_interval = 1;
    SigmaMethod sigma = SigmaMethod::Pooled;
    GateSettings gate;
    ChartType chart = ChartType::Auto;
    std::string rules;

    bool has_result = false;                 // a, view hold a result (maybe of older inputs)
    bool fresh = false;                      // ... of the current inputs
    FeatureAnalysis a;
    FeatureDisplay view;
};

class AnalysisCache {
public:
    // Compares every feature's inputs with those of its result; a dataset with another id
    // starts over. Cheap: no values are read. Skipped when state id and options are unchanged.
    void sync(const Dataset& d, const AnalysisOptions& opt, uint64_t state_id);
    // Computes one stale feature (`first` before the others). Returns true when none is stale.
    bool step(const Dataset& d, const AnalysisOptions& opt, size_t first);

    bool done() const { return stale_ == 0; }
    size_t size() const { return features_.size(); }
    size_t fresh_count() const { return features_.size() - stale_; }
    const CachedFeature* get(size_t i) const {
        return i < features_.size() && features_[i].has_result ? &features_[i] : nullptr;
    }
    const std::string& dataset_id() const { return dataset_id_; }
    void clear() { *this = AnalysisCache(); }

private:
    std::string dataset_id_;
    std::vector<CachedFeature> features_;
    size_t stale_ = 0;
    uint64_t synced_state_ = 0;
    std::string synced_options_;
};

// A short text naming the options that change results (chart type, rule set).
std::string options_key(const AnalysisOptions& opt);

}  // namespace mf
