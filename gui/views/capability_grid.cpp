// The data grid: parts as rows (production order), the dataset's text columns (subgroup,
// time, machine, operator, cavity) and its features as columns, used like a spreadsheet.
// Only the visible rows are drawn (ImGuiListClipper), so 100 000 rows scroll as fast as 100.
//   current cell   click; arrows, Tab / Shift+Tab, Enter / Shift+Enter (after an edit),
//                  PageUp / PageDown, Home / End (row), Ctrl+Home / Ctrl+End, Ctrl+arrows
//   selection      Shift+click, Shift+arrows / PageUp / PageDown; Ctrl+A; a row header
//   editing        type, F2, Enter or double-click; Enter commits and moves down, Tab right,
//                  Escape cancels; a click elsewhere commits
//   Delete         clears the selected cells (missing); Ctrl+C / Ctrl+X copy / cut them
//   Ctrl+V         pastes tab-separated cells at the top-left selected cell
//   Ctrl+Plus / Ctrl+Minus, right-click menu: insert rows above / below, delete rows
// Every change is one undoable Edit that applies core's dataset_edit.h function by id.
// [SECTION] Edits
// [SECTION] Cells as text
// [SECTION] The grid
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "capability/dataset_edit.h"
#include "capability/table_import.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "plot.h"
#include "style.h"
#include "test_hooks.h"
#include "views/capability_parts.h"

namespace mf::capability_ui {

namespace {

// [SECTION] Edits ---------------------------------------------------------------------------

struct Sel {
    long r0, c0, r1, c1;
    long rows() const { return r1 - r0 + 1; }
    long cols() const { return c1 - c0 + 1; }
    bool has(long r, long c) const { return r >= r0 && r <= r1 && c >= c0 && c <= c1; }
    CellRange range() const {
        return {static_cast<size_t>(r0), static_cast<size_t>(c0), static_cast<size_t>(r1), static_cast<size_t>(c1)};
    }
};

std::string rows_text(long r0, long r1) {
    return r0 == r1 ? "row " + std::to_string(r0 + 1) : "rows " + std::to_string(r0 + 1) + "–" + std::to_string(r1 + 1);
}

void push_paste(Edits& edits, const Dataset& d, std::string label, size_t row, size_t col, CellBlock b,
                std::vector<double> scale) {
    edits.push(std::move(label), [did = d.id, row, col, b = std::move(b), scale = std::move(scale)](Plan& p) {
        if (Dataset* ds = find_dataset(p, did)) paste_block(*ds, row, col, b, scale);
    });
}

void push_clear(Edits& edits, const Dataset& d, const Sel& s, const std::string& what) {
    char label[200];
    std::snprintf(label, sizeof label, "Clear %s (%ld × %ld cells)", what.substr(0, 80).c_str(), s.rows(), s.cols());
    edits.push(label, [did = d.id, r = s.range()](Plan& p) {
        if (Dataset* ds = find_dataset(p, did)) clear_block(*ds, r);
    });
}

void push_insert(Edits& edits, const Dataset& d, size_t at, size_t count, bool above, long ref) {
    const std::string label = "Insert " + std::to_string(count) + (count == 1 ? " row " : " rows ") +
        (above ? "above row " : "below row ") + std::to_string(ref + 1);
    edits.push(label, [did = d.id, at, count](Plan& p) {
        if (Dataset* ds = find_dataset(p, did)) insert_rows(*ds, at, count);
    });
}

void push_delete(Edits& edits, const Dataset& d, long r0, long r1) {
    edits.push("Delete " + rows_text(r0, r1), [did = d.id, r0, r1](Plan& p) {
        if (Dataset* ds = find_dataset(p, did))
            delete_rows(*ds, static_cast<size_t>(r0), static_cast<size_t>(r1 - r0 + 1));
    });
}

// [SECTION] Cells as text -------------------------------------------------------------------

// The text of sheet cell (r, k) as the edit field starts with it (full precision, display unit).
std::string cell_edit_text(const Dataset& d, long r, long k, const std::vector<double>& scale) {
    std::string s = copy_block(
        d, {static_cast<size_t>(r), static_cast<size_t>(k), static_cast<size_t>(r), static_cast<size_t>(k)}, scale);
    if (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

// The printable characters typed this frame.
std::string typed_text(const ImGuiIO& io) {
    std::string typed;
    for (ImWchar ch : io.InputQueueCharacters) {
        if (ch < 32 || ch == 127) continue;
        char u[5];
        ImTextCharToUtf8(u, ch);
        typed += u;
    }
    return typed;
}

// Tab in the edit field: commit and move (instead of ImGui's tabbing); after typing started
// the edit, the cursor goes after the typed text.
int edit_callback(ImGuiInputTextCallbackData* data) {
    GridState* g = static_cast<GridState*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackCompletion) g->tab_pressed = true;
    if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && g->cursor_to_end) {
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        g->cursor_to_end = false;
    }
    return 0;
}

// [SECTION] The grid --------------------------------------------------------------------------

// One frame of the grid: the dataset as sheet columns, the state, and what happened this frame.
struct Grid {
    const Dataset& d;
    GridState& g;
    Edits& edits;
    ImGuiIO& io;
    long rows = 0;
    std::vector<SheetColumn> cols{};
    long shown = 0;                 // columns drawn (at most max_columns)
    bool subgroup_numbers = false;  // a "Subgroup" number column (fixed-size subgroups)
    std::vector<double> scale{};    // per feature: display unit
    std::vector<ValueUnit> units{};
    Sel sel{};  // the selection as it was when the frame began
    bool has_cell = false;
    // The table's geometry (set once the table has begun).
    ImGuiWindow* win = nullptr;  // the table's scrolling window
    float header_bottom = 0;
    float frozen_right = 0;
    bool committed = false;  // an edit ended this frame: its keys are not grid keys
    bool open_menu = false;

