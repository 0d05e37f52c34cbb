// Test anchors: views name a few widgets ("overview.name") so browser tests can click and
// type into the real canvas at the right place. Call right after the widget; the rectangle
// (CSS pixels) of the last item is recorded and listed by App::test_state_json().
// Test values: views publish the figures they display ("stack.rss.max") so a browser test
// can check the numbers on screen against independently computed ones.
#pragma once
#include <map>
#include <string>

#include "imgui.h"

namespace mf {

struct AnchorRect {
    float x0, y0, x1, y1;
};

std::map<std::string, AnchorRect>& test_anchors();

std::map<std::string, double>& test_values();
std::map<std::string, std::string>& test_texts();
inline void test_value(const std::string& name, double v) { test_values()[name] = v; }
inline void test_text(const std::string& name, const std::string& v) { test_texts()[name] = v; }

inline void test_anchor(const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    test_anchors()[name] = {a.x, a.y, b.x, b.y};
}

}  // namespace mf
