// Working-day arithmetic on one calendar, anchored at the project start.
//
//   WorkdayClock clock(section.calendar, *plan.meta.start_date);
//   Date d = clock.date_of_day(0);            // the first working day on or after the start
//   Date s = clock.start_date(es);            // date a task with early start `es` begins
//   Date f = clock.finish_date(ef);           // date it finishes (its last working day)
//   double D = clock.working_days_through(deadline);   // finish offset that still meets it
//
// THE CONVENTION (docs/schedule.md, "Day counting"). Time is measured in working days from
// the origin: offset t is the START of working day t, day 0 being the first working day on
// or after the project start date. A task with start offset s and duration d occupies
// [s, s + d):
//   start date  = working day ⌊s⌋;
//   finish date = working day ⌈s + d⌉ − 1 (the last day it works on), or day 0 when s + d ≤ 0.
// So a 5-day task starting on a Monday (s = 0, Mon–Fri week) finishes that Friday (f = 5,
// day 4), and its finish-to-start successor starts the next Monday (offset 5). A milestone
// (zero duration) at offset t is dated like a finish: the working day before day t (the day
// its predecessor finished), or day 0 when t = 0 — as MS Project shows it.
// A date D is met by a finish offset f when f ≤ working_days_through(D), the number of
// working days from the origin up to and including D. Offsets within 1e-9 of a whole
// number count as that whole number (guards against rounding in sums of fractions).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "schedule/schedule_model.h"

namespace mf {

class WorkdayClock {
public:
    WorkdayClock(const WorkCalendar& calendar, Date start);

    // False when no weekday is a working day (then every other answer is meaningless).
    bool ok() const { return working_per_week_ > 0; }
    Date origin() const { return origin_; }
    bool is_working(Date d) const;

    // Working day number `index` (0 = origin). Negative indices count back before the origin.
    Date date_of_day(int64_t index) const;
    // Number of working days in [origin, d) (negative when d is before the origin).
    int64_t working_days_before(Date d) const;
    int64_t working_days_through(Date d) const { return working_days_before(Date{d.days + 1}); }
    // Working days in [a, b) for a <= b.
    int64_t working_days_between(Date a, Date b) const;

    Date start_date(double offset) const;   // working day ⌊offset⌋
    Date finish_date(double offset) const;  // working day ⌈offset⌉ − 1, day 0 when offset <= 0

    static int64_t start_day_index(double offset);
    static int64_t finish_day_index(double offset);

private:
    std::array<bool, 7> working_{};
    int working_per_week_ = 0;
    std::vector<Date> holidays_;  // sorted, unique, only those falling on working weekdays
    Date origin_;
};

}  // namespace mf
