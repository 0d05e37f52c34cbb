#include "style.h"

#include <cmath>

#include "imgui.h"

extern const unsigned char mf_ui_font[];
extern const unsigned int mf_ui_font_size;

namespace mf {

// Must stay within the ranges scripts/embed.py keeps in the font subset.
static const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF,  // Basic Latin, Latin-1 (µ ± ° ·)
    0x0370, 0x03FF,  // Greek (σ Δ)
    0x2010, 0x205E,  // punctuation (– — • … ‰)
    0x2070, 0x209F,  // super- and subscripts
    0x20A0, 0x20BF,  // currency (€)
    0x2100, 0x214F,  // letterlike (™)
    0x2190, 0x21FF,  // arrows
    0x2200, 0x22FF,  // mathematical operators (≤ ≥ ≈ √ ∞)
    0x25A0, 0x25FF,  // geometric shapes (● ◆ ▲ ▼)
    0x2700, 0x27BF,  // dingbats (✓ ✗)
    0,
};

static float g_loaded_ratio = 0;

bool load_fonts(float dpr, float size_css_px) {
    if (!(dpr > 0)) dpr = 1;
    ImGuiIO& io = ImGui::GetIO();
    if (std::fabs(dpr - g_loaded_ratio) < 0.01f && !io.Fonts->Fonts.empty()) return false;
    g_loaded_ratio = dpr;
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes are static, compiled in
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(mf_ui_font), static_cast<int>(mf_ui_font_size),
                                   std::round(size_css_px * dpr), &cfg, kGlyphRanges);
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / dpr;
    return true;
}

void apply_theme(Theme theme) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    // Contrast (WCAG 2.1 AA, checked by tests/gui/test_style.cpp): text and disabled text at
    // least 4.5:1 against the window, frames and their borders, check marks at least 3:1, so
    // an unticked checkbox or an empty field on a white dialog is still visible.
    if (theme == Theme::Dark) {
        ImGui::StyleColorsDark(&s);
        s.Colors[ImGuiCol_Border] = ImVec4(0.55f, 0.55f, 0.60f, 1.0f);
        s.Colors[ImGuiCol_TextDisabled] = ImVec4(0.62f, 0.62f, 0.62f, 1.0f);
    } else {
        ImGui::StyleColorsLight(&s);
        s.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.97f, 1.0f);
        s.Colors[ImGuiCol_TableRowBgAlt] = ImVec4(0.0f, 0.0f, 0.0f, 0.04f);
        s.Colors[ImGuiCol_Border] = ImVec4(0.45f, 0.45f, 0.45f, 1.0f);
        s.Colors[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.38f, 0.38f, 1.0f);
        s.Colors[ImGuiCol_CheckMark] = ImVec4(0.10f, 0.36f, 0.75f, 1.0f);
    }
    s.FrameBorderSize = 1;  // fields and checkboxes drawn with their outline, in both themes
    s.WindowRounding = 4;
    s.FrameRounding = 3;
    s.GrabRounding = 3;
    s.TabRounding = 3;
    s.FramePadding = ImVec2(6, 4);
    s.ItemSpacing = ImVec2(8, 6);
    s.CellPadding = ImVec2(6, 3);
    s.WindowBorderSize = 1;
}

float em(float n) { return ImGui::GetFontSize() * n; }

}  // namespace mf
