// Extreme-but-legal inputs (issue "never lose work, never freeze", item 5, and what fuzzing
// found): each is built in code and must finish with a bounded answer — a result, or a reason
// that names the field or the documented limit (core/base/limits.h, docs/plan-format.md
// "Limits"). Nothing here is timed; tests/core/test_hostile_scaling.cpp checks the growth.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "base/issue_cap.h"
#include "base/limits.h"
#include "capability/table_import.h"
#include "decision/cost_model.h"
#include "decision/crossover.h"
#include "decision/decision_analysis.h"
#include "decision/sensitivity.h"
#include "plan/plan_file.h"
#include "schedule/cpm.h"
#include "schedule/monte_carlo.h"
#include "schedule/outline.h"
#include "schedule_support.h"
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_analysis.h"
#include "tolerance/stack_table.h"

using namespace mf;
using namespace mf::test;
using nlohmann::json;

namespace {

// A plan file as JSON, to be filled in and loaded as text (what a user would open).
json plan_file() {
    return {{"format", "microfab-plan"},
            {"version", 1},
            {"project", {{"name", "hostile"}, {"units", "mm"}, {"start_date", "2027-01-04"}}}};
}

json task_json(const std::string& id, const json& extra = json::object()) {
    json t = {{"id", id}, {"name", id}, {"optimistic", 1}, {"most_likely", 2}, {"pessimistic", 3}};
    t.update(extra);
    return t;
}

json cost_json(double lot_size) {
    return {{"setup_per_lot", 500},
            {"lot_size", lot_size},
            {"price_breaks", json::array({{{"quantity", 1}, {"unit_price", 10}}})}};
}

bool has_message(const Issues& issues, const std::string& where, const std::string& part) {
    for (const auto& e : issues)
        if (e.where == where && e.message.find(part) != std::string::npos) return true;
    return false;
}

Contributor contributor(const std::string& id, const std::string& partner = "") {
    Contributor c;
    c.id = id;
    c.name = id;
    c.nominal = 1;
    c.tol_plus = c.tol_minus = 0.01;
    c.sensitivity = 1;
    c.partner_id = partner;
    return c;
}

CostInputs cost_partner(const std::string& name, double lot_size, double setup, double price) {
    CostInputs c;
    c.name = name;
    c.model.lot_size = lot_size;
    c.model.setup_per_lot = setup;
    c.model.price_breaks = {{1, price}};
    return c;
}

}  // namespace

// [SECTION] Problems: deduplicated and capped -----------------------------------------------

TEST_CASE("hostile: a task listing the same predecessor 2000 times gives one problem per repeat, capped at 100") {
    json p = plan_file();
    json preds = json::array();
    for (int k = 0; k < 2000; ++k) preds.push_back("a");
    p["schedule"] = {{"tasks", json::array({task_json("a"), task_json("b", {{"predecessors", preds}})})}};
    const LoadResult r = load_plan(p.dump());
    REQUIRE_FALSE(r.plan);
    // Was k(k−1)/2 = 1 999 000 problems; now one per repeat (1 999), the first 100 listed.
    REQUIRE(r.errors.size() == kMaxIssuesListed + 1);
    CHECK(r.errors[0].where == "/schedule/tasks/1/predecessors/1");
    CHECK(r.errors[0].message == "task \"a\" is listed twice as a predecessor");
    CHECK(r.errors[1].where == "/schedule/tasks/1/predecessors/2");
    CHECK(r.errors.back().message == "and 1899 more problems (only the first 100 are listed)");

    // The same section built in code: the network's own check, also once per repeat, capped.
    ScheduleSection s;
    s.tasks.push_back(fixed_task("a", 1));
    Task b = fixed_task("b", 1);
    for (int k = 0; k < 2000; ++k) b.predecessors.push_back({"a", LinkType::FinishToStart, 0});
    s.tasks.push_back(b);
    const Network net = compile_network(s);
    REQUIRE(net.errors.size() == kMaxIssuesListed + 1);
    CHECK(net.errors[0].message == "predecessor \"a\" is listed twice");
    CHECK(net.errors.back().message == "and 1899 more problems (only the first 100 are listed)");
}

TEST_CASE("hostile: a file with 500 bad values lists 100 problems and says how many more") {
    json p = plan_file();
    json tasks = json::array();
    for (int i = 0; i < 500; ++i) tasks.push_back(task_json("t" + std::to_string(i), {{"optimistic", -1}}));
    p["schedule"] = {{"tasks", tasks}};
    const LoadResult r = load_plan(p.dump());
    REQUIRE(r.errors.size() == kMaxIssuesListed + 1);
    CHECK(r.errors[0].where == "/schedule/tasks/0/optimistic");
    CHECK(r.errors.back().where == "");
    CHECK(r.errors.back().message == "and 400 more problems (only the first 100 are listed)");
}

