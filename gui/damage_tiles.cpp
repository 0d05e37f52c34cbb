// Which parts of the canvas a frame changes (gui/damage_tiles.h).
#include "damage_tiles.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "draw_data_hash.h"

namespace mf {
namespace {

// The part of box `a` inside box `b` (x0, y0, x1, y1); empty when x1 <= x0 or y1 <= y0.
ImVec4 intersect(const ImVec4& a, const ImVec4& b) {
    return ImVec4(std::max(a.x, b.x), std::max(a.y, b.y), std::min(a.z, b.z), std::min(a.w, b.w));
}

// The rectangle from `upper`'s top to `lower`'s bottom, as wide as both.
PixelRect spanning(const PixelRect& upper, const PixelRect& lower) {
    return {std::min(upper.x0, lower.x0), upper.y0, std::max(upper.x1, lower.x1), lower.y1};
}

uint64_t bits_of(float a, float b) {
    uint32_t x, y;
    std::memcpy(&x, &a, 4);
    std::memcpy(&y, &b, 4);
    return static_cast<uint64_t>(x) << 32 | y;
}

uint64_t vertex_hash(uint64_t h, const ImDrawVert& v) {
    h = hash_mix(h, bits_of(v.pos.x, v.pos.y));
    h = hash_mix(h, bits_of(v.uv.x, v.uv.y));
    return hash_mix(h, v.col);
}

bool exact_scale(float s) { return s == 1.0f || s == 2.0f || s == 4.0f; }

// Clip rectangles map to whole pixels exactly (the header says why that matters).
bool exact(const DamageTiles::FrameKey& k) {
    return exact_scale(k.scale.x) && exact_scale(k.scale.y) && k.origin.x == std::floor(k.origin.x) &&
        k.origin.y == std::floor(k.origin.y);
}

// ImGui's PrimRect: two triangles (a, a+1, a+2), (a, a+2, a+3) over the corners of an
// axis-aligned rectangle of one colour and one texel (a fill, not an image). Its pixels in a
// tile depend only on the part of it inside the tile: a window or table background whose far
// edge moves changes only the tiles that edge crosses.
bool flat_rect(const ImDrawIdx* idx, const ImDrawVert* vtx, unsigned left) {
    if (left < 6) return false;
    const unsigned a = idx[0];
    if (idx[1] != a + 1 || idx[2] != a + 2 || idx[3] != a || idx[4] != a + 2 || idx[5] != a + 3) return false;
    const ImDrawVert* v = vtx + a;
    for (int k = 1; k < 4; ++k)
        if (v[k].col != v[0].col || v[k].uv.x != v[0].uv.x || v[k].uv.y != v[0].uv.y) return false;
    return v[0].pos.y == v[1].pos.y && v[1].pos.x == v[2].pos.x && v[2].pos.y == v[3].pos.y && v[3].pos.x == v[0].pos.x;
}

}  // namespace

DamageTiles::FrameKey DamageTiles::key_of(const ImDrawData& d, uint32_t clear_colour) {
    FrameKey k;
    // As the OpenGL backend computes its framebuffer size, which its scissor's y counts from.
    k.width = static_cast<int>(d.DisplaySize.x * d.FramebufferScale.x);
    k.height = static_cast<int>(d.DisplaySize.y * d.FramebufferScale.y);
    k.scale = d.FramebufferScale;
    k.origin = d.DisplayPos;
    k.clear_colour = clear_colour;
    return k;
}

void DamageTiles::hash_tiles(const ImDrawData& d, const FrameKey& key) {
    cols_ = (key.width + kTile - 1) / kTile;
    rows_ = (key.height + kTile - 1) / kTile;
    next_.assign(static_cast<size_t>(cols_) * rows_, kHashSeed);
    if (cols_ == 0 || rows_ == 0) return;
    const float sx = key.scale.x, sy = key.scale.y;
    // Mixes into every tile that the pixels `box` overlaps (x0, y0, x1, y1; framebuffer pixels)
    // what `part(tile)` says of it; `tile` is the tile's box widened by a pixel on each side
    // (pixel centres, rounding): what is drawn into the tile depends only on what lies there.
    const auto touch = [&](const ImVec4& box, const auto& part) {
        const int tx0 = std::clamp(static_cast<int>(box.x) / kTile, 0, cols_ - 1);
        const int ty0 = std::clamp(static_cast<int>(box.y) / kTile, 0, rows_ - 1);
        const int tx1 = std::clamp(static_cast<int>(std::ceil(box.z)) / kTile, 0, cols_ - 1);
        const int ty1 = std::clamp(static_cast<int>(std::ceil(box.w)) / kTile, 0, rows_ - 1);
        for (int ty = ty0; ty <= ty1; ++ty)
            for (int tx = tx0; tx <= tx1; ++tx) {
                const ImVec4 tile(static_cast<float>(tx * kTile - 1), static_cast<float>(ty * kTile - 1),
                                  static_cast<float>((tx + 1) * kTile + 1), static_cast<float>((ty + 1) * kTile + 1));
                uint64_t& t = next_[static_cast<size_t>(ty) * cols_ + tx];
                t = hash_mix(t, part(tile));
            }
    };
    const auto box_hash = [](uint64_t h, const ImVec4& b) {
        return hash_mix(hash_mix(h, bits_of(b.x, b.y)), bits_of(b.z, b.w));
    };
    const auto to_pixels = [&](float x0, float y0, float x1, float y1) {
        return ImVec4((x0 - key.origin.x) * sx, (y0 - key.origin.y) * sy, (x1 - key.origin.x) * sx,
                      (y1 - key.origin.y) * sy);
    };
    for (int l = 0; l < d.CmdListsCount; ++l) {
        const ImDrawList& list = *d.CmdLists[l];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            // What the backend scissors to, in framebuffer pixels (it truncates toward zero).
            const ImVec4 clip = intersect(to_pixels(cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w),
                                          ImVec4(0, 0, static_cast<float>(key.width), static_cast<float>(key.height)));
            if (clip.z <= clip.x || clip.w <= clip.y) continue;
            const uint64_t tex = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(cmd.GetTexID()));
            if (cmd.UserCallback) {
                // A callback draws what the lists do not show, anywhere in its clip rectangle:
                // that is redrawn every frame.
                const uint64_t h = hash_mix(tex, reinterpret_cast<uintptr_t>(&cmd) ^ ImGui::GetFrameCount());
                touch(clip, [&](const ImVec4&) { return h; });
                continue;
            }
            const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
            for (unsigned i = 0; i + 2 < cmd.ElemCount;) {
                if (flat_rect(idx + i, vtx, cmd.ElemCount - i)) {
                    const ImDrawVert& a = vtx[idx[i]];
                    const ImDrawVert& c = vtx[idx[i + 2]];
                    i += 6;
                    const ImVec4 rect = to_pixels(std::min(a.pos.x, c.pos.x), std::min(a.pos.y, c.pos.y),
                                                  std::max(a.pos.x, c.pos.x), std::max(a.pos.y, c.pos.y));
                    const ImVec4 box = intersect(rect, clip);
                    if (box.z <= box.x || box.w <= box.y) continue;
                    const uint64_t h = hash_mix(hash_mix(hash_mix(tex, a.col), bits_of(a.uv.x, a.uv.y)), 1);
                    touch(box, [&](const ImVec4& tile) {
                        return box_hash(box_hash(h, intersect(rect, tile)), intersect(clip, tile));
                    });
                    continue;
                }
                const ImDrawVert& a = vtx[idx[i]];
                const ImDrawVert& b = vtx[idx[i + 1]];
                const ImDrawVert& c = vtx[idx[i + 2]];
                i += 3;
                // The pixels the triangle can cover: its bounding box, a pixel wider on each
                // side (pixel centres, rounding), within the scissor.
                const ImVec4 box = intersect(to_pixels(std::min({a.pos.x, b.pos.x, c.pos.x}) - 1 / sx,
                                                       std::min({a.pos.y, b.pos.y, c.pos.y}) - 1 / sy,
                                                       std::max({a.pos.x, b.pos.x, c.pos.x}) + 1 / sx,
                                                       std::max({a.pos.y, b.pos.y, c.pos.y}) + 1 / sy),
                                             clip);
                if (box.z <= box.x || box.w <= box.y) continue;
                const uint64_t h = vertex_hash(vertex_hash(vertex_hash(tex, a), b), c);
                touch(box, [&](const ImVec4& tile) { return box_hash(h, intersect(clip, tile)); });
            }
        }
    }
}

