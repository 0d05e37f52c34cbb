// Monte Carlo of tolerance stacks: against exact analytic answers within the Monte Carlo's
// own confidence interval, slices identical to one call, and a fixed-seed value shared by the
// native and the WASM build.
#include <doctest/doctest.h>

#include <cmath>

#include "stats/distributions.h"
#include "stats/summary.h"
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_analysis.h"
#include "tolerance_test_support.h"

using namespace mf;

namespace {

Contributor part(const char* id, double nominal, double tol, double sensitivity, DistributionKind kind) {
    Contributor c;
    c.id = id;
    c.name = id;
    c.nominal = nominal;
    c.tol_plus = c.tol_minus = tol;
    c.sensitivity = sensitivity;
    c.distribution.kind = kind;
    return c;
}

// |estimate − exact| within z standard errors of a proportion (z = 3.29: 99.9 % two-sided, so
// the fixed-seed checks below are not a coin toss at the 5 % level).
bool proportion_agrees(double count, double n, double exact_p, double z = 3.2905267314919255) {
    const Interval ci = wilson_interval(count, n, z);
    return exact_p >= ci.lower && exact_p <= ci.upper;
}

constexpr size_t kN = 200000;

}  // namespace

TEST_CASE("tolerance MC: normal stack, mean, sigma and tails agree with the exact normal answer") {
    // gap = A − B, A ~ N(5, 0.004), B ~ N(4.99, 0.003) (Cp = 1 on ±0.012 and ±0.009):
    // gap ~ N(0.010, 0.005) exactly. Limits 0.002 and 0.020: P(below) = Φ(−1.6), P(above) = Q(2).
    Stack s;
    s.contributors = {part("A", 5.0, 0.012, 1, DistributionKind::Normal),
                      part("B", 4.99, 0.009, -1, DistributionKind::Normal)};
    s.lower_limit = 0.002;
    s.upper_limit = 0.020;
    MonteCarloOptions o;
    o.samples = kN;
    o.seed = 11;
    const MonteCarloResult r = run_monte_carlo(s, o);
    REQUIRE(r.errors.empty());
    const MonteCarloSummary& m = r.at_measurement;
    CHECK(m.n == kN);
    CHECK(std::fabs(m.mean - 0.010) < 3.29 * 0.005 / std::sqrt(double(kN)));
    CHECK(m.sigma == doctest::Approx(0.005).epsilon(3.29 * std::sqrt(0.5 / kN)));  // SE(s)/σ ≈ 1/√(2n)
    CHECK(std::fabs(m.skewness) < 3.29 * std::sqrt(6.0 / kN));
    CHECK(proportion_agrees(double(m.below), kN, normal_cdf(-1.6)));
    CHECK(proportion_agrees(double(m.above), kN, normal_sf(2.0)));
    // The reported 95 % interval is the Wilson interval of the counts, in ppm.
    const Interval ci = wilson_interval(double(m.above), double(kN));
    CHECK(m.ci95_above->lower == doctest::Approx(ci.lower * 1e6));
    CHECK(m.ci95_above->upper == doctest::Approx(ci.upper * 1e6));
    CHECK(*m.ppm_above == doctest::Approx(double(m.above) / kN * 1e6));
    // Percentiles: the exact CDF at the estimated 0.135 % / 99.865 % points is within the
    // binomial error of the order statistic.
    CHECK(std::fabs(normal_cdf((m.p00135 - 0.010) / 0.005) - 0.00135) < 3.29 * std::sqrt(0.00135 * 0.99865 / kN));
    CHECK(std::fabs(normal_cdf((m.p99865 - 0.010) / 0.005) - 0.99865) < 3.29 * std::sqrt(0.00135 * 0.99865 / kN));
    CHECK(std::fabs(m.p50 - 0.010) < 0.0002);
    // Histogram: every sample counted once, over [min, max].
    size_t total = 0;
    for (auto c : m.histogram.counts) total += c;
    CHECK(total == kN);
    CHECK(m.histogram.lo == m.min);
    CHECK(m.histogram.lo + 60 * m.histogram.width == doctest::Approx(m.max));
    // Contribution shares from the samples: σ_A²/σ² = 16/25 and σ_B²/σ² = 9/25 (± sampling error).
    CHECK(r.squared_correlation[0] == doctest::Approx(0.64).epsilon(0.02));
    CHECK(r.squared_correlation[1] == doctest::Approx(0.36).epsilon(0.03));
}