    // Moves the current cell there (the selection collapses to it), or with `extend` the
    // selection's other corner; either way that cell is scrolled into view.
    void select(long r, long c, bool extend) {
        if (!extend) {
            g.row = r;
            g.col = c;
        }
        g.anchor_row = r;
        g.anchor_col = c;
        g.scroll_row = r;
        g.scroll_col = c;
        g.scroll_to = true;
        g.message.clear();
    }
    void start_edit(std::string initial, bool select_all) {
        g.original = cell_edit_text(d, g.row, g.col, scale);
        g.text = select_all ? g.original : std::move(initial);
        g.select_all = select_all;
        g.cursor_to_end = !select_all;
        g.editing = true;
        g.focus_text = true;
        select(g.row, g.col, false);
    }
};

// The selection belongs to one dataset and stays inside its table.
void clamp_selection(Grid& G) {
    GridState& g = G.g;
    if (g.dataset_id != G.d.id) {
        g = GridState{};
        g.dataset_id = G.d.id;
    }
    if (G.rows == 0 || G.shown == 0) {
        g.row = g.col = g.anchor_row = g.anchor_col = -1;
        g.editing = false;
    } else if (g.row >= 0) {
        g.row = std::clamp(g.row, 0L, G.rows - 1);
        g.col = std::clamp(g.col, 0L, G.shown - 1);
        g.anchor_row = std::clamp(g.anchor_row, 0L, G.rows - 1);
        g.anchor_col = std::clamp(g.anchor_col, 0L, G.shown - 1);
    }
}

// The help line, the last refusal, and the figures the tests read.
void draw_grid_status(const Grid& G) {
    const GridState& g = G.g;
    const Dataset& d = G.d;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped(
        "%ld rows × %zu feature%s · click a cell and type (Enter commits, Escape cancels) · arrows, Tab, "
        "PageUp/Down move, Shift extends · Ctrl+C / Ctrl+V copy and paste at the cell · Delete clears · "
        "Ctrl+Plus / Ctrl+Minus insert / delete rows · right-click for more",
        G.rows, d.features.size(), d.features.size() == 1 ? "" : "s");
    ImGui::PopStyleColor();
    if (!g.message.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "✗ %s", g.message.c_str());
        MF_TEST_TEXT("capability.grid.message", g.message);
    } else {
        MF_TEST_TEXT("capability.grid.message", "");
    }
    MF_TEST_VALUE("capability.grid.row", static_cast<double>(g.row));
    MF_TEST_VALUE("capability.grid.col", static_cast<double>(g.col));
    MF_TEST_VALUE("capability.grid.sel_rows", G.has_cell ? static_cast<double>(G.sel.rows()) : 0);
    MF_TEST_VALUE("capability.grid.sel_cols", G.has_cell ? static_cast<double>(G.sel.cols()) : 0);
}

// A table with features but no rows: paste at row 1, or add a row.
void draw_empty_table(Grid& G) {
    ImGui::TextUnformatted("The table has no rows yet.");
    ImGui::SameLine();
    if (ImGui::SmallButton("Paste at row 1")) {
        const char* clip = ImGui::GetClipboardText();
        CellBlock b = read_cell_block(clip ? clip : "");
        Dataset trial = G.d;
        G.g.message = paste_block(trial, 0, 0, b, G.scale);
        if (G.g.message.empty()) push_paste(G.edits, G.d, "Paste cells at row 1", 0, 0, std::move(b), G.scale);
    }
    MF_TEST_ANCHOR("capability.grid.paste_first");
    ImGui::SameLine();
    if (ImGui::SmallButton("Add a row")) push_insert(G.edits, G.d, 0, 1, false, 0);
}

// The columns (row number, subgroup number, the sheet columns with their units) and the header row.
void setup_grid_columns(const Grid& G) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Row", ImGuiTableColumnFlags_WidthFixed, em(4));
    if (G.subgroup_numbers) ImGui::TableSetupColumn("Subgroup", ImGuiTableColumnFlags_WidthFixed, em(5));
    std::vector<std::string> headers;
    headers.reserve(static_cast<size_t>(G.shown));
    for (long k = 0; k < G.shown; ++k) {
        const SheetColumn& c = G.cols[static_cast<size_t>(k)];
        std::string h = sheet_column_name(G.d, c);
        if (c.kind == SheetColumnKind::Feature && !G.units[c.feature].symbol.empty())
            h += " (" + G.units[c.feature].symbol + ")";
        headers.push_back(std::move(h));
        const bool number = c.kind == SheetColumnKind::Feature;
        ImGui::TableSetupColumn(headers.back().c_str(), ImGuiTableColumnFlags_WidthFixed, em(number ? 7.5f : 6.5f));
    }
    ImGui::TableHeadersRow();
}

