// Uncertain CTE and the exact worst case of 2D loops (2026-12-06), against hand calculations.
#include <doctest/doctest.h>

#include <cmath>

#include "plan/plan_file.h"
#include "test_support.h"
#include "tolerance/exact_worst_case.h"
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_analysis.h"

using namespace mf;

namespace {

Contributor part(const char* id, double nominal, double tol, DimensionKind kind = DimensionKind::Length) {
    Contributor c;
    c.id = id;
    c.name = id;
    c.nominal = nominal;
    c.tol_plus = c.tol_minus = tol;
    c.kind = kind;
    return c;
}

Stack silicon_pocket() {
    LoadResult r = load_plan(test::read_file("assets/examples/silicon-on-inconel.mfplan.json"));
    REQUIRE(r.plan);
    Stack s = r.plan->stacks[0];  // s-pocket: Inconel pocket − silicon die, 20 °C → −55 °C
    REQUIRE(s.id == "s-pocket");
    return s;
}

}  // namespace

TEST_CASE("uncertain CTE: silicon in an Inconel pocket, hand calculation at -55 °C") {
    // s-pocket: pocket 25.028 +0.010/−0 (Inconel 718, α 13.0, normal Cpk 1.33), sensitivity +1;
    // die 25.000 ± 0.010 (silicon, α 2.6, symmetric triangle), sensitivity −1; ΔT = −75 K.
    // Give the CTEs tolerances: Inconel ± 1.0 ppm/K, silicon ± 0.2 ppm/K.
    Stack s = silicon_pocket();
    const StackReport before = analyse_stack(s);
    s.contributors[0].cte_tol = 1.0;
    s.contributors[1].cte_tol = 0.2;
    const StackReport rep = analyse_stack(s);
    REQUIRE(rep.errors.empty());
    const ThermalResult& t = rep.thermal;
    REQUIRE(t.has_cte_tolerance);

    // Statistical: σ_α = u/√3; each term's σ on the gap = |s·ΔT·L|·σ_α:
    //   pocket 75 · 25.028 · 1.0e−6 / √3 = 0.00187710/1.7320508 = 1.083744e−3 mm
    //   die    75 · 25.000 · 0.2e−6 / √3 = 0.000375/1.7320508   = 2.165064e−4 mm
    //   together √(1.083744e−3² + 2.165064e−4²) = 1.105159e−3 mm
    CHECK(t.rows[0].cte_gap_sigma == doctest::Approx(1.0837441903e-3).epsilon(1e-9));
    CHECK(t.rows[1].cte_gap_sigma == doctest::Approx(2.1650635095e-4).epsilon(1e-9));
    CHECK(t.cte_sigma == doctest::Approx(1.1051590248e-3).epsilon(1e-9));
    // Exact-CTE σ at −55 °C: pocket σ = 0.005/(3·1.33)·(1 − 13e−6·75) = 0.00125191,
    // die σ = 0.010/√6·(1 − 2.6e−6·75) = 0.00408168 → 0.00426936; with the CTEs
    // √(0.00426936² + 0.00110516²) = 0.00441008.
    CHECK(t.statistical_exact_cte.sigma == doctest::Approx(0.004269361605834).epsilon(1e-9));
    CHECK(t.statistical_at_operating.sigma == doctest::Approx(0.004410082197801).epsilon(1e-9));
    CHECK(t.statistical_at_operating.mean == doctest::Approx(t.statistical_exact_cte.mean).epsilon(1e-15));

    // Worst case at −55 °C, exact CTEs: 25.028·0.999025 − 25.010·0.999805 = −0.00152535,
    //                                   25.038·0.999025 − 24.990·0.999805 = +0.028461.
    // Extreme CTEs (ΔT < 0, so the largest α shrinks most): min = 25.028·(1 − 14e−6·75)
    // − 25.010·(1 − 2.4e−6·75) = 25.0017206 − 25.0054982 = −0.0037776;
    // max = 25.038·(1 − 12e−6·75) − 24.990·(1 − 2.8e−6·75) = 25.0154658 − 24.9847521 = 0.0307137.
    CHECK(t.worst_case_exact_cte.min == doctest::Approx(-0.00152535).epsilon(1e-7));
    CHECK(t.worst_case_exact_cte.max == doctest::Approx(0.028461).epsilon(1e-7));
    CHECK(t.worst_case_at_operating.min == doctest::Approx(-0.0037776).epsilon(1e-7));
    CHECK(t.worst_case_at_operating.max == doctest::Approx(0.0307137).epsilon(1e-7));
    // The widening each way: |ΔT|·L·u = 75·25.028·1e−6 + 75·25.01·0.2e−6 = 0.00225225 (min side).
    CHECK(t.worst_case_exact_cte.min - t.worst_case_at_operating.min == doctest::Approx(0.00225225).epsilon(1e-6));

    // The measurement-temperature figures do not carry the CTE tolerance.
    CHECK(rep.statistical.sigma == before.statistical.sigma);
    CHECK(rep.worst_case.min == before.worst_case.min);
    CHECK(rep.worst_case.max == before.worst_case.max);
    // Without a tolerance, the operating figures are exactly those of before.
    CHECK(before.thermal.statistical_at_operating.sigma == t.statistical_exact_cte.sigma);
    CHECK(!before.thermal.has_cte_tolerance);
    // The verdict at the operating temperature sees the wider worst case.
    CHECK(rep.fit.at_operating.worst_min == t.worst_case_at_operating.min);
}

