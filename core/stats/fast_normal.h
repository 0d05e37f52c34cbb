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
#include <cstddef>

#include "stats/random.h"

namespace mf {

double normal_ziggurat(Rng& rng);

// n draws into out[0..n): the same values, in the same order, as n calls of normal_ziggurat
// (a loop inside one function, so the tables and the generator stay in registers).
void normal_ziggurat_fill(Rng& rng, double* out, size_t n);

}  // namespace mf
