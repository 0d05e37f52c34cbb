// Editing stacks (tolerance/stack_edit.h): each operation by hand on a small plan, each on
// every example plan (the result must save and reopen as itself), and a seeded random
// sequence of operations after which the plan is always one the app could save and open.
// A refused operation must leave the plan exactly as it was.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <map>

#include "plan/plan_file.h"
#include "roundtrip_support.h"
#include "stats/random.h"
#include "test_support.h"
#include "tolerance/stack_analysis.h"
#include "tolerance/stack_edit.h"

using namespace mf;
using mf::test::check_reopens_equal;

namespace {

const char* const kExamples[] = {"launch-timeline.mfplan.json", "micro-gearbox.mfplan.json",
                                 "silicon-on-inconel.mfplan.json", "sourcing-decision.mfplan.json"};

Plan example(const std::string& name) {
    LoadResult r = load_plan(test::read_file("assets/examples/" + name));
    REQUIRE_MESSAGE(r.plan, name);
    return *r.plan;
}

Contributor part(const char* id, const char* name, double nominal, double tol, double sensitivity) {
    Contributor c;
    c.id = id;
    c.name = name;
    c.nominal = nominal;
    c.tol_plus = c.tol_minus = tol;
    c.sensitivity = sensitivity;
    return c;
}

// Housing 10 (+1) minus pin 6 (−1) minus sleeve 3.9 (−1); a tilt angle outside the chain.
Plan small_plan() {
    Plan p;
    Stack s;
    s.id = "s-a";
    s.name = "Pin in housing";
    s.contributors = {part("k-house", "Housing", 10, 0.02, 1), part("k-pin", "Pin", 6, 0.01, -1),
                      part("k-sleeve", "Sleeve", 3.9, 0.01, -1)};
    Contributor tilt = part("k-tilt", "Tilt", 0, 0.5, 0);
    tilt.kind = DimensionKind::Angle;
    s.contributors.push_back(tilt);
    s.lower_limit = 0.02;
    p.stacks.push_back(s);
    return p;
}

std::string ids(const Stack& s) {
    std::string out;
    for (const auto& c : s.contributors) out += c.id + " ";
    return out;
}

}  // namespace

// [SECTION] By hand -------------------------------------------------------------------------

TEST_CASE("stack edit: add, duplicate, delete stacks") {
    Plan p = small_plan();
    CHECK(add_stack(p, "s-b", "Second") == "");
    REQUIRE(p.stacks.size() == 2);
    CHECK(p.stacks[1].id == "s-b");
    CHECK(p.stacks[1].contributors.empty());
    CHECK(add_stack(p, "k-pin", "Clash") != "");  // ids are plan-wide
    CHECK(p.stacks.size() == 2);
    check_reopens_equal(p);

    CHECK(make_loop(p, "s-a") == "");
    REQUIRE(find_stack(p, "s-a")->loop);
    find_stack(p, "s-a")->loop->vectors[0].angle_from = "k-tilt";
    CHECK(duplicate_stack(p, "s-a", "s-copy") == "");
    REQUIRE(p.stacks.size() == 3);
    const Stack& copy = p.stacks[1];  // right after its source
    CHECK(copy.id == "s-copy");
    CHECK(copy.name == "Pin in housing (copy)");
    CHECK(ids(copy) == "k1 k2 k3 k4 ");
    REQUIRE(copy.loop);
    CHECK(copy.loop->vectors[0].length_from == "k1");  // the copy's own housing
    CHECK(copy.loop->vectors[0].angle_from == "k4");   // and tilt
    CHECK(copy.loop->vectors[2].length_from == "k3");
    CHECK(duplicate_stack(p, "s-copy", "s-copy2") == "");
    CHECK(ids(p.stacks[2]) == "k5 k6 k7 k8 ");  // fresh across the plan
    check_reopens_equal(p);
    CHECK(duplicate_stack(p, "s-none", "s-x") != "");
    CHECK(duplicate_stack(p, "s-a", "s-b") != "");

    // A name already at the longest a file holds is copied as it is.
    find_stack(p, "s-b")->name = std::string(kMaxStackNameLength, 'x');
    CHECK(duplicate_stack(p, "s-b", "s-long") == "");
    CHECK(find_stack(p, "s-long")->name == std::string(kMaxStackNameLength, 'x'));
    check_reopens_equal(p);

    CHECK(delete_stack(p, "s-copy") == "");
    CHECK(find_stack(p, "s-copy") == nullptr);
    CHECK(delete_stack(p, "s-copy") != "");
    check_reopens_equal(p);
}

