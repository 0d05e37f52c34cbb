#include "capability/capability_analysis.h"

#include <algorithm>

#include "base/job.h"
#include "plan/plan.h"

namespace mf {

static_assert(is_sliced_job<CapabilityRun>::value, "CapabilityRun follows core/base/job.h");

size_t CapabilityAnalysis::current_count() const {
    return static_cast<size_t>(std::count(current.begin(), current.end(), true));
}

// The dataset settings every feature's analysis reads (not its name, context columns or
// yield records).
static bool same_settings(const Dataset& a, const Dataset& b) {
    return a.id == b.id && a.subgroup_size == b.subgroup_size && a.subgroups == b.subgroups && a.sigma == b.sigma &&
        a.part_interval == b.part_interval && a.gate == b.gate;
}

CapabilityRun::CapabilityRun(const Dataset& d, const CapabilityOptions& o, const CapabilityAnalysis* previous,
                             size_t first) {
    result_.dataset = d;
    result_.options = o;
    const size_t n = d.features.size();
    result_.features.assign(n, nullptr);
    result_.current.assign(n, false);
    // Results of the same dataset: current ones are kept when nothing they depend on changed,
    // the others are shown until their feature is done again (no flicker).
    const bool same_dataset = previous && previous->dataset.id == d.id;
    const bool reusable = same_dataset && previous->options == o && same_settings(previous->dataset, d);
    for (size_t i = 0; i < n; ++i) {
        if (!same_dataset) break;
        const auto& old = previous->dataset.features;
        for (size_t k = 0; k < old.size() && k < previous->features.size(); ++k) {
            if (old[k].id != d.features[i].id) continue;
            result_.features[i] = previous->features[k];
            result_.current[i] = reusable && previous->current[k] && old[k] == d.features[i] && previous->features[k];
            break;
        }
    }
    if (first < n && !result_.current[first]) order_.push_back(first);
    for (size_t i = 0; i < n; ++i)
        if (i != first && !result_.current[i]) order_.push_back(i);
}

bool CapabilityRun::step(size_t n) {
    for (size_t done = 0; done < n && !finished(); ++done, ++next_) {
        const size_t i = order_[next_];
        result_.features[i] =
            std::make_shared<const FeatureAnalysis>(analyse_feature(result_.dataset, i, result_.options));
        result_.current[i] = true;
    }
    return finished();
}

double CapabilityRun::progress() const {
    const size_t n = result_.features.size();
    return n ? static_cast<double>(result_.current_count()) / static_cast<double>(n) : 1.0;
}

CapabilityAnalysis analyse_capability(const Dataset& dataset, const CapabilityOptions& options) {
    CapabilityRun job(dataset, options);
    return run_to_end(job);
}

CapabilityAnalysis analyse_capability(const Plan& plan, const std::string& dataset_id,
                                      const CapabilityOptions& options) {
    for (const Dataset& d : plan.datasets)
        if (d.id == dataset_id) return analyse_capability(d, options);
    CapabilityAnalysis a;
    a.options = options;
    a.errors.push_back({"/datasets", "the plan has no dataset \"" + dataset_id + "\""});
    return a;
}

}  // namespace mf