TEST_CASE("uncertain CTE: the Monte Carlo at the operating temperature samples the CTE") {
    // The same stack and tolerances: at −55 °C the samples' σ must match the analytic
    // 0.00441008 (with the CTEs), not 0.00426936 (exact CTEs, 3.3 % less); at 20 °C nothing moves.
    Stack s = silicon_pocket();
    MonteCarloOptions o;
    o.samples = 400000;
    o.seed = 4;
    const MonteCarloResult exact = run_monte_carlo(s, o);
    s.contributors[0].cte_tol = 1.0;
    s.contributors[1].cte_tol = 0.2;
    const MonteCarloResult r = run_monte_carlo(s, o);
    REQUIRE(r.errors.empty());
    // σ's relative standard error ≈ √((κ − 1)/(4n)) ≈ 0.08 %; allow 0.5 %.
    CHECK(r.at_operating.sigma == doctest::Approx(0.004410082197801).epsilon(0.005));
    CHECK(exact.at_operating.sigma == doctest::Approx(0.004269361605834).epsilon(0.005));
    // Mean at −55 °C unchanged by a centred CTE deviation: within 4 standard errors.
    CHECK(std::fabs(r.at_operating.mean - exact.at_operating.mean) < 4 * 0.00441 / std::sqrt(400000.0));
    // The measurement temperature's samples are drawn from the same streams as before.
    CHECK(r.at_measurement.mean == exact.at_measurement.mean);
    CHECK(r.at_measurement.sigma == exact.at_measurement.sigma);
}

TEST_CASE("uncertain CTE: file round trip and Issues") {
    Stack s = silicon_pocket();
    s.contributors[0].cte_tol = 1.0;
    LoadResult r = load_plan(test::read_file("assets/examples/silicon-on-inconel.mfplan.json"));
    REQUIRE(r.plan);
    r.plan->stacks[0] = s;
    const std::string saved = save_plan(*r.plan);
    CHECK(saved.find("\"cte_tol_ppm_per_K\": 1.0") != std::string::npos);
    LoadResult again = load_plan(saved);
    REQUIRE(again.plan);
    CHECK(again.plan->stacks[0] == s);

    s.contributors[0].cte_tol = -1;
    Issues e = validate_stack(s, StackCheck::ForAnalysis);
    REQUIRE(e.size() == 1);
    CHECK(e[0].where == "/contributors/0/cte_tol_ppm_per_K");
    CHECK(e[0].message.find("must be a number in [0, 1000] ppm/K (got -1)") != std::string::npos);
    s.contributors[0].cte_tol = 1;
    s.contributors[0].material.clear();
    e = validate_stack(s, StackCheck::ForAnalysis);
    REQUIRE(e.size() == 1);
    CHECK(e[0].message.find("needs a CTE: give a material or cte_ppm_per_K") != std::string::npos);
}

TEST_CASE("exact worst case: an angle band around the stationary point, where the linearisation misses") {
    // Gap along 90° (y): a fixed 10 mm vector at 0° (no y part) and L2 = 5 ± 0.01 at 90° + θ,
    // θ = 0 ± 10°: gap = L2·sin(90° + θ) = L2·cos θ.
    //   Linearised: ∂gap/∂L2 = 1, ∂gap/∂θ = 0 at θ = 0 → [4.99, 5.01].
    //   Exact: max at θ = 0 (inside the band), L2 = 5.01 → 5.01;
    //          min at θ = ±10°, L2 = 4.99 → 4.99·cos 10° = 4.99·0.98480775 = 4.91419069.
    //   (Corners alone would give the max as 5.01·cos 10° = 4.93388682: wrong.)
    Stack s;
    s.contributors = {part("L2", 5.0, 0.01), part("theta", 0.0, 10.0, DimensionKind::Angle)};
    s.loop = VectorLoop{90, {{"", 10.0, "", 0}, {"L2", 0, "theta", 90}}};
    const ExactWorstCase e = exact_worst_case(s, 20);
    REQUIRE(e.computed);
    CHECK(e.length_contributors == 1);
    CHECK(e.corners == 2);
    CHECK(e.linear_min == doctest::Approx(4.99).epsilon(1e-12));
    CHECK(e.linear_max == doctest::Approx(5.01).epsilon(1e-12));
    CHECK(e.max == doctest::Approx(5.01).epsilon(1e-12));
    CHECK(e.min == doctest::Approx(4.99 * std::cos(10.0 * 3.14159265358979323846 / 180)).epsilon(1e-12));
    CHECK(e.min == doctest::Approx(4.914190688).epsilon(1e-9));
    CHECK(e.min_difference == doctest::Approx(-0.075809312).epsilon(1e-7));
    CHECK(e.at_max[1] == doctest::Approx(0.0));
    // A uniform Monte Carlo never leaves the exact range, and goes below the linearised minimum.
    for (auto& c : s.contributors) c.distribution.kind = DistributionKind::Uniform;
    MonteCarloOptions o;
    o.samples = 100000;
    const MonteCarloSummary m = run_monte_carlo(s, o).at_measurement;
    CHECK(m.min >= e.min);
    CHECK(m.max <= e.max);
    CHECK(m.min < e.linear_min - 0.05);
}

