// Named edits of the decision section (core/decision/decision_edit.h): each operation by hand
// on the micro-gearbox example (where partners are referred to from the schedule, the
// stacks and the split plan), then every operation on every example plan, and a seeded
// random sequence of operations, each plan checked to save and reopen as itself.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "decision/ahp.h"
#include "decision/decision_analysis.h"
#include "decision/decision_edit.h"
#include "plan/plan_file.h"
#include "roundtrip_support.h"
#include "stats/random.h"
#include "test_support.h"

using namespace mf;
using namespace mf::test;

namespace {

const char* const kExamples[] = {"launch-timeline.mfplan.json", "micro-gearbox.mfplan.json",
                                 "silicon-on-inconel.mfplan.json", "sourcing-decision.mfplan.json"};

Plan example(const std::string& name) {
    LoadResult r = load_plan(read_file("assets/examples/" + name));
    REQUIRE_MESSAGE(r.plan.has_value(), name);
    return *r.plan;
}

const Partner* partner(const Plan& p, const std::string& id) {
    for (const auto& x : p.decision.partners)
        if (x.id == id) return &x;
    return nullptr;
}
const Criterion* criterion(const Plan& p, const std::string& id) {
    for (const auto& x : p.decision.criteria)
        if (x.id == id) return &x;
    return nullptr;
}
size_t scores_of(const Plan& p, const std::string& partner_id) {
    return static_cast<size_t>(std::count_if(p.decision.scores.begin(), p.decision.scores.end(),
                                             [&](const Score& s) { return s.partner_id == partner_id; }));
}

// Every pair of criteria judged exactly once.
DecisionOptions no_monte_carlo() {
    DecisionOptions o;
    o.mc_samples = 0;
    return o;
}

bool complete_pairwise(const DecisionSection& s) {
    for (size_t i = 0; i < s.criteria.size(); ++i)
        for (size_t k = i + 1; k < s.criteria.size(); ++k) {
            int n = 0;
            for (const auto& j : s.pairwise)
                n += (j.a == s.criteria[i].id && j.b == s.criteria[k].id) ||
                    (j.a == s.criteria[k].id && j.b == s.criteria[i].id);
            if (n != 1) return false;
        }
    return true;
}

}  // namespace

TEST_CASE("decision edit: add and duplicate a partner; ids must be new") {
    Plan p = example("micro-gearbox.mfplan.json");
    CHECK(add_partner(p, "p1") == "");
    REQUIRE(p.decision.partners.size() == 4);
    CHECK(p.decision.partners.back().id == "p1");
    CHECK(p.decision.partners.back().name == "New partner");
    CHECK(p.decision.partners.back().kind == PartnerKind::Other);
    CHECK_FALSE(p.decision.partners.back().cost);
    check_reopens_equal(p, "added");
    CHECK(add_partner(p, "p1").find("already used") != std::string::npos);
    CHECK(add_partner(p, "c-cost").find("already used") != std::string::npos);  // ids are unique across the plan
    CHECK(add_partner(p, "") != "");
    CHECK(p.decision.partners.size() == 4);

    // The copy sits right after the original with its scores and calendar.
    p = example("micro-gearbox.mfplan.json");
    p.schedule.calendars.push_back({"cal-b", "Boutique shop", {}});
    p.schedule.partner_calendars["boutique"] = "cal-b";
    const size_t scores = scores_of(p, "boutique");
    REQUIRE(scores > 0);
    CHECK(duplicate_partner(p, "boutique", "p2") == "");
    REQUIRE(p.decision.partners.size() == 4);
    CHECK(p.decision.partners[2].id == "p2");
    CHECK(p.decision.partners[2].name == partner(p, "boutique")->name + " (copy)");
    CHECK(p.decision.partners[2].evidence == partner(p, "boutique")->evidence);
    CHECK(p.decision.partners[2].cost == partner(p, "boutique")->cost);
    CHECK(scores_of(p, "p2") == scores);
    CHECK(p.schedule.partner_calendars.at("p2") == "cal-b");
    check_reopens_equal(p, "duplicated");
    // Same scores, same evidence, same cost: the copy ties with the original.
    const DecisionAnalysis a = analyse_decision(p, no_monte_carlo());
    REQUIRE(a.errors.empty());
    const Ranking& ws = a.weighted_sum.ranking;
    REQUIRE(ws.score.size() == 4);
    CHECK(ws.score[1] == ws.score[2]);
    CHECK(duplicate_partner(p, "nobody", "p3") != "");
    CHECK(duplicate_partner(p, "boutique", "p2") != "");
}