std::vector<PixelRect> DamageTiles::gather(const FrameKey& key) const {
    // Runs of rows with changed tiles, each as wide as the changed tiles in it.
    std::vector<PixelRect> rects;
    bool open = false;
    for (int ty = 0; ty < rows_; ++ty) {
        int first = -1, last = -1;
        for (int tx = 0; tx < cols_; ++tx) {
            const size_t t = static_cast<size_t>(ty) * cols_ + tx;
            if (next_[t] == drawn_[t]) continue;
            if (first < 0) first = tx;
            last = tx;
        }
        if (first < 0) {
            open = false;
            continue;
        }
        const PixelRect row{first * kTile, ty * kTile, std::min(key.width, (last + 1) * kTile),
                            std::min(key.height, (ty + 1) * kTile)};
        if (!open) {
            rects.push_back(row);
            open = true;
            continue;
        }
        rects.back() = spanning(rects.back(), row);
    }
    // Too many: merge the neighbours (in y) whose common bounding box wastes the fewest pixels.
    while (static_cast<int>(rects.size()) > kMaxRects) {
        size_t best = 0;
        int64_t best_waste = 0;
        for (size_t i = 0; i + 1 < rects.size(); ++i) {
            const PixelRect& a = rects[i];
            const PixelRect& b = rects[i + 1];
            const int64_t waste = spanning(a, b).area() - a.area() - b.area();
            if (i == 0 || waste < best_waste) {
                best = i;
                best_waste = waste;
            }
        }
        rects[best] = spanning(rects[best], rects[best + 1]);
        rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(best) + 1);
    }
    return rects;
}

