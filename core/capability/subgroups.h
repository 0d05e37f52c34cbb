// Subgroups of a dataset's rows and the per-subgroup statistics of one feature.
//
//   Subgrouping g = dataset_subgroups(dataset);          // fixed size or from the label column
//   SubgroupStats s = subgroup_stats(*feature.values, g); // n, mean, range, SD per subgroup
//
// Missing values (NaN) are left out of their subgroup, which then counts fewer values.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "capability/dataset_model.h"

namespace mf {

struct Subgrouping {
    size_t rows = 0;
    size_t fixed = 1;              // consecutive rows per subgroup (used when `starts` is empty)
    std::vector<uint32_t> starts;  // first row of each subgroup, ascending (label column)

    size_t count() const { return starts.empty() ? (rows + fixed - 1) / fixed : starts.size(); }
    size_t begin(size_t i) const { return starts.empty() ? i * fixed : starts[i]; }
    size_t end(size_t i) const {
        if (starts.empty()) return (i + 1) * fixed < rows ? (i + 1) * fixed : rows;
        return i + 1 < starts.size() ? starts[i + 1] : rows;
    }
    // Every subgroup is one row: individual values.
    bool individuals() const { return starts.empty() ? fixed <= 1 : starts.size() == rows; }
};

Subgrouping subgroups_of_size(size_t rows, size_t size);
// A new subgroup starts at every row whose label differs from the previous row's.
Subgrouping subgroups_from_labels(const std::vector<std::string>& labels);
Subgrouping dataset_subgroups(const Dataset& d);

struct SubgroupStats {
    std::vector<uint32_t> n;    // non-missing values in each subgroup
    std::vector<double> mean;   // NaN for an empty subgroup
    std::vector<double> range;  // max − min (0 for one value, NaN when empty)
    std::vector<double> sd;     // sample SD, n − 1 (NaN below 2 values)
    size_t values = 0;          // Σ n
    double grand_mean = 0;      // mean of all values (weighted by n)
    double pooled_ss = 0;       // Σ Σ (x − x̄ᵢ)²
    double pooled_dof = 0;      // Σ (nᵢ − 1) over subgroups with nᵢ ≥ 1
    size_t modal_size = 0;      // the most common nᵢ (ties: the larger)
    bool equal_sizes = true;    // every non-empty subgroup has modal_size values
};

SubgroupStats subgroup_stats(const std::vector<double>& values, const Subgrouping& g);

}  // namespace mf
