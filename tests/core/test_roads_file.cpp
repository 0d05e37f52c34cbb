// The roads section in the plan file: the older-file meaning (no section), the checks with
// their JSON Pointers, and every example saving and reopening equal.
#include <doctest/doctest.h>

#include <string>

#include "plan/plan_file.h"
#include "roads/plan_for_road.h"
#include "roundtrip_support.h"
#include "test_support.h"

using namespace mf;

namespace {

// A plan of the older kind: partners b and c, a task of b, a task of nobody, a contributor of c.
const char* kOlder = R"({
  "format": "microfab-plan", "version": 1,
  "project": {"name": "Older", "units": "um", "start_date": "2027-01-04"},
  "decision": {"partners": [{"id": "b", "name": "B", "kind": "boutique"}, {"id": "c", "name": "C", "kind": "full-service-cm"}]},
  "schedule": {"tasks": [
    {"id": "t1", "name": "T1", "partner": "b", "optimistic": 1, "most_likely": 2, "pessimistic": 3},
    {"id": "t2", "name": "T2", "optimistic": 1, "most_likely": 2, "pessimistic": 3, "predecessors": ["t1"]},
    {"id": "g1", "name": "G1", "kind": "gate", "partner": "b", "optimistic": 1, "most_likely": 1, "pessimistic": 1,
     "gate": {"pass_probability": 0.9}}]},
  "stacks": [{"id": "s1", "name": "S", "lower_limit": 0, "upper_limit": 0.05, "contributors": [
    {"id": "k1", "name": "K1", "nominal": 1, "tol_plus": 0.01, "tol_minus": 0.01, "partner": "c"},
    {"id": "k2", "name": "K2", "nominal": 1, "tol_plus": 0.01, "tol_minus": 0.01, "sensitivity": -1}]}]
})";

Plan load(const std::string& text) {
    LoadResult r = load_plan(text);
    REQUIRE_MESSAGE(r.plan.has_value(), (r.errors.empty() ? "" : to_string(r.errors.front())));
    return *r.plan;
}

