// Measured links (core/links/measured_links.h): a feature's mean and σ driving a stack
// contributor, its Cpk driving a gate's pass probability. Reference values by hand (written
// out below) and with scipy (/usr/bin/python3, noted where used).
#include <doctest/doctest.h>

#include <cmath>
#include <memory>

#include "links/measured_links.h"
#include "plan/plan_file.h"
#include "schedule/gate.h"
#include "tolerance/stack_analysis.h"

using namespace mf;

namespace {

Column col(std::vector<double> v) { return std::make_shared<const std::vector<double>>(std::move(v)); }

Feature make_feature(const char* id, const char* name, double lsl, double usl, std::vector<double> values) {
    Feature f;
    f.id = id;
    f.name = name;
    f.lsl = lsl;
    f.usl = usl;
    f.values = col(std::move(values));
    return f;
}

Contributor make_contributor(const char* id, const char* name, double nominal, double tol, double sensitivity) {
    Contributor c;
    c.id = id;
    c.name = name;
    c.nominal = nominal;
    c.tol_plus = c.tol_minus = tol;
    c.sensitivity = sensitivity;
    return c;
}

// Individual values 1.020, 1.022, 1.024, 1.026, 1.028 (mm):
//   mean 1.024; overall SD: deviations −4, −2, 0, 2, 4 µm → Σ = 40 µm², /4 → σ = √10 µm;
//   moving ranges all 2 µm → σ_within = 0.002 / d2(2) = 0.002 / (2/√π) = √π·10⁻³ mm, σ² = π·10⁻⁶.
Dataset ramp_dataset() {
    Dataset d;
    d.id = "d-ramp";
    d.name = "Ramp";
    d.features.push_back(make_feature("f-ramp", "Ramp bore", 1.020, 1.030, {1.020, 1.022, 1.024, 1.026, 1.028}));
    return d;
}

// Subgroups of 2: (1.024, 1.026) (1.023, 1.025) (1.025, 1.027) (1.022, 1.024), limits 1.020 .. 1.030.
//   each pair: s² = 0.002²/2 = 2·10⁻⁶; pooled s_p = √(2·10⁻⁶) = 1.414214e-3, d = Σ(nᵢ − 1) = 4;
//   c4(5) = √(2/4)·Γ(5/2)/Γ(2) = 0.9399856; σ_within = s_p / c4 = 1.5045056e-3 mm;
//   mean = 8.196 / 8 = 1.0245; CPL = 0.0045 / (3σ) = 0.9970053, CPU = 0.0055 / (3σ) = 1.2185620.
Dataset pairs_dataset() {
    Dataset d;
    d.id = "d-pairs";
    d.name = "Pairs";
    d.subgroup_size = 2;
    d.features.push_back(
        make_feature("f-pairs", "Pairs bore", 1.020, 1.030, {1.024, 1.026, 1.023, 1.025, 1.025, 1.027, 1.022, 1.024}));
    return d;
}

// Gap = bore − shaft; bore 1.025 ± 0.005 (declared Cpk 1.33), shaft 1.000 ± 0.015 (Cp 1: σ 0.005).
Plan stack_plan(const std::string& dataset, const std::string& feature, MeasuredSigma sigma) {
    Plan p;
    p.datasets = {ramp_dataset(), pairs_dataset()};
    Stack s;
    s.id = "s-gap";
    s.name = "Gap";
    s.lower_limit = 0.0;
    s.upper_limit = 0.050;
    Contributor bore = make_contributor("k-bore", "Bore", 1.025, 0.005, +1);
    bore.distribution.by = NormalBy::Cpk;
    bore.distribution.capability = 1.33;
    bore.measured = MeasuredLink{dataset, feature, sigma};
    Contributor shaft = make_contributor("k-shaft", "Shaft", 1.000, 0.015, -1);
    s.contributors = {bore, shaft};
    p.stacks.push_back(s);
    return p;
}

Plan gate_plan(const std::string& dataset, const std::string& feature) {
    Plan p;
    p.datasets = {ramp_dataset(), pairs_dataset()};
    Task g;
    g.id = "t-pilot";
    g.name = "Pilot gate";
    g.kind = TaskKind::Gate;
    CpkCriterion c{1.5, 60, 1.33};
    c.measured = CpkSource{dataset, feature};
    g.gate.cpk = c;
    p.schedule.tasks.push_back(g);
    return p;
}

}  // namespace

