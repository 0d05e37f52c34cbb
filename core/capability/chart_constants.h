// Control-chart constants for subgroups of n = 2 … 25.
//
//   ChartConstants k = chart_constants(5);   // k.A2 = 0.5768, k.D4 = 2.1145, ...
//   if (!k.valid) ...                        // n outside 2..25
//
// d2 and d3 (mean and SD of the range of n standard normals) are TABULATED to six decimals
// (computed by numerical integration; rounded to three decimals they are the printed tables
// of Montgomery, Appendix VI, and ASTM E2587). c4 is EXACT from the gamma function. The
// other constants follow from their definitions:
//   A2 = 3/(d2 √n)   D3 = max(0, 1 − 3 d3/d2)   D4 = 1 + 3 d3/d2
//   A3 = 3/(c4 √n)   B3 = max(0, 1 − 3 √(1 − c4²)/c4)   B4 = 1 + 3 √(1 − c4²)/c4
#pragma once

namespace mf {

struct ChartConstants {
    bool valid = false;
    int n = 0;
    double d2 = 0, d3 = 0, c4 = 0;
    double A2 = 0, A3 = 0, D3 = 0, D4 = 0, B3 = 0, B4 = 0;
};

inline constexpr int kMaxTabulatedSubgroup = 25;

ChartConstants chart_constants(int n);
// d2(n), d3(n) from the table (n = 2..25); NaN outside it.
double d2_constant(int n);
double d3_constant(int n);
// c4(n) = √(2/(n−1)) Γ(n/2) / Γ((n−1)/2), exact for any real n > 1 (via lgamma). NaN for n <= 1.
double c4_constant(double n);

}  // namespace mf