// Row header: click selects the row, Shift+click extends, right-click the menu.
void draw_row_header(Grid& G, int r) {
    GridState& g = G.g;
    const Sel& sel = G.sel;
    char buf[256];
    std::snprintf(buf, sizeof buf, "%d", r + 1);
    const bool row_selected = G.has_cell && r >= sel.r0 && r <= sel.r1 && sel.c0 == 0 && sel.c1 == G.shown - 1;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (ImGui::Selectable(buf, row_selected)) {
        if (!(G.io.KeyShift && G.has_cell)) G.select(r, 0, false);
        g.col = 0;
        G.select(r, G.shown - 1, true);
        g.editing = false;
    }
    ImGui::PopStyleColor();
    G.frozen_right = std::max(G.frozen_right, ImGui::GetItemRectMax().x + ImGui::GetStyle().CellPadding.x);
    if (ImGui::IsItemClicked(ImGuiMouseButton_Right)) {
        if (!(G.has_cell && r >= sel.r0 && r <= sel.r1)) {
            G.select(r, 0, false);
            G.select(r, G.shown - 1, true);
        }
        G.open_menu = true;
    }
    if (r < 3) MF_TEST_ANCHOR(("capability.grid.row_header." + std::to_string(r)).c_str());
}

// The current cell's edit field: Enter / Tab / a click elsewhere commits (a number where the
// column wants one), Escape cancels.
void draw_edit_cell(Grid& G, int r, long k, const SheetColumn& c) {
    GridState& g = G.g;
    const Dataset& d = G.d;
    ImGuiIO& io = G.io;
    char buf[256];
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (g.focus_text) {
        ImGui::SetKeyboardFocusHere();
        g.focus_text = false;
    }
    // Characters typed before the field has the keyboard (it takes a frame or
    // two) would be lost: they join the text here.
    if (ImGui::GetActiveID() != ImGui::GetID("##edit") && !io.InputQueueCharacters.empty()) {
        const std::string typed = typed_text(io);
        if (!typed.empty()) {
            g.text = g.select_all ? typed : g.text + typed;
            g.select_all = false;
            g.cursor_to_end = true;
        }
    }
    std::snprintf(buf, sizeof buf, "%s", g.text.c_str());
    g.tab_pressed = false;
    const ImGuiInputTextFlags fl = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackCompletion |
        ImGuiInputTextFlags_CallbackAlways | (g.select_all ? ImGuiInputTextFlags_AutoSelectAll : 0);
    const bool enter = ImGui::InputText("##edit", buf, sizeof buf, fl, edit_callback, &g);
    g.text = buf;
    MF_TEST_ANCHOR("capability.grid.edit");
    const CellBlock b = read_typed_cell(g.text);  // typed: one cell, never split
    double v = 0;
    const bool ok = c.kind != SheetColumnKind::Feature || b.rows != 1 || b.cols != 1 ||
        parse_number_cell(b.cells[0], b.decimal, v) != CellKind::Text;
    if (!ok) {
        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), plot_bad(), 0, 0, 2);
        ImGui::SetItemTooltip("not a number (empty = missing; decimal point or comma)");
    }
    const bool escape = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    const bool leave = enter || g.tab_pressed || (ImGui::IsItemDeactivated() && !escape);
    if (escape && !enter) {
        g.editing = false;
        G.committed = true;
    } else if (leave && !ok) {
        g.message = "row " + std::to_string(r + 1) + ", column \"" + sheet_column_name(d, c) + "\": \"" +
            g.text.substr(0, 40) + "\" is not a number (empty = missing)";
        if (!ImGui::IsItemActive())
            g.editing = false;  // clicked away: the cell keeps its value
        else
            g.focus_text = false;
        G.committed = true;
    } else if (leave) {
        if (g.text != g.original) {
            char label[200];
            std::snprintf(label, sizeof label, "Edit %s row %d", sheet_column_name(d, c).substr(0, 60).c_str(), r + 1);
            push_paste(G.edits, d, label, static_cast<size_t>(r), static_cast<size_t>(k), b, G.scale);
        }
        g.editing = false;
        g.message.clear();
        G.committed = true;
        if (enter)
            G.select(std::clamp<long>(r + (io.KeyShift ? -1 : 1), 0, G.rows - 1), k, false);
        else if (g.tab_pressed)
            G.select(r, std::clamp<long>(k + (io.KeyShift ? -1 : 1), 0, G.shown - 1), false);
    }
}

