#include "views/recent_view.h"

#include "app.h"
#include "imgui.h"
#include "platform/platform.h"
#include "style.h"
#include "widgets.h"
#include "test_hooks.h"

namespace mf {

void RecentView::draw(App& app) {
    if (!open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(em(46), em(20)), ImGuiCond_Appearing);
    if (ImGui::Begin("Recent plans", &open, ImGuiWindowFlags_NoCollapse)) {
        close_on_escape(&open);
        ImGui::TextWrapped(
            "Plans kept in this browser, newest first (the last %zu). They stay on this computer only: "
            "save a plan to a file to keep it anywhere else.",
            PlanLibrary::kKeep);
        const std::vector<StoredPlan> stored = app.library.list();
        const double now = platform::wall_clock_seconds();
        std::string remove_id;
        if (ImGui::BeginTable("recent", 5,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY)) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn("Plan", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("File", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("Kept", ImGuiTableColumnFlags_WidthFixed, em(7));
            ImGui::TableSetupColumn("Size", ImGuiTableColumnFlags_WidthFixed, em(4.5f));
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em(12));
            ImGui::TableHeadersRow();
            for (size_t i = 0; i < stored.size(); ++i) {
                const StoredPlan& p = stored[i];
                ImGui::PushID(p.id.c_str());
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(p.name.c_str());
                if (p.id == app.doc_id()) {
                    ImGui::SameLine();
                    ImGui::TextDisabled("(open)");
                }
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(p.file_name.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%s%s", age_text(p.time, now).c_str(), p.unsaved ? " ·*" : "");
                if (p.unsaved && ImGui::IsItemHovered()) ImGui::SetTooltip("Had changes not saved to a file");
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(size_text(p.bytes).c_str());
                ImGui::TableNextColumn();
                ImGui::BeginDisabled(p.id == app.doc_id());
                if (ImGui::SmallButton("Open")) app.open_stored(p.id);
                MF_TEST_ANCHOR("recent.open." + std::to_string(i));
                ImGui::EndDisabled();
                ImGui::SameLine();
                if (ImGui::SmallButton("Download"))
                    if (auto text = app.library.read(p.id))
                        platform::download_file(p.file_name, *text, "application/json");
                ImGui::SameLine();
                ImGui::BeginDisabled(p.id == app.doc_id());
                if (ImGui::SmallButton("Delete")) remove_id = p.id;
                MF_TEST_ANCHOR("recent.delete." + std::to_string(i));
                ImGui::EndDisabled();
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
        if (!remove_id.empty()) app.library.remove(remove_id);
        if (stored.empty()) ImGui::TextDisabled("No plans kept yet: they appear here as you work.");
    }
    ImGui::End();
}

}  // namespace mf
