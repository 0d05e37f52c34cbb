// Test hooks: what the browser and headless GUI tests read, compiled only into test builds.
// Builds with MF_TEST_HOOKS defined (gui_tests, the app_test page that tests/browser drives)
// record them; the shipped app compiles every macro below to nothing, so its views carry no
// test code and no test strings.
//
//   MF_TEST_ANCHOR("overview.name");            // after a widget: its rectangle, to click and type into
//   MF_TEST_VALUE("stack.rss.max", r.rss.max);  // a figure on screen, to check against a reference
//   MF_TEST_TEXT("stack.verdict", name);        // a text on screen
//
// Arguments are not evaluated when the hooks are off. Bulk publishing (a view's list of
// figures) goes in a function inside `#ifdef MF_TEST_HOOKS`. App::test_state_json() lists
// everything recorded, and the page exposes it as Module.mf_test_state in test builds only.
#pragma once

#ifdef MF_TEST_HOOKS
#include <map>
#include <string>

#include "imgui.h"

namespace mf {

struct AnchorRect {
    float x0, y0, x1, y1;
};

// While a MutedTestHooks lives (gui/view_warm_up.h draws views of its own), what is recorded
// goes to a scratch set, dropped when it ends: the tests read the app's own views only.
struct MutedTestHooks {
    MutedTestHooks();
    ~MutedTestHooks();
    MutedTestHooks(const MutedTestHooks&) = delete;
    MutedTestHooks& operator=(const MutedTestHooks&) = delete;
};

std::map<std::string, AnchorRect>& test_anchors();
std::map<std::string, double>& test_values();
std::map<std::string, std::string>& test_texts();
inline void test_value(const std::string& name, double v) { test_values()[name] = v; }
inline void test_text(const std::string& name, const std::string& v) { test_texts()[name] = v; }
// The anchor whose widget has the keyboard focus this frame ("" when none does): what a
// keyboard-only test steers by.
std::string& test_focused_anchor();
inline void test_anchor(const std::string& name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    test_anchors()[name] = {a.x, a.y, b.x, b.y};
    if (ImGui::IsItemFocused()) test_focused_anchor() = name;
}

}  // namespace mf

#define MF_TEST_ANCHOR(name) ::mf::test_anchor(name)
#define MF_TEST_VALUE(name, value) ::mf::test_value((name), (value))
#define MF_TEST_TEXT(name, value) ::mf::test_text((name), (value))
#else
#define MF_TEST_ANCHOR(name) ((void)0)
#define MF_TEST_VALUE(name, value) ((void)0)
#define MF_TEST_TEXT(name, value) ((void)0)
#endif