// A cell that is not being edited: its text, coloured beyond a limit (with an arrow: colour
// never alone); click selects, double-click edits, right-click the menu.
void draw_value_cell(Grid& G, int r, long k, const SheetColumn& c, bool current) {
    GridState& g = G.g;
    const Dataset& d = G.d;
    char buf[256];
    const char* text = "";
    std::string label;
    bool below = false, above = false;
    if (c.kind == SheetColumnKind::Feature) {
        const Feature& f = d.features[c.feature];
        const double v =
            f.values && static_cast<size_t>(r) < f.values->size() ? (*f.values)[static_cast<size_t>(r)] : NAN;
        below = std::isfinite(v) && f.lsl && v < *f.lsl;
        above = std::isfinite(v) && f.usl && v > *f.usl;
        if (std::isfinite(v))
            std::snprintf(buf, sizeof buf, "%.6g%s", v / G.units[c.feature].scale, above ? " ▲" : below ? " ▼" : "");
        else
            buf[0] = '\0';
        text = buf;
    } else {
        const TextColumn* tc = c.kind == SheetColumnKind::Subgroup ? &d.subgroups
            : c.kind == SheetColumnKind::Time                      ? &d.times
            : c.kind == SheetColumnKind::Machine                   ? &d.machines
            : c.kind == SheetColumnKind::Operator                  ? &d.operators
                                                                   : &d.cavities;
        text = (**tc)[static_cast<size_t>(r)].c_str();
    }
    const bool in_sel = G.has_cell && G.sel.has(r, k);
    const ImVec2 text_pos = ImGui::GetCursorScreenPos();  // where a Selectable puts its label
    if (ImGui::Selectable("##c", in_sel, ImGuiSelectableFlags_AllowDoubleClick)) {
        if (g.editing) g.editing = false;  // the edit field committed itself above
        G.select(r, k, G.io.KeyShift && G.has_cell);
        if (ImGui::IsMouseDoubleClicked(0)) G.start_edit({}, true);
    }
    const ImVec2 mn = ImGui::GetItemRectMin();
    ImGui::GetWindowDrawList()->AddText(text_pos, below || above ? plot_bad() : ImGui::GetColorU32(ImGuiCol_Text),
                                        text);
    if ((below || above) && ImGui::IsItemHovered()) ImGui::SetTooltip(above ? "above the USL" : "below the LSL");
    if (ImGui::IsItemClicked(ImGuiMouseButton_Right)) {
        if (!in_sel) G.select(r, k, false);
        G.open_menu = true;
    }
    if (current)
        ImGui::GetWindowDrawList()->AddRect(ImVec2(mn.x - 2, mn.y - 1),
                                            ImVec2(ImGui::GetItemRectMax().x + 2, ImGui::GetItemRectMax().y + 1),
                                            ImGui::GetColorU32(ImGuiCol_NavHighlight), 0, 0, 2);
    if (r == 0 && c.kind == SheetColumnKind::Feature && c.feature == 0) MF_TEST_ANCHOR("capability.grid.first_cell");
    if (r == 1 && c.kind == SheetColumnKind::Feature && c.feature == 0) MF_TEST_ANCHOR("capability.grid.cell_1_0");
}

