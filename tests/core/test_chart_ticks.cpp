// Axis helpers of core/chart/ticks.h (shared by gui/plot.h and the report): "nice" tick steps and short tick labels.
#include <doctest/doctest.h>

#include "chart/ticks.h"

using namespace mf;

TEST_CASE("nice ticks step by 1, 2 or 5 times a power of ten and cover the range") {
    // [0, 47] with at most 6 ticks: raw step 47/5 = 9.4 → 10: 0, 10, …, 40.
    const std::vector<double> a = nice_ticks(0, 47, 6);
    REQUIRE(a.size() == 5);
    CHECK(a.front() == 0);
    CHECK(a.back() == doctest::Approx(40));
    // [1025.3, 1029.9] (µm near 1 mm), 6 ticks: raw 0.92 → 1: 1026 … 1029.
    const std::vector<double> b = nice_ticks(1025.3, 1029.9, 6);
    REQUIRE(b.size() == 4);
    CHECK(b.front() == doctest::Approx(1026));
    CHECK(b.back() == doctest::Approx(1029));
}

TEST_CASE("tick labels abbreviate round values only") {
    CHECK(tick_label(0) == "0");
    CHECK(tick_label(12.5) == "12.5");
    CHECK(tick_label(1e-5) == "1e-05");
    CHECK(tick_label(1500) == "1.5k");
    CHECK(tick_label(25000) == "25k");
    CHECK(tick_label(-2000) == "-2k");
    CHECK(tick_label(3e6) == "3M");
    CHECK(tick_label(1026) == "1026");  // not "1.026k": a length in µm
    CHECK(tick_label(10260) == "10260");
    CHECK(tick_label(1028.5) == "1028.5");
}

TEST_CASE("an axis is labelled consistently: no k in the middle of a fine axis") {
    // X̄ chart of µm values near 10 mm: 10000 must not read "10k" between 9995 and 10005.
    const std::vector<std::string> fine = tick_labels({9995, 10000, 10005});
    CHECK(fine == std::vector<std::string>{"9995", "10000", "10005"});
    // A cost axis: all round, abbreviated.
    const std::vector<std::string> cost = tick_labels({0, 20000, 40000, 60000});
    CHECK(cost == std::vector<std::string>{"0", "20k", "40k", "60k"});
    // A log axis of volumes: small values plain, thousands in k, millions in M.
    const std::vector<std::string> volume = tick_labels({1, 10, 100, 1000, 10000, 1e5, 1e6});
    CHECK(volume == std::vector<std::string>{"1", "10", "100", "1k", "10k", "100k", "1M"});
}