TEST_CASE("hostile: cap_issues keeps the first of each problem, then the first 100, then one summary") {
    Issues list;
    for (int i = 0; i < 300; ++i) list.push_back({"/x/" + std::to_string(i % 150), "bad", Severity::Error});
    list.push_back({"/w", "odd", Severity::Warning});
    cap_issues(list);
    REQUIRE(list.size() == kMaxIssuesListed + 1);
    CHECK(list[0].where == "/x/0");
    CHECK(list[99].where == "/x/99");
    // 150 distinct errors and one warning: 51 left over, an error among them.
    CHECK(list.back().message == "and 51 more problems (only the first 100 are listed)");
    CHECK(list.back().severity == Severity::Error);
    Issues few = {{"/a", "one"}, {"/a", "one"}, {"/b", "two"}};
    cap_issues(few);
    CHECK(few.size() == 2);
}

// [SECTION] Decision: cost jumps ------------------------------------------------------------

TEST_CASE("hostile: a lot size of 1e-16 parts is refused at load, naming the field") {
    json p = plan_file();
    p["decision"] = {
        {"partners", json::array({{{"id", "p1"}, {"name", "P1"}, {"kind", "boutique"}, {"cost", cost_json(1e-16)}}})},
        {"criteria", json::array()}};
    const LoadResult r = load_plan(p.dump());
    REQUIRE_FALSE(r.plan);
    CHECK(has_message(r.errors, "/decision/partners/0/cost/lot_size", "at least 1 part (found 1e-16)"));
    for (const char* key : {"tooling_life", "material_batch_size"}) {
        CostModel m;
        m.price_breaks = {{1, 1}};
        (key[0] == 't' ? m.tooling_life : m.material_batch_size) = 0.5;
        CHECK(has_message(check_cost_model(m, "/c"), std::string("/c/") + key, "or at least 1 part"));
    }
}

TEST_CASE("hostile: cost jumps every 1e-16 parts (a model built in code) end, marked truncated") {
    const CostInputs tiny = cost_partner("tiny lots", 1e-16, 100, 1);
    bool cut = false;
    const auto bp = cost_breakpoints(tiny, 1e-12, 1, 1000, &cut);  // the first 1 000 jumps, then the cap
    CHECK(cut);
    CHECK(bp.size() == 1000);
    // From one part on, the jump count k passes 2^53 where k + 1 == k in doubles: the
    // progression stops there instead of spinning for ever.
    cut = false;
    const auto far = cost_breakpoints(tiny, 1, 1e6, 1000000, &cut);
    CHECK(cut);
    CHECK(far.empty());

    const CrossoverResult x = cost_crossovers({tiny, cost_partner("flat", 0, 0, 2)}, 1, 1e6);
    CHECK(x.errors.empty());
    CHECK(x.truncated);

    Plan plan;
    Partner a;
    a.id = "a";
    a.name = "A";
    a.cost = tiny.model;
    Partner b;
    b.id = "b";
    b.name = "B";
    b.kind = PartnerKind::FullServiceCM;
    b.cost = cost_partner("b", 1, 500, 2).model;
    plan.decision.partners = {a, b};
    plan.decision.planned_volume = 1e12;  // lot size 1 and 10^12 parts: 10^12 jumps
    DecisionOptions o;
    o.mc_samples = 0;
    const DecisionAnalysis d = analyse_decision(plan, o);
    CHECK(d.crossovers.truncated);
    REQUIRE(d.split);
    CHECK(d.split->errors.size() == 1);  // "too many breakpoints: the split search is incomplete"
}

TEST_CASE("hostile: price at a volume with 100 000 price breaks is the last break reached") {
    CostModel m;
    for (int q = 1; q <= 100000; ++q) m.price_breaks.push_back({static_cast<double>(q), 1000.0 - q * 0.001});
    CHECK(unit_price_at(m, 0.5) == doctest::Approx(1000 - 0.001));  // below the first: the first's price
    CHECK(unit_price_at(m, 1) == doctest::Approx(1000 - 0.001));
    CHECK(unit_price_at(m, 54321.5) == doctest::Approx(1000 - 54.321));
    CHECK(unit_price_at(m, 1e9) == doctest::Approx(1000 - 100));
    CHECK(unit_price_at(m, std::nan("")) == doctest::Approx(1000 - 0.001));
}

