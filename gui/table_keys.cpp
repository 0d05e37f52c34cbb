#include "table_keys.h"

#include <cstdlib>

#include "imgui_internal.h"

namespace mf {

// A request to focus a cell lives a few frames: the cell may be drawn only once the table has
// scrolled to it, and a cell that is gone (row deleted) must not catch the focus later.
static constexpr int kWantFrames = 3;

void TableKeys::before(int row, int col) {
    if (row != want_row_ || col != want_col_ || want_frames_ <= 0) return;
    ImGui::SetKeyboardFocusHere();  // a text field opens with its text selected
    focusing_row_ = row;            // the keyboard gets there next frame
    focusing_frames_ = 2;
    want_row_ = want_col_ = -1;
    want_frames_ = 0;
}

bool TableKeys::after(int row, int col) {
    drawn_.push_back({row, col});
    const bool has_keyboard = ImGui::IsItemFocused() || ImGui::IsItemActive();
    // Enter that just closed a text field: down a row (Shift+Enter: up), as Excel does.
    const bool inputable = (GImGui->LastItemData.InFlags & ImGuiItemFlags_Inputable) != 0;
    if (inputable && ImGui::IsItemDeactivated() &&
        (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false))) {
        go(row, col, ImGui::GetIO().KeyShift ? -1 : +1);
        return true;
    }
    if (!has_keyboard) return false;
    row_ = row;
    col_ = col;
    // Up / Down are ours while a cell of the table has the keyboard (next frame's navigation
    // included: ImGui reads the keys in NewFrame, before the table is drawn).
    static const ImGuiID owner = ImHashStr("mf.table-keys");
    ImGui::SetKeyOwner(ImGuiKey_UpArrow, owner);
    ImGui::SetKeyOwner(ImGuiKey_DownArrow, owner);
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow, owner, ImGuiInputFlags_Repeat) && !ImGui::GetIO().KeyCtrl)
        go(row, col, -1);
    else if (ImGui::IsKeyPressed(ImGuiKey_DownArrow, owner, ImGuiInputFlags_Repeat) && !ImGui::GetIO().KeyCtrl)
        go(row, col, +1);
    return true;
}

// Resolved in end(): the cell in the nearest drawn row in direction `drow`, with the column
// nearest `col`; nothing moves past the first and last row.
void TableKeys::go(int row, int col, int drow) {
    pending_row_ = row;
    pending_col_ = col;
    pending_drow_ = drow;
}

void TableKeys::end() {
    if (pending_drow_ != 0) {
        int best_row = -1;
        for (const Cell& c : drawn_)
            if ((c.row - pending_row_) * pending_drow_ > 0 &&
                (best_row < 0 || std::abs(c.row - pending_row_) < std::abs(best_row - pending_row_)))
                best_row = c.row;
        int best_col = -1;
        for (const Cell& c : drawn_)
            if (c.row == best_row &&
                (best_col < 0 || std::abs(c.col - pending_col_) < std::abs(best_col - pending_col_)))
                best_col = c.col;
        if (best_row >= 0 && best_col >= 0) {
            want_row_ = best_row;
            want_col_ = best_col;
            want_frames_ = kWantFrames;
        }
        pending_drow_ = 0;
    } else if (want_frames_ > 0) {
        --want_frames_;
    }
    if (focusing_frames_ > 0) --focusing_frames_;
    drawn_.clear();
}

}  // namespace mf
