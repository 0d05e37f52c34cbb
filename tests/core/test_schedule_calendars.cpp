// Per-task and per-partner calendars: a schedule worked by hand on two calendars (dates written
// out below), floats in mixed calendars, the Monte Carlo on the common axis, references and
// the file form, and the MSPDI export of the calendars.
#include <doctest/doctest.h>

#include "plan/plan_file.h"
#include "schedule/cpm.h"
#include "schedule/export.h"
#include "schedule/monte_carlo.h"
#include "schedule/multi_calendar.h"
#include "schedule_support.h"

using namespace mf;
using namespace mf::test;

namespace {

// Project calendar Mon–Fri. The partner "p-shop" works Mon–Sat on calendar "shop", which has a
// holiday of its own on Wed 2027-01-06 (the project works that day). Start Mon 2027-01-04.
//   a (project)             3 d
//   b (partner p-shop)      4 d, FS a
//   c (project)             2 d, FS b + 1 (the lag in c's calendar)
//   d (own calendar shop)   3 d, SS a + 2 (the lag in d's calendar)
//   e (project)             1 d, FS d
ScheduleSection two_calendars() {
    ScheduleSection s;
    NamedCalendar shop;
    shop.id = "shop";
    shop.name = "Shop, Mon–Sat";
    shop.calendar.working = {true, true, true, true, true, true, false};
    shop.calendar.holidays = {*parse_iso_date("2027-01-06")};
    s.calendars.push_back(shop);
    s.partner_calendars["p-shop"] = "shop";
    s.tasks.push_back(fixed_task("a", 3));
    Task b = fixed_task("b", 4, {{"a", LinkType::FinishToStart, 0}});
    b.partner_id = "p-shop";
    s.tasks.push_back(b);
    s.tasks.push_back(fixed_task("c", 2, {{"b", LinkType::FinishToStart, 1}}));
    Task d = fixed_task("d", 3, {{"a", LinkType::StartToStart, 2}});
    d.calendar = "shop";
    s.tasks.push_back(d);
    s.tasks.push_back(fixed_task("e", 1, {{"d", LinkType::FinishToStart, 0}}));
    return s;
}

std::string iso(Date d) { return format_iso_date(d); }

}  // namespace