// Keep the current cell in view (below the frozen header row, right of the row numbers).
void scroll_cell_into_view(Grid& G) {
    const ImGuiWindow* win = G.win;
    const ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
    const ImVec2 pad = ImGui::GetStyle().CellPadding;
    if (mn.y - pad.y < G.header_bottom)
        ImGui::SetScrollY(ImGui::GetScrollY() - (G.header_bottom - mn.y + pad.y));
    else if (mx.y + pad.y > win->InnerRect.Max.y)
        ImGui::SetScrollY(ImGui::GetScrollY() + (mx.y + pad.y - win->InnerRect.Max.y));
    if (mn.x - pad.x < G.frozen_right)
        ImGui::SetScrollX(ImGui::GetScrollX() - (G.frozen_right - mn.x + pad.x));
    else if (mx.x + pad.x > win->InnerRect.Max.x)
        ImGui::SetScrollX(ImGui::GetScrollX() + (mx.x + pad.x - win->InnerRect.Max.x));
    G.g.scroll_to = false;
}

// The visible rows (ImGuiListClipper), keeping the current cell and the one to scroll to.
void draw_grid_rows(Grid& G) {
    GridState& g = G.g;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(G.rows));
    if (G.has_cell) clipper.IncludeItemByIndex(static_cast<int>(g.row));
    if (G.has_cell && g.scroll_to)
        clipper.IncludeItemByIndex(static_cast<int>(std::clamp(g.scroll_row, 0L, G.rows - 1)));
    while (clipper.Step()) {
        if (clipper.ItemsHeight > 0)
            g.page_rows =
                std::max(1,
                         static_cast<int>((G.win->InnerRect.GetHeight() - (G.header_bottom - G.win->InnerRect.Min.y)) /
                                          clipper.ItemsHeight) -
                             1);
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            ImGui::TableNextRow();
            ImGui::PushID(r);
            ImGui::TableNextColumn();
            draw_row_header(G, r);
            if (G.subgroup_numbers) {
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%lld", static_cast<long long>(r / G.d.subgroup_size + 1));
            }
            for (long k = 0; k < G.shown; ++k) {
                ImGui::TableNextColumn();
                const SheetColumn& c = G.cols[static_cast<size_t>(k)];
                const bool current = g.row == r && g.col == k;
                ImGui::PushID(static_cast<int>(k));
                if (current && g.editing)
                    draw_edit_cell(G, r, k, c);
                else
                    draw_value_cell(G, r, k, c, current);
                if (g.scroll_to && r == g.scroll_row && k == g.scroll_col) scroll_cell_into_view(G);
                ImGui::PopID();
            }
            ImGui::PopID();
        }
    }
}

