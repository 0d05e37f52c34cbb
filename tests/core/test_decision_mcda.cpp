// Weighted sum, TOPSIS, ties, flip weights and the rank-first Monte Carlo against a
// published example, hand calculations written out here, and analytic probabilities.
#include <doctest/doctest.h>

#include <cmath>
#include <utility>

#include "base/job.h"
#include "decision/sensitivity.h"
#include "decision/topsis.h"
#include "decision/weighted_sum.h"

using namespace mf;

static MatrixInput matrix(std::vector<std::vector<double>> v, std::vector<bool> benefit, std::vector<double> w) {
    MatrixInput m;
    for (size_t i = 0; i < v.size(); ++i) m.alternatives.push_back("A" + std::to_string(i + 1));
    for (size_t j = 0; j < w.size(); ++j) m.criteria.push_back("C" + std::to_string(j + 1));
    m.benefit = std::move(benefit);
    m.weights = std::move(w);
    m.value = std::move(v);
    return m;
}

// Hwang, C.-L. & Yoon, K. (1981) "Multiple Attribute Decision Making", Lecture Notes in
// Economics and Mathematical Systems 186, Springer: the fighter-aircraft example. Attributes:
// maximum speed (Mach), ferry range (NM), maximum payload (lb), acquisition cost ($10⁶, a cost),
// reliability and manoeuvrability (interval scale: low 3, average 5, high 7, very high 9);
// weights (0.2, 0.1, 0.1, 0.1, 0.2, 0.3). Published ranking A1 > A3 > A4 > A2. Closeness
// values computed independently with numpy (vector normalisation):
//   C = 0.64327700, 0.26838357, 0.61354229, 0.31229107
//   D+ = 0.05455745, 0.11967931, 0.05797672, 0.10093671; D− = 0.09838320, 0.04390273, 0.09204414, 0.04583572
TEST_CASE("decision TOPSIS: Hwang & Yoon fighter-aircraft example") {
    MatrixInput m = matrix({{2.0, 1500, 20000, 5.5, 5, 9},
                            {2.5, 2700, 18000, 6.5, 3, 5},
                            {1.8, 2000, 21000, 4.5, 7, 7},
                            {2.2, 1800, 20000, 5.0, 5, 5}},
                           {true, true, true, false, true, true}, {0.2, 0.1, 0.1, 0.1, 0.2, 0.3});
    const TopsisResult r = topsis(m);
    REQUIRE(r.errors.empty());
    const double c[] = {0.64327700, 0.26838357, 0.61354229, 0.31229107};
    const double dp[] = {0.05455745, 0.11967931, 0.05797672, 0.10093671};
    const double dm[] = {0.09838320, 0.04390273, 0.09204414, 0.04583572};
    for (int i = 0; i < 4; ++i) {
        CHECK(r.ranking.score[i] == doctest::Approx(c[i]).epsilon(1e-7));
        CHECK(r.d_plus[i] == doctest::Approx(dp[i]).epsilon(1e-6));
        CHECK(r.d_minus[i] == doctest::Approx(dm[i]).epsilon(1e-6));
    }
    CHECK(r.ranking.order == std::vector<int>{0, 2, 3, 1});
    CHECK(r.ranking.rank == std::vector<int>{1, 4, 2, 3});
    CHECK_FALSE(r.ranking.top_tied);
}

TEST_CASE("decision TOPSIS: min-max normalisation and a tie that is flagged, not broken") {
    // X = A1 (1, 10), A2 (3, 20), A3 (2, 30), both benefit, w = (0.5, 0.5).
    // min-max: A1 (0, 0), A2 (1, 0.5), A3 (0.5, 1); weighted ×0.5; ideal (0.5, 0.5), anti (0, 0).
    // D+ = (√0.5, 0.25, 0.25), D− = (0, √0.3125, √0.3125); C = (0, 0.690983006, 0.690983006).
    MatrixInput m = matrix({{1, 10}, {3, 20}, {2, 30}}, {true, true}, {1, 1});
    const TopsisResult r = topsis(m, TopsisNormalisation::MinMax);
    REQUIRE(r.errors.empty());
    CHECK(r.ranking.score[0] == doctest::Approx(0.0));
    CHECK(r.ranking.score[1] == doctest::Approx(std::sqrt(0.3125) / (0.25 + std::sqrt(0.3125))).epsilon(1e-12));
    CHECK(r.ranking.score[1] == doctest::Approx(0.690983006).epsilon(1e-8));
    CHECK(r.ranking.top_tied);
    CHECK(r.ranking.rank == std::vector<int>{3, 1, 1});
    CHECK(r.ranking.tied == std::vector<bool>{false, true, true});
    CHECK(r.ranking.order == std::vector<int>{1, 2, 0});  // the tie keeps input order
}

