// Nelson rules on constructed series: each series breaks exactly one rule, at a point fixed
// by its construction, and no other rule anywhere. The series are z-scores (centre 0, σ 1)
// mapped to x = 10 + 0.5·z. A quiet block B = {0.5, −0.4, 1.3, 0.3, −0.7, −1.2, 0.2, 0.6}
// (no 9 on one side, no 6-trend, no 14 alternating, a point beyond 1σ every few points, at
// most 2 of 5 beyond 1σ on one side) surrounds each pattern: B B pattern B, so the pattern
// starts at point 17. The expected points were worked out by hand from the rule definitions
// and cross-checked with a brute-force window implementation in Python (not the C++ code).
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "capability/run_rules.h"

using namespace mf;

namespace {
const std::vector<double> kQuiet{0.5, -0.4, 1.3, 0.3, -0.7, -1.2, 0.2, 0.6};

std::vector<double> series(const std::vector<double>& pattern) {
    std::vector<double> z;
    for (int i = 0; i < 2; ++i) z.insert(z.end(), kQuiet.begin(), kQuiet.end());
    z.insert(z.end(), pattern.begin(), pattern.end());
    z.insert(z.end(), kQuiet.begin(), kQuiet.end());
    for (double& v : z) v = 10.0 + 0.5 * v;
    return z;
}

std::vector<Violation> check(const std::vector<double>& pattern, const RuleSettings& s = RuleSettings::nelson()) {
    return run_rules(series(pattern), 10.0, 0.5, {}, s);
}

void expect_only(const std::vector<Violation>& v, int rule, size_t index) {
    REQUIRE(v.size() == 1);
    CHECK(v[0].rule == rule);
    CHECK(v[0].index == index);
}
}  // namespace

TEST_CASE("nelson rules: the quiet block alone breaks nothing") {
    std::vector<double> z;
    for (int i = 0; i < 6; ++i) z.insert(z.end(), kQuiet.begin(), kQuiet.end());
    CHECK(run_rules(z, 0.0, 1.0, {}, RuleSettings::nelson()).empty());
}

TEST_CASE("nelson rule 1: one point beyond 3σ") { expect_only(check({3.4}), 1, 17); }

TEST_CASE("nelson rule 2: nine points on one side") {
    // −1.3 breaks the side, then points 18..26 are all above: the ninth (26) completes it.
    expect_only(check({-1.3, 0.3, 0.6, 0.2, 0.5, 0.4, 0.7, 0.1, 0.5, 0.3, -1.3}), 2, 26);
}

TEST_CASE("nelson rule 3: six points in a row increasing") {
    // Points 17..22 rise by 0.4 each: the sixth (22).
    expect_only(check({-1.3, -0.9, -0.5, -0.1, 0.3, 0.7, -1.1}), 3, 22);
}

TEST_CASE("nelson rule 4: fourteen points alternating") {
    // 0.6 → 0.3 (point 16 → 17) is down and 0.3 → −0.6 is down again, so the alternation
    // starts at point 17 and its fourteenth point is 30; −0.9 → −1.3 ends it.
    expect_only(check({0.3, -0.6, 0.4, -0.4, 1.2, -0.4, 0.4, -1.2, 0.4, -0.4, 1.2, -0.4, 0.4, -0.9, -1.3}), 4, 30);
}

TEST_CASE("nelson rule 5: two of three beyond 2σ on one side") { expect_only(check({2.5, 0.5, 2.4, -1.1}), 5, 19); }

TEST_CASE("nelson rule 6: four of five beyond 1σ on one side") {
    // Points 17, 18, 20, 21 are above 1σ (19 is not): the fourth (21) completes it.
    expect_only(check({1.5, 1.2, 0.3, 1.4, 1.3, -1.1}), 6, 21);
}

TEST_CASE("nelson rule 7: fifteen points within 1σ") {
    // Points 18..32 are within ±1σ (17 = −1.3 and 33 = 1.2 are not): the fifteenth is 32.
    expect_only(check({-1.3, 0.5, -0.4, 0.3, 0.6, -0.2, -0.5, 0.1, 0.4, -0.3, -0.6, 0.2, 0.5, 0.7, -0.4, 0.3, 1.2}), 7,
                32);
}

TEST_CASE("nelson rule 8: eight points beyond 1σ on either side") {
    // Alternating sides, so never 4 of 5 on one side; the eighth (24) completes it.
    expect_only(check({1.5, -1.5, 1.4, -1.6, 1.5, -1.4, 1.6, -1.5, 0.2}), 8, 24);
}

TEST_CASE("western electric subset: rule 2 with K = 8, rules 3, 4, 7, 8 off") {
    const RuleSettings we = RuleSettings::western_electric();
    // The nine-in-a-row series now breaks at its eighth point (25) and again at 26.
    const auto v = check({-1.3, 0.3, 0.6, 0.2, 0.5, 0.4, 0.7, 0.1, 0.5, 0.3, -1.3}, we);
    REQUIRE(v.size() == 2);
    CHECK(v[0].rule == 2);
    CHECK(v[0].index == 25);
    CHECK(v[1].index == 26);
    CHECK(check({-1.3, -0.9, -0.5, -0.1, 0.3, 0.7, -1.1}, we).empty());  // trend: not a WE rule
    CHECK(check({1.5, -1.5, 1.4, -1.6, 1.5, -1.4, 1.6, -1.5, 0.2}, we).empty());
    expect_only(check({2.5, 0.5, 2.4, -1.1}, we), 5, 19);
}

TEST_CASE("nelson rules: a missing point breaks runs; K values are settings") {
    std::vector<double> z = series({-1.3, 0.3, 0.6, 0.2, 0.5, NAN, 0.4, 0.7, 0.1, 0.5, 0.3, -1.3});
    CHECK(run_rules(z, 10.0, 0.5, {}, RuleSettings::nelson()).empty());
    RuleSettings s;
    s.k[0] = 3.5;  // rule 1 at 3.5σ: 3.4σ no longer breaks it
    CHECK(check({3.4}, s).empty());
    // Per-point σ (unequal subgroups): the same point at σ = 0.4 is 4.25σ out.
    std::vector<double> x = series({3.4});
    std::vector<double> ps(x.size(), 0.5);
    s = RuleSettings::nelson();
    s.k[0] = 3.5;
    ps[16] = 0.4;
    const auto v = run_rules(x, 10.0, 0.5, ps, s);
    REQUIRE(v.size() == 1);
    CHECK(v[0].index == 17);
}