TEST_CASE("decision edit: deleting a partner removes every reference to it") {
    Plan p = example("micro-gearbox.mfplan.json");
    p.schedule.calendars.push_back({"cal-b", "Boutique shop", {}});
    p.schedule.partner_calendars["boutique"] = "cal-b";
    p.decision.chosen = "boutique";
    p.decision.split.from = "boutique";
    p.decision.split.to = "cm";
    size_t tasks = 0, contributors = 0;
    for (const auto& t : p.schedule.tasks) tasks += t.partner_id == "boutique";
    for (const auto& st : p.stacks)
        for (const auto& c : st.contributors) contributors += c.partner_id == "boutique";
    REQUIRE(tasks > 0);
    REQUIRE(contributors > 0);
    check_reopens_equal(p, "before");

    delete_partner(p, "boutique");
    CHECK(p.decision.partners.size() == 2);
    CHECK_FALSE(partner(p, "boutique"));
    CHECK(scores_of(p, "boutique") == 0);
    CHECK(p.decision.chosen.empty());
    CHECK(p.decision.split.from.empty());
    CHECK(p.decision.split.to == "cm");
    CHECK(p.schedule.partner_calendars.count("boutique") == 0);
    for (const auto& t : p.schedule.tasks) CHECK(t.partner_id != "boutique");
    for (const auto& st : p.stacks)
        for (const auto& c : st.contributors) CHECK(c.partner_id != "boutique");
    check_reopens_equal(p, "after");
    const Plan same = p;
    delete_partner(p, "boutique");  // an unknown id changes nothing
    CHECK(save_plan(p) == save_plan(same));
}

TEST_CASE("decision edit: move partners and criteria, clamped to the list") {
    Plan p = example("micro-gearbox.mfplan.json");
    move_partner(p.decision, "cm", -1);
    CHECK(p.decision.partners[1].id == "cm");
    CHECK(p.decision.partners[2].id == "boutique");
    move_partner(p.decision, "cm", -5);
    CHECK(p.decision.partners[0].id == "cm");
    CHECK(p.decision.partners[1].id == "inhouse");
    move_partner(p.decision, "cm", +9);
    CHECK(p.decision.partners[2].id == "cm");
    const std::string first = p.decision.criteria[0].id, second = p.decision.criteria[1].id;
    move_criterion(p.decision, first, +1);
    CHECK(p.decision.criteria[0].id == second);
    CHECK(p.decision.criteria[1].id == first);
    check_reopens_equal(p);
}

TEST_CASE("decision edit: cost model and price breaks") {
    Plan p = example("micro-gearbox.mfplan.json");
    add_partner(p, "p1");
    set_has_cost_model(p.decision, "p1", true);
    REQUIRE(partner(p, "p1")->cost);
    CHECK(partner(p, "p1")->cost->price_breaks == std::vector<PriceBreak>{{100, 10.0}, {10000, 1.0}, {100000, 0.2}});
    check_reopens_equal(p, "default cost model");
    add_price_break(p.decision, "p1");
    CHECK(partner(p, "p1")->cost->price_breaks.back() == PriceBreak{1e6, 0.2});
    delete_price_break(p.decision, "p1", 0);
    CHECK(partner(p, "p1")->cost->price_breaks.size() == 3);
    CHECK(partner(p, "p1")->cost->price_breaks[0].quantity == 10000);
    delete_price_break(p.decision, "p1", 7);  // no such break: nothing happens
    CHECK(partner(p, "p1")->cost->price_breaks.size() == 3);
    check_reopens_equal(p, "edited breaks");
    set_has_cost_model(p.decision, "p1", false);
    CHECK_FALSE(partner(p, "p1")->cost);
    add_price_break(p.decision, "p1");  // no cost model: nothing to add to
    CHECK_FALSE(partner(p, "p1")->cost);
}

