#include <doctest/doctest.h>

#include <cmath>

#include "stats/distributions.h"
#include "stats/summary.h"

using namespace mf;

TEST_CASE("normal CDF and quantile against tabulated values") {
    CHECK(normal_cdf(0) == doctest::Approx(0.5).epsilon(1e-15));
    CHECK(normal_cdf(1.959963984540054) == doctest::Approx(0.975).epsilon(1e-12));
    CHECK(normal_sf(3.0) == doctest::Approx(1.3498980316300946e-3).epsilon(1e-12));  // one-sided 3σ tail
    CHECK(normal_sf(6.0) == doctest::Approx(9.865876450376946e-10).epsilon(1e-10));
    CHECK(normal_quantile(0.975) == doctest::Approx(1.959963984540054).epsilon(1e-14));
    CHECK(normal_quantile(0.00135) == doctest::Approx(-2.9999769927033935).epsilon(1e-13));  // scipy.stats.norm.ppf
    CHECK(normal_quantile(1e-10) == doctest::Approx(-6.361340902404056).epsilon(1e-12));
    for (double p : {1e-12, 0.001, 0.2, 0.5, 0.7, 0.999, 1 - 1e-9})
        CHECK(normal_cdf(normal_quantile(p)) == doctest::Approx(p).epsilon(1e-10));
}

TEST_CASE("same seed, same sequence; different seeds differ") {
    Rng a(42), b(42), c(43);
    for (int i = 0; i < 100; ++i) {
        const uint64_t x = a.next();
        CHECK(x == b.next());
        CHECK(x != c.next());
    }
}

TEST_CASE("samplers reproduce their analytic moments") {
    // 400 000 draws: the standard error of a mean is σ/√n ≈ 0.0016σ, so 0.01σ tolerances are safe.
    const int n = 400000;
    Rng rng(7);
    double sum = 0, sum2 = 0;
    for (int i = 0; i < n; ++i) {
        const double z = rng.normal();
        sum += z;
        sum2 += z * z;
    }
    CHECK(std::fabs(sum / n) < 0.01);
    CHECK(std::sqrt(sum2 / n) == doctest::Approx(1.0).epsilon(0.01));

    sum = sum2 = 0;
    for (int i = 0; i < n; ++i) {
        const double x = triangular_sample(rng, 2, 3, 7);
        sum += x;
        sum2 += x * x;
    }
    const double mean = sum / n, sd = std::sqrt(sum2 / n - mean * mean);
    CHECK(mean == doctest::Approx(triangular_mean(2, 3, 7)).epsilon(0.005));   // 4
    CHECK(triangular_sd(2, 3, 7) == doctest::Approx(std::sqrt(21.0 / 18.0)));  // (4+49+9-14-6-21)/18
    CHECK(sd == doctest::Approx(triangular_sd(2, 3, 7)).epsilon(0.01));

    sum = 0;
    for (int i = 0; i < n; ++i) sum += pert_sample(rng, 10, 15, 30);
    CHECK(pert_mean(10, 15, 30) == doctest::Approx(100.0 / 6.0));  // (10 + 60 + 30) / 6
    CHECK(sum / n == doctest::Approx(100.0 / 6.0).epsilon(0.005));

    sum = 0;
    for (int i = 0; i < n; ++i) sum += gamma_sample(rng, 0.5);
    CHECK(sum / n == doctest::Approx(0.5).epsilon(0.02));  // mean of Gamma(k,1) is k
}

TEST_CASE("type 7 percentiles and Wilson intervals by hand") {
    const std::vector<double> x{1, 2, 3, 4, 10};
    CHECK(percentile_sorted(x, 0.5) == 3);
    CHECK(percentile_sorted(x, 0.9) == doctest::Approx(7.6));  // h = 3.6: 4 + 0.6 * 6
    CHECK(percentile_sorted(x, 0.0) == 1);
    // Wilson, 95 %, 95 of 100 (scipy.stats.binomtest(95, 100).proportion_ci(method="wilson"))
    const Interval w = wilson_interval(95, 100);
    CHECK(w.lower == doctest::Approx(0.8882495307680808).epsilon(1e-12));
    CHECK(w.upper == doctest::Approx(0.9784563208456319).epsilon(1e-12));
}
