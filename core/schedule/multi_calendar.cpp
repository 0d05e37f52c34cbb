#include "schedule/multi_calendar.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

namespace mf {

static constexpr double kWhole = 1e-9;            // as calendar.cpp: within this of a whole number = whole
static constexpr int64_t kMaxTableDays = 400000;  // ~1100 years per calendar; beyond: clock arithmetic
// Days of all tables together (9 bytes a day): 100 calendars with a 1 000-year horizon would
// otherwise take 360 MB. Past a table the clock's arithmetic gives the same numbers, slower.
static constexpr int64_t kMaxTableDaysTotal = 8000000;

double schedule_horizon(const ScheduleSection& s) {
    double h = 1;
    std::unordered_map<std::string, double> pessimistic;  // by task id (the first of a duplicate id)
    for (const Task& t : s.tasks) pessimistic.emplace(t.id, t.pessimistic);
    for (const Task& t : s.tasks) {
        h += std::max(0.0, t.pessimistic);
        for (const auto& d : t.predecessors) h += std::fabs(d.lag);
        if (t.kind == TaskKind::Gate) {
            double loop = t.gate.rework.pessimistic;
            for (const auto& r : t.gate.repeat)
                if (auto it = pessimistic.find(r); it != pessimistic.end()) loop += it->second;
            h += std::max(0, t.gate.max_loops) * loop;
        }
    }
    return std::isfinite(h) ? h : 1e9;
}

TimeAxis::TimeAxis(const CalendarSet& cs, Date origin, double horizon) : origin_(origin) {
    const int64_t want_work = static_cast<int64_t>(std::min(std::ceil(std::max(0.0, horizon)) + 2, 1e9));
    // Tables only for the calendars in use: the project's and those some task works on.
    std::vector<char> used(cs.calendars.size(), 0);
    if (!used.empty()) used[0] = 1;
    for (int c : cs.of_task)
        if (c >= 0 && static_cast<size_t>(c) < used.size()) used[static_cast<size_t>(c)] = 1;
    const int64_t in_use = std::max<int64_t>(1, std::count(used.begin(), used.end(), 1));
    const int64_t max_days = std::min<int64_t>(kMaxTableDays, std::max<int64_t>(1000, kMaxTableDaysTotal / in_use));
    for (size_t ci = 0; ci < cs.calendars.size(); ++ci) {
        const WorkCalendar& c = cs.calendars[ci];
        Table t{WorkdayClock(c, origin), {}, {}, {}};
        if (t.clock.ok() && used[ci]) {
            const Date last = t.clock.date_of_day(std::min<int64_t>(want_work, max_days));
            const int64_t days = std::min<int64_t>(static_cast<int64_t>(last.days) - origin.days + 2, max_days);
            t.cum.resize(static_cast<size_t>(days) + 1);
            t.working.resize(static_cast<size_t>(days));
            t.cum[0] = 0;
            for (int64_t k = 0; k < days; ++k) {
                const bool w = t.clock.is_working(Date{static_cast<int32_t>(origin.days + k)});
                t.working[static_cast<size_t>(k)] = w ? 1 : 0;
                t.cum[static_cast<size_t>(k) + 1] = t.cum[static_cast<size_t>(k)] + (w ? 1 : 0);
                if (w) t.pos.push_back(static_cast<int32_t>(k));
            }
        }
        tables_.push_back(std::move(t));
    }
}

double TimeAxis::work(int c, double x) const {
    const Table& t = tables_[static_cast<size_t>(c)];
    const double fk = std::floor(x);
    const double f = x - fk;
    if (fk >= 0 && fk < static_cast<double>(t.working.size())) {
        const size_t k = static_cast<size_t>(fk);
        return t.cum[k] + (t.working[k] ? f : 0.0);
    }
    const Date d{static_cast<int32_t>(origin_.days + static_cast<int64_t>(fk))};
    return static_cast<double>(t.clock.working_days_before(d)) + (t.clock.is_working(d) ? f : 0.0);
}

double TimeAxis::start_pos(int c, double w) const {
    const Table& t = tables_[static_cast<size_t>(c)];
    const int64_t n = WorkdayClock::start_day_index(w);
    const double f = std::clamp(w - static_cast<double>(n), 0.0, 1.0);
    if (n >= 0 && n < static_cast<int64_t>(t.pos.size())) return t.pos[static_cast<size_t>(n)] + f;
    return static_cast<double>(t.clock.date_of_day(n).days - origin_.days) + f;
}

double TimeAxis::finish_pos(int c, double w) const {
    if (w <= kWhole) return 0;
    const Table& t = tables_[static_cast<size_t>(c)];
    const int64_t n = WorkdayClock::finish_day_index(w);
    const double f = std::clamp(w - static_cast<double>(n), 0.0, 1.0);
    if (n < static_cast<int64_t>(t.pos.size())) return t.pos[static_cast<size_t>(n)] + f;
    return static_cast<double>(t.clock.date_of_day(n).days - origin_.days) + f;
}

Date TimeAxis::start_date_at(double x) const {
    return Date{static_cast<int32_t>(origin_.days + static_cast<int64_t>(std::floor(x + kWhole)))};
}

Date TimeAxis::finish_date_at(double x) const {
    if (x <= kWhole) return origin_;
    return Date{static_cast<int32_t>(origin_.days + static_cast<int64_t>(std::ceil(x - kWhole)) - 1)};
}

double forward_pass_multi(const Network& net, const TimeAxis& axis, const double* d, double* es_w, double* ef_w,
                          double* es_x, double* ef_x) {
    const std::vector<int>& cal = net.calendars.of_task;
    double finish = 0;
    for (int j : net.order) {
        const int c = cal[static_cast<size_t>(j)];
        const double dj = d[j];
        double s = 0;
        for (const NetLink& l : net.incoming[static_cast<size_t>(j)]) {
            double v = 0;
            switch (l.type) {
                case LinkType::FinishToStart: v = axis.work(c, ef_x[l.from]) + l.lag; break;
                case LinkType::StartToStart: v = axis.work(c, es_x[l.from]) + l.lag; break;
                case LinkType::FinishToFinish: v = axis.work(c, ef_x[l.from]) + l.lag - dj; break;
                case LinkType::StartToFinish: v = axis.work(c, es_x[l.from]) + l.lag - dj; break;
            }
            if (v > s) s = v;
        }
        es_w[j] = s;
        ef_w[j] = s + dj;
        es_x[j] = axis.start_pos(c, s);
        ef_x[j] = axis.finish_pos(c, s + dj);
        if (ef_x[j] > finish) finish = ef_x[j];
    }
    return finish;
}

void backward_pass_multi(const Network& net, const TimeAxis& axis, const double* d, double finish_x, double* ls_w,
                         double* lf_w) {
    const std::vector<int>& cal = net.calendars.of_task;
    for (int j : net.order) lf_w[j] = axis.work(cal[static_cast<size_t>(j)], finish_x);
    for (auto it = net.order.rbegin(); it != net.order.rend(); ++it) {
        const int j = *it;  // every successor of j is done: lf_w[j] is final
        const int cj = cal[static_cast<size_t>(j)];
        ls_w[j] = lf_w[j] - d[j];
        for (const NetLink& l : net.incoming[static_cast<size_t>(j)]) {
            const int ci = cal[static_cast<size_t>(l.from)];
            double c = 0;
            switch (l.type) {
                case LinkType::FinishToStart: c = axis.work(ci, axis.start_pos(cj, ls_w[j] - l.lag)); break;
                case LinkType::StartToStart: c = axis.work(ci, axis.start_pos(cj, ls_w[j] - l.lag)) + d[l.from]; break;
                case LinkType::FinishToFinish: c = axis.work(ci, axis.start_pos(cj, lf_w[j] - l.lag)); break;
                case LinkType::StartToFinish: c = axis.work(ci, axis.start_pos(cj, lf_w[j] - l.lag)) + d[l.from]; break;
            }
            if (c < lf_w[l.from]) lf_w[l.from] = c;
        }
    }
}

}  // namespace mf
