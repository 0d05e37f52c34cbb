// A fast standard-normal sampler for Monte Carlo inner loops: the ziggurat method of
// Marsaglia & Tsang (2000) with 256 layers, in the corrected form of Doornik (2005) that
// takes the layer index and the uniform from disjoint bits of one 64-bit draw. About one
// Rng::next() per value (98.8 % of draws return at the first test) and no transcendental
// function on that path, against a log and a sqrt per pair for Rng::normal().
//
//   Rng rng(seed);
//   double z = normal_ziggurat(rng);
//
// Exact (not an approximation of the normal): rejection sampling under the density; the
// tail beyond R = 3.6541528853610088 is sampled by Marsaglia's exponential method. Same seed,
// same sequence natively and in WASM (the tables are computed once with IEEE operations; a
// libm that rounds exp/log differently changes values by at most an ulp).
#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "stats/random.h"

namespace mf {

double normal_ziggurat(Rng& rng);

// The ziggurat's tables and its rare paths (fast_normal.cpp).
namespace ziggurat {
inline constexpr int kLayers = 256;
// x[i]: layer i's right edge (x[0] the base strip's virtual width, x[kLayers] = 0); f[i] the
// unnormalised density exp(−x[i]²/2) there.
struct Tables {
    double x[kLayers + 1];
    double f[kLayers + 1];
    Tables();
};
const Tables& tables();
// The 1.2 % of draws outside a layer's core rectangle: a value, or NaN to draw again.
double slow_path(Rng& rng, const Tables& t, int i, double u, double x);
}  // namespace ziggurat

// n draws into out[0..n): the same values, in the same order, as n calls of normal_ziggurat.
// Inline, so the compiler puts this loop into the caller's own loop over contributors: a
// browser's WebAssembly compiler decides for itself whether to inline a call, and Chromium's
// left this one a call, which made the stack Monte Carlo about 12 % slower in the page than
// under node (docs/benchmarks.md, 2026-12-07).
inline void normal_ziggurat_fill(Rng& rng, double* out, size_t n) {
    const ziggurat::Tables& t = ziggurat::tables();
    for (size_t j = 0; j < n;) {
        const uint64_t bits = rng.next();
        const int i = static_cast<int>(bits & 0xFF);
        // (bits >> 11 < 2^53 fits a signed integer: one conversion instruction on x86-64)
        const double u = static_cast<double>(static_cast<int64_t>(bits >> 11)) * 0x1.0p-52 - 1.0;
        const double x = u * t.x[i];
        if (std::fabs(x) < t.x[i + 1]) {  // inside the layer's core rectangle
            out[j++] = x;
            continue;
        }
        const double v = ziggurat::slow_path(rng, t, i, u, x);
        if (!std::isnan(v)) out[j++] = v;
    }
}

}  // namespace mf
