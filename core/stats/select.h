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

// The counting pass of percentiles_binned, for values that arrive a block at a time (a Monte
// Carlo's samples as they are drawn): equal-width bins over a range fixed up front, values
// outside it counted in the first or the last bin. Binning only narrows where the selection
// looks, so any range gives the exact percentiles; one close to the data's keeps it short.
class PercentileBins {
public:
    // max > min, both finite; bins >= 1.
    PercentileBins(double min, double max, size_t bins = 4096);
    void add(const double* values, size_t n);
    size_t count() const { return n_; }
    // Exact type-7 percentiles of `data`, whose values are exactly the ones added (in any
    // order), in one more pass over it: the same values as percentiles_select.
    std::vector<double> percentiles(const std::vector<double>& data, const std::vector<double>& ps) const;

private:
    size_t bin_of(double v) const;  // monotone in v
    double min_, scale_;
    size_t bins_;
    std::vector<size_t> counts_;  // per bin
    size_t n_ = 0;
};

}  // namespace mf