TEST_CASE("stack edit: add, duplicate, move, remove contributors") {
    Plan p = small_plan();
    CHECK(add_contributor(p, "s-a", "k-house", "k-new", "Washer") == "");
    CHECK(ids(p.stacks[0]) == "k-house k-new k-pin k-sleeve k-tilt ");
    const Contributor& w = p.stacks[0].contributors[1];
    CHECK(w.name == "Washer");
    CHECK(w.nominal == 0);
    CHECK(w.sensitivity == 1);
    CHECK(add_contributor(p, "s-a", "", "k-end", "Last") == "");
    CHECK(ids(p.stacks[0]) == "k-house k-new k-pin k-sleeve k-tilt k-end ");
    CHECK(add_contributor(p, "s-a", "", "s-a", "Clash") != "");
    check_reopens_equal(p);

    CHECK(duplicate_contributor(p, "s-a", "k-pin", "k-pin2") == "");
    CHECK(ids(p.stacks[0]) == "k-house k-new k-pin k-pin2 k-sleeve k-tilt k-end ");
    CHECK(p.stacks[0].contributors[3].name == "Pin (copy)");
    CHECK(p.stacks[0].contributors[3].nominal == 6);

    CHECK(move_contributor(p, "s-a", "k-pin2", -1) == "");
    CHECK(ids(p.stacks[0]) == "k-house k-new k-pin2 k-pin k-sleeve k-tilt k-end ");
    CHECK(move_contributor(p, "s-a", "k-house", -1) != "");
    CHECK(move_contributor(p, "s-a", "k-end", +1) != "");
    CHECK(move_contributor(p, "s-a", "k-house", +2) == "");
    CHECK(ids(p.stacks[0]) == "k-new k-pin2 k-house k-pin k-sleeve k-tilt k-end ");
    check_reopens_equal(p);

    CHECK(remove_contributor(p, "s-a", "k-new") == "");
    CHECK(remove_contributor(p, "s-a", "k-new") != "");
    CHECK(ids(p.stacks[0]) == "k-pin2 k-house k-pin k-sleeve k-tilt k-end ");
    check_reopens_equal(p);
}

TEST_CASE("stack edit: removing a contributor takes its loop vectors along; the last one ends the loop") {
    Plan p = small_plan();
    REQUIRE(make_loop(p, "s-a") == "");
    Stack& s = p.stacks[0];
    REQUIRE(s.loop->vectors.size() == 3);
    s.loop->vectors[1].angle_from = "k-tilt";
    CHECK(remove_contributor(p, "s-a", "k-tilt") == "");  // the vector keeps its fixed angle
    REQUIRE(s.loop);
    CHECK(s.loop->vectors.size() == 3);
    CHECK(s.loop->vectors[1].angle_from.empty());
    CHECK(s.loop->vectors[1].angle == 180);
    CHECK(remove_contributor(p, "s-a", "k-pin") == "");  // its vector goes
    CHECK(s.loop->vectors.size() == 2);
    check_reopens_equal(p);
    CHECK(remove_contributor(p, "s-a", "k-house") == "");
    CHECK(remove_contributor(p, "s-a", "k-sleeve") == "");
    CHECK_FALSE(s.loop);  // no vector left: a 1D chain
    CHECK(s.contributors.empty());
    check_reopens_equal(p);
}

TEST_CASE("stack edit: pasted rows go after the selected row with fresh ids where needed") {
    Plan p = small_plan();
    Contributor a = part("", "Spacer", 0.2, 0.002, -1);
    Contributor b = part("k-pin", "Shim", 0.05, 0.001, -1);  // an id the plan uses
    Contributor c = part("k-own", "Own id", 1, 0.01, 1);
    CHECK(insert_contributors(p, "s-a", "k-house", {a, b, c}) == "");
    const Stack& s = p.stacks[0];
    REQUIRE(s.contributors.size() == 7);
    CHECK(s.contributors[1].name == "Spacer");
    CHECK(s.contributors[2].name == "Shim");
    CHECK(s.contributors[3].id == "k-own");
    CHECK(s.contributors[1].id == "k1");
    CHECK(s.contributors[2].id == "k2");
    CHECK(s.contributors[4].id == "k-pin");
    CHECK(insert_contributors(p, "s-a", "", {}) != "");
    CHECK(insert_contributors(p, "s-a", "", {part("", "End", 1, 0, 1)}) == "");
    CHECK(s.contributors.back().name == "End");
    check_reopens_equal(p);
}

