// The inputs the benchmarks share with the edit-to-figure measurement in Chromium
// (tests/bench/edit_to_figure.mjs, which opens them as plan files written by
// `mf_bench --write-plans DIR`), so the kernel and the tab are timed on the same work.
#pragma once
#include <string>

#include "schedule/monte_carlo.h"
#include "tolerance/stack_model.h"

namespace mf::bench {

// 20 contributors, alternating sensitivities, every one a normal (the generator's worst case).
inline mf::Stack chain20() {
    using namespace mf;
    Stack s;
    s.lower_limit = -0.02;
    s.upper_limit = 0.02;
    for (int i = 0; i < 20; ++i) {
        Contributor c;
        c.id = "c" + std::to_string(i);
        c.name = c.id;
        c.nominal = 1.0 + 0.1 * i;
        c.tol_plus = c.tol_minus = 0.002 + 0.0005 * (i % 5);
        c.sensitivity = i % 2 ? -1 : 1;
        c.distribution.capability = 1.33;
        s.contributors.push_back(c);
    }
    return s;
}

// 200 tasks: 20 parallel streams of 10 tasks; every stream's 5th task also waits for the
// previous stream's 5th (a merge every stream), every 10th task is a gate (20 gates, pass
// probability 0.8, rework plus a repeat of the task before it), alternating PERT and
// triangular durations, one SS and one FF link per stream, all joined by a final milestone.
inline mf::ScheduleProblem network_200() {
    mf::ScheduleProblem p;
    p.start = mf::date_from_ymd(2027, 1, 4);
    auto& tasks = p.section.tasks;
    for (int s = 0; s < 20; ++s) {
        for (int k = 0; k < 10; ++k) {
            mf::Task t;
            t.id = "s" + std::to_string(s) + "t" + std::to_string(k);
            t.name = t.id;
            const double m = 3 + (s * 7 + k * 3) % 11;
            t.optimistic = m * 0.7;
            t.most_likely = m;
            t.pessimistic = m * 1.8;
            t.distribution = (s + k) % 2 ? mf::DurationDistribution::Triangular : mf::DurationDistribution::Pert;
            if (k > 0) t.predecessors.push_back({"s" + std::to_string(s) + "t" + std::to_string(k - 1)});
            if (k == 4 && s > 0)
                t.predecessors.push_back({"s" + std::to_string(s - 1) + "t4", mf::LinkType::StartToStart, 2});
            if (k == 7 && s > 0)
                t.predecessors.push_back({"s" + std::to_string(s - 1) + "t6", mf::LinkType::FinishToFinish, -1});
            if (k == 9) {
                t.kind = mf::TaskKind::Gate;
                t.gate.pass_probability = 0.8;
                t.gate.rework = {2, 4, 8};
                t.gate.repeat = {"s" + std::to_string(s) + "t8"};
                t.gate.max_loops = 3;
            }
            tasks.push_back(std::move(t));
        }
    }
    mf::Task end;
    end.id = "end";
    end.name = "end";
    end.kind = mf::TaskKind::Milestone;
    for (int s = 0; s < 20; ++s) end.predecessors.push_back({"s" + std::to_string(s) + "t9"});
    tasks.push_back(std::move(end));
    p.deadline = mf::date_from_ymd(2027, 6, 30);
    return p;
}

}  // namespace mf::bench
