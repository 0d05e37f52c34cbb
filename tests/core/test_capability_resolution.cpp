// Degenerate capability data: a σ of zero or below the data's resolution (the smallest
// difference between recorded values) gives a reason, never an index — in the analysis and
// its JSON (the CLI), the pilot gate, and the links into tolerance stacks and schedule gates.
// Before, subgroups without variation inside them gave Cp ≈ 10¹⁶ from the rounding of their
// means (0.1 + 0.1 + 0.1 = 0.30000000000000004, so the mean of three 0.1 is not 0.1).
#include <doctest/doctest.h>

#include <cmath>
#include <memory>

#include "capability/analysis.h"
#include "capability/capability_analysis_json.h"
#include "capability/sigma.h"
#include "links/measured_links.h"
#include "plan/plan.h"
#include "tolerance/stack_model.h"

using namespace mf;

namespace {

Dataset dataset(std::vector<double> x, int subgroup_size) {
    Dataset d;
    d.id = "d-flat";
    d.name = "Flat";
    d.subgroup_size = subgroup_size;
    d.gate.min_values = 2;  // the gate's counts out of the way: its Cpk reason is under test
    d.gate.min_subgroups = 1;
    Feature f;
    f.id = "f-flat";
    f.name = "Flat bore";
    f.units = "mm";
    f.lsl = 0.0;
    f.usl = 1.0;
    f.values = std::make_shared<const std::vector<double>>(std::move(x));
    d.features.push_back(f);
    return d;
}

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("capability resolution: the smallest difference between distinct recorded values") {
    CHECK(value_resolution({}) == 0);
    CHECK(value_resolution({1.5}) == 0);
    CHECK(value_resolution({0.1, 0.1, 0.1}) == 0);  // all equal
    // Recorded to three decimals: 0.001, though no two values are closer than 2 µm.
    CHECK(value_resolution({1.020, 1.022, 1.025}) == doctest::Approx(0.001).epsilon(1e-12));
    CHECK(value_resolution({-2.5, 0.0, 7.0}) == doctest::Approx(0.1).epsilon(1e-12));
    CHECK(value_resolution({3.0, 5.0, 12.0}) == 1.0);
    // Two values closer than the decimals' step (the test for decimals allows 0.001 of a step
    // for binary rounding, so 1.5000001 reads as one decimal): their difference.
    CHECK(value_resolution({1.5, 1.5000001}) == doctest::Approx(1e-7).epsilon(1e-6));
    // Differences of floating-point noise (below 1e-12 × the largest magnitude) are no difference.
    CHECK(value_resolution({0.3, 0.30000000000000004, 0.5}) == doctest::Approx(0.1).epsilon(1e-12));
    CHECK(value_resolution({0.30000000000000004, 0.30000000000000004}) == 0);
}

TEST_CASE("capability resolution: subgroups without variation inside them give a reason, not Cp 10^16") {
    // Subgroups of 3: (0.1, 0.1, 0.1) (0.7, 0.7, 0.7). Every subgroup is constant, so the
    // pooled within σ is 0 exactly; recorded to one decimal (resolution 0.1).
    const Dataset d = dataset({0.1, 0.1, 0.1, 0.7, 0.7, 0.7}, 3);
    const FeatureAnalysis a = analyse_feature(d, 0);
    CHECK(a.within.sigma == 0);
    CHECK(a.resolution == doctest::Approx(0.1).epsilon(1e-12));
    CHECK_FALSE(a.cap.cp);
    CHECK_FALSE(a.cap.cpk);
    CHECK_FALSE(a.cap.pp);
    REQUIRE_FALSE(a.errors.empty());
    CHECK(contains(a.errors.front().message, "no variation within subgroups: measurement resolution?"));
    CHECK(contains(a.errors.front().message, "within-subgroup σ is 0"));
    CHECK(contains(a.chart.error, "no variation within subgroups"));  // no zero-width limits
    CHECK(a.violations.empty());
    // The pilot gate: no Cpk, and it says why.
    CHECK(a.gate.verdict == GateVerdict::NotEnoughData);
    CHECK(contains(a.gate.reason, "measurement resolution?"));
    // The JSON (mfplan capability --json): no index, the resolution, the reason.
    const nlohmann::json j = feature_json(a);
    CHECK(j["cp"].is_null());
    CHECK(j["cpk"].is_null());
    CHECK(j["chart"].is_null());
    CHECK(j["resolution"].get<double>() == doctest::Approx(0.1).epsilon(1e-12));
    CHECK(j["verdict"] == "not enough data");
    CHECK(contains(j["errors"][0].get<std::string>(), "measurement resolution?"));
}

TEST_CASE("capability resolution: a within σ above 0 but below the resolution is refused too") {
    // Subgroups of 2: (0.5, 0.5) (0.5, 0.5) (0.6, 0.6) (0.6, 0.601). Resolution 0.001 (three
    // decimals; the last pair). Pooled: SS = 0.001²/2 = 5·10⁻⁷, d = 4, s_p = √(5·10⁻⁷/4) = 3.5355339e-4;
    // c4(5) = √(2/4)·Γ(5/2)/Γ(2) = 0.9399856; σ_within = 3.7612639e-4 < 0.001: one gauge step in
    // eight values, not a process spread. Cp would have been 1/(6σ) = 443.1.
    const Dataset d = dataset({0.5, 0.5, 0.5, 0.5, 0.6, 0.6, 0.6, 0.601}, 2);
    const FeatureAnalysis a = analyse_feature(d, 0);
    CHECK(a.within.sigma == doctest::Approx(3.7612639e-4).epsilon(1e-6));
    CHECK(a.resolution == doctest::Approx(0.001).epsilon(1e-9));
    CHECK_FALSE(a.cap.cp);
    CHECK_FALSE(a.cap.cpk);
    REQUIRE_FALSE(a.errors.empty());
    CHECK(contains(a.errors.front().message, "no variation within subgroups: measurement resolution?"));
    CHECK(contains(a.errors.front().message, "σ 0.000376 is below the resolution 0.001"));
    CHECK(a.gate.verdict == GateVerdict::NotEnoughData);
    // Two steps of spread inside every subgroup: σ_within = √(2·10⁻⁶)/c4(5) = 1.5045e-3, above
    // the resolution 0.001: indices.
    const Dataset ok = dataset({0.500, 0.502, 0.501, 0.503, 0.600, 0.602, 0.601, 0.603}, 2);
    const FeatureAnalysis b = analyse_feature(ok, 0);
    CHECK(b.errors.empty());
    CHECK(b.cap.cpk);
}

TEST_CASE("capability resolution: all-equal individual values (their mean rounds) give no σ and no index") {
    // Five 0.1: the sample SD of the doubles is ~1e-17 (0.1·5/5 ≠ 0.1); the true σ is 0.
    const Dataset d = dataset({0.1, 0.1, 0.1, 0.1, 0.1}, 1);
    const FeatureAnalysis a = analyse_feature(d, 0);
    CHECK(a.overall.sigma == 0);
    CHECK(a.within.sigma == 0);
    CHECK(a.resolution == 0);
    CHECK_FALSE(a.cap.cp);
    CHECK_FALSE(a.cap.ppk);
    REQUIRE_FALSE(a.errors.empty());
    bool equal = false;
    for (const auto& e : a.errors) equal = equal || contains(e.message, "all values are equal");
    CHECK(equal);
    CHECK(feature_json(a)["resolution"].is_null());
    CHECK(feature_json(a)["sigma_overall"] == 0.0);
    // Individual values whose consecutive differences are one step in six: the moving-range σ
    // is (0.1 / 5) / 1.128379 = 0.0177245 < the resolution 0.1.
    const FeatureAnalysis b = analyse_feature(dataset({0.1, 0.1, 0.1, 0.2, 0.2, 0.2}, 1), 0);
    CHECK(b.within.sigma == doctest::Approx(0.02 / 1.128379).epsilon(1e-6));
    CHECK_FALSE(b.cap.cpk);
    REQUIRE_FALSE(b.errors.empty());
    CHECK(contains(b.errors.front().message, "no variation between consecutive values: measurement resolution?"));
}

TEST_CASE("capability resolution: links into stacks and schedule gates refuse a flat feature and say why") {
    Plan p;
    p.datasets = {dataset({0.1, 0.1, 0.1, 0.7, 0.7, 0.7}, 3)};
    Stack s;
    s.id = "s-gap";
    s.name = "Gap";
    Contributor c;
    c.id = "k-bore";
    c.name = "Bore";
    c.nominal = 0.5;
    c.tol_plus = c.tol_minus = 0.5;
    c.sensitivity = 1;
    c.distribution.by = NormalBy::Cpk;
    c.distribution.capability = 1.33;
    c.measured = MeasuredLink{"d-flat", "f-flat", MeasuredSigma::Within};
    s.contributors = {c};
    p.stacks.push_back(s);
    const ResolvedStack rs = resolve_stack_links(p, 0);
    REQUIRE(rs.links.size() == 1);
    CHECK_FALSE(rs.links[0].used);
    CHECK(contains(rs.links[0].message, "measurement resolution?"));
    CHECK(rs.stack.contributors[0].distribution.by == NormalBy::Cpk);  // the declared figures stay
    CHECK(rs.stack.contributors[0].distribution.capability == 1.33);
    // Without limits on the feature the σ's own reason is still the one given (a stack link
    // needs no limits).
    Plan q = p;
    q.datasets[0].features[0].lsl.reset();
    q.datasets[0].features[0].usl.reset();
    const ResolvedStack rq = resolve_stack_links(q, 0);
    CHECK(contains(rq.links[0].message, "measurement resolution?"));

    Task g;
    g.id = "t-pilot";
    g.name = "Pilot gate";
    g.kind = TaskKind::Gate;
    CpkCriterion k{1.5, 60, 1.33};
    k.measured = CpkSource{"d-flat", "f-flat"};
    g.gate.cpk = k;
    p.schedule.tasks.push_back(g);
    const ResolvedSchedule sc = resolve_schedule_links(p);
    REQUIRE(sc.links.size() == 1);
    CHECK_FALSE(sc.links[0].used);
    CHECK(contains(sc.links[0].message, "measurement resolution?"));
    CHECK(sc.schedule.tasks[0].gate.cpk->estimate == 1.5);  // the typed Cpk stays
}
