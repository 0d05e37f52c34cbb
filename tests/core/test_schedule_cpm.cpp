// CPM: a published textbook network (every early/late time and float), precedence links
// with lags worked by hand, calendar dates of the result, cycles and bad input.
#include <doctest/doctest.h>

#include <cmath>
#include <map>

#include "schedule/cpm.h"
#include "schedule_support.h"

using namespace mf;

namespace {

Task task(const std::string& id, double d, std::vector<Dependency> preds = {}) {
    return mf::test::fixed_task(id, d, std::move(preds));
}

Dependency fs(const std::string& id, double lag = 0) { return {id, LinkType::FinishToStart, lag}; }
Dependency ss(const std::string& id, double lag = 0) { return {id, LinkType::StartToStart, lag}; }
Dependency ff(const std::string& id, double lag = 0) { return {id, LinkType::FinishToFinish, lag}; }

ScheduleProblem problem(std::vector<Task> tasks) {
    ScheduleProblem p;
    p.section.tasks = std::move(tasks);
    p.start = date_from_ymd(2027, 1, 4);  // a Monday
    return p;
}

const CpmTask& find(const CpmResult& r, const std::string& id) {
    for (const auto& t : r.tasks)
        if (t.id == id) return t;
    FAIL("no task " << id);
    return r.tasks.front();
}

}  // namespace

TEST_CASE("CPM: Reliable Construction Co. network (Hillier & Lieberman)") {
    // F. S. Hillier & G. J. Lieberman, Introduction to Operations Research (McGraw-Hill),
    // chapter "Project Management with PERT/CPM": Table "Activity list for the Reliable
    // Construction Co. project" (durations in weeks, here used as working days) and the
    // book's results: project duration 44, critical path A-B-C-E-F-J-L-N, slacks D 4, G 4,
    // H 4, I 2, K 1, M 4, all others 0. ES/EF/LS/LF below are the book's earliest/latest
    // times; free float is worked by hand: FF(i) = min over successors ES(j) − EF(i)
    // (to the project end 44 when none): D 22−22, G 29−29, H 38−38, I 25−23, K 38−37, M 44−40.
    CpmResult r = run_cpm({problem({
        task("A", 2),
        task("B", 4, {fs("A")}),
        task("C", 10, {fs("B")}),
        task("D", 6, {fs("C")}),
        task("E", 4, {fs("C")}),
        task("F", 5, {fs("E")}),
        task("G", 7, {fs("D")}),
        task("H", 9, {fs("E"), fs("G")}),
        task("I", 7, {fs("C")}),
        task("J", 8, {fs("F"), fs("I")}),
        task("K", 4, {fs("J")}),
        task("L", 5, {fs("J")}),
        task("M", 2, {fs("H")}),
        task("N", 6, {fs("K"), fs("L")}),
    })});
    REQUIRE(r.ok());
    CHECK(r.finish == 44);
    struct Row {
        const char* id;
        double es, ef, ls, lf, tf, ff;
    };
    const Row book[] = {
        {"A", 0, 2, 0, 2, 0, 0},     {"B", 2, 6, 2, 6, 0, 0},     {"C", 6, 16, 6, 16, 0, 0},
        {"D", 16, 22, 20, 26, 4, 0}, {"E", 16, 20, 16, 20, 0, 0}, {"F", 20, 25, 20, 25, 0, 0},
        {"G", 22, 29, 26, 33, 4, 0}, {"H", 29, 38, 33, 42, 4, 0}, {"I", 16, 23, 18, 25, 2, 2},
        {"J", 25, 33, 25, 33, 0, 0}, {"K", 33, 37, 34, 38, 1, 1}, {"L", 33, 38, 33, 38, 0, 0},
        {"M", 38, 40, 42, 44, 4, 4}, {"N", 38, 44, 38, 44, 0, 0},
    };
    for (const Row& b : book) {
        CAPTURE(b.id);
        const CpmTask& t = find(r, b.id);
        CHECK(t.es == b.es);
        CHECK(t.ef == b.ef);
        CHECK(t.ls == b.ls);
        CHECK(t.lf == b.lf);
        CHECK(t.total_float == b.tf);
        CHECK(t.free_float == b.ff);
        CHECK(t.critical == (b.tf == 0));
    }
    CHECK(r.critical_path == std::vector<std::string>{"A", "B", "C", "E", "F", "J", "L", "N"});
}