TEST_CASE("hostile: the rank-first Monte Carlo refuses samples × partners × (criteria + partners) above 1e9") {
    MatrixInput m;
    for (int i = 0; i < 100; ++i) m.alternatives.push_back("p" + std::to_string(i));
    for (int j = 0; j < 100; ++j) {
        m.criteria.push_back("c" + std::to_string(j));
        m.benefit.push_back(true);
        m.weights.push_back(1);
    }
    m.value.assign(100, std::vector<double>(100, 5.0));
    m.low.assign(100, std::vector<double>(100, 4.0));
    m.high.assign(100, std::vector<double>(100, 6.0));
    const RankFirstResult r = rank_first_probability(m, 1000000, 1);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].find("1 000 000 000") != std::string::npos);
}

TEST_CASE(
    "hostile: mating pairs of 20 000 contributors of one partner (and one other) are found without a square walk") {
    Plan plan;
    Stack s;
    s.id = "s";
    s.name = "s";
    for (int i = 0; i < 20000; ++i) s.contributors.push_back(contributor("k" + std::to_string(i), "same"));
    s.contributors.push_back(contributor("other", "other"));
    plan.stacks.push_back(s);
    const auto pairs = mating_pairs(plan);
    CHECK(pairs.size() == kMaxMatingPairs);  // 20 000 pairs with "other"; the first 10 000 kept
    CHECK(pairs.front().where_a == "/stacks/0/contributors/0");
    CHECK(pairs.front().where_b == "/stacks/0/contributors/20000");
}

TEST_CASE("hostile: more partners or criteria than the caps are refused by the reader and by the analysis") {
    json p = plan_file();
    json partners = json::array();
    for (size_t i = 0; i <= kMaxPartners; ++i)
        partners.push_back({{"id", "p" + std::to_string(i)}, {"name", "P"}, {"kind", "boutique"}});
    p["decision"] = {{"partners", partners}, {"criteria", json::array()}};
    const LoadResult r = load_plan(p.dump());
    CHECK(has_message(r.errors, "/decision/partners", "101 partners: a plan holds at most 100 partners"));

    Plan plan;
    plan.decision.criteria.resize(kMaxCriteria + 1);
    const DecisionAnalysis a = analyse_decision(plan, {});
    REQUIRE(a.errors.size() == 1);
    CHECK(a.errors[0].find("at most 100 criteria") != std::string::npos);
}

// [SECTION] Schedule ------------------------------------------------------------------------

TEST_CASE("hostile: an outline deeper than 100 levels is refused at the first task too deep") {
    auto chain = [](int n) {
        ScheduleSection s;
        for (int i = 0; i < n; ++i)
            s.tasks.push_back(fixed_task("t" + std::to_string(i), 1, {}, i ? "t" + std::to_string(i - 1) : ""));
        return s;
    };
    const Outline ok = build_outline(chain(kMaxOutlineDepth + 1));  // depths 0 … 100
    CHECK(ok.errors.empty());
    const Outline deep = build_outline(chain(5000));
    REQUIRE(deep.errors.size() == 1);
    CHECK(deep.errors[0].task == kMaxOutlineDepth + 1);
    CHECK(deep.errors[0].message.find("more than 100 levels deep") != std::string::npos);
    // Outline numbers stop growing past the limit: no depth² text.
    CHECK(deep.wbs[4999].size() == deep.wbs[kMaxOutlineDepth].size());

    json p = plan_file();
    json tasks = json::array();
    for (int i = 0; i < 300; ++i)
        tasks.push_back(i ? task_json("t" + std::to_string(i), {{"parent", "t" + std::to_string(i - 1)}})
                          : task_json("t0"));
    p["schedule"] = {{"tasks", tasks}};
    const LoadResult r = load_plan(p.dump());
    CHECK(has_message(r.errors, "/schedule/tasks/101/parent", "more than 100 levels deep"));
}

TEST_CASE("hostile: 20 000 subtasks of one summary get their outline numbers without a sibling search") {
    ScheduleSection s;
    s.tasks.push_back(fixed_task("top", 0));
    for (int i = 0; i < 20000; ++i) s.tasks.push_back(fixed_task("c" + std::to_string(i), 1, {}, "top"));
    const Outline o = build_outline(s);
    CHECK(o.errors.empty());
    CHECK(o.wbs[20000] == "1.20000");
    // 20 000 tasks ready at once: the ready list is a heap.
    const Network net = compile_network(s);
    CHECK(net.ok());
    CHECK(net.order.size() == 20001);
}

