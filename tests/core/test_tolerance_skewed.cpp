// Skewed contributors (2026-12-06): the triangle with a mode anywhere in its band and the
// lognormal. The statistical stack must use each actual distribution's mean and σ, the Monte
// Carlo must draw from it; both are checked against hand calculations written out here.
#include <doctest/doctest.h>

#include <cmath>

#include "plan/plan_file.h"
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_analysis.h"
#include "tolerance/stack_edit.h"
#include "tolerance_test_support.h"

using namespace mf;

namespace {

constexpr auto part = mf::test::contributor;  // tests/core/tolerance_test_support.h

// gap = A − B + C:
//   A  triangle (min, mode, max) = (4.988, 5.008, 5.012), sensitivity +1
//   B  lognormal, band 0.020 ± 0.010 (median 0.020), σ of ln x = 0.25, sensitivity −1
//   C  normal 1.000 ± 0.006 at Cp 1 (σ = 0.002), sensitivity +1
Stack skewed_stack() {
    Stack s;
    Contributor a = part("A", 5.0, 0.012, 0.012, 1);
    a.distribution.kind = DistributionKind::Triangular;
    a.distribution.mode = 5.008;
    Contributor b = part("B", 0.020, 0.010, 0.010, -1);
    b.distribution.kind = DistributionKind::Lognormal;
    b.distribution.sigma_log = 0.25;
    Contributor c = part("C", 1.0, 0.006, 0.006, 1);
    s.contributors = {a, b, c};
    return s;
}

// Hand calculation of skewed_stack():
//   A, about 5: (a, c, b) = (−0.012, +0.008, +0.012):
//     mean = 5 + (−0.012 + 0.008 + 0.012)/3 = 5.0026666…
//     a² + b² + c² = 0.000144 + 0.000144 + 0.000064 = 0.000352
//     ab + ac + bc = −0.000144 − 0.000096 + 0.000096 = −0.000144
//     var = (0.000352 + 0.000144)/18 = 0.000496/18 = 2.755556e−5, σ = 0.00524934
//   B: mean = 0.020·e^(0.25²/2) = 0.020·e^0.03125 = 0.0206348681
//      σ = mean·√(e^0.0625 − 1) = 0.0206348681·0.253958 = 0.00524038
//   C: mean 1, σ 0.002
//   gap mean = 5.0026667 − 0.0206349 + 1 = 5.9820318
//   gap σ = √(2.755556e−5 + 0.00524038² + 0.002²) = √(5.9017e−5) = 0.00768226
constexpr double kMeanA = 5.0 + 0.008 / 3.0;
constexpr double kVarA = 0.000496 / 18.0;
const double kMeanB = 0.020 * std::exp(0.03125);
const double kSigmaB = 0.020 * std::exp(0.03125) * std::sqrt(std::exp(0.0625) - 1.0);
const double kGapMean = kMeanA - kMeanB + 1.0;
const double kGapSigma = std::sqrt(kVarA + kSigmaB * kSigmaB + 0.002 * 0.002);

}  // namespace

TEST_CASE("skewed contributors: the statistical stack uses each actual distribution's mean and sigma") {
    const Stack s = skewed_stack();
    const LinearStack lin = linearize_stack(s, 20);
    REQUIRE(lin.errors.empty());
    CHECK(lin.terms[0].mean == doctest::Approx(5.002666666666667).epsilon(1e-12));
    CHECK(lin.terms[0].sigma == doctest::Approx(0.005249338582).epsilon(1e-8));
    CHECK(lin.terms[1].mean == doctest::Approx(0.020634868150).epsilon(1e-9));
    CHECK(lin.terms[1].sigma == doctest::Approx(0.005240381442).epsilon(1e-8));
    const StatisticalResult st = statistical(lin, {});
    CHECK(st.mean == doctest::Approx(5.982031798517).epsilon(1e-12));
    CHECK(st.sigma == doctest::Approx(0.007682262246).epsilon(1e-8));
    CHECK(st.mean == doctest::Approx(kGapMean).epsilon(1e-12));
    CHECK(st.sigma == doctest::Approx(kGapSigma).epsilon(1e-10));
    // The skew moves the stack's mean away from the mid-limit mean (5 − 0.020 + 1 = 5.98):
    // +0.0026667 from A, −0.0006349 from B (B enters with −1).
    const WorstCaseResult wc = worst_case(lin);
    CHECK(wc.mean == doctest::Approx(5.98).epsilon(1e-12));
    CHECK(st.mean - wc.mean == doctest::Approx(0.008 / 3.0 - 0.020 * std::expm1(0.03125)).epsilon(1e-6));
    // The worst case is still the band ends: the mode and the lognormal do not change it.
    CHECK(wc.min == doctest::Approx(4.988 - 0.030 + 0.994));
    CHECK(wc.max == doctest::Approx(5.012 - 0.010 + 1.006));
}