TEST_CASE("tolerance MC: two uniforms sum to a triangle — exact tail probability and percentile") {
    // A, B uniform on ±0.010 about their centres: gap − mean has the triangular density on
    // (−0.020, 0.020); P(gap − mean > t) = (0.020 − t)² / (8 · 0.010²) for 0 ≤ t ≤ 0.020.
    Stack s;
    s.contributors = {part("A", 3.0, 0.010, 1, DistributionKind::Uniform),
                      part("B", 2.0, 0.010, -1, DistributionKind::Uniform)};
    s.upper_limit = 1.0 + 0.012;  // t = 0.012: P = 0.008² / 0.0008 = 0.08
    s.lower_limit = 1.0 - 0.018;  // t = 0.018: P = 0.002² / 0.0008 = 0.005
    MonteCarloOptions o;
    o.samples = kN;
    o.seed = 5;
    const MonteCarloSummary m = run_monte_carlo(s, o).at_measurement;
    CHECK(proportion_agrees(double(m.above), kN, 0.08));
    CHECK(proportion_agrees(double(m.below), kN, 0.005));
    // The 99.865 % point: 0.020 − 0.010·√(8 · 0.00135) = 0.0189608 above the mean; check it
    // through the exact CDF, F(q̂) within the binomial error of 0.99865.
    const double q = m.p99865 - 1.0;
    const double upper_tail = (0.020 - q) * (0.020 - q) / 0.0008;
    CHECK(std::fabs((1 - upper_tail) - 0.99865) < 3.29 * std::sqrt(0.00135 * 0.99865 / kN));
    CHECK(q == doctest::Approx(0.018960769515458675).epsilon(0.002));
    // The normal model predicts the same σ but not the same tails: the triangle has none past 0.020.
    CHECK(m.max - 1.0 < 0.020);
    CHECK(m.sigma == doctest::Approx(0.010 * std::sqrt(2.0 / 3.0)).epsilon(0.01));  // √2 · T/√3
}

TEST_CASE("tolerance MC: triangular contributor — exact tail of the triangle") {
    // One symmetric triangle on 10 ± 0.006: P(x > 10 + t) = (0.006 − t)² / (2 · 0.006²).
    Stack s;
    s.contributors = {part("T", 10.0, 0.006, 1, DistributionKind::Triangular)};
    s.upper_limit = 10.003;  // t = 0.003: P = 0.125
    s.lower_limit = 9.995;   // t = 0.005: P = 1/72 = 0.013889
    MonteCarloOptions o;
    o.samples = kN;
    o.seed = 9;
    const MonteCarloSummary m = run_monte_carlo(s, o).at_measurement;
    CHECK(proportion_agrees(double(m.above), kN, 0.125));
    CHECK(proportion_agrees(double(m.below), kN, 1.0 / 72));
    CHECK(m.sigma == doctest::Approx(0.006 / std::sqrt(6.0)).epsilon(0.01));
}

TEST_CASE("tolerance MC: skew-normal keeps the declared mean and sigma, with Azzalini's skewness") {
    // Shape α = 5: δ = 5/√26; skewness (4 − π)/2 · (δ√(2/π))³ / (1 − 2δ²/π)^1.5 = 0.850965
    // (scipy.stats.skewnorm(5).stats(moments='s')).
    Stack s;
    s.contributors = {part("S", 2.0, 0.009, 1, DistributionKind::SkewNormal)};
    s.contributors[0].distribution.skew = 5;
    s.contributors[0].distribution.shift = 0.001;
    s.upper_limit = 2.0 + 0.009;
    MonteCarloOptions o;
    o.samples = kN;
    o.seed = 3;
    const MonteCarloResult r = run_monte_carlo(s, o);
    const MonteCarloSummary& m = r.at_measurement;
    CHECK(std::fabs(m.mean - 2.001) < 3.29 * 0.003 / std::sqrt(double(kN)));
    CHECK(m.sigma == doctest::Approx(0.003).epsilon(0.01));
    CHECK(m.skewness == doctest::Approx(0.8509650126313717).epsilon(0.03));
    // The normal model and the samples disagree in the long tail: more above than N(2.001, 0.003) predicts.
    const StackReport rep = analyse_stack(s, &r);
    CHECK(*m.ppm_above > 1.5 * *rep.statistical.tails.ppm_above);
}

