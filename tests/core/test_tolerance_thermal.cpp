// Thermal analysis (α·L·ΔT from the material table) and the example plans' verdicts.
#include <doctest/doctest.h>

#include <cmath>

#include "plan/plan_file.h"
#include "test_support.h"
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_analysis.h"

using namespace mf;

namespace {

Stack load_stack(const char* file, const char* id) {
    LoadResult r = load_plan(test::read_file(file));
    REQUIRE_MESSAGE(r.errors.empty(), (r.errors.empty() ? "" : to_string(r.errors[0])));
    for (const auto& s : r.plan->stacks)
        if (s.id == id) return s;
    FAIL("no stack " << id);
    return {};
}

}  // namespace

TEST_CASE("tolerance thermal: silicon die in an Inconel 718 pocket, by hand") {
    // Pocket 25.028 +0.010/−0 mm Inconel 718 (13.0 ppm/K), die 25.000 ± 0.010 mm silicon
    // (2.6 ppm/K), measured at 20 °C, operating at −55 °C (ΔT = −75 K):
    //   ΔL_pocket = 13e-6 · 25.028 · (−75) = −0.0244023 mm
    //   ΔL_die    = 2.6e-6 · 25.000 · (−75) = −0.004875 mm
    //   gap change = −0.0244023 + 0.004875 = −0.0195273 mm: the pocket closes by 19.5 µm.
    const Stack s = load_stack("assets/examples/silicon-on-inconel.mfplan.json", "s-pocket");
    const ThermalResult t = thermal(s);
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].cte == 13.0);
    CHECK(t.rows[0].delta_t == -75);
    CHECK(t.rows[0].delta_length == doctest::Approx(-0.0244023).epsilon(1e-10));
    CHECK(t.rows[1].delta_length == doctest::Approx(-0.004875).epsilon(1e-10));
    CHECK(t.rows[1].gap_effect == doctest::Approx(+0.004875).epsilon(1e-10));
    CHECK(t.gap_change == doctest::Approx(-0.0195273).epsilon(1e-9));
    CHECK(t.nominal_at_measurement == doctest::Approx(0.028).epsilon(1e-12));
    // Worst case at −55 °C: every band scaled by its 1 + αΔT (0.999025 and 0.999805):
    //   min = 25.028 · 0.999025 − 25.010 · 0.999805 = −0.00152535; max = 25.038 · 0.999025 − 24.990 · 0.999805 = 0.028461.
    CHECK(t.worst_case_at_operating.min == doctest::Approx(-0.00152535).epsilon(1e-8));
    CHECK(t.worst_case_at_operating.max == doctest::Approx(0.028461).epsilon(1e-9));
    // Statistical at −55 °C: mean = 25.033 · 0.999025 − 25 · 0.999805 = 0.013467825;
    // σ = √((0.005/3.99 · 0.999025)² + (0.010/√6 · 0.999805)²) = 0.00426936; P(gap < 0.005) from scipy.
    const StatisticalResult& st = t.statistical_at_operating;
    CHECK(st.mean == doctest::Approx(0.013467825).epsilon(1e-8));
    CHECK(st.sigma == doctest::Approx(0.004269361605833517).epsilon(1e-10));
    CHECK(*st.tails.ppm_below == doctest::Approx(23661.733996428935).epsilon(1e-7));
}

TEST_CASE("tolerance thermal: the CTE mismatch decides the silicon-on-Inconel verdict") {
    const Stack s = load_stack("assets/examples/silicon-on-inconel.mfplan.json", "s-pocket");
    MonteCarloOptions o;
    o.samples = 200000;
    const MonteCarloResult mc = run_monte_carlo(s, o);
    const StackReport r = analyse_stack(s, &mc);
    REQUIRE(r.errors.empty());
    CHECK(r.fit.at_measurement.verdict == FitVerdict::Ok);  // worst case 0.018 … 0.048 inside [0.005, 0.060]
    CHECK(r.fit.at_measurement.worst_case_inside);
    CHECK(r.fit.at_operating.verdict == FitVerdict::Fails);  // ≈ 2.4 % below 5 µm at −55 °C
    CHECK(r.fit.verdict == FitVerdict::Fails);
    CHECK(r.fit.deciding == "operating temperature (-55 °C)");
    // The Monte Carlo at −55 °C comes from the same samples, each scaled by its 1 + αΔT, so the
    // two means differ by the analytic shift of the mean, 0.013467825 − 0.033 = −0.019532175,
    // up to (αΔT)·(sampling error of the mean) ≈ 1e-3 · 1e-5 mm. (Whether the Monte Carlo mean
    // itself is right is checked against exact answers in test_tolerance_montecarlo.cpp.)
    CHECK(mc.thermal_differs);
    CHECK(std::fabs((mc.at_operating.mean - mc.at_measurement.mean) - (-0.019532175)) < 1e-7);
    CHECK(mc.at_operating.temperature == -55);
}

TEST_CASE("tolerance thermal: a part measured at another temperature is corrected from there") {
    // The gear/shaft example: shaft (316L, 16 ppm/K) gauged at 26 °C, bore (3Y-TZP, 10.5) at 20 °C.
    // At 20 °C the shaft is 1.000 · (1 − 16e-6 · 6) = 0.999904: gap 0.025096.
    // At 37 °C: 1.025 · (1 + 10.5e-6 · 17) − 1.000 · (1 + 16e-6 · 11) = 0.0250069625.
    const Stack s = load_stack("assets/examples/micro-gearbox.mfplan.json", "s-gear-shaft");
    const ThermalResult t = thermal(s);
    CHECK(t.nominal_at_measurement == doctest::Approx(0.025096).epsilon(1e-10));
    CHECK(t.nominal_at_operating == doctest::Approx(0.0250069625).epsilon(1e-10));
    CHECK(t.rows[1].measured_at == 26);
    CHECK(t.rows[1].delta_t == 11);
    CHECK_FALSE(t.notes.empty());
    // The gear/shaft verdict: worst case inside 0 … 50 µm at both temperatures.
    CHECK(analyse_stack(s).fit.verdict == FitVerdict::Ok);
    // With a 10 µm minimum running clearance the shifted in-house shaft makes it fail:
    // mean ≈ 20.1 µm, σ ≈ 5.15 µm → about 2.5 % below 10 µm.
    const Stack run = load_stack("assets/examples/micro-gearbox.mfplan.json", "s-gear-shaft-running");
    const StackReport rr = analyse_stack(run);
    CHECK(rr.fit.verdict == FitVerdict::Fails);
    CHECK(*rr.statistical.tails.ppm_below > 20000);
}

TEST_CASE("tolerance thermal: no material means no thermal change, and a note says so") {
    Stack s;
    Contributor c;
    c.id = "a";
    c.name = "A";
    c.nominal = 10;
    c.tol_plus = c.tol_minus = 0.01;
    s.contributors = {c};
    s.operating_temperature = 120;
    const ThermalResult t = thermal(s);
    CHECK(t.gap_change == 0);
    REQUIRE(t.notes.size() == 1);
    CHECK(t.notes[0].find("no material") != std::string::npos);
    // A contributor CTE overrides the material: 10 mm × 23.6 ppm/K × 100 K = 0.0236 mm.
    s.contributors[0].material = "silicon";
    s.contributors[0].cte = 23.6;
    CHECK(thermal(s).gap_change == doctest::Approx(0.0236).epsilon(1e-10));
}