TEST_CASE("hostile: a link between two summaries of 1 100 subtasks each is refused, naming the limit") {
    auto two_summaries = [](int leaves) {
        ScheduleSection s;
        s.tasks.push_back(fixed_task("A", 0));
        s.tasks.push_back(fixed_task("B", 0, {{"A", LinkType::FinishToStart, 0}}));
        for (int i = 0; i < leaves; ++i) s.tasks.push_back(fixed_task("a" + std::to_string(i), 1, {}, "A"));
        for (int i = 0; i < leaves; ++i) s.tasks.push_back(fixed_task("b" + std::to_string(i), 1, {}, "B"));
        return s;
    };
    const Network big = compile_network(two_summaries(1100));  // 1 210 000 links
    REQUIRE(big.errors.size() == 1);
    CHECK(big.errors[0].where.rfind("/schedule/tasks/1/", 0) == 0);  // at task "B"
    CHECK(big.errors[0].message.find("more than 1000000 task-to-task links") != std::string::npos);
    const Network fine = compile_network(two_summaries(900));  // 810 000 links
    CHECK(fine.ok());
}

TEST_CASE("hostile: more tasks than the cap are refused by the network") {
    ScheduleSection s;
    s.tasks.resize(kMaxTasks + 1);
    const Network net = compile_network(s);
    REQUIRE(net.errors.size() == 1);
    CHECK(net.errors[0].message ==
          "100001 tasks: a schedule holds at most 100000 tasks (docs/plan-format.md, \"Limits\")");
}

TEST_CASE("hostile: the schedule Monte Carlo refuses iterations × (tasks + links + gate draws) above 1e9") {
    ScheduleProblem p;
    p.start = Date{20000};
    Task gate = fixed_task("g", 1);
    gate.kind = TaskKind::Gate;
    gate.gate.pass_probability = 0.0;
    gate.gate.max_loops = 100;
    for (int i = 0; i < 2000; ++i) {
        p.section.tasks.push_back(fixed_task("t" + std::to_string(i), 1));
        gate.gate.repeat.push_back("t" + std::to_string(i));
    }
    p.section.tasks.push_back(gate);
    // Each iteration can draw 100 × 2 001 rework values: 10 000 iterations are 2·10^9 draws.
    ScheduleMonteCarlo mc(McInput{p, 10000, 1});
    REQUIRE(mc.errors().size() == 1);
    CHECK(mc.errors()[0].message.find("must stay below 1 000 000 000") != std::string::npos);
    ScheduleMonteCarlo few(McInput{p, 100, 1});
    CHECK(few.errors().empty());
}

TEST_CASE("hostile: a calendar with 60 000 holidays in a row dates a task without walking them day by day") {
    ScheduleProblem p;
    p.start = *parse_iso_date("2027-01-04");  // a Monday
    for (int k = 0; k < 84000; ++k) {
        const Date d{p.start.days + 1 + k};
        if (weekday(d) < 5) p.section.calendar.holidays.push_back(d);  // every weekday after the start
    }
    p.section.tasks.push_back(fixed_task("a", 1));
    p.section.tasks.push_back(fixed_task("b", 1, {{"a", LinkType::FinishToStart, 0}}));
    const CpmResult r = run_cpm({p});
    REQUIRE(r.ok());
    // b starts on the first weekday after the holidays: 84 001 days after the start, then the next Monday.
    const Date after{p.start.days + 84001};
    Date expect = after;
    while (weekday(expect) >= 5) ++expect.days;
    CHECK(cpm_row(r, "b").es_date == expect);
}

// [SECTION] Tolerance -----------------------------------------------------------------------

TEST_CASE("hostile: a Cpk of 5e-324 is refused with a reason, not turned into NaN figures") {
    Stack s;
    s.id = "s";
    s.name = "s";
    s.lower_limit = 0.0;
    s.upper_limit = 2.0;
    Contributor c = contributor("k");
    c.distribution.by = NormalBy::Cpk;
    c.distribution.capability = 5e-324;
    s.contributors.push_back(c);
    const Issues e = validate_stack(s, StackCheck::ForAnalysis);
    REQUIRE(e.size() == 1);
    CHECK(e[0].where == "/contributors/0/distribution/cpk");
    CHECK(e[0].message.find("must be at least 1e-06") != std::string::npos);
    const StackReport rep = analyse_stack(s);
    CHECK_FALSE(rep.errors.empty());

    json p = plan_file();
    p["stacks"] = json::array({{{"id", "s"},
                                {"name", "s"},
                                {"contributors",
                                 json::array({{{"id", "k"},
                                               {"name", "k"},
                                               {"nominal", 1},
                                               {"tol_plus", 0.01},
                                               {"tol_minus", 0.01},
                                               {"distribution", {{"type", "normal"}, {"cpk", 5e-324}}}}})}}});
    const LoadResult r = load_plan(p.dump());
    CHECK(has_message(r.errors, "/stacks/0/contributors/0/distribution/cpk", "must be at least 1e-06"));
}

