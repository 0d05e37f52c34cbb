// Which parts of the canvas a frame changes (gui/damage_tiles.h), on real ImGui frames: the
// browser loop clears and draws only these rectangles, so every pixel a change can touch must
// lie inside them, and what did not change should not be redrawn. That the pixels equal a whole
// redraw is checked in the real page (tests/browser/drawing.test.mjs).
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "damage_tiles.h"
#include "harness.h"

using namespace mf;
using namespace mf::test;

namespace {

constexpr uint32_t kClear = 0xFFF7F7F7u;

// One frame: a window at (0, 0) of 640 × 520 with `body` in it; returns its draw data.
ImDrawData& pass(const std::function<void()>& body) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(640, 520));
    ImGui::Begin("damage", nullptr, ImGuiWindowFlags_NoDecoration);
    body();
    ImGui::End();
    ImGui::Render();
    return *ImGui::GetDrawData();
}

std::vector<PixelRect> changed(DamageTiles& t, ImDrawData& d) { return t.changed(d, DamageTiles::key_of(d, kClear)); }

bool inside(const PixelRect& r, ImVec2 a, ImVec2 b, float scale = 1) {
    return r.x0 <= a.x * scale && r.y0 <= a.y * scale && b.x * scale <= r.x1 && b.y * scale <= r.y1;
}

int64_t area(const std::vector<PixelRect>& rs) {
    int64_t a = 0;
    for (const PixelRect& r : rs) a += r.area();
    return a;
}

}  // namespace

TEST_CASE(
    "damage tiles: the first frame is drawn whole, the same frame again not at all, a changed text in its tiles") {
    Harness h(false);
    DamageTiles tiles;
    ImVec2 a, b;
    const auto body = [&](const char* text) {
        return [&a, &b, text] {
            ImGui::TextUnformatted("a line that stays");
            ImGui::SetCursorPos(ImVec2(300, 200));
            ImGui::TextUnformatted(text);
            a = ImGui::GetItemRectMin();
            b = ImGui::GetItemRectMax();
        };
    };
    for (int i = 0; i < 2; ++i) pass(body("12.5 µm"));  // the window settles its size
    ImDrawData& d = pass(body("12.5 µm"));
    const std::vector<PixelRect> first = changed(tiles, d);
    REQUIRE(first.size() == 1);
    CHECK(first[0] == PixelRect{0, 0, 1400, 900});  // the harness's display, scale 1
    CHECK(changed(tiles, pass(body("12.5 µm"))).empty());

    const ImVec2 old_a = a, old_b = b;
    const std::vector<PixelRect> r = changed(tiles, pass(body("13.75 µm")));
    REQUIRE(r.size() == 1);
    CHECK(inside(r[0], old_a, old_b));  // where the old text was, cleared
    CHECK(inside(r[0], a, b));          // where the new one is, drawn
    CHECK(r[0].x0 % DamageTiles::kTile == 0);
    CHECK(r[0].y0 % DamageTiles::kTile == 0);
    CHECK(r[0].area() <= 6 * DamageTiles::kTile * DamageTiles::kTile);  // a short text: 3 × 2 tiles at most
    CHECK(r[0].y0 >= 160);                                              // not the line at the top

    tiles.reset();
    const std::vector<PixelRect> again = changed(tiles, pass(body("13.75 µm")));
    REQUIRE(again.size() == 1);
    CHECK(again[0] == PixelRect{0, 0, 1400, 900});
}

TEST_CASE("damage tiles: a background whose far edge moves changes the tiles of its edges, not all it covers") {
    Harness h(false);
    DamageTiles tiles;
    const auto fill = [](float height) {
        return [height] {
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled(ImVec2(0, 0), ImVec2(600, height), IM_COL32(200, 220, 240, 255));  // a panel's background
        };
    };
    pass(fill(200));
    changed(tiles, pass(fill(200)));
    const std::vector<PixelRect> r = changed(tiles, pass(fill(250)));
    REQUIRE(r.size() == 1);
    CHECK(r[0].y0 == 192);  // the tile row of the old bottom edge (y = 200) ...
    CHECK(r[0].y1 == 256);  // ... to that of the new one (y = 250)
    CHECK(r[0].x0 == 0);
    CHECK(r[0].x1 == 608);  // 600 px wide (and a pixel for rounding), in whole tiles
}