TEST_CASE("decision edit: add and delete criteria; scores and judgements go with them") {
    Plan p = example("micro-gearbox.mfplan.json");
    CHECK(add_criterion(p, "c1") == "");
    const Criterion* c = criterion(p, "c1");
    REQUIRE(c);
    CHECK(c->weight == 0.1);
    CHECK(*c->scale_min == 1);
    CHECK(*c->scale_max == 10);
    CHECK(c->source == ScoreSource::Entered);
    check_reopens_equal(p, "added");
    CHECK(add_criterion(p, "c1") != "");
    set_score(p.decision, "cm", "c1", 7.0);
    delete_criterion(p.decision, "c1");
    CHECK_FALSE(criterion(p, "c1"));
    for (const auto& s : p.decision.scores) CHECK(s.criterion_id != "c1");
    check_reopens_equal(p, "deleted");

    // Under AHP a new criterion comes with its judgements; a deleted one takes them along.
    Plan q = example("sourcing-decision.mfplan.json");
    REQUIRE(q.decision.weighting == Weighting::AHP);
    REQUIRE(complete_pairwise(q.decision));
    CHECK(add_criterion(q, "c-new") == "");
    CHECK(complete_pairwise(q.decision));
    CHECK(q.decision.pairwise.size() == 36);
    check_reopens_equal(q, "AHP, added");
    delete_criterion(q.decision, q.decision.criteria[0].id);
    CHECK(complete_pairwise(q.decision));
    CHECK(q.decision.pairwise.size() == 28);
    check_reopens_equal(q, "AHP, deleted");
    // Down to one criterion AHP cannot weight: the weights become direct.
    while (q.decision.criteria.size() > 1) delete_criterion(q.decision, q.decision.criteria[0].id);
    CHECK(q.decision.weighting == Weighting::Direct);
    CHECK(q.decision.pairwise.empty());
}

TEST_CASE("decision edit: a derived source takes its direction, drops the scale and the entered scores") {
    Plan p = example("micro-gearbox.mfplan.json");
    const Criterion* entered = nullptr;
    for (const auto& c : p.decision.criteria)
        if (c.source == ScoreSource::Entered && c.benefit) entered = &c;
    REQUIRE(entered);
    const std::string id = entered->id;
    set_criterion_source(p.decision, id, ScoreSource::ProductionLeadDays);
    CHECK(criterion(p, id)->source == ScoreSource::ProductionLeadDays);
    CHECK_FALSE(criterion(p, id)->benefit);
    CHECK_FALSE(criterion(p, id)->scale_min);
    for (const auto& s : p.decision.scores) CHECK(s.criterion_id != id);
    check_reopens_equal(p, "derived");
    set_criterion_source(p.decision, id, ScoreSource::Entered);  // back: direction kept, no scores yet
    CHECK(criterion(p, id)->source == ScoreSource::Entered);
    CHECK_FALSE(criterion(p, id)->benefit);
    check_reopens_equal(p, "entered again");
}

TEST_CASE("decision edit: scores are created, set and their ranges cleared") {
    DecisionSection s;
    set_score(s, "a", "c", 5.0);
    REQUIRE(s.scores.size() == 1);
    CHECK(s.scores[0].value == 5);
    CHECK_FALSE(s.scores[0].low);
    set_score(s, "a", "c", std::nullopt, std::optional<double>(4.0), std::optional<double>(7.0));
    CHECK(s.scores[0].value == 5);
    CHECK(*s.scores[0].low == 4);
    CHECK(*s.scores[0].high == 7);
    set_score(s, "a", "c", 6.0, std::optional<double>(), std::nullopt);  // clear low, keep high
    CHECK(s.scores[0].value == 6);
    CHECK_FALSE(s.scores[0].low);
    CHECK(*s.scores[0].high == 7);
    set_score(s, "b", "c", std::nullopt, std::optional<double>(1.0));  // a new score without a value: 0
    REQUIRE(s.scores.size() == 2);
    CHECK(s.scores[1].value == 0);
    CHECK(find_score(s, "b", "c") == &s.scores[1]);
    CHECK_FALSE(find_score(s, "c", "b"));
}

