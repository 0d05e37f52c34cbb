#include "stats/fast_normal.h"

#include <cmath>

#include "stats/portable_math.h"

namespace mf {

namespace ziggurat {

// 256 layers of equal area V under f(x) = exp(−x²/2) (unnormalised), base strip + tail
// included. x[0] = V / f(R) is the width of the virtual rectangle holding the base strip and
// the tail; x[1] = R; x[i+1] = f⁻¹(f(x[i]) + V / x[i]); x[256] = 0.
constexpr double kR = 3.6541528853610088;
constexpr double kV = 0.00492867323399;

Tables::Tables() {
    const double fr = portable_exp(-0.5 * kR * kR);
    x[0] = kV / fr;
    x[1] = kR;
    for (int i = 1; i < kLayers - 1; ++i)
        x[i + 1] = std::sqrt(-2.0 * portable_log(kV / x[i] + portable_exp(-0.5 * x[i] * x[i])));
    x[kLayers] = 0.0;
    for (int i = 0; i <= kLayers; ++i) f[i] = portable_exp(-0.5 * x[i] * x[i]);
}

const Tables& tables() {
    static const Tables t;
    return t;
}

// The rare paths (1.2 % of draws): the base strip's tail and the wedges, for the draw that
// selected layer i and gave u and x = u·x[i]; returns a value, or NaN to ask for a fresh draw.
double slow_path(Rng& rng, const Tables& t, int i, double u, double x) {
    if (i == 0) {  // base strip overflow: the tail beyond R
        double xt, y;
        do {
            xt = -portable_log(rng.uniform_open()) / kR;
            y = -portable_log(rng.uniform_open());
        } while (y + y < xt * xt);
        return u < 0 ? -(kR + xt) : kR + xt;
    }
    // The wedge between the layer's rectangle and the curve.
    if (t.f[i + 1] + (t.f[i] - t.f[i + 1]) * rng.uniform() < portable_exp(-0.5 * x * x)) return x;
    return std::nan("");
}

}  // namespace ziggurat

double normal_ziggurat(Rng& rng) {
    double v;
    normal_ziggurat_fill(rng, &v, 1);
    return v;
}

}  // namespace mf
