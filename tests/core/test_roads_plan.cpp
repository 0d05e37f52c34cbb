// plan_for_road (core/roads/plan_for_road.h) on a small plan built here, every figure worked by
// hand from the rules in docs/roads.md: partners, calendars, durations, gate Cpk, tolerances,
// the split's transfer delay, and what stays as it is.
#include <doctest/doctest.h>

#include "decision/decision_edit.h"
#include "plan/plan_file.h"
#include "roads/plan_for_road.h"
#include "roads/roads_edit.h"
#include "roundtrip_support.h"
#include "schedule/schedule_edit.h"
#include "stats/random.h"
#include "test_support.h"
#include "tolerance/stack_edit.h"

using namespace mf;

namespace {

const Task& task(const Plan& p, const std::string& id) {
    for (const auto& t : p.schedule.tasks)
        if (t.id == id) return t;
    FAIL("no task " << id);
    return p.schedule.tasks.front();
}
const Contributor& contributor(const Plan& p, const std::string& id) {
    for (const auto& s : p.stacks)
        for (const auto& c : s.contributors)
            if (c.id == id) return c;
    FAIL("no contributor " << id);
    return p.stacks.front().contributors.front();
}

Task make_task(const std::string& id, const std::string& partner, double o, double m, double pe,
               std::vector<std::string> preds = {}) {
    Task t;
    t.id = id;
    t.name = id;
    t.partner_id = partner;
    t.optimistic = o;
    t.most_likely = m;
    t.pessimistic = pe;
    for (auto& x : preds) t.predecessors.push_back({x});
    return t;
}

// Boutique "b" and CM "c" (split b → c, 4–8 weeks); "c" works Monday–Thursday (cal-c).
//   t1 (b, develop) → g1 (b, Cpk gate 1.5, develop) → t2 (c, produce) → t3 (c, produce);  tx (b) follows no road.
//   stack s1: k1 (b, follows; ±5 µm, Cpk 1.33, shift 1 µm), k2 (b, does not follow).
// Road c changes: g1 Cpk 1.2, t2 durations 20/30/40, k1 ±10 µm Cpk 1.0.
Plan small_plan() {
    Plan p;
    p.meta.start_date = date_from_ymd(2027, 1, 4);
    Partner b, c;
    b.id = "b";
    b.name = "Boutique";
    b.kind = PartnerKind::Boutique;
    c.id = "c";
    c.name = "CM";
    c.kind = PartnerKind::FullServiceCM;
    p.decision.partners = {b, c};
    NamedCalendar cal;
    cal.id = "cal-c";
    cal.name = "CM: Monday to Thursday";
    cal.calendar.working = {true, true, true, true, false, false, false};
    p.schedule.calendars.push_back(cal);
    p.schedule.partner_calendars["c"] = "cal-c";
    Task g1 = make_task("g1", "b", 15, 20, 30, {"t1"});
    g1.kind = TaskKind::Gate;
    g1.gate.cpk = CpkCriterion{1.5, 60, 1.33};
    p.schedule.tasks = {make_task("t1", "b", 3, 4, 5), g1, make_task("t2", "c", 10, 15, 25, {"g1"}),
                        make_task("t3", "c", 20, 30, 40, {"t2"}), make_task("tx", "b", 1, 2, 3)};
    Stack s;
    s.id = "s1";
    s.name = "Clearance";
    s.lower_limit = 0;
    s.upper_limit = 0.05;
    Contributor k1, k2;
    k1.id = "k1";
    k1.name = "Bore";
    k1.nominal = 1.025;
    k1.tol_plus = k1.tol_minus = 0.005;
    k1.partner_id = "b";
    k1.distribution.kind = DistributionKind::Normal;
    k1.distribution.by = NormalBy::Cpk;
    k1.distribution.capability = 1.33;
    k1.distribution.shift = 0.001;
    k2.id = "k2";
    k2.name = "Shaft";
    k2.nominal = 1.0;
    k2.tol_plus = k2.tol_minus = 0.015;
    k2.sensitivity = -1;
    k2.partner_id = "b";
    s.contributors = {k1, k2};
    p.stacks.push_back(s);
    p.roads.follow = std::vector<RoadFollower>{{"t1", RoadPhase::Develop},
                                               {"g1", RoadPhase::Develop},
                                               {"t2", RoadPhase::Produce},
                                               {"t3", RoadPhase::Produce},
                                               {"k1", RoadPhase::Develop}};
    RoadChange gate_c;
    gate_c.road = "c";
    gate_c.item = "g1";
    gate_c.cpk = 1.2;
    RoadChange t2_c;
    t2_c.road = "c";
    t2_c.item = "t2";
    t2_c.optimistic = 20;
    t2_c.most_likely = 30;
    t2_c.pessimistic = 40;
    RoadChange k1_c;
    k1_c.road = "c";
    k1_c.item = "k1";
    k1_c.tol_plus = 0.010;
    k1_c.tol_minus = 0.010;
    k1_c.cpk = 1.0;
    p.roads.changes = {gate_c, t2_c, k1_c};
    return p;
}

}  // namespace

