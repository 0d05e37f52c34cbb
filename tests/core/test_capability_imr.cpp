// Individual values (I–MR) by hand, and the smaller analyses (drift, yield, gate, links).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "capability/analysis.h"
#include "capability/links.h"
#include "capability/normality.h"
#include "capability/yield.h"

using namespace mf;

namespace {
Dataset one_feature(std::vector<double> x, std::optional<double> lsl, std::optional<double> usl,
                    std::optional<double> target = std::nullopt) {
    Dataset d;
    d.id = "d";
    d.name = "D";
    Feature f;
    f.id = "f";
    f.name = "X";
    f.lsl = lsl;
    f.usl = usl;
    f.nominal = target;
    f.values = std::make_shared<const std::vector<double>>(std::move(x));
    d.features.push_back(f);
    return d;
}
}  // namespace

TEST_CASE("I–MR chart and capability of individual values, by hand") {
    // x = 10.2 9.8 10.1 10.4 9.9 10.0 10.3 9.7 10.1 10.0, LSL 9, USL 11.
    //   x̄ = 100.5/10 = 10.05
    //   MR = 0.4 0.3 0.3 0.5 0.1 0.3 0.6 0.4 0.1, Σ = 3.0, MR̄ = 1/3
    //   σ_within = MR̄/d2(2) = 0.333333/1.128379 = 0.2954090
    //   I chart: 10.05 ± 3·0.2954090 = 9.163773 … 10.936227
    //   MR chart: UCL = D4(2)·MR̄ = (1 + 3·0.852502/1.128379)/3 = 1.088844, LCL 0
    //   Cp = 2/(6·0.2954090) = 1.128379 (= d2(2), because 2·MR̄ = 2/3 and 6·MR̄ = 2)
    //   Cpk = min(1.05, 0.95)/(3·0.2954090) = 0.95/0.886227 = 1.071960
    //   s = 0.2173067 → Pp = 2/(6s) = 1.533930, Ppk = 0.95/(3s) = 1.457233
    //   ν = N − 1 = 9: Cpk ± 1.959964·√(1/90 + 1.071960²/18) = 0.535381 … 1.608539
    //   expected ppm within: 10⁶Φ((9 − 10.05)/σ) = 189.4257, 10⁶(1 − Φ((11 − 10.05)/σ)) = 650.2256
    // (the products and Φ evaluated with scipy 1.10)
    const Dataset d = one_feature({10.2, 9.8, 10.1, 10.4, 9.9, 10.0, 10.3, 9.7, 10.1, 10.0}, 9.0, 11.0);
    const FeatureAnalysis a = analyse_feature(d, 0);
    REQUIRE(a.errors.empty());
    CHECK(a.chart.type == ChartType::IMR);
    CHECK(a.chart.center == doctest::Approx(10.05).epsilon(1e-12));
    CHECK(a.chart.d_center == doctest::Approx(1.0 / 3.0).epsilon(1e-12));
    CHECK(a.within.sigma == doctest::Approx(0.2954090189).epsilon(1e-9));
    CHECK(a.chart.ucl == doctest::Approx(10.93622706).epsilon(1e-9));
    CHECK(a.chart.lcl == doctest::Approx(9.163772943).epsilon(1e-9));
    CHECK(a.chart.d_ucl == doctest::Approx(1.088843672).epsilon(1e-8));
    CHECK(a.chart.d_lcl == 0);
    CHECK(std::isnan(a.chart.dispersion[0]));
    CHECK(a.chart.dispersion[1] == doctest::Approx(0.4).epsilon(1e-12));
    CHECK(*a.cap.cp == doctest::Approx(1.128379).epsilon(1e-6));
    CHECK(*a.cap.cpk == doctest::Approx(1.07196005).epsilon(1e-8));
    CHECK(*a.cap.pp == doctest::Approx(1.533929978).epsilon(1e-8));
    CHECK(*a.cap.ppk == doctest::Approx(1.457233479).epsilon(1e-8));
    CHECK(a.within.dof == 9);
    CHECK(a.cap.cpk_ci95->lower == doctest::Approx(0.5353810845).epsilon(1e-8));
    CHECK(a.cap.cpk_ci95->upper == doctest::Approx(1.608539016).epsilon(1e-8));
    CHECK(a.cap.ppm_within.below == doctest::Approx(189.4257048).epsilon(1e-7));
    CHECK(a.cap.ppm_within.above == doctest::Approx(650.2256499).epsilon(1e-7));
    CHECK_FALSE(a.cap.cpm);  // no target
    CHECK(a.violations.empty());
    // 10 values: below the gate's minimum of 100 values / 25 subgroups.
    CHECK(a.gate.verdict == GateVerdict::NotEnoughData);
    CHECK(a.gate.reason.find("10 values") != std::string::npos);
}

