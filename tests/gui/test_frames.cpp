// What decides whether the browser draws a frame: the draw data's fingerprint
// (gui/draw_data_hash.h), which pass of a frame is drawn (gui/frame_settle.h), the frames
// the app asks for (App::wants_frames, next_frame_due) and when the browser's next frame is due
// (gui/frame_clock.h).
#include <doctest/doctest.h>

#include "draw_data_hash.h"
#include "frame_clock.h"
#include "frame_settle.h"
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

// One pass of a window holding a table whose first column fits its content, `text`.
uint64_t table_pass(const char* text) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(600, 200));
    ImGui::Begin("settle");
    if (ImGui::BeginTable("t", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Borders)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(text);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("next column");
        ImGui::EndTable();
    }
    ImGui::End();
    ImGui::Render();
    return draw_data_hash(*ImGui::GetDrawData());
}

}  // namespace

TEST_CASE("frame settle: an unchanged frame takes one pass and is not drawn; a change is drawn once two passes agree") {
    using Next = FrameSettle::Next;
    const uint64_t shown = 7, a = 11, b = 13;
    {
        FrameSettle s(shown);
        CHECK(s.after_pass(shown, 0.001) == Next::Skip);  // what the canvas shows: nothing to draw
        CHECK(s.passes() == 1);
    }
    {
        FrameSettle s(shown);
        CHECK(s.after_pass(a, 0.001) == Next::Again);
        CHECK(s.after_pass(a, 0.002) == Next::Draw);  // settled: the second pass agrees
        CHECK(s.passes() == 2);
    }
    {
        FrameSettle s(shown);
        CHECK(s.after_pass(a, 0.001) == Next::Again);
        CHECK(s.after_pass(shown, 0.002) == Next::Skip);  // a change that went back (a blink) is not drawn
    }
    {
        FrameSettle s(shown);
        CHECK(s.after_pass(a, 0.001) == Next::Again);
        CHECK(s.after_pass(b, 0.002) == Next::Again);
        CHECK(s.after_pass(a, 0.003) == Next::Again);
        CHECK(s.after_pass(b, 0.004) == Next::Draw);  // four passes at most
        CHECK(s.passes() == FrameSettle::kMaxPasses);
    }
    {
        // A key's press changes nothing visible; its character, queued behind it, is taken by
        // the next pass of the same frame (not an animation frame later) and drawn once settled.
        FrameSettle s(shown);
        CHECK(s.after_pass(shown, 0.001, true) == Next::Again);
        CHECK(s.after_pass(a, 0.002, false) == Next::Again);
        CHECK(s.after_pass(a, 0.003, false) == Next::Draw);
    }
    {
        FrameSettle s(shown);
        CHECK(s.after_pass(shown, 0.001, true) == Next::Again);
        CHECK(s.after_pass(shown, 0.002, false) == Next::Skip);  // the input changed nothing visible either
    }
    {
        FrameSettle s(shown);  // input keeps coming: the frame still ends with its passes
        for (int i = 1; i < FrameSettle::kMaxPasses; ++i) CHECK(s.after_pass(shown, 0.001 * i, true) == Next::Again);
        CHECK(s.after_pass(shown, 0.004, true) == Next::Skip);
    }
    {
        FrameSettle s(std::nullopt);                 // nothing drawn yet
        CHECK(s.after_pass(a, 1.0) == Next::Again);  // a long first pass (a finished run summarised) is not counted
        CHECK(s.after_pass(b, 1.001 + FrameSettle::kExtraPassSeconds) == Next::Draw);  // the extra passes' time is up
    }
}

TEST_CASE("frame settle: a table that refits its columns to new content is drawn refitted, not in between") {
    Harness h(false);
    for (int i = 0; i < 3; ++i) table_pass("short");
    const uint64_t shown = table_pass("short");
    CHECK(table_pass("short") == shown);

    // ImGui fits a column to new content one frame later: passes 1 and 2 differ, 2 and 3 agree.
    const char* longer = "a much longer cell than before";
    FrameSettle s(shown);
    const uint64_t first = table_pass(longer);
    REQUIRE(s.after_pass(first, 0.001) == FrameSettle::Next::Again);
    const uint64_t second = table_pass(longer);
    CHECK(second != first);  // the refitted columns
    REQUIRE(s.after_pass(second, 0.002) == FrameSettle::Next::Again);
    const uint64_t third = table_pass(longer);
    CHECK(third == second);
    CHECK(s.after_pass(third, 0.003) == FrameSettle::Next::Draw);
}

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

TEST_CASE("frame clock: the next animation frame is due one median interval after the last") {
    FrameClock c;
    CHECK_FALSE(c.until_next(5).has_value());  // no frame yet
    c.animation_frame(0);
    CHECK(*c.until_next(5) == doctest::Approx(1000.0 / 60 - 5));  // one frame: 60 Hz assumed
    for (double t : {16.7, 33.4, 50.1}) c.animation_frame(t);
    CHECK(c.interval_ms() == doctest::Approx(16.7));
    CHECK(*c.until_next(55) == doctest::Approx(11.8));  // 16.7 - (55 - 50.1)
    CHECK(*c.until_next(66.0) == doctest::Approx(0.8));
    CHECK(*c.until_next(70.0) == 0);                     // overdue (due at 66.8): it begins once the thread is free
    CHECK_FALSE(c.until_next(50.1 + 33.5).has_value());  // more than two intervals: not running

    SUBCASE("a missed frame (a difference of two intervals) does not move the interval") {
        c.animation_frame(83.5);  // 66.8 missed
        c.animation_frame(100.2);
        CHECK(c.interval_ms() == doctest::Approx(16.7));
        CHECK(*c.until_next(104.2) == doctest::Approx(12.7));
    }
    SUBCASE("a pause longer than kMaxIntervalMs is no interval") {
        c.animation_frame(1050.1);
        CHECK(c.interval_ms() == doctest::Approx(16.7));
        CHECK(*c.until_next(1060.1) == doctest::Approx(6.7));
    }
}

TEST_CASE("frame clock: a 120 Hz display is measured as such") {
    FrameClock c;
    for (double t : {0.0, 8.3, 16.6, 24.9, 33.2}) c.animation_frame(t);
    CHECK(c.interval_ms() == doctest::Approx(8.3));
    CHECK(*c.until_next(35.0) == doctest::Approx(6.5));  // 41.5 - 35
}