TEST_CASE("damage tiles: changes far apart give separate rectangles, at most kMaxRects, covering every change") {
    Harness h(false);
    DamageTiles tiles;
    std::vector<std::pair<ImVec2, ImVec2>> items;
    const auto rows = [&](int version) {
        return [&items, version] {
            items.clear();
            for (int i = 0; i < 6; ++i) {
                // 80 px apart: a tile row with no change between any two
                ImGui::SetCursorPos(ImVec2(40.0f + 60.0f * i, 10.0f + 80.0f * i));
                ImGui::TextUnformatted(
                    std::string(4 + i, static_cast<char>('a' + version)).c_str());  // every glyph changes
                items.emplace_back(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            }
        };
    };
    pass(rows(1));
    changed(tiles, pass(rows(1)));
    const auto before = items;
    const std::vector<PixelRect> r = changed(tiles, pass(rows(2)));
    CHECK(r.size() == DamageTiles::kMaxRects);
    for (size_t i = 0; i < items.size(); ++i) {
        bool covered_old = false, covered_new = false;
        for (const PixelRect& x : r) {
            covered_old = covered_old || inside(x, before[i].first, before[i].second);
            covered_new = covered_new || inside(x, items[i].first, items[i].second);
        }
        CHECK_MESSAGE(covered_old, "row " << i);
        CHECK_MESSAGE(covered_new, "row " << i);
    }
    for (size_t i = 0; i + 1 < r.size(); ++i) CHECK(r[i].y1 <= r[i + 1].y0);  // no overlap: each pixel cleared once
    CHECK(area(r) < 1400 * 900 / 10);
}

TEST_CASE(
    "damage tiles: a new size, scale or clear colour draws the whole frame; a scale of 2 in framebuffer pixels, 1.5 "
    "always whole") {
    Harness h(false);
    const auto text = [](const char* t) { return [t] { ImGui::TextUnformatted(t); }; };
    DamageTiles tiles;
    pass(text("a"));
    ImDrawData& d = pass(text("a"));
    changed(tiles, d);
    CHECK(tiles.changed(d, DamageTiles::key_of(d, 0xFF000000u)).size() == 1);  // another clear colour: whole
    CHECK(area(tiles.changed(d, DamageTiles::key_of(d, 0xFF000000u))) == 0);

    ImGui::GetIO().DisplayFramebufferScale = ImVec2(2, 2);
    ImDrawData& d2 = pass(text("a"));
    REQUIRE(d2.FramebufferScale.x == 2.0f);
    const std::vector<PixelRect> whole2 = changed(tiles, d2);
    REQUIRE(whole2.size() == 1);
    CHECK(whole2[0] == PixelRect{0, 0, 2800, 1800});
    ImVec2 a, b;
    const std::vector<PixelRect> r2 = changed(tiles, pass([&] {
                                                  ImGui::TextUnformatted("b");
                                                  a = ImGui::GetItemRectMin();
                                                  b = ImGui::GetItemRectMax();
                                              }));
    REQUIRE(r2.size() == 1);
    CHECK(inside(r2[0], a, b, 2.0f));
    CHECK(r2[0].area() < 2800 * 1800 / 100);

    ImGui::GetIO().DisplayFramebufferScale = ImVec2(1.5f, 1.5f);
    changed(tiles, pass(text("a")));
    const std::vector<PixelRect> r15 = changed(tiles, pass(text("c")));  // a clip rectangle may not map to whole pixels
    REQUIRE(r15.size() == 1);
    CHECK(r15[0] == PixelRect{0, 0, 2100, 1350});
    CHECK(changed(tiles, pass(text("c"))).empty());  // unchanged is still unchanged
    ImGui::GetIO().DisplayFramebufferScale = ImVec2(1, 1);
}

TEST_CASE("clip narrowing: every command is clipped to the rectangle while it lives, and restored after") {
    Harness h(false);
    ImDrawData& d = pass([] {
        ImGui::TextUnformatted("top");
        ImGui::SetCursorPos(ImVec2(20, 280));
        ImGui::TextUnformatted("bottom");
    });
    std::vector<ImVec4> original;
    for (int l = 0; l < d.CmdListsCount; ++l)
        for (const ImDrawCmd& c : d.CmdLists[l]->CmdBuffer) original.push_back(c.ClipRect);
    REQUIRE_FALSE(original.empty());
    {
        const ClipNarrowing narrowed(d, PixelRect{0, 256, 320, 320});
        for (int l = 0; l < d.CmdListsCount; ++l)
            for (const ImDrawCmd& c : d.CmdLists[l]->CmdBuffer) {
                if (c.ClipRect.z <= c.ClipRect.x || c.ClipRect.w <= c.ClipRect.y) continue;  // empty: skipped
                CHECK(c.ClipRect.x >= 0);
                CHECK(c.ClipRect.y >= 256);
                CHECK(c.ClipRect.z <= 320);
                CHECK(c.ClipRect.w <= 320);
            }
    }
    size_t i = 0;
    for (int l = 0; l < d.CmdListsCount; ++l)
        for (const ImDrawCmd& c : d.CmdLists[l]->CmdBuffer) {
            CHECK(c.ClipRect.x == original[i].x);
            CHECK(c.ClipRect.w == original[i].w);
            ++i;
        }
}
