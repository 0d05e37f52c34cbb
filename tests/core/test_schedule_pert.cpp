// PERT three-point estimates against the published example, and the Cpk → pass-probability
// mapping of gates against values computed with scipy.
#include <doctest/doctest.h>

#include "schedule/gate.h"
#include "schedule/pert.h"

using namespace mf;

static Task t3(const char* id, double o, double m, double p, std::vector<std::string> preds = {}) {
    Task t;
    t.id = id;
    t.name = id;
    t.optimistic = o;
    t.most_likely = m;
    t.pessimistic = p;
    for (auto& s : preds) t.predecessors.push_back({s});
    return t;
}

TEST_CASE("PERT: Reliable Construction Co. three-point estimates (Hillier & Lieberman)") {
    // Hillier & Lieberman, Introduction to Operations Research, chapter "Project Management
    // with PERT/CPM": table of (o, m, p) for the Reliable project. The book gives the means
    // (= the CPM durations), the variances, the mean critical path A-B-C-E-F-J-L-N with
    // μ_p = 44 and σ_p² = 9, and P(T ≤ 47) ≈ Φ(1) = 0.84.
    ScheduleProblem p;
    p.start = date_from_ymd(2027, 1, 4);
    p.section.tasks = {
        t3("A", 1, 2, 3),           t3("B", 2, 3.5, 8, {"A"}),
        t3("C", 6, 9, 18, {"B"}),   t3("D", 4, 5.5, 10, {"C"}),
        t3("E", 1, 4.5, 5, {"C"}),  t3("F", 4, 4, 10, {"E"}),
        t3("G", 5, 6.5, 11, {"D"}), t3("H", 5, 8, 17, {"E", "G"}),
        t3("I", 3, 7.5, 9, {"C"}),  t3("J", 3, 9, 9, {"F", "I"}),
        t3("K", 4, 4, 4, {"J"}),    t3("L", 1, 5.5, 7, {"J"}),
        t3("M", 1, 2, 3, {"H"}),    t3("N", 5, 5.5, 9, {"K", "L"}),
    };
    PertResult r = run_pert({p, 47.0});
    REQUIRE(r.ok());
    const double mean[] = {2, 4, 10, 6, 4, 5, 7, 9, 7, 8, 4, 5, 2, 6};
    const double var[] = {1.0 / 9, 1, 4, 1, 4.0 / 9, 1, 1, 4, 1, 1, 0, 1, 1.0 / 9, 4.0 / 9};
    for (size_t i = 0; i < 14; ++i) {
        CAPTURE(r.tasks[i].id);
        CHECK(r.tasks[i].expected == doctest::Approx(mean[i]).epsilon(1e-12));
        CHECK(r.tasks[i].variance == doctest::Approx(var[i]).epsilon(1e-12));
    }
    CHECK(r.expected_finish == doctest::Approx(44));
    CHECK(r.variance == doctest::Approx(9));
    CHECK(r.sd == doctest::Approx(3));
    CHECK(r.critical_path == std::vector<std::string>{"A", "B", "C", "E", "F", "J", "L", "N"});
    CHECK(*r.probability_meet_target == doctest::Approx(0.8413447460685429).epsilon(1e-12));  // Φ(1)
}

TEST_CASE("gates: Cpk estimate to pass probability (Bissell's standard error)") {
    // Reference values: SE = sqrt(1/(9n) + Cpk²/(2(n−1))), P = scipy.stats.norm.cdf((Cpk − 1.33)/SE),
    // computed with /usr/bin/python3 (scipy 1.10).
    CpkPassResult a = pass_probability_from_cpk({1.5, 60, 1.33});
    CHECK(a.error.empty());
    CHECK(a.standard_error == doctest::Approx(0.1446362626108036).epsilon(1e-12));
    CHECK(a.probability == doctest::Approx(0.8800750859986728).epsilon(1e-10));
    CHECK(pass_probability_from_cpk({1.33, 100, 1.33}).probability == doctest::Approx(0.5));
    CHECK(pass_probability_from_cpk({1.2, 30, 1.33}).probability ==
          doctest::Approx(0.22075935456728185).epsilon(1e-10));
    CHECK(pass_probability_from_cpk({1.67, 20, 1.33}).probability ==
          doctest::Approx(0.8868733362418569).epsilon(1e-10));
    CHECK_FALSE(pass_probability_from_cpk({1.5, 1, 1.33}).error.empty());
    CHECK_FALSE(pass_probability_from_cpk({-1, 50, 1.33}).error.empty());
    CHECK_FALSE(pass_probability_from_cpk({1.5, 50, 0}).error.empty());

    GateSpec typed;
    typed.pass_probability = 0.7;
    CHECK(gate_spec_pass_probability(typed) == 0.7);

    // Truncated geometric loop counts: q = 0.4.
    CHECK(expected_rework_loops(0.6, 2, false) == doctest::Approx(0.4 + 0.16));
    CHECK(expected_rework_loops(0.6, 2, true) == doctest::Approx(1.4));
    CHECK(expected_rework_loops(0.6, 0, false) == 0);
    CHECK(expected_rework_loops(1.0, 5, false) == 0);
    CHECK(expected_rework_loops(0.0, 3, false) == 3);
}