TEST_CASE("stack edit: kind, distribution kind and how σ is given") {
    Plan p = small_plan();
    Contributor* pin = find_contributor(p, "s-a", "k-pin");
    REQUIRE(pin);
    pin->material = "stainless-316l";
    pin->cte = 16.5;
    CHECK(set_contributor_kind(p, "s-a", "k-pin", DimensionKind::Angle) == "");
    CHECK(pin->kind == DimensionKind::Angle);
    CHECK(pin->material.empty());
    CHECK_FALSE(pin->cte);
    CHECK(set_contributor_kind(p, "s-a", "k-pin", DimensionKind::Length) == "");
    check_reopens_equal(p);
    // In a loop: a length vector's contributor stays a length, a tilt stays an angle.
    REQUIRE(make_loop(p, "s-a") == "");
    p.stacks[0].loop->vectors[0].angle_from = "k-tilt";
    CHECK(kind_refusal(p.stacks[0], "k-house", DimensionKind::Angle) ==
          "loop vector 1 takes its length from it: it must stay a length");
    CHECK(kind_refusal(p.stacks[0], "k-house", DimensionKind::Length) == "");
    CHECK(set_contributor_kind(p, "s-a", "k-house", DimensionKind::Angle).find("length") != std::string::npos);
    CHECK(set_contributor_kind(p, "s-a", "k-tilt", DimensionKind::Length).find("angle") != std::string::npos);
    CHECK(find_contributor(p, "s-a", "k-house")->kind == DimensionKind::Length);

    Contributor k = part("k", "K", 1, 0.01, 1);
    set_distribution_kind(k, DistributionKind::SkewNormal);
    k.distribution.skew = 4;
    set_distribution_kind(k, DistributionKind::Uniform);
    CHECK(k.distribution.kind == DistributionKind::Uniform);
    CHECK(k.distribution.skew == 0);
    set_sigma_given_by(k, NormalBy::Sigma, 0.002);
    CHECK(k.distribution.by == NormalBy::Sigma);
    CHECK(k.distribution.sigma == 0.002);
    k.distribution.capability = 0;
    set_sigma_given_by(k, NormalBy::Cpk, 0);
    CHECK(k.distribution.by == NormalBy::Cpk);
    CHECK(k.distribution.capability == 1);
    CHECK(k.distribution.sigma == 0.002);  // kept for a switch back
}

TEST_CASE("stack edit: a chain becomes a loop with the same gap and back with the loop's sensitivities") {
    Plan p = small_plan();
    const WorstCaseResult chain = worst_case(linearize_stack(p.stacks[0], 20));
    CHECK(make_loop(p, "s-a") == "");
    CHECK(make_loop(p, "s-a") != "");
    const Stack& s = p.stacks[0];
    REQUIRE(s.loop);
    REQUIRE(s.loop->vectors.size() == 3);  // the angle and zero-nominal rows stay outside
    CHECK(s.loop->vectors[0].length_from == "k-house");
    CHECK(s.loop->vectors[0].angle == 0);
    CHECK(s.loop->vectors[1].angle == 180);
    const WorstCaseResult loop = worst_case(linearize_stack(s, 20));
    CHECK(loop.min == doctest::Approx(chain.min).epsilon(1e-12));
    CHECK(loop.max == doctest::Approx(chain.max).epsilon(1e-12));
    check_reopens_equal(p);

    // Tilt the housing 60° and go back: its sensitivity is cos 60°; the pin's −1 stays exact
    // and a vector at 90° gives 0, not 6e-17.
    p.stacks[0].loop->vectors[0].angle = 60;
    p.stacks[0].loop->vectors[2].angle = 90;
    CHECK(make_chain(p, "s-a") == "");
    CHECK_FALSE(s.loop);
    CHECK(s.contributors[0].sensitivity == doctest::Approx(0.5).epsilon(1e-12));
    CHECK(s.contributors[1].sensitivity == -1);
    CHECK(s.contributors[2].sensitivity == 0);
    CHECK(s.contributors[3].sensitivity == 0);  // outside the loop: its own
    CHECK(make_chain(p, "s-a") != "");
    check_reopens_equal(p);

    Plan none = small_plan();
    for (auto& c : none.stacks[0].contributors) c.sensitivity = 0.5;
    CHECK(loop_refusal(none.stacks[0]) == "needs a length with sensitivity +1 or −1 and a nominal above 0");
    CHECK(make_loop(none, "s-a") == loop_refusal(none.stacks[0]));
    CHECK(loop_refusal(small_plan().stacks[0]) == "");
    CHECK(loop_length_candidate(small_plan().stacks[0].contributors[0]));
    CHECK_FALSE(loop_length_candidate(small_plan().stacks[0].contributors[3]));  // the tilt: an angle
}

