// FrameSettle: which of the ImGui passes of one animation frame the browser draws.
//
// ImGui settles a change over a few frames: a key's press and its typed character are taken
// one frame apart (1.90's input trickling), and a table fits its columns to new content one
// frame after the content appears. Drawn one by one, an edit that starts a Monte Carlo shows
// three images in 30 ms (the cursor, the new value with a progress bar, the columns refitted),
// and the finished result two. In a browser without a GPU each drawn image costs its software
// rasterizer ~60 ms of CPU (docs/benchmarks.md), on the cores the Web Workers compute on. So
// the loop (web/main_web.cpp) runs a frame that changes the canvas again at once, without
// drawing, until two passes agree, and draws the last:
//
//   FrameSettle settle(drawn_hash);
//   for (;;) {
//       ImGui::NewFrame(); app.frame(); ImGui::Render();
//       const FrameSettle::Next next = settle.after_pass(draw_data_hash(*ImGui::GetDrawData()), now(), input_queued());
//       if (next == FrameSettle::Next::Skip) return;   // the canvas already shows it
//       if (next == FrameSettle::Next::Draw) break;    // draw this pass
//   }
//
// A frame with input ImGui has not taken yet runs another pass for it: a key's press changes
// nothing visible, and its character, queued behind it, used to wait for the next animation
// frame, 16 ms later (2026-12-07). An unchanged frame without waiting input costs one pass, a
// changed one two or three (four at most, counting the passes for input). A pass
// takes 1-6 ms in the app's tabs; the passes after the first stop once they have taken
// kExtraPassSeconds, so a heavy tab keeps its frame rate (a first pass that finished a Monte
// Carlo and summarised it may take longer: the passes after it are the usual kind).
#pragma once
#include <cstdint>
#include <optional>

namespace mf {

class FrameSettle {
public:
    static constexpr int kMaxPasses = 4;
    static constexpr double kExtraPassSeconds = 0.025;

    enum class Next { Skip, Again, Draw };

    // `drawn`: the hash of what the canvas shows (none before the first frame).
    explicit FrameSettle(std::optional<uint64_t> drawn) : drawn_(drawn) {}

    // After a pass whose draw data hashes to `hash`, at time `now` (seconds), with
    // `input_waiting` when ImGui has input queued that it has not taken yet: Again while
    // input waits and the frame has passes and time left (ImGui takes a key's press and its
    // character a pass apart: the character is taken now, not an animation frame later);
    // otherwise Skip when it is what the canvas shows, Draw when it has settled (equal to the
    // pass before) or the frame has used its passes or its time for them, Again otherwise.
    Next after_pass(uint64_t hash, double now, bool input_waiting = false) {
        ++passes_;
        if (passes_ == 1) first_pass_end_ = now;
        const bool out_of_passes = passes_ >= kMaxPasses || now - first_pass_end_ >= kExtraPassSeconds;
        const bool settled = passes_ > 1 && previous_ == hash;
        previous_ = hash;
        if (input_waiting && !out_of_passes) return Next::Again;
        if (drawn_ == hash) return Next::Skip;
        if (settled || out_of_passes) return Next::Draw;
        return Next::Again;
    }
    int passes() const { return passes_; }

private:
    std::optional<uint64_t> drawn_;
    uint64_t previous_ = 0;  // the hash of the pass before (from the second pass on)
    double first_pass_end_ = 0;
    int passes_ = 0;
};

}  // namespace mf
