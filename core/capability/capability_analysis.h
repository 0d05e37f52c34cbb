// The capability study of one dataset: every feature analysed with the dataset's settings
// (analysis.h does one feature). One entry for the CLI and the GUI, whole or in slices.
//
//   CapabilityAnalysis a = analyse_capability(plan, "d-pilot-run", {});   // whole, in one call
//   for (const auto& f : a.features) show(*f);                           // FeatureAnalysis
//
//   CapabilityRun job(dataset, options, &last, selected);   // a sliced job (core/base/job.h):
//   while (!job.step(1)) show(job.result());                 // one feature a step
//
// A job given the previous analysis keeps each feature whose inputs did not change (its
// column, limits, name, and the dataset's subgrouping, σ estimator, part interval and gate,
// and the options), so typing one limit recomputes that feature only. Features are shared,
// immutable results: copying an analysis copies pointers, never the charts.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "base/issue.h"
#include "capability/analysis.h"

namespace mf {

struct Plan;

struct CapabilityAnalysis {
    Dataset dataset;  // the inputs: the dataset as analysed (columns shared)
    CapabilityOptions options;
    Issues errors;  // the dataset could not be analysed at all (unknown id)
    // One per feature of `dataset`, in its order. While a job runs, a feature not analysed yet
    // holds the result of its previous inputs (null when there was none): current[i] says.
    std::vector<std::shared_ptr<const FeatureAnalysis>> features;
    std::vector<bool> current;

    size_t current_count() const;  // features analysed for these inputs
};

// The whole study of the plan's dataset `dataset_id`; an unknown id gives errors only.
CapabilityAnalysis analyse_capability(const Plan& plan, const std::string& dataset_id,
                                      const CapabilityOptions& options);
// The same for a dataset built elsewhere (a CSV file on the command line).
CapabilityAnalysis analyse_capability(const Dataset& dataset, const CapabilityOptions& options);

// The study as a sliced job: step(n) analyses up to n more features, `first` before the
// others; the features `previous` already holds for the same inputs are taken over at once.
class CapabilityRun {
public:
    CapabilityRun(const Dataset& dataset, const CapabilityOptions& options,
                  const CapabilityAnalysis* previous = nullptr, size_t first = 0);
    bool step(size_t n);
    bool finished() const { return next_ >= order_.size(); }
    double progress() const;
    // Partial while running: current[i] is false for the features still to do.
    const CapabilityAnalysis& result() const { return result_; }

private:
    CapabilityAnalysis result_;
    std::vector<size_t> order_;  // features to analyse, in the order they are done
    size_t next_ = 0;
};

}  // namespace mf
