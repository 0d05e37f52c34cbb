// DamageTiles: which parts of the canvas a frame changes, so that the browser loop
// (web/main_web.cpp) clears and draws only those.
//
// Why: without a GPU (Chromium on SwiftShader: a laptop whose GPU is blocklisted, a VM, the
// headless test machine) every pixel ImGui covers costs CPU. At 1280 × 800 a frame that only
// clears costs ~15 ms, and each full-canvas layer of ImGui's fills ~10 ms more; a whole frame
// of the app 50–90 ms, taken on the same cores as the Web Workers computing the Monte Carlo the
// edit started (docs/benchmarks.md). Most frames change a few widgets: a typed character, a
// progress bar, a results table. The canvas keeps its pixels between frames
// (preserveDrawingBuffer), so the loop redraws only the changed rectangles, each as a scissor
// over the same draw data; an unchanged pixel keeps what a full redraw would give it.
//
// How: the framebuffer is cut into kTile × kTile pixel tiles. Every triangle of the draw data
// is hashed (its three vertices, its texture and its clip rectangle) into each tile that the
// pixels it can touch overlap, in draw order, so a tile's hash changes when anything drawn into
// it changes, including the order. Tiles whose hash differs from the frame last drawn are
// gathered into at most kMaxRects rectangles: runs of changed tile rows, each as wide as its
// changed tiles. The whole canvas is changed for the first frame, after reset(), and when the
// frame's key (its size, scale and clear colour) differs.
//
// Drawing a rectangle narrows every command's clip rectangle to it (ClipNarrowing), and the
// backend scissors by the clip rectangles; the loop clears the same rectangle first. Exact only
// when the clip rectangles map back to the tile's whole pixels: the display must start at
// (0, 0) and its scale be 1, 2 or 4 (every product is then exact in float). At any other scale
// a changed frame is drawn whole.
#pragma once
#include <cstdint>
#include <vector>

#include "imgui.h"

namespace mf {

// A rectangle of framebuffer pixels, origin at the top left, [x0, x1) × [y0, y1).
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    int64_t area() const { return static_cast<int64_t>(x1 - x0) * (y1 - y0); }
    bool operator==(const PixelRect& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};

class DamageTiles {
public:
    static constexpr int kTile = 32;
    static constexpr int kMaxRects = 4;

    // The framebuffer size and what else makes every pixel change.
    struct FrameKey {
        int width = 0, height = 0;  // framebuffer pixels
        ImVec2 scale{1, 1};         // framebuffer pixels per display unit
        ImVec2 origin{0, 0};        // the draw data's DisplayPos
        uint32_t clear_colour = 0;
        bool operator==(const FrameKey& o) const {
            return width == o.width && height == o.height && scale.x == o.scale.x && scale.y == o.scale.y &&
                origin.x == o.origin.x && origin.y == o.origin.y && clear_colour == o.clear_colour;
        }
    };
    static FrameKey key_of(const ImDrawData& d, uint32_t clear_colour);

    // The rectangles where `d` differs from the frame last drawn, at most kMaxRects, not
    // overlapping (the whole framebuffer when everything must be drawn; none when nothing
    // visible changed). Remembers `d` as the frame drawn.
    std::vector<PixelRect> changed(const ImDrawData& d, const FrameKey& key);

    // The next frame is drawn whole (new glyphs in the font texture, a lost canvas).
    void reset() { drawn_.clear(); }

private:
    void hash_tiles(const ImDrawData& d, const FrameKey& key);
    std::vector<PixelRect> gather(const FrameKey& key) const;

    FrameKey key_;
    int cols_ = 0, rows_ = 0;
    std::vector<uint64_t> drawn_;  // each tile's hash in the frame the canvas shows
    std::vector<uint64_t> next_;
};

// For the duration of one rectangle's drawing: every command of the draw data clipped to `r`
// (framebuffer pixels; commands outside it get an empty clip rectangle, which the backend
// skips). The destructor restores the clip rectangles.
class ClipNarrowing {
public:
    ClipNarrowing(ImDrawData& d, const PixelRect& r);
    ~ClipNarrowing();
    ClipNarrowing(const ClipNarrowing&) = delete;
    ClipNarrowing& operator=(const ClipNarrowing&) = delete;

private:
    ImDrawData& d_;
    std::vector<ImVec4> saved_;
};

}  // namespace mf