TEST_CASE("decision weighted sum: scale and ratio normalisation by hand") {
    // C1 scored on a 1–10 scale (benefit): A1 8, A2 5 → u = 7/9, 4/9.
    // C2 first-article days without a scale (cost): A1 14, A2 56 → u = min/v = 1, 0.25.
    // C3 monthly capacity without a scale (benefit): A1 500, A2 20000 → u = v/max = 0.025, 1.
    // w = (2, 1, 1) → (0.5, 0.25, 0.25):
    //   S1 = 0.5·7/9 + 0.25·1 + 0.25·0.025 = 0.38888… + 0.25 + 0.00625 = 0.645138889
    //   S2 = 0.5·4/9 + 0.25·0.25 + 0.25·1  = 0.22222… + 0.0625 + 0.25 = 0.534722222
    MatrixInput m = matrix({{8, 14, 500}, {5, 56, 20000}}, {true, false, true}, {2, 1, 1});
    m.scale_min = {1.0, std::nullopt, std::nullopt};
    m.scale_max = {10.0, std::nullopt, std::nullopt};
    const WeightedSumResult r = weighted_sum(m);
    REQUIRE(r.errors.empty());
    CHECK(r.ranking.score[0] == doctest::Approx(0.645138889).epsilon(1e-9));
    CHECK(r.ranking.score[1] == doctest::Approx(0.534722222).epsilon(1e-9));
    CHECK(r.normalisation[0] == "scale [1, 10]");
    CHECK(r.normalisation[1] == "ratio to best");
    CHECK(r.ranking.order[0] == 0);
}

TEST_CASE("decision weighted sum: bad matrices give clear messages") {
    CHECK(weighted_sum(matrix({}, {true}, {1})).errors[0] == "the decision matrix is empty: add at least one partner");
    CHECK(weighted_sum(matrix({{1}}, {}, {})).errors[0] == "the decision matrix is empty: add at least one criterion");
    CHECK(weighted_sum(matrix({{1, 2}}, {true, true}, {0, 0})).errors[0] ==
          "all criterion weights are zero: give at least one criterion a positive weight");
    CHECK(weighted_sum(matrix({{1, NAN}}, {true, true}, {1, 1})).errors[0] ==
          "partner \"A1\", criterion \"C2\": no score (every partner needs a value on every criterion)");
    CHECK(weighted_sum(matrix({{0, 1}}, {true, true}, {1, 1}))
              .errors[0]
              .find("must be positive when the criterion has no scale") != std::string::npos);
}

// Three partners, three benefit criteria on a 0–10 scale, w = (0.5, 0.3, 0.2):
//   u: A (0.9, 0.2, 0.5), B (0.4, 0.8, 0.6), C (0.5, 0.5, 0.9);  S = 0.61, 0.56, 0.58 → A on top.
// Varying w_k = t with the others rescaled, S_i(t) = t u_ik + (1 − t) R_ik, R_ik = Σ_{j≠k} w_j u_ij/(1 − w_k);
// A and rival m tie at t* = b/(b − a), a = u_Ak − u_mk, b = R_Ak − R_mk:
//   k = 1: R = (0.32, 0.72, 0.66); vs B t* = −0.40/−0.90 = 0.444444; vs C t* = −0.34/−0.74 = 0.459459
//          → down-flip at 0.459459 (C takes first), no up-flip.
//   k = 2: R = (0.55, 0.32, 0.43)/0.7; vs B t* = 0.23/(0.23 + 0.42) = 0.353846; vs C 0.12/0.33 = 0.363636
//          → up-flip at 0.353846 (B), no down-flip.
//   k = 3: R = (0.6375, 0.55, 0.5); vs B t* = 0.0875/0.1875 = 0.466667; vs C 0.1375/0.5375 = 0.255814
//          → up-flip at 0.255814 (C).
static MatrixInput flip_matrix() {
    MatrixInput m = matrix({{9, 2, 5}, {4, 8, 6}, {5, 5, 9}}, {true, true, true}, {0.5, 0.3, 0.2});
    m.scale_min = {0.0, 0.0, 0.0};
    m.scale_max = {10.0, 10.0, 10.0};
    return m;
}