TEST_CASE("links: a contributor takes the measured σ_within and mean; the statistical σ follows") {
    const Plan p = stack_plan("d-ramp", "f-ramp", MeasuredSigma::Within);
    const ResolvedStack r = resolve_stack_links(p, 0);
    REQUIRE(r.links.size() == 1);
    const LinkReport& l = r.links[0];
    CHECK(l.used);
    CHECK(l.where == "/stacks/0/contributors/0/measured");
    CHECK(l.sigma_kind == "within");
    CHECK(*l.n == 5);
    CHECK(*l.mean == doctest::Approx(1.024).epsilon(1e-12));
    CHECK(*l.sigma == doctest::Approx(std::sqrt(M_PI) * 1e-3).epsilon(1e-9));
    CHECK(*l.shift == doctest::Approx(-0.001).epsilon(1e-9));  // 1.024 − band centre 1.025
    const Distribution& d = r.stack.contributors[0].distribution;
    CHECK(d.kind == DistributionKind::Normal);
    CHECK(d.by == NormalBy::Sigma);
    CHECK(d.sigma == doctest::Approx(1.7724539e-3).epsilon(1e-7));
    // The plan itself keeps the declared Cpk 1.33.
    CHECK(p.stacks[0].contributors[0].distribution.by == NormalBy::Cpk);
    CHECK_FALSE(l.warnings.empty());  // 5 values < the gate's 100; the ramp drifts

    const StackReport rep = analyse_stack(r.stack);
    REQUIRE(rep.errors.empty());
    // σ_gap = √(π·10⁻⁶ + 0.005²) = 10⁻³·√(π + 25) = 5.3048650e-3; mean = (1.025 − 0.001) − 1.000 = 0.024.
    CHECK(rep.statistical.sigma == doctest::Approx(5.3048650e-3).epsilon(1e-7));
    CHECK(rep.statistical.mean == doctest::Approx(0.024).epsilon(1e-9));
    // Worst case and RSS use the band: unchanged by the link (0.030 − 0.010 .. 0.030 + 0.010 around 0.025).
    const StackReport declared = analyse_stack(p.stacks[0]);
    CHECK(rep.worst_case.min == doctest::Approx(declared.worst_case.min));
    CHECK(rep.rss.sigma == doctest::Approx(declared.rss.sigma));
    // Declared: bore σ = 0.005 / (3·1.33) = 1.2531328e-3 → σ_gap = √(1.2531328e-3² + 0.005²) = 5.1546467e-3.
    CHECK(declared.statistical.sigma == doctest::Approx(5.1546467e-3).epsilon(1e-7));
}

TEST_CASE("links: σ_overall on request; pooled σ_within of subgroups") {
    {
        const ResolvedStack r = resolve_stack_links(stack_plan("d-ramp", "f-ramp", MeasuredSigma::Overall), 0);
        REQUIRE(r.links.size() == 1);
        CHECK(r.links[0].sigma_kind == "overall");
        CHECK(*r.links[0].sigma == doctest::Approx(std::sqrt(10.0) * 1e-3).epsilon(1e-9));
        const StackReport rep = analyse_stack(r.stack);
        // σ_gap = √(10·10⁻⁶ + 25·10⁻⁶) = √35·10⁻³ = 5.9160798e-3.
        CHECK(rep.statistical.sigma == doctest::Approx(5.9160798e-3).epsilon(1e-7));
    }
    {
        const ResolvedStack r = resolve_stack_links(stack_plan("d-pairs", "f-pairs", MeasuredSigma::Within), 0);
        REQUIRE(r.links.size() == 1);
        CHECK(*r.links[0].sigma == doctest::Approx(1.5045056e-3).epsilon(1e-7));
        CHECK(*r.links[0].shift == doctest::Approx(-0.0005).epsilon(1e-9));
        CHECK(*r.links[0].cpk == doctest::Approx(0.9970053).epsilon(1e-7));
        const StackReport rep = analyse_stack(r.stack);
        // σ_gap = √(1.5045056e-3² + 0.005²) = 5.2214497e-3 (scipy/numpy: math.hypot).
        CHECK(rep.statistical.sigma == doctest::Approx(5.2214497e-3).epsilon(1e-7));
        CHECK(rep.statistical.mean == doctest::Approx(0.0245).epsilon(1e-9));
    }
}

