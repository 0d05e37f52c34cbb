#include "views/help_view.h"

#include "imgui.h"
#include "plan/plan_file.h"
#include "style.h"

namespace mf {

static const ToolGuide kToolGuide[] = {
    {"Overview",
     "The project: its name, the display unit for lengths (values are stored in mm), the one person who decides, "
     "the start date and the market-window deadline, and how many items each section holds."},
};

static const struct {
    const char* keys;
    const char* action;
} kShortcuts[] = {
    {"Ctrl+O", "Open a plan file (or drop a file on the page)"},
    {"Ctrl+S", "Save: download the plan file"},
    {"Ctrl+Z", "Undo"},
    {"Ctrl+Y, Ctrl+Shift+Z", "Redo"},
    {"Ctrl+C / Ctrl+V", "Copy / paste text (tables accept rows pasted from a spreadsheet)"},
    {"Tab / Shift+Tab", "Next / previous field"},
};

static void centred_window(const char* title, bool* open, float w_em, float h_em) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(em(w_em), em(h_em)), ImGuiCond_Appearing);
    ImGui::Begin(title, open, ImGuiWindowFlags_NoCollapse);
}

void HelpView::draw() {
    if (about_open) {
        centred_window("About MicroFab Planner", &about_open, 34, 17);
        ImGui::TextUnformatted("MicroFab Planner");
        ImGui::TextDisabled("Plan file format \"%s\", version %d", kPlanFormatTag, kPlanFormatVersion);
        ImGui::Spacing();
        ImGui::TextWrapped(
            "Plans who builds a part with 50 µm features, how long it takes and whether it fits: "
            "partners, timeline, tolerance stacks and process capability in one file. Everything is "
            "computed in this page, offline; nothing is sent anywhere.");
        ImGui::Spacing();
        ImGui::TextWrapped(
            "Built with Dear ImGui, SDL2 and Emscripten. UI font: DejaVu Sans (Bitstream Vera licence). "
            "The same core library powers the mfplan command-line tool, which prints every figure as JSON.");
        ImGui::End();
    }
    if (tools_open) {
        centred_window("What each tool does", &tools_open, 38, 20);
        for (const auto& t : kToolGuide) {
            ImGui::SeparatorText(t.name);
            ImGui::TextWrapped("%s", t.what_it_does);
        }
        ImGui::End();
    }
    if (shortcuts_open) {
        centred_window("Keyboard shortcuts", &shortcuts_open, 30, 13);
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
            for (const auto& s : kShortcuts) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(s.keys);
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", s.action);
            }
            ImGui::EndTable();
        }
        ImGui::End();
    }
}

}  // namespace mf
