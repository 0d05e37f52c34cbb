// Start-to-finish links (issue 16): the successor cannot finish before the predecessor starts
// + lag (MS Project's SF, MSPDI Type 2). CPM against a hand calculation, on one calendar and on
// the common axis of task calendars; PERT and a zero-spread Monte Carlo agree with it; the
// MSPDI export writes Type 2; the plan file keeps "SF". docs/schedule.md, "Critical path method".
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "plan/plan_file.h"
#include "schedule/export.h"
#include "schedule/monte_carlo.h"
#include "schedule/pert.h"
#include "schedule_support.h"

using namespace mf;
using namespace mf::test;

namespace {

Dependency fs(const std::string& id, double lag = 0) { return {id, LinkType::FinishToStart, lag}; }
Dependency sf(const std::string& id, double lag = 0) { return {id, LinkType::StartToFinish, lag}; }

// Start Monday 2027-01-04, Monday–Friday (working day t = the t-th weekday: 0 Mon 01-04,
// 1 Tue 01-05, 4 Fri 01-08, 6 Tue 01-12, 8 Thu 01-14, 9 Fri 01-15).
//   a: 4 days                     ES 0, EF 4
//   b: 3 days, FS a               ES = EF_a = 4, EF 7
//   c: 2 days, SF b lag 6         EF_c ≥ ES_b + 6 = 10  →  ES 8, EF 10
//   e: 1 day,  SF a lag 2         EF_e ≥ ES_a + 2 = 2   →  ES 1, EF 2
//   T = max EF = 10.
// Backward (LF = T = 10 for every task, then through the links, successors first):
//   c: LF 10, LS 8;  SF b→c: LS_b ≤ LF_c − 6 = 4, so LF_b ≤ 4 + 3 = 7
//   e: LF 10, LS 9;  SF a→e: LS_a ≤ LF_e − 2 = 8, so LF_a ≤ 8 + 4 = 12 (not binding)
//   b: LF 7, LS 4;   FS a→b: LF_a ≤ LS_b = 4
//   a: LF 4, LS 0
// Total float LS − ES: a 0, b 0, c 0, e 8.
// Free float (least slack to a successor's constraint, and T − EF):
//   a: FS b: ES_b − EF_a = 0; SF e: EF_e − 2 − ES_a = 0       → 0
//   b: SF c: EF_c − 6 − ES_b = 10 − 6 − 4 = 0                 → 0
//   c: T − EF = 0;  e: T − EF = 10 − 2 = 8
ScheduleProblem sf_network() {
    ScheduleProblem p;
    p.start = date_from_ymd(2027, 1, 4);
    p.section.tasks = {fixed_task("a", 4), fixed_task("b", 3, {fs("a")}), fixed_task("c", 2, {sf("b", 6)}),
                       fixed_task("e", 1, {sf("a", 2)})};
    return p;
}

struct Expected {
    const char* id;
    double es, ef, ls, lf, tf, ff;
    const char *es_date, *ef_date;
};
const Expected kHand[] = {
    {"a", 0, 4, 0, 4, 0, 0, "2027-01-04", "2027-01-07"},    // days 0–3: Mon–Thu
    {"b", 4, 7, 4, 7, 0, 0, "2027-01-08", "2027-01-12"},    // days 4–6: Fri, Mon, Tue
    {"c", 8, 10, 8, 10, 0, 0, "2027-01-14", "2027-01-15"},  // days 8–9: Thu, Fri
    {"e", 1, 2, 9, 10, 8, 8, "2027-01-05", "2027-01-05"},   // day 1: Tue
};

void check_hand(const CpmResult& r) {
    REQUIRE(r.ok());
    CHECK(r.finish == doctest::Approx(10).epsilon(1e-12));
    CHECK(format_iso_date(r.finish_date) == "2027-01-15");
    for (const Expected& x : kHand) {
        CAPTURE(x.id);
        const CpmTask& t = cpm_row(r, x.id);
        CHECK(t.es == doctest::Approx(x.es).epsilon(1e-12));
        CHECK(t.ef == doctest::Approx(x.ef).epsilon(1e-12));
        CHECK(t.ls == doctest::Approx(x.ls).epsilon(1e-12));
        CHECK(t.lf == doctest::Approx(x.lf).epsilon(1e-12));
        CHECK(t.total_float == doctest::Approx(x.tf).epsilon(1e-12));
        CHECK(t.free_float == doctest::Approx(x.ff).epsilon(1e-12));
        CHECK(t.critical == (x.tf == 0));
        CHECK(format_iso_date(t.es_date) == x.es_date);
        CHECK(format_iso_date(t.ef_date) == x.ef_date);
    }
    CHECK(r.critical_path == std::vector<std::string>{"a", "b", "c"});
}

}  // namespace

TEST_CASE("start-to-finish: CPM forward and backward pass against the hand calculation") {
    check_hand(run_cpm({sf_network()}));
}

TEST_CASE("start-to-finish: the same on the common axis of task calendars") {
    // c and e work on a calendar of their own with the same weeks: the multi-calendar passes
    // (multi_calendar.h) must give the hand figures, the conversions being the identity.
    ScheduleProblem p = sf_network();
    p.section.calendars = {{"same", "Same weeks", WorkCalendar{}}};
    p.section.tasks[2].calendar = "same";
    p.section.tasks[3].calendar = "same";
    const CpmResult r = run_cpm({p});
    check_hand(r);
    CHECK(cpm_row(r, "c").calendar == "same");
}