TEST_CASE("stack edit: loop vectors are added, re-sourced and removed, never to an empty loop") {
    Plan p = small_plan();
    CHECK(add_loop_vector(p, "s-a") != "");  // a chain has no vectors
    REQUIRE(make_loop(p, "s-a") == "");
    Stack& s = p.stacks[0];
    CHECK(remove_loop_vector(p, "s-a", 1) == "");  // the pin's vector
    CHECK(s.loop->vectors.size() == 2);
    CHECK(add_loop_vector(p, "s-a") == "");  // the first length not in the loop: the pin
    CHECK(s.loop->vectors.back().length_from == "k-pin");
    CHECK(add_loop_vector(p, "s-a") == "");  // none left: a fixed 1 mm
    CHECK(s.loop->vectors.back().length_from.empty());
    CHECK(s.loop->vectors.back().length == 1.0);
    check_reopens_equal(p);

    // A vector made fixed starts at its contributor's nominal.
    CHECK(set_vector_length_from(p, "s-a", 0, "") == "");
    CHECK(s.loop->vectors[0].length_from.empty());
    CHECK(s.loop->vectors[0].length == 10);
    CHECK(set_vector_length_from(p, "s-a", 0, "k-tilt") != "");  // an angle
    CHECK(set_vector_length_from(p, "s-a", 0, "k-nothing") != "");
    CHECK(set_vector_length_from(p, "s-a", 9, "k-house") != "");
    CHECK(set_vector_length_from(p, "s-a", 0, "k-house") == "");
    CHECK(s.loop->vectors[0].length_from == "k-house");
    check_reopens_equal(p);

    while (s.loop->vectors.size() > 1) CHECK(remove_loop_vector(p, "s-a", 0) == "");
    CHECK(remove_loop_vector(p, "s-a", 0).find("at least one vector") != std::string::npos);
    CHECK(remove_loop_vector(p, "s-a", 5) != "");
    check_reopens_equal(p);
}

// [SECTION] Every operation on every example ---------------------------------------------

