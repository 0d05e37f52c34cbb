#include "schedule/cpm.h"

#include <algorithm>
#include <cmath>

#include "schedule/calendar.h"

namespace mf {

static double basis_duration(double o, double m, double p, DurationDistribution dist, DurationBasis basis) {
    return basis == DurationBasis::MostLikely ? m : three_point_mean(o, m, p, dist);
}

std::vector<double> deterministic_durations(const ScheduleSection& s, const Network& net, DurationBasis basis) {
    const size_t n = s.tasks.size();
    std::vector<double> base(n), d(n);
    for (size_t i = 0; i < n; ++i) {
        const Task& t = s.tasks[i];
        base[i] = basis_duration(t.optimistic, t.most_likely, t.pessimistic, t.distribution, basis);
    }
    d = base;
    for (size_t g = 0; g < net.gates.size(); ++g) {
        const NetGate& ng = net.gates[g];
        if (!ng.first_fails) continue;
        const int ti = net.gate_task[g];
        const ThreePoint& rw = s.tasks[static_cast<size_t>(ti)].gate.rework;
        double loop = basis_duration(rw.optimistic, rw.most_likely, rw.pessimistic, s.tasks[static_cast<size_t>(ti)].distribution, basis);
        for (int r : ng.repeat) loop += base[static_cast<size_t>(r)];
        d[static_cast<size_t>(ti)] += loop;
    }
    return d;
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
    std::vector<double> es(n), ef(n), ls(n), lf(n);
    r.finish = forward_pass(net, d.data(), es.data(), ef.data());
    backward_pass(net, d.data(), r.finish, ls.data(), lf.data());

    // Free float: the least slack to any successor's constraint, and to T.
    std::vector<double> ff(n);
    for (size_t i = 0; i < n; ++i) ff[i] = r.finish - ef[i];
    for (size_t j = 0; j < n; ++j)
        for (const NetLink& l : net.incoming[j]) {
            const size_t i = static_cast<size_t>(l.from);
            double slack;
            switch (l.type) {
                case LinkType::FinishToStart: slack = es[j] - l.lag - ef[i]; break;
                case LinkType::StartToStart: slack = es[j] - l.lag - es[i]; break;
                default: slack = ef[j] - l.lag - ef[i]; break;
            }
            ff[i] = std::min(ff[i], slack);
        }

    r.tasks.resize(n);
    for (size_t i = 0; i < n; ++i) {
        CpmTask& t = r.tasks[i];
        t.id = s.tasks[i].id;
        t.duration = d[i];
        t.es = es[i]; t.ef = ef[i]; t.ls = ls[i]; t.lf = lf[i];
        t.total_float = ls[i] - es[i];
        if (std::fabs(t.total_float) <= kFloatTolerance) t.total_float = 0;
        t.free_float = std::fabs(ff[i]) <= kFloatTolerance ? 0 : ff[i];
        t.critical = t.total_float <= kFloatTolerance;
        // A zero-duration task is an event: all its dates follow the finish rule.
        t.es_date = t.duration > 0 ? clock.start_date(t.es) : clock.finish_date(t.es);
        t.ls_date = t.duration > 0 ? clock.start_date(t.ls) : clock.finish_date(t.ls);
        t.ef_date = clock.finish_date(t.ef);
        t.lf_date = clock.finish_date(t.lf);
    }
    std::vector<int> crit;
    for (int j : net.order)
        if (r.tasks[static_cast<size_t>(j)].critical) crit.push_back(j);
    std::stable_sort(crit.begin(), crit.end(), [&](int a, int b) { return es[static_cast<size_t>(a)] < es[static_cast<size_t>(b)]; });
    for (int j : crit) r.critical_path.push_back(s.tasks[static_cast<size_t>(j)].id);

    r.finish_date = clock.finish_date(r.finish);
    if (in.problem.deadline) {
        r.deadline_offset = static_cast<double>(clock.working_days_through(*in.problem.deadline));
        r.deadline_slack = *r.deadline_offset - r.finish;
    }
    return r;
}

}  // namespace mf