TEST_CASE("calendars: two calendars worked by hand (partner Mon–Sat with its own holiday)") {
    // Days from the origin: Mon 4 = 0, Tue 5 = 1, Wed 6 = 2, Thu 7 = 3, Fri 8 = 4, Sat 9 = 5,
    // Sun 10 = 6, Mon 11 = 7, Tue 12 = 8, Wed 13 = 9, Thu 14 = 10, Fri 15 = 11.
    // Shop working days: 0 Mon 4, 1 Tue 5, 2 Thu 7 (Wed 6 is its holiday), 3 Fri 8, 4 Sat 9,
    // 5 Mon 11, 6 Tue 12, 7 Wed 13, 8 Thu 14.  Project: 0–4 Mon 4–Fri 8, 5 Mon 11, 6 Tue 12 …
    // Forward:
    //   a: project days 0–3: Mon 4 – Wed 6, ends at the end of Wed 6.
    //   b: shop days before Thu 7 = 2 (Mon, Tue) → ES 2 = Thu 7; 4 days Thu 7, Fri 8, Sat 9,
    //      Mon 11 → EF 6, ends at the end of Mon 11.  (Without the shop's holiday it would
    //      start on Wed 6.)
    //   c: project days before Tue 12 = 6, + lag 1 → ES 7 = Wed 13; EF 9: Wed 13 – Thu 14.
    //   d: SS a + 2 in the shop calendar: shop day 0 + 2 = 2 → Thu 7; 3 days → Thu 7 – Sat 9, EF 5.
    //   e: project days before Sun 10 = 5 → ES 5 = Mon 11, EF 6 (Mon 11).
    //   Finish: end of Thu 14 (c) = project working day 9.
    // Backward (T = end of Thu 14: 9 project days, 9 shop days):
    //   e: LF 9, LS 8 (Thu 14) → TF 3 project days.  d: X = start of project day 8 = Thu 14,
    //   shop days before it = 8 → LF 8 (Wed 13), LS 5 (Mon 11) → TF 3 shop days.
    //   c: LF 9, LS 7, TF 0.  b: X = start of project day 7 − 1 = 6 (Tue 12) → shop days before
    //   = 6 → LF 6, LS 2, TF 0.  a: from b: X = start of shop day 2 (Thu 7) → 3 project days →
    //   LF 3; from d (SS + 2): X = start of shop day 5 − 2 = 3 (Fri 8) → LS ≤ 4, LF ≤ 7 → LF 3, TF 0.
    // Free floats: d → e: shop days before Mon 11 = 5 − EF 5 = 0; e: 9 − 6 = 3.
    ScheduleProblem p{two_calendars(), *parse_iso_date("2027-01-04"), *parse_iso_date("2027-01-14")};
    CpmResult r = run_cpm({p});
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : to_string(r.errors[0])));
    CHECK(iso(cpm_row(r, "a").es_date) == "2027-01-04");
    CHECK(iso(cpm_row(r, "a").ef_date) == "2027-01-06");
    CHECK(iso(cpm_row(r, "b").es_date) == "2027-01-07");
    CHECK(iso(cpm_row(r, "b").ef_date) == "2027-01-11");
    CHECK(cpm_row(r, "b").es == doctest::Approx(2));
    CHECK(cpm_row(r, "b").ef == doctest::Approx(6));
    CHECK(cpm_row(r, "b").calendar == "shop");
    CHECK(iso(cpm_row(r, "c").es_date) == "2027-01-13");
    CHECK(iso(cpm_row(r, "c").ef_date) == "2027-01-14");
    CHECK(iso(cpm_row(r, "d").es_date) == "2027-01-07");
    CHECK(iso(cpm_row(r, "d").ef_date) == "2027-01-09");  // a Saturday: the shop works it
    CHECK(iso(cpm_row(r, "e").es_date) == "2027-01-11");
    CHECK(iso(cpm_row(r, "e").ef_date) == "2027-01-11");
    CHECK(r.finish == doctest::Approx(9));
    CHECK(r.finish_position == doctest::Approx(11));
    CHECK(iso(r.finish_date) == "2027-01-14");
    CHECK(r.critical_path == std::vector<std::string>{"a", "b", "c"});
    // Floats in mixed calendars.
    CHECK(cpm_row(r, "d").total_float == doctest::Approx(3));  // shop days
    CHECK(cpm_row(r, "d").ls == doctest::Approx(5));
    CHECK(cpm_row(r, "d").lf == doctest::Approx(8));
    CHECK(iso(cpm_row(r, "d").ls_date) == "2027-01-11");
    CHECK(iso(cpm_row(r, "d").lf_date) == "2027-01-13");
    CHECK(cpm_row(r, "d").free_float == doctest::Approx(0));
    CHECK(cpm_row(r, "e").total_float == doctest::Approx(3));  // project days
    CHECK(cpm_row(r, "e").free_float == doctest::Approx(3));
    CHECK(iso(cpm_row(r, "e").ls_date) == "2027-01-14");
    CHECK(cpm_row(r, "a").lf == doctest::Approx(3));
    CHECK(cpm_row(r, "b").total_float == 0);
    CHECK(cpm_row(r, "a").critical);
    CHECK_FALSE(cpm_row(r, "d").critical);
    // Deadline Thu 14: met with no slack.
    REQUIRE(r.deadline_met);
    CHECK(*r.deadline_met);
    CHECK(*r.deadline_slack == doctest::Approx(0));

    // The Monte Carlo with fixed durations lands on the same dates.
    McResult mc = run_schedule_monte_carlo({p, 40, 5});
    REQUIRE(mc.ok());
    CHECK(iso(mc.p50_date) == "2027-01-14");
    CHECK(mc.p50 == doctest::Approx(9));
    CHECK(mc.deterministic_finish == doctest::Approx(9));
    CHECK(*mc.probability_meet_deadline == 1);
    CHECK(mc.tasks[1].criticality == 1);  // b
    CHECK(mc.tasks[3].criticality == 0);  // d
    CHECK(iso(mc.tasks[3].p50_finish_date) == "2027-01-09");
    CHECK(mc.tasks[3].p50_finish == doctest::Approx(5));  // in the shop's working days
    ScheduleProblem early = p;
    early.deadline = *parse_iso_date("2027-01-13");
    CHECK(*run_schedule_monte_carlo({early, 40, 5}).probability_meet_deadline == 0);
    CHECK_FALSE(*run_cpm({early}).deadline_met);
}