TEST_CASE("exact worst case: a two-link arm with an angle tolerance") {
    // gap along 0°: 10 mm at 0° plus L2 = 5 ± 0.01 at 30° + θ, θ = 0 ± 10°:
    //   gap = 10 + L2·cos(30° + θ), cos falling over [20°, 40°]:
    //   exact max = 10 + 5.01·cos 20° = 10 + 5.01·0.93969262 = 14.70786003
    //   exact min = 10 + 4.99·cos 40° = 10 + 4.99·0.76604444 = 13.82256176
    //   linearised: nominal 10 + 5·cos 30° = 14.33012702; s_L2 = cos 30° = 0.8660254,
    //   s_θ = 5·sin(0 − 30°)·π/180 = −0.04363323 per degree; half range
    //   0.8660254·0.01 + 0.04363323·10 = 0.44499258 → [13.88513444, 14.77511960].
    Stack s;
    s.contributors = {part("L2", 5.0, 0.01), part("theta", 0.0, 10.0, DimensionKind::Angle)};
    s.loop = VectorLoop{0, {{"", 10.0, "", 0}, {"L2", 0, "theta", 30}}};
    const ExactWorstCase e = exact_worst_case(s, 20);
    REQUIRE(e.computed);
    const double d = 3.14159265358979323846 / 180;
    CHECK(e.max == doctest::Approx(10 + 5.01 * std::cos(20 * d)).epsilon(1e-12));
    CHECK(e.min == doctest::Approx(10 + 4.99 * std::cos(40 * d)).epsilon(1e-12));
    CHECK(e.max == doctest::Approx(14.70786003).epsilon(1e-9));
    CHECK(e.min == doctest::Approx(13.82256176).epsilon(1e-9));
    CHECK(e.linear_min == doctest::Approx(13.88513444).epsilon(1e-9));
    CHECK(e.linear_max == doctest::Approx(14.77511960).epsilon(1e-9));
    CHECK(e.min_difference == doctest::Approx(13.82256176 - 13.88513444).epsilon(1e-6));
    CHECK(e.at_min[0] == doctest::Approx(4.99));
    CHECK(e.at_min[1] == doctest::Approx(10.0));
    CHECK(e.at_max[1] == doctest::Approx(-10.0));
    // The report carries it at both temperatures; the verdict's worst case stays the linearised one.
    const StackReport rep = analyse_stack(s);
    CHECK(rep.exact_worst_case.max == e.max);
    CHECK(rep.exact_worst_case_at_operating.computed);
    CHECK(rep.worst_case.min == doctest::Approx(e.linear_min).epsilon(1e-15));
}

TEST_CASE("exact worst case: chains, and loops above 16 length contributors, say why nothing was enumerated") {
    Stack chain;
    chain.contributors = {part("a", 1.0, 0.01)};
    const ExactWorstCase c = exact_worst_case(chain, 20);
    CHECK(!c.computed);
    CHECK(c.note.find("not a loop") != std::string::npos);

    Stack big;
    big.loop = VectorLoop{0, {}};
    for (int i = 0; i < 17; ++i) {
        const std::string id = "k" + std::to_string(i);
        Contributor k = part("", 1.0, 0.01);
        k.id = k.name = id;
        big.contributors.push_back(k);
        big.loop->vectors.push_back({id, 0, "", 0});
    }
    const ExactWorstCase b = exact_worst_case(big, 20);
    CHECK(!b.computed);
    CHECK(b.note.find("17 length contributors") != std::string::npos);
    CHECK(b.linear_min == doctest::Approx(17 * 0.99));
    // 16 are enumerated: 65 536 corners, all lengths along the gap → exact = linear.
    big.contributors.pop_back();
    big.loop->vectors.pop_back();
    const ExactWorstCase e = exact_worst_case(big, 20);
    REQUIRE(e.computed);
    CHECK(e.corners == 65536);
    CHECK(e.min == doctest::Approx(16 * 0.99).epsilon(1e-12));
    CHECK(e.max == doctest::Approx(16 * 1.01).epsilon(1e-12));
    // The work budget: 65 536 corners × (16 contributors + 16 + 300 vectors) = 2.18·10⁷ > 2·10⁷.
    for (int v = 0; v < 300; ++v) big.loop->vectors.push_back({"", 1.0, "", 0});
    const ExactWorstCase w = exact_worst_case(big, 20);
    CHECK(!w.computed);
    CHECK(w.note.find("above the budget") != std::string::npos);
}
