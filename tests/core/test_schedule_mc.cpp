// Monte Carlo schedule risk against analytic answers. Tolerances are about 4 standard errors
// of the estimate at the iteration count used (worked out next to each check); the analytic
// side is computed here by closed forms or numerical integration, and was cross-checked with
// scipy (stats.triang, stats.beta, integrate.quad, optimize.brentq via /usr/bin/python3).
#include <doctest/doctest.h>

#include <cmath>
#include <functional>

#include "schedule/monte_carlo.h"

using namespace mf;

namespace {

Task tri(const char* id, double o, double m, double p, std::vector<std::string> preds = {}) {
    Task t;
    t.id = id;
    t.name = id;
    t.optimistic = o;
    t.most_likely = m;
    t.pessimistic = p;
    t.distribution = DurationDistribution::Triangular;
    for (auto& s : preds) t.predecessors.push_back({s});
    return t;
}
Task pert(const char* id, double o, double m, double p, std::vector<std::string> preds = {}) {
    Task t = tri(id, o, m, p, std::move(preds));
    t.distribution = DurationDistribution::Pert;
    return t;
}

ScheduleProblem problem(std::vector<Task> tasks) {
    ScheduleProblem p;
    p.section.tasks = std::move(tasks);
    p.start = date_from_ymd(2027, 1, 4);
    return p;
}

// Independent closed forms. Triangular [a, b], mode c:
double tri_cdf(double x, double a, double c, double b) {
    if (x <= a) return 0;
    if (x >= b) return 1;
    if (x <= c) return (x - a) * (x - a) / ((b - a) * (c - a));
    return 1 - (b - x) * (b - x) / ((b - a) * (b - c));
}
double tri_pdf(double x, double a, double c, double b) {
    if (x <= a || x >= b) return 0;
    return x <= c ? 2 * (x - a) / ((b - a) * (c - a)) : 2 * (b - x) / ((b - a) * (b - c));
}
// PERT with mode at a quarter of the range → Beta(2, 4): I_u(2,4) = Σ_{j=2..5} C(5,j) u^j (1−u)^(5−j).
double beta24_cdf(double x, double a, double b) {
    const double u = (x - a) / (b - a);
    if (u <= 0) return 0;
    if (u >= 1) return 1;
    const double v = 1 - u;
    return 10 * u * u * v * v * v + 10 * u * u * u * v * v + 5 * u * u * u * u * v + u * u * u * u * u;
}
// Composite Simpson on [lo, hi] with n (even) intervals.
double simpson(const std::function<double(double)>& f, double lo, double hi, int n = 20000) {
    const double h = (hi - lo) / n;
    double s = f(lo) + f(hi);
    for (int i = 1; i < n; ++i) s += f(lo + i * h) * (i % 2 ? 4 : 2);
    return s * h / 3;
}
double bisect(const std::function<double(double)>& f, double target, double lo, double hi) {
    for (int i = 0; i < 200; ++i) {
        const double mid = 0.5 * (lo + hi);
        (f(mid) < target ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

const McTaskStats& stats(const McResult& r, const std::string& id) {
    for (const auto& t : r.tasks)
        if (t.id == id) return t;
    FAIL("no task " << id);
    return r.tasks.front();
}

}  // namespace

TEST_CASE("Monte Carlo: a single triangular task's percentiles and deadline probability") {
    // Triangular(2, 3, 7): F(c) = 0.2. Inverse: p <= 0.2: 2 + sqrt(5p); else 7 − sqrt(20(1 − p)).
    // P10 = 2 + sqrt(0.5) = 2.707107, P50 = 7 − sqrt(10) = 3.837722, P80 = 5, P95 = 6.
    // Deadline Thu 2027-01-07 = 4 working days through it: P(X <= 4) = 1 − 3²/20 = 0.55.
    ScheduleProblem p = problem({tri("A", 2, 3, 7)});
    p.deadline = date_from_ymd(2027, 1, 7);
    McResult r = run_schedule_monte_carlo({p, 400000, 11});
    REQUIRE(r.ok());
    // SE of a percentile = sqrt(p(1−p)/n)/f(x_p): P10 0.0012, P50 0.0025, P80 0.0032, P95 0.0034.
    CHECK(r.p10 == doctest::Approx(2 + std::sqrt(0.5)).epsilon(0.005 / 2.7));
    CHECK(r.p50 == doctest::Approx(7 - std::sqrt(10.0)).epsilon(0.01 / 3.84));
    CHECK(r.p80 == doctest::Approx(5).epsilon(0.013 / 5));
    CHECK(r.p95 == doctest::Approx(6).epsilon(0.014 / 6));
    CHECK(r.mean == doctest::Approx(4).epsilon(0.007 / 4));  // SE = sqrt(21/18)/sqrt(n) = 0.0017
    CHECK(r.sd == doctest::Approx(std::sqrt(21.0 / 18)).epsilon(0.005));
    REQUIRE(r.probability_meet_deadline);
    CHECK(*r.probability_meet_deadline == doctest::Approx(0.55).epsilon(0.0032 / 0.55));  // SE 0.0008
    CHECK(*r.deadline_offset == 4);
    // Dates: P50 = offset 3.84 → finish day ⌈3.84⌉ − 1 = 3 = Thu 7 Jan; deterministic (most likely 3) → Wed 6 Jan.
    CHECK(format_iso_date(r.p50_date) == "2027-01-07");
    CHECK(format_iso_date(r.deterministic_finish_date) == "2027-01-06");
    CHECK(r.deterministic_finish == 3);
    CHECK(r.buffer == doctest::Approx(r.p80 - 3));
    CHECK(stats(r, "A").criticality == 1);
    CHECK(stats(r, "A").sensitivity == doctest::Approx(1.0));  // the finish is the task itself
    CHECK(r.finish_sorted.size() == 400000);
}

TEST_CASE("Monte Carlo: a sum of a triangular and a PERT task") {
    // A ~ Triangular(2, 3, 7), B ~ PERT(10, 15, 30) = 10 + 20·Beta(2, 4). Mean 4 + 100/6,
    // variance 21/18 + 400·8/(36·7). Percentiles of A + B by numerical convolution:
    // P(A + B <= s) = ∫ f_A(a) F_B(s − a) da (scipy: P50 20.30591, P80 23.91551).
    auto cdf = [](double s) {
        return simpson([s](double a) { return tri_pdf(a, 2, 3, 7) * beta24_cdf(s - a, 10, 30); }, 2, 7, 4000);
    };
    const double p50 = bisect(cdf, 0.5, 12, 37), p80 = bisect(cdf, 0.8, 12, 37);
    CHECK(p50 == doctest::Approx(20.30591160489701).epsilon(1e-6));
    CHECK(p80 == doctest::Approx(23.91551216150242).epsilon(1e-6));
    McResult r = run_schedule_monte_carlo({problem({tri("A", 2, 3, 7), pert("B", 10, 15, 30, {"A"})}), 400000, 5});
    REQUIRE(r.ok());
    const double sd = std::sqrt(21.0 / 18 + 400.0 * 8 / (36 * 7));           // 3.72358
    CHECK(r.mean == doctest::Approx(4 + 100.0 / 6).epsilon(0.024 / 20.67));  // SE 0.0059
    CHECK(r.sd == doctest::Approx(sd).epsilon(0.005));
    CHECK(r.p50 == doctest::Approx(p50).epsilon(0.03 / 20.3));     // SE ≈ 0.0073
    CHECK(r.p80 == doctest::Approx(p80).epsilon(0.04 / 23.9));     // SE ≈ 0.0095
    CHECK(stats(r, "B").sensitivity > stats(r, "A").sensitivity);  // B dominates the variance
}

TEST_CASE("Monte Carlo: two parallel paths — the maximum, criticality and merge bias") {
    // A ~ Triangular(5, 10, 20) and B ~ PERT(6, 11, 26) = 6 + 20·Beta(2, 4) in parallel, joined by
    // milestone M. The finish is max(A, B): F(t) = F_A(t)·F_B(t), E[max] = ∫0^26 (1 − F) dt.
    // Criticality of A = P(A > B) = ∫ f_A(t) F_B(t) dt.
    // scipy: E[max] 14.103361, P50 13.967073, P80 16.801114, P(A > B) 0.425932.
    auto F = [](double t) { return tri_cdf(t, 5, 10, 20) * beta24_cdf(t, 6, 26); };
    const double emax = simpson([&](double t) { return 1 - F(t); }, 0, 26);
    const double p50 = bisect(F, 0.5, 5, 26), p80 = bisect(F, 0.8, 5, 26);
    const double a_wins = simpson([](double t) { return tri_pdf(t, 5, 10, 20) * beta24_cdf(t, 6, 26); }, 5, 20);
    CHECK(emax == doctest::Approx(14.10336135873016).epsilon(1e-6));
    CHECK(p50 == doctest::Approx(13.967072796282606).epsilon(1e-6));
    CHECK(a_wins == doctest::Approx(0.42593186025492075).epsilon(1e-6));

    Task m;
    m.id = "M";
    m.name = "join";
    m.kind = TaskKind::Milestone;
    m.predecessors = {{"A"}, {"B"}};
    McResult r = run_schedule_monte_carlo({problem({tri("A", 5, 10, 20), pert("B", 6, 11, 26), m}), 400000, 3});
    REQUIRE(r.ok());
    CHECK(r.mean == doctest::Approx(emax).epsilon(0.02 / 14.1));                         // sd(max) ≈ 3.3: SE 0.0052
    CHECK(r.p50 == doctest::Approx(p50).epsilon(0.03 / 14.0));                           // SE ≈ 0.0065
    CHECK(r.p80 == doctest::Approx(p80).epsilon(0.04 / 16.8));                           // SE ≈ 0.0085
    CHECK(stats(r, "A").criticality == doctest::Approx(a_wins).epsilon(0.004 / 0.426));  // SE 0.0008
    CHECK(stats(r, "B").criticality == doctest::Approx(1 - a_wins).epsilon(0.004 / 0.574));
    CHECK(stats(r, "M").criticality == 1);
    CHECK(std::isnan(stats(r, "M").sensitivity));  // zero duration: no rank correlation
    // Merge bias: the plan with mean durations finishes at max(E A, E B) = 12.667, the
    // expected finish is E[max] = 14.10: the join finishes later than either path alone.
    CHECK(r.expected_duration_finish == doctest::Approx(38.0 / 3));
    CHECK(r.merge_bias == doctest::Approx(emax - 38.0 / 3).epsilon(0.02 / 1.44));
    McResult alone_a = run_schedule_monte_carlo({problem({tri("A", 5, 10, 20)}), 100000, 3});
    McResult alone_b = run_schedule_monte_carlo({problem({pert("B", 6, 11, 26)}), 100000, 3});
    CHECK(r.p50 > alone_a.p50 + 1);
    CHECK(r.p50 > alone_b.p50 + 1);
}

TEST_CASE("Monte Carlo: a geometric rework loop") {
    // Gate with pass probability p = 0.6, rework of exactly 2 days, loop limit 50 (never reached
    // in practice): the loop count L is geometric, P(L = k) = q^k p with q = 0.4, E[L] = q/p.
    Task g;
    g.id = "G";
    g.name = "gate";
    g.kind = TaskKind::Gate;
    g.gate.pass_probability = 0.6;
    g.gate.rework = {2, 2, 2};
    g.gate.max_loops = 50;
    const int n = 200000;
    McResult r = run_schedule_monte_carlo({problem({g}), n, 17});
    REQUIRE(r.ok());
    REQUIRE(r.gates.size() == 1);
    const McGateStats& s = r.gates[0];
    // sd(L) = sqrt(q)/p = 1.054: SE of the mean 0.0024.
    CHECK(s.mean_loops == doctest::Approx(0.4 / 0.6).epsilon(0.01 / 0.667));
    CHECK(s.expected_loops == doctest::Approx(0.4 / 0.6).epsilon(1e-9));
    const double p_k[] = {0.6, 0.24, 0.096, 0.0384};
    for (int k = 0; k < 4; ++k)  // SE <= sqrt(0.24·0.76/n) = 0.001
        CHECK(static_cast<double>(s.loop_histogram[static_cast<size_t>(k)]) / n ==
              doctest::Approx(p_k[k]).epsilon(0.004 / p_k[k]));
    CHECK(r.mean == doctest::Approx(2 * 0.4 / 0.6).epsilon(0.02 / 1.333));
    CHECK(r.total_loop_histogram[0] == s.loop_histogram[0]);

    // Loop limit 2 and "the first batch fails": L = 1 + Bernoulli(q) → E[L] = 1.4; every run
    // of the repeated task A (3 days) and a 1-day rework is added per loop: finish = 3 + 4L.
    Task a = tri("A", 3, 3, 3);
    Task g2 = g;
    g2.predecessors = {{"A"}};
    g2.gate.rework = {1, 1, 1};
    g2.gate.repeat = {"A"};
    g2.gate.max_loops = 2;
    g2.gate.assume_first_fails = true;
    McResult r2 = run_schedule_monte_carlo({problem({a, g2}), n, 18});
    REQUIRE(r2.ok());
    CHECK(r2.gates[0].loop_histogram[0] == 0);
    CHECK(r2.gates[0].mean_loops == doctest::Approx(1.4).epsilon(0.005 / 1.4));  // SE 0.0011
    CHECK(r2.gates[0].share_at_limit == doctest::Approx(0.4).epsilon(0.005 / 0.4));
    CHECK(r2.mean == doctest::Approx(3 + 4 * 1.4).epsilon(0.02 / 8.6));
    CHECK(r2.deterministic_finish == 3 + 4);  // the plan carries one loop
    CHECK(r2.expected_duration_finish == doctest::Approx(3 + 4 * 1.4));
}

TEST_CASE("Monte Carlo: slicing gives identical results; seeds matter; ties are all critical") {
    ScheduleProblem p = problem(
        {tri("A", 1, 2, 6), pert("B", 2, 3, 9, {"A"}), tri("C", 1, 4, 5, {"A"}), pert("D", 1, 1, 4, {"B", "C"})});
    p.section.tasks.push_back(Task{});
    Task& g = p.section.tasks.back();
    g.id = "G";
    g.name = "gate";
    g.kind = TaskKind::Gate;
    g.predecessors = {{"D"}};
    g.gate.pass_probability = 0.7;
    g.gate.rework = {1, 2, 4};
    g.gate.repeat = {"D"};
    p.deadline = date_from_ymd(2027, 1, 20);
    McInput in{p, 3001, 99};
    McResult whole = run_schedule_monte_carlo(in);
    // The sliced-job contract (core/base/job.h): step(n) → finished, progress, result() at any time.
    static_assert(is_sliced_job<ScheduleMonteCarlo>::value);
    ScheduleMonteCarlo sliced(in);
    CHECK_FALSE(sliced.finished());
    CHECK(sliced.progress() == 0);
    CHECK_FALSE(sliced.result().ok());  // nothing has run yet
    int calls = 0;
    bool finished = false;
    double progress = 0;
    while (!finished) {
        finished = sliced.step(137);  // whole blocks of 256 iterations: at least 137
        ++calls;
        CHECK(sliced.progress() > progress);
        progress = sliced.progress();
        if (calls == 5) {  // a partial summary of the 5 × 256 = 1280 iterations so far
            const McResult partial = sliced.result();
            REQUIRE(partial.ok());
            CHECK(partial.iterations == 1280);
            CHECK(partial.finish_sorted.size() == 1280);
            CHECK_FALSE(sliced.finished());
        }
    }
    CHECK(calls == 12);  // ⌈3001 / 256⌉ blocks, the last one of 185 iterations
    CHECK(sliced.finished());
    CHECK(sliced.progress() == 1);
    CHECK(sliced.step(137));  // stays finished
    McResult parts = sliced.result();
    CHECK(parts.iterations == 3001);
    REQUIRE(whole.ok());
    CHECK(parts.finish_sorted == whole.finish_sorted);
    CHECK(parts.p80 == whole.p80);
    CHECK(*parts.probability_meet_deadline == *whole.probability_meet_deadline);
    for (size_t i = 0; i < whole.tasks.size(); ++i) {
        CHECK(parts.tasks[i].criticality == whole.tasks[i].criticality);
        CHECK(parts.tasks[i].sensitivity == whole.tasks[i].sensitivity);
        CHECK(parts.tasks[i].p80_finish == whole.tasks[i].p80_finish);
    }
    CHECK(parts.gates[0].loop_histogram == whole.gates[0].loop_histogram);
    McResult other = run_schedule_monte_carlo({p, 3001, 100});
    CHECK(other.finish_sorted != whole.finish_sorted);

    // Two constant parallel paths of equal length: both critical in every iteration.
    McResult tie = run_schedule_monte_carlo({problem({tri("X", 4, 4, 4), tri("Y", 4, 4, 4)}), 100, 1});
    CHECK(stats(tie, "X").criticality == 1);
    CHECK(stats(tie, "Y").criticality == 1);
    CHECK(std::isnan(stats(tie, "X").sensitivity));

    // Errors come back as values.
    CHECK_FALSE(run_schedule_monte_carlo({p, 0, 1}).ok());
    CHECK_FALSE(run_schedule_monte_carlo({p, 10000000, 1}).ok());  // 5 tasks × 10⁷ > 25 million cells
    ScheduleMonteCarlo refused({p, 0, 1});  // refused inputs: finished at once, the reason in result()
    CHECK(refused.finished());
    CHECK(refused.step(100));
    REQUIRE(refused.result().errors.size() == 1);
    CHECK(refused.result().errors[0].where == "iterations");
    CHECK_FALSE(run_schedule_monte_carlo({problem({tri("A", 3, 2, 1)}), 100, 1}).ok());
}

TEST_CASE("Monte Carlo: intermediate milestone targets") {
    // A ~ Triangular(2, 3, 7) then milestone S with target Thu 7 Jan (4 working days): P = 0.55.
    Task s;
    s.id = "S";
    s.name = "samples";
    s.kind = TaskKind::Milestone;
    s.predecessors = {{"A"}};
    s.target = date_from_ymd(2027, 1, 7);
    McResult r = run_schedule_monte_carlo({problem({tri("A", 2, 3, 7), s}), 100000, 4});
    REQUIRE(r.ok());
    REQUIRE(stats(r, "S").probability_meet_target);
    CHECK(*stats(r, "S").probability_meet_target == doctest::Approx(0.55).epsilon(0.0064 / 0.55));  // SE 0.0016
    CHECK_FALSE(stats(r, "A").probability_meet_target);
}
