// Analytic tolerance-stack analyses against hand calculations (written out below) and scipy.
#include <doctest/doctest.h>

#include <cmath>

#include "tolerance/stack_analysis.h"
#include "tolerance_test_support.h"

using namespace mf;

namespace {

constexpr auto part = mf::test::contributor;  // tests/core/tolerance_test_support.h

// A three-part chain with asymmetric tolerances, gap = A − B − C:
//   A 10.000 +0.010/−0.002  band [9.998, 10.010]  mid 10.004  T 0.006
//   B  4.000 ±0.005         band [3.995, 4.005]   mid  4.000  T 0.005
//   C  5.990 +0/−0.006      band [5.984, 5.990]   mid  5.987  T 0.003
// nominal = 10 − 4 − 5.99 = 0.010; min = 9.998 − 4.005 − 5.990 = 0.003;
// max = 10.010 − 3.995 − 5.984 = 0.031; mid-limit mean = 10.004 − 4 − 5.987 = 0.017.
Stack asymmetric_chain() {
    Stack s;
    s.id = "s";
    s.name = "asymmetric chain";
    s.contributors = {part("A", 10.0, 0.010, 0.002, +1), part("B", 4.0, 0.005, 0.005, -1),
                      part("C", 5.99, 0.0, 0.006, -1)};
    s.lower_limit = 0.005;
    s.upper_limit = 0.030;
    return s;
}

}  // namespace

TEST_CASE("tolerance: worst case of an asymmetric chain, by hand") {
    const LinearStack lin = linearize_stack(asymmetric_chain(), 20);
    REQUIRE(lin.errors.empty());
    const WorstCaseResult wc = worst_case(lin);
    CHECK(wc.nominal == doctest::Approx(0.010).epsilon(1e-9));
    CHECK(wc.min == doctest::Approx(0.003).epsilon(1e-9));
    CHECK(wc.max == doctest::Approx(0.031).epsilon(1e-9));
    CHECK(wc.mean == doctest::Approx(0.017).epsilon(1e-9));
    CHECK(wc.half_range == doctest::Approx(0.014).epsilon(1e-9));  // 0.006 + 0.005 + 0.003
    CHECK(wc.asymmetry == doctest::Approx(0.007).epsilon(1e-9));   // the two centres differ by this
}

TEST_CASE("tolerance: RSS at 3 sigma, Bender and Drake's modified RSS, by hand") {
    const Stack s = asymmetric_chain();
    const RssResult r = rss(linearize_stack(s, 20), limits_of(s));
    // T_rss = √(0.006² + 0.005² + 0.003²) = √70 · 10⁻³ = 0.0083666003; σ = T_rss / 3.
    CHECK(r.mean == doctest::Approx(0.017).epsilon(1e-9));
    CHECK(r.sigma == doctest::Approx(0.0027888667551135855).epsilon(1e-12));
    CHECK(r.min == doctest::Approx(0.017 - 0.008366600265340756).epsilon(1e-12));
    CHECK(r.max == doctest::Approx(0.017 + 0.008366600265340756).epsilon(1e-12));
    CHECK(r.bender_max - r.mean == doctest::Approx(1.5 * 0.008366600265340756).epsilon(1e-12));
    // Cf = 0.5 (0.014 − 0.0083666) / (0.0083666 (√3 − 1)) + 1 = 1.45988615
    CHECK(r.n == 3);
    CHECK(r.mrss_factor == doctest::Approx(1.4598861486842902).epsilon(1e-12));
    CHECK(r.mrss_max - r.mean == doctest::Approx(0.012214283838949277).epsilon(1e-12));
    // Normal tails of N(0.017, σ) at 0.005 / 0.030 (scipy.stats.norm.cdf / sf × 10⁶).
    CHECK(*r.tails.ppm_below == doctest::Approx(8.43177859800498).epsilon(1e-9));
    CHECK(*r.tails.ppm_above == doctest::Approx(1.5703925686462243).epsilon(1e-9));
}

TEST_CASE("tolerance: Drake's modified RSS factor is 1.5 for n equal tolerances and 1 for one") {
    // Cf = 0.5 (n t − √n t) / (√n t (√n − 1)) + 1 = 0.5 · √n(√n − 1) / (√n(√n − 1)) + 1 = 1.5.
    Stack s;
    for (int i = 0; i < 5; ++i) s.contributors.push_back(part(("p" + std::to_string(i)).c_str(), 1.0, 0.01, 0.01, 1));
    CHECK(rss(linearize_stack(s, 20), {}).mrss_factor == doctest::Approx(1.5).epsilon(1e-12));
    s.contributors.resize(1);
    CHECK(rss(linearize_stack(s, 20), {}).mrss_factor == 1.0);
}