namespace {

using Operation = std::function<std::string(Plan&)>;

// One call of every operation, with arguments taken from the plan (its first stack and
// contributors, or new ones).
std::vector<std::pair<std::string, Operation>> every_operation(const Plan& plan) {
    const std::string sid = plan.stacks.empty() ? "s-none" : plan.stacks.front().id;
    const Stack* s = plan.stacks.empty() ? nullptr : &plan.stacks.front();
    const std::string first = s && !s->contributors.empty() ? s->contributors.front().id : "";
    const std::string last = s && !s->contributors.empty() ? s->contributors.back().id : "";
    return {
        {"add_stack", [](Plan& p) { return add_stack(p, new_id(p, "s"), "New"); }},
        {"duplicate_stack", [sid](Plan& p) { return duplicate_stack(p, sid, new_id(p, "s")); }},
        {"delete_stack", [sid](Plan& p) { return delete_stack(p, sid); }},
        {"add_contributor", [sid, first](Plan& p) { return add_contributor(p, sid, first, new_id(p, "k"), "Added"); }},
        {"duplicate_contributor", [sid, last](Plan& p) { return duplicate_contributor(p, sid, last, new_id(p, "k")); }},
        {"remove_contributor", [sid, first](Plan& p) { return remove_contributor(p, sid, first); }},
        {"move_contributor down", [sid, first](Plan& p) { return move_contributor(p, sid, first, +1); }},
        {"move_contributor up", [sid, last](Plan& p) { return move_contributor(p, sid, last, -1); }},
        {"insert_contributors",
         [sid, first](Plan& p) {
             return insert_contributors(p, sid, first,
                                        {part("", "Pasted", 2, 0.01, -1), part(first.c_str(), "Same id", 1, 0, 1)});
         }},
        {"set_contributor_kind angle",
         [sid, last](Plan& p) { return set_contributor_kind(p, sid, last, DimensionKind::Angle); }},
        {"set_contributor_kind length",
         [sid, last](Plan& p) { return set_contributor_kind(p, sid, last, DimensionKind::Length); }},
        {"set_distribution_kind",
         [sid, first](Plan& p) {
             Contributor* c = find_contributor(p, sid, first);
             if (!c) return std::string("no contributor");
             set_distribution_kind(*c, DistributionKind::Triangular);
             return std::string();
         }},
        {"set_sigma_given_by",
         [sid, first](Plan& p) {
             Contributor* c = find_contributor(p, sid, first);
             if (!c) return std::string("no contributor");
             set_sigma_given_by(*c, NormalBy::Sigma, 0.001);
             return std::string();
         }},
        {"make_loop", [sid](Plan& p) { return make_loop(p, sid); }},
        {"make_chain", [sid](Plan& p) { return make_chain(p, sid); }},
        {"add_loop_vector", [sid](Plan& p) { return add_loop_vector(p, sid); }},
        {"remove_loop_vector", [sid](Plan& p) { return remove_loop_vector(p, sid, 0); }},
        {"set_vector_length_from fixed", [sid](Plan& p) { return set_vector_length_from(p, sid, 0, ""); }},
    };
}

// Applies op to p: done, the plan reopens as itself; refused, the plan is unchanged.
void apply_and_check(Plan& p, const std::string& what, const Operation& op) {
    const std::string before = save_plan(p);
    const std::string reason = op(p);
    INFO(what << ": " << reason);
    if (reason.empty())
        check_reopens_equal(p, what);
    else
        CHECK(save_plan(p) == before);
}

}  // namespace

TEST_CASE("stack edit: every operation on every example plan leaves a plan that reopens as itself") {
    for (const char* name : kExamples) {
        const Plan original = example(name);
        for (const auto& [what, op] : every_operation(original)) {
            Plan p = original;
            apply_and_check(p, std::string(name) + ": " + what, op);
        }
        // And on every stack of the example, each in turn made a loop and back.
        Plan p = original;
        for (const auto& s : original.stacks) {
            apply_and_check(p, std::string(name) + ": make_loop " + s.id,
                            [id = s.id](Plan& q) { return make_loop(q, id); });
            apply_and_check(p, std::string(name) + ": make_chain " + s.id,
                            [id = s.id](Plan& q) { return make_chain(q, id); });
        }
    }
}

// [SECTION] Property: random sequences --------------------------------------------------------