// load_plan's errors for the older plan with `roads` set to this JSON text.
Issues errors_with(const std::string& roads) {
    std::string text = kOlder;
    text.insert(text.rfind('}'), ", \"roads\": " + roads);
    return load_plan(text).errors;
}
bool has_error(const Issues& e, const std::string& where, const std::string& part) {
    for (const auto& x : e)
        if (x.where == where && x.message.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("roads file: an older file means every partner-naming task and contributor follows, no changes") {
    const Plan p = load(kOlder);
    CHECK(p.roads.empty());
    const std::vector<RoadFollower> f = road_followers(p);
    REQUIRE(f.size() == 3);  // t1, g1 (tasks first, file order), then k1; t2 and k2 name no partner
    CHECK(f[0].item == "t1");
    CHECK(f[1].item == "g1");
    CHECK(f[2].item == "k1");
    for (const auto& x : f) CHECK(x.phase == RoadPhase::Develop);
    // Road c: the three followers become c's, nothing else changes.
    const Plan c = plan_for_road(p, "c");
    CHECK(c.schedule.tasks[0].partner_id == "c");
    CHECK(c.schedule.tasks[1].partner_id.empty());
    CHECK(c.schedule.tasks[2].partner_id == "c");
    CHECK(c.schedule.tasks[0].most_likely == 2);
    CHECK(c.stacks[0].contributors[0].partner_id == "c");
    CHECK(c.stacks[0].contributors[1].partner_id.empty());
    // Split (b → c): with no phases, every task is develop (b's) and the contributor is c's.
    const Plan s = plan_for_road(p, "split");
    CHECK(s.schedule.tasks[0].partner_id == "b");
    CHECK(s.stacks[0].contributors[0].partner_id == "c");
    // Saved, it has no roads section: the older file's bytes do not change.
    const std::string saved = save_plan(p);
    CHECK(saved.find("\"roads\"") == std::string::npos);
    CHECK(save_plan(load(saved)) == saved);
}

TEST_CASE("roads file: the checks name the place") {
    CHECK(errors_with(R"({"follow": [{"item": "t1"}]})").empty());
    CHECK(has_error(errors_with(R"({"follow": [{"item": "ghost"}]})"), "/roads/follow/0/item",
                    "neither a schedule task nor a stack contributor"));
    CHECK(has_error(errors_with(R"({"follow": [{"item": "t1"}, {"item": "t1"}]})"), "/roads/follow/1/item",
                    "listed twice"));
    CHECK(has_error(errors_with(R"({"follow": [{"item": "k1", "phase": "produce"}]})"), "/roads/follow/0/phase",
                    "tasks only"));
    CHECK(has_error(errors_with(R"({"follow": [{"item": "t1", "phase": "later"}]})"), "/roads/follow/0/phase",
                    "unknown value"));
    CHECK(has_error(errors_with(R"({"changes": [{"road": "ghost", "item": "t1", "cpk": 1}]})"), "/roads/changes/0/road",
                    "partner \"ghost\", which does not exist"));
    CHECK(has_error(errors_with(R"({"changes": [{"road": "split", "item": "t1", "cpk": 1}]})"), "/roads/changes/0/road",
                    "split road takes the changes of its two partners"));
    // t2 names no partner, so in an older file it does not follow the road.
    CHECK(has_error(
        errors_with(
            R"({"changes": [{"road": "c", "item": "t2", "optimistic": 1, "most_likely": 2, "pessimistic": 3}]})"),
        "/roads/changes/0/item", "does not follow the road"));
    CHECK(has_error(
        errors_with(
            R"({"changes": [{"road": "c", "item": "t1", "optimistic": -1, "most_likely": 2, "pessimistic": 3}]})"),
        "/roads/changes/0/optimistic", "out of range"));
    CHECK(has_error(
        errors_with(
            R"({"changes": [{"road": "c", "item": "t1", "optimistic": 3, "most_likely": 2, "pessimistic": 4}]})"),
        "/roads/changes/0/most_likely", "optimistic <= most_likely <= pessimistic"));
    CHECK(has_error(errors_with(R"({"changes": [{"road": "c", "item": "t1", "optimistic": 1, "most_likely": 2}]})"),
                    "/roads/changes/0", "all three durations"));
    CHECK(
        has_error(errors_with(R"({"changes": [{"road": "c", "item": "t1"}]})"), "/roads/changes/0", "changes nothing"));
    CHECK(has_error(errors_with(R"({"changes": [{"road": "c", "item": "t1", "tol_plus": 0.01}]})"), "/roads/changes/0",
                    "is a task: tolerances belong to stack contributors"));
    CHECK(has_error(errors_with(R"({"changes": [{"road": "c", "item": "g1", "cpk": 1.2}]})"), "/roads/changes/0/cpk",
                    "not a gate with a Cpk criterion"));
    CHECK(errors_with(R"({"changes": [{"road": "c", "item": "g1", "pass_probability": 0.5}]})").empty());
    CHECK(has_error(
        errors_with(
            R"({"changes": [{"road": "c", "item": "k1", "optimistic": 1, "most_likely": 2, "pessimistic": 3}]})"),
        "/roads/changes/0", "durations belong to tasks"));
    CHECK(has_error(
        errors_with(R"({"changes": [{"road": "c", "item": "k1", "cpk": 1}, {"road": "c", "item": "k1", "cpk": 2}]})"),
        "/roads/changes/1", "a second change"));
    CHECK(has_error(errors_with(R"({"pilot_gate": "t1"})"), "/roads/pilot_gate", "not a gate"));
    CHECK(has_error(errors_with(R"({"production": "ghost"})"), "/roads/production", "does not exist"));
    CHECK(has_error(errors_with(R"({"colour": "red"})"), "/roads/colour", ""));
}

TEST_CASE("roads file: check_plan refuses a plan value that breaks a rule, at the field") {
    Plan p = load(kOlder);
    RoadChange c;
    c.road = "c";
    c.item = "t1";
    c.optimistic = 3;
    c.most_likely = 2;
    c.pessimistic = 4;
    p.roads.changes.push_back(c);
    const Issues e = check_plan(p);
    REQUIRE_FALSE(e.empty());
    CHECK(e.front().where == "/roads/changes/0/most_likely");
}

TEST_CASE("roads file: every example saves and reopens equal, and the roads of each are valid plans") {
    for (const char* name : {"launch-timeline.mfplan.json", "micro-gearbox.mfplan.json",
                             "silicon-on-inconel.mfplan.json", "sourcing-decision.mfplan.json"}) {
        const Plan p = load(mf::test::read_file(std::string("assets/examples/") + name));
        mf::test::check_reopens_equal(p, name);
        for (const auto& road : road_ids(p)) {
            INFO(name << " road " << road);
            const Plan r = plan_for_road(p, road);
            const Issues e = check_plan(r);
            CHECK_MESSAGE(e.empty(), (e.empty() ? "" : to_string(e.front())));
        }
    }
}
