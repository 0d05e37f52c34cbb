// fdlibm's log, exp and cos (core/stats/portable_math.h): within 1 ulp of the C library's on
// a sweep of each function's useful range, exact at the points where the true value is
// representable, the special values of IEEE 754, and one checksum of 300 000 results pinned
// so that the native and the WebAssembly builds (this test runs in both) must agree bit for
// bit — which the C libraries themselves do not (glibc and emscripten's musl differ).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "stats/portable_math.h"

using namespace mf;

namespace {
int64_t ulps_apart(double a, double b) {
    if (a == b) return 0;
    int64_t ia, ib;
    std::memcpy(&ia, &a, 8);
    std::memcpy(&ib, &b, 8);
    if (ia < 0) ia = std::numeric_limits<int64_t>::min() - ia;  // a monotone integer order
    if (ib < 0) ib = std::numeric_limits<int64_t>::min() - ib;
    return ia > ib ? ia - ib : ib - ia;
}
uint64_t bits(double x) {
    uint64_t b;
    std::memcpy(&b, &x, 8);
    return b;
}
}  // namespace

TEST_CASE("portable math: within 1 ulp of the C library across the range the kernels use") {
    int64_t worst_log = 0, worst_exp = 0, worst_cos = 0;
    for (int i = 1; i <= 100000; ++i) {
        const double u = i / 100000.0;                             // (0, 1]: the ziggurat's tail uniforms
        const double wide = std::ldexp(1.0 + u, (i % 200) - 100);  // 2^-100 … 2^100
        worst_log = std::max(
            {worst_log, ulps_apart(portable_log(u), std::log(u)), ulps_apart(portable_log(wide), std::log(wide))});
        const double x = -40.0 + 80.0 * u;  // exp(−x²/2) of the ziggurat, lognormal s·z
        worst_exp = std::max(worst_exp, ulps_apart(portable_exp(x), std::exp(x)));
        const double a = -60.0 + 120.0 * u;  // radians: loop angles and more
        const double ca = portable_cos(a), ref = std::cos(a);
        // Near a zero of cos the ulp is tiny: compare to an absolute 1e-16 there.
        if (std::fabs(ref) > 1e-3)
            worst_cos = std::max(worst_cos, ulps_apart(ca, ref));
        else
            CHECK(std::fabs(ca - ref) < 1e-16);
    }
    CHECK(worst_log <= 1);
    CHECK(worst_exp <= 1);
    CHECK(worst_cos <= 1);
}

TEST_CASE("portable math: exact values and IEEE special cases") {
    CHECK(portable_log(1.0) == 0.0);
    CHECK(portable_exp(0.0) == 1.0);
    CHECK(portable_cos(0.0) == 1.0);
    CHECK(bits(portable_log(2.0)) == 0x3FE62E42FEFA39EFull);  // ln 2 correctly rounded
    // fdlibm's exp(1) is 1 ulp above e correctly rounded (0x4005BF0A8B145769): Java's
    // StrictMath.exp(1.0), which is fdlibm, gives this same 2.7182818284590455.
    CHECK(bits(portable_exp(1.0)) == 0x4005BF0A8B14576Aull);
    CHECK(portable_log(8.0) == doctest::Approx(3 * 0.69314718055994530942).epsilon(1e-16));
    CHECK(portable_exp(-745.2) == 0.0);
    CHECK(std::isinf(portable_exp(710.0)));
    CHECK(portable_exp(-std::numeric_limits<double>::infinity()) == 0.0);
    CHECK(std::isinf(portable_log(0.0)));
    CHECK(portable_log(0.0) < 0);
    CHECK(std::isnan(portable_log(-1.0)));
    CHECK(std::isnan(portable_cos(std::numeric_limits<double>::infinity())));
    CHECK(portable_log(5e-324) == doctest::Approx(-744.44007192138126).epsilon(1e-15));  // subnormal
    CHECK(portable_exp(-740.0) == doctest::Approx(std::exp(-740.0)).epsilon(1e-12));     // subnormal result
    CHECK(portable_cos(1e6) == std::cos(1e6));  // beyond the medium range: the C library's
}

TEST_CASE("portable math: the same bits natively and in WebAssembly (pinned checksum)") {
    uint64_t sum = 0;
    for (int i = 1; i <= 100000; ++i) {
        const double u = i / 100000.0;
        sum = sum * 31 + bits(portable_log(u));
        sum = sum * 31 + bits(portable_exp(-40.0 + 80.0 * u));
        sum = sum * 31 + bits(portable_cos(-60.0 + 120.0 * u));
    }
    // Printed by the native build on 2026-12-06; the WebAssembly run of this test must agree.
    CHECK(sum == 11208988819591631809ull);
}
