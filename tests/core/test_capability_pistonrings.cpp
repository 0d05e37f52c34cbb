// Montgomery's piston-ring data (Introduction to Statistical Quality Control, Table 6.3:
// 25 samples of 5 inside diameters, mm; specification 74.000 ± 0.05 mm), read from
// tests/data/capability/pistonrings.csv through the CSV importer.
//
// Three independent references:
//  (1) Montgomery's printed results (Example 6.1 and the capability estimate that follows):
//      x̿ = 74.001, R̄ = 0.023, X̄ chart UCL = 74.014, LCL = 73.988. He rounds R̄ to 0.023
//      before using it, so his R chart UCL (0.023 · 2.114 = 0.049) and Cp (σ̂ = 0.0099, Cp =
//      1.68) carry that rounding; the unrounded R̄ is 0.02276.
//  (2) R package qcc's documented output for qcc(diameter[1:25, ], type = "xbar"):
//      centre 74.00118, std. dev. 0.009785337, LCL 73.98805, UCL 74.01430.
//  (3) numpy/scipy (Debian's /usr/bin/python3) on the same 125 numbers:
//        X = data.reshape(25, 5); R = X.ptp(1); S = X.std(1, ddof=1)
//        σ_R = R.mean()/2.325929 = 0.009785337386;  σ_S = S.mean()/c4(5) = 0.009829976728
//        σ_pooled = √(Σ(x − x̄ᵢ)²/100)/c4(101) = 0.00988754721; s = x.std(ddof=1) = 0.01006996813
//        Cp = 0.1/(6σ); CPL = (x̿ − 73.95)/(3σ); CPU = (74.05 − x̿)/(3σ)
//        Cpk CI: Cpk ± 1.959964·√(1/(9·125) + Cpk²/(2ν)), ν = 100 (pooled), 90 (R̄: 0.9·25·4)
//        Cpm = 0.05/(3·√(Σ(x − 74)²/124)); AD: scipy.stats.anderson(x).statistic
#include <doctest/doctest.h>

#include "capability/analysis.h"
#include "capability/chart_constants.h"
#include "capability/table_import.h"
#include "test_support.h"

using namespace mf;

namespace {
Dataset piston_rings() {
    const std::string text = test::read_file("tests/data/capability/pistonrings.csv");
    TableReadResult t = read_table(text);
    REQUIRE(t.errors.empty());
    DatasetImportResult d = dataset_from_table(t.table, {});
    REQUIRE(d.errors.empty());
    REQUIRE(d.dataset.features.size() == 1);
    Feature& f = d.dataset.features[0];
    f.lsl = 73.95;
    f.usl = 74.05;
    f.nominal = 74.0;
    return d.dataset;
}
}  // namespace

TEST_CASE("capability: piston rings, X̄–R chart (Montgomery Table 6.3, qcc)") {
    const Dataset d = piston_rings();
    REQUIRE(static_cast<bool>(d.subgroups));  // the "sample" column became the subgroup labels
    CapabilityOptions opt;
    opt.sigma = SigmaMethod::RBar;
    const FeatureAnalysis a = analyse_feature(d, 0, opt);
    REQUIRE(a.errors.empty());
    CHECK(a.values == 125);
    CHECK(a.subgroups == 25);
    CHECK(a.subgroup_size == 5);
    const ControlChart& c = a.chart;
    CHECK(c.type == ChartType::XbarR);
    // (1) Montgomery, printed to three decimals.
    CHECK(c.center == doctest::Approx(74.001).epsilon(0.0005 / 74.001));
    CHECK(c.d_center == doctest::Approx(0.023).epsilon(0.0005 / 0.023));
    CHECK(c.ucl == doctest::Approx(74.014).epsilon(0.0005 / 74.014));
    CHECK(c.lcl == doctest::Approx(73.988).epsilon(0.0005 / 73.988));
    CHECK(c.d_lcl == 0);
    // (2) qcc, printed to seven significant digits.
    CHECK(c.center == doctest::Approx(74.00118).epsilon(1e-7));
    CHECK(c.sigma == doctest::Approx(0.009785337).epsilon(1e-7));
    CHECK(c.lcl == doctest::Approx(73.98805).epsilon(1e-7));
    CHECK(c.ucl == doctest::Approx(74.01430).epsilon(1e-7));
    // (3) numpy: R̄ and the R chart's UCL = D4·R̄ = 2.114499·0.02276.
    CHECK(c.d_center == doctest::Approx(0.02276).epsilon(1e-9));
    CHECK(c.d_ucl == doctest::Approx(0.0481260017).epsilon(1e-6));
    CHECK(c.points.size() == 25);
    CHECK(c.points[0] == doctest::Approx(74.0102).epsilon(1e-10));  // (74.030+74.002+74.019+73.992+74.008)/5
    // Montgomery: "the process is in statistical control" — no test 1 signal; qcc flags none either.
    for (const auto& v : a.violations) CHECK(v.rule != 1);
    CHECK(a.dispersion_violations.empty());

    // Capability with σ = R̄/d2 (3).
    REQUIRE(a.cap.cp);
    CHECK(a.within.sigma == doctest::Approx(0.009785337386).epsilon(1e-9));
    CHECK(*a.cap.cp == doctest::Approx(1.703228617).epsilon(1e-8));
    CHECK(*a.cap.cpl == doctest::Approx(1.743288555).epsilon(1e-8));
    CHECK(*a.cap.cpu == doctest::Approx(1.663168680).epsilon(1e-8));
    CHECK(*a.cap.cpk == doctest::Approx(1.663168680).epsilon(1e-8));
    CHECK(a.cap.cpk_ci95->lower == doctest::Approx(1.413273056).epsilon(1e-8));
    CHECK(a.cap.cpk_ci95->upper == doctest::Approx(1.913064304).epsilon(1e-8));
    // (1) Montgomery's Cp of 1.68 used σ̂ = 0.023/2.326: the same formula on his rounded R̄.
    CHECK(0.10 / (6.0 * 0.023 / d2_constant(5)) == doctest::Approx(1.685).epsilon(0.001));
}

