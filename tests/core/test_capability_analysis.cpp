// The capability study of a dataset (core/capability/capability_analysis.h): the one entry
// gives the same figures as each feature analysed alone, whole or in slices; a run given the
// previous analysis takes over exactly the features whose inputs did not change.
#include <doctest/doctest.h>

#include "base/job.h"
#include "capability/analysis.h"
#include "capability/capability_analysis.h"
#include "capability/capability_analysis_json.h"
#include "capability/capability_edit.h"
#include "plan/plan_file.h"
#include "test_support.h"

using namespace mf;
using namespace mf::test;

namespace {

Plan gearbox() {
    LoadResult r = load_plan(read_file("assets/examples/micro-gearbox.mfplan.json"));
    REQUIRE(r.plan.has_value());
    return *r.plan;
}

const Dataset& pilot_run(const Plan& p) {
    for (const auto& d : p.datasets)
        if (d.id == "d-pilot-run") return d;
    FAIL("no d-pilot-run");
    return p.datasets.front();
}

// Same figures: compared through their JSON form (every number the CLI prints).
bool same_figures(const FeatureAnalysis& a, const FeatureAnalysis& b) { return feature_json(a) == feature_json(b); }

}  // namespace

TEST_CASE("capability analysis: one entry, the figures of each feature analysed alone") {
    const Plan p = gearbox();
    const Dataset& d = pilot_run(p);
    REQUIRE(d.features.size() == 3);
    const CapabilityAnalysis a = analyse_capability(p, "d-pilot-run", {});
    CHECK(a.errors.empty());
    CHECK(a.dataset == d);
    REQUIRE(a.features.size() == 3);
    CHECK(a.current_count() == 3);
    for (size_t i = 0; i < 3; ++i) {
        REQUIRE(a.features[i]);
        CHECK(same_figures(*a.features[i], analyse_feature(d, i)));
    }
    // The chart figures come with it: the histogram holds every value, marks one per point.
    const FeatureAnalysis& f = *a.features[0];
    double counted = 0;
    for (double c : f.histogram.counts) counted += c;
    CHECK(counted == static_cast<double>(f.values));
    CHECK(f.histogram.edges.size() == f.histogram.counts.size() + 1);
    CHECK(f.rule_marks.size() == f.chart.points.size());
    CHECK(f.dispersion_marks.size() == f.chart.dispersion.size());

    // Options reach every feature; an unknown dataset says so.
    CapabilityOptions we;
    we.rules = RuleSettings::western_electric();
    const CapabilityAnalysis b = analyse_capability(p, "d-pilot-run", we);
    CHECK(same_figures(*b.features[1], analyse_feature(d, 1, we)));
    const CapabilityAnalysis none = analyse_capability(p, "d-nothing", {});
    REQUIRE(none.errors.size() == 1);
    CHECK(none.errors[0].message.find("d-nothing") != std::string::npos);
    CHECK(none.features.empty());
    CHECK(capability_json(a)["features"].size() == 3);
}

TEST_CASE("capability analysis: in slices, the selected feature first, partial results on the way") {
    const Plan p = gearbox();
    const Dataset& d = pilot_run(p);
    CapabilityRun job(d, {}, nullptr, /*first=*/2);
    CHECK_FALSE(job.finished());
    CHECK(job.progress() == 0);
    CHECK_FALSE(job.step(1));
    CHECK(job.result().current == std::vector<bool>{false, false, true});
    CHECK(job.result().features[2]);
    CHECK_FALSE(job.result().features[0]);
    CHECK(job.progress() == doctest::Approx(1.0 / 3));
    CHECK(job.step(5));
    CHECK(job.finished());
    CHECK(job.progress() == 1);
    const CapabilityAnalysis whole = analyse_capability(d, {});
    for (size_t i = 0; i < 3; ++i) CHECK(same_figures(*job.result().features[i], *whole.features[i]));
    // A dataset with no features is finished at once.
    Dataset empty;
    empty.id = "d-empty";
    CapabilityRun nothing(empty, {});
    CHECK(nothing.finished());
    CHECK(run_to_end(nothing).features.empty());
}