TEST_CASE("one-sided specifications give only their side's indices") {
    const Dataset d = one_feature({10.2, 9.8, 10.1, 10.4, 9.9, 10.0, 10.3, 9.7, 10.1, 10.0}, std::nullopt, 11.0, 10.0);
    const FeatureAnalysis a = analyse_feature(d, 0);
    REQUIRE(a.errors.empty());
    CHECK_FALSE(a.cap.cp);
    CHECK_FALSE(a.cap.cpl);
    CHECK(*a.cap.cpk == doctest::Approx(0.95 / (3 * 0.2954090189)).epsilon(1e-9));  // = CPU
    CHECK(a.cap.ppm_within.below == 0);
    // Cpm with USL and target only: (USL − T)/(3·√(Σ(x − T)²/(N − 1))); Σ(x − 10)² = 0.45,
    // so √(0.45/9) = 0.2236068 and, with USL − T = 1, Cpm = 1/(3·0.2236068) = 1.490712.
    CHECK(*a.cap.cpm == doctest::Approx(1.4907119849998594).epsilon(1e-10));
}

TEST_CASE("Anderson–Darling against scipy and D'Agostino's p-value") {
    // scipy.stats.anderson(x, 'norm').statistic; p from D'Agostino's formulas on A*².
    std::vector<double> x{10.2, 9.8, 10.1, 10.4, 9.9, 10.0, 10.3, 9.7, 10.1, 10.0};
    std::sort(x.begin(), x.end());
    double m = 0, ss = 0;
    for (double v : x) m += v;
    m /= 10;
    for (double v : x) ss += (v - m) * (v - m);
    AndersonDarling ad = anderson_darling_normal(x, m, std::sqrt(ss / 9));
    CHECK(ad.a2 == doctest::Approx(0.1313304106).epsilon(1e-8));
    CHECK(ad.a2_adjusted == doctest::Approx(0.1441351256).epsilon(1e-8));
    CHECK(ad.p == doctest::Approx(0.9699877449).epsilon(1e-8));

    // Skewed: A² = 2.176752030, A*² = 2.270624461, p = exp(1.2937 − 5.709·A*² + 0.0186·A*⁴) = 9.41319e-6.
    std::vector<double> y{1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8, 10, 13, 17, 22, 30, 41, 60};
    m = ss = 0;
    for (double v : y) m += v;
    m /= 20;
    for (double v : y) ss += (v - m) * (v - m);
    ad = anderson_darling_normal(y, m, std::sqrt(ss / 19));
    CHECK(ad.a2 == doctest::Approx(2.17675203).epsilon(1e-8));
    CHECK(ad.p == doctest::Approx(9.41319275e-06).epsilon(1e-7));
    // Each branch of the p-value formula at a hand-evaluated point.
    CHECK(anderson_darling_p_value(0.1) == doctest::Approx(1 - std::exp(-13.436 + 10.114 - 2.2373)).epsilon(1e-12));
    CHECK(anderson_darling_p_value(0.3) == doctest::Approx(1 - std::exp(-8.318 + 12.8388 - 5.39442)).epsilon(1e-12));
    CHECK(anderson_darling_p_value(0.5) == doctest::Approx(std::exp(0.9177 - 2.1395 - 0.345)).epsilon(1e-12));
    CHECK(anderson_darling_p_value(1e6) == 0);
    CHECK_FALSE(anderson_darling_normal({1, 2}, 1.5, 0.7).error.empty());
}

