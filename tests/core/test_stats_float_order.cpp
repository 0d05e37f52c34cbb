// FloatOrder (stats/float_order.h): the radix-sorted order of a float column must give exactly
// the ranks and percentiles of a comparison sort — the schedule Monte Carlo's sensitivities
// and per-task finish percentiles depend on it byte for byte.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "stats/float_order.h"
#include "stats/random.h"
#include "stats/summary.h"

using namespace mf;

namespace {
// The reference: average ranks by std::sort of indices (the code FloatOrder replaced).
std::vector<double> ranks_by_comparison(const std::vector<float>& x) {
    const size_t n = x.size();
    std::vector<size_t> idx(n);
    std::iota(idx.begin(), idx.end(), size_t{0});
    std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
    std::vector<double> rank(n);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && x[idx[j]] == x[idx[i]]) ++j;
        for (size_t k = i; k < j; ++k) rank[idx[k]] = 0.5 * static_cast<double>(i + j + 1);
        i = j;
    }
    return rank;
}
}  // namespace

TEST_CASE("FloatOrder: ranks and type 7 percentiles by hand") {
    // x = 3, 1, 4, 1, 5, −2, 0, −0: sorted −2, −0|0, 1, 1, 3, 4, 5 → ranks −2:1, zeros share
    // (2+3)/2 = 2.5, ones share (4+5)/2 = 4.5, 3:6, 4:7, 5:8.
    const std::vector<float> x = {3, 1, 4, 1, 5, -2, 0, -0.0f};
    FloatOrder o;
    o.sort(x.data(), x.size());
    std::vector<double> r;
    o.average_ranks(r);
    CHECK(r == std::vector<double>{6, 4.5, 7, 4.5, 8, 1, 2.5, 2.5});
    // P50: h = 7 × 0.5 = 3.5 → x₍₃₎ + 0.5 (x₍₄₎ − x₍₃₎) = 1 + 0.5 × 0 = 1;
    // P80: h = 5.6 → x₍₅₎ + 0.6 (x₍₆₎ − x₍₅₎) = 3 + 0.6 × 1 = 3.6; P0 = −2, P100 = 5.
    CHECK(o.percentile(x.data(), 0.5) == 1.0);
    CHECK(o.percentile(x.data(), 0.8) == doctest::Approx(3.6).epsilon(1e-12));
    CHECK(o.percentile(x.data(), 0.0) == -2.0);
    CHECK(o.percentile(x.data(), 1.0) == 5.0);
    // One value: every percentile is that value, its rank 1.
    const float one = 7.5f;
    o.sort(&one, 1);
    o.average_ranks(r);
    CHECK(r == std::vector<double>{1});
    CHECK(o.percentile(&one, 0.8) == 7.5);
    // A constant column: every rank is the mean rank (n + 1)/2.
    const std::vector<float> c(1000, 2.25f);
    o.sort(c.data(), c.size());
    o.average_ranks(r);
    CHECK(std::all_of(r.begin(), r.end(), [](double v) { return v == 500.5; }));
}

TEST_CASE("FloatOrder: identical to a comparison sort on Monte Carlo-like columns") {
    Rng rng(11);
    for (size_t n : {2u, 255u, 256u, 10000u, 70000u}) {
        // Durations with many ties (rounded to quarters), wide-ranging finishes, mixed signs.
        std::vector<float> ties(n), wide(n), mixed(n);
        for (size_t i = 0; i < n; ++i) {
            ties[i] = static_cast<float>(std::round(4 * (2 + 3 * rng.uniform())) / 4);
            wide[i] = static_cast<float>(std::exp(20 * rng.uniform()));
            mixed[i] = static_cast<float>(rng.uniform() - 0.5) * 1e-3f;
        }
        FloatOrder o;
        for (const auto* col : {&ties, &wide, &mixed}) {
            o.sort(col->data(), n);
            std::vector<double> r;
            o.average_ranks(r);
            CHECK(r == ranks_by_comparison(*col));
            std::vector<double> sorted(col->begin(), col->end());
            std::sort(sorted.begin(), sorted.end());
            for (double p : {0.0, 0.1, 0.5, 0.8, 0.95, 1.0})
                CHECK(o.percentile(col->data(), p) == percentile_sorted(sorted, p));
        }
    }
}
