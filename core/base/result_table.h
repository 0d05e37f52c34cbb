// A results table as the user sees it — a title, column headers that carry their units, and
// rows of cells — and the two ways it leaves the app: tab-separated text for the clipboard
// (pasted into Excel or into our own data grid) and a CSV file (RFC 4180, UTF-8 with BOM).
// Every results table (decision matrix, cost table, crossovers, roads, CPM table, stack
// results, capability indices) is built as one of these by a function next to its analysis,
// so the view, the clipboard, the CSV file and the HTML report show the same cells.
//
//   ResultTable t{"Cost per good part", "cost-per-part", {"Partner", "100 parts (EUR)"}, {}};
//   t.rows.push_back({text_cell(name), number_cell(412.5, "412.50")});
//   std::string csv = table_csv(t);    // BOM, CRLF, quotes where needed
//   std::string tsv = table_tsv(t);    // for the clipboard
//
// Conventions (docs/architecture.md, "Tables out"):
// - A cell is text or a number. A number cell holds the text shown in the table (rounded as
//   the table rounds it) and is written as that text, never neutralised: "-0.012" stays a
//   number for the spreadsheet.
// - A text cell (a name, a note, a header — anything a user typed) that starts with = + - @,
//   a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text
//   instead of evaluating it as a formula ("CSV injection"). Invalid UTF-8 is replaced by U+FFFD.
// - CSV: the UTF-8 byte-order mark first (without it Excel reads the file as ANSI and garbles
//   µ, –, ≥), comma separator, CRLF after every row, a field quoted when it holds a comma, a
//   quote, CR or LF, with quotes doubled.
// - TSV: no BOM, tab separator, LF after every row; a field holding a tab, a quote, CR or LF
//   is quoted as in CSV (what Excel writes to the clipboard and reads back).
#pragma once
#include <string>
#include <vector>

namespace mf {

struct TableCell {
    std::string text;
    bool is_number = false;
};

TableCell text_cell(std::string text);
// `shown` is the number as the table displays it (its rounding and decimal point).
TableCell number_cell(std::string shown);

struct ResultTable {
    std::string title;      // "Decision matrix"
    std::string file_stem;  // "decision-matrix": the CSV is saved as <plan>-<file_stem>.csv
    std::vector<std::string> columns;
    std::vector<std::vector<TableCell>> rows;
};

std::string table_csv(const ResultTable& t);
std::string table_tsv(const ResultTable& t);

// The pieces, for writers of other delimited formats (the timeline CSV export):
// RFC 4180 quoting for a given separator, and the formula neutralisation of a text cell
// (which also makes it valid UTF-8).
std::string quote_field(const std::string& s, char separator);
std::string neutralise_formula(std::string s);

}  // namespace mf
