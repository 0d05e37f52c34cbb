// The ziggurat normal sampler and selection percentiles (core/stats/fast_normal.h, select.h),
// added for the tolerance Monte Carlo.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "stats/distributions.h"
#include "stats/fast_normal.h"
#include "stats/select.h"
#include "stats/summary.h"

using namespace mf;

TEST_CASE("ziggurat normal: moments and tail probabilities of N(0, 1)") {
    // 10⁶ draws; each proportion is checked against the exact normal probability with a
    // 99.9 % Wilson interval (z = 3.29) of the observed count.
    const int n = 1000000;
    Rng rng(12345);
    double sum = 0, sum2 = 0, sum3 = 0, sum4 = 0;
    int beyond3 = 0, beyond38 = 0, below_m1 = 0, below_05 = 0;
    for (int i = 0; i < n; ++i) {
        const double z = normal_ziggurat(rng);
        sum += z;
        sum2 += z * z;
        sum3 += z * z * z;
        sum4 += z * z * z * z;
        if (std::fabs(z) > 3) ++beyond3;
        if (z > 3.8) ++beyond38;  // past R = 3.654: only the tail algorithm reaches here
        if (z < -1) ++below_m1;
        if (z < 0.5) ++below_05;
    }
    CHECK(std::fabs(sum / n) < 3.29 / std::sqrt(double(n)));
    CHECK(std::fabs(sum2 / n - 1) < 3.29 * std::sqrt(2.0 / n));
    CHECK(std::fabs(sum3 / n) < 3.29 * std::sqrt(15.0 / n));
    CHECK(std::fabs(sum4 / n - 3) < 3.29 * std::sqrt(96.0 / n));
    auto agrees = [&](int k, double p) {
        const Interval ci = wilson_interval(k, n, 3.2905267314919255);
        return p >= ci.lower && p <= ci.upper;
    };
    CHECK(agrees(beyond3, 2 * normal_sf(3)));  // 0.0026998
    CHECK(agrees(beyond38, normal_sf(3.8)));   // 7.2348e-5
    CHECK(agrees(below_m1, normal_cdf(-1)));
    CHECK(agrees(below_05, normal_cdf(0.5)));
}

TEST_CASE("ziggurat normal: same seed, same sequence") {
    Rng a(99), b(99);
    for (int i = 0; i < 1000; ++i) CHECK(normal_ziggurat(a) == normal_ziggurat(b));
}

TEST_CASE("selection percentiles equal type 7 on the sorted data") {
    Rng rng(4);
    for (size_t n : {1, 2, 3, 10, 1001}) {
        std::vector<double> x(n);
        for (auto& v : x) v = rng.uniform() - 0.3;
        x.push_back(x[0]);  // a tie
        std::vector<double> sorted = x;
        std::sort(sorted.begin(), sorted.end());
        const std::vector<double> ps{0, 0.00135, 0.25, 0.5, 0.5, 0.99865, 1};
        const std::vector<double> got = percentiles_select(x, ps);
        for (size_t k = 0; k < ps.size(); ++k) CHECK(got[k] == percentile_sorted(sorted, ps[k]));
        const double lo = sorted.front(), hi = sorted.back();
        for (size_t bins : {1, 7, 4096}) {
            const std::vector<double> binned = percentiles_binned(x, ps, lo, hi, bins);
            for (size_t k = 0; k < ps.size(); ++k) CHECK(binned[k] == percentile_sorted(sorted, ps[k]));
        }
        // Descending requests are handled too.
        const std::vector<double> back = percentiles_select(x, {0.9, 0.1});
        CHECK(back[0] == percentile_sorted(sorted, 0.9));
        CHECK(back[1] == percentile_sorted(sorted, 0.1));
    }
    // By hand: {1, 2, 3, 4, 10}, p = 0.9: h = 3.6, 4 + 0.6 · 6 = 7.6.
    std::vector<double> x{10, 3, 1, 4, 2};
    CHECK(percentiles_select(x, {0.9})[0] == doctest::Approx(7.6));
    CHECK(percentiles_binned(x, {0.9}, 1, 10, 3)[0] == doctest::Approx(7.6));
    // Heavy ties and a constant sample.
    std::vector<double> ties(1000, 2.0);
    for (size_t i = 0; i < 10; ++i) ties[i * 100] = 1.0 + 0.1 * double(i);
    std::vector<double> tsorted = ties;
    std::sort(tsorted.begin(), tsorted.end());
    for (double p : {0.001, 0.005, 0.0099, 0.5, 0.999})
        CHECK(percentiles_binned(ties, {p}, tsorted.front(), tsorted.back(), 64)[0] == percentile_sorted(tsorted, p));
    CHECK(percentiles_binned(std::vector<double>(5, 3.0), {0.2}, 3.0, 3.0)[0] == 3.0);
}

TEST_CASE("percentile bins: values added a block at a time give the exact percentiles over any range") {
    // What a Monte Carlo run keeps as samples arrive (tolerance/monte_carlo.h): bins over a
    // range fixed by its first block, which later samples may leave on either side.
    Rng rng(11);
    std::vector<double> x(20000);
    for (auto& v : x) v = rng.normal() * 2.0 + 5.0;
    std::vector<double> sorted = x;
    std::sort(sorted.begin(), sorted.end());
    const std::vector<double> ps{0, 0.00135, 0.5, 0.99865, 1};
    // Around the middle only, entirely below the data, entirely above it, and wide.
    for (const auto& [from, to] :
         std::vector<std::pair<double, double>>{{4.0, 6.0}, {-9.0, -8.0}, {50.0, 60.0}, {-100.0, 100.0}}) {
        PercentileBins bins(from, to, 512);
        for (size_t at = 0; at < x.size(); at += 1024) bins.add(x.data() + at, std::min<size_t>(1024, x.size() - at));
        CHECK(bins.count() == x.size());
        const std::vector<double> got = bins.percentiles(x, ps);
        for (size_t k = 0; k < ps.size(); ++k) CHECK(got[k] == percentile_sorted(sorted, ps[k]));
    }
    // Infinite values fall in the end bins (no conversion of an infinity to an integer, which
    // traps in WebAssembly); the order statistic between them is found.
    std::vector<double> wild{1.0, std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                             2.0};
    PercentileBins bins(0.0, 3.0, 8);
    bins.add(wild.data(), wild.size());
    CHECK(bins.percentiles(wild, {1.0 / 3.0})[0] == 1.0);  // h = 1: the second smallest, exactly
    // Values other than the ones added: no figure rather than a wrong one.
    CHECK(std::isnan(bins.percentiles({1.0, 2.0}, {0.5})[0]));
}