TEST_CASE("calendars: a finish on a day the project does not work is late for a deadline the day before") {
    // One shop task of 6 days from Mon 4: Mon 4 – Sat 9 without the holiday. Deadline Fri 8:
    // in project working days the finish counts as the end of Fri 8 (5), but the date is later.
    ScheduleSection s = two_calendars();
    s.calendars[0].calendar.holidays.clear();
    s.tasks = {fixed_task("x", 6)};
    s.tasks[0].calendar = "shop";
    CpmResult r = run_cpm({ScheduleProblem{s, *parse_iso_date("2027-01-04"), *parse_iso_date("2027-01-08")}});
    REQUIRE(r.ok());
    CHECK(iso(r.finish_date) == "2027-01-09");
    CHECK(r.finish == doctest::Approx(5));
    CHECK_FALSE(*r.deadline_met);
    McResult mc = run_schedule_monte_carlo(
        {ScheduleProblem{s, *parse_iso_date("2027-01-04"), *parse_iso_date("2027-01-08")}, 10, 1});
    CHECK(*mc.probability_meet_deadline == 0);
}

TEST_CASE("calendars: unused calendars change nothing; the common axis agrees with one calendar") {
    ScheduleSection s = two_calendars();
    for (auto& t : s.tasks) t.calendar.clear(), t.partner_id.clear();
    CpmResult with = run_cpm({ScheduleProblem{s, *parse_iso_date("2027-01-04"), std::nullopt}});
    s.calendars.clear();
    s.partner_calendars.clear();
    CpmResult without = run_cpm({ScheduleProblem{s, *parse_iso_date("2027-01-04"), std::nullopt}});
    REQUIRE(with.ok());
    REQUIRE(with.tasks.size() == without.tasks.size());
    for (size_t i = 0; i < with.tasks.size(); ++i) {
        CHECK(with.tasks[i].es == without.tasks[i].es);
        CHECK(with.tasks[i].lf == without.tasks[i].lf);
        CHECK(with.tasks[i].ef_date == without.tasks[i].ef_date);
    }
    // A named calendar equal to the project calendar goes through the multi-calendar passes
    // and gives the one-calendar figures.
    ScheduleSection same = two_calendars();
    same.calendars[0].calendar = same.calendar;
    CpmResult multi = run_cpm({ScheduleProblem{same, *parse_iso_date("2027-01-04"), std::nullopt}});
    for (auto& t : same.tasks) t.calendar.clear(), t.partner_id.clear();
    CpmResult one = run_cpm({ScheduleProblem{same, *parse_iso_date("2027-01-04"), std::nullopt}});
    REQUIRE(multi.ok());
    CHECK(multi.finish == doctest::Approx(one.finish));
    for (size_t i = 0; i < one.tasks.size(); ++i) {
        CHECK(multi.tasks[i].es == doctest::Approx(one.tasks[i].es));
        CHECK(multi.tasks[i].ls == doctest::Approx(one.tasks[i].ls));
        CHECK(multi.tasks[i].free_float == doctest::Approx(one.tasks[i].free_float));
        CHECK(multi.tasks[i].es_date == one.tasks[i].es_date);
        CHECK(multi.tasks[i].lf_date == one.tasks[i].lf_date);
    }
    // Conversions: W(S(w)) = w, and F ends a whole working day at the end of that day.
    CalendarSet cs = resolve_calendars(two_calendars(), nullptr);
    TimeAxis axis(cs, *parse_iso_date("2027-01-04"), 100);
    CHECK(axis.start_pos(1, 2) == 3);   // shop day 2 = Thu 7
    CHECK(axis.finish_pos(1, 5) == 6);  // end of Sat 9
    CHECK(axis.work(1, 6) == 5);
    CHECK(axis.work(0, 6) == 5);  // the project calendar: Mon 4 – Fri 8
    CHECK(axis.start_pos(1, 2.5) == doctest::Approx(3.5));
    CHECK(axis.work(1, 2.5) == doctest::Approx(2));  // Wed 6 is a shop holiday: no working time in it
    CHECK(axis.start_pos(0, 700) == doctest::Approx(axis.clock(0).date_of_day(700).days - axis.origin().days));
}