TEST_CASE("start-to-finish: a calendar with a holiday moves the finish by the hand count") {
    // c works on a calendar where Thu 2027-01-14 is a holiday. On the common axis (calendar days
    // from Mon 01-04): ES_b = 4 is Fri 01-08 (position 4). c's working days: 0 Mon 01-04 … 7 Wed
    // 01-13, then Fri 01-15 = 8, Mon 01-18 = 9. The link, in c's calendar: EF_c ≥ W_c(S_b(4)) + 6
    // = 4 + 6 = 10 (c's working days 0–9 end Mon 01-18), so c runs days 8–9, Fri 01-15 to
    // Mon 01-18, and the project finishes Mon 01-18.
    ScheduleProblem p = sf_network();
    WorkCalendar cal;
    cal.holidays = {date_from_ymd(2027, 1, 14)};
    p.section.calendars = {{"h", "With a holiday", cal}};
    p.section.tasks[2].calendar = "h";
    const CpmResult r = run_cpm({p});
    REQUIRE(r.ok());
    const CpmTask& c = cpm_row(r, "c");
    CHECK(c.es == doctest::Approx(8).epsilon(1e-12));
    CHECK(c.ef == doctest::Approx(10).epsilon(1e-12));
    CHECK(format_iso_date(c.es_date) == "2027-01-15");
    CHECK(format_iso_date(c.ef_date) == "2027-01-18");
    CHECK(format_iso_date(r.finish_date) == "2027-01-18");
    // In project working days the finish is Mon 01-18 = working day 10, ending day 10: T = 11.
    CHECK(r.finish == doctest::Approx(11).epsilon(1e-12));
    // b drives c through the SF link: LS_b ≤ W_b(S_c(LF_c − 6)) with LF_c = W_c(T) = 10:
    // S_c(4) = Fri 01-08 = project working day 4, so LS_b = 4 and b stays critical.
    CHECK(cpm_row(r, "b").total_float == doctest::Approx(0).epsilon(1e-12));
}

TEST_CASE("start-to-finish: PERT and a zero-spread Monte Carlo equal the CPM") {
    const ScheduleProblem p = sf_network();
    const PertResult pert = run_pert({p, std::nullopt});
    REQUIRE(pert.ok());
    CHECK(pert.expected_finish == doctest::Approx(10).epsilon(1e-12));
    CHECK(pert.sd == 0);
    CHECK(pert.critical_path == std::vector<std::string>{"a", "b", "c"});  // c is driven through SF

    const McResult mc = run_schedule_monte_carlo({p, 200, 3});
    REQUIRE(mc.ok());
    CHECK(mc.p10 == doctest::Approx(10).epsilon(1e-12));
    CHECK(mc.p95 == doctest::Approx(10).epsilon(1e-12));
    CHECK(mc.deterministic_finish == doctest::Approx(10).epsilon(1e-12));
    CHECK(format_iso_date(mc.p50_date) == "2027-01-15");
    for (const McTaskStats& t : mc.tasks) {
        CAPTURE(t.id);
        CHECK(t.criticality == doctest::Approx(t.id == "e" ? 0.0 : 1.0));
    }
}

TEST_CASE("start-to-finish: MSPDI Type 2, CSV and the plan file keep the link") {
    ScheduleExportInput in;
    in.title = "SF";
    in.problem = sf_network();
    in.cpm = run_cpm({in.problem});
    const std::string x = export_mspdi(in);
    // c (UID 3) from b (UID 2): Type 2, lag 6 working days = 6 × 4800 tenths of a minute.
    CHECK(x.find("      <PredecessorLink>\n        <PredecessorUID>2</PredecessorUID>\n        <Type>2</Type>\n"
                 "        <CrossProject>0</CrossProject>\n        <LinkLag>28800</LinkLag>\n") != std::string::npos);
    CHECK(export_csv(in).find(",b SF+6,") != std::string::npos);

    const std::string text =
        R"({"format": "microfab-plan", "version": 1, "project": {"name": "T", "units": "mm", "start_date": "2027-01-04"},
            "schedule": {"tasks": [{"id": "a", "name": "A", "optimistic": 1, "most_likely": 2, "pessimistic": 3},
              {"id": "b", "name": "B", "optimistic": 1, "most_likely": 2, "pessimistic": 3,
               "predecessors": [{"task": "a", "type": "SF", "lag": 1.5}]}]}})";
    const LoadResult r = load_plan(text);
    REQUIRE(r.errors.empty());
    CHECK(r.plan->schedule.tasks[1].predecessors[0] == Dependency{"a", LinkType::StartToFinish, 1.5});
    const std::string saved = save_plan(*r.plan);
    CHECK(nlohmann::json::parse(saved)["schedule"]["tasks"][1]["predecessors"][0]["type"] == "SF");
    const LoadResult again = load_plan(saved);
    REQUIRE(again.plan);
    CHECK(again.plan->schedule == r.plan->schedule);
}

TEST_CASE("start-to-finish: refused into and out of a summary task, as MS Project does") {
    ScheduleProblem p = sf_network();
    p.section.tasks.push_back(fixed_task("s", 0));
    p.section.tasks.push_back(fixed_task("s1", 1, {}, "s"));
    p.section.tasks.push_back(fixed_task("x", 1, {sf("s")}));
    Network net = compile_network(p.section);
    REQUIRE(net.errors.size() == 1);
    CHECK(net.errors[0].where == "/schedule/tasks/6/predecessors/0");
    CHECK(net.errors[0].message ==
          "predecessor \"s\" is a summary task: a start-to-finish link from a summary task is not supported (link "
          "from its first subtask)");
    p.section.tasks[6].predecessors = {};
    p.section.tasks[4].predecessors = {sf("a")};
    net = compile_network(p.section);
    REQUIRE(net.errors.size() == 1);
    CHECK(net.errors[0].message ==
          "\"s\" is a summary task: a start-to-finish link to a summary task is not supported (use FS or SS, or "
          "link its last subtask)");
}