TEST_CASE("roads: the small plan is valid and its roads are the partners, then split") {
    const Plan p = small_plan();
    const Issues e = check_plan(p);
    CHECK_MESSAGE(e.empty(), (e.empty() ? "" : to_string(e.front())));
    CHECK(road_ids(p) == std::vector<std::string>{"b", "c", "split"});
    CHECK(road_name(p, "split") == "Split: Boutique \xE2\x86\x92 CM");
    mf::test::check_reopens_equal(p, "small plan with a roads section");
}

TEST_CASE("roads: taking the CM's road gives every follower the CM, its calendar and its changes") {
    const Plan p = plan_for_road(small_plan(), "c");
    // Followers: partner c, calendar cal-c (the CM's partner calendar).
    for (const char* id : {"t1", "g1", "t2", "t3"}) {
        CHECK(task(p, id).partner_id == "c");
        CHECK(task(p, id).calendar == "cal-c");
    }
    CHECK(task(p, "g1").gate.cpk->estimate == 1.2);  // the CM's pilot Cpk
    CHECK(task(p, "t2").optimistic == 20);           // the CM's durations for t2 (no transfer delay: not split)
    CHECK(task(p, "t2").most_likely == 30);
    CHECK(task(p, "t2").pessimistic == 40);
    CHECK(task(p, "t3").most_likely == 30);  // no change for t3: its own durations
    CHECK(task(p, "t1").pessimistic == 5);
    // tx follows no road: it stays the boutique's, on the project calendar.
    CHECK(task(p, "tx").partner_id == "b");
    CHECK(task(p, "tx").calendar.empty());
    // k1: ±10 µm, normal with Cpk 1.0, its 1 µm shift kept; k2 stays as it was.
    const Contributor& k1 = contributor(p, "k1");
    CHECK(k1.partner_id == "c");
    CHECK(k1.tol_plus == 0.010);
    CHECK(k1.tol_minus == 0.010);
    CHECK(k1.distribution.kind == DistributionKind::Normal);
    CHECK(k1.distribution.by == NormalBy::Cpk);
    CHECK(k1.distribution.capability == 1.0);
    CHECK(k1.distribution.shift == 0.001);
    CHECK(contributor(p, "k2") == contributor(small_plan(), "k2"));
    CHECK(p.decision.chosen == "c");
    CHECK(check_plan(p).empty());
}

TEST_CASE("roads: taking the boutique's road changes partners only (the boutique has no changes)") {
    const Plan original = small_plan();
    const Plan p = plan_for_road(original, "b");
    CHECK(task(p, "t2").partner_id == "b");
    CHECK(task(p, "t2").calendar.empty());  // the boutique has no partner calendar
    CHECK(task(p, "t2").most_likely == 15);
    CHECK(task(p, "g1").gate.cpk->estimate == 1.5);
    CHECK(contributor(p, "k1") == contributor(original, "k1"));  // already the boutique's
    // Everything else is the plan as it was.
    Plan expect = original;
    expect.schedule.tasks[2].partner_id = "b";
    expect.schedule.tasks[3].partner_id = "b";
    expect.decision.chosen = "b";
    CHECK(p.schedule == expect.schedule);
    CHECK(p.stacks == expect.stacks);
    CHECK(p.decision == expect.decision);
}

TEST_CASE(
    "roads: the split road — develop to the boutique, produce to the CM, the transfer delay on the first produce "
    "task") {
    const Plan p = plan_for_road(small_plan(), "split");
    CHECK(task(p, "t1").partner_id == "b");
    CHECK(task(p, "g1").partner_id == "b");
    CHECK(task(p, "g1").gate.cpk->estimate == 1.5);  // the boutique's pilot
    CHECK(task(p, "t2").partner_id == "c");
    CHECK(task(p, "t2").calendar == "cal-c");
    // t2 is the first produce task (its predecessor g1 is develop): the CM's 20/30/40 plus the
    // transfer delay of 4 / 6 / 8 weeks (low, mid, high) × 4 working days a week (cal-c):
    // 20 + 16 = 36, 30 + 24 = 54, 40 + 32 = 72.
    CHECK(task(p, "t2").optimistic == 36);
    CHECK(task(p, "t2").most_likely == 54);
    CHECK(task(p, "t2").pessimistic == 72);
    // t3 follows t2 (a produce task): no delay, its own durations.
    CHECK(task(p, "t3").optimistic == 20);
    CHECK(task(p, "t3").pessimistic == 40);
    // The contributor is a production part: the CM's, with the CM's changes.
    CHECK(contributor(p, "k1").partner_id == "c");
    CHECK(contributor(p, "k1").tol_plus == 0.010);
    CHECK(p.decision.chosen == "b");
    CHECK(check_plan(p).empty());
}

