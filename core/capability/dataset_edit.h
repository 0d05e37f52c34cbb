// Editing a measurement dataset as a spreadsheet (the Capability view's data grid): its
// columns as the grid shows them, a block of cells pasted or typed at a cell, clearing and
// copying a rectangle, inserting and deleting rows. Pure functions on a Dataset; each builds
// new column vectors and swaps the pointers (columns are shared with undo snapshots), and a
// function that refuses leaves the dataset unchanged and returns the reason.
//
//   std::vector<SheetColumn> cols = sheet_columns(d);      // text columns that exist, then features
//   CellBlock b = read_cell_block("1,02\t2,5\n1,03\t\n");  // as every table reader splits text
//   std::string err = paste_block(d, 4, 2, b, scales);      // "" or "row 6, column \"Bore\": ..."
//   clear_block(d, {4, 2, 9, 3});                           // rows 5–10, columns 3–4 → missing
//   std::string text = copy_block(d, {4, 2, 9, 3}, scales); // tab-separated, decimal point
//   insert_rows(d, 10, 2);  delete_rows(d, 3, 1);          // across every column
//
// Conventions (docs/capability.md, "Data grid"): rows and columns are 0-based here and
// 1-based in messages (as the grid numbers them); a missing number is NaN and an empty cell,
// a missing text is "". Numbers are typed and copied in the display unit: stored = typed ×
// scale[feature], copied = stored / scale (12 significant digits, decimal point).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "capability/dataset_model.h"

namespace mf {

enum class SheetColumnKind { Subgroup, Time, Machine, Operator, Cavity, Feature };

struct SheetColumn {
    SheetColumnKind kind = SheetColumnKind::Feature;
    size_t feature = 0;  // index into Dataset::features (kind Feature only)
};

// The editable columns in grid order: the text columns the dataset has (subgroup, time,
// machine, operator, cavity — those set and as long as the dataset), then every feature.
std::vector<SheetColumn> sheet_columns(const Dataset& d);
// "Subgroup", "Time", "Machine", "Operator", "Cavity" or the feature's name.
std::string sheet_column_name(const Dataset& d, const SheetColumn& c);

// A rectangle of cells, first and last row and column inclusive (0-based, sheet columns).
struct CellRange {
    size_t row0 = 0, col0 = 0, row1 = 0, col1 = 0;
};

// Cells as a spreadsheet puts them on the clipboard, split by read_delimited
// (base/delimited_text.h) as every table reader splits text: a tab-separated block from a
// spreadsheet, or semicolon- or comma-separated text, RFC 4180 quotes, \n / \r\n / \r;
// the line breaks at the end are ignored, and the decimal mark is sniffed (a comma when more
// number cells are written with a comma than with a point, so "1,5" is 1.5 and "1.5" too).
// Never a header row: every row lands in the grid. Every row must have as many cells as the
// first; a blank line is an empty cell of a one-column block and skipped in a wider one.
// No text at all is one empty cell.
struct CellBlock {
    size_t rows = 0, cols = 0;
    std::vector<std::string> cells;  // rows × cols, row-major, as typed
    char decimal = '.';
    std::string error;  // "" or why the text is not a rectangle of cells

    const std::string& cell(size_t r, size_t c) const { return cells[r * cols + c]; }
};
CellBlock read_cell_block(std::string_view text);
// The text typed into one cell: one cell, never split at a comma or semicolon ("Smith, J."
// stays one text); its decimal mark is a comma when it is a number written with one ("1,5").
CellBlock read_typed_cell(std::string_view text);

// Writes block b with its top-left cell at (row, col). Number columns take numbers (an empty
// cell is missing), text columns the trimmed text. Rows past the last are appended (every
// other column gets missing cells there); a block wider than the columns from `col` on is
// refused (add features first). A cell that is not a number in a feature column refuses the
// whole paste with "row R, column "Name": "text" is not a number". scale: one per feature
// (display unit → stored), empty = 1.
std::string paste_block(Dataset& d, size_t row, size_t col, const CellBlock& b, const std::vector<double>& scale);

// Makes the cells of the range missing (NaN / ""); the range is clipped to the sheet.
void clear_block(Dataset& d, const CellRange& r);

// The range as tab-separated lines ending in "\n", numbers divided by scale with 12
// significant digits and a decimal point, missing cells empty; tabs and line breaks inside
// text cells become spaces. The range is clipped to the sheet.
std::string copy_block(const Dataset& d, const CellRange& r, const std::vector<double>& scale);

// Inserts `count` rows of missing cells before row `at` (at = rows appends) in every column.
std::string insert_rows(Dataset& d, size_t at, size_t count);
// Deletes rows first … first + count − 1 (clipped to the table) from every column.
std::string delete_rows(Dataset& d, size_t first, size_t count);

}  // namespace mf
