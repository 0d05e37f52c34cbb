// Task outline (summary tasks): rolled-up dates and floats worked by hand, validation messages
// at their JSON Pointers, indent/outdent, and the MSPDI/CSV exports of an outline.
#include <doctest/doctest.h>

#include <cmath>

#include "plan/plan_file.h"
#include "schedule/cpm.h"
#include "schedule/export.h"
#include "schedule/monte_carlo.h"
#include "schedule/outline.h"
#include "schedule_support.h"

using namespace mf;
using namespace mf::test;

namespace {

// A fixed-duration task under `parent` ("" = top level).
Task leaf(const std::string& id, double d, const std::string& parent = "", std::vector<Dependency> preds = {}) {
    return fixed_task(id, d, std::move(preds), parent);
}

// a(3) → [s: b(2) FS a; s2: c(2) SS+1 a] ; x(10) ; d(1) after b, c, x.
// File order a, s, b, s2, c, x, d.
ScheduleSection outline_example() {
    ScheduleSection s;
    s.tasks.push_back(leaf("a", 3));
    Task sum = leaf("s", 0);
    sum.optimistic = 4;
    sum.most_likely = 5;
    sum.pessimistic = 6;  // ignored: a summary
    s.tasks.push_back(sum);
    s.tasks.push_back(leaf("b", 2, "s", {{"a", LinkType::FinishToStart, 0}}));
    s.tasks.push_back(leaf("s2", 0, "s"));
    s.tasks.push_back(leaf("c", 2, "s2", {{"a", LinkType::StartToStart, 1}}));
    s.tasks.push_back(leaf("x", 10));
    s.tasks.push_back(leaf(
        "d", 1, "",
        {{"b", LinkType::FinishToStart, 0}, {"c", LinkType::FinishToStart, 0}, {"x", LinkType::FinishToStart, 0}}));
    return s;
}

std::string plan_text(const std::string& tasks) {
    return R"({"format": "microfab-plan", "version": 1, "project": {"name": "T", "units": "mm", "start_date": "2027-01-04"},
               "schedule": {"tasks": )" +
        tasks + "}}";
}

bool has_error(const LoadResult& r, const std::string& where, const std::string& text) {
    for (const auto& e : r.errors)
        if (e.where == where && e.message.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("outline: summary tasks roll up their subtasks' dates and floats (hand calculation)") {
    // Start Monday 2027-01-04, Mon–Fri. Forward pass (working-day offsets):
    //   a: ES 0, EF 3.  b: FS a → ES 3, EF 5.  c: SS a + 1 → ES 1, EF 3.  x: ES 0, EF 10.
    //   d: max(5, 3, 10) = 10, EF 11 = T.
    // Backward: d LS 10. b LF 10, LS 8 (TF 5). c LF 10, LS 8 (TF 7). x LF 10, LS 0 (TF 0).
    //   a: from b LF ≤ 8; from c (SS+1) LS ≤ 8 − 1 = 7 → LF ≤ 10; so LF 8, LS 5, TF 5.
    // Free floats: b 10 − 5 = 5, c 10 − 3 = 7.
    // s2 = {c}: ES 1, EF 3, LS 8, LF 10, TF 7, FF 7.
    // s = {b, s2}: ES min(3, 1) = 1, EF max(5, 3) = 5, LS min(8, 8) = 8, LF 10, TF min(5, 7) = 5,
    //   FF min(5, 7) = 5, duration EF − ES = 4: starts day 1 = Tue 2027-01-05, finishes day 4 =
    //   Fri 2027-01-08. Its own 4/5/6 durations are ignored.
    CpmInput in{ScheduleProblem{outline_example(), *parse_iso_date("2027-01-04"), std::nullopt}};
    CpmResult r = run_cpm(in);
    REQUIRE(r.ok());
    CHECK(r.finish == doctest::Approx(11));
    const CpmTask& s = cpm_row(r, "s");
    CHECK(s.summary);
    CHECK(s.es == doctest::Approx(1));
    CHECK(s.ef == doctest::Approx(5));
    CHECK(s.ls == doctest::Approx(8));
    CHECK(s.lf == doctest::Approx(10));
    CHECK(s.duration == doctest::Approx(4));
    CHECK(s.total_float == doctest::Approx(5));
    CHECK(s.free_float == doctest::Approx(5));
    CHECK_FALSE(s.critical);
    CHECK(format_iso_date(s.es_date) == "2027-01-05");
    CHECK(format_iso_date(s.ef_date) == "2027-01-08");
    const CpmTask& s2 = cpm_row(r, "s2");
    CHECK(s2.es == doctest::Approx(1));
    CHECK(s2.ef == doctest::Approx(3));
    CHECK(s2.total_float == doctest::Approx(7));
    CHECK(cpm_row(r, "a").total_float == doctest::Approx(5));
    CHECK(cpm_row(r, "b").total_float == doctest::Approx(5));
    CHECK(cpm_row(r, "c").total_float == doctest::Approx(7));
    CHECK_FALSE(cpm_row(r, "a").summary);
    CHECK(r.critical_path == std::vector<std::string>{"x", "d"});  // no summary in the path

    // Monte Carlo with fixed durations: the summary's finish is EF 5 in every iteration, it is
    // never critical, and its own (ignored) durations draw nothing.
    McResult mc = run_schedule_monte_carlo({in.problem, 50, 3});
    REQUIRE(mc.ok());
    CHECK(mc.p50 == doctest::Approx(11));
    CHECK(mc.tasks[1].p50_finish == doctest::Approx(5));
    CHECK(mc.tasks[1].mean_duration == doctest::Approx(4));
    CHECK(mc.tasks[1].criticality == 0);
    CHECK(mc.tasks[5].criticality == 1);  // x
    CHECK(mc.expected_duration_finish == doctest::Approx(11));

    // A critical subtask makes its summary critical: lengthen b to 7 → b EF 10, d ES 10 (tie
    // with x), b TF 0, so s is critical.
    ScheduleSection crit = outline_example();
    crit.tasks[2].optimistic = crit.tasks[2].most_likely = crit.tasks[2].pessimistic = 7;
    CpmResult rc = run_cpm({ScheduleProblem{crit, *parse_iso_date("2027-01-04"), std::nullopt}});
    REQUIRE(rc.ok());
    CHECK(cpm_row(rc, "s").critical);
    CHECK(cpm_row(rc, "s").ef == doctest::Approx(10));
    McResult mcc =
        run_schedule_monte_carlo({ScheduleProblem{crit, *parse_iso_date("2027-01-04"), std::nullopt}, 20, 1});
    CHECK(mcc.tasks[1].criticality == 1);
    CHECK(mcc.tasks[3].criticality == 0);  // s2 = {c}: float 7
}

TEST_CASE("outline: order, depth and outline numbers") {
    Outline o = build_outline(outline_example());
    CHECK(o.errors.empty());
    CHECK(o.order == std::vector<int>{0, 1, 2, 3, 4, 5, 6});
    CHECK(o.depth == std::vector<int>{0, 0, 1, 1, 2, 0, 0});
    CHECK(o.wbs == std::vector<std::string>{"1", "2", "2.1", "2.2", "2.2.1", "3", "4"});
    CHECK(o.summaries_bottom_up == std::vector<int>{3, 1});
    // A child written before its parent is still shown under it.
    ScheduleSection s;
    s.tasks = {leaf("k", 1, "p"), leaf("p", 0), leaf("q", 1)};
    o = build_outline(s);
    CHECK(o.order == std::vector<int>{1, 0, 2});
    CHECK(o.wbs == std::vector<std::string>{"1.1", "1", "2"});
}

TEST_CASE("outline: parent errors are reported at /schedule/tasks/i/parent") {
    LoadResult r = load_plan(plan_text(R"([
        {"id": "a", "name": "A", "optimistic": 1, "most_likely": 1, "pessimistic": 1, "parent": "nope"}])"));
    CHECK(has_error(r, "/schedule/tasks/0/parent", "parent \"nope\" does not exist"));

    r = load_plan(plan_text(R"([
        {"id": "a", "name": "A", "parent": "b"},
        {"id": "b", "name": "B", "parent": "c"},
        {"id": "c", "name": "C", "parent": "a"}])"));
    CHECK(has_error(r, "/schedule/tasks/0/parent", "parent cycle: \"a\" → \"b\" → \"c\" → \"a\""));

    r = load_plan(plan_text(R"([
        {"id": "m", "name": "M", "kind": "milestone"},
        {"id": "g", "name": "G", "kind": "gate", "gate": {"pass_probability": 0.9}},
        {"id": "a", "name": "A", "optimistic": 1, "most_likely": 1, "pessimistic": 1, "parent": "m"},
        {"id": "b", "name": "B", "optimistic": 1, "most_likely": 1, "pessimistic": 1, "parent": "g"}])"));
    CHECK(has_error(r, "/schedule/tasks/2/parent", "parent \"m\" is a milestone: only an ordinary task"));
    CHECK(has_error(r, "/schedule/tasks/3/parent", "parent \"g\" is a gate: only an ordinary task"));

    r = load_plan(
        plan_text(R"([{"id": "a", "name": "A", "optimistic": 1, "most_likely": 1, "pessimistic": 1, "parent": "a"}])"));
    CHECK(has_error(r, "/schedule/tasks/0/parent", "a task cannot be its own parent"));

    // A summary may leave its durations out; a parent written round-trips.
    r = load_plan(plan_text(R"([
        {"id": "s", "name": "S"},
        {"id": "a", "name": "A", "optimistic": 1, "most_likely": 2, "pessimistic": 3, "parent": "s"}])"));
    REQUIRE_MESSAGE(r.errors.empty(), (r.errors.empty() ? "" : to_string(r.errors[0])));
    CHECK(r.plan->schedule.tasks[1].parent == "s");
    LoadResult again = load_plan(save_plan(*r.plan));
    REQUIRE(again.errors.empty());
    CHECK(again.plan->schedule.tasks[1].parent == "s");
    // ... but a task that is no summary still needs them.
    r = load_plan(plan_text(R"([{"id": "s", "name": "S"}])"));
    CHECK(has_error(r, "/schedule/tasks/0/optimistic", ""));
}

TEST_CASE("outline: links to and from a summary task apply to its subtasks (MS Project's way)") {
    // a(3) →FS s{b(2), c(4)};  s →FS d(1);  s →FF+1 e(2).  Start Mon 2027-01-04, Mon–Fri.
    // Forward: a 0–3; b, c start at 3 (the link to s reaches each subtask): b 3–5, c 3–7;
    //   s = 3–7; d: ES = max(EF b, EF c) = 7, EF 8; e: EF ≥ 7 + 1 = 8 → ES 6. T = 8.
    // Backward: d LS 7, e LF 8. b: LF ≤ LS d = 7 and ≤ LF e − 1 = 7 → LF 7, LS 5, TF 2.
    //   c: LF 7, LS 3, TF 0. a: LF ≤ min(LS b, LS c) = 3, TF 0. s: TF min(2, 0) = 0.
    // Dates: s starts day 3 = Thu 2027-01-07, finishes day 6 = Tue 2027-01-12; d on Wed 2027-01-13.
    ScheduleSection sec;
    sec.tasks.push_back(leaf("a", 3));
    sec.tasks.push_back(leaf("s", 0, "", {{"a", LinkType::FinishToStart, 0}}));
    sec.tasks.push_back(leaf("b", 2, "s"));
    sec.tasks.push_back(leaf("c", 4, "s"));
    sec.tasks.push_back(leaf("d", 1, "", {{"s", LinkType::FinishToStart, 0}}));
    sec.tasks.push_back(leaf("e", 2, "", {{"s", LinkType::FinishToFinish, 1}}));
    CpmResult r = run_cpm({ScheduleProblem{sec, *parse_iso_date("2027-01-04"), std::nullopt}});
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : to_string(r.errors[0])));
    CHECK(r.finish == doctest::Approx(8));
    CHECK(cpm_row(r, "b").es == doctest::Approx(3));
    CHECK(cpm_row(r, "c").ef == doctest::Approx(7));
    CHECK(cpm_row(r, "d").es == doctest::Approx(7));
    CHECK(cpm_row(r, "e").es == doctest::Approx(6));
    CHECK(cpm_row(r, "b").total_float == doctest::Approx(2));
    CHECK(cpm_row(r, "b").lf == doctest::Approx(7));
    CHECK(cpm_row(r, "a").total_float == 0);
    CHECK(cpm_row(r, "s").critical);
    CHECK(format_iso_date(cpm_row(r, "s").es_date) == "2027-01-07");
    CHECK(format_iso_date(cpm_row(r, "s").ef_date) == "2027-01-12");
    CHECK(format_iso_date(cpm_row(r, "d").es_date) == "2027-01-13");
    CHECK(r.critical_path == std::vector<std::string>{"a", "c", "e", "d"});

    // Refused: FF to a summary, SS from a summary, a summary linked with its own subtask,
    // a summary in a gate's repeat list.
    ScheduleSection bad = sec;
    bad.tasks[1].predecessors[0].type = LinkType::FinishToFinish;
    bad.tasks[4].predecessors[0].type = LinkType::StartToStart;
    bad.tasks[3].predecessors.push_back({"s", LinkType::FinishToStart, 0});
    Task gate = leaf("g", 1, "", {{"d", LinkType::FinishToStart, 0}});
    gate.kind = TaskKind::Gate;
    gate.gate.pass_probability = 0.5;
    gate.gate.repeat = {"s"};
    bad.tasks.push_back(gate);
    auto has = [&bad](const Network& net, const std::string& id, const std::string& field, const std::string& text) {
        size_t i = 0;
        while (i < bad.tasks.size() && bad.tasks[i].id != id) ++i;
        for (const auto& e : net.errors)
            if (e.where == "/schedule/tasks/" + std::to_string(i) + "/" + field &&
                e.message.find(text) != std::string::npos)
                return true;
        return false;
    };
    Network net = compile_network(bad);
    CHECK(has(net, "s", "predecessors/0",
              "\"s\" is a summary task: a finish-to-finish link to a summary task is not supported"));
    CHECK(has(net, "d", "predecessors/0",
              "predecessor \"s\" is a summary task: a start-to-start link from a summary task is not supported"));
    CHECK(has(net, "c", "predecessors/0", "a summary task cannot be linked with its own subtask (\"s\" and \"c\")"));
    CHECK(has(net, "g", "gate/repeat/0", "\"s\" is a summary task: list its subtasks to repeat instead"));
}

TEST_CASE("outline: indent and outdent (MS Project's rules)") {
    ScheduleSection s;
    s.tasks = {leaf("a", 1), leaf("b", 1), leaf("c", 1), leaf("d", 1)};
    CHECK(indent_task(s, "a") == "\"a\" has no task above it at the same level to go under");
    CHECK(indent_task(s, "b") == "");
    CHECK(s.tasks[1].parent == "a");
    CHECK(indent_task(s, "c") == "");  // nearest above at level 0 is a (b is deeper)
    CHECK(s.tasks[2].parent == "a");
    CHECK(indent_task(s, "c") == "");  // now under b (the nearest above at level 1)
    CHECK(s.tasks[2].parent == "b");
    Outline o = build_outline(s);
    CHECK(o.wbs == std::vector<std::string>{"1", "1.1", "1.1.1", "2"});
    CHECK(outdent_task(s, "b") == "");  // b to the top; c stays under b
    o = build_outline(s);
    CHECK(s.tasks[1].parent.empty());
    CHECK(o.wbs == std::vector<std::string>{"1", "2", "2.1", "3"});
    CHECK(outdent_task(s, "a") == "\"a\" is already at the top level");

    // Outdenting a middle child: it moves after its former parent's other children.
    ScheduleSection m;
    m.tasks = {leaf("p", 0), leaf("k1", 1, "p"), leaf("k2", 1, "p"), leaf("k3", 1, "p")};
    CHECK(outdent_task(m, "k2") == "");
    CHECK(m.tasks[3].id == "k2");
    CHECK(m.tasks[3].parent.empty());
    CHECK(build_outline(m).wbs == std::vector<std::string>{"1", "1.1", "1.2", "2"});

    // Not under a milestone; y (FS from x) goes under x and loses that link (a summary may not
    // be linked with its own subtask); k may not go under u when u has an FF predecessor (FF to
    // a summary is refused), but may when u's link is FS.
    ScheduleSection bad;
    bad.tasks = {leaf("m", 0), leaf("x", 1), leaf("y", 1, "", {{"x", LinkType::FinishToStart, 0}})};
    bad.tasks[0].kind = TaskKind::Milestone;
    CHECK(indent_task(bad, "x") == "\"m\" is a milestone: only an ordinary task can have subtasks");
    CHECK(indent_task(bad, "y") == "");  // y's link from x goes: x is now its summary
    CHECK(bad.tasks[2].parent == "x");
    CHECK(bad.tasks[2].predecessors.empty());
    ScheduleSection ff;
    ff.tasks = {leaf("w", 1), leaf("u", 2, "", {{"w", LinkType::FinishToFinish, 0}}), leaf("k", 1)};
    CHECK(indent_task(ff, "k").find("a finish-to-finish link to a summary task is not supported") != std::string::npos);
    CHECK(ff.tasks[2].parent.empty());
    ScheduleSection ok;
    ok.tasks = {leaf("w", 1), leaf("u", 2, "", {{"w", LinkType::FinishToStart, 0}}), leaf("k", 1)};
    CHECK(indent_task(ok, "k") == "");  // u becomes a summary with an FS link: fine
    CHECK(ok.tasks[2].parent == "u");
}

TEST_CASE("outline: MSPDI and CSV exports carry the outline") {
    ScheduleExportInput in;
    in.title = "Outline";
    in.problem = ScheduleProblem{outline_example(), *parse_iso_date("2027-01-04"), std::nullopt};
    in.cpm = run_cpm({in.problem});
    REQUIRE(in.cpm.ok());
    const std::string x = export_mspdi(in);
    // s (UID 2): level 1, WBS 2, summary, Tue 08:00 – Fri 17:00.
    const auto at = x.find("<UID>2</UID>");
    REQUIRE(at != std::string::npos);
    const std::string s_task = x.substr(at, x.find("</Task>", at) - at);
    CHECK(s_task.find("<WBS>2</WBS>") != std::string::npos);
    CHECK(s_task.find("<OutlineLevel>1</OutlineLevel>") != std::string::npos);
    CHECK(s_task.find("<Summary>1</Summary>") != std::string::npos);
    CHECK(s_task.find("<Start>2027-01-05T08:00:00</Start>") != std::string::npos);
    CHECK(s_task.find("<Finish>2027-01-08T17:00:00</Finish>") != std::string::npos);
    const auto c_at = x.find("<UID>5</UID>");
    const std::string c_task = x.substr(c_at, x.find("</Task>", c_at) - c_at);
    CHECK(c_task.find("<OutlineNumber>2.2.1</OutlineNumber>") != std::string::npos);
    CHECK(c_task.find("<OutlineLevel>3</OutlineLevel>") != std::string::npos);
    CHECK(c_task.find("<Summary>0</Summary>") != std::string::npos);

    const std::string csv = export_csv(in);
    CHECK(csv.find(",target,parent,wbs\r\n") != std::string::npos);
    CHECK(csv.find(",s2,2.2.1\r\n") != std::string::npos);  // c's row ends with its parent and number
}
