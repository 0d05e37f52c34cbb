#include "stats/student_t.h"

#include <cmath>
#include <limits>

namespace mf {

namespace {

// Continued fraction for I_x(a, b) (without the prefactor), modified Lentz's method.
double beta_continued_fraction(double a, double b, double x) {
    const double tiny = 1e-300, eps = 1e-15;
    const double qab = a + b, qap = a + 1.0, qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::fabs(d) < tiny) d = tiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= 100000; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));  // even step
        d = 1.0 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));  // odd step
        d = 1.0 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1.0 / d;
        const double del = d * c;
        h *= del;
        if (std::fabs(del - 1.0) < eps) break;
    }
    return h;
}

}  // namespace

double regularized_incomplete_beta(double a, double b, double x) {
    if (!(a > 0) || !(b > 0) || !(x >= 0 && x <= 1)) return std::numeric_limits<double>::quiet_NaN();
    if (x == 0) return 0;
    if (x == 1) return 1;
    // ln of x^a (1−x)^b / B(a, b)
    const double log_front =
        std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    const double front = std::exp(log_front);
    if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
    return 1.0 - front * beta_continued_fraction(b, a, 1.0 - x) / b;
}

double student_t_two_sided_p(double t, double df) {
    if (!(df > 0) || std::isnan(t)) return std::numeric_limits<double>::quiet_NaN();
    if (std::isinf(t)) return 0;
    // P(|T| >= |t|) = I_{df/(df+t²)}(df/2, 1/2)
    const double x = df / (df + t * t);
    return regularized_incomplete_beta(df / 2.0, 0.5, x);
}

double student_t_cdf(double t, double df) {
    if (!(df > 0) || std::isnan(t)) return std::numeric_limits<double>::quiet_NaN();
    const double tail = 0.5 * student_t_two_sided_p(t, df);  // P(T >= |t|)
    return t < 0 ? tail : 1.0 - tail;
}

}  // namespace mf