TEST_CASE("tolerance: statistical stack from declared distributions, by hand and scipy") {
    Stack s = asymmetric_chain();
    // A normal with Cpk 1.33 and its mean 0.001 above the band centre:
    //   σ_A = (T − |shift|) / (3 Cpk) = 0.005 / 3.99 = 0.00125313; mean_A = 10.005.
    s.contributors[0].distribution = {DistributionKind::Normal, NormalBy::Cpk, 1.33, 0, 0.001, 0, std::nullopt, 0};
    // B uniform over its band: σ_B = 0.005/√3 = 0.00288675.  C triangular: σ_C = 0.003/√6 = 0.00122474.
    s.contributors[1].distribution.kind = DistributionKind::Uniform;
    s.contributors[2].distribution.kind = DistributionKind::Triangular;
    s.inflation_factor = 1.5;
    const LinearStack lin = linearize_stack(s, 20);
    CHECK(lin.terms[0].sigma == doctest::Approx(0.0012531328320802004).epsilon(1e-12));
    CHECK(lin.terms[1].sigma == doctest::Approx(0.002886751345948129).epsilon(1e-12));
    CHECK(lin.terms[2].sigma == doctest::Approx(0.0012247448713915891).epsilon(1e-12));
    const StatisticalResult st = statistical(lin, limits_of(s), s.inflation_factor);
    // mean = 10.005 − 4 − 5.987 = 0.018; σ = √(σ_A² + σ_B² + σ_C²) = 0.00337693.
    CHECK(st.mean == doctest::Approx(0.018).epsilon(1e-9));
    CHECK(st.sigma == doctest::Approx(0.0033769328136891734).epsilon(1e-12));
    // Tails (scipy.stats.norm with mean 0.018, sd 0.0033769328): below 0.005, above 0.030.
    CHECK(*st.tails.ppm_below == doctest::Approx(59.14403615747184).epsilon(1e-7));
    CHECK(*st.tails.ppm_above == doctest::Approx(190.05578120053062).epsilon(1e-7));
    CHECK(st.tails.yield == doctest::Approx(1 - (59.14403615747184 + 190.05578120053062) * 1e-6).epsilon(1e-12));
    CHECK(*st.cpk == doctest::Approx(1.1845068352514605).epsilon(1e-9));  // (0.030 − 0.018) / 3σ
    CHECK(st.inflation_label == "Bender (σ × 1.5)");
    CHECK(*st.inflated_tails.ppm_below == doctest::Approx(5137.546241473231).epsilon(1e-8));
    CHECK(*st.inflated_tails.ppm_above == doctest::Approx(8917.797102325343).epsilon(1e-8));
    // Long-term: each tail with the mean moved 1.5σ toward it: Φ(z_L + 1.5), Q(z_U − 1.5).
    CHECK(*st.long_term_tails.ppm_below == doctest::Approx(9395.605844141535).epsilon(1e-8));
    CHECK(*st.long_term_tails.ppm_above == doctest::Approx(20011.061532499287).epsilon(1e-8));
}

TEST_CASE("tolerance: the 1.5 sigma shift reproduces the six-sigma table (66 807 ppm at 3σ, 3.4 ppm at 6σ)") {
    // One centred normal contributor, σ = 0.001 (Cp = 1 on ±0.003).
    Stack s;
    s.contributors = {part("x", 0, 0.003, 0.003, 1)};
    s.upper_limit = 0.003;  // 3σ
    CHECK(*statistical(linearize_stack(s, 20), limits_of(s)).long_term_tails.ppm_above ==
          doctest::Approx(66807.20126885807).epsilon(1e-9));
    s.upper_limit = 0.006;  // 6σ
    CHECK(*statistical(linearize_stack(s, 20), limits_of(s)).long_term_tails.ppm_above ==
          doctest::Approx(3.3976731247300536).epsilon(1e-8));
}