std::vector<PixelRect> DamageTiles::changed(const ImDrawData& d, const FrameKey& key) {
    hash_tiles(d, key);
    const bool all_new = drawn_.size() != next_.size() || !(key == key_);
    std::vector<PixelRect> rects;
    if (!all_new) rects = gather(key);
    if (all_new || (!rects.empty() && !exact(key))) rects.assign(1, PixelRect{0, 0, key.width, key.height});
    drawn_.swap(next_);
    key_ = key;
    return rects;
}

ClipNarrowing::ClipNarrowing(ImDrawData& d, const PixelRect& r) : d_(d) {
    const ImVec2 o = d.DisplayPos, s = d.FramebufferScale;
    const float x0 = r.x0 / s.x + o.x, y0 = r.y0 / s.y + o.y, x1 = r.x1 / s.x + o.x, y1 = r.y1 / s.y + o.y;
    for (int l = 0; l < d.CmdListsCount; ++l)
        for (ImDrawCmd& cmd : d.CmdLists[l]->CmdBuffer) {
            saved_.push_back(cmd.ClipRect);
            ImVec4& c = cmd.ClipRect;
            c = intersect(c, ImVec4(x0, y0, x1, y1));
            if (c.z <= c.x || c.w <= c.y) c = ImVec4(x0, y0, x0, y0);  // empty: the backend skips it
        }
}

ClipNarrowing::~ClipNarrowing() {
    size_t i = 0;
    for (int l = 0; l < d_.CmdListsCount; ++l)
        for (ImDrawCmd& cmd : d_.CmdLists[l]->CmdBuffer) cmd.ClipRect = saved_[i++];
}

}  // namespace mf
