// Percentiles of unsorted data by selection (std::nth_element, O(n) per percentile) with the
// same definition as percentile_sorted (Hyndman & Fan type 7): for 10⁶ Monte Carlo samples
// this avoids a full sort. The data are reordered.
#pragma once
#include <vector>

namespace mf {

// ps ascending in [0, 1]; returns one value per p. `data` must be non-empty; it is reordered.
std::vector<double> percentiles_select(std::vector<double>& data, const std::vector<double>& ps);

}  // namespace mf
