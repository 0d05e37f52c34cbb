#include "views/history_view.h"

#include "imgui.h"
#include "style.h"
#include "widgets.h"

namespace mf {

int HistoryView::draw(const Document& doc) {
    if (!open) return 0;
    int undo_steps = 0;
    ImGui::SetNextWindowSize(ImVec2(em(22), em(20)), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("History", &open)) {
        close_on_escape(&open);
        ImGui::TextDisabled("%zu step%s to undo, %zu to redo", doc.undo_stack.size(),
                            doc.undo_stack.size() == 1 ? "" : "s", doc.redo_stack.size());
        ImGui::Separator();
        ImGui::Selectable("Now", true);
        for (size_t i = doc.undo_stack.size(); i-- > 0;) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(doc.undo_stack[i].label.c_str()))
                undo_steps = static_cast<int>(doc.undo_stack.size() - i);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Undo back to before \"%s\"", doc.undo_stack[i].label.c_str());
            ImGui::PopID();
        }
    }
    ImGui::End();
    return undo_steps;
}

}  // namespace mf