TEST_CASE("CPM: SS, FF and FS links with positive and negative lags (hand calculation)") {
    // Forward: A 0–5; B SS A+2: 2–5; C FF A+0: EF >= 5 so 1–5; D FS B−1: 4–6;
    // E FS C, FS D: 6–7; F free: 0–2; G SS A−2: max(0, −2) = 0, 0–3. T = 7.
    // Backward: E LF 7 LS 6; D LF 6 LS 4; C LF 6 LS 2; B LF = LS_D + 1 = 5, LS 2;
    // A: SS to B gives LS <= 0 (LF 5), FF to C gives LF <= 6 → LF 5, LS 0. F, G LF 7.
    // Free float: C: ES_E − EF_C = 1; F: 7 − 2 = 5; G: 7 − 3 = 4; A: min(ES_B − 2 − ES_A, EF_C − EF_A, ES_G + 2 − ES_A) = 0.
    CpmResult r = run_cpm({problem({
        task("A", 5),
        task("B", 3, {ss("A", 2)}),
        task("C", 4, {ff("A")}),
        task("D", 2, {fs("B", -1)}),
        task("E", 1, {fs("C"), fs("D")}),
        task("F", 2),
        task("G", 3, {ss("A", -2)}),
    })});
    REQUIRE(r.ok());
    CHECK(r.finish == 7);
    struct Row {
        const char* id;
        double es, ef, ls, lf, tf, ff;
    };
    const Row hand[] = {
        {"A", 0, 5, 0, 5, 0, 0}, {"B", 2, 5, 2, 5, 0, 0}, {"C", 1, 5, 2, 6, 1, 1}, {"D", 4, 6, 4, 6, 0, 0},
        {"E", 6, 7, 6, 7, 0, 0}, {"F", 0, 2, 5, 7, 5, 5}, {"G", 0, 3, 4, 7, 4, 4},
    };
    for (const Row& h : hand) {
        CAPTURE(h.id);
        const CpmTask& t = find(r, h.id);
        CHECK(t.es == h.es);
        CHECK(t.ef == h.ef);
        CHECK(t.ls == h.ls);
        CHECK(t.lf == h.lf);
        CHECK(t.total_float == h.tf);
        CHECK(t.free_float == h.ff);
    }
    CHECK(r.critical_path == std::vector<std::string>{"A", "B", "D", "E"});
    // Dates (Mon 2027-01-04 = day 0): A Mon 4th–Fri 8th; E starts day 6 = Tue 12th and ends the same day.
    CHECK(format_iso_date(find(r, "A").es_date) == "2027-01-04");
    CHECK(format_iso_date(find(r, "A").ef_date) == "2027-01-08");
    CHECK(format_iso_date(find(r, "E").es_date) == "2027-01-12");
    CHECK(format_iso_date(find(r, "E").ef_date) == "2027-01-12");
    CHECK(format_iso_date(find(r, "C").lf_date) == "2027-01-11");  // LF 6 → day 5 = Mon 11th
    CHECK(format_iso_date(r.finish_date) == "2027-01-12");
}

TEST_CASE("CPM: milestones, planned rework of a gate, deadline slack, fractional durations") {
    ScheduleProblem p = problem({task("A", 5), task("M", 0, {fs("A")}), task("B", 2.5, {fs("M")})});
    p.section.tasks[1].kind = TaskKind::Milestone;
    p.deadline = date_from_ymd(2027, 1, 15);  // Friday of week 2: 10 working days through it
    CpmResult r = run_cpm({p});
    REQUIRE(r.ok());
    // Milestone at offset 5 is dated like a finish: Friday 8th (the day A finished).
    CHECK(format_iso_date(find(r, "M").ef_date) == "2027-01-08");
    CHECK(find(r, "B").ef == 7.5);
    CHECK(format_iso_date(find(r, "B").ef_date) == "2027-01-13");  // ⌈7.5⌉ − 1 = day 7 = Wed 13th
    CHECK(*r.deadline_offset == 10);
    CHECK(*r.deadline_slack == 2.5);

    // A gate that assumes the first batch fails carries one loop: rework 3 + repeat of A (5).
    ScheduleProblem g = problem({task("A", 5), task("G", 1, {fs("A")}), task("Z", 1, {fs("G")})});
    g.section.tasks[1].kind = TaskKind::Gate;
    g.section.tasks[1].gate.pass_probability = 0.9;
    g.section.tasks[1].gate.rework = {2, 3, 6};
    g.section.tasks[1].gate.repeat = {"A"};
    g.section.tasks[1].gate.assume_first_fails = true;
    CpmResult rg = run_cpm({g});
    REQUIRE(rg.ok());
    CHECK(find(rg, "G").duration == 1 + 3 + 5);
    CHECK(rg.finish == 5 + 9 + 1);
    // Mean basis: PERT means (2 + 12 + 6)/6 for the rework.
    CpmResult rm = run_cpm({g, DurationBasis::Mean});
    CHECK(find(rm, "G").duration == doctest::Approx(1 + 20.0 / 6.0 + 5));
}