TEST_CASE("decision flip weights: the hand-derived closed form") {
    const WeightFlipResult r = weight_flips(flip_matrix());
    REQUIRE(r.errors.empty());
    CHECK(r.top == 0);
    REQUIRE(r.flips.size() == 3);
    CHECK_FALSE(r.flips[0].up);
    REQUIRE(r.flips[0].down);
    CHECK(*r.flips[0].down == doctest::Approx(0.34 / 0.74).epsilon(1e-12));
    CHECK(r.flips[0].down_new_top == std::vector<int>{2});
    REQUIRE(r.flips[1].up);
    CHECK(*r.flips[1].up == doctest::Approx(0.23 / 0.65).epsilon(1e-12));
    CHECK(r.flips[1].up_new_top == std::vector<int>{1});
    CHECK_FALSE(r.flips[1].down);
    REQUIRE(r.flips[2].up);
    CHECK(*r.flips[2].up == doctest::Approx(0.1375 / 0.5375).epsilon(1e-12));
    CHECK(r.flips[2].up_new_top == std::vector<int>{2});
}

TEST_CASE("decision flip weights: just past the flip the weighted sum really has a new winner") {
    // Independent route: rescale the weights by hand and rerun the weighted sum.
    MatrixInput m = flip_matrix();
    const double t = 0.23 / 0.65;
    for (double d : {-1e-6, 1e-6}) {
        const double wk = t + d;
        m.weights = {0.5 * (1 - wk) / 0.7, wk, 0.2 * (1 - wk) / 0.7};
        const WeightedSumResult r = weighted_sum(m);
        CHECK(r.ranking.order[0] == (d < 0 ? 0 : 1));
    }
}

TEST_CASE("decision flip weights: never in [0, 1] when one partner dominates") {
    MatrixInput m = matrix({{9, 9}, {1, 1}}, {true, true}, {1, 1});
    m.scale_min = {0.0, 0.0};
    m.scale_max = {10.0, 10.0};
    const WeightFlipResult r = weight_flips(m);
    for (const auto& f : r.flips) {
        CHECK(f.applicable);
        CHECK_FALSE(f.up);
        CHECK_FALSE(f.down);
    }
}