TEST_CASE("non-normal data: a warning and the percentile and lognormal figures") {
    // 20 skewed values (above), LSL 0.5, USL 80.
    const Dataset d = one_feature({1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8, 10, 13, 17, 22, 30, 41, 60}, 0.5, 80.0);
    const FeatureAnalysis a = analyse_feature(d, 0);
    REQUIRE(a.errors.empty());
    CHECK_FALSE(a.normal);
    REQUIRE(a.percentile);
    REQUIRE(a.lognormal);
    bool warned = false;
    for (const auto& w : a.warnings) warned = warned || w.find("not normal") != std::string::npos;
    CHECK(warned);
    // Type 7 percentiles of 20 values: h = 19·0.00135 = 0.02565 → 1; 19·0.5 = 9.5 → (4+5)/2 = 4.5;
    // 19·0.99865 = 18.97435 → 41 + 0.97435·19 = 59.51265.
    CHECK(a.percentile->p00135 == doctest::Approx(1.0));
    CHECK(a.percentile->p50 == doctest::Approx(4.5));
    CHECK(a.percentile->p99865 == doctest::Approx(59.51265).epsilon(1e-10));
    CHECK(*a.percentile->ppu == doctest::Approx((80 - 4.5) / (59.51265 - 4.5)).epsilon(1e-10));
    CHECK(*a.percentile->ppl == doctest::Approx((4.5 - 0.5) / (4.5 - 1.0)).epsilon(1e-10));
    CHECK_FALSE(a.percentile->warning.empty());  // 20 values: rough
    // Lognormal ML fit: μ = mean(ln x), σ = √(Σ(ln x − μ)²/n) (numpy: np.log(y).mean(), .std()).
    CHECK(a.lognormal->mu == doctest::Approx(1.6572251830968305).epsilon(1e-10));
    CHECK(a.lognormal->sigma == doctest::Approx(1.275908608014512).epsilon(1e-10));
    CHECK(a.lognormal->p50 == doctest::Approx(std::exp(1.6572251830968305)).epsilon(1e-10));
    REQUIRE(a.lognormal->fit);
    CHECK(a.lognormal->fit->p > 0.05);  // the logs look normal
}

TEST_CASE("drift: slope per 100 parts and its t-test") {
    // y = 0.001·row + alternating ±0.0005 noise; 40 rows, every 5th part → slope per 100 parts
    // ≈ 100·0.001/5 = 0.02. scipy.stats.linregress(range(1, 41), y): slope 0.0009981238273921173,
    // stderr 7.01999e-06, p = 2.0034e-53.
    std::vector<double> y;
    for (int i = 1; i <= 40; ++i) y.push_back(10 + 0.001 * i + (i % 2 ? 0.0005 : -0.0005));
    const Drift dr = drift_trend(y, 5);
    CHECK(dr.slope_per_row == doctest::Approx(0.0009981238273921173).epsilon(1e-10));
    CHECK(dr.std_error == doctest::Approx(7.019995097145046e-06).epsilon(1e-8));
    CHECK(dr.slope_per_100_parts == doctest::Approx(100 * 0.0009981238273921173 / 5).epsilon(1e-10));
    CHECK(dr.dof == 38);
    CHECK(dr.significant);
    CHECK(dr.p == doctest::Approx(2.0033729369625156e-53).epsilon(1e-6));
    // A flat series with noise: no drift.
    const Drift flat = drift_trend({1, 2, 1, 2, 1.5, 2, 1, 2, 1});
    CHECK(flat.slope_per_row == doctest::Approx(0.0).epsilon(1e-12));  // hand: Σ(i − 5)(y − ȳ) = 0
    CHECK_FALSE(flat.significant);
    CHECK_FALSE(drift_trend({1, 2}).error.empty());
}

