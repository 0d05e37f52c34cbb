// The fingerprint of a frame's draw data (gui/draw_data_hash.h).
#include "draw_data_hash.h"

#include <cstring>

#include "imgui.h"

namespace mf {
namespace {

// Word-at-a-time mixing (a multiply and a rotate per 8 bytes): about 1 ms for the 2 MB of
// vertices of a busy frame in WebAssembly, against the ~50 ms a drawn frame can cost.
struct Hasher {
    uint64_t h = kHashSeed;
    void word(uint64_t w) { h = hash_mix(h, w); }
    void bytes(const void* p, size_t n) {
        const unsigned char* c = static_cast<const unsigned char*>(p);
        size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            std::memcpy(&w, c + i, 8);
            word(w);
        }
        uint64_t tail = 0;
        if (n > i) std::memcpy(&tail, c + i, n - i);
        word(tail ^ (static_cast<uint64_t>(n) << 56));
    }
    void f(float v) {
        uint32_t u;
        std::memcpy(&u, &v, 4);
        word(u);
    }
};

}  // namespace

uint64_t draw_data_hash(const ImDrawData& d) {
    Hasher h;
    h.f(d.DisplayPos.x);
    h.f(d.DisplayPos.y);
    h.f(d.DisplaySize.x);
    h.f(d.DisplaySize.y);
    h.f(d.FramebufferScale.x);
    h.f(d.FramebufferScale.y);
    h.word(static_cast<uint64_t>(d.CmdListsCount));
    for (int i = 0; i < d.CmdListsCount; ++i) {
        const ImDrawList* list = d.CmdLists[i];
        h.bytes(list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        h.bytes(list->IdxBuffer.Data, static_cast<size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        h.word(static_cast<uint64_t>(list->CmdBuffer.Size));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            h.f(cmd.ClipRect.x);
            h.f(cmd.ClipRect.y);
            h.f(cmd.ClipRect.z);
            h.f(cmd.ClipRect.w);
            h.word(static_cast<uint64_t>(reinterpret_cast<uintptr_t>(cmd.GetTexID())));
            h.word(static_cast<uint64_t>(cmd.VtxOffset) << 32 | cmd.IdxOffset);
            h.word(cmd.ElemCount);
            // A user callback draws something the lists do not show: never skip such a frame.
            if (cmd.UserCallback)
                h.word(reinterpret_cast<uintptr_t>(&cmd) ^ static_cast<uint64_t>(ImGui::GetFrameCount()));
        }
    }
    return h.h;
}

}  // namespace mf