TEST_CASE("stack edit: 200 random operations per example, the plan always reopens as itself") {
    Rng rng(20261206);
    std::map<std::string, int> applied;  // per operation, over all examples: each must have run
    auto pick = [&](size_t n) { return static_cast<size_t>(rng.uniform() * static_cast<double>(n)); };
    for (const char* name : kExamples) {
        Plan p = example(name);
        size_t done = 0;
        for (int step = 0; step < 200; ++step) {
            // A stack and a contributor of it (sometimes none), chosen afresh each step.
            const std::string sid =
                p.stacks.empty() || pick(10) == 0 ? "s-missing" : p.stacks[pick(p.stacks.size())].id;
            const Stack* s = find_stack(p, sid);
            std::string cid = "k-missing", other = "";
            if (s && !s->contributors.empty()) {
                cid = s->contributors[pick(s->contributors.size())].id;
                other = s->contributors[pick(s->contributors.size())].id;
            }
            const size_t vectors = s && s->loop ? s->loop->vectors.size() : 1;
            Operation op;
            std::string what;
            switch (pick(17)) {
                case 0:
                    what = "add_stack";
                    op = [](Plan& q) { return add_stack(q, new_id(q, "s"), "Random"); };
                    break;
                case 1:
                    what = "duplicate_stack";
                    op = [sid](Plan& q) { return duplicate_stack(q, sid, new_id(q, "s")); };
                    break;
                case 2:
                    what = "delete_stack";
                    op = [sid](Plan& q) { return delete_stack(q, sid); };
                    break;
                case 3:
                case 4:
                    what = "add_contributor";
                    op = [sid, other](Plan& q) { return add_contributor(q, sid, other, new_id(q, "k"), "Row"); };
                    break;
                case 5:
                    what = "duplicate_contributor";
                    op = [sid, cid](Plan& q) { return duplicate_contributor(q, sid, cid, new_id(q, "k")); };
                    break;
                case 6:
                    what = "remove_contributor";
                    op = [sid, cid](Plan& q) { return remove_contributor(q, sid, cid); };
                    break;
                case 7: {
                    const int by = static_cast<int>(pick(5)) - 2;
                    what = "move_contributor " + std::to_string(by);
                    op = [sid, cid, by](Plan& q) { return move_contributor(q, sid, cid, by); };
                    break;
                }
                case 8: {
                    // Lengths with ±1 so that later make_loop calls have something to carry.
                    std::vector<Contributor> rows;
                    for (size_t n = 1 + pick(3); n > 0; --n)
                        rows.push_back(part(pick(2) ? "" : cid.c_str(), "Pasted", 0.5 + rng.uniform(),
                                            0.01 * rng.uniform(), pick(2) ? 1.0 : -1.0));
                    what = "insert_contributors";
                    op = [sid, other, rows](Plan& q) { return insert_contributors(q, sid, other, rows); };
                    break;
                }
                case 9: {
                    const DimensionKind kind = pick(2) ? DimensionKind::Angle : DimensionKind::Length;
                    what = "set_contributor_kind";
                    op = [sid, cid, kind](Plan& q) { return set_contributor_kind(q, sid, cid, kind); };
                    break;
                }
                case 10:
                case 11:
                    what = "make_loop";
                    op = [sid](Plan& q) { return make_loop(q, sid); };
                    break;
                case 12:
                    what = "make_chain";
                    op = [sid](Plan& q) { return make_chain(q, sid); };
                    break;
                case 13:
                    what = "add_loop_vector";
                    op = [sid](Plan& q) { return add_loop_vector(q, sid); };
                    break;
                case 14: {
                    const size_t v = pick(vectors + 1);
                    what = "remove_loop_vector";
                    op = [sid, v](Plan& q) { return remove_loop_vector(q, sid, v); };
                    break;
                }
                case 15: {
                    const size_t v = pick(vectors);
                    const std::string from = pick(3) ? cid : "";
                    what = "set_vector_length_from";
                    op = [sid, v, from](Plan& q) { return set_vector_length_from(q, sid, v, from); };
                    break;
                }
                default: {
                    const DistributionKind kind =
                        static_cast<DistributionKind>(pick(3));  // normal, uniform, triangular
                    what = "set_distribution_kind";
                    op = [sid, cid, kind](Plan& q) {
                        Contributor* c = find_contributor(q, sid, cid);
                        if (!c) return std::string("no contributor");
                        set_distribution_kind(*c, kind);
                        set_sigma_given_by(*c, NormalBy::Cp, 0);
                        return std::string();
                    };
                    break;
                }
            }
            const std::string before = save_plan(p);
            const std::string reason = op(p);
            INFO(name << " step " << step << ": " << what << " → " << reason);
            if (!reason.empty()) {
                CHECK(save_plan(p) == before);
                continue;
            }
            ++done;
            ++applied[what.substr(0, what.find(' '))];
            const Issues problems = check_plan(p);
            REQUIRE_MESSAGE(problems.empty(), (problems.empty() ? std::string() : to_string(problems.front())));
            check_reopens_equal(p);
        }
        MESSAGE(std::string(name) << ": " << done << " of 200 operations applied");
        CHECK(done > 60);
    }
    for (const char* op :
         {"add_stack", "duplicate_stack", "delete_stack", "add_contributor", "duplicate_contributor",
          "remove_contributor", "move_contributor", "insert_contributors", "set_contributor_kind", "make_loop",
          "make_chain", "add_loop_vector", "remove_loop_vector", "set_vector_length_from", "set_distribution_kind"}) {
        INFO(op);
        CHECK(applied[op] > 0);
    }
}
