// analyse_stack (tolerance/stack_facade.h): the one call the CLI and the GUI make. It must give
// what its parts give (links resolved, report, Monte Carlo) and say why when it cannot.
#include <doctest/doctest.h>

#include "links/measured_links.h"
#include "plan/plan_file.h"
#include "test_support.h"
#include "tolerance/stack_facade.h"
#include "tolerance/stack_result_json.h"

using namespace mf;

namespace {

Plan gearbox() {
    LoadResult r = load_plan(test::read_file("assets/examples/micro-gearbox.mfplan.json"));
    REQUIRE(r.plan);
    return *r.plan;
}

}  // namespace

TEST_CASE("stack facade: the same figures as resolving, running and reporting by hand") {
    const Plan p = gearbox();
    for (size_t i = 0; i < p.stacks.size(); ++i) {
        const std::string id = p.stacks[i].id;
        INFO(id);
        StackOptions o;
        o.samples = 20000;
        o.seed = 9;
        o.histogram_bins = 30;
        const StackAnalysis a = analyse_stack(p, id, o);
        const ResolvedStack rs = resolve_stack_links(p, i);
        CHECK(a.stack == rs.stack);
        CHECK(a.links.size() == rs.links.size());
        MonteCarloOptions mo;
        mo.samples = 20000;
        mo.seed = 9;
        mo.histogram_bins = 30;
        const MonteCarloResult mc = run_monte_carlo(rs.stack, mo);
        const StackReport rep = analyse_stack(rs.stack, &mc);
        CHECK(a.issues.empty());
        REQUIRE(a.monte_carlo);
        CHECK(a.monte_carlo->at_measurement.mean == mc.at_measurement.mean);
        CHECK(a.monte_carlo->at_operating.histogram.counts == mc.at_operating.histogram.counts);
        CHECK(a.report.worst_case.min == rep.worst_case.min);
        CHECK(a.report.statistical.sigma == rep.statistical.sigma);
        CHECK(a.report.fit.reason == rep.fit.reason);
        CHECK(a.report.fit.at_operating.ppm_source == "monte carlo");

        // Without samples: no Monte Carlo, the verdict from the normal model; a finished run
        // handed in (the GUI's sliced one) is used as if run here.
        const StackAnalysis plain = analyse_stack(p, id);
        CHECK_FALSE(plain.monte_carlo);
        CHECK(plain.report.fit.at_operating.ppm_source == "normal model");
        StackOptions given;
        given.finished_monte_carlo = &mc;
        const StackAnalysis with = analyse_stack(p, id, given);
        REQUIRE(with.monte_carlo);
        CHECK(stack_analysis_json(with) == stack_analysis_json(a));
    }
}

TEST_CASE("stack facade: an unknown id, an empty stack and refused options are issues, not crashes") {
    Plan p = gearbox();
    StackAnalysis a = analyse_stack(p, "s-nothing");
    REQUIRE(a.issues.size() == 1);
    CHECK(a.issues[0].message.find("no stack with id \"s-nothing\"") != std::string::npos);

    Stack empty;
    empty.id = "s-empty";
    empty.name = "Empty";
    p.stacks.push_back(empty);
    StackOptions o;
    o.samples = 1000;
    a = analyse_stack(p, "s-empty", o);
    CHECK(has_errors(a.issues));
    CHECK(a.issues[0].where == "/contributors");
    CHECK_FALSE(a.monte_carlo);
    CHECK(stack_analysis_json(a).contains("errors"));

    o.histogram_bins = 0;  // refused by the Monte Carlo: a warning, the analytic figures stand
    a = analyse_stack(p, "s-gear-shaft", o);
    CHECK_FALSE(has_errors(a.issues));
    REQUIRE(a.issues.size() == 1);
    CHECK(a.issues[0].severity == Severity::Warning);
    CHECK(a.issues[0].where == "/monte_carlo/histogram_bins");
    CHECK_FALSE(a.monte_carlo);
    CHECK(a.report.errors.empty());
}

TEST_CASE("stack facade: a stack outside a plan (a CSV table) is analysed as given") {
    const Plan p = gearbox();
    Stack s = p.stacks[0];
    s.contributors[0].measured.reset();  // nothing to resolve outside a plan
    const StackAnalysis a = analyse_stack_without_plan(s);
    CHECK(a.stack == s);
    CHECK(a.links.empty());
    CHECK(a.issues.empty());
    CHECK(a.report.worst_case.min == analyse_stack(s).worst_case.min);
}
