#include "schedule/cpm.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "schedule/calendar.h"
#include "schedule/multi_calendar.h"

namespace mf {

static double basis_duration(double o, double m, double p, DurationDistribution dist, DurationBasis basis) {
    return basis == DurationBasis::MostLikely ? m : three_point_mean(o, m, p, dist);
}

std::vector<double> deterministic_durations(const ScheduleSection& s, const Network& net, DurationBasis basis) {
    const size_t n = s.tasks.size();
    std::vector<double> base(n), d(n);
    for (size_t i = 0; i < n; ++i) {
        const Task& t = s.tasks[i];
        base[i] = net.summary.empty() || !net.summary[i]
            ? basis_duration(t.optimistic, t.most_likely, t.pessimistic, t.distribution, basis)
            : 0.0;  // a summary's own durations are ignored: its dates roll up
    }
    d = base;
    for (size_t g = 0; g < net.gates.size(); ++g) {
        const NetGate& ng = net.gates[g];
        if (!ng.first_fails) continue;
        const int ti = net.gate_task[g];
        const ThreePoint& rw = s.tasks[static_cast<size_t>(ti)].gate.rework;
        double loop = basis_duration(rw.optimistic, rw.most_likely, rw.pessimistic,
                                     s.tasks[static_cast<size_t>(ti)].distribution, basis);
        for (int r : ng.repeat) loop += base[static_cast<size_t>(r)];
        d[static_cast<size_t>(ti)] += loop;
    }
    return d;
}

// One row's times, floats (within kFloatTolerance of 0: 0) and criticality. A summary's
// duration is its rolled-up span.
static void set_times(CpmTask& t, double d, double es, double ef, double ls, double lf, double tf, double ff) {
    t.duration = t.summary ? ef - es : d;
    t.es = es;
    t.ef = ef;
    t.ls = ls;
    t.lf = lf;
    t.total_float = std::fabs(tf) <= kFloatTolerance ? 0 : tf;
    t.free_float = std::fabs(ff) <= kFloatTolerance ? 0 : ff;
    t.critical = t.total_float <= kFloatTolerance;
}

// The dates of a task (not a summary) on its calendar. A zero-duration task is an event: all
// its dates follow the finish rule.
static void set_dates(CpmTask& t, const WorkdayClock& ck) {
    t.es_date = t.duration > 0 ? ck.start_date(t.es) : ck.finish_date(t.es);
    t.ls_date = t.duration > 0 ? ck.start_date(t.ls) : ck.finish_date(t.ls);
    t.ef_date = ck.finish_date(t.ef);
    t.lf_date = ck.finish_date(t.lf);
}

// The critical path: the critical tasks that are not summaries, in order of their start.
static std::vector<std::string> critical_path(const ScheduleSection& s, const Network& net,
                                              const std::vector<CpmTask>& rows, const std::vector<double>& start) {
    std::vector<int> crit;
    for (int j : net.order)
        if (rows[static_cast<size_t>(j)].critical && !rows[static_cast<size_t>(j)].summary) crit.push_back(j);
    std::stable_sort(crit.begin(), crit.end(),
                     [&](int a, int b) { return start[static_cast<size_t>(a)] < start[static_cast<size_t>(b)]; });
    std::vector<std::string> ids;
    for (int j : crit) ids.push_back(s.tasks[static_cast<size_t>(j)].id);
    return ids;
}

// A summary task's total and free float: the least of its subtasks' (bottom-up, so nested
// summaries see their children's values).
static void summary_floats(const Network& net, std::vector<double>& tf, std::vector<double>& ff) {
    for (int j : net.summaries_bottom_up) {
        const size_t uj = static_cast<size_t>(j);
        tf[uj] = ff[uj] = std::numeric_limits<double>::infinity();
        for (int c : net.children[uj]) {
            tf[uj] = std::min(tf[uj], tf[static_cast<size_t>(c)]);
            ff[uj] = std::min(ff[uj], ff[static_cast<size_t>(c)]);
        }
    }
}

// Several calendars (multi_calendar.h): each task's times in working days of its own calendar,
// dated by its own clock; links counted in the successor's calendar; the project finish and the
// deadline on the common axis, reported in working days of the project calendar.
static void run_cpm_multi(const CpmInput& in, const Network& net, const std::vector<double>& d, CpmResult& r) {
    const ScheduleSection& s = in.problem.section;
    const size_t n = s.tasks.size();
    const TimeAxis axis(net.calendars, r.origin, schedule_horizon(s));
    const std::vector<int>& cal = net.calendars.of_task;
    std::vector<double> es(n), ef(n), ls(n), lf(n), esx(n), efx(n), lsx(n), lfx(n);
    const double T = forward_pass_multi(net, axis, d.data(), es.data(), ef.data(), esx.data(), efx.data());
    backward_pass_multi(net, axis, d.data(), T, ls.data(), lf.data());
    for (size_t i = 0; i < n; ++i) {
        lsx[i] = axis.start_pos(cal[i], ls[i]);
        lfx[i] = axis.finish_pos(cal[i], lf[i]);
    }
    // Free float, in the predecessor's working days.
    std::vector<double> ff(n);
    for (size_t i = 0; i < n; ++i) ff[i] = axis.work(cal[i], T) - ef[i];
    for (size_t j = 0; j < n; ++j)
        for (const NetLink& l : net.incoming[j]) {
            const size_t i = static_cast<size_t>(l.from);
            double slack = 0;
            switch (l.type) {
                case LinkType::FinishToStart:
                    slack = axis.work(cal[i], axis.start_pos(cal[j], es[j] - l.lag)) - ef[i];
                    break;
                case LinkType::StartToStart:
                    slack = axis.work(cal[i], axis.start_pos(cal[j], es[j] - l.lag)) - es[i];
                    break;
                case LinkType::FinishToFinish:
                    slack = axis.work(cal[i], axis.start_pos(cal[j], ef[j] - l.lag)) - ef[i];
                    break;
                case LinkType::StartToFinish:
                    slack = axis.work(cal[i], axis.start_pos(cal[j], ef[j] - l.lag)) - es[i];
                    break;
            }
            ff[i] = std::min(ff[i], slack);
        }
    std::vector<double> tf(n);
    for (size_t i = 0; i < n; ++i) tf[i] = ls[i] - es[i];
    // Summary tasks: positions roll up; offsets in the project calendar; floats the least of the subtasks'.
    rollup(net, esx.data(), efx.data());
    rollup(net, lsx.data(), lfx.data());
    for (int j : net.summaries_bottom_up) {
        const size_t uj = static_cast<size_t>(j);
        es[uj] = axis.work(0, esx[uj]);
        ef[uj] = axis.work(0, efx[uj]);
        ls[uj] = axis.work(0, lsx[uj]);
        lf[uj] = axis.work(0, lfx[uj]);
    }
    summary_floats(net, tf, ff);
    r.tasks.resize(n);
    for (size_t i = 0; i < n; ++i) {
        CpmTask& t = r.tasks[i];
        t.id = s.tasks[i].id;
        t.summary = net.summary[i] != 0;
        t.calendar = net.calendars.ids[static_cast<size_t>(cal[i])];
        set_times(t, d[i], es[i], ef[i], ls[i], lf[i], tf[i], ff[i]);
        if (t.summary) {
            t.es_date = axis.start_date_at(esx[i]);
            t.ls_date = axis.start_date_at(lsx[i]);
            t.ef_date = axis.finish_date_at(efx[i]);
            t.lf_date = axis.finish_date_at(lfx[i]);
            continue;
        }
        set_dates(t, axis.clock(cal[i]));
    }
    r.critical_path = critical_path(s, net, r.tasks, esx);

    r.finish_position = T;
    r.finish = axis.work(0, T);
    r.finish_date = axis.finish_date_at(T);
    if (in.problem.deadline) {
        // Met when the finish date is on or before the deadline: positions, then project working days.
        const double dx = static_cast<double>(in.problem.deadline->days - r.origin.days) + 1;
        r.deadline_offset = axis.work(0, dx);
        r.deadline_slack = *r.deadline_offset - r.finish;
        r.deadline_met = T <= dx + 1e-9;
    }
}

CpmResult run_cpm(const CpmInput& in) {
    CpmResult r;
    const ScheduleSection& s = in.problem.section;
    Network net = compile_network(s);
    r.errors = net.errors;
    r.warnings = net.warnings;
    if (!net.ok()) return r;
    WorkdayClock clock(s.calendar, in.problem.start);
    r.origin = clock.origin();

    const size_t n = s.tasks.size();
    const std::vector<double> d = deterministic_durations(s, net, in.basis);
    if (net.calendars.multi) {
        run_cpm_multi(in, net, d, r);
        return r;
    }
    std::vector<double> es(n), ef(n), ls(n), lf(n);
    r.finish = forward_pass(net, d.data(), es.data(), ef.data());
    backward_pass(net, d.data(), r.finish, ls.data(), lf.data());
    rollup(net, es.data(), ef.data());
    rollup(net, ls.data(), lf.data());

    // Free float: the least slack to any successor's constraint, and to T.
    std::vector<double> ff(n);
    for (size_t i = 0; i < n; ++i) ff[i] = r.finish - ef[i];
    for (size_t j = 0; j < n; ++j)
        for (const NetLink& l : net.incoming[j]) {
            const size_t i = static_cast<size_t>(l.from);
            double slack = 0;
            switch (l.type) {
                case LinkType::FinishToStart: slack = es[j] - l.lag - ef[i]; break;
                case LinkType::StartToStart: slack = es[j] - l.lag - es[i]; break;
                case LinkType::FinishToFinish: slack = ef[j] - l.lag - ef[i]; break;
                case LinkType::StartToFinish: slack = ef[j] - l.lag - es[i]; break;
            }
            ff[i] = std::min(ff[i], slack);
        }
    std::vector<double> tf(n);
    for (size_t i = 0; i < n; ++i) tf[i] = ls[i] - es[i];
    summary_floats(net, tf, ff);

    r.tasks.resize(n);
    for (size_t i = 0; i < n; ++i) {
        CpmTask& t = r.tasks[i];
        t.id = s.tasks[i].id;
        t.summary = !net.summary.empty() && net.summary[i];
        set_times(t, d[i], es[i], ef[i], ls[i], lf[i], tf[i], ff[i]);
        set_dates(t, clock);
    }
    r.critical_path = critical_path(s, net, r.tasks, es);

    r.finish_date = clock.finish_date(r.finish);
    if (in.problem.deadline) {
        r.deadline_offset = static_cast<double>(clock.working_days_through(*in.problem.deadline));
        r.deadline_slack = *r.deadline_offset - r.finish;
    }
    return r;
}

}  // namespace mf
