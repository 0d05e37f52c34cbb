// Axis ticks shared by the app's charts (gui/plot.h) and the report's SVG (core/report/svg.h),
// so a chart reads the same on screen and on paper.
//
//   nice_ticks(0, 37, 6)        → 0, 10, 20, 30
//   log_ticks(50, 2e4)          → 50, 100, 200, 500, 1000, …, 20000 (1, 2, 5 per decade)
//   tick_labels({1000, 1500})   → "1k", "1.5k"
#pragma once
#include <string>
#include <vector>

namespace mf {

// Up to max_ticks "nice" values (1, 2, 5 × 10^k steps) covering [lo, hi].
std::vector<double> nice_ticks(double lo, double hi, int max_ticks);
// Decades (and 2, 5 multiples when few decades) for a log axis.
std::vector<double> log_ticks(double lo, double hi);
// Short tick labels for one axis: 12.5, 1.2k, 3M, 1e-05. k and M only when every large tick
// on the axis is round, so 1026 stays 1026 and 9995 / 10000 / 10005 stay as they are.
std::vector<std::string> tick_labels(const std::vector<double>& ticks);
std::string tick_label(double v);  // one value, as on an axis of its own

}  // namespace mf