TEST_CASE("hostile: 10 000 contributors with 1 000 000 Monte Carlo samples are refused, naming the limit") {
    Stack s;
    s.id = "s";
    s.name = "s";
    for (int i = 0; i < 10000; ++i) s.contributors.push_back(contributor("k" + std::to_string(i)));
    MonteCarloOptions o;
    o.samples = 1000000;
    const MonteCarloRun run(s, o);
    REQUIRE(run.errors().size() == 1);
    CHECK(run.errors()[0].message.find("samples × contributors = 1000000 × 10000 must stay below 500 000 000") !=
          std::string::npos);
    o.samples = 20000;  // 2·10^8 draws: runs
    const MonteCarloRun fine(s, o);
    CHECK(fine.errors().empty());
    // The analytic figures of so many contributors need no limit.
    CHECK(analyse_stack(s).errors.empty());
}

TEST_CASE("hostile: duplicate contributor ids: one problem each, naming the first, in a stack and in a CSV") {
    Stack s;
    s.id = "s";
    s.name = "s";
    for (int i = 0; i < 3000; ++i) s.contributors.push_back(contributor("same"));
    const Issues e = validate_stack(s, StackCheck::InFile);
    REQUIRE(e.size() == kMaxIssuesListed + 1);
    CHECK(e[0].where == "/contributors/1/id");
    CHECK(e[0].message == "duplicate id \"same\" (also used at /contributors/0)");
    CHECK(e.back().message == "and 2899 more problems (only the first 100 are listed)");

    // A 100 KB table with one repeated id: was k(k−1)/2 problems (gigabytes of messages).
    std::string csv = "name,nominal,tol,id\n";
    while (csv.size() < 100000) csv += "a,1,0.01,x\n";
    const ContributorTable t = parse_contributor_table(csv);
    REQUIRE(t.errors.size() == kMaxIssuesListed + 1);
    CHECK(t.errors[0].where == "row 3, column \"id\"");
    CHECK(t.errors[0].message == "duplicate id \"x\" (also on row 2)");
    CHECK(t.errors[1].message == "duplicate id \"x\" (also on row 2)");
    CHECK(t.errors.back().message.rfind("and ", 0) == 0);
}

TEST_CASE("hostile: a loop of 5 000 vectors over 5 000 contributors resolves its references by lookup") {
    Stack s;
    s.id = "s";
    s.name = "s";
    s.loop.emplace();
    for (int i = 0; i < 5000; ++i) {
        s.contributors.push_back(contributor("k" + std::to_string(i)));
        LoopVector v;
        v.length_from = "k" + std::to_string(i);
        v.angle = 0;
        s.loop->vectors.push_back(v);
    }
    CHECK(validate_stack(s, StackCheck::ForAnalysis).empty());
    const StackReport rep = analyse_stack(s);
    REQUIRE(rep.errors.empty());
    CHECK(rep.worst_case.nominal == doctest::Approx(5000));
}

// [SECTION] Tables --------------------------------------------------------------------------

TEST_CASE("hostile: a table of more than 10 000 columns is refused, naming the limit") {
    std::string line;
    for (size_t c = 0; c <= kMaxFeatures; ++c) line += (c ? "," : "") + std::string("1");
    const TableReadResult t = read_table(line + "\n" + line + "\n");
    REQUIRE(t.errors.size() == 1);
    CHECK(t.errors[0].message ==
          "10001 columns: a table holds at most 10000 columns (docs/plan-format.md, \"Limits\")");
}

// [SECTION] Found by fuzzing (tests/fuzz/corpus/*) ------------------------------------------

TEST_CASE("fuzz: a contributor-table header of 150 unknown columns lists 100 problems, then how many more") {
    // tests/fuzz/corpus/fuzz_tables/contributor-header-of-many-unknown-columns: a plan file
    // read as a table, whose first line splits into 136 cells, none a column name.
    std::string header = "name,nominal,tol";
    for (int k = 0; k < 150; ++k) header += ",extra" + std::to_string(k);
    const ContributorTable t = parse_contributor_table(header + "\na,1,0.01\n");
    REQUIRE(t.errors.size() == kMaxIssuesListed + 1);
    CHECK(t.errors[0].where == "row 1, column \"extra0\"");
    CHECK(t.errors.back().message == "and 50 more problems (only the first 100 are listed)");
}
