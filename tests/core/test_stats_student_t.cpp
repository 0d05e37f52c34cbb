// Student's t CDF and the regularized incomplete beta against scipy 1.10 (Debian's
// /usr/bin/python3: scipy.stats.t.cdf / t.sf, scipy.special.betainc) and closed forms.
#include <doctest/doctest.h>

#include <cmath>

#include "stats/student_t.h"

using namespace mf;

TEST_CASE("student t: closed forms") {
    // df = 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/π, so F(1) = 0.75.
    CHECK(student_t_cdf(1.0, 1) == doctest::Approx(0.75).epsilon(1e-13));
    CHECK(student_t_cdf(-3.0, 1) == doctest::Approx(0.5 + std::atan(-3.0) / M_PI).epsilon(1e-13));
    // df = 2: F(t) = 1/2 + t / (2 sqrt(2 + t²)).
    CHECK(student_t_cdf(1.3, 2) == doctest::Approx(0.5 + 1.3 / (2 * std::sqrt(2 + 1.69))).epsilon(1e-13));
    CHECK(student_t_cdf(0.0, 7) == doctest::Approx(0.5).epsilon(1e-15));
    // I_x(1, 1) = x; I_x(a, 1) = x^a.
    CHECK(regularized_incomplete_beta(1, 1, 0.37) == doctest::Approx(0.37).epsilon(1e-14));
    CHECK(regularized_incomplete_beta(3.5, 1, 0.6) == doctest::Approx(std::pow(0.6, 3.5)).epsilon(1e-13));
}

TEST_CASE("student t: against scipy") {
    CHECK(student_t_cdf(2.0, 5) == doctest::Approx(0.9490302605850709).epsilon(1e-12));
    CHECK(student_t_cdf(-1.5, 10) == doctest::Approx(0.08225366322272008).epsilon(1e-12));
    CHECK(student_t_two_sided_p(3.2, 23) == doctest::Approx(0.0039786744769652795).epsilon(1e-11));
    CHECK(student_t_two_sided_p(12, 98) ==
          doctest::Approx(6.000153201837787e-21).epsilon(1e-9));                           // far tail, no cancellation
    CHECK(student_t_cdf(0.7, 2.5) == doctest::Approx(0.7282975284052259).epsilon(1e-12));  // fractional df
    CHECK(student_t_two_sided_p(0.01, 1) == doctest::Approx(0.9936340144701835).epsilon(1e-12));
    CHECK(regularized_incomplete_beta(2.5, 3.5, 0.4) == doctest::Approx(0.4869041915261175).epsilon(1e-12));
    CHECK(regularized_incomplete_beta(500, 700, 0.41) == doctest::Approx(0.32067327266169354).epsilon(1e-10));
}

TEST_CASE("student t: bad arguments give NaN, never a crash") {
    CHECK(std::isnan(student_t_cdf(1.0, 0)));
    CHECK(std::isnan(student_t_cdf(1.0, -3)));
    CHECK(std::isnan(student_t_cdf(std::nan(""), 4)));
    CHECK(std::isnan(regularized_incomplete_beta(1, 1, 1.5)));
    CHECK(student_t_two_sided_p(INFINITY, 4) == 0);
    CHECK(student_t_cdf(-INFINITY, 4) == 0);
}
