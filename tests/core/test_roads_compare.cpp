// The roads side by side (core/roads/roads_analysis.h): for every example plan and every road,
// each figure of analyse_roads equals the single tool's facade run on plan_for_road(plan, road)
// with that tool's command-line defaults — exactly, not within a tolerance. Also the sliced run
// of the roads Monte Carlo against the one-call run, and the table.
#include <doctest/doctest.h>

#include <cmath>

#include "decision/crossover.h"
#include "plan/plan_file.h"
#include "roads/plan_for_road.h"
#include "roads/roads_analysis.h"
#include "schedule/gate.h"
#include "test_support.h"
#include "tolerance/stack_facade.h"

using namespace mf;

namespace {

const char* const kExamples[] = {"launch-timeline.mfplan.json", "micro-gearbox.mfplan.json",
                                 "silicon-on-inconel.mfplan.json", "sourcing-decision.mfplan.json"};

Plan example(const std::string& name) {
    LoadResult r = load_plan(mf::test::read_file("assets/examples/" + name));
    REQUIRE_MESSAGE(r.plan.has_value(), name);
    return *r.plan;
}

const McTaskStats* task_stats(const McResult& mc, const std::string& id) {
    for (const auto& t : mc.tasks)
        if (t.id == id) return &t;
    return nullptr;
}

void check_schedule(const Plan& rp, const RoadsAnalysis& a, const RoadFigures& f) {
    const ScheduleAnalysis s = analyse_schedule(rp, ScheduleOptions{10000, 1});  // mfplan schedule's defaults
    if (!s.ok() || !s.mc) {
        CHECK_FALSE(f.schedule_error.empty());
        CHECK_FALSE(f.production_p50.has_value());
        return;
    }
    const McResult& mc = *s.mc;
    const McTaskStats* prod = a.production_task.empty() ? nullptr : task_stats(mc, a.production_task);
    REQUIRE(f.production_p50.has_value());
    CHECK(*f.production_p50 == (prod ? prod->p50_finish_date : mc.p50_date));
    CHECK(*f.production_p80 == (prod ? prod->p80_finish_date : mc.p80_date));
    if (const McTaskStats* fa = a.first_article_task.empty() ? nullptr : task_stats(mc, a.first_article_task)) {
        REQUIRE(f.first_article_p50.has_value());
        CHECK(*f.first_article_p50 == fa->p50_finish_date);
        CHECK(*f.first_article_p80 == fa->p80_finish_date);
    }
    CHECK(f.probability_meet_deadline == mc.probability_meet_deadline);
    if (!f.pilot_gate.empty()) {
        bool found = false;
        for (const auto& g : mc.gates)
            if (g.id == f.pilot_gate) {
                found = true;
                CHECK(f.pilot_gate_pass == g.pass_probability);
            }
        CHECK(found);
    }
}

void check_stacks(const Plan& rp, const RoadFigures& f) {
    REQUIRE(f.stacks.size() == rp.stacks.size());
    for (size_t i = 0; i < rp.stacks.size(); ++i) {
        const StackAnalysis s = analyse_stack(rp, rp.stacks[i].id, StackOptions{});  // --no-mc
        const RoadStackFigure& sf = f.stacks[i];
        CHECK(sf.id == rp.stacks[i].id);
        CHECK(sf.error.empty() == !has_errors(s.issues));
        if (!sf.error.empty()) continue;
        CHECK(sf.verdict == s.report.fit.verdict);
        CHECK(sf.ppm_at_measurement == s.report.fit.at_measurement.ppm);
        CHECK(sf.ppm_at_operating == s.report.fit.at_operating.ppm);
        CHECK(sf.ppm == std::max(s.report.fit.at_measurement.ppm, s.report.fit.at_operating.ppm));
    }
}

void check_decision(const Plan& rp, const RoadsAnalysis& a, const RoadFigures& f) {
    const DecisionAnalysis d = analyse_decision(rp, DecisionOptions{});  // mfplan decide's defaults
    CHECK(a.volumes == d.volumes);
    REQUIRE(f.warnings.size() == d.warnings.size());
    for (size_t i = 0; i < d.warnings.size(); ++i) CHECK(f.warnings[i].code == d.warnings[i].code);
    const DecisionSection& s = rp.decision;
    if (f.road == kSplitRoad) {
        CHECK_FALSE(f.score.has_value());
        // At the planned volume (the last), the split road's cost is the decision's split plan.
        if (d.split && d.split->possible && d.split->errors.empty()) {
            REQUIRE(f.cost_per_good_part.back().has_value());
            CHECK(*f.cost_per_good_part.back() == d.split->total_best_mid / d.split->volume);
        }
        return;
    }
    int i = -1;
    for (size_t k = 0; k < s.partners.size(); ++k)
        if (s.partners[k].id == f.road) i = static_cast<int>(k);
    REQUIRE(i >= 0);
    if (d.errors.empty()) {
        REQUIRE(f.score.has_value());
        CHECK(*f.score == d.weighted_sum.ranking.score[static_cast<size_t>(i)]);
        CHECK(f.rank == d.weighted_sum.ranking.rank[static_cast<size_t>(i)]);
        CHECK(f.topsis_rank == d.topsis.ranking.rank[static_cast<size_t>(i)]);
    }
    bool costed = false;
    for (size_t k = 0; k < d.cost_partners.size(); ++k)
        if (d.cost_partners[k] == i) {
            costed = true;
            for (size_t v = 0; v < d.volumes.size(); ++v) {
                REQUIRE(f.cost_per_good_part[v].has_value());
                CHECK(*f.cost_per_good_part[v] == d.costs[k][v].per_good_part);
            }
        }
    if (!costed)
        for (const auto& c : f.cost_per_good_part) CHECK_FALSE(c.has_value());
}

}  // namespace