// Actions on the selection (keys and the context menu share them).
struct SelectionActions {
    Grid& G;
    Sel s;
    bool cell;
    std::string where;  // "at row r, column "c"" of the top-left selected cell

    explicit SelectionActions(Grid& grid)
        : G(grid),
          s{std::min(grid.g.row, grid.g.anchor_row), std::min(grid.g.col, grid.g.anchor_col),
            std::max(grid.g.row, grid.g.anchor_row), std::max(grid.g.col, grid.g.anchor_col)},
          cell(grid.g.row >= 0),
          where(cell ? "at row " + std::to_string(s.r0 + 1) + ", column \"" +
                        sheet_column_name(grid.d, grid.cols[static_cast<size_t>(s.c0)]) + "\""
                     : std::string()) {}

    void copy() const { ImGui::SetClipboardText(copy_block(G.d, s.range(), G.scale).c_str()); }
    void clear() const { push_clear(G.edits, G.d, s, rows_text(s.r0, s.r1)); }
    void paste() const {
        GridState& g = G.g;
        const char* clip = ImGui::GetClipboardText();
        if (!clip || !*clip) {
            g.message = "the clipboard holds no cells";
            return;
        }
        CellBlock b = read_cell_block(clip);
        Dataset trial = G.d;  // shares the columns; the trial copies only what it changes
        g.message = paste_block(trial, static_cast<size_t>(s.r0), static_cast<size_t>(s.c0), b, G.scale);
        if (!g.message.empty()) return;
        const long br = static_cast<long>(b.rows), bc = static_cast<long>(b.cols);
        const long added = std::max(0L, s.r0 + br - G.rows);
        char label[240];
        std::snprintf(label, sizeof label, "Paste %ld × %ld cells %s%s", br, bc, where.substr(0, 120).c_str(),
                      added ? (" (+" + std::to_string(added) + " rows)").c_str() : "");
        push_paste(G.edits, G.d, label, static_cast<size_t>(s.r0), static_cast<size_t>(s.c0), std::move(b), G.scale);
        G.select(s.r0, s.c0, false);
        g.anchor_row = s.r0 + br - 1;  // the pasted cells stay selected (clamped once the rows exist)
        g.anchor_col = s.c0 + bc - 1;
    }
    void insert(bool above) const {
        const long at = above ? s.r0 : s.r1 + 1;
        push_insert(G.edits, G.d, static_cast<size_t>(at), static_cast<size_t>(s.rows()), above, above ? s.r0 : s.r1);
        G.select(at, 0, false);  // the new rows selected
        G.g.anchor_row = at + s.rows() - 1;
        G.g.anchor_col = G.shown - 1;
    }
    void remove() const {
        push_delete(G.edits, G.d, s.r0, s.r1);
        G.select(std::max(0L, std::min(s.r0, G.rows - s.rows() - 1)), s.c0, false);
    }
};

