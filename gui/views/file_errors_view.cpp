#include "views/file_errors_view.h"

#include "imgui.h"
#include "plan_library.h"
#include "platform/platform.h"
#include "style.h"
#include "widgets.h"

namespace mf {

void FileErrorsView::draw(const PlanLibrary& library) {
    if (!open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(em(40), em(16)), ImGuiCond_Appearing);
    if (ImGui::Begin("Could not open file", &open, ImGuiWindowFlags_NoCollapse)) {
        close_on_escape(&open);
        ImGui::TextWrapped("%s could not be opened (%zu problem%s). Your current plan is unchanged.", file_name.c_str(),
                           errors.size(), errors.size() == 1 ? "" : "s");
        ImGui::Spacing();
        const float footer = ImGui::GetFrameHeightWithSpacing();
        if (ImGui::BeginTable("errors", 2,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable,
                              ImVec2(0, -footer))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn("Where", ImGuiTableColumnFlags_WidthFixed, em(14));
            ImGui::TableSetupColumn("Problem", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableHeadersRow();
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(errors.size()));
            while (clipper.Step())
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(errors[i].where.c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s", errors[i].message.c_str());
                }
            ImGui::EndTable();
        }
        if (ImGui::Button("Copy list")) {
            std::string text = file_name + "\n";
            for (const auto& e : errors) text += to_string(e) + "\n";
            ImGui::SetClipboardText(text.c_str());
        }
        if (!stored_id.empty()) {
            ImGui::SameLine();
            if (ImGui::Button("Download its text"))
                if (auto text = library.read(stored_id))
                    platform::download_file("kept-plan.mfplan.json", *text, "application/json");
            ImGui::SameLine();
            ImGui::TextDisabled("(it stays under File › Recent plans until you delete it)");
        }
        ImGui::SameLine();
        if (ImGui::Button("Close")) open = false;
    }
    ImGui::End();
}

}  // namespace mf
