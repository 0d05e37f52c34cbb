// PERT on each task's own calendar (issue 16): with a task on a Monday–Saturday calendar, the
// expected finish, its date and the deadline probability count that task's Saturdays, as the
// CPM does; the project-calendar figures stay as they were. docs/schedule.md, "PERT".
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "schedule/pert.h"
#include "schedule_support.h"

using namespace mf;

TEST_CASE("PERT with task calendars: t_e counts in the task's own working days") {
    // Start Mon 2027-01-04; the project works Monday–Friday, task b Monday–Saturday.
    //   a (3, 5, 7): t_e = (3 + 20 + 7)/6 = 5, σ² = (4/6)² = 4/9; project days 0–4 = Mon 01-04 … Fri 01-08.
    //   b (4, 6, 8): t_e = (4 + 24 + 8)/6 = 6, σ² = 4/9; FS a: it starts at the end of Fri 01-08,
    //     b's next working day is Sat 01-09; six of b's days: Sat 9, Mon 11, Tue 12, Wed 13, Thu 14,
    //     Fri 15 → finishes Fri 2027-01-15.
    //   Expected finish in project working days: Mon 01-04 … Fri 01-15 = 10 (on the project
    //   calendar alone it would be 5 + 6 = 11, Mon 01-18).
    //   σ = √(8/9) = 0.942809; deadline Mon 2027-01-18 = 11 project working days:
    //   P = Φ((11 − 10)/0.942809) = Φ(1.06066) = 0.855578 (Φ by scipy.stats.norm.cdf);
    //   the project-calendar figure: Φ((11 − 11)/σ) = 0.5.
    ScheduleProblem p;
    p.start = date_from_ymd(2027, 1, 4);
    p.deadline = date_from_ymd(2027, 1, 18);
    Task a = test::fixed_task("a", 0), b = test::fixed_task("b", 0, {{"a"}});
    a.optimistic = 3, a.most_likely = 5, a.pessimistic = 7;
    b.optimistic = 4, b.most_likely = 6, b.pessimistic = 8;
    b.calendar = "six";
    p.section.calendars = {{"six", "Mon–Sat", WorkCalendar{{true, true, true, true, true, true, false}, {}}}};
    p.section.tasks = {a, b};
    const PertResult r = run_pert({p, std::nullopt});
    REQUIRE(r.ok());
    // The figures kept as before: every task on the project calendar.
    CHECK(r.expected_finish == doctest::Approx(11).epsilon(1e-12));
    CHECK(*r.probability_meet_target == doctest::Approx(0.5).epsilon(1e-12));
    REQUIRE(r.task_calendars);
    const PertOnTaskCalendars& tc = *r.task_calendars;
    CHECK(tc.expected_finish == doctest::Approx(10).epsilon(1e-12));
    CHECK(format_iso_date(tc.expected_finish_date) == "2027-01-15");
    CHECK(tc.finish_position == doctest::Approx(12).epsilon(1e-12));  // the end of Fri 01-15, day 11
    CHECK(tc.sd == doctest::Approx(std::sqrt(8.0 / 9.0)).epsilon(1e-12));
    CHECK(tc.critical_path == std::vector<std::string>{"a", "b"});
    CHECK(*tc.probability_meet_target == doctest::Approx(0.855578).epsilon(1e-5));

    // One calendar only: no second set of figures.
    p.section.tasks[1].calendar.clear();
    p.section.calendars.clear();
    CHECK_FALSE(run_pert({p, std::nullopt}).task_calendars);
}