TEST_CASE("capability analysis: a run takes over the features whose inputs did not change") {
    Plan p = gearbox();
    const CapabilityAnalysis before = analyse_capability(p, "d-pilot-run", {});

    // One limit changed: only that feature is redone; the others are the same results.
    set_spec_limit(p, "d-pilot-run", "f-run-od", SpecLimit::Upper, 5.0);
    const Dataset& d = pilot_run(p);
    CapabilityRun job(d, {}, &before);
    CHECK(job.result().current == std::vector<bool>{true, false, true});
    CHECK(job.result().features[0] == before.features[0]);  // shared, not recomputed
    CHECK(job.result().features[1] == before.features[1]);  // its old figures, until redone
    CHECK(job.step(1));                                     // one feature of work in all
    CHECK(job.result().features[0] == before.features[0]);
    CHECK(job.result().features[1] != before.features[1]);
    CHECK(same_figures(*job.result().features[1], analyse_feature(d, 1)));

    // What every feature reads changes: nothing is taken over. (Datasets copied from one
    // loaded plan share their columns; a column read again is another column.)
    const Plan base = gearbox();
    const CapabilityAnalysis base_analysis = analyse_capability(base, "d-pilot-run", {});
    auto redone = [&](const Dataset& changed, const CapabilityOptions& o) {
        CapabilityRun again(changed, o, &base_analysis);
        return again.result().current_count() == 0;
    };
    Dataset settings = pilot_run(base);
    CHECK_FALSE(redone(settings, {}));        // unchanged: all taken over
    CHECK(redone(pilot_run(gearbox()), {}));  // the same numbers read again: new columns
    settings.gate.min_cpk = 1.67;
    CHECK(redone(settings, {}));
    settings = pilot_run(base);
    settings.sigma = SigmaMethod::RBar;
    CHECK(redone(settings, {}));
    settings = pilot_run(base);
    settings.subgroup_size = 3;
    CHECK(redone(settings, {}));
    settings = pilot_run(base);
    CapabilityOptions other;
    other.chart = ChartType::XbarS;
    CHECK(redone(settings, other));
    settings.id = "d-other";  // another dataset: none of its results, not even to show
    CapabilityRun elsewhere(settings, {}, &base_analysis);
    CHECK(elsewhere.result().current_count() == 0);
    CHECK_FALSE(elsewhere.result().features[0]);
    // A name or a yield record changes no figure.
    settings = pilot_run(base);
    settings.name = "Renamed";
    settings.yield = {{"etch", "", 9, 1}};
    CHECK_FALSE(redone(settings, {}));
    // A partial result carries over what it has: a cancelled run resumes where it stopped.
    CapabilityRun first(pilot_run(base), {});
    first.step(1);
    const CapabilityAnalysis partial = first.result();
    CapabilityRun resumed(pilot_run(base), {}, &partial);
    CHECK(resumed.result().current_count() == 1);
    CHECK_FALSE(resumed.step(1));
    CHECK(resumed.step(1));
}

TEST_CASE("capability histogram: values spanning more than the largest double are binned, not undefined") {
    // Found by fuzz_tables (tests/fuzz/corpus/fuzz_tables): −1e308 … 1e308 made hi − lo
    // infinite, the bin index NaN, and its conversion to int undefined behaviour.
    const ValueHistogram h = histogram_of({-1e308, 0.0, 1e308, 1e308});
    REQUIRE(h.counts.size() == 5);  // √4 = 2 bins, at least 5
    CHECK(h.edges.front() == -1e308);
    CHECK(h.edges.back() == 1e308);
    CHECK(h.edges[2] == doctest::Approx(-0.2e308));  // −1e308·(1 − 2/5) + 1e308·(2/5)
    for (double e : h.edges) CHECK(std::isfinite(e));
    // −1e308 in the first bin, 0 at t = 2.5 in the third, both 1e308 in the last.
    CHECK(h.counts == std::vector<double>{1, 0, 1, 0, 2});
    // Ordinary data keeps the plain form: 0 … 10 in 5 bins of 2, edges 0, 2, 4, 6, 8, 10.
    const ValueHistogram g = histogram_of({0, 1, 3, 5, 7, 9, 10});
    CHECK(g.edges == std::vector<double>{0, 2, 4, 6, 8, 10});
    CHECK(g.counts == std::vector<double>{2, 1, 1, 1, 2});
}