TEST_CASE("tolerance MC: a 2D loop is evaluated exactly, not linearised") {
    // One vector of fixed length 10 mm whose angle is N(0°, 1°), gap along 0°: gap = 10 cos θ.
    // Linearised: mean 10, σ 0 (∂gap/∂θ = 0 at θ = 0). Exactly: E = 10 exp(−σ²/2) with σ in
    // radians = 9.998477029, and σ_gap = 10 √((1 + e^(−2σ²))/2 − e^(−σ²)) = 0.0021536.
    Stack s;
    Contributor tilt = part("tilt", 0.0, 3.0, 1, DistributionKind::Normal);  // ±3° at Cp 1: σ = 1°
    tilt.kind = DimensionKind::Angle;
    s.contributors = {tilt};
    s.loop = VectorLoop{0, {{"", 10.0, "tilt", 0}}};
    const LinearStack lin = linearize_stack(s, 20);
    REQUIRE(lin.errors.empty());
    CHECK(lin.terms[0].sensitivity == doctest::Approx(0.0));
    CHECK(statistical(lin, {}).mean == doctest::Approx(10.0));
    MonteCarloOptions o;
    o.samples = kN;
    o.seed = 21;
    const MonteCarloSummary m = run_monte_carlo(s, o).at_measurement;
    CHECK(std::fabs(m.mean - 9.998477028884894) < 3.29 * 0.002153642397647095 / std::sqrt(double(kN)));
    CHECK(m.sigma == doctest::Approx(0.002153642397647095).epsilon(0.02));
    CHECK(m.max <= 10.0);  // never longer than the vector
}

TEST_CASE("tolerance MC: slices give exactly the one-call result") {
    Stack s;
    s.contributors = {part("A", 5.0, 0.012, 1, DistributionKind::Normal),
                      part("B", 4.99, 0.009, -1, DistributionKind::Uniform),
                      part("C", 1.0, 0.004, 1, DistributionKind::SkewNormal)};
    s.contributors[2].distribution.skew = -3;
    s.contributors[0].material = "inconel-718";
    s.operating_temperature = 150;
    s.lower_limit = 1.0;
    s.upper_limit = 1.03;
    MonteCarloOptions o;
    o.samples = 54321;  // not a multiple of the block size
    o.seed = 77;
    const MonteCarloResult one = run_monte_carlo(s, o);
    MonteCarloRun run(s, o);
    for (size_t n : {1, 777, 5000, 3, 20000})
        if (!run.finished()) CHECK_FALSE(run.step(n));
    CHECK(run.progress() < 1.0);
    const MonteCarloResult partial = run.result();  // callable any time: the samples so far
    CHECK(partial.samples == run.done());
    CHECK(partial.at_measurement.n == run.done());
    while (!run.step(4096)) {}
    CHECK(run.finished());
    CHECK(run.progress() == 1.0);
    const MonteCarloResult sliced = run.result();
    REQUIRE(sliced.errors.empty());
    CHECK(one.thermal_differs);
    CHECK(one.at_measurement.n == 54321);
    CHECK(one.at_operating.n == 54321);
    mf::test::check_same_result(one, sliced);
}

TEST_CASE("tolerance MC: same seed, same result; the fixed-seed value natively and in WASM") {
    Stack s;
    s.contributors = {part("A", 5.0, 0.012, 1, DistributionKind::Normal),
                      part("B", 4.99, 0.009, -1, DistributionKind::Triangular),
                      part("C", 0.5, 0.002, 1, DistributionKind::Uniform)};
    MonteCarloOptions o;
    o.samples = 100000;
    o.seed = 2027;
    const MonteCarloResult a = run_monte_carlo(s, o), b = run_monte_carlo(s, o);
    CHECK(a.at_measurement.mean == b.at_measurement.mean);
    CHECK(a.at_measurement.p99865 == b.at_measurement.p99865);
    o.seed = 2028;
    CHECK(run_monte_carlo(s, o).at_measurement.mean != a.at_measurement.mean);
    // Cross-build reproducibility: this value was printed by the native build (2026-12-06, block
    // streams seeded from (seed, block, contributor): issue 17) and is pinned so
    // that the WASM build (which runs this same test under node) must produce the same stream
    // of samples. Its correctness is not asserted here: the confidence-interval tests above do
    // that (and the first check below: within 3.29 standard errors of the exact mean 0.510).
    CHECK(std::fabs(a.at_measurement.mean - 0.510) <
          3.29 * 0.0055528 / std::sqrt(1e5));  // σ = √(0.004² + 0.009²/6 + 0.002²/3)
    CHECK(a.at_measurement.mean == doctest::Approx(0.50998669265952279).epsilon(1e-12));
}

TEST_CASE("tolerance MC: bad options and bad stacks give messages, not crashes") {
    Stack s;
    MonteCarloResult r = run_monte_carlo(s);
    REQUIRE_FALSE(r.errors.empty());
    CHECK(r.errors[0].message.find("no contributors") != std::string::npos);
    s.contributors = {part("A", 5.0, 0.012, 1, DistributionKind::Normal)};
    MonteCarloOptions o;
    o.samples = 0;
    r = run_monte_carlo(s, o);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("between 1 and 20 000 000") != std::string::npos);
    MonteCarloRun run(s, o);
    CHECK(run.finished());  // a run with errors is finished at once, and does nothing
    CHECK(run.step(100));
    CHECK(run.done() == 0);
    REQUIRE(run.result().errors.size() == 1);
}
