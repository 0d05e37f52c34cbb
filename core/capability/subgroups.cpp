#include "capability/subgroups.h"

#include <cmath>
#include <limits>
#include <map>

namespace mf {

Subgrouping subgroups_of_size(size_t rows, size_t size) {
    Subgrouping g;
    g.rows = rows;
    g.fixed = size < 1 ? 1 : size;
    return g;
}

Subgrouping subgroups_from_labels(const std::vector<std::string>& labels) {
    Subgrouping g;
    g.rows = labels.size();
    for (size_t i = 0; i < labels.size(); ++i)
        if (i == 0 || labels[i] != labels[i - 1]) g.starts.push_back(static_cast<uint32_t>(i));
    if (g.starts.empty()) g.fixed = 1;
    return g;
}

Subgrouping dataset_subgroups(const Dataset& d) {
    if (d.subgroups && !d.subgroups->empty()) return subgroups_from_labels(*d.subgroups);
    return subgroups_of_size(d.rows(), static_cast<size_t>(d.subgroup_size < 1 ? 1 : d.subgroup_size));
}

SubgroupStats subgroup_stats(const std::vector<double>& x, const Subgrouping& g) {
    SubgroupStats s;
    const size_t k = g.count();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    s.n.assign(k, 0);
    s.mean.assign(k, nan);
    s.range.assign(k, nan);
    s.sd.assign(k, nan);
    double total = 0;
    std::map<uint32_t, size_t> size_count;
    for (size_t i = 0; i < k; ++i) {
        const size_t b = g.begin(i), e = std::min(g.end(i), x.size());
        uint32_t n = 0;
        double sum = 0, lo = INFINITY, hi = -INFINITY;
        for (size_t r = b; r < e; ++r) {
            const double v = x[r];
            if (std::isnan(v)) continue;
            ++n;
            sum += v;
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
        s.n[i] = n;
        if (n == 0) continue;
        ++size_count[n];
        const double m = sum / n;
        double ss = 0;
        if (hi > lo)  // equal values have no spread: 0 exactly, not the rounding of their mean
            for (size_t r = b; r < e; ++r) {
                const double v = x[r];
                if (!std::isnan(v)) ss += (v - m) * (v - m);
            }
        s.mean[i] = m;
        s.range[i] = hi - lo;
        if (n >= 2) s.sd[i] = std::sqrt(ss / (n - 1));
        s.pooled_ss += ss;
        s.pooled_dof += n - 1;
        s.values += n;
        total += sum;
    }
    s.grand_mean = s.values ? total / static_cast<double>(s.values) : nan;
    size_t best = 0;
    for (const auto& [size, count] : size_count)
        if (count >= best) {
            best = count;
            s.modal_size = size;
        }
    s.equal_sizes = size_count.size() <= 1;
    return s;
}

}  // namespace mf
