#include "views/share_view.h"

#include "imgui.h"
#include "plot.h"
#include "platform/platform.h"
#include "style.h"
#include "widgets.h"

namespace mf {

// Chat tools and mail clients start cutting links somewhere past this length.
static constexpr size_t kLongLink = 32 * 1024;

void ShareView::draw() {
    if (!open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(em(36), 0), ImGuiCond_Appearing);
    if (ImGui::Begin("Share link", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize)) {
        close_on_escape(&open);
        if (waiting) {
            ImGui::TextUnformatted("Packing the plan into a link…");
        } else {
            ImGui::TextWrapped(
                "Anyone who opens this link gets a copy of this plan in their browser. The plan "
                "travels inside the link itself: nothing is uploaded anywhere.");
            if (platform::page_is_local_file()) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.45f, 0.05f, 1));
                ImGui::TextWrapped(
                    "This page was opened from a file on this computer, so the link holds that file's "
                    "path: it opens only where the same file sits at the same place. To share with "
                    "someone else, send the plan file instead (File › Save).");
                ImGui::PopStyleColor();
            }
            std::string shown = link;
            ImGui::SetNextItemWidth(em(34));
            input_string("##link", shown, ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
            if (ImGui::Button("Copy link")) ImGui::SetClipboardText(link.c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("%zu characters", link.size());
            if (link.size() > kLongLink)
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_warn()),
                                   "This link is long; some apps cut long links. Share the plan file instead.");
        }
    }
    ImGui::End();
}

}  // namespace mf
