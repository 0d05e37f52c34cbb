// What decides whether the browser draws a frame: the draw data's fingerprint
// (gui/draw_data_hash.h) and the frames the app asks for (App::wants_frames, next_frame_due).
#include <doctest/doctest.h>

#include "draw_data_hash.h"
#include "harness.h"

using namespace mf;
using namespace mf::test;

namespace {

// The frame's draw data with its first list replaced by `list` (a changed clone).
uint64_t hash_with_first_list(ImDrawList* list) {
    ImDrawData d = *ImGui::GetDrawData();
    d.CmdLists[0] = list;
    return draw_data_hash(d);
}

}  // namespace

TEST_CASE("draw data hash: an unchanged frame hashes the same; a vertex, clip, texture or display change does not") {
    Harness h;
    h.app.open_example(example(kGearbox));
    h.frames(3);
    const ImDrawData& d = *ImGui::GetDrawData();
    REQUIRE(d.CmdListsCount > 0);
    REQUIRE(d.CmdLists[0]->VtxBuffer.Size > 0);
    const uint64_t a = draw_data_hash(d);
    h.frames(1);  // nothing changed: the same frame again
    CHECK(draw_data_hash(*ImGui::GetDrawData()) == a);

    ImDrawList* same = ImGui::GetDrawData()->CmdLists[0]->CloneOutput();
    CHECK(hash_with_first_list(same) == a);  // a copy of the same content

    ImDrawList* moved = same->CloneOutput();
    moved->VtxBuffer[0].pos.x += 1.0f;
    CHECK(hash_with_first_list(moved) != a);

    ImDrawList* recoloured = same->CloneOutput();
    recoloured->VtxBuffer[recoloured->VtxBuffer.Size - 1].col ^= 1u;  // the last vertex, its lowest colour bit
    CHECK(hash_with_first_list(recoloured) != a);

    ImDrawList* clipped = same->CloneOutput();
    clipped->CmdBuffer[0].ClipRect.z -= 1.0f;
    CHECK(hash_with_first_list(clipped) != a);

    ImDrawList* retextured = same->CloneOutput();
    retextured->CmdBuffer[0].TextureId = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(12345));
    CHECK(hash_with_first_list(retextured) != a);

    ImDrawData resized = *ImGui::GetDrawData();
    resized.DisplaySize.x += 1.0f;
    CHECK(draw_data_hash(resized) != a);
    ImDrawData sharper = *ImGui::GetDrawData();
    sharper.FramebufferScale = ImVec2(2.0f, 2.0f);
    CHECK(draw_data_hash(sharper) != a);

    for (ImDrawList* l : {same, moved, recoloured, clipped, retextured}) IM_DELETE(l);
}

TEST_CASE("after an edit no frame is asked for until the autosave is due, one second later") {
    Harness h;
    h.app.open_example(example(kGearbox));
    h.frames(90);  // past the autosave of the opened plan
    REQUIRE_FALSE(h.app.next_frame_due());
    Edits e;
    e.push("Rename project", [](Plan& p) { p.meta.name = "Renamed"; });
    h.app.doc.apply(e, platform::now_seconds());
    h.frames(1);
    const double changed = platform::now_seconds();
    CHECK_FALSE(h.app.wants_frames());  // the loop may stop …
    REQUIRE(h.app.next_frame_due());    // … with a timer for the autosave
    CHECK(*h.app.next_frame_due() == doctest::Approx(changed + 1.0).epsilon(1e-9));
    h.frames(30);  // half a second: not yet written
    CHECK(h.app.next_frame_due());
    h.frames(31);
    CHECK_FALSE(h.app.next_frame_due());  // written
    bool stored = false;
    for (const auto& [key, value] : platform::native_state().store)
        stored = stored || value.find("Renamed") != std::string::npos;
    CHECK(stored);
}
