#include "schedule/pert.h"

#include <cmath>

#include "schedule/calendar.h"
#include "schedule/multi_calendar.h"
#include "stats/distributions.h"

namespace mf {

// The passes on t_e: es/ef/ls/lf per task (with task calendars in working days of the task's own
// calendar, esx/efx its positions on the common axis; without them esx/efx = es/ef).
struct PertPasses {
    std::vector<double> es, ef, ls, lf, esx, efx;
    double finish = 0;  // T: max EF (with task calendars: its position on the common axis)
};

static PertPasses pert_passes(const Network& net, const std::vector<double>& te, const TimeAxis* axis) {
    const size_t n = te.size();
    PertPasses p;
    p.es.resize(n), p.ef.resize(n), p.ls.resize(n), p.lf.resize(n), p.esx.resize(n), p.efx.resize(n);
    if (axis) {
        p.finish = forward_pass_multi(net, *axis, te.data(), p.es.data(), p.ef.data(), p.esx.data(), p.efx.data());
        backward_pass_multi(net, *axis, te.data(), p.finish, p.ls.data(), p.lf.data());
    } else {
        p.finish = forward_pass(net, te.data(), p.es.data(), p.ef.data());
        backward_pass(net, te.data(), p.finish, p.ls.data(), p.lf.data());
        p.esx = p.es;
        p.efx = p.ef;
    }
    return p;
}

// The bound link l puts on task j's early start, in j's working days (the forward pass's terms).
static double link_bound(const NetLink& l, size_t j, const PertPasses& p, double te_j, const TimeAxis* axis,
                         const Network& net) {
    const size_t i = static_cast<size_t>(l.from);
    const int c = axis ? net.calendars.of_task[j] : 0;
    auto at = [&](double x, double w) { return axis ? axis->work(c, x) : w; };  // in j's calendar
    switch (l.type) {
        case LinkType::FinishToStart: return at(p.efx[i], p.ef[i]) + l.lag;
        case LinkType::StartToStart: return at(p.esx[i], p.es[i]) + l.lag;
        case LinkType::FinishToFinish: return at(p.efx[i], p.ef[i]) + l.lag - te_j;
        case LinkType::StartToFinish: return at(p.esx[i], p.es[i]) + l.lag - te_j;
    }
    return 0;
}

// Largest variance along a chain of critical tasks joined by driving links; the path's task
// indices (in order) and its variance, empty when no critical task ends at T.
static std::vector<int> largest_variance_path(const Network& net, const std::vector<double>& te,
                                              const std::vector<double>& var, const PertPasses& p, const TimeAxis* axis,
                                              double& variance) {
    const size_t n = te.size();
    std::vector<double> pv(n, -1);
    std::vector<int> from(n, -1);
    auto critical = [&](size_t i) { return p.ls[i] - p.es[i] <= kFloatTolerance; };
    for (int j : net.order) {
        const size_t uj = static_cast<size_t>(j);
        if (!critical(uj) || net.summary[uj]) continue;
        double best = 0;
        for (const NetLink& l : net.incoming[uj]) {
            const size_t i = static_cast<size_t>(l.from);
            if (!critical(i) || pv[i] < 0) continue;
            const double c = link_bound(l, uj, p, te[uj], axis, net);
            if (std::fabs(c - p.es[uj]) > kFloatTolerance) continue;  // not driving
            if (pv[i] > best || from[uj] < 0) {
                best = pv[i];
                from[uj] = l.from;
            }
        }
        pv[uj] = best + var[uj];
    }
    int end = -1;
    for (int j : net.order) {
        const size_t uj = static_cast<size_t>(j);
        if (pv[uj] >= 0 && std::fabs(p.efx[uj] - p.finish) <= kFloatTolerance &&
            (end < 0 || pv[uj] >= pv[static_cast<size_t>(end)]))
            end = j;
    }
    std::vector<int> path;
    variance = 0;
    if (end < 0) return path;
    variance = pv[static_cast<size_t>(end)];
    for (int j = end; j >= 0; j = from[static_cast<size_t>(j)]) path.insert(path.begin(), j);
    return path;
}

static std::optional<double> probability(std::optional<double> target, double expected, double sd) {
    if (!target) return std::nullopt;
    if (sd > 0) return normal_cdf((*target - expected) / sd);
    return *target >= expected - kFloatTolerance ? 1.0 : 0.0;
}

PertResult run_pert(const PertInput& in) {
    PertResult r;
    const ScheduleSection& s = in.problem.section;
    Network net = compile_network(s);
    r.errors = net.errors;
    if (!net.ok()) return r;
    const size_t n = s.tasks.size();
    std::vector<double> te(n), var(n);
    r.tasks.resize(n);
    for (size_t i = 0; i < n; ++i) {
        const Task& t = s.tasks[i];
        const bool summary = net.summary[i] != 0;  // a summary's own durations are ignored
        te[i] = summary ? 0.0 : (t.optimistic + 4.0 * t.most_likely + t.pessimistic) / 6.0;
        var[i] = summary ? 0.0 : std::pow((t.pessimistic - t.optimistic) / 6.0, 2);
        r.tasks[i] = {t.id, te[i], var[i]};
    }
    // Every task on the project calendar (the figures kept as they were).
    const PertPasses p = pert_passes(net, te, nullptr);
    r.expected_finish = p.finish;
    for (int j : largest_variance_path(net, te, var, p, nullptr, r.variance))
        r.critical_path.push_back(s.tasks[static_cast<size_t>(j)].id);
    r.sd = std::sqrt(r.variance);

    WorkdayClock clock(s.calendar, in.problem.start);
    r.target_offset = in.target_offset;
    if (!r.target_offset && in.problem.deadline)
        r.target_offset = static_cast<double>(clock.working_days_through(*in.problem.deadline));
    r.probability_meet_target = probability(r.target_offset, r.expected_finish, r.sd);
    if (!net.calendars.multi) return r;

    // Each task on its own calendar: the CPM's common axis (multi_calendar.h).
    const TimeAxis axis(net.calendars, clock.origin(), schedule_horizon(s));
    const PertPasses q = pert_passes(net, te, &axis);
    PertOnTaskCalendars tc;
    tc.finish_position = q.finish;
    tc.expected_finish = axis.work(0, q.finish);
    tc.expected_finish_date = axis.finish_date_at(q.finish);
    for (int j : largest_variance_path(net, te, var, q, &axis, tc.variance))
        tc.critical_path.push_back(s.tasks[static_cast<size_t>(j)].id);
    tc.sd = std::sqrt(tc.variance);
    tc.probability_meet_target = probability(r.target_offset, tc.expected_finish, tc.sd);
    r.task_calendars = std::move(tc);
    return r;
}

}  // namespace mf
