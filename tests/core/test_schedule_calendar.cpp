// Working-day calendar arithmetic across weekends and holidays (weekdays checked against
// a printed 2027 calendar: 1 Jan is a Friday, 4 Jan a Monday, Good Friday 26 Mar, Easter
// Monday 29 Mar).
#include <doctest/doctest.h>

#include "schedule/calendar.h"

using namespace mf;

static std::string iso(Date d) { return format_iso_date(d); }
static Date ymd(int y, unsigned m, unsigned d) { return date_from_ymd(y, m, d); }

TEST_CASE("calendar: day counting across weekends") {
    WorkCalendar cal;  // Mon–Fri
    WorkdayClock c(cal, ymd(2027, 1, 4));
    CHECK(iso(c.origin()) == "2027-01-04");
    CHECK(iso(c.date_of_day(0)) == "2027-01-04");
    CHECK(iso(c.date_of_day(4)) == "2027-01-08");   // Friday
    CHECK(iso(c.date_of_day(5)) == "2027-01-11");   // next Monday
    CHECK(iso(c.date_of_day(59)) == "2027-03-26");  // 12 weeks: day 59 is the Friday of week 12
    // A 5-day task from Monday finishes Friday; its FS successor starts Monday.
    CHECK(iso(c.start_date(0)) == "2027-01-04");
    CHECK(iso(c.finish_date(5)) == "2027-01-08");
    CHECK(iso(c.start_date(5)) == "2027-01-11");
    CHECK(iso(c.finish_date(0)) == "2027-01-04");  // milestone at the start
    CHECK(iso(c.finish_date(0.25)) == "2027-01-04");
    CHECK(iso(c.finish_date(5.0000000001)) == "2027-01-08");  // rounding noise is ignored
    CHECK(iso(c.start_date(4.9999999999)) == "2027-01-11");
    CHECK(c.working_days_through(ymd(2027, 1, 8)) == 5);
    CHECK(c.working_days_through(ymd(2027, 1, 9)) == 5);   // Saturday adds nothing
    CHECK(c.working_days_through(ymd(2027, 4, 2)) == 65);  // 13 full weeks
    CHECK(c.working_days_before(ymd(2027, 1, 4)) == 0);
    CHECK(c.working_days_before(ymd(2026, 12, 28)) == -5);  // a week earlier
    CHECK(iso(c.date_of_day(-1)) == "2027-01-01");

    // A start on a Saturday moves the origin to Monday.
    WorkdayClock sat(cal, ymd(2027, 1, 2));
    CHECK(iso(sat.origin()) == "2027-01-04");
}

TEST_CASE("calendar: holidays and non-standard weeks") {
    WorkCalendar cal;
    cal.holidays = {ymd(2027, 1, 6),
                    ymd(2027, 3, 29),
                    ymd(2027, 3, 26),
                    ymd(2027, 1, 9) /* a Saturday */,
                    ymd(2027, 1, 6) /* duplicate */,
                    ymd(2027, 1, 1)};
    WorkdayClock c(cal, ymd(2027, 1, 1));  // New Year's Day (a holiday) → Monday 4th
    CHECK(iso(c.origin()) == "2027-01-04");
    CHECK(iso(c.date_of_day(2)) == "2027-01-07");  // Wed 6th skipped
    CHECK(iso(c.finish_date(5)) == "2027-01-11");  // 5-day task from Monday ends the next Monday
    CHECK(c.working_days_through(ymd(2027, 1, 11)) == 5);
    // Easter: 26 Mar (Fri) and 29 Mar (Mon) off. By hand: 4 Jan–25 Mar (a Thursday) is
    // 11 full weeks + Mon–Thu of week 12 = 59 weekdays, minus the 6 Jan holiday = 58.
    CHECK(c.working_days_through(ymd(2027, 3, 25)) == 58);
    CHECK(c.working_days_through(ymd(2027, 3, 29)) == 58);
    CHECK(iso(c.date_of_day(58)) == "2027-03-30");
    CHECK(c.is_working(ymd(2027, 3, 30)));
    CHECK_FALSE(c.is_working(ymd(2027, 3, 26)));

    WorkCalendar six;
    six.working = {true, true, true, true, true, true, false};  // Mon–Sat
    WorkdayClock s(six, ymd(2027, 1, 4));
    CHECK(iso(s.date_of_day(5)) == "2027-01-09");  // Saturday works
    CHECK(iso(s.date_of_day(6)) == "2027-01-11");
    CHECK(s.working_days_through(ymd(2027, 1, 17)) == 12);

    WorkCalendar none;
    none.working.fill(false);
    CHECK_FALSE(WorkdayClock(none, ymd(2027, 1, 4)).ok());
}

TEST_CASE("calendar: long spans agree with a day-by-day count") {
    WorkCalendar cal;
    for (int k = 0; k < 40; ++k) cal.holidays.push_back(Date{ymd(2027, 1, 4).days + 17 * k + 3});
    WorkdayClock c(cal, ymd(2027, 1, 4));
    int64_t count = 0;
    Date d = c.origin();
    for (int step = 0; step < 2000; ++step, ++d.days) {
        if (!c.is_working(d)) continue;
        REQUIRE(c.date_of_day(count) == d);
        REQUIRE(c.working_days_before(d) == count);
        ++count;
    }
}
