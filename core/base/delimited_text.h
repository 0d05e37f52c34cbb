// Delimited text — a CSV or TSV file, or cells pasted from a spreadsheet — read into rows of
// cells. The one reader behind every table the tools take as text: the capability import
// (capability/table_import.h), the data grid's paste (capability/dataset_edit.h) and the
// stack table (tolerance/stack_table.h: `mfplan stack --csv` and the stack paste), so the
// same clipboard text splits into the same cells and numbers in every tab and in the CLI.
//
//   DelimitedText t = read_delimited(text);        // separator, decimal mark, header: sniffed
//   if (!t.errors.empty()) ...                     // {"row 3", "a quoted cell is not closed ..."}
//   for (size_t r = 0; r < t.rows.size(); ++r) {
//       double v = 0;
//       if (parse_number_cell(t.cell(r, 1), t.decimal, v) == CellKind::Text)
//           ... {cell_place(t.rows[r].number, "OD"), quoted_cell(t.cell(r, 1)) + " is not a number"}
//   }
//
// Conventions (docs/capability.md and docs/tolerance.md, "Reading pasted or CSV text"):
// - A UTF-8 byte-order mark is dropped. A row ends at \n, \r\n or \r (outside quotes); the
//   line breaks at the end of the text end the last row and make no rows of their own.
// - Separator, unless given: from the first row that is not blank, outside quotes — a tab if
//   it has one (a spreadsheet's clipboard), else a semicolon (the CSV of a spreadsheet that
//   writes decimal commas), else a comma. Except: text with no quote whose every line with a
//   comma is one number written with a decimal comma ("1,25") is one column — how a
//   decimal-comma spreadsheet copies a single column (reported as tab-separated).
// - Quotes (RFC 4180): a cell whose first non-blank character is " runs to the next lone ",
//   so it may hold separators and line breaks, and "" stands for one "; text after the
//   closing quote up to the separator is kept. A " anywhere else is an ordinary character.
// - Blank lines (nothing but spaces): in a table of one column they are empty cells (that is
//   how a spreadsheet copies an empty cell of one column); in a table of several columns they
//   are skipped (a spreadsheet writes an empty row as separators, ";;;"). Skipped lines keep
//   their row numbers. Lines starting with `comment` (if given) are skipped too.
// - Decimal mark, unless given: a point when the separator is a comma; otherwise a comma when
//   more data cells are numbers written with a comma than with a point.
// - Header row (HeaderRow::Auto): the first row is a header when one of its cells is text
//   (neither empty nor a number with either decimal mark).
// - Rows are numbered as a spreadsheet numbers them, from 1 (a line break inside quotes does
//   not start a row); messages name columns by name or letter, also from 1.
// - Numbers: optional sign (+, - or U+2212 "−"), digits with at most one decimal mark, an
//   optional exponent; blanks around are ignored. No thousands separators; "NaN", "inf",
//   "1e999" and any other text are not numbers; an empty cell is missing.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/issue.h"

namespace mf {

enum class HeaderRow { Auto, Yes, No };

struct DelimitedOptions {
    char separator = 0;                  // 0 = sniffed; ',', ';' or '\t'
    char decimal = 0;                    // 0 = sniffed; '.' or ','
    HeaderRow header = HeaderRow::Auto;  // whether the first row names the columns
    char comment = 0;                    // a line whose first non-blank character is this is skipped; 0 = none
};

struct TextRow {
    uint32_t first = 0;   // index of its first cell in DelimitedText::spans
    uint32_t cells = 0;   // how many cells it has (rows may be ragged)
    uint32_t number = 0;  // 1-based row number as a spreadsheet shows it
};

struct DelimitedText {
    char separator = ',';  // as given or sniffed
    char decimal = '.';    // as given or sniffed
    bool has_header = false;
    TextRow header;             // the header row, when has_header
    std::vector<TextRow> rows;  // the data rows, skipped lines left out
    size_t columns = 0;         // cells in the first row (the header, when there is one)
    Issues errors;              // an unclosed quote or too large a text; no rows then

    // The text of a cell without its quotes; "" past the end of a short row.
    std::string_view cell(const TextRow& row, size_t col) const {
        if (col >= row.cells) return {};
        const Span& s = spans[row.first + col];
        return std::string_view(buffer).substr(s.offset, s.length);
    }
    std::string_view cell(size_t row, size_t col) const { return cell(rows[row], col); }

    struct Span {
        uint32_t offset, length;
    };
    std::string buffer;       // every cell's text, back to back
    std::vector<Span> spans;  // every cell of every row (skipped lines too)
};

DelimitedText read_delimited(std::string_view text, const DelimitedOptions& options = {});

enum class CellKind { Number, Missing, Text };
// Empty or blank: Missing. A finite decimal number written with `decimal` ('.' or ','): Number.
CellKind parse_number_cell(std::string_view cell, char decimal, double& out);

// The cell without the spaces, tabs and line breaks around it.
std::string trim_cell(std::string_view cell);
// "row 4, column \"OD\"" — where a message about a cell points.
std::string cell_place(size_t row, std::string_view column);
// "\"abc\"": a cell's text for a message, trimmed and cut to 40 bytes.
std::string quoted_cell(std::string_view cell);

}  // namespace mf
