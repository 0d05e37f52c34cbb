// The measurement section of a plan: raw dimensional data, one column per feature, rows in
// production order, plus the settings the capability analysis and the pilot gate use.
// Columns are shared immutable vectors, so copying a Plan (an undo snapshot) never copies
// 100 000 measurements: edit by building a new vector and swapping the pointer.
//
//   Dataset d;
//   d.subgroup_size = 5;                          // consecutive rows form subgroups of 5
//   Feature f{"f-bore", "Bore", 1.020, 1.030, 1.025};
//   f.values = std::make_shared<const std::vector<double>>(measurements);
//   d.features.push_back(f);
//   std::vector<FeatureAnalysis> r = analyse_dataset(d);   // capability/analysis.h
//
// File form: dataset_json.cpp. Conventions of every analysis: docs/capability.md.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mf {

using Column = std::shared_ptr<const std::vector<double>>;           // NaN marks a missing cell
using TextColumn = std::shared_ptr<const std::vector<std::string>>;  // "" marks a missing cell

// Estimator of the within-subgroup σ for subgroups of 2 or more (for individual values,
// subgroup size 1, the average moving range of span 2 is always used).
enum class SigmaMethod {
    Pooled,  // pooled SD / c4(d + 1), d = Σ(nᵢ − 1)  (Minitab's default)
    RBar,    // R̄ / d2(n)  (Minitab's weighted form for unequal subgroup sizes)
    SBar,    // S̄ / c4(n)  (Minitab's weighted form for unequal subgroup sizes)
};

struct Feature {
    std::string id;
    std::string name;
    std::optional<double> lsl;      // lower specification limit (one-sided allowed)
    std::optional<double> usl;      // upper specification limit
    std::optional<double> nominal;  // target: used by Cpm (none: no Cpm)
    Column values{};                // one value per dataset row; never null after loading
    std::string units = "mm";       // what the values are in (display only; lengths are mm)

    bool operator==(const Feature&) const = default;
};

// The pilot gate: capable when Cpk (or its one-sided lower confidence bound) reaches min_cpk,
// "not enough data" below the minimum amount of data.
struct GateSettings {
    double min_cpk = 1.33;
    bool use_lower_bound = true;  // compare the one-sided lower bound, not the point estimate
    double confidence = 0.95;     // of that one-sided bound
    int64_t min_subgroups = 25;   // not enough data below this many subgroups ...
    int64_t min_values = 100;     // ... or below this many values

    bool operator==(const GateSettings&) const = default;
};

// First-pass yield data: parts that passed / failed a process step at the first attempt,
// optionally per lot (several records per step are summed).
struct YieldRecord {
    std::string step;
    std::string lot;  // optional
    int64_t passed = 0;
    int64_t failed = 0;

    bool operator==(const YieldRecord&) const = default;
};

enum class YieldTarget {
    Rolled,   // the rolled throughput yield must reach the target (stricter; default)
    PerStep,  // every step's first-pass yield must reach the target
};

struct YieldSettings {
    double target = 0.95;  // the article's first-pass-yield minimum
    YieldTarget applies_to = YieldTarget::Rolled;

    bool operator==(const YieldSettings&) const = default;
};

struct Dataset {
    std::string id;
    std::string name;
    std::vector<Feature> features{};

    // Subgroups: `subgroups` (when set) gives a label per row, and a new subgroup starts
    // wherever the label changes; otherwise consecutive rows form subgroups of
    // `subgroup_size` (1 = individual values, I–MR chart).
    int64_t subgroup_size = 1;
    TextColumn subgroups{};
    // Optional context columns, one entry per row ("" = missing).
    TextColumn times{};
    TextColumn machines{};
    TextColumn operators{};
    TextColumn cavities{};

    SigmaMethod sigma = SigmaMethod::Pooled;
    int64_t part_interval = 1;  // parts produced per measured row (5 = every fifth part)
    GateSettings gate{};
    std::vector<YieldRecord> yield{};
    YieldSettings yield_settings{};

    // Rows of the table: the first feature's length (every column has it after loading).
    size_t rows() const;

    // Equal values (columns: the same shared vector): the inputs of a capability job.
    bool operator==(const Dataset&) const = default;
};

const char* sigma_method_name(SigmaMethod m);  // "pooled", "rbar", "sbar"

}  // namespace mf
