// The kinds of Monte Carlo a Web Worker computes (gui/worker_kinds.h).
#include "worker_kinds.h"

#include <memory>
#include <string>

#include "decision/rank_first_blocks.h"
#include "schedule/schedule_blocks.h"
#include "tolerance/stack_blocks.h"

namespace mf {

// The run of a worker's last request of a kind, kept for the next one: every request of a run
// carries the same text, and a block depends on (seed, block) alone, so parsing the text and
// building the run once per run and worker gives the same blocks. For the 201-task benchmark
// network that was 2.3 ms of each 7.7 ms request (three blocks). (The decision's requests are
// small and cheap to read: not kept.)
template <class Run>
struct KeptRun {
    std::string request;
    std::unique_ptr<Run> run;

    // Blocks [first, first + count) of the run `text` describes, written by `write`; false
    // when `make` cannot build that run.
    template <class Make, class Write>
    bool compute(const std::string& text, Make make, Write write, size_t first, size_t count, Bytes& out) {
        if (!run || request != text) {
            run = make(text);
            request = run ? text : std::string();
        }
        if (run) out = write(run->sample_blocks(first, count));
        return run != nullptr;
    }
};

bool compute_worker_blocks(const std::string& kind, const std::string& request, size_t first, size_t count,
                           Bytes& out) {
    static KeptRun<MonteCarloRun> stack;
    static KeptRun<ScheduleMonteCarlo> schedule;
    if (kind == "stack") return stack.compute(request, stack_run_from_request, write_stack_blocks, first, count, out);
    if (kind == "schedule")
        return schedule.compute(request, schedule_run_from_request, write_schedule_blocks, first, count, out);
    if (kind == "decision") return compute_rank_first_blocks(request, first, count, out);
    return false;
}

// The stack kernel on every distribution the tab can send.
static void warm_up_stack() {
    Stack s;
    const DistributionKind kinds[] = {DistributionKind::Normal, DistributionKind::Uniform, DistributionKind::Triangular,
                                      DistributionKind::Lognormal, DistributionKind::SkewNormal};
    for (int i = 0; i < 10; ++i) {
        Contributor c;
        c.id = "c" + std::to_string(i);
        c.nominal = 1 + i;
        c.tol_plus = c.tol_minus = 0.01;
        c.sensitivity = i % 2 ? -1 : 1;
        c.distribution.kind = kinds[i % 5];
        if (c.distribution.kind == DistributionKind::Lognormal) c.distribution.sigma_log = 0.1;
        s.contributors.push_back(c);
    }
    MonteCarloOptions o;
    o.samples = 200'000;
    MonteCarloRun run(s, o);
    (void)run.sample_blocks(0, run.blocks());
}

// The schedule kernel: a chain of PERT and triangular tasks with a gate and its rework loop,
// forward and backward passes, 2 000 iterations.
static void warm_up_schedule() {
    McInput in;
    in.problem.start = date_from_ymd(2027, 1, 4);
    in.iterations = 2000;
    for (int i = 0; i < 20; ++i) {
        Task t;
        t.id = "t" + std::to_string(i);
        t.name = t.id;
        t.optimistic = 2;
        t.most_likely = 3;
        t.pessimistic = 6;
        t.distribution = i % 2 ? DurationDistribution::Triangular : DurationDistribution::Pert;
        if (i > 0) t.predecessors.push_back({"t" + std::to_string(i - 1)});
        if (i > 1 && i % 3 == 0) t.predecessors.push_back({"t" + std::to_string(i - 2)});
        if (i == 10) {
            t.kind = TaskKind::Gate;
            t.gate.pass_probability = 0.7;
            t.gate.rework = {1, 2, 4};
        }
        in.problem.section.tasks.push_back(t);
    }
    ScheduleMonteCarlo run(in);
    (void)run.sample_blocks(0, run.blocks());
}

// The rank-first kernel: six partners, five criteria, every score ranged, 20 000 samples.
static void warm_up_decision() {
    MatrixInput m;
    for (int j = 0; j < 5; ++j) {
        m.criteria.push_back("c" + std::to_string(j));
        m.benefit.push_back(j % 2 == 0);
        m.weights.push_back(1 + j);
    }
    for (int i = 0; i < 6; ++i) {
        m.alternatives.push_back("p" + std::to_string(i));
        m.value.emplace_back();
        m.low.emplace_back();
        m.high.emplace_back();
        for (int j = 0; j < 5; ++j) {
            m.value.back().push_back(5 + (i * 7 + j * 3) % 5);
            m.low.back().push_back(m.value.back().back() - 1);
            m.high.back().push_back(m.value.back().back() + 2);
        }
    }
    RankFirstRun run(m, 20000, 1);
    (void)run.sample_blocks(0, run.blocks());
}

void warm_up_worker_kernels() {
    warm_up_stack();
    warm_up_schedule();
    warm_up_decision();
}

}  // namespace mf
