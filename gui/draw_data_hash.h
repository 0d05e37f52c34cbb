// A fingerprint of what a frame would draw: ImGui's draw lists (vertices, indices, commands)
// and the display they are drawn to. The browser loop (web/main_web.cpp) compares it with the
// last drawn frame's and, when equal, does not draw at all: the canvas keeps showing the last
// image, and the GPU (in a browser without one, its software rasterizer, which takes a core
// for ~50 ms a frame) has nothing to do. The frames an app draws for a while after input, or
// while it waits for Web Workers, are mostly such frames.
#pragma once
#include <cstdint>

struct ImDrawData;

namespace mf {

// The mixing step of these hashes (a multiply and a rotate per 64-bit word), from its seed;
// gui/damage_tiles.h hashes its tiles with it too.
inline constexpr uint64_t kHashSeed = 0x9E3779B97F4A7C15ull;
inline uint64_t hash_mix(uint64_t h, uint64_t w) {
    h ^= w * 0xBF58476D1CE4E5B9ull;
    return (h << 27 | h >> 37) * 0x94D049BB133111EBull;
}

// Equal for draw data that renders the same pixels from the same textures; a change to any
// vertex, index, clip rectangle, texture or the display size changes it (a 64-bit hash: two
// different frames collide with probability 2⁻⁶⁴).
uint64_t draw_data_hash(const ImDrawData& d);

}  // namespace mf