TEST_CASE("tolerance: normal given by Cp and by sigma, and one-sided limits") {
    Stack s;
    s.contributors = {part("x", 1.0, 0.006, 0.006, 1)};
    s.contributors[0].distribution.capability = 2.0;  // Cp 2: σ = 0.006 / 6 = 0.001
    s.contributors[0].distribution.shift = 0.002;
    s.lower_limit = 0.997;  // 3σ below the band centre, 5σ below the mean
    StatisticalResult st = statistical(linearize_stack(s, 20), limits_of(s));
    CHECK(st.sigma == doctest::Approx(0.001).epsilon(1e-12));
    CHECK(st.mean == doctest::Approx(1.002).epsilon(1e-12));
    CHECK(*st.tails.ppm_below == doctest::Approx(0.28665157187919333).epsilon(1e-8));  // Φ(−5) · 10⁶
    CHECK_FALSE(st.tails.ppm_above.has_value());
    s.contributors[0].distribution.by = NormalBy::Sigma;
    s.contributors[0].distribution.sigma = 0.0025;
    st = statistical(linearize_stack(s, 20), limits_of(s));
    CHECK(st.sigma == doctest::Approx(0.0025).epsilon(1e-12));
}

TEST_CASE("tolerance: contributions by definition, ranked") {
    Stack s = asymmetric_chain();
    s.contributors[0].distribution = {DistributionKind::Normal, NormalBy::Cpk, 1.33, 0, 0.001, 0, std::nullopt, 0};
    s.contributors[1].distribution.kind = DistributionKind::Uniform;
    s.contributors[2].distribution.kind = DistributionKind::Triangular;
    const auto rows = contributions(s, linearize_stack(s, 20), nullptr);
    REQUIRE(rows.size() == 3);
    // Ranked by the declared-variance share: B (uniform, widest σ) first.
    CHECK(rows[0].id == "B");
    CHECK(rows[0].rank == 1);
    CHECK(rows[0].statistical_share == doctest::Approx(0.7307585639362449).epsilon(1e-9));  // σ_B² / σ²
    CHECK(rows[1].id == "A");
    CHECK(rows[1].statistical_share == doctest::Approx(0.1377048945552311).epsilon(1e-9));
    CHECK(rows[2].id == "C");
    // RSS share (sT)²/Σ(sT)²: 36/70, 25/70, 9/70. Worst-case share: 6/14, 5/14, 3/14.
    CHECK(rows[1].rss_share == doctest::Approx(36.0 / 70).epsilon(1e-12));
    CHECK(rows[0].rss_share == doctest::Approx(25.0 / 70).epsilon(1e-12));
    CHECK(rows[2].worst_case_share == doctest::Approx(3.0 / 14).epsilon(1e-12));
    CHECK_FALSE(rows[0].monte_carlo_share.has_value());
}

TEST_CASE("tolerance: 2D loop sensitivities are the direction cosines (glm) and L·sin(φ − θ) per radian") {
    // Three vectors: a = 10 mm at 0°, b = 5 mm at 90° (angle from a contributor, 90° ± 0.5°),
    // c = fixed 8 mm at 210°. Gap along φ = 30°.
    Stack s;
    s.contributors = {part("a", 10, 0.01, 0.01, 1), part("b", 5, 0.02, 0.02, 1), part("tilt", 90, 0.5, 0.5, 1),
                      part("free", 1, 0.001, 0.001, -1)};
    s.contributors[2].kind = DimensionKind::Angle;
    s.loop = VectorLoop{30, {{"a", 0, "", 0}, {"b", 0, "tilt", 0}, {"", 8, "", 210}}};
    const LinearStack lin = linearize_stack(s, 20);
    REQUIRE(lin.errors.empty());
    const double d2r = M_PI / 180;
    CHECK(lin.terms[0].sensitivity == doctest::Approx(std::cos(30 * d2r)).epsilon(1e-12));  // 0.866025
    CHECK(lin.terms[1].sensitivity == doctest::Approx(std::cos(60 * d2r)).epsilon(1e-12));  // 0.5
    CHECK(lin.terms[2].sensitivity == doctest::Approx(5 * std::sin(-60 * d2r) * d2r).epsilon(1e-12));
    CHECK(lin.terms[3].sensitivity == -1);  // not in the loop: its own sensitivity
    CHECK(lin.terms[0].from_loop);
    CHECK_FALSE(lin.terms[3].from_loop);
    // Nominal gap: 10 cos 30° + 5 cos 60° + 8 cos 180° − 1 = 8.660254 + 2.5 − 8 − 1 = 2.160254.
    CHECK(lin.nominal_gap == doctest::Approx(10 * std::cos(30 * d2r) + 2.5 - 8 - 1).epsilon(1e-12));
    CHECK(exact_gap(s, {10, 5, 90, 1}) == doctest::Approx(lin.nominal_gap).epsilon(1e-12));
    // The linearisation reproduces the nominal gap through its offset.
    double through = lin.offset;
    for (const auto& t : lin.terms) through += t.sensitivity * t.nominal;
    CHECK(through == doctest::Approx(lin.nominal_gap).epsilon(1e-12));
}

