// Rng: a small, fast, seedable generator (xoshiro256** seeded through splitmix64) with the
// draws every Monte Carlo in core needs. Same seed, same sequence, natively and in WASM:
// only integer arithmetic and IEEE double operations, no std:: distributions (whose
// algorithms differ between standard libraries).
#pragma once
#include <cmath>
#include <cstdint>

namespace mf {

struct Rng {
    uint64_t s[4];

    explicit Rng(uint64_t seed) {
        for (auto& x : s) {  // splitmix64
            seed += 0x9E3779B97F4A7C15ull;
            uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            x = z ^ (z >> 31);
        }
    }

    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    uint64_t next() {
        const uint64_t result = rotl(s[1] * 5, 7) * 9;
        const uint64_t t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = rotl(s[3], 45);
        return result;
    }

    // Uniform on [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Uniform on (0, 1): never 0, for logarithms and inverse CDFs.
    double uniform_open() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

    // Standard normal by the Marsaglia polar method (exact; one value cached per pair).
    double normal() {
        if (has_spare_) {
            has_spare_ = false;
            return spare_;
        }
        double u, v, q;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            q = u * u + v * v;
        } while (q >= 1.0 || q == 0.0);
        const double f = std::sqrt(-2.0 * std::log(q) / q);
        spare_ = v * f;
        has_spare_ = true;
        return u * f;
    }

private:
    double spare_ = 0;
    bool has_spare_ = false;
};

// splitmix64's output function: a bijective 64-bit mix.
inline uint64_t mix64(uint64_t z) {
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// The seed of one stream (a contributor, a task) in one block of a block-parallel Monte Carlo.
// It depends only on (seed, block, stream), so a block draws the same numbers whichever thread
// or Web Worker computes it and in whatever order the blocks are computed.
inline uint64_t block_stream_seed(uint64_t seed, uint64_t block, uint64_t stream) {
    return mix64(mix64(mix64(seed) ^ block) ^ stream);
}

}  // namespace mf