TEST_CASE("decision edit: switching to AHP fills the judgements from the direct weights (CR = 0, same weights)") {
    CHECK(judgement_from_weights(0.3, 0.1) == doctest::Approx(3));
    CHECK(judgement_from_weights(1, 20) == doctest::Approx(1.0 / 9));  // clamped to Saaty's scale
    CHECK(judgement_from_weights(0, 1) == doctest::Approx(1.0 / 9));
    CHECK(judgement_from_weights(1, 0) == 9);
    CHECK(judgement_from_weights(0, 0) == 1);

    Plan p = example("micro-gearbox.mfplan.json");
    const DecisionAnalysis direct = analyse_decision(p, no_monte_carlo());
    set_weighting(p.decision, Weighting::AHP);
    CHECK(p.decision.weighting == Weighting::AHP);
    CHECK(complete_pairwise(p.decision));
    check_reopens_equal(p, "AHP");
    const DecisionAnalysis ahp = analyse_decision(p, no_monte_carlo());
    REQUIRE(ahp.errors.empty());
    REQUIRE(ahp.ahp);
    CHECK(ahp.ahp->cr == doctest::Approx(0).epsilon(1e-9));
    for (size_t j = 0; j < direct.weights.size(); ++j)
        CHECK(ahp.weights[j] == doctest::Approx(direct.weights[j]).epsilon(1e-9));
    CHECK(ahp.weighted_sum.ranking.order == direct.weighted_sum.ranking.order);

    // A judgement given stays; only missing pairs are filled. Back to direct keeps them.
    const std::string a = p.decision.criteria[0].id, b = p.decision.criteria[1].id;
    set_judgement(p.decision, b, a, 5);  // replaces the a/b judgement, either way round
    CHECK(complete_pairwise(p.decision));
    set_weighting(p.decision, Weighting::Direct);
    CHECK(p.decision.pairwise.size() == 28);
    check_reopens_equal(p, "direct with judgements kept");
    set_weighting(p.decision, Weighting::AHP);
    bool kept = false;
    for (const auto& j : p.decision.pairwise) kept |= j.a == b && j.b == a && j.ratio == 5;
    CHECK(kept);
    CHECK(p.decision.pairwise.size() == 28);

    // Fill the missing with "equal"; start over from the weights.
    p.decision.pairwise.erase(p.decision.pairwise.begin(), p.decision.pairwise.begin() + 10);
    fill_missing_judgements(p.decision, 1.0);
    CHECK(complete_pairwise(p.decision));
    CHECK(std::count_if(p.decision.pairwise.begin(), p.decision.pairwise.end(),
                        [](const Judgement& j) { return j.ratio == 1; }) >= 10);
    judgements_from_weights(p.decision);
    CHECK(complete_pairwise(p.decision));
    CHECK(analyse_decision(p, no_monte_carlo()).ahp->cr == doctest::Approx(0).epsilon(1e-9));

    // AHP needs two criteria: the file rules say so, at the weighting.
    DecisionSection one;
    Criterion only;
    only.id = "c1";
    one.criteria.push_back(only);
    set_weighting(one, Weighting::AHP);
    const Issues e = check_decision(one);
    REQUIRE(e.size() == 1);
    CHECK(e[0].where == "/decision/weighting");
}

// [SECTION] Every operation on every example --------------------------------------------------

