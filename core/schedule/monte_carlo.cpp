#include "schedule/monte_carlo.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "base/limits.h"
#include "schedule/cpm.h"
#include "schedule/gate.h"
#include "schedule/multi_calendar.h"
#include "stats/distributions.h"
#include "stats/float_order.h"
#include "stats/summary.h"

namespace mf {

static constexpr int kMaxIterations = 10000000;
// Per-task samples are kept (two floats per task and iteration, for ranks and percentiles):
// 25 million cells = 200 MB, well inside a WASM heap.
static constexpr double kMaxCells = 25e6;

ScheduleMonteCarlo::ScheduleMonteCarlo(McInput in)
    : in_(std::move(in)),
      net_(compile_network(in_.problem.section)),
      clock_(in_.problem.section.calendar, in_.problem.start) {
    errors_ = net_.errors;
    if (in_.iterations < 1 || in_.iterations > kMaxIterations)
        errors_.push_back(
            {"iterations", "iterations must be between 1 and 10 000 000 (got " + std::to_string(in_.iterations) + ")"});
    if (errors_.empty() && static_cast<double>(in_.problem.section.tasks.size()) * in_.iterations > kMaxCells)
        errors_.push_back({"iterations",
                           "too many iterations for " + std::to_string(in_.problem.section.tasks.size()) +
                               " tasks: iterations × tasks must stay below 25 000 000 (memory)"});
    if (errors_.empty()) {
        // Time: each iteration visits every task and link and draws every rework loop a gate
        // can take (max_loops × the rework and each repeated task).
        double per_iteration = static_cast<double>(in_.problem.section.tasks.size());
        for (const auto& links : net_.incoming) per_iteration += static_cast<double>(links.size());
        for (const NetGate& g : net_.gates) per_iteration += g.max_loops * (1.0 + static_cast<double>(g.repeat.size()));
        if (per_iteration * in_.iterations > kMaxScheduleSteps)
            errors_.push_back({"iterations",
                               "too many iterations for this schedule: iterations × (tasks + links + "
                               "gate rework draws) = " +
                                   std::to_string(in_.iterations) + " × " +
                                   std::to_string(static_cast<long long>(per_iteration)) +
                                   " must stay below 1 000 000 000 (docs/plan-format.md, \"Limits\")"});
    }
    if (!errors_.empty()) return;
    n_ = in_.problem.section.tasks.size();
    total_ = in_.iterations;
    critical_count_.assign(n_, 0);
    size_t at = 0, max_total = 0;
    for (const NetGate& g : net_.gates) {
        loop_at_.push_back(at);
        at += static_cast<size_t>(g.max_loops) + 1;
        max_total += static_cast<size_t>(g.max_loops);
    }
    loop_at_.push_back(at);
    loop_counts_.assign(at + max_total + 1, 0);
    d_.resize(n_);
    es_.resize(n_);
    ef_.resize(n_);
    ls_.resize(n_);
    lf_.resize(n_);
    crit_.resize(n_);
    if (net_.calendars.multi) {  // task calendars: the common axis (multi_calendar.h)
        axis_ = std::make_shared<TimeAxis>(net_.calendars, clock_.origin(), schedule_horizon(in_.problem.section));
        esx_.resize(n_);
        efx_.resize(n_);
    }
}

// Summary tasks in one iteration: rolled-up dates, the span as their "duration" (for the
// sensitivity), critical when any subtask is. Leaves: critical when their float is zero.
void ScheduleMonteCarlo::roll_up_summaries() {
    for (size_t i = 0; i < n_; ++i) crit_[i] = ls_[i] - es_[i] <= kFloatTolerance;
    if (axis_) {
        rollup(net_, esx_.data(), efx_.data());  // positions; the span in project working days
    } else {
        rollup(net_, es_.data(), ef_.data());
        rollup(net_, ls_.data(), lf_.data());
    }
    for (int j : net_.summaries_bottom_up) {
        const size_t uj = static_cast<size_t>(j);
        bool c = false;
        for (int k : net_.children[uj]) c = c || crit_[static_cast<size_t>(k)];
        crit_[uj] = c;
        d_[uj] = axis_ ? axis_->work(0, efx_[uj]) - axis_->work(0, esx_[uj]) : ef_[uj] - es_[uj];
    }
}

static double sample_three_point(Rng& rng, double o, double m, double p, DurationDistribution dist) {
    if (!(p > o)) return o;
    return dist == DurationDistribution::Triangular ? triangular_sample(rng, o, m, p) : pert_sample(rng, o, m, p);
}

double ScheduleMonteCarlo::sample_base(Rng& rng, size_t i) {
    if (net_.summary[i]) return 0.0;  // a summary's own durations are ignored (no draw)
    const Task& t = in_.problem.section.tasks[i];
    return sample_three_point(rng, t.optimistic, t.most_likely, t.pessimistic, t.distribution);
}

void ScheduleMonteCarlo::allocate_columns() {
    if (!finish_.empty()) return;
    const size_t total = static_cast<size_t>(total_);
    finish_.resize(total);
    durations_.resize(n_ * total);
    task_finish_.resize(n_ * total);
}

// The iterations of block `block`, from its own stream (see the top of monte_carlo.h).
void ScheduleMonteCarlo::sample_block(size_t block, const BlockOut& out) {
    Rng rng(block_stream_seed(in_.seed, block, 0));
    const auto& tasks = in_.problem.section.tasks;
    const bool outline = !net_.summaries_bottom_up.empty();
    const size_t iterations = block_size(block);
    for (size_t k = 0; k < iterations; ++k) {
        for (size_t i = 0; i < n_; ++i) d_[i] = sample_base(rng, i);
        int loops_all = 0;
        for (size_t g = 0; g < net_.gates.size(); ++g) {
            const NetGate& ng = net_.gates[g];
            const size_t ti = static_cast<size_t>(net_.gate_task[g]);
            const ThreePoint& rw = tasks[ti].gate.rework;
            int loops = 0;
            double extra = 0;
            while (loops < ng.max_loops) {
                const bool failed = (loops == 0 && ng.first_fails) ? true : !(rng.uniform() < ng.pass_probability);
                if (!failed) break;
                ++loops;
                extra += sample_three_point(rng, rw.optimistic, rw.most_likely, rw.pessimistic, tasks[ti].distribution);
                for (int r : ng.repeat) extra += sample_base(rng, static_cast<size_t>(r));
            }
            d_[ti] += extra;
            ++out.loops[loop_at_[g] + static_cast<size_t>(loops)];
            loops_all += loops;
        }
        ++out.loops[loop_at_.back() + static_cast<size_t>(loops_all)];
        double T;  // the finish offset, or with task calendars its position on the common axis
        if (axis_) {
            T = forward_pass_multi(net_, *axis_, d_.data(), es_.data(), ef_.data(), esx_.data(), efx_.data());
            backward_pass_multi(net_, *axis_, d_.data(), T, ls_.data(), lf_.data());
        } else {
            T = forward_pass(net_, d_.data(), es_.data(), ef_.data());
            backward_pass(net_, d_.data(), T, ls_.data(), lf_.data());
        }
        if (outline) roll_up_summaries();
        const double* ef = axis_ ? efx_.data() : ef_.data();
        for (size_t i = 0; i < n_; ++i) {
            if (outline ? crit_[i] != 0 : ls_[i] - es_[i] <= kFloatTolerance) ++out.critical[i];
            out.durations[i * out.stride + k] = static_cast<float>(d_[i]);
            out.task_finish[i * out.stride + k] = static_cast<float>(ef[i]);
        }
        out.finish[k] = T;
    }
}

bool ScheduleMonteCarlo::step(size_t n) {
    if (finished()) return true;
    allocate_columns();
    const size_t total = static_cast<size_t>(total_);
    for (size_t done = 0; done < n && !finished();) {
        const size_t it = static_cast<size_t>(completed_);
        const size_t block = it / kBlock;
        sample_block(block,
                     {finish_.data() + it, durations_.data() + it, task_finish_.data() + it, total,
                      critical_count_.data(), loop_counts_.data()});
        const size_t m = block_size(block);
        completed_ += static_cast<int>(m);
        done += m;
    }
    return finished();
}

ScheduleBlocks ScheduleMonteCarlo::sample_blocks(size_t first, size_t count) {
    ScheduleBlocks b;
    b.first = std::min(first, blocks());
    b.count = std::min(count, blocks() - b.first);
    size_t iterations = 0;
    for (size_t k = 0; k < b.count; ++k) iterations += block_size(b.first + k);
    b.finish.resize(iterations);
    b.durations.resize(n_ * iterations);
    b.task_finish.resize(n_ * iterations);
    b.critical.assign(n_, 0);
    b.loops.assign(loop_counts_.size(), 0);
    size_t at = 0;
    for (size_t k = 0; k < b.count; ++k) {
        const size_t block = b.first + k;
        sample_block(block,
                     {b.finish.data() + at, b.durations.data() + at, b.task_finish.data() + at, iterations,
                      b.critical.data(), b.loops.data()});
        at += block_size(block);
    }
    return b;
}

bool ScheduleMonteCarlo::absorb(const ScheduleBlocks& b) {
    if (b.first != blocks_done() || completed_ % static_cast<int>(kBlock) != 0 || b.count == 0 ||
        b.count > blocks() - b.first)
        return false;
    size_t iterations = 0;
    for (size_t k = 0; k < b.count; ++k) iterations += block_size(b.first + k);
    if (b.finish.size() != iterations || b.durations.size() != n_ * iterations ||
        b.task_finish.size() != n_ * iterations || b.critical.size() != n_ || b.loops.size() != loop_counts_.size())
        return false;
    allocate_columns();
    const size_t total = static_cast<size_t>(total_), it = static_cast<size_t>(completed_);
    std::copy(b.finish.begin(), b.finish.end(), finish_.begin() + static_cast<std::ptrdiff_t>(it));
    for (size_t i = 0; i < n_; ++i) {
        std::copy_n(b.durations.data() + i * iterations, iterations, durations_.data() + i * total + it);
        std::copy_n(b.task_finish.data() + i * iterations, iterations, task_finish_.data() + i * total + it);
        critical_count_[i] += b.critical[i];
    }
    for (size_t k = 0; k < loop_counts_.size(); ++k) loop_counts_[k] += b.loops[k];
    completed_ += static_cast<int>(iterations);
    return true;
}

// Average ranks (1-based) of x; ties share the mean of their ranks. (The per-task float
// columns are ranked by FloatOrder's radix sort; this is the one double column, the finish.)
static void average_ranks(const double* x, size_t n, std::vector<size_t>& idx, std::vector<double>& rank) {
    idx.resize(n);
    rank.resize(n);
    std::iota(idx.begin(), idx.end(), size_t{0});
    std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
    size_t i = 0;
    while (i < n) {
        size_t j = i + 1;
        while (j < n && x[idx[j]] == x[idx[i]]) ++j;
        const double r = 0.5 * static_cast<double>(i + j + 1);  // mean of ranks i+1 … j
        for (size_t k = i; k < j; ++k) rank[idx[k]] = r;
        i = j;
    }
}

// Pearson's r of columns against one fixed column b (every task's duration ranks against the
// project's finish ranks): b's mean, deviations and sum of squares are taken once, not once per
// task. Each sum runs in the order a one-call r would use, so r has the same bits.
class PearsonAgainst {
public:
    explicit PearsonAgainst(const std::vector<double>& b) : db_(b.size()) {
        const size_t n = b.size();
        double mb = 0;
        for (size_t i = 0; i < n; ++i) mb += b[i];
        mb /= static_cast<double>(n);
        for (size_t i = 0; i < n; ++i) {
            db_[i] = b[i] - mb;
            sbb_ += db_[i] * db_[i];
        }
    }
    double operator()(const std::vector<double>& a) const {
        const size_t n = a.size();
        double ma = 0;
        for (size_t i = 0; i < n; ++i) ma += a[i];
        ma /= static_cast<double>(n);
        double sab = 0, saa = 0;
        for (size_t i = 0; i < n; ++i) {
            const double da = a[i] - ma;
            sab += da * db_[i];
            saa += da * da;
        }
        if (saa <= 0 || sbb_ <= 0) return std::numeric_limits<double>::quiet_NaN();
        return sab / std::sqrt(saa * sbb_);
    }

private:
    std::vector<double> db_;
    double sbb_ = 0;
};

McResult ScheduleMonteCarlo::result() const {
    McResult r;
    r.errors = errors_;
    r.warnings = net_.warnings;
    r.seed = in_.seed;
    if (!errors_.empty()) return r;
    if (completed_ == 0) {
        r.errors.push_back({"iterations", "no iterations have run yet"});
        return r;
    }
    const auto& tasks = in_.problem.section.tasks;
    const size_t m = static_cast<size_t>(completed_);
    const size_t total = static_cast<size_t>(total_);
    r.iterations = completed_;

    // With task calendars finish_ holds positions (calendar days): percentiles are taken there,
    // then dated, and converted to working days of the project calendar.
    const TimeAxis* ax = axis_.get();
    auto off = [ax](double x) { return ax ? ax->work(0, x) : x; };
    auto fdate = [&](double x) { return ax ? ax->finish_date_at(x) : clock_.finish_date(x); };
    std::vector<double> fx(finish_.begin(), finish_.begin() + static_cast<std::ptrdiff_t>(m));
    std::sort(fx.begin(), fx.end());
    r.finish_sorted = fx;
    if (ax)
        for (double& v : r.finish_sorted) v = off(v);
    const auto& fs = r.finish_sorted;
    const double q10 = percentile_sorted(fx, 0.10), q50 = percentile_sorted(fx, 0.50),
                 q80 = percentile_sorted(fx, 0.80), q95 = percentile_sorted(fx, 0.95);
    r.p10 = off(q10);
    r.p50 = off(q50);
    r.p80 = off(q80);
    r.p95 = off(q95);
    r.p10_date = fdate(q10);
    r.p50_date = fdate(q50);
    r.p80_date = fdate(q80);
    r.p95_date = fdate(q95);
    r.min = fs.front();
    r.max = fs.back();
    double sum = 0, sum2 = 0;
    for (double x : fs) sum += x;
    r.mean = sum / static_cast<double>(m);
    for (double x : fs) sum2 += (x - r.mean) * (x - r.mean);
    r.sd = m > 1 ? std::sqrt(sum2 / static_cast<double>(m - 1)) : 0.0;

    // Deterministic plan and the plan with expected durations (merge bias baseline).
    {
        const std::vector<double> det = deterministic_durations(in_.problem.section, net_, DurationBasis::MostLikely);
        std::vector<double> es(n_), ef(n_), esx(n_), efx(n_);
        auto pass = [&](const std::vector<double>& dd) {
            return ax ? forward_pass_multi(net_, *ax, dd.data(), es.data(), ef.data(), esx.data(), efx.data())
                      : forward_pass(net_, dd.data(), es.data(), ef.data());
        };
        const double det_t = pass(det);
        r.deterministic_finish = off(det_t);
        r.deterministic_finish_date = fdate(det_t);
        r.buffer = r.p80 - r.deterministic_finish;
        std::vector<double> mean_d(n_);
        for (size_t i = 0; i < n_; ++i)
            mean_d[i] = net_.summary[i] ? 0.0
                                        : three_point_mean(tasks[i].optimistic, tasks[i].most_likely,
                                                           tasks[i].pessimistic, tasks[i].distribution);
        std::vector<double> with_rework = mean_d;
        for (size_t g = 0; g < net_.gates.size(); ++g) {
            const NetGate& ng = net_.gates[g];
            const size_t ti = static_cast<size_t>(net_.gate_task[g]);
            const ThreePoint& rw = tasks[ti].gate.rework;
            double loop = three_point_mean(rw.optimistic, rw.most_likely, rw.pessimistic, tasks[ti].distribution);
            for (int rr : ng.repeat) loop += mean_d[static_cast<size_t>(rr)];
            with_rework[ti] += expected_rework_loops(ng.pass_probability, ng.max_loops, ng.first_fails) * loop;
        }
        r.expected_duration_finish = off(pass(with_rework));
        r.merge_bias = r.mean - r.expected_duration_finish;
    }
    if (in_.problem.deadline) {
        const double D = ax ? static_cast<double>(in_.problem.deadline->days - clock_.origin().days) + 1
                            : static_cast<double>(clock_.working_days_through(*in_.problem.deadline));
        r.deadline_offset = off(D);
        const auto met = std::upper_bound(fx.begin(), fx.end(), D + 1e-9) - fx.begin();
        r.probability_meet_deadline = static_cast<double>(met) / static_cast<double>(m);
    }

    // Per task: criticality, sensitivity, finish percentiles, targets. Each column is put in
    // order by one radix sort (stats/float_order.h): the durations for their ranks, the
    // finishes for their percentiles.
    std::vector<size_t> idx;
    std::vector<double> finish_rank, dur_rank;
    average_ranks(finish_.data(), m, idx, finish_rank);
    const PearsonAgainst rank_correlation(finish_rank);
    FloatOrder order;
    r.tasks.resize(n_);
    for (size_t i = 0; i < n_; ++i) {
        McTaskStats& s = r.tasks[i];
        s.id = tasks[i].id;
        s.criticality = static_cast<double>(critical_count_[i]) / static_cast<double>(m);
        const float* dcol = durations_.data() + i * total;
        const float* fcol = task_finish_.data() + i * total;
        double dsum = 0;
        for (size_t k = 0; k < m; ++k) dsum += dcol[k];
        s.mean_duration = dsum / static_cast<double>(m);
        order.sort(dcol, m);
        order.average_ranks(dur_rank);
        s.sensitivity = rank_correlation(dur_rank);
        order.sort(fcol, m);
        const double t50 = order.percentile(fcol, 0.50), t80 = order.percentile(fcol, 0.80);
        const int ci = net_.calendars.of_task.empty() ? 0 : net_.calendars.of_task[i];
        s.p50_finish = ax ? ax->work(ci, t50) : t50;  // in the task's own working days
        s.p80_finish = ax ? ax->work(ci, t80) : t80;
        s.p50_finish_date = fdate(t50);
        s.p80_finish_date = fdate(t80);
        if (tasks[i].target) {
            const double D = ax ? static_cast<double>(tasks[i].target->days - clock_.origin().days) + 1
                                : static_cast<double>(clock_.working_days_through(*tasks[i].target));
            s.target_offset = ax ? ax->work(ci, D) : D;
            size_t met = 0;
            for (size_t k = 0; k < m; ++k) met += (fcol[k] <= D + 1e-6) ? 1 : 0;
            s.probability_meet_target = static_cast<double>(met) / static_cast<double>(m);
        }
    }
    for (size_t g = 0; g < net_.gates.size(); ++g) {
        const NetGate& ng = net_.gates[g];
        McGateStats gs;
        gs.id = tasks[static_cast<size_t>(net_.gate_task[g])].id;
        gs.pass_probability = ng.pass_probability;
        gs.loop_histogram.assign(loop_counts_.begin() + static_cast<std::ptrdiff_t>(loop_at_[g]),
                                 loop_counts_.begin() + static_cast<std::ptrdiff_t>(loop_at_[g + 1]));
        double lsum = 0;
        for (size_t k = 0; k < gs.loop_histogram.size(); ++k) lsum += static_cast<double>(k) * gs.loop_histogram[k];
        gs.mean_loops = lsum / static_cast<double>(m);
        gs.expected_loops = expected_rework_loops(ng.pass_probability, ng.max_loops, ng.first_fails);
        gs.share_at_limit =
            ng.max_loops > 0 ? static_cast<double>(gs.loop_histogram.back()) / static_cast<double>(m) : 0.0;
        r.gates.push_back(std::move(gs));
    }
    r.total_loop_histogram.assign(loop_counts_.begin() + static_cast<std::ptrdiff_t>(loop_at_.back()),
                                  loop_counts_.end());
    return r;
}

McResult run_schedule_monte_carlo(const McInput& in) {
    ScheduleMonteCarlo mc(in);
    return run_to_end(mc);
}

ScheduleProblem sampled_problem(const ScheduleProblem& p) {
    ScheduleProblem out = p;
    for (Task& t : out.section.tasks) t.name.clear();
    for (NamedCalendar& c : out.section.calendars) c.name.clear();
    return out;
}

}  // namespace mf
