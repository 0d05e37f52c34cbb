// Distribution functions shared by the analyses: the normal CDF/quantile, and samplers for
// the triangular, PERT (scaled beta) and gamma distributions.
#pragma once
#include "stats/random.h"

namespace mf {

double normal_cdf(double z);  // Φ(z)
double normal_sf(double z);   // 1 − Φ(z), accurate far into the upper tail
double normal_pdf(double z);
double normal_quantile(double p);  // Φ⁻¹(p), p in (0, 1); Wichura's AS 241 (|error| < 1e-15)

// Triangular on [a, b] with mode c (a <= c <= b), by inversion of its CDF.
double triangular_sample(Rng& rng, double a, double c, double b);
double triangular_mean(double a, double c, double b);
double triangular_sd(double a, double c, double b);

// Gamma(shape, 1) by Marsaglia–Tsang (shape < 1 boosted by U^(1/shape)); Beta(α, β) from two gammas.
// The normal variates of Marsaglia–Tsang come from the ziggurat (stats/fast_normal.h, exact like
// the polar method it replaced on 2026-12-06, about 20 % faster for a PERT draw; the stream changed).
double gamma_sample(Rng& rng, double shape);
double beta_sample(Rng& rng, double alpha, double beta);

// PERT on [a, b] with mode m: Beta(α, β) scaled, α = 1 + λ(m−a)/(b−a), β = 1 + λ(b−m)/(b−a),
// λ = 4 by default (mean (a + λm + b)/(λ + 2)). Degenerate a == b returns a.
double pert_sample(Rng& rng, double a, double m, double b, double lambda = 4.0);
double pert_mean(double a, double m, double b, double lambda = 4.0);

}  // namespace mf
