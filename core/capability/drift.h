// Drift: the least-squares trend of a feature's values against production order.
//
//   Drift d = drift_trend(values, /*part_interval=*/5);
//   d.slope_per_100_parts, d.p (two-sided t-test of slope = 0, df = m − 2)
//
// The order of a value is its row number (1-based); missing rows keep their place. With
// part_interval k (every k-th part measured) row r is part r·k, so the slope per 100 parts is
// 100 · slope_per_row / k.
#pragma once
#include <string>
#include <vector>

namespace mf {

struct Drift {
    size_t n = 0;  // values used
    double slope_per_row = 0;
    double slope_per_100_parts = 0;
    double std_error = 0;  // of slope_per_row
    double t = 0;
    double dof = 0;
    double p = 1;              // two-sided
    bool significant = false;  // p < alpha
    std::string error;
};

Drift drift_trend(const std::vector<double>& values, double part_interval = 1, double alpha = 0.05);

}  // namespace mf
