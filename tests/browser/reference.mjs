// Reference mathematics for the browser tests, written independently of the C++ core, so
// the figures the app shows are checked against a second implementation.
import assert from 'node:assert/strict';

// ln Γ(x) by Lanczos (g = 7, n = 9; Numerical Recipes' coefficients): ~1e-15 relative.
export function lgamma(x) {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

// erfc by Numerical Recipes' erfcc: fractional error < 1.2e-7 everywhere.
export function erfc(x) {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

// Standard normal CDF.
export const Phi = (z) => 0.5 * erfc(-z / Math.SQRT2);

// The figure shown equals the calculated one to a relative tolerance.
export function near(actual, expected, rel, what) {
  assert.ok(typeof actual === 'number', `${what}: no value shown`);
  const tol = Math.abs(expected) * rel + 1e-15;
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: shown ${actual}, calculated ${expected}`);
}
