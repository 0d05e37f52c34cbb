#include "schedule/pert.h"

#include <cmath>

#include "schedule/calendar.h"
#include "stats/distributions.h"

namespace mf {

PertResult run_pert(const PertInput& in) {
    PertResult r;
    const ScheduleSection& s = in.problem.section;
    Network net = compile_network(s);
    r.errors = net.errors;
    if (!net.ok()) return r;
    const size_t n = s.tasks.size();
    std::vector<double> te(n), var(n), es(n), ef(n), ls(n), lf(n);
    r.tasks.resize(n);
    for (size_t i = 0; i < n; ++i) {
        const Task& t = s.tasks[i];
        const bool summary = net.summary[i] != 0;  // a summary's own durations are ignored
        te[i] = summary ? 0.0 : (t.optimistic + 4.0 * t.most_likely + t.pessimistic) / 6.0;
        var[i] = summary ? 0.0 : std::pow((t.pessimistic - t.optimistic) / 6.0, 2);
        r.tasks[i] = {t.id, te[i], var[i]};
    }
    r.expected_finish = forward_pass(net, te.data(), es.data(), ef.data());
    backward_pass(net, te.data(), r.expected_finish, ls.data(), lf.data());

    // Largest variance along a chain of critical tasks joined by driving links.
    std::vector<double> pv(n, -1);
    std::vector<int> from(n, -1);
    auto critical = [&](size_t i) { return ls[i] - es[i] <= kFloatTolerance; };
    for (int j : net.order) {
        const size_t uj = static_cast<size_t>(j);
        if (!critical(uj) || net.summary[uj]) continue;
        double best = 0;
        for (const NetLink& l : net.incoming[uj]) {
            const size_t i = static_cast<size_t>(l.from);
            if (!critical(i) || pv[i] < 0) continue;
            double c = 0;
            switch (l.type) {
                case LinkType::FinishToStart: c = ef[i] + l.lag; break;
                case LinkType::StartToStart: c = es[i] + l.lag; break;
                case LinkType::FinishToFinish: c = ef[i] + l.lag - te[uj]; break;
                case LinkType::StartToFinish: c = es[i] + l.lag - te[uj]; break;
            }
            if (std::fabs(c - es[uj]) > kFloatTolerance) continue;  // not driving
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
        if (pv[uj] >= 0 && std::fabs(ef[uj] - r.expected_finish) <= kFloatTolerance &&
            (end < 0 || pv[uj] >= pv[static_cast<size_t>(end)]))
            end = j;
    }
    if (end >= 0) {
        r.variance = pv[static_cast<size_t>(end)];
        std::vector<std::string> path;
        for (int j = end; j >= 0; j = from[static_cast<size_t>(j)]) path.push_back(s.tasks[static_cast<size_t>(j)].id);
        r.critical_path.assign(path.rbegin(), path.rend());
    }
    r.sd = std::sqrt(r.variance);

    r.target_offset = in.target_offset;
    if (!r.target_offset && in.problem.deadline) {
        WorkdayClock clock(s.calendar, in.problem.start);
        r.target_offset = static_cast<double>(clock.working_days_through(*in.problem.deadline));
    }
    if (r.target_offset) {
        if (r.sd > 0)
            r.probability_meet_target = normal_cdf((*r.target_offset - r.expected_finish) / r.sd);
        else
            r.probability_meet_target = *r.target_offset >= r.expected_finish - kFloatTolerance ? 1.0 : 0.0;
    }
    return r;
}

}  // namespace mf