TEST_CASE("first-pass yield per step and rolled throughput yield") {
    // Steps: mould 475/500 (two lots 238+12, 237+13), deburr 490/500, inspect 497/500.
    // FPY = 0.95, 0.98, 0.994; RTY = 0.95·0.98·0.994 = 0.925414 (< 0.95: fails, rolled default).
    // Wilson 95 % for 475/500, p̂ = 0.95, z = 1.959964: centre (p̂ + z²/1000)/(1 + z²/500),
    // half-width z/(1 + z²/500)·√(p̂(1 − p̂)/500 + z²/10⁶) → [0.9272318, 0.9659063]
    // (scipy.stats.binomtest(475, 500).proportion_ci(method='wilson') agrees).
    std::vector<YieldRecord> r{
        {"mould", "L1", 238, 12}, {"mould", "L2", 237, 13}, {"deburr", "", 490, 10}, {"inspect", "", 497, 3}};
    YieldResult y = first_pass_yield(r);
    REQUIRE(y.errors.empty());
    REQUIRE(y.steps.size() == 3);
    CHECK(y.steps[0].name == "mould");
    CHECK(y.steps[0].fpy == doctest::Approx(0.95));
    CHECK(y.steps[0].ci95.lower == doctest::Approx(0.9272318388284524).epsilon(1e-10));
    CHECK(y.steps[0].ci95.upper == doctest::Approx(0.9659062547561506).epsilon(1e-10));
    REQUIRE(y.steps[0].lots.size() == 2);
    CHECK(y.steps[0].lots[1].fpy == doctest::Approx(237.0 / 250.0));
    CHECK(y.rty == doctest::Approx(0.925414).epsilon(1e-9));
    CHECK(y.rty_ci95.lower < y.rty);
    CHECK(y.rty_ci95.upper > y.rty);
    CHECK(y.verdict == YieldVerdict::Fails);
    // Per step: mould's 0.95 meets 0.95, so every step does.
    YieldSettings per_step;
    per_step.applies_to = YieldTarget::PerStep;
    CHECK(first_pass_yield(r, per_step).verdict == YieldVerdict::Meets);
    CHECK(first_pass_yield({}).verdict == YieldVerdict::NoData);
    CHECK(first_pass_yield({{"x", "", 0, 0}}).verdict == YieldVerdict::NoData);
}

TEST_CASE("pilot gate: a point estimate of 1.36 from 50 parts does not demonstrate 1.33") {
    GateSettings g;
    g.min_values = 50;
    g.min_subgroups = 10;
    // Cpk 1.36, N = 50, ν = 49: se = √(1/450 + 1.36²/98) = 0.1452436; lower 95 % bound
    // = 1.36 − 1.644854·0.1452436 = 1.121096 < 1.33.
    GateInput gi{50, 10, 1.36, 1.36 - 1.6448536269514722 * cpk_standard_error(1.36, 50, 49), ""};
    CHECK(cpk_standard_error(1.36, 50, 49) == doctest::Approx(0.14524355961617483).epsilon(1e-10));
    GateResult r = pilot_gate(gi, g);
    CHECK(r.verdict == GateVerdict::NotCapable);
    CHECK(r.compared == doctest::Approx(1.1210956041739926).epsilon(1e-10));
    g.use_lower_bound = false;
    CHECK(pilot_gate(gi, g).verdict == GateVerdict::Capable);
    gi.values = 20;
    CHECK(pilot_gate(gi, g).verdict == GateVerdict::NotEnoughData);
}

TEST_CASE("links: measured capability as tolerance-stack and timeline figures") {
    // Band 1.020 … 1.030: centre 1.025, ±0.005. Mean 1.0255, σ 0.001:
    // shift 0.0005, Cp = 0.005/0.003 = 1.6667, Cpk = 0.0045/0.003 = 1.5.
    const ContributorFigures c = contributor_from_measurement(1.020, 1.030, 1.0255, 0.001);
    REQUIRE(c.valid);
    CHECK(c.nominal == doctest::Approx(1.025));
    CHECK(c.tol_plus == doctest::Approx(0.005));
    CHECK(c.shift == doctest::Approx(0.0005));
    CHECK(c.cp == doctest::Approx(5.0 / 3.0));
    CHECK(c.cpk_at_shift == doctest::Approx(1.5));
    // Back from Cpk 1.5 at that mean: σ = 0.0045/(3·1.5) = 0.001.
    const ContributorFigures k = contributor_from_cpk(1.020, 1.030, 1.5, 1.0255);
    CHECK(k.sigma == doctest::Approx(0.001));
    CHECK_FALSE(contributor_from_cpk(1.030, 1.020, 1.5).valid);
    CHECK_FALSE(contributor_from_measurement(1.020, 1.030, 1.025, 0).valid);
    // Gate pass probability: true Cpk 1.6, N = 125, ν = 100: se = √(1/1125 + 2.56/200) =
    // 0.1169995; P = Φ((1.6 − 1.644854·0.1169995 − 1.33)/0.1169995) = 0.7462861 (scipy.stats.norm.cdf).
    GateSettings g;
    CHECK(gate_pass_probability(1.6, 125, 100, g) == doctest::Approx(0.7462860607474001).epsilon(1e-9));
    CHECK(gate_pass_probability(1.6, 50, 49, g) == 0);  // below min_values: never passes
}
