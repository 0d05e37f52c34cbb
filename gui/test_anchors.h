// Test anchors: views name a few widgets ("overview.name") so browser tests can click and
// type into the real canvas at the right place. Call right after the widget; the rectangle
// (CSS pixels) of the last item is recorded and listed by App::test_state_json().
#pragma once
#include <map>
#include <string>

#include "imgui.h"

namespace mf {

struct AnchorRect {
    float x0, y0, x1, y1;
};

std::map<std::string, AnchorRect>& test_anchors();

inline void test_anchor(const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    test_anchors()[name] = {a.x, a.y, b.x, b.y};
}

}  // namespace mf