TEST_CASE("capability: piston rings, Minitab's defaults (pooled SD, overall n − 1)") {
    const Dataset d = piston_rings();
    const FeatureAnalysis a = analyse_feature(d, 0);
    REQUIRE(a.errors.empty());
    CHECK(a.within.method == "pooled SD / c4(d+1)");
    CHECK(a.within.dof == 100);
    CHECK(a.within.sigma == doctest::Approx(0.00988754721).epsilon(1e-8));
    CHECK(a.overall.sigma == doctest::Approx(0.01006996813).epsilon(1e-8));
    CHECK(*a.cap.cp == doctest::Approx(1.685621956).epsilon(1e-8));
    CHECK(*a.cap.cpl == doctest::Approx(1.725267784).epsilon(1e-8));
    CHECK(*a.cap.cpk == doctest::Approx(1.645976127).epsilon(1e-8));
    CHECK(*a.cap.pp == doctest::Approx(1.655086338).epsilon(1e-8));
    CHECK(*a.cap.ppk == doctest::Approx(1.616158707).epsilon(1e-8));
    CHECK(*a.cap.cpm == doctest::Approx(1.643825069).epsilon(1e-8));
    CHECK(a.cap.cpk_ci95->lower == doctest::Approx(1.410494175).epsilon(1e-8));
    CHECK(a.cap.cpk_ci95->upper == doctest::Approx(1.88145808).epsilon(1e-8));
    CHECK(*a.cap.cpk_lower_bound == doctest::Approx(1.448353443).epsilon(1e-8));
    CHECK(a.cap.ppm_within.total == doctest::Approx(0.5082503227).epsilon(1e-6));
    CHECK(a.cap.ppm_overall.total == doctest::Approx(0.8087670215).epsilon(1e-6));
    CHECK(a.cap.ppm_observed.total == 0);
    // Anderson–Darling: scipy's A² = 0.1910193833; p (D'Agostino, A*² = 0.19219) = 0.8958342621.
    CHECK(a.ad.a2 == doctest::Approx(0.1910193833).epsilon(1e-8));
    CHECK(a.ad.p == doctest::Approx(0.8958342621).epsilon(1e-8));
    CHECK(a.normal);
    CHECK_FALSE(a.percentile);
    // No drift: scipy.stats.linregress slope −7.631336e-06 mm per ring, p = 0.76118.
    CHECK(a.drift.slope_per_row == doctest::Approx(-7.631336405536093e-06).epsilon(1e-8));
    CHECK(a.drift.p == doctest::Approx(0.7611810276369622).epsilon(1e-8));
    CHECK_FALSE(a.drift.significant);
    // 125 values in 25 subgroups meets the minimum; the lower 95 % bound 1.448 ≥ 1.33.
    CHECK(a.gate.verdict == GateVerdict::Capable);
    CHECK(a.gate.compared == doctest::Approx(1.448353443).epsilon(1e-8));
}

TEST_CASE("capability: piston rings, X̄–S chart") {
    // numpy: S̄ = 0.009240036602; A3(5) = 1.427, B4(5) = 2.089 from exact c4(5).
    const Dataset d = piston_rings();
    CapabilityOptions opt;
    opt.chart = ChartType::XbarS;
    opt.sigma = SigmaMethod::SBar;
    const FeatureAnalysis a = analyse_feature(d, 0, opt);
    REQUIRE(a.errors.empty());
    CHECK(a.chart.type == ChartType::XbarS);
    CHECK(a.chart.d_center == doctest::Approx(0.009240036602).epsilon(1e-9));
    CHECK(a.chart.ucl == doctest::Approx(74.0143643).epsilon(1e-9));
    CHECK(a.chart.lcl == doctest::Approx(73.9879877).epsilon(1e-9));
    CHECK(a.chart.d_ucl == doctest::Approx(0.01930241677).epsilon(1e-8));
    CHECK(a.within.sigma == doctest::Approx(0.009829976728).epsilon(1e-9));
}
