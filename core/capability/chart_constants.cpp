#include "capability/chart_constants.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mf {

namespace {
// Index n − 2. d2(n) = ∫ [1 − Φ(x)ⁿ − (1 − Φ(x))ⁿ] dx; d3(n)² = E[R²] − d2², both by adaptive
// quadrature (scipy.integrate) to 1e-12, rounded to six decimals.
constexpr double kD2[24] = {1.128379, 1.692569, 2.058751, 2.325929, 2.534413, 2.704357, 2.847201, 2.970026,
                            3.077505, 3.172873, 3.258455, 3.335980, 3.406763, 3.471827, 3.531983, 3.587884,
                            3.640064, 3.688963, 3.734950, 3.778336, 3.819385, 3.858323, 3.895348, 3.930629};
constexpr double kD3[24] = {0.852502, 0.888368, 0.879808, 0.864082, 0.848040, 0.833205, 0.819831, 0.807834,
                            0.797051, 0.787315, 0.778478, 0.770416, 0.763023, 0.756211, 0.749908, 0.744052,
                            0.738591, 0.733481, 0.728686, 0.724173, 0.719915, 0.715887, 0.712068, 0.708441};
}  // namespace

double d2_constant(int n) {
    return n >= 2 && n <= kMaxTabulatedSubgroup ? kD2[n - 2] : std::numeric_limits<double>::quiet_NaN();
}
double d3_constant(int n) {
    return n >= 2 && n <= kMaxTabulatedSubgroup ? kD3[n - 2] : std::numeric_limits<double>::quiet_NaN();
}

double c4_constant(double n) {
    if (!(n > 1)) return std::numeric_limits<double>::quiet_NaN();
    return std::sqrt(2.0 / (n - 1.0)) * std::exp(std::lgamma(n / 2.0) - std::lgamma((n - 1.0) / 2.0));
}

ChartConstants chart_constants(int n) {
    ChartConstants k;
    if (n < 2 || n > kMaxTabulatedSubgroup) return k;
    k.valid = true;
    k.n = n;
    k.d2 = kD2[n - 2];
    k.d3 = kD3[n - 2];
    k.c4 = c4_constant(n);
    const double rn = std::sqrt(static_cast<double>(n));
    k.A2 = 3.0 / (k.d2 * rn);
    k.D3 = std::max(0.0, 1.0 - 3.0 * k.d3 / k.d2);
    k.D4 = 1.0 + 3.0 * k.d3 / k.d2;
    k.A3 = 3.0 / (k.c4 * rn);
    const double s = std::sqrt(1.0 - k.c4 * k.c4) / k.c4;
    k.B3 = std::max(0.0, 1.0 - 3.0 * s);
    k.B4 = 1.0 + 3.0 * s;
    return k;
}

}  // namespace mf
