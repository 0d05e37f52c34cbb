// Readable controls in both themes: WCAG 2.1 contrast ratios of the style's colours, each
// colour with alpha blended over what it is drawn on (relative luminance and ratio as in
// WCAG 2.1, "contrast ratio" and "relative luminance" definitions).
#include <cmath>

#include "harness.h"
#include "plot.h"

using namespace mf;
using namespace mf::test;

namespace {

ImVec4 over(const ImVec4& fg, const ImVec4& bg) {
    const float a = fg.w;
    return ImVec4(fg.x * a + bg.x * (1 - a), fg.y * a + bg.y * (1 - a), fg.z * a + bg.z * (1 - a), 1);
}
double channel(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double luminance(const ImVec4& c) { return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z); }
double contrast(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace

TEST_CASE("contrast: the luminance formula against WCAG's own end points") {
    CHECK(contrast(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(21.0));
    CHECK(contrast(ImVec4(1, 1, 1, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(1.0));
    // #777777 on white is the well-known 4.48:1 (just under AA for text).
    CHECK(contrast(ImVec4(0x77 / 255.f, 0x77 / 255.f, 0x77 / 255.f, 1), ImVec4(1, 1, 1, 1)) ==
          doctest::Approx(4.478).epsilon(1e-3));
}

TEST_CASE("contrast: text 4.5:1 and controls 3:1 in both themes") {
    Harness h;
    for (Theme t : {Theme::Light, Theme::Dark}) {
        apply_theme(t);
        const ImGuiStyle& s = ImGui::GetStyle();
        const auto col = [&](ImGuiCol c) { return s.Colors[c]; };
        INFO((t == Theme::Dark ? "dark" : "light"));
        const ImVec4 window = col(ImGuiCol_WindowBg);
        const ImVec4 popup = over(col(ImGuiCol_PopupBg), window);
        for (const ImVec4& bg : {window, popup}) {
            const ImVec4 frame = over(col(ImGuiCol_FrameBg), bg);
            CHECK(contrast(col(ImGuiCol_Text), bg) >= 4.5);
            CHECK(contrast(col(ImGuiCol_TextDisabled), bg) >= 4.5);
            CHECK(contrast(col(ImGuiCol_Text), frame) >= 4.5);
            CHECK(contrast(over(col(ImGuiCol_Border), bg), bg) >= 3.0);  // the outline of every field
            CHECK(contrast(col(ImGuiCol_CheckMark), frame) >= 3.0);
        }
        CHECK(s.FrameBorderSize >= 1.0f);
    }
    apply_theme(Theme::Light);
}

TEST_CASE("contrast: coloured verdict text (good, at risk, fails) 4.5:1 on the window, its table rows and popups") {
    Harness h;
    for (Theme t : {Theme::Light, Theme::Dark}) {
        apply_theme(t);
        const ImGuiStyle& s = ImGui::GetStyle();
        INFO((t == Theme::Dark ? "dark" : "light"));
        const ImVec4 window = over(s.Colors[ImGuiCol_WindowBg], ImVec4(0, 0, 0, 1));
        const ImVec4 alt_row = over(s.Colors[ImGuiCol_TableRowBgAlt], window);
        const ImVec4 popup = over(s.Colors[ImGuiCol_PopupBg], window);
        for (const ImVec4& bg : {window, alt_row, popup})
            for (ImU32 c : {plot_good(), plot_warn(), plot_bad()})
                CHECK(contrast(ImGui::ColorConvertU32ToFloat4(c), bg) >= 4.5);
    }
    apply_theme(Theme::Light);
}