TEST_CASE("skewed contributors: Monte Carlo mean and sigma agree with the analytic values") {
    const Stack s = skewed_stack();
    MonteCarloOptions o;
    o.samples = 400000;
    o.seed = 11;
    const MonteCarloSummary m = run_monte_carlo(s, o).at_measurement;
    // Mean: within 4 standard errors σ/√n = 0.00768/632 = 1.21e−5 → 4.9e−5.
    CHECK(std::fabs(m.mean - kGapMean) < 4.0 * kGapSigma / std::sqrt(400000.0));
    // σ: the sample σ's relative standard error is about √((kurtosis − 1)/(4n)) ≈ 0.1 %; allow 0.5 %.
    CHECK(m.sigma == doctest::Approx(kGapSigma).epsilon(0.005));
    // A mid-limit stand-in would put the mean at 5.98, 170 standard errors away.
    CHECK(std::fabs(m.mean - 5.98) > 1e-3);
}

TEST_CASE("skewed contributors: a one-triangle stack's percentiles follow the analytic inverse CDF") {
    // Triangle (a, c, b) = (9.994, 9.996, 10.004): F(c) = (c − a)/(b − a) = 0.2.
    //   p < 0.2: x = a + √(p (b − a)(c − a));  p ≥ 0.2: x = b − √((1 − p)(b − a)(b − c))
    //   p 0.00135: 9.994 + √(0.00135·0.010·0.002) = 9.994 + 0.000164317 = 9.994164317
    //   p 0.5:     10.004 − √(0.5·0.010·0.008)    = 10.004 − 0.006324555 = 9.997675445
    //   p 0.99865: 10.004 − √(0.00135·0.010·0.008) = 10.004 − 0.000328634 = 10.003671366
    Stack s;
    Contributor t = part("T", 10.0, 0.004, 0.006, 1);
    t.distribution.kind = DistributionKind::Triangular;
    t.distribution.mode = 9.996;
    s.contributors = {t};
    const LinearStack lin = linearize_stack(s, 20);
    REQUIRE(lin.errors.empty());
    // Mean (a + b + c)/3 = 29.994/3 = 9.998; σ² = ((−0.004)² + 0.006² + (−0.002)² − (−0.004)(0.006)
    // − (−0.004)(−0.002) − (0.006)(−0.002))/18 about 10 = (16 + 36 + 4 + 24 − 8 + 12)e−6/18 = 84e−6/18.
    CHECK(lin.terms[0].mean == doctest::Approx(9.998).epsilon(1e-12));
    CHECK(lin.terms[0].sigma == doctest::Approx(std::sqrt(84e-6 / 18)).epsilon(1e-9));
    MonteCarloOptions o;
    o.samples = 200000;
    o.seed = 5;
    const MonteCarloSummary m = run_monte_carlo(s, o).at_measurement;
    // Standard error of a p-quantile: √(p(1 − p)/n)/f(x). At the median f = 2(b − x)/((b − a)(b − c))
    // = 158.1 /mm → 7.1e−6 mm; at 0.135 % f = 2(x − a)/((b − a)(c − a)) = 16.4 → 5.0e−6; at 99.865 %
    // f = 2(b − x)/((b − a)(b − c)) = 8.2 → 1.0e−5. Allowed: 5 standard errors.
    CHECK(std::fabs(m.p50 - 9.997675444679663) < 3.6e-5);
    CHECK(std::fabs(m.p00135 - 9.994164316767252) < 2.5e-5);
    CHECK(std::fabs(m.p99865 - 10.003671366465497) < 5.0e-5);
    CHECK(m.min >= 9.994);
    CHECK(m.max <= 10.004);
    CHECK(std::fabs(m.mean - 9.998) < 4.0 * std::sqrt(84e-6 / 18) / std::sqrt(200000.0));
}

TEST_CASE("skewed contributors: a lognormal contributor's Monte Carlo median and skewness") {
    // x lognormal, median 0.020, s = 0.25: the sample median → 0.020; skewness
    // (e^(s²) + 2)·√(e^(s²) − 1) = (1.0644945 + 2)·0.2539576 = 0.778374.
    Stack s;
    Contributor b = part("B", 0.020, 0.010, 0.010, 1);
    b.distribution.kind = DistributionKind::Lognormal;
    b.distribution.sigma_log = 0.25;
    s.contributors = {b};
    MonteCarloOptions o;
    o.samples = 200000;
    o.seed = 8;
    const MonteCarloSummary m = run_monte_carlo(s, o).at_measurement;
    // Median's standard error: 0.5/√n / f(median), f(median) = 1/(m s √(2π)) = 79.79 /mm → 1.4e−5.
    CHECK(std::fabs(m.p50 - 0.020) < 6e-5);
    CHECK(m.skewness == doctest::Approx((std::exp(0.0625) + 2.0) * std::sqrt(std::expm1(0.0625))).epsilon(0.05));
    CHECK(m.min > 0);
}