TEST_CASE("roads: an unknown road leaves the plan as it is; a plan without a split has no split road") {
    const Plan original = small_plan();
    const Plan p = plan_for_road(original, "ghost");
    CHECK(p.schedule == original.schedule);
    CHECK(p.stacks == original.stacks);
    CHECK(p.decision == original.decision);
    Plan no_cm = original;
    no_cm.decision.partners[1].kind = PartnerKind::Other;  // no full-service CM, split.to not named
    CHECK(road_ids(no_cm) == std::vector<std::string>{"b", "c"});
    CHECK_FALSE(is_road(no_cm, "split"));
}

TEST_CASE("roads: edits of other sections keep the roads section consistent (prune_roads)") {
    SUBCASE("deleting a follower task drops it and its changes") {
        Plan p = small_plan();
        p.schedule.tasks.erase(p.schedule.tasks.begin() + 2);  // t2, as delete_task would
        p.schedule.tasks[2].predecessors.clear();
        CHECK_FALSE(check_plan(p).empty());  // its follower entry and change now dangle
        prune_roads(p);
        CHECK(p.roads.follow->size() == 4);
        CHECK(p.roads.changes.size() == 2);
        CHECK(check_plan(p).empty());
    }
    SUBCASE("a Cpk gate turned into a typed gate loses its road Cpk") {
        Plan p = small_plan();
        p.schedule.tasks[1].gate.cpk.reset();
        p.schedule.tasks[1].gate.pass_probability = 0.9;
        prune_roads(p);
        CHECK(p.roads.changes.size() == 2);
        CHECK(p.roads.changes[0].item == "t2");
        CHECK(check_plan(p).empty());
    }
    SUBCASE("set_follows_road: taking t2 off the road drops its change; adding tx keeps the others") {
        Plan p = small_plan();
        CHECK(set_follows_road(p, "t2", false).empty());
        CHECK(p.roads.changes.size() == 2);
        CHECK(set_follows_road(p, "tx", true).empty());
        CHECK(p.roads.follow->size() == 5);
        CHECK_FALSE(set_follows_road(p, "ghost", true).empty());
        CHECK(check_plan(p).empty());
    }
}

// [SECTION] Property: the other sections' edits keep every example's roads section valid ------

TEST_CASE("roads: a seeded random sequence of deletes and re-kinds keeps every example reopening equal") {
    for (const char* name :
         {"launch-timeline.mfplan.json", "micro-gearbox.mfplan.json", "sourcing-decision.mfplan.json"}) {
        LoadResult r = load_plan(mf::test::read_file(std::string("assets/examples/") + name));
        REQUIRE(r.plan.has_value());
        Plan p = *r.plan;
        const size_t changes_before = p.roads.changes.size();
        Rng rng(7);
        for (int step = 0; step < 12; ++step) {
            INFO(name << " step " << step);
            auto pick = [&](size_t n) { return static_cast<size_t>(rng.next() % n); };
            switch (rng.next() % 6) {
                case 0:
                    if (!p.schedule.tasks.empty()) delete_task(p, p.schedule.tasks[pick(p.schedule.tasks.size())].id);
                    break;
                case 1:
                    if (!p.schedule.tasks.empty()) {
                        const Task& t = p.schedule.tasks[pick(p.schedule.tasks.size())];
                        if (t.kind == TaskKind::Gate) set_gate_criterion(p, t.id, !t.gate.cpk);
                    }
                    break;
                case 2:
                    if (!p.schedule.tasks.empty())
                        set_task_kind(p, p.schedule.tasks[pick(p.schedule.tasks.size())].id,
                                      static_cast<TaskKind>(rng.next() % 3));
                    break;
                case 3:
                    if (p.decision.partners.size() > 1)
                        delete_partner(p, p.decision.partners[pick(p.decision.partners.size())].id);
                    break;
                case 4:
                    for (auto& s : p.stacks)
                        if (!s.contributors.empty()) {
                            remove_contributor(p, s.id, s.contributors[pick(s.contributors.size())].id);
                            break;
                        }
                    break;
                default:
                    if (!p.schedule.tasks.empty())
                        set_follows_road(p, p.schedule.tasks[pick(p.schedule.tasks.size())].id, rng.next() % 2 == 0);
                    break;
            }
            mf::test::check_reopens_equal(p, name);
            for (const auto& road : road_ids(p)) CHECK(check_plan(plan_for_road(p, road)).empty());
        }
        CHECK(p.roads.changes.size() <= changes_before);
    }
}