TEST_CASE("decision flip weights: a tie for first breaks at the current weight, either way") {
    // Two benefit criteria on 0–100, weights 0.5 / 0.5; u = value / 100:
    //   A1 (80, 20): S = 0.5·0.8 + 0.5·0.2 = 0.50   A2 (30, 70): 0.5·0.3 + 0.5·0.7 = 0.50 (tie)
    //   A3 (95, 0):  0.475                          A4 (0, 90):  0.45
    // Weight t of C1 (C2 gets 1 − t): S1 = 0.2 + 0.6t, S2 = 0.7 − 0.4t, S3 = 0.95t, S4 = 0.9 − 0.9t.
    //   Raised above 0.5: A1 leads (slope 0.6 > −0.4) until A3 catches it, 0.95t = 0.2 + 0.6t →
    //   t = 0.2/0.35 = 4/7; lowered below 0.5: A2 leads until A4 catches it, 0.9 − 0.9t = 0.7 − 0.4t →
    //   t = 0.2/0.5 = 0.4.
    // Weight t of C2: S1 = 0.8 − 0.6t, S2 = 0.3 + 0.4t, S3 = 0.95(1 − t), S4 = 0.9t.
    //   Raised: A2 leads until 0.9t = 0.3 + 0.4t → t = 0.6 (A4); lowered: A1 leads until
    //   0.95 − 0.95t = 0.8 − 0.6t → t = 0.15/0.35 = 3/7 (A3).
    MatrixInput m = matrix({{80, 20}, {30, 70}, {95, 0}, {0, 90}}, {true, true}, {0.5, 0.5});
    m.scale_min = {0.0, 0.0};
    m.scale_max = {100.0, 100.0};
    const WeightFlipResult r = weight_flips(m);
    REQUIRE(r.errors.empty());
    CHECK(r.top_tied);
    CHECK(r.top == -1);
    CHECK(r.tied_top == std::vector<int>{0, 1});
    REQUIRE(r.flips.size() == 2);
    const WeightFlip& c1 = r.flips[0];
    CHECK(c1.applicable);
    CHECK(c1.up_tie_breaks);
    CHECK(c1.down_tie_breaks);
    REQUIRE(c1.up);
    CHECK(*c1.up == doctest::Approx(0.5).epsilon(1e-12));  // the tie breaks where the weight is now
    CHECK(c1.up_new_top == std::vector<int>{0});
    REQUIRE(c1.up_then);
    CHECK(*c1.up_then == doctest::Approx(4.0 / 7).epsilon(1e-12));
    CHECK(c1.up_then_new_top == std::vector<int>{2});
    REQUIRE(c1.down);
    CHECK(*c1.down == doctest::Approx(0.5).epsilon(1e-12));
    CHECK(c1.down_new_top == std::vector<int>{1});
    REQUIRE(c1.down_then);
    CHECK(*c1.down_then == doctest::Approx(0.4).epsilon(1e-12));
    CHECK(c1.down_then_new_top == std::vector<int>{3});
    const WeightFlip& c2 = r.flips[1];
    CHECK(c2.up_new_top == std::vector<int>{1});
    REQUIRE(c2.up_then);
    CHECK(*c2.up_then == doctest::Approx(0.6).epsilon(1e-12));
    CHECK(c2.up_then_new_top == std::vector<int>{3});
    CHECK(c2.down_new_top == std::vector<int>{0});
    REQUIRE(c2.down_then);
    CHECK(*c2.down_then == doctest::Approx(3.0 / 7).epsilon(1e-12));
    CHECK(c2.down_then_new_top == std::vector<int>{2});
    // The claims agree with the weighted sum itself just either side of each point.
    for (const auto& [t, winner] :
         std::vector<std::pair<double, int>>{{0.51, 0}, {4.0 / 7 + 0.01, 2}, {0.49, 1}, {0.39, 3}}) {
        MatrixInput q = m;
        q.weights = {t, 1 - t};
        const WeightedSumResult ws = weighted_sum(q);
        CHECK_FALSE(ws.ranking.top_tied);
        CHECK(ws.ranking.order[0] == winner);
    }
}

TEST_CASE("decision flip weights: tied partners that move alike stay tied until an outsider overtakes") {
    // A1 (50, 50) and A2 (50, 50) are identical: S = 0.5 for every weight of C1. A3 (90, 0):
    // S3 = 0.9t (0.45 now) overtakes both where 0.9t = 0.5, t = 5/9. Lowered, A3 only falls:
    // the tie holds down to 0.
    MatrixInput m = matrix({{50, 50}, {50, 50}, {90, 0}}, {true, true}, {0.5, 0.5});
    m.scale_min = {0.0, 0.0};
    m.scale_max = {100.0, 100.0};
    const WeightFlipResult r = weight_flips(m);
    REQUIRE(r.errors.empty());
    CHECK(r.tied_top == std::vector<int>{0, 1});
    const WeightFlip& c1 = r.flips[0];
    CHECK_FALSE(c1.up_tie_breaks);
    REQUIRE(c1.up);
    CHECK(*c1.up == doctest::Approx(5.0 / 9).epsilon(1e-12));
    CHECK(c1.up_new_top == std::vector<int>{2});
    CHECK_FALSE(c1.down_tie_breaks);
    CHECK_FALSE(c1.down);
}