// Keys on the selection: moving, extending, editing, clipboard, inserting and deleting rows.
void handle_grid_keys(Grid& G, const SelectionActions& act) {
    GridState& g = G.g;
    const ImGuiIO& io = G.io;
    const long rows = G.rows, shown = G.shown;
    const bool ctrl = io.KeyCtrl, shift = io.KeyShift;
    auto move = [&](long dr, long dc, bool extend) {
        const long r0 = extend ? g.anchor_row : g.row, c0 = extend ? g.anchor_col : g.col;
        G.select(std::clamp(r0 + dr, 0L, rows - 1), std::clamp(c0 + dc, 0L, shown - 1), extend);
    };
    auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(k, true); };
    if (pressed(ImGuiKey_UpArrow))
        move(ctrl ? -rows : -1, 0, shift);
    else if (pressed(ImGuiKey_DownArrow))
        move(ctrl ? rows : 1, 0, shift);
    else if (pressed(ImGuiKey_LeftArrow))
        move(0, ctrl ? -shown : -1, shift);
    else if (pressed(ImGuiKey_RightArrow))
        move(0, ctrl ? shown : 1, shift);
    else if (pressed(ImGuiKey_Tab))
        move(0, shift ? -1 : 1, false);
    else if (pressed(ImGuiKey_PageUp))
        move(-g.page_rows, 0, shift);
    else if (pressed(ImGuiKey_PageDown))
        move(g.page_rows, 0, shift);
    else if (pressed(ImGuiKey_Home))
        move(ctrl ? -rows : 0, -shown, shift);
    else if (pressed(ImGuiKey_End))
        move(ctrl ? rows : 0, shown, shift);
    else if (!ctrl && pressed(ImGuiKey_Enter) && shift)
        move(-1, 0, false);
    else if (!ctrl && (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeypadEnter) || pressed(ImGuiKey_F2)))
        G.start_edit({}, true);
    else if (!ctrl && (pressed(ImGuiKey_Delete) || pressed(ImGuiKey_Backspace)))
        act.clear();
    else if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_A)) {
        G.select(0, 0, false);
        G.select(rows - 1, shown - 1, true);
    } else if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_C))
        act.copy();
    else if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_X)) {
        act.copy();
        act.clear();
    } else if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_V)) {
        act.paste();
        g.took_paste = true;
    } else if (ctrl && (pressed(ImGuiKey_Equal) || pressed(ImGuiKey_KeypadAdd)))
        act.insert(true);
    else if (ctrl && (pressed(ImGuiKey_Minus) || pressed(ImGuiKey_KeypadSubtract)))
        act.remove();
    else if (!ctrl && !io.KeyAlt && !io.InputQueueCharacters.empty()) {
        // Typing starts editing the current cell with what was typed.
        const std::string typed = typed_text(io);
        if (!typed.empty()) G.start_edit(typed, false);
    }
}