TEST_CASE("skewed contributors: bad modes and lognormal parameters are Issues at their place") {
    auto first = [](const Stack& s) { return validate_stack(s, StackCheck::ForAnalysis); };
    Stack s = skewed_stack();
    s.contributors[0].distribution.mode = 5.013;  // above the upper limit 5.012
    Issues e = first(s);
    REQUIRE(e.size() == 1);
    CHECK(e[0].where == "/contributors/0/distribution/mode");
    CHECK(e[0].message.find("outside its band [4.988, 5.012]") != std::string::npos);

    s = skewed_stack();
    s.contributors[2].distribution.mode = 1.0;  // a normal has no mode
    e = first(s);
    REQUIRE(e.size() == 1);
    CHECK(e[0].where == "/contributors/2/distribution/mode");
    CHECK(e[0].message.find("only to the triangular distribution, not to normal") != std::string::npos);

    s = skewed_stack();
    s.contributors[1].distribution.sigma_log = 0;
    e = first(s);
    REQUIRE(e.size() == 1);
    CHECK(e[0].where == "/contributors/1/distribution/sigma_log");
    CHECK(e[0].message.find("must be a number above 0") != std::string::npos);

    s = skewed_stack();
    s.contributors[1].distribution.shift = -0.025;  // median 0.020 − 0.025 < 0
    e = first(s);
    REQUIRE(e.size() == 1);
    CHECK(e[0].where == "/contributors/1/distribution/shift");
    CHECK(e[0].message.find("median of \"B\" (band centre + shift = -0.005) must be above 0") != std::string::npos);

    s = skewed_stack();
    s.contributors[2].distribution.sigma_log = 0.1;  // on a normal
    e = first(s);
    REQUIRE(e.size() == 1);
    CHECK(e[0].where == "/contributors/2/distribution/sigma_log");

    // No number comes out of a refused stack.
    s.contributors[0].distribution.mode = std::nan("");
    CHECK(!linearize_stack(s, 20).errors.empty());
    CHECK(!run_monte_carlo(s, {}).errors.empty());
}

TEST_CASE("skewed contributors: the plan file reads, writes and reads back mode and sigma_log") {
    const std::string text =
        R"({"format": "microfab-plan", "version": 1, "project": {"name": "T", "units": "um"},
            "stacks": [{"id": "s", "name": "S", "contributors": [
              {"id": "a", "name": "A", "nominal": 5, "tol_plus": 0.012, "tol_minus": 0.012,
               "distribution": {"type": "triangular", "mode": 5.008}},
              {"id": "b", "name": "B", "nominal": 0.02, "tol_plus": 0.01, "tol_minus": 0.01, "sensitivity": -1,
               "distribution": {"type": "lognormal", "sigma_log": 0.25, "shift": 0.001}}]}]})";
    LoadResult r = load_plan(text);
    REQUIRE_MESSAGE(r.errors.empty(), (r.errors.empty() ? "" : to_string(r.errors[0])));
    const Stack& s = r.plan->stacks[0];
    CHECK(s.contributors[0].distribution.kind == DistributionKind::Triangular);
    CHECK(*s.contributors[0].distribution.mode == 5.008);
    CHECK(s.contributors[1].distribution.kind == DistributionKind::Lognormal);
    CHECK(s.contributors[1].distribution.sigma_log == 0.25);
    CHECK(s.contributors[1].distribution.shift == 0.001);
    const std::string saved = save_plan(*r.plan);
    CHECK(saved.find("\"mode\": 5.008") != std::string::npos);
    CHECK(saved.find("\"sigma_log\": 0.25") != std::string::npos);
    LoadResult again = load_plan(saved);
    REQUIRE(again.plan);
    CHECK(again.plan->stacks[0] == s);

    // A mode outside the band, in the file: the Issue names the place.
    std::string bad = text;
    bad.replace(bad.find("5.008"), 5, "4.900");
    LoadResult b = load_plan(bad);
    REQUIRE(!b.errors.empty());
    CHECK(b.errors[0].where == "/stacks/0/contributors/0/distribution/mode");
}

TEST_CASE("skewed contributors: switching kinds drops the fields of the old kind") {
    Contributor k = part("k", 0.020, 0.010, 0.010, 1);
    set_distribution_kind(k, DistributionKind::Triangular);
    k.distribution.mode = 0.025;
    set_distribution_kind(k, DistributionKind::Lognormal);
    CHECK(!k.distribution.mode);
    // Starts with the spread of a Cp 1 normal: s = T/(3·median) = 0.010/0.060 = 0.1666…
    CHECK(k.distribution.sigma_log == doctest::Approx(0.010 / 0.060));
    Stack s;
    s.contributors = {k};
    CHECK(validate_stack(s, StackCheck::ForAnalysis).empty());
    set_distribution_kind(k, DistributionKind::Uniform);
    CHECK(k.distribution.sigma_log == 0);
}