TEST_CASE("decision rank-first Monte Carlo against analytic probabilities") {
    // One criterion on a 0–10 scale. A1 fixed at 5; A2 triangular(0, 0, 10):
    // P(X > 5) = (1 − 5/10)² = 0.25 exactly. With n = 200 000 samples the standard error is
    // √(0.25·0.75/n) = 0.00097; allow 4.5 standard errors.
    MatrixInput m = matrix({{5}, {0}}, {true}, {1});
    m.scale_min = {0.0};
    m.scale_max = {10.0};
    m.low = {{5}, {0}};
    m.high = {{5}, {10}};
    const size_t n = 200000;
    const RankFirstResult r = rank_first_probability(m, n, 42);
    REQUIRE(r.errors.empty());
    CHECK(r.ranged_cells == 1);
    const double se = std::sqrt(0.25 * 0.75 / n);
    CHECK(std::fabs(r.p_first[1] - 0.25) < 4.5 * se);
    CHECK(r.p_first[0] + r.p_first[1] == doctest::Approx(1.0));
    CHECK(r.ci95[1].lower < 0.25);
    CHECK(r.ci95[1].upper > 0.25);
    // Same seed, same answer.
    CHECK(rank_first_probability(m, n, 42).p_first[1] == r.p_first[1]);
}

TEST_CASE("decision rank-first: without ranges the winner is certain; a tie splits the credit") {
    MatrixInput m = matrix({{3}, {7}}, {true}, {1});
    m.scale_min = {0.0};
    m.scale_max = {10.0};
    RankFirstResult r = rank_first_probability(m, 1000, 1);
    CHECK(r.ranged_cells == 0);
    CHECK(r.p_first[1] == 1.0);
    m.value = {{7}, {7}};
    r = rank_first_probability(m, 1000, 1);
    CHECK(r.p_first[0] == 0.5);
    CHECK(r.p_first[1] == 0.5);
}

TEST_CASE("decision rank-first: run in slices, the numbers are the same as in one go") {
    MatrixInput m = matrix({{5, 3}, {0, 6}, {4, 4}}, {true, false}, {2, 1});
    m.scale_min = {0.0, 0.0};
    m.scale_max = {10.0, 10.0};
    m.low = {{4, 2}, {0, 5}, {3, 4}};
    m.high = {{6, 4}, {10, 8}, {6, 4}};
    const RankFirstResult whole = rank_first_probability(m, 5003, 9);
    RankFirstRun run(m, 5003, 9);
    CHECK_FALSE(run.finished());
    CHECK(run.progress() == 0.0);
    CHECK(run.result().p_first.empty());  // nothing sampled yet
    int slices = 0;
    while (!run.step(700)) {
        ++slices;
        // A partial result any time: the samples so far, probabilities summing to 1.
        const RankFirstResult part = run.result();
        REQUIRE(part.p_first.size() == 3);
        CHECK(part.p_first[0] + part.p_first[1] + part.p_first[2] == doctest::Approx(1.0));
        // Whole blocks of 1024 samples: a step of 700 runs one block.
        CHECK(run.progress() == doctest::Approx(1024.0 * slices / 5003));
    }
    CHECK(slices == 4);  // ⌈5003 / 1024⌉ = 5 blocks: the fifth step finished it
    CHECK(run.finished());
    CHECK(run.step(700));  // finished stays finished
    CHECK(run.progress() == 1.0);
    const RankFirstResult sliced = run.result();
    REQUIRE(sliced.p_first.size() == 3);
    for (size_t i = 0; i < 3; ++i) {
        CHECK(sliced.p_first[i] == whole.p_first[i]);
        CHECK(sliced.mean_rank[i] == whole.mean_rank[i]);
        CHECK(sliced.ci95[i].lower == whole.ci95[i].lower);
    }
    // run_to_end (core/base/job.h) gives the same numbers.
    RankFirstRun again(m, 5003, 9);
    CHECK(run_to_end(again, 64).p_first == whole.p_first);
    // A bad matrix is finished at once, with the reason.
    m.weights = {0, 0};
    RankFirstRun bad(m, 100, 1);
    CHECK(bad.finished());
    CHECK(bad.step(10));
    CHECK_FALSE(bad.result().errors.empty());
}
