// Order statistics and proportions shared by the analyses. Conventions (stated once here
// and in docs/): percentiles interpolate linearly between closest ranks (Hyndman & Fan
// type 7 — Excel PERCENTILE.INC, numpy's default); binomial intervals are Wilson score.
#pragma once
#include <vector>

namespace mf {

// p in [0, 1]; `sorted` ascending and non-empty. Type 7: h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
double percentile_sorted(const std::vector<double>& sorted, double p);

struct Interval {
    double lower = 0;
    double upper = 0;
};
// Wilson score interval for k successes in n trials at two-sided confidence given by z
// (1.959963984540054 for 95 %).
Interval wilson_interval(double k, double n, double z = 1.959963984540054);

}  // namespace mf