TEST_CASE("roads compare: every figure equals the single tool's facade on plan_for_road, for every example and road") {
    for (const char* name : kExamples) {
        const Plan plan = example(name);
        const RoadsAnalysis a = analyse_roads(plan);
        const std::vector<std::string> roads = road_ids(plan);
        REQUIRE(a.roads.size() == roads.size());
        for (size_t r = 0; r < roads.size(); ++r) {
            INFO(name << ", road " << roads[r]);
            const RoadFigures& f = a.roads[r];
            CHECK(f.road == roads[r]);
            const Plan rp = plan_for_road(plan, roads[r]);
            check_schedule(rp, a, f);
            check_stacks(rp, f);
            check_decision(rp, a, f);
        }
    }
}

TEST_CASE("roads compare: the examples give the figures their roads are meant to give") {
    // micro-gearbox: the boutique road is the plan as written (the same dates as the plan's own
    // Monte Carlo), the CM's first article is later (40 working days instead of 10), and the
    // in-house pilot gate at an expected Cpk of 1.0 against 1.33 almost never passes.
    const Plan plan = example("micro-gearbox.mfplan.json");
    const RoadsAnalysis a = analyse_roads(plan);
    const ScheduleAnalysis as_is = analyse_schedule(plan, ScheduleOptions{10000, 1});
    REQUIRE(as_is.mc.has_value());
    const RoadFigures* boutique = nullptr;
    const RoadFigures* cm = nullptr;
    const RoadFigures* inhouse = nullptr;
    for (const auto& f : a.roads) {
        if (f.road == "boutique") boutique = &f;
        if (f.road == "cm") cm = &f;
        if (f.road == "inhouse") inhouse = &f;
    }
    REQUIRE((boutique && cm && inhouse));
    CHECK(boutique->production_p80 == task_stats(*as_is.mc, "m-production")->p80_finish_date);
    CHECK(cm->first_article_p50->days > boutique->first_article_p50->days);
    REQUIRE(inhouse->pilot_gate_pass.has_value());
    // P(sample Cpk ≥ 1.33 | Cpk 1.0, n 60) from gate.h's normal approximation:
    // SE = √(1/(9·60) + 1.0²/(2·59)) = √(0.0018519 + 0.0084746) = 0.101619, z = (1.0 − 1.33)/SE = −3.2474, Φ(z) = 5.82e-4.
    CHECK(*inhouse->pilot_gate_pass == doctest::Approx(5.82e-4).epsilon(0.01));
    // The CM's bore at ±10 µm and Cpk 1.33 against the in-house shaft: not better than the boutique's.
    CHECK(cm->stacks[0].ppm > boutique->stacks[0].ppm);
    CHECK(a.recommended == a.weighted_sum_top);  // no decider's choice in this plan
}

TEST_CASE("roads compare: the sliced roads Monte Carlo gives the one-call result") {
    const Plan plan = example("launch-timeline.mfplan.json");
    RoadsOptions o;
    o.schedule.iterations = 2000;
    const RoadsAnalysis whole = analyse_roads(plan, o);
    RoadsOptions none = o;
    none.schedule.iterations = 0;
    RoadsAnalysis sliced = analyse_roads(plan, none);
    sliced.options = o;  // the inputs the GUI builds: the problems with its iterations and seed
    RoadsMonteCarlo job(roads_mc_inputs(sliced));
    double last = -1;
    while (!job.step(37)) {
        CHECK(job.progress() >= last);
        last = job.progress();
    }
    CHECK(job.progress() == 1.0);
    with_schedule_monte_carlo(sliced, job.result());
    REQUIRE(whole.roads.size() == sliced.roads.size());
    for (size_t i = 0; i < whole.roads.size(); ++i) {
        CHECK(whole.roads[i].production_p80 == sliced.roads[i].production_p80);
        CHECK(whole.roads[i].first_article_p50 == sliced.roads[i].first_article_p50);
        CHECK(whole.roads[i].probability_meet_deadline == sliced.roads[i].probability_meet_deadline);
    }
}

TEST_CASE("roads compare: the table has a row per road and the figures as shown") {
    const Plan plan = example("sourcing-decision.mfplan.json");
    RoadsOptions o;
    o.schedule.iterations = 500;
    const RoadsAnalysis a = analyse_roads(plan, o);
    const ResultTable t = roads_table(a);
    REQUIRE(t.rows.size() == a.roads.size());
    CHECK(t.file_stem == "roads");
    CHECK(t.columns.front() == "Road");
    CHECK(t.columns[1] == "Cost per good part at 100 parts");
    CHECK(t.columns[4] == "Cost per good part at 20 000 parts (planned)");
    for (size_t r = 0; r < t.rows.size(); ++r) {
        CHECK(t.rows[r].size() == t.columns.size());
        CHECK(t.rows[r][0].text == a.roads[r].name);
        if (a.roads[r].cost_per_good_part[0]) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.2f", *a.roads[r].cost_per_good_part[0]);
            CHECK(t.rows[r][1].text == buf);
            CHECK(t.rows[r][1].is_number);
        }
    }
    CHECK(a.recommended == "boutique");  // the decider's choice in this plan
    CHECK(a.chosen_by_decider);
}
