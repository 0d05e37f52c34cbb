#include "stats/distributions.h"

#include "stats/fast_normal.h"

#include <cmath>
#include <limits>

namespace mf {

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }
double normal_sf(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }
double normal_pdf(double z) { return std::exp(-0.5 * z * z) / std::sqrt(2.0 * M_PI); }

// Wichura, M. J. (1988) Algorithm AS 241: The percentage points of the normal distribution.
// Applied Statistics 37(3), 477–484. PPND16, accurate to about 1e-16.
double normal_quantile(double p) {
    if (!(p > 0.0 && p < 1.0)) {
        if (p == 0.0) return -std::numeric_limits<double>::infinity();
        if (p == 1.0) return std::numeric_limits<double>::infinity();
        return std::numeric_limits<double>::quiet_NaN();
    }
    const double q = p - 0.5;
    if (std::fabs(q) <= 0.425) {
        const double r = 0.180625 - q * q;
        return q *
            (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
                 45921.953931549871457) *
                    r +
                13731.693765509461125) *
                   r +
               1971.5909503065514427) *
                  r +
              133.14166789178437745) *
                 r +
             3.387132872796366608) /
            (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
                 21213.794301586595867) *
                    r +
                5394.1960214247511077) *
                   r +
               687.1870074920579083) *
                  r +
              42.313330701600911252) *
                 r +
             1.0);
    }
    double r = q < 0 ? p : 1.0 - p;
    r = std::sqrt(-std::log(r));
    double x;
    if (r <= 5.0) {
        r -= 1.6;
        x = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
                 1.27045825245236838258) *
                    r +
                3.64784832476320460504) *
                   r +
               5.7694972214606914055) *
                  r +
              4.6303378461565452959) *
                 r +
             1.42343711074968357734) /
            (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
                 0.14810397642748007459) *
                    r +
                0.68976733498510000455) *
                   r +
               1.6763848301838038494) *
                  r +
              2.05319162663775882187) *
                 r +
             1.0);
    } else {
        r -= 5.0;
        x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
                 0.026532189526576123093) *
                    r +
                0.29656057182850489123) *
                   r +
               1.7848265399172913358) *
                  r +
              5.4637849111641143699) *
                 r +
             6.6579046435011037772) /
            (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
                 7.868691311456132591e-4) *
                    r +
                0.0148753612908506148525) *
                   r +
               0.13692988092273580531) *
                  r +
              0.59983220655588793769) *
                 r +
             1.0);
    }
    return q < 0 ? -x : x;
}

double triangular_sample(Rng& rng, double a, double c, double b) {
    if (b <= a) return a;
    const double u = rng.uniform();
    const double fc = (c - a) / (b - a);
    if (u < fc) return a + std::sqrt(u * (b - a) * (c - a));
    return b - std::sqrt((1.0 - u) * (b - a) * (b - c));
}

double triangular_mean(double a, double c, double b) { return (a + b + c) / 3.0; }

double triangular_sd(double a, double c, double b) {
    return std::sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18.0);
}

double gamma_sample(Rng& rng, double shape) {
    if (shape < 1.0) {
        // Boost: if X ~ Gamma(shape + 1), X * U^(1/shape) ~ Gamma(shape).
        const double u = rng.uniform_open();
        return gamma_sample(rng, shape + 1.0) * std::pow(u, 1.0 / shape);
    }
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        double x, v;
        do {
            x = normal_ziggurat(rng);
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        const double u = rng.uniform_open();
        if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
        if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
    }
}

double beta_sample(Rng& rng, double alpha, double beta) {
    const double x = gamma_sample(rng, alpha);
    const double y = gamma_sample(rng, beta);
    return x / (x + y);
}

double pert_sample(Rng& rng, double a, double m, double b, double lambda) {
    if (b <= a) return a;
    const double alpha = 1.0 + lambda * (m - a) / (b - a);
    const double beta = 1.0 + lambda * (b - m) / (b - a);
    return a + (b - a) * beta_sample(rng, alpha, beta);
}

double pert_mean(double a, double m, double b, double lambda) { return (a + lambda * m + b) / (lambda + 2.0); }

}  // namespace mf
