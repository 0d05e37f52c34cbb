// Spreadsheet keys for a table of fields, as in Excel and MS Project: Up / Down go to the same
// column in the row above / below, Enter keeps what was typed and goes down a row (Shift+Enter
// up). Tab / Shift+Tab stay ImGui's: the next / previous field of the row, then the next row.
// A text field reached with the keys opens for typing with its text selected, so typing
// replaces it; a combo or button is focused (Enter or Space opens or presses it). Left / Right
// stay inside the text being typed.
//
// ImGui's own arrow navigation goes to the nearest item on screen, which in these tables is
// often the row-selecting number cell spanning the row: the cell with the keyboard takes the
// Up / Down keys from it (SetKeyOwner), so only these rules apply.
//
//   TableKeys& keys = task_keys_;        // kept by the view between frames
//   for each row r, each editable cell c:
//       keys.before(r, c);               // focuses the cell when the keys asked for it
//       ImGui::InputText(...);
//       if (keys.after(r, c)) selected = row_id;   // true while the cell has the keyboard
//   keys.end();
//
// The capability data grid has its own cell cursor (capability_grid.cpp) and does not use it.
#pragma once
#include <vector>

#include "imgui.h"

namespace mf {

struct TableKeys {
    // Before a cell's widget.
    void before(int row, int col);
    // After it: records the cell as the current one while it has the keyboard, and turns Up,
    // Down and Enter pressed there into the cell to focus next frame. True while it has it.
    bool after(int row, int col);
    // After the table: resolves a move against the cells this frame drew (a row may lack a
    // column, e.g. a milestone has no durations: the nearest column of that row is taken).
    void end();

    int current_row() const { return row_; }
    int current_col() const { return col_; }
    // The row the keys are taking the keyboard to (-1: none): asked for, or asked of ImGui and
    // not reached yet (the keyboard lands there a frame later). A table that draws only some
    // of its rows must draw it and its neighbours: a key pressed as the keyboard lands moves on
    // from it, to a row drawn in that frame.
    int arriving_row() const {
        if (want_frames_ > 0) return want_row_;
        return focusing_frames_ > 0 ? focusing_row_ : -1;
    }

private:
    struct Cell {
        int row, col;
    };
    std::vector<Cell> drawn_;                                     // this frame's cells, in the order drawn
    int row_ = -1, col_ = -1;                                     // the cell with the keyboard
    int pending_row_ = -1, pending_col_ = -1, pending_drow_ = 0;  // a move asked for this frame
    int want_row_ = -1, want_col_ = -1;                           // the cell to focus
    int want_frames_ = 0;                                         // frames left to reach it (then the request lapses)
    int focusing_row_ = -1, focusing_frames_ = 0;                 // the row asked of ImGui last (frames left)
    void go(int row, int col, int drow);
};

}  // namespace mf
