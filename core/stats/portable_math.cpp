// fdlibm 5.3's log, exp and cos (stats/portable_math.h). Constants are fdlibm's, with their
// bit patterns; comments keep fdlibm's reasoning where it explains a step.
#include "stats/portable_math.h"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace mf {

namespace {

int32_t high_word(double x) {
    uint64_t b;
    std::memcpy(&b, &x, 8);
    return static_cast<int32_t>(b >> 32);
}
uint32_t low_word(double x) {
    uint64_t b;
    std::memcpy(&b, &x, 8);
    return static_cast<uint32_t>(b);
}
double with_high_word(double x, int32_t hi) {
    uint64_t b;
    std::memcpy(&b, &x, 8);
    b = (static_cast<uint64_t>(static_cast<uint32_t>(hi)) << 32) | (b & 0xFFFFFFFFull);
    std::memcpy(&x, &b, 8);
    return x;
}
double from_words(int32_t hi, uint32_t lo) {
    const uint64_t b = (static_cast<uint64_t>(static_cast<uint32_t>(hi)) << 32) | lo;
    double x;
    std::memcpy(&x, &b, 8);
    return x;
}

constexpr double kLn2Hi = 6.93147180369123816490e-01;  // 0x3FE62E42 FEE00000
constexpr double kLn2Lo = 1.90821492927058770002e-10;  // 0x3DEA39EF 35793C76

// [SECTION] cos: kernels on [−π/4, π/4] (x + y, |y| < ulp(x)/2) and the reduction by π/2.

double kernel_cos(double x, double y) {
    constexpr double C1 = 4.16666666666666019037e-02;   // 0x3FA55555 5555554C
    constexpr double C2 = -1.38888888888741095749e-03;  // 0xBF56C16C 16C15177
    constexpr double C3 = 2.48015872894767294178e-05;   // 0x3EFA01A0 19CB1590
    constexpr double C4 = -2.75573143513906633035e-07;  // 0xBE927E4F 809C52AD
    constexpr double C5 = 2.08757232129817482790e-09;   // 0x3E21EE9E BDB4B1C4
    constexpr double C6 = -1.13596475577881948265e-11;  // 0xBDA8FAE9 BE8838D4
    const int32_t ix = high_word(x) & 0x7fffffff;
    if (ix < 0x3e400000 && static_cast<int>(x) == 0) return 1.0;  // |x| < 2^-27
    const double z = x * x;
    const double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
    if (ix < 0x3FD33333) return 1.0 - (0.5 * z - (z * r - x * y));  // |x| < 0.3
    // cos(x) = 1 − (x²/2 − (z·r − x·y)) computed as (1 − qx) − ((x²/2 − qx) − (z·r − x·y)).
    const double qx = ix > 0x3fe90000 ? 0.28125 : from_words(ix - 0x00200000, 0);  // x/4
    const double hz = 0.5 * z - qx;
    const double a = 1.0 - qx;
    return a - (hz - (z * r - x * y));
}

// sin(x + y) for the reduced argument (y the tail of x).
double kernel_sin(double x, double y) {
    constexpr double S1 = -1.66666666666666324348e-01;  // 0xBFC55555 55555549
    constexpr double S2 = 8.33333333332248946124e-03;   // 0x3F811111 1110F8A6
    constexpr double S3 = -1.98412698298579493134e-04;  // 0xBF2A01A0 19C161D5
    constexpr double S4 = 2.75573137070700676789e-06;   // 0x3EC71DE3 57B1FE7D
    constexpr double S5 = -2.50507602534068634195e-08;  // 0xBE5AE5E6 8A2B9CEB
    constexpr double S6 = 1.58969099521155010221e-10;   // 0x3DE5D93A 5ACFD57C
    const int32_t ix = high_word(x) & 0x7fffffff;
    if (ix < 0x3e400000 && static_cast<int>(x) == 0) return x;  // |x| < 2^-27
    const double z = x * x;
    const double v = z * x;
    const double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
    return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

// x − n·π/2 as y0 + y1 for |x| ≤ 2^19·π/2 (fdlibm's medium-size case, always taking the
// careful path: a second and third term of π/2 when cancellation eats the first's bits).
int rem_pio2_medium(double x, double& y0, double& y1) {
    constexpr double kInvPio2 = 6.36619772367581382433e-01;  // 0x3FE45F30 6DC9C883
    constexpr double kPio2_1 = 1.57079632673412561417e+00;   // 0x3FF921FB 54400000
    constexpr double kPio2_1t = 6.07710050650619224932e-11;  // 0x3DD0B461 1A626331
    constexpr double kPio2_2 = 6.07710050630396597660e-11;   // 0x3DD0B461 1A600000
    constexpr double kPio2_2t = 2.02226624879595063154e-21;  // 0x3BA3198A 2E037073
    constexpr double kPio2_3 = 2.02226624871116645580e-21;   // 0x3BA3198A 2E000000
    constexpr double kPio2_3t = 8.47842766036889956997e-32;  // 0x397B839A 252049C1
    const int32_t hx = high_word(x), ix = hx & 0x7fffffff;
    const double t0 = std::fabs(x);
    const int n = static_cast<int>(t0 * kInvPio2 + 0.5);
    const double fn = static_cast<double>(n);
    double r = t0 - fn * kPio2_1;  // exact: kPio2_1 has 33 bits
    double w = fn * kPio2_1t;      // 1st round good to 85 bits
    const int32_t j = ix >> 20;
    y0 = r - w;
    int32_t i = j - ((high_word(y0) >> 20) & 0x7ff);
    if (i > 16) {  // 2nd iteration needed, good to 118 bits
        double t = r;
        w = fn * kPio2_2;
        r = t - w;
        w = fn * kPio2_2t - ((t - r) - w);
        y0 = r - w;
        i = j - ((high_word(y0) >> 20) & 0x7ff);
        if (i > 49) {  // 3rd iteration, 151 bits: covers every case
            t = r;
            w = fn * kPio2_3;
            r = t - w;
            w = fn * kPio2_3t - ((t - r) - w);
            y0 = r - w;
        }
    }
    y1 = (r - y0) - w;
    if (hx < 0) {
        y0 = -y0;
        y1 = -y1;
        return -n;
    }
    return n;
}

}  // namespace

// [SECTION] log: log(x) = k·ln2 + log(1 + f), f in [√2/2 − 1, √2 − 1], with s = f/(2 + f) and
// log(1 + f) = 2s + s·R(s²), R a minimax polynomial.
double portable_log(double x) {
    constexpr double Lg1 = 6.666666666666735130e-01;  // 0x3FE55555 55555593
    constexpr double Lg2 = 3.999999999940941908e-01;  // 0x3FD99999 9997FA04
    constexpr double Lg3 = 2.857142874366239149e-01;  // 0x3FD24924 94229359
    constexpr double Lg4 = 2.222219843214978396e-01;  // 0x3FCC71C5 1D8E78AF
    constexpr double Lg5 = 1.818357216161805012e-01;  // 0x3FC74664 96CB03DE
    constexpr double Lg6 = 1.531383769920937332e-01;  // 0x3FC39A09 D078C69F
    constexpr double Lg7 = 1.479819860511658591e-01;  // 0x3FC2F112 DF3E5244
    constexpr double kTwo54 = 1.80143985094819840000e+16;
    int32_t hx = high_word(x);
    const uint32_t lx = low_word(x);
    int k = 0;
    if (hx < 0x00100000) {                                                          // x < 2^-1022
        if (((hx & 0x7fffffff) | static_cast<int32_t>(lx)) == 0) return -HUGE_VAL;  // log(±0)
        if (hx < 0) return std::nan("");                                            // log(−x)
        k -= 54;                                                                    // subnormal: scale up
        x *= kTwo54;
        hx = high_word(x);
    }
    if (hx >= 0x7ff00000) return x + x;
    k += (hx >> 20) - 1023;
    hx &= 0x000fffff;
    const int32_t i0 = (hx + 0x95f64) & 0x100000;
    x = with_high_word(x, hx | (i0 ^ 0x3ff00000));  // normalise x or x/2
    k += i0 >> 20;
    const double f = x - 1.0;
    const double dk = static_cast<double>(k);
    if ((0x000fffff & (2 + hx)) < 3) {  // |f| < 2^-20
        if (f == 0.0) return k == 0 ? 0.0 : dk * kLn2Hi + dk * kLn2Lo;
        const double R = f * f * (0.5 - 0.33333333333333333 * f);
        return k == 0 ? f - R : dk * kLn2Hi - ((R - dk * kLn2Lo) - f);
    }
    const double s = f / (2.0 + f);
    const double z = s * s;
    int32_t i = hx - 0x6147a;
    const double w = z * z;
    const int32_t j = 0x6b851 - hx;
    const double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
    const double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
    i |= j;
    const double R = t2 + t1;
    if (i > 0) {
        const double hfsq = 0.5 * f * f;
        return k == 0 ? f - (hfsq - s * (hfsq + R)) : dk * kLn2Hi - ((hfsq - (s * (hfsq + R) + dk * kLn2Lo)) - f);
    }
    return k == 0 ? f - s * (f - R) : dk * kLn2Hi - ((s * (f - R) - dk * kLn2Lo) - f);
}

// [SECTION] exp: x = k·ln2 + r, |r| ≤ ln2/2, exp(r) from a rational form of a minimax
// polynomial in r², then scaled by 2^k.
double portable_exp(double x) {
    constexpr double P1 = 1.66666666666666019037e-01;       // 0x3FC55555 5555553E
    constexpr double P2 = -2.77777777770155933842e-03;      // 0xBF66C16C 16BEBD93
    constexpr double P3 = 6.61375632143793436117e-05;       // 0x3F11566A AF25DE2C
    constexpr double P4 = -1.65339022054652515390e-06;      // 0xBEBBBD41 C5D26BF1
    constexpr double P5 = 4.13813679705723846039e-08;       // 0x3E663769 72BEA4D0
    constexpr double kInvLn2 = 1.44269504088896338700e+00;  // 0x3FF71547 652B82FE
    constexpr double kOverflow = 7.09782712893383973096e+02;
    constexpr double kUnderflow = -7.45133219101941108420e+02;
    constexpr double kTwoM1000 = 9.33263618503218878990e-302;  // 2^-1000
    int32_t hx = high_word(x);
    const int xsb = (hx >> 31) & 1;  // sign of x
    hx &= 0x7fffffff;
    if (hx >= 0x40862E42) {  // |x| ≥ 709.78…
        if (hx >= 0x7ff00000) {
            if (((hx & 0xfffff) | static_cast<int32_t>(low_word(x))) != 0) return x + x;  // NaN
            return xsb == 0 ? x : 0.0;                                                    // exp(±∞)
        }
        if (x > kOverflow) return HUGE_VAL;
        if (x < kUnderflow) return 0.0;
    }
    double hi = 0, lo = 0;
    int k = 0;
    if (hx > 0x3fd62e42) {      // |x| > ln2/2
        if (hx < 0x3FF0A2B2) {  // and |x| < 1.5·ln2
            hi = xsb ? x + kLn2Hi : x - kLn2Hi;
            lo = xsb ? -kLn2Lo : kLn2Lo;
            k = 1 - xsb - xsb;
        } else {
            k = static_cast<int>(kInvLn2 * x + (xsb ? -0.5 : 0.5));
            const double t = static_cast<double>(k);
            hi = x - t * kLn2Hi;  // exact: kLn2Hi has 32 bits
            lo = t * kLn2Lo;
        }
        x = hi - lo;
    } else if (hx < 0x3e300000) {  // |x| < 2^-28
        return 1.0 + x;
    }
    const double t = x * x;
    const double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
    const double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    if (k >= -1021) return with_high_word(y, high_word(y) + (k << 20));
    return with_high_word(y, high_word(y) + ((k + 1000) << 20)) * kTwoM1000;
}

double portable_cos(double x) {
    const int32_t ix = high_word(x) & 0x7fffffff;
    if (ix <= 0x3fe921fb) return kernel_cos(x, 0.0);  // |x| ≤ π/4
    if (ix >= 0x7ff00000) return x - x;               // NaN, ±∞
    if (ix > 0x413921fb) return std::cos(x);          // beyond the medium range (see the header)
    double y0, y1;
    const int n = rem_pio2_medium(x, y0, y1);
    switch (n & 3) {
        case 0: return kernel_cos(y0, y1);
        case 1: return -kernel_sin(y0, y1);
        case 2: return -kernel_cos(y0, y1);
        default: return kernel_sin(y0, y1);
    }
}

}  // namespace mf
