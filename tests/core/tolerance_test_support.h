// A stack contributor for the tolerance tests: a length with its band and sensitivity, the
// name equal to the id, every other field at its default.
#pragma once
#include <doctest/doctest.h>

#include "tolerance/monte_carlo.h"
#include "tolerance/stack_model.h"

namespace mf::test {

inline Contributor contributor(const char* id, double nominal, double tol_plus, double tol_minus, double sensitivity) {
    Contributor c;
    c.id = id;
    c.name = id;
    c.nominal = nominal;
    c.tol_plus = tol_plus;
    c.tol_minus = tol_minus;
    c.sensitivity = sensitivity;
    return c;
}

// Two Monte Carlo summaries are the same to the last bit (a run sliced or computed in blocks
// elsewhere against the one-call run).
inline void check_same_summary(const MonteCarloSummary& x, const MonteCarloSummary& y) {
    CHECK(x.n == y.n);
    CHECK(x.mean == y.mean);
    CHECK(x.sigma == y.sigma);
    CHECK(x.skewness == y.skewness);
    CHECK(x.min == y.min);
    CHECK(x.max == y.max);
    CHECK(x.p00135 == y.p00135);
    CHECK(x.p50 == y.p50);
    CHECK(x.p99865 == y.p99865);
    CHECK(x.below == y.below);
    CHECK(x.above == y.above);
    CHECK(x.histogram.counts == y.histogram.counts);
}

inline void check_same_result(const MonteCarloResult& x, const MonteCarloResult& y) {
    CHECK(x.samples == y.samples);
    CHECK(x.squared_correlation == y.squared_correlation);
    check_same_summary(x.at_measurement, y.at_measurement);
    check_same_summary(x.at_operating, y.at_operating);
}

}  // namespace mf::test