TEST_CASE("CPM: a dependency cycle is reported with the tasks in it") {
    CpmResult r = run_cpm({problem({task("start", 1), task("a", 2, {fs("start"), fs("c")}), task("b", 2, {fs("a")}),
                                    task("c", 2, {fs("b")}), task("after", 1, {fs("c")})})});
    REQUIRE(r.errors.size() == 1);
    // At the predecessors of a task on the cycle (a, b or c: tasks 1 to 3).
    const int on = issue_task_index(r.errors[0]);
    CHECK((on >= 1 && on <= 3));
    CHECK(r.errors[0].where == "/schedule/tasks/" + std::to_string(on) + "/predecessors");
    CHECK(r.errors[0].severity == Severity::Error);
    const std::string& m = r.errors[0].message;
    CHECK(m.find("dependency cycle") != std::string::npos);
    CHECK(m.find("\"a\"") != std::string::npos);
    CHECK(m.find("\"b\"") != std::string::npos);
    CHECK(m.find("\"c\"") != std::string::npos);
    CHECK(m.find("start") == std::string::npos);  // not on the cycle
    CHECK(m.find("after") == std::string::npos);

    CpmResult self = run_cpm({problem({task("x", 1, {fs("x")})})});
    REQUIRE(self.errors.size() == 1);
    CHECK(self.errors[0].message.find("depends on itself") != std::string::npos);
}

TEST_CASE("CPM: bad durations, lags and references give messages naming the task and field") {
    Task bad = task("t", 1);
    bad.optimistic = 5;
    bad.most_likely = 4;
    bad.pessimistic = 3;  // O > M > P
    Task nan = task("n", 1, {fs("t", std::nan(""))});
    Task huge = task("h", 1, {ss("t", 1e6)});
    Task ghost = task("g", 1, {fs("nobody")});
    Task twice = task("w", 1, {fs("t"), ss("t", 1)});
    Task neg = task("neg", 1);
    neg.optimistic = -1;
    CpmResult r = run_cpm({problem({bad, nan, huge, ghost, twice, neg})});
    // Tasks 0 … 5: t, n, h, g, w, neg.
    std::map<std::string, std::string> by;
    for (const auto& e : r.errors) by[e.where] = e.message;
    CHECK(by.count("/schedule/tasks/0/optimistic"));   // optimistic 5 is longer than most_likely 4
    CHECK(by.count("/schedule/tasks/0/pessimistic"));  // pessimistic 3 is shorter than most_likely 4
    CHECK(by["/schedule/tasks/0/optimistic"].find("optimistic 5 is longer than most_likely 4") != std::string::npos);
    CHECK(by.count("/schedule/tasks/1/predecessors/0/lag"));
    CHECK(by.count("/schedule/tasks/2/predecessors/0/lag"));
    CHECK(by["/schedule/tasks/3/predecessors/0"].find("\"nobody\" does not exist") != std::string::npos);
    CHECK(by["/schedule/tasks/4/predecessors/1"].find("listed twice") != std::string::npos);
    CHECK(by.count("/schedule/tasks/5/optimistic"));
    for (const auto& e : r.errors) CHECK(e.severity == Severity::Error);
    CHECK(r.tasks.empty());

    // A lead longer than the predecessor is allowed but warned about.
    CpmResult w = run_cpm({problem({task("a", 2), task("b", 1, {fs("a", -3)})})});
    REQUIRE(w.ok());
    REQUIRE(w.warnings.size() == 1);
    CHECK(w.warnings[0].where == "/schedule/tasks/1/predecessors/0/lag");
    CHECK(w.warnings[0].severity == Severity::Warning);
    CHECK(find(w, "b").es == 0);  // max(0, 2 − 3)

    CHECK_FALSE(run_cpm({problem({})}).ok());  // no tasks
}
