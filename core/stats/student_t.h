// Student's t distribution and the regularized incomplete beta function it rests on.
//
//   double p = student_t_two_sided_p(t, df);   // P(|T| >= |t|), e.g. a regression slope's p-value
//   double F = student_t_cdf(t, df);           // P(T <= t)
//
// The incomplete beta I_x(a, b) is evaluated by its continued fraction (modified Lentz
// algorithm), with the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) used where the fraction
// converges slowly; relative accuracy about 1e-13 for a, b up to 1e6.
#pragma once

namespace mf {

// I_x(a, b) for a > 0, b > 0, x in [0, 1]; NaN for arguments outside those ranges.
double regularized_incomplete_beta(double a, double b, double x);

// Student's t with df > 0 degrees of freedom (df need not be whole). NaN when df <= 0 or t is NaN.
double student_t_cdf(double t, double df);
// Two-sided tail probability P(|T| >= |t|), computed without cancellation for large |t|.
double student_t_two_sided_p(double t, double df);

}  // namespace mf