// Right-click menu on a cell or a row header.
void draw_cell_menu(const SelectionActions& act) {
    if (ImGui::BeginPopup("cell_menu")) {
        if (act.cell) {
            const Sel& s = act.s;
            const std::string n = std::to_string(s.rows());
            const std::string rs = s.rows() == 1 ? " row" : " rows";
            if (ImGui::MenuItem("Cut", "Ctrl+X")) {
                act.copy();
                act.clear();
            }
            if (ImGui::MenuItem("Copy", "Ctrl+C")) act.copy();
            if (ImGui::MenuItem(("Paste " + act.where).c_str(), "Ctrl+V")) act.paste();
            MF_TEST_ANCHOR("capability.grid.menu.paste");
            if (ImGui::MenuItem("Clear (missing)", "Delete")) act.clear();
            ImGui::Separator();
            if (ImGui::MenuItem(("Insert " + n + rs + " above").c_str(), "Ctrl+Plus")) act.insert(true);
            MF_TEST_ANCHOR("capability.grid.menu.insert_above");
            if (ImGui::MenuItem(("Insert " + n + rs + " below").c_str())) act.insert(false);
            MF_TEST_ANCHOR("capability.grid.menu.insert_below");
            if (ImGui::MenuItem(("Delete " + rows_text(s.r0, s.r1)).c_str(), "Ctrl+Minus")) act.remove();
            MF_TEST_ANCHOR("capability.grid.menu.delete_rows");
        }
        ImGui::EndPopup();
    }
}

}  // namespace

long draw_grid(const Plan& plan, const Dataset& d, GridState& g, Edits& edits) {
    const long max_columns = 400;  // a table has at most 512 columns
    Grid G{.d = d, .g = g, .edits = edits, .io = ImGui::GetIO()};
    G.rows = static_cast<long>(d.rows());
    G.cols = sheet_columns(d);
    G.shown = std::min<long>(static_cast<long>(G.cols.size()), max_columns);
    G.subgroup_numbers = !d.subgroups && d.subgroup_size > 1;
    for (const Feature& f : d.features) {
        G.units.push_back(value_unit(f, plan.meta.units));
        G.scale.push_back(G.units.back().scale);
    }
    clamp_selection(G);
    G.sel = Sel{std::min(g.row, g.anchor_row), std::min(g.col, g.anchor_col), std::max(g.row, g.anchor_row),
                std::max(g.col, g.anchor_col)};
    G.has_cell = g.row >= 0;

    draw_grid_status(G);
    if (d.features.empty()) {
        ImGui::TextWrapped(
            "This dataset has no features yet: paste spreadsheet cells (Ctrl+V), use Paste data… or "
            "Import CSV…, or add a feature in Settings.");
        return -1;
    }
    if (G.rows == 0) {
        draw_empty_table(G);
        return -1;
    }

    const int ncols = 1 + (G.subgroup_numbers ? 1 : 0) + static_cast<int>(G.shown);
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
        ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingFixedFit |
        ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("grid", ncols, flags, ImVec2(0, std::max(em(8), ImGui::GetContentRegionAvail().y))))
        return -1;
    setup_grid_columns(G);
    G.win = ImGui::GetCurrentWindow();  // the table's scrolling window
    G.header_bottom = ImGui::GetItemRectMax().y + ImGui::GetStyle().CellPadding.y;
    const bool table_focused = ImGui::IsWindowFocused();
    const ImGuiID menu_id = ImGui::GetID("cell_menu");
    G.frozen_right = G.win->InnerRect.Min.x;

    draw_grid_rows(G);

    const SelectionActions act(G);
    // Keys on the selection (not while a text field has the keyboard).
    if (table_focused && act.cell && !g.editing && !G.committed && !G.io.WantTextInput) handle_grid_keys(G, act);
    if (G.open_menu) ImGui::OpenPopup(menu_id);
    draw_cell_menu(act);
    ImGui::EndTable();
    const auto& cols = G.cols;
    if (static_cast<long>(cols.size()) > max_columns)
        ImGui::TextDisabled("Showing the first %ld of %zu columns.", max_columns, cols.size());
    const bool on_feature =
        g.col >= 0 && g.col < G.shown && cols[static_cast<size_t>(g.col)].kind == SheetColumnKind::Feature;
    return on_feature ? static_cast<long>(cols[static_cast<size_t>(g.col)].feature) : -1;
}

}  // namespace mf::capability_ui