TEST_CASE("links: a gate's Cpk, sample size and ν come from the feature") {
    const Plan p = gate_plan("d-pairs", "f-pairs");
    const ResolvedSchedule r = resolve_schedule_links(p);
    REQUIRE(r.links.size() == 1);
    const LinkReport& l = r.links[0];
    CHECK(l.used);
    CHECK(l.where == "/schedule/tasks/0/gate/cpk/measured");
    CHECK(*l.cpk == doctest::Approx(0.9970053).epsilon(1e-7));
    CHECK(*l.n == 8);
    CHECK(*l.dof == 4);  // pooled: Σ(nᵢ − 1) = 4·1
    const CpkCriterion& c = *r.schedule.tasks[0].gate.cpk;
    CHECK(c.estimate == doctest::Approx(0.9970053).epsilon(1e-7));
    CHECK(c.sample_size == 8);
    CHECK(c.dof == 4);
    CHECK(c.threshold == 1.33);
    // SE = √(1/(9·8) + 0.9970053²/(2·4)) = 0.37167369; P = Φ((0.9970053 − 1.33)/SE) = 0.18514429
    // (scipy.stats.norm.cdf).
    CHECK(gate_spec_pass_probability(r.schedule.tasks[0].gate) == doctest::Approx(0.18514429).epsilon(1e-6));
    CHECK(*l.pass_probability == doctest::Approx(0.18514429).epsilon(1e-6));
    // The plan keeps the typed 1.5 / 60.
    CHECK(p.schedule.tasks[0].gate.cpk->estimate == 1.5);
}

TEST_CASE("links: a one-sided feature gives its one-sided Cpk to a gate and its σ to a contributor") {
    Plan p = gate_plan("d-pairs", "f-pairs");
    p.datasets[1].features[0].lsl.reset();  // USL 1.030 only: Cpk = CPU = 0.0055 / (3σ) = 1.2185620
    const ResolvedSchedule r = resolve_schedule_links(p);
    REQUIRE(r.links.size() == 1);
    CHECK(r.links[0].used);
    CHECK(*r.links[0].cpk == doctest::Approx(1.2185620).epsilon(1e-7));

    Plan s = stack_plan("d-pairs", "f-pairs", MeasuredSigma::Within);
    s.datasets[1].features[0].lsl.reset();
    const ResolvedStack rs = resolve_stack_links(s, 0);
    CHECK(rs.links[0].used);  // the contributor keeps its band: the feature's limits are not needed
    CHECK(*rs.links[0].sigma == doctest::Approx(1.5045056e-3).epsilon(1e-7));
    bool warned = false;
    for (const auto& w : rs.links[0].warnings)
        warned = warned || w.find("differ from the contributor's band") != std::string::npos;
    CHECK(warned);
}

TEST_CASE("links: links that cannot be used leave the declared figures and say why") {
    auto stack_message = [](Plan p) {
        const ResolvedStack r = resolve_stack_links(p, 0);
        REQUIRE(r.links.size() == 1);
        CHECK_FALSE(r.links[0].used);
        CHECK(r.stack.contributors[0].distribution.by == NormalBy::Cpk);  // declared kept
        CHECK(r.stack.contributors[0].distribution.capability == 1.33);
        return r.links[0].message;
    };
    CHECK(stack_message(stack_plan("d-none", "f-ramp", MeasuredSigma::Within))
              .find("dataset \"d-none\" does not exist") != std::string::npos);
    CHECK(stack_message(stack_plan("d-ramp", "f-none", MeasuredSigma::Within)).find("has no feature \"f-none\"") !=
          std::string::npos);
    {
        Plan p = stack_plan("d-ramp", "f-ramp", MeasuredSigma::Within);
        p.datasets[0].features[0].values = col({1.024});
        CHECK(stack_message(p).find("only one value") != std::string::npos);
    }
    {
        Plan p = stack_plan("d-ramp", "f-ramp", MeasuredSigma::Within);
        p.datasets[0].features[0].values = col({1.024, 1.024, 1.024});
        CHECK(stack_message(p).find("σ = 0") != std::string::npos);
    }
    {
        Plan p = stack_plan("d-ramp", "f-ramp", MeasuredSigma::Within);
        p.datasets[0].features[0].units = "µm";
        CHECK(stack_message(p).find("needs mm") != std::string::npos);
    }
    // A gate needs a Cpk: a feature without limits has none.
    {
        Plan p = gate_plan("d-pairs", "f-pairs");
        p.datasets[1].features[0].lsl.reset();
        p.datasets[1].features[0].usl.reset();
        const ResolvedSchedule r = resolve_schedule_links(p);
        REQUIRE(r.links.size() == 1);
        CHECK_FALSE(r.links[0].used);
        CHECK(r.links[0].message.find("no specification limits") != std::string::npos);
        CHECK(r.schedule.tasks[0].gate.cpk->estimate == 1.5);  // typed figures stay
        CHECK(r.schedule.tasks[0].gate.cpk->sample_size == 60);
        CHECK(r.schedule.tasks[0].gate.cpk->dof == 0);
        // Fallback: SE = √(1/540 + 1.5²/118) = 0.1446363; P = Φ(0.17/0.1446363) = 0.8800751 (scipy).
        CHECK(*r.links[0].pass_probability == doctest::Approx(0.8800751).epsilon(1e-6));
    }
    {
        const ResolvedSchedule r = resolve_schedule_links(gate_plan("d-x", "f-x"));
        CHECK_FALSE(r.links[0].used);
        CHECK(r.links[0].message.find("does not exist") != std::string::npos);
    }
}

