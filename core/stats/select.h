// Percentiles of unsorted data by selection (std::nth_element, O(n) per percentile) with the
// same definition as percentile_sorted (Hyndman & Fan type 7): for 10⁶ Monte Carlo samples
// this avoids a full sort. The data are reordered.
#pragma once
#include <cstddef>
#include <vector>

namespace mf {

// ps ascending in [0, 1]; returns one value per p. `data` must be non-empty; it is reordered.
std::vector<double> percentiles_select(std::vector<double>& data, const std::vector<double>& ps);

// The same values as percentiles_select, without reordering `data`, in about three passes:
// the values are counted in `bins` equal-width bins over [min, max] (the data's own minimum
// and maximum), and only the bins holding the needed order statistics are selected in.
std::vector<double> percentiles_binned(const std::vector<double>& data, const std::vector<double>& ps, double min,
                                       double max, size_t bins = 4096);

}  // namespace mf