TEST_CASE("calendars: the file form, references and errors") {
    const std::string text = R"({"format": "microfab-plan", "version": 1,
      "project": {"name": "T", "units": "mm", "start_date": "2027-01-04"},
      "decision": {"partners": [{"id": "p-shop", "name": "Shop", "kind": "boutique"}]},
      "schedule": {
        "calendars": [{"id": "shop", "name": "Shop", "working_days": ["mon", "tue", "wed", "thu", "fri", "sat"],
                       "holidays": ["2027-01-06"]}],
        "partner_calendars": {"p-shop": "shop"},
        "tasks": [{"id": "a", "name": "A", "optimistic": 1, "most_likely": 1, "pessimistic": 1, "calendar": "shop"},
                  {"id": "b", "name": "B", "optimistic": 1, "most_likely": 1, "pessimistic": 1, "partner": "p-shop"}]}})";
    LoadResult r = load_plan(text);
    REQUIRE_MESSAGE(r.errors.empty(), (r.errors.empty() ? "" : to_string(r.errors[0])));
    const ScheduleSection& s = r.plan->schedule;
    REQUIRE(s.calendars.size() == 1);
    CHECK(s.calendars[0].calendar.working[5]);
    CHECK(s.calendars[0].calendar.holidays.size() == 1);
    CHECK(s.partner_calendars.at("p-shop") == "shop");
    CHECK(s.tasks[0].calendar == "shop");
    LoadResult again = load_plan(save_plan(*r.plan));
    REQUIRE(again.errors.empty());
    CHECK(again.plan->schedule.calendars[0].name == "Shop");
    CHECK(again.plan->schedule.tasks[0].calendar == "shop");
    // A plan without calendars is written without the new keys.
    Plan flat = *r.plan;
    flat.schedule.calendars.clear();
    flat.schedule.partner_calendars.clear();
    flat.schedule.tasks[0].calendar.clear();
    const std::string saved = save_plan(flat);
    CHECK(saved.find("\"calendars\"") == std::string::npos);
    CHECK(saved.find("partner_calendars") == std::string::npos);

    auto has = [](const LoadResult& lr, const std::string& where, const std::string& what) {
        for (const auto& e : lr.errors)
            if (e.where == where && e.message.find(what) != std::string::npos) return true;
        return false;
    };
    std::string bad = text;
    bad.replace(bad.find("\"calendar\": \"shop\""), 18, "\"calendar\": \"nope\"");
    bad.replace(bad.find("{\"p-shop\": \"shop\"}"), 18, "{\"ghost\": \"shop\"}");
    LoadResult br = load_plan(bad);
    CHECK(has(br, "/schedule/tasks/0/calendar", "refers to calendar \"nope\", which does not exist"));
    CHECK(has(br, "/schedule/partner_calendars/ghost", "refers to partner \"ghost\", which does not exist"));
    std::string dup = text;
    dup.replace(dup.find("\"id\": \"shop\""), 12, "\"id\": \"a\"");
    CHECK(has(load_plan(dup), "/schedule/calendars/0/id", "duplicate id \"a\" (also used at /schedule/tasks/0)"));
    std::string none = text;
    none.replace(none.find("[\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\"]"), 42, "[]");
    CHECK(has(load_plan(none), "/schedule/calendars/0/working_days", "at least one weekday"));
}

TEST_CASE("calendars: MSPDI export writes each calendar and the task's CalendarUID") {
    ScheduleExportInput in;
    in.title = "Two calendars";
    in.problem = ScheduleProblem{two_calendars(), *parse_iso_date("2027-01-04"), std::nullopt};
    in.cpm = run_cpm({in.problem});
    REQUIRE(in.cpm.ok());
    const std::string x = export_mspdi(in);
    CHECK(x.find("<UID>2</UID>\n      <Name>Shop, Mon–Sat</Name>\n      <IsBaseCalendar>1</IsBaseCalendar>") !=
          std::string::npos);
    const auto at = x.find("<Name>Shop, Mon–Sat</Name>");
    const std::string cal = x.substr(at, x.find("</Calendar>", at) - at);
    CHECK(cal.find("<DayType>7</DayType>\n          <DayWorking>1</DayWorking>") != std::string::npos);  // Saturday
    CHECK(cal.find("<FromDate>2027-01-06T00:00:00</FromDate>") != std::string::npos);
    auto task_xml = [&](const std::string& uid) {
        const auto p = x.find("<UID>" + uid + "</UID>", x.find("<Tasks>"));
        return x.substr(p, x.find("</Task>", p) - p);
    };
    CHECK(task_xml("2").find("<CalendarUID>2</CalendarUID>") != std::string::npos);   // b: its partner's
    CHECK(task_xml("4").find("<CalendarUID>2</CalendarUID>") != std::string::npos);   // d: its own
    CHECK(task_xml("1").find("<CalendarUID>-1</CalendarUID>") != std::string::npos);  // a: the project's
    CHECK(task_xml("2").find("<Start>2027-01-07T08:00:00</Start>") != std::string::npos);
    CHECK(task_xml("2").find("<Finish>2027-01-11T17:00:00</Finish>") != std::string::npos);
    CHECK(task_xml("4").find("<Finish>2027-01-09T17:00:00</Finish>") != std::string::npos);
}