TEST_CASE("tolerance: verdict rule — OK, at risk, fails — with the deciding numbers") {
    Stack s;
    s.contributors = {part("x", 0.025, 0.010, 0.010, 1)};
    s.lower_limit = 0.0;
    s.upper_limit = 0.050;
    StackReport r = analyse_stack(s);
    CHECK(r.fit.verdict == FitVerdict::Ok);  // worst case 0.015 … 0.035 inside
    CHECK(r.fit.at_measurement.worst_case_inside);
    CHECK(r.fit.reason.find("every assembly of in-tolerance parts fits") != std::string::npos);

    s.upper_limit = 0.034;  // worst case exceeds; normal model: Q(2.7) = 3467 ppm
    r = analyse_stack(s);
    CHECK(r.fit.verdict == FitVerdict::Fails);
    CHECK(r.fit.at_measurement.ppm == doctest::Approx(3466.9738030406647).epsilon(1e-8));
    CHECK(r.fit.at_measurement.ppm_source == "normal model");

    s.upper_limit = 0.0345;  // Q(2.85) = 2186 ppm: between 63 and 2700
    r = analyse_stack(s);
    CHECK(r.fit.verdict == FitVerdict::AtRisk);
    CHECK(r.fit.at_measurement.ppm == doctest::Approx(2185.9614549132407).epsilon(1e-8));
    CHECK_FALSE(r.fit.at_measurement.worst_case_inside);
    s.contributors[0].distribution.capability = 1.5;  // σ = 0.010/4.5: Q(0.0095/σ) = Q(4.275) = 9.6 ppm
    r = analyse_stack(s);
    CHECK(r.fit.verdict == FitVerdict::Ok);
    CHECK(r.fit.at_measurement.ppm == doctest::Approx(9.556864737290947).epsilon(1e-7));
    CHECK(r.fit.reason.find("within the OK threshold") != std::string::npos);
    s.contributors[0].distribution.capability = 1.0;

    s.lower_limit = 0.030;  // mean 0.025 below the lower limit
    s.upper_limit = 0.050;
    r = analyse_stack(s);
    CHECK(r.fit.verdict == FitVerdict::Fails);
    CHECK(r.fit.reason.find("mean gap") != std::string::npos);

    s.lower_limit.reset();
    s.upper_limit.reset();
    CHECK(analyse_stack(s).fit.verdict == FitVerdict::NoRequirement);
}

TEST_CASE("tolerance: bad input gives clear messages and no results") {
    Stack s;
    StackReport r = analyse_stack(s);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("no contributors") != std::string::npos);

    s.contributors = {part("a", 1, NAN, 0.01, 1), part("b", 1, 0.01, -0.01, 1)};
    s.lower_limit = 0.1;
    s.upper_limit = 0.0;
    r = analyse_stack(s);
    REQUIRE(r.errors.size() == 3);
    CHECK(r.errors[0].where == "/lower_limit");
    CHECK(r.errors[0].message.find("lower limit is above the upper limit") != std::string::npos);
    CHECK(r.errors[1].where == "/contributors/0/tol_plus");
    CHECK(r.errors[1].message.find("got NaN") != std::string::npos);
    CHECK(r.errors[2].where == "/contributors/1/tol_minus");
    CHECK(r.errors[2].message.find(">= 0") != std::string::npos);

    s = Stack{};
    s.contributors = {part("a", 1, 0.01, 0.01, 1)};
    s.contributors[0].distribution = {DistributionKind::Normal, NormalBy::Cpk, 0.0, 0, 0, 0, std::nullopt, 0};
    s.contributors[0].material = "unobtainium";
    r = analyse_stack(s);
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].where == "/contributors/0/distribution/cpk");
    CHECK(r.errors[0].message.find("Cpk of \"a\" must be greater than 0 (got 0)") != std::string::npos);
    CHECK(r.errors[1].message.find("unknown material \"unobtainium\"") != std::string::npos);

    s.contributors[0] = part("a", 1, 0.01, 0.01, 1);
    s.loop = VectorLoop{0, {}};
    r = analyse_stack(s);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("zero-length loop") != std::string::npos);
    s.loop = VectorLoop{0, {{"", 0.0, "", 45}}};
    r = analyse_stack(s);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].where == "/loop/vectors/0/length");
    CHECK(r.errors[0].message.find("zero-length vector") != std::string::npos);
}