namespace {

struct Operation {
    const char* name;
    std::function<void(Plan&, Rng&)> apply;
};

// Picks an item at random (empty string when there is none).
template <class T>
std::string pick(const std::vector<T>& items, Rng& rng) {
    if (items.empty()) return "";
    return items[static_cast<size_t>(rng.next() % items.size())].id;
}

std::vector<Operation> operations() {
    return {
        {"add partner", [](Plan& p, Rng&) { add_partner(p, new_id(p, "p")); }},
        {"duplicate partner",
         [](Plan& p, Rng& r) { duplicate_partner(p, pick(p.decision.partners, r), new_id(p, "p")); }},
        {"delete partner", [](Plan& p, Rng& r) { delete_partner(p, pick(p.decision.partners, r)); }},
        {"move partner",
         [](Plan& p, Rng& r) { move_partner(p.decision, pick(p.decision.partners, r), r.next() % 2 ? 1 : -1); }},
        {"cost model on/off",
         [](Plan& p, Rng& r) {
             const std::string id = pick(p.decision.partners, r);
             for (const auto& x : p.decision.partners)
                 if (x.id == id) set_has_cost_model(p.decision, id, !x.cost);
         }},
        {"add price break",
         [](Plan& p, Rng& r) {
             const std::string id = pick(p.decision.partners, r);
             for (const auto& x : p.decision.partners)  // quantities stay below the file's 1e12
                 if (x.id == id && x.cost &&
                     (x.cost->price_breaks.empty() || x.cost->price_breaks.back().quantity < 1e10))
                     add_price_break(p.decision, id);
         }},
        {"delete price break",
         [](Plan& p, Rng& r) {
             const std::string id = pick(p.decision.partners, r);
             for (const auto& x : p.decision.partners)  // never the last: a cost model needs one
                 if (x.id == id && x.cost && x.cost->price_breaks.size() > 1)
                     delete_price_break(p.decision, id, r.next() % x.cost->price_breaks.size());
         }},
        {"add criterion", [](Plan& p, Rng&) { add_criterion(p, new_id(p, "c")); }},
        {"delete criterion",
         [](Plan& p, Rng& r) {
             // Not the last positive direct weight: all-zero weights are refused by the file rules.
             const std::string id = pick(p.decision.criteria, r);
             DecisionSection s = p.decision;
             delete_criterion(s, id);
             double sum = 0;
             for (const auto& c : s.criteria) sum += c.weight;
             if (s.criteria.empty() || s.weighting == Weighting::AHP || sum > 0) p.decision = s;
         }},
        {"move criterion",
         [](Plan& p, Rng& r) { move_criterion(p.decision, pick(p.decision.criteria, r), r.next() % 2 ? 1 : -1); }},
        {"derive criterion",
         [](Plan& p, Rng& r) {
             static const ScoreSource kSources[] = {ScoreSource::Entered, ScoreSource::CostPerGoodPart,
                                                    ScoreSource::FirstArticleDays, ScoreSource::MonthlyCapacity,
                                                    ScoreSource::AuditRights};
             set_criterion_source(p.decision, pick(p.decision.criteria, r), kSources[r.next() % 5]);
         }},
        {"set score",
         [](Plan& p, Rng& r) {
             const std::string pid = pick(p.decision.partners, r), cid = pick(p.decision.criteria, r);
             for (const auto& c : p.decision.criteria)
                 if (c.id == cid && c.source == ScoreSource::Entered && !pid.empty()) {
                     const double lo = c.scale_min.value_or(0), hi = c.scale_max.value_or(10);
                     const double v = lo + (hi - lo) * r.uniform();
                     set_score(p.decision, pid, cid, v, std::optional<double>(lo + (v - lo) * r.uniform()),
                               std::optional<double>(v));
                 }
         }},
        {"AHP",
         [](Plan& p, Rng&) {
             if (p.decision.criteria.size() >= 2) set_weighting(p.decision, Weighting::AHP);
         }},
        {"direct", [](Plan& p, Rng&) { set_weighting(p.decision, Weighting::Direct); }},
        {"judgement",
         [](Plan& p, Rng& r) {
             const std::string a = pick(p.decision.criteria, r), b = pick(p.decision.criteria, r);
             if (!a.empty() && a != b) set_judgement(p.decision, a, b, 1.0 + 8.0 * r.uniform());
         }},
        {"fill judgements", [](Plan& p, Rng&) { fill_missing_judgements(p.decision, 1.0); }},
        {"judgements from weights", [](Plan& p, Rng&) { judgements_from_weights(p.decision); }},
    };
}

}  // namespace

TEST_CASE("decision edit: every operation on every example plan reopens as itself") {
    for (const char* name : kExamples) {
        const Plan original = example(name);
        for (const auto& op : operations()) {
            for (uint64_t seed = 1; seed <= 3; ++seed) {
                Plan p = original;
                Rng rng(seed);
                op.apply(p, rng);
                check_reopens_equal(p, std::string(name) + ": " + op.name);
            }
        }
    }
}

TEST_CASE("decision edit: 200 random operations in a row on each example keep the plan valid") {
    const auto ops = operations();
    for (const char* name : kExamples) {
        Plan p = example(name);
        Rng rng(20261206);
        for (int step = 0; step < 200; ++step) {
            const Operation& op = ops[static_cast<size_t>(rng.next() % ops.size())];
            op.apply(p, rng);
            check_reopens_equal(p, std::string(name) + " step " + std::to_string(step) + " (" + op.name + ")");
        }
    }
}
