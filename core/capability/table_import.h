// Reading measurement tables from CSV / TSV files and pasted spreadsheet text.
//
//   TableReadResult t = read_table(text);                  // delimiter, decimal mark, header: auto
//   DatasetImportResult d = dataset_from_table(t.table, {}); // numeric columns → features
//   for (auto& e : d.errors) show(e.where, e.message);     // "row 7, column C (\"bore\")": ...
//
// The text is split by read_delimited (base/delimited_text.h: separator, quotes, blank lines,
// decimal mark and header row as every table reader decides them; docs/capability.md,
// "Reading pasted or CSV text"). Without a header row the columns are named C1, C2, … as in
// Minitab. Empty cells are missing values; "NaN", "inf" and other text in a number column are
// errors. Rows and columns in messages are 1-based as a spreadsheet shows them (the header is
// row 1), columns by letter and name. Every row must have as many cells as the first.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/delimited_text.h"
#include "base/issue.h"
#include "capability/dataset_model.h"

namespace mf {

struct TableOptions {
    char delimiter = 0;  // 0 = auto; ',', ';' or '\t'
    char decimal = 0;    // 0 = auto; '.' or ','
    int header = -1;     // -1 = auto, 0 = no header row, 1 = header row
};

struct TextTable {
    std::vector<std::string> headers;  // one per column
    bool has_header = false;
    char delimiter = ',';
    char decimal = '.';
    size_t columns = 0;
    size_t rows = 0;  // data rows (without the header)

    std::string_view cell(size_t row, size_t col) const {
        const Span& s = spans_[row * columns + col];
        return std::string_view(buffer_).substr(s.offset, s.length);
    }
    // 1-based spreadsheet row number of data row `row` (the header is row 1).
    size_t sheet_row(size_t row) const { return sheet_rows_.empty() ? row + (has_header ? 2 : 1) : sheet_rows_[row]; }

    using Span = DelimitedText::Span;
    std::string buffer_;                // unescaped cell text, back to back
    std::vector<Span> spans_;           // rows × columns
    std::vector<uint32_t> sheet_rows_;  // the sheet row of each data row
};

struct TableReadResult {
    TextTable table;
    Issues errors;
};

TableReadResult read_table(std::string_view text, const TableOptions& options = {});

// "A", "B", …, "Z", "AA", … for column index 0, 1, …
std::string column_letter(size_t col);
// A name as an id part: lower-case letters and digits, other runs as one "-", at most 40
// characters ("Bore Ø, mm" → "bore-mm"); `fallback` when nothing is left.
std::string slug(const std::string& name, const char* fallback);
// "row 7, column C (\"bore\")"
std::string cell_where(const TextTable& t, size_t row, size_t col);

// Cells are read as numbers by parse_number_cell (base/delimited_text.h).

struct DatasetImportOptions {
    std::vector<std::string> features;  // columns to analyse (by header); empty: every other column
    std::string subgroup_column;        // empty: a column named "subgroup" or "sample", if any
    std::string time_column, machine_column, operator_column, cavity_column;  // empty: by name
    int64_t subgroup_size = 1;                                                // used when there is no subgroup column
    std::string id = "d-import";
    std::string name = "Imported measurements";
};

struct DatasetImportResult {
    Dataset dataset;
    Issues errors;                   // empty when the dataset can be used
    std::vector<std::string> notes;  // which column became what
};

DatasetImportResult dataset_from_table(const TextTable& t, const DatasetImportOptions& options);

// First-pass-yield counts: columns "step" (required), "lot" (optional), "passed" and
// "failed" (also "pass"/"good", "fail"/"rejected"/"scrap"); or "tested" with one of them.
struct YieldImportResult {
    std::vector<YieldRecord> records;
    Issues errors;
};
YieldImportResult yield_from_table(const TextTable& t);

}  // namespace mf
