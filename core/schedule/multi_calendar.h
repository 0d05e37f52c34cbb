// Several working calendars in one schedule: per-task and per-partner calendars.
//
//   CalendarSet cs = resolve_calendars(section, &errors);   // which calendar each task works on
//   if (cs.multi) {
//       TimeAxis axis(cs, origin, schedule_horizon(section));
//       double T = forward_pass_multi(net, axis, d, es_w, ef_w, es_x, ef_x);
//   }
//
// Which calendar a task works on: its own (`calendar`), else its partner's
// (`partner_calendars`), else the project calendar. When every task works on the project
// calendar (`multi` false) the analyses keep their one-calendar code (network.h) unchanged.
//
// THE COMMON AXIS (docs/schedule.md, "Calendars"). A position x is in calendar days from the
// origin (working day 0 of the project calendar): x = k + f is day k at the fraction f of its
// working time. For a calendar c, counted from the origin:
//   W_c(x) = working days of c in [0, k) + (f if day k is a working day of c)
//   S_c(w) = the position where c's working time w starts: day of c's working day ⌊w⌋ + frac
//   F_c(w) = the position where it ends: day of c's working day ⌈w⌉ − 1, + (w − that index)
//            (so a whole w ends at the END of a working day; F_c(w) = 0 for w <= 0)
// Each task keeps its times (es, ef, ls, lf) in working days of ITS calendar (and is dated by
// that calendar's clock, calendar.h). A link is counted in the SUCCESSOR's calendar:
//   FS: ES_j ≥ W_j(F_i(EF_i)) + L,  SS: ES_j ≥ W_j(S_i(ES_i)) + L,  FF: EF_j ≥ W_j(F_i(EF_i)) + L,
//   SF: EF_j ≥ W_j(S_i(ES_i)) + L
//   backward: LF_i ≤ W_i(S_j(LS_j − L)) (FS), LS_i ≤ W_i(S_j(LS_j − L)) (SS),
//             LF_i ≤ W_i(S_j(LF_j − L)) (FF), LS_i ≤ W_i(S_j(LF_j − L)) (SF),
//             LF_i ≤ W_i(T)  with T = max F_i(EF_i).
// With one calendar W(S(w)) = W(F(w)) = w and these are the equations of network.h.
// Conversions are O(1) through cumulative tables of each calendar (up to a horizon; beyond it,
// the exact arithmetic of WorkdayClock).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "schedule/calendar.h"
#include "schedule/network.h"

namespace mf {

// Working days a schedule can possibly reach (every duration at its pessimistic value, every
// gate at its loop limit, every lag added): the horizon of the conversion tables.
double schedule_horizon(const ScheduleSection& s);

class TimeAxis {
public:
    TimeAxis(const CalendarSet& cs, Date origin, double horizon_working_days);
    Date origin() const { return origin_; }
    const WorkdayClock& clock(int c) const { return tables_[static_cast<size_t>(c)].clock; }
    double work(int c, double x) const;        // W_c(x)
    double start_pos(int c, double w) const;   // S_c(w)
    double finish_pos(int c, double w) const;  // F_c(w)
    Date start_date_at(double x) const;        // the day a start position falls on: origin + ⌊x⌋
    Date finish_date_at(double x) const;  // the day a finish position ends: origin + ⌈x⌉ − 1 (origin when x <= 0)

private:
    struct Table {
        WorkdayClock clock;
        std::vector<int32_t> cum;      // [k] = working days in [0, k), k = 0 … days
        std::vector<int32_t> pos;      // [n] = day of working day n
        std::vector<uint8_t> working;  // [k]
    };
    Date origin_;
    std::vector<Table> tables_;
};

// Passes on the common axis (the equations above). d: durations in each task's working days.
// Returns the project finish position T.
double forward_pass_multi(const Network& net, const TimeAxis& axis, const double* d, double* es_w, double* ef_w,
                          double* es_x, double* ef_x);
void backward_pass_multi(const Network& net, const TimeAxis& axis, const double* d, double finish_x, double* ls_w,
                         double* lf_w);

}  // namespace mf
