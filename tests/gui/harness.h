// Harness for GUI tests without a browser: Dear ImGui with no renderer (as imgui's
// example_null), the real App and views, the in-memory platform.
#pragma once
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "app.h"
#include "imgui.h"
#include "plan/plan_file.h"
#include "test_hooks.h"
#include "platform/platform_native.h"

#include "example_files.h"

namespace mf::test {

inline std::string read_source_file(const std::string& rel) {
    std::ifstream in(std::string(MF_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Index of the embedded example with this file name (the examples menu is sorted by name).
inline unsigned example(const char* name) {
    for (unsigned i = 0; i < mf_example_plans_count; ++i)
        if (std::string(mf_example_plans[i].name) == name) return i;
    FAIL("no embedded example " << name);
    return 0;
}
inline const char* kGearbox = "micro-gearbox.mfplan.json";

// One ImGui context + App per test, with frames driven by hand.
struct Harness {
    mf::App app;
    // warm: let the app's warm-ups (gui/warm_up.h, gui/view_warm_up.h) finish first, as they
    // do in the browser within the first second, so that a test's frames and idleness are its own.
    explicit Harness(bool warm = true) {
        platform::native_state() = {};
        platform::native_state().fake_time = 100.0;
        platform::native_state().store["mf.start.seen"] = "1";  // tests start past the first-run start page
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1400, 900);
        io.DeltaTime = 1.0f / 60.0f;
        load_fonts(2.0f);  // the HiDPI path
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        app.init();
        for (int i = 0; warm && i < 200 && !app.warmed_up(); ++i) frames(1);  // one slice each: the clock stands still
    }
    ~Harness() { ImGui::DestroyContext(); }
    void frames(int n) {
        for (int i = 0; i < n; ++i) {
            platform::native_state().fake_time += 1.0 / 60.0;
            ImGui::NewFrame();
            app.frame();
            ImGui::Render();
        }
    }
};

// Mouse and keyboard through ImGui's input queue, at the rectangles the views record with
// test_anchor(). Each action spreads over frames as a person's would: ImGui sees the hover
// a frame before the press, and the result a frame after the release.
struct Input {
    Harness& h;
    void move(const std::string& anchor) {
        const auto it = test_anchors().find(anchor);
        REQUIRE_MESSAGE(it != test_anchors().end(), "no anchor " << anchor);
        const AnchorRect r = it->second;
        ImGui::GetIO().AddMousePosEvent((r.x0 + r.x1) * 0.5f, (r.y0 + r.y1) * 0.5f);
        h.frames(1);
    }
    void click(const std::string& anchor, ImGuiMouseButton button = ImGuiMouseButton_Left) { press(anchor, button, 1); }
    void right_click(const std::string& anchor) { press(anchor, ImGuiMouseButton_Right, 1); }
    void double_click(const std::string& anchor) { press(anchor, ImGuiMouseButton_Left, 2); }
    void press(const std::string& anchor, ImGuiMouseButton button, int times) {
        move(anchor);
        ImGuiIO& io = ImGui::GetIO();
        for (int k = 0; k < times; ++k) {
            io.AddMouseButtonEvent(button, true);
            h.frames(1);
            io.AddMouseButtonEvent(button, false);
            h.frames(1);
        }
        h.frames(1);
    }
    // A key with up to two modifiers held (ImGuiMod_Ctrl, ImGuiMod_Shift, ImGuiMod_Alt).
    void key(ImGuiKey key, ImGuiKey mod = ImGuiKey_None, ImGuiKey mod2 = ImGuiKey_None) {
        ImGuiIO& io = ImGui::GetIO();
        if (mod != ImGuiKey_None) io.AddKeyEvent(mod, true);
        if (mod2 != ImGuiKey_None) io.AddKeyEvent(mod2, true);
        io.AddKeyEvent(key, true);
        h.frames(1);
        io.AddKeyEvent(key, false);
        if (mod2 != ImGuiKey_None) io.AddKeyEvent(mod2, false);
        if (mod != ImGuiKey_None) io.AddKeyEvent(mod, false);
        h.frames(1);
    }
    void chord(ImGuiKey k, bool ctrl = false) { key(k, ctrl ? ImGuiMod_Ctrl : ImGuiKey_None); }
    void type(const char* text, int frames = 2) {
        ImGui::GetIO().AddInputCharactersUTF8(text);
        h.frames(frames);
    }
    // Click a field, select all, type, leave with Enter.
    void replace(const std::string& anchor, const char* text, bool enter = true) {
        click(anchor);
        chord(ImGuiKey_A, true);
        type(text);
        if (enter) chord(ImGuiKey_Enter);
    }
    // Scrolls with the mouse wheel until the anchor is inside the 900 px window.
    void scroll_to(const std::string& anchor) {
        ImGuiIO& io = ImGui::GetIO();
        for (int i = 0; i < 40; ++i) {
            const auto it = test_anchors().find(anchor);
            if (it != test_anchors().end() && it->second.y1 < 860 && it->second.y0 > 60) return;
            io.AddMousePosEvent(300, 600);
            io.AddMouseWheelEvent(0, it != test_anchors().end() && it->second.y0 <= 60 ? 2.0f : -2.0f);
            h.frames(2);
        }
        FAIL("could not scroll to " << anchor);
    }
};

// The figures and texts the views published this frame (test_value / test_text).
inline double value(const std::string& name) {
    const auto it = test_values().find(name);
    REQUIRE_MESSAGE(it != test_values().end(), "no test value " << name);
    return it->second;
}
inline std::string text(const std::string& name) {
    const auto it = test_texts().find(name);
    REQUIRE_MESSAGE(it != test_texts().end(), "no test text " << name);
    return it->second;
}

}  // namespace mf::test