TEST_CASE("links: the plan file keeps links; check_plan names dangling ones") {
    Plan p = stack_plan("d-ramp", "f-ramp", MeasuredSigma::Overall);
    p.meta.start_date = Date{20000};
    Plan g = gate_plan("d-pairs", "f-pairs");
    p.schedule = g.schedule;
    CHECK(check_plan(p).empty());
    const LoadResult back = load_plan(save_plan(p));
    REQUIRE(back.errors.empty());
    const auto& m = back.plan->stacks[0].contributors[0].measured;
    REQUIRE(m);
    CHECK(m->dataset_id == "d-ramp");
    CHECK(m->feature_id == "f-ramp");
    CHECK(m->sigma == MeasuredSigma::Overall);
    CHECK_FALSE(back.plan->stacks[0].contributors[1].measured);
    const auto& c = back.plan->schedule.tasks[0].gate.cpk;
    REQUIRE(c);
    REQUIRE(c->measured);
    CHECK(c->measured->feature_id == "f-pairs");

    p.stacks[0].contributors[0].measured->dataset_id = "d-gone";
    p.schedule.tasks[0].gate.cpk->measured->feature_id = "f-gone";
    const Issues e = check_plan(p);
    REQUIRE(e.size() == 2);
    CHECK(e[0].where == "/stacks/0/contributors/0/measured/dataset");
    CHECK(e[0].message.find("\"d-gone\"") != std::string::npos);
    CHECK(e[1].where == "/schedule/tasks/0/gate/cpk/measured/feature");
    CHECK(e[1].message.find("not in dataset \"d-pairs\"") != std::string::npos);
}

TEST_CASE("links: bad link objects in the file are named") {
    const std::string base = R"({"format": "microfab-plan", "version": 1, "project": {"name": "x", "units": "mm"},
        "stacks": [{"id": "s", "name": "S", "contributors": [{"id": "k", "name": "K", "nominal": 1, "tol_plus": 0.01,
        "tol_minus": 0.01, "measured": MEASURED}]}]})";
    auto load = [&](const std::string& m) {
        std::string t = base;
        t.replace(t.find("MEASURED"), 8, m);
        return load_plan(t);
    };
    {
        const LoadResult r = load(R"({"dataset": "d", "feature": "f", "sigma": "long"})");
        REQUIRE_FALSE(r.errors.empty());
        CHECK(r.errors[0].where == "/stacks/0/contributors/0/measured/sigma");
    }
    {
        const LoadResult r = load(R"({"dataset": "d"})");
        REQUIRE_FALSE(r.errors.empty());
        CHECK(r.errors[0].where == "/stacks/0/contributors/0/measured/feature");
    }
}

TEST_CASE("links: deleting measured data removes the links to it (declared figures again)") {
    Plan p = stack_plan("d-ramp", "f-ramp", MeasuredSigma::Within);
    p.schedule = gate_plan("d-pairs", "f-pairs").schedule;
    CHECK(remove_measured_links(p, "d-pairs", "f-other") == 0);
    CHECK(remove_measured_links(p, "d-ramp", "f-ramp") == 1);
    CHECK_FALSE(p.stacks[0].contributors[0].measured);
    REQUIRE(p.schedule.tasks[0].gate.cpk->measured);
    CHECK(remove_measured_links(p, "d-pairs") == 1);  // every feature of the dataset
    CHECK_FALSE(p.schedule.tasks[0].gate.cpk->measured);
    p.datasets.clear();
    CHECK(check_plan(p).empty());
}
