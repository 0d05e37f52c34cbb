#include "schedule/monte_carlo.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "schedule/cpm.h"
#include "schedule/gate.h"
#include "stats/distributions.h"
#include "stats/summary.h"

namespace mf {

static constexpr int kMaxIterations = 10000000;
// Per-task samples are kept (two floats per task and iteration, for ranks and percentiles):
// 25 million cells = 200 MB, well inside a WASM heap.
static constexpr double kMaxCells = 25e6;

ScheduleMonteCarlo::ScheduleMonteCarlo(McInput in)
    : in_(std::move(in)),
      net_(compile_network(in_.problem.section)),
      clock_(in_.problem.section.calendar, in_.problem.start),
      rng_(in_.seed) {
    errors_ = net_.errors;
    if (in_.iterations < 1 || in_.iterations > kMaxIterations)
        errors_.push_back({"", "iterations", "iterations must be between 1 and 10 000 000 (got " +
                                                 std::to_string(in_.iterations) + ")"});
    if (errors_.empty() && static_cast<double>(in_.problem.section.tasks.size()) * in_.iterations > kMaxCells)
        errors_.push_back({"", "iterations", "too many iterations for " +
                                                 std::to_string(in_.problem.section.tasks.size()) +
                                                 " tasks: iterations × tasks must stay below 25 000 000 (memory)"});
    if (!errors_.empty()) return;
    n_ = in_.problem.section.tasks.size();
    total_ = in_.iterations;
    const size_t cells = n_ * static_cast<size_t>(total_);
    finish_.reserve(static_cast<size_t>(total_));
    durations_.resize(cells);
    task_finish_.resize(cells);
    critical_count_.assign(n_, 0);
    for (const NetGate& g : net_.gates) loop_hist_.emplace_back(static_cast<size_t>(g.max_loops) + 1, 0);
    int max_total = 0;
    for (const NetGate& g : net_.gates) max_total += g.max_loops;
    total_loop_hist_.assign(static_cast<size_t>(max_total) + 1, 0);
    d_.resize(n_); es_.resize(n_); ef_.resize(n_); ls_.resize(n_); lf_.resize(n_);
}

static double sample_three_point(Rng& rng, double o, double m, double p, DurationDistribution dist) {
    if (!(p > o)) return o;
    return dist == DurationDistribution::Triangular ? triangular_sample(rng, o, m, p) : pert_sample(rng, o, m, p);
}

double ScheduleMonteCarlo::sample_base(size_t i) {
    const Task& t = in_.problem.section.tasks[i];
    return sample_three_point(rng_, t.optimistic, t.most_likely, t.pessimistic, t.distribution);
}

int ScheduleMonteCarlo::step(int n) {
    if (!errors_.empty() || n <= 0) return 0;
    const int todo = std::min(n, total_ - completed_);
    const auto& tasks = in_.problem.section.tasks;
    const size_t total = static_cast<size_t>(total_);
    for (int k = 0; k < todo; ++k) {
        const size_t it = static_cast<size_t>(completed_);
        for (size_t i = 0; i < n_; ++i) d_[i] = sample_base(i);
        int loops_all = 0;
        for (size_t g = 0; g < net_.gates.size(); ++g) {
            const NetGate& ng = net_.gates[g];
            const size_t ti = static_cast<size_t>(net_.gate_task[g]);
            const ThreePoint& rw = tasks[ti].gate.rework;
            int loops = 0;
            double extra = 0;
            while (loops < ng.max_loops) {
                const bool failed = (loops == 0 && ng.first_fails) ? true : !(rng_.uniform() < ng.pass_probability);
                if (!failed) break;
                ++loops;
                extra += sample_three_point(rng_, rw.optimistic, rw.most_likely, rw.pessimistic, tasks[ti].distribution);
                for (int r : ng.repeat) extra += sample_base(static_cast<size_t>(r));
            }
            d_[ti] += extra;
            ++loop_hist_[g][static_cast<size_t>(loops)];
            loops_all += loops;
        }
        ++total_loop_hist_[static_cast<size_t>(loops_all)];
        const double T = forward_pass(net_, d_.data(), es_.data(), ef_.data());
        backward_pass(net_, d_.data(), T, ls_.data(), lf_.data());
        for (size_t i = 0; i < n_; ++i) {
            if (ls_[i] - es_[i] <= kFloatTolerance) ++critical_count_[i];
            durations_[i * total + it] = static_cast<float>(d_[i]);
            task_finish_[i * total + it] = static_cast<float>(ef_[i]);
        }
        finish_.push_back(T);
        ++completed_;
    }
    return todo;
}

// Average ranks (1-based) of x; ties share the mean of their ranks.
template <class T>
static void average_ranks(const T* x, size_t n, std::vector<size_t>& idx, std::vector<double>& rank) {
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

static double pearson(const std::vector<double>& a, const std::vector<double>& b) {
    const size_t n = a.size();
    double ma = 0, mb = 0;
    for (size_t i = 0; i < n; ++i) { ma += a[i]; mb += b[i]; }
    ma /= static_cast<double>(n);
    mb /= static_cast<double>(n);
    double sab = 0, saa = 0, sbb = 0;
    for (size_t i = 0; i < n; ++i) {
        const double da = a[i] - ma, db = b[i] - mb;
        sab += da * db; saa += da * da; sbb += db * db;
    }
    if (saa <= 0 || sbb <= 0) return std::numeric_limits<double>::quiet_NaN();
    return sab / std::sqrt(saa * sbb);
}

// Type 7 percentile of an unsorted float column (reorders `work`).
static double percentile_unsorted(std::vector<float>& work, double p) {
    const size_t n = work.size();
    const double h = (static_cast<double>(n) - 1.0) * p;
    const size_t lo = static_cast<size_t>(std::floor(h));
    std::nth_element(work.begin(), work.begin() + static_cast<std::ptrdiff_t>(lo), work.end());
    const double xlo = work[lo];
    if (lo + 1 >= n) return xlo;
    const double xhi = *std::min_element(work.begin() + static_cast<std::ptrdiff_t>(lo) + 1, work.end());
    return xlo + (h - static_cast<double>(lo)) * (xhi - xlo);
}

McResult ScheduleMonteCarlo::finish() const {
    McResult r;
    r.errors = errors_;
    r.warnings = net_.warnings;
    r.seed = in_.seed;
    if (!errors_.empty()) return r;
    if (completed_ == 0) {
        r.errors.push_back({"", "iterations", "no iterations have run yet"});
        return r;
    }
    const auto& tasks = in_.problem.section.tasks;
    const size_t m = static_cast<size_t>(completed_);
    const size_t total = static_cast<size_t>(total_);
    r.iterations = completed_;

    r.finish_sorted = finish_;
    std::sort(r.finish_sorted.begin(), r.finish_sorted.end());
    const auto& fs = r.finish_sorted;
    r.p10 = percentile_sorted(fs, 0.10);
    r.p50 = percentile_sorted(fs, 0.50);
    r.p80 = percentile_sorted(fs, 0.80);
    r.p95 = percentile_sorted(fs, 0.95);
    r.p10_date = clock_.finish_date(r.p10);
    r.p50_date = clock_.finish_date(r.p50);
    r.p80_date = clock_.finish_date(r.p80);
    r.p95_date = clock_.finish_date(r.p95);
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
        std::vector<double> es(n_), ef(n_);
        r.deterministic_finish = forward_pass(net_, det.data(), es.data(), ef.data());
        r.deterministic_finish_date = clock_.finish_date(r.deterministic_finish);
        r.buffer = r.p80 - r.deterministic_finish;
        std::vector<double> mean_d(n_);
        for (size_t i = 0; i < n_; ++i)
            mean_d[i] = three_point_mean(tasks[i].optimistic, tasks[i].most_likely, tasks[i].pessimistic,
                                         tasks[i].distribution);
        std::vector<double> with_rework = mean_d;
        for (size_t g = 0; g < net_.gates.size(); ++g) {
            const NetGate& ng = net_.gates[g];
            const size_t ti = static_cast<size_t>(net_.gate_task[g]);
            const ThreePoint& rw = tasks[ti].gate.rework;
            double loop = three_point_mean(rw.optimistic, rw.most_likely, rw.pessimistic, tasks[ti].distribution);
            for (int rr : ng.repeat) loop += mean_d[static_cast<size_t>(rr)];
            with_rework[ti] += expected_rework_loops(ng.pass_probability, ng.max_loops, ng.first_fails) * loop;
        }
        r.expected_duration_finish = forward_pass(net_, with_rework.data(), es.data(), ef.data());
        r.merge_bias = r.mean - r.expected_duration_finish;
    }
    if (in_.problem.deadline) {
        const double D = static_cast<double>(clock_.working_days_through(*in_.problem.deadline));
        r.deadline_offset = D;
        const auto met = std::upper_bound(fs.begin(), fs.end(), D + 1e-9) - fs.begin();
        r.probability_meet_deadline = static_cast<double>(met) / static_cast<double>(m);
    }

    // Per task: criticality, sensitivity, finish percentiles, targets.
    std::vector<size_t> idx;
    std::vector<double> finish_rank, dur_rank;
    average_ranks(finish_.data(), m, idx, finish_rank);
    std::vector<float> work(m);
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
        average_ranks(dcol, m, idx, dur_rank);
        s.sensitivity = pearson(dur_rank, finish_rank);
        std::copy(fcol, fcol + m, work.begin());
        s.p50_finish = percentile_unsorted(work, 0.50);
        s.p80_finish = percentile_unsorted(work, 0.80);
        s.p50_finish_date = clock_.finish_date(s.p50_finish);
        s.p80_finish_date = clock_.finish_date(s.p80_finish);
        if (tasks[i].target) {
            const double D = static_cast<double>(clock_.working_days_through(*tasks[i].target));
            s.target_offset = D;
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
        gs.loop_histogram = loop_hist_[g];
        double lsum = 0;
        for (size_t k = 0; k < gs.loop_histogram.size(); ++k) lsum += static_cast<double>(k) * gs.loop_histogram[k];
        gs.mean_loops = lsum / static_cast<double>(m);
        gs.expected_loops = expected_rework_loops(ng.pass_probability, ng.max_loops, ng.first_fails);
        gs.share_at_limit = ng.max_loops > 0 ? static_cast<double>(gs.loop_histogram.back()) / static_cast<double>(m) : 0.0;
        r.gates.push_back(std::move(gs));
    }
    r.total_loop_histogram = total_loop_hist_;
    return r;
}

McResult run_schedule_monte_carlo(const McInput& in) {
    ScheduleMonteCarlo mc(in);
    while (!mc.done() && mc.errors().empty()) mc.step(1 << 20);
    return mc.finish();
}

}  // namespace mf
