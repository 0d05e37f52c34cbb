// Reading delimited text (core/base/delimited_text.h): hand-written inputs and the cells a
// spreadsheet would show for them — byte-order mark, line breaks, RFC 4180 quotes, separator
// and decimal-mark sniffing, header rows, ragged rows, blank and trailing lines, numbers —
// and the same clipboard text fed to the three readers built on it (capability import, data
// grid paste, stack table), which must split it into the same cells and numbers.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "base/delimited_text.h"
#include "capability/dataset_edit.h"
#include "capability/table_import.h"
#include "tolerance/stack_table.h"

using namespace mf;

namespace {

// Every row's cells as strings (header first, when there is one).
std::vector<std::vector<std::string>> cells_of(const DelimitedText& t) {
    std::vector<std::vector<std::string>> out;
    auto add = [&](const TextRow& r) {
        std::vector<std::string> row;
        for (size_t c = 0; c < r.cells; ++c) row.emplace_back(t.cell(r, c));
        out.push_back(row);
    };
    if (t.has_header) add(t.header);
    for (const TextRow& r : t.rows) add(r);
    return out;
}
using Cells = std::vector<std::vector<std::string>>;

std::vector<uint32_t> numbers_of(const DelimitedText& t) {
    std::vector<uint32_t> n;
    for (const TextRow& r : t.rows) n.push_back(r.number);
    return n;
}

double number(std::string_view cell, char decimal) {
    double v = NAN;
    REQUIRE(parse_number_cell(cell, decimal, v) == CellKind::Number);
    return v;
}

}  // namespace

TEST_CASE(
    "delimited text: a byte-order mark is dropped; \\n, \\r\\n and \\r end rows; a final line break makes no row") {
    const DelimitedText t = read_delimited("\xEF\xBB\xBFpart,OD\r\n1,2.5\n2,2.25\r3,2.75\r\n");
    REQUIRE(t.errors.empty());
    CHECK(t.separator == ',');
    CHECK(t.decimal == '.');
    CHECK(t.has_header);
    CHECK(t.columns == 2);
    CHECK(cells_of(t) == Cells{{"part", "OD"}, {"1", "2.5"}, {"2", "2.25"}, {"3", "2.75"}});
    CHECK(numbers_of(t) == std::vector<uint32_t>{2, 3, 4});
    CHECK(t.header.number == 1);
}

TEST_CASE("delimited text: RFC 4180 quotes — separators, doubled quotes and line breaks inside a quoted cell") {
    const DelimitedText t = read_delimited(
        "name,note,OD\n"
        "\"Bore, gear\",\"say \"\"hi\"\"\",1.5\n"
        "\"two\r\nlines\",\"\",2\n"
        "Shaft, \"a, b\" ,3\n"
        "5\" pipe,\"x\"y,4\n");
    REQUIRE(t.errors.empty());
    CHECK(cells_of(t) ==
          Cells{{"name", "note", "OD"},
                {"Bore, gear", "say \"hi\"", "1.5"},
                {"two\r\nlines", "", "2"},
                {"Shaft", "a, b ", "3"},    // a quote after blanks opens; text after it is kept
                {"5\" pipe", "xy", "4"}});  // a quote inside a cell is a character
    // A line break inside quotes does not start a row: the rows are numbered as a spreadsheet shows them.
    CHECK(numbers_of(t) == std::vector<uint32_t>{2, 3, 4, 5});

    const DelimitedText open = read_delimited("a,b\n1,2\n\"3,4\n5,6\n");
    REQUIRE(open.errors.size() == 1);
    CHECK(to_string(open.errors[0]) == "row 3: a quoted cell is not closed (a \" is missing)");
    CHECK(open.rows.empty());
}

TEST_CASE("delimited text: semicolons and decimal commas (a European spreadsheet's CSV)") {
    const DelimitedText t = read_delimited("Teil;Bohrung, mm;AD\r\n1;1,0251;2,001\r\n2;1,0248;-1,5e-3\r\n");
    REQUIRE(t.errors.empty());
    CHECK(t.separator == ';');
    CHECK(t.decimal == ',');
    CHECK(cells_of(t) == Cells{{"Teil", "Bohrung, mm", "AD"}, {"1", "1,0251", "2,001"}, {"2", "1,0248", "-1,5e-3"}});
    CHECK(number(t.cell(0, 1), t.decimal) == 1.0251);
    CHECK(number(t.cell(1, 2), t.decimal) == -0.0015);
    // More numbers written with a point than with a comma: a point.
    CHECK(read_delimited("a;b\n1.5;2.5\n3,5;4\n").decimal == '.');
}

TEST_CASE("delimited text: tabs and decimal commas (cells copied from a spreadsheet)") {
    const DelimitedText t = read_delimited("Bore\tOD\n1,0251\t2,001\n1,0248\t\n");
    REQUIRE(t.errors.empty());
    CHECK(t.separator == '\t');
    CHECK(t.decimal == ',');
    CHECK(cells_of(t) == Cells{{"Bore", "OD"}, {"1,0251", "2,001"}, {"1,0248", ""}});
    double v = 0;
    CHECK(parse_number_cell(t.cell(1, 1), t.decimal, v) == CellKind::Missing);
    // A tab in the first row wins over commas and semicolons in its cells.
    CHECK(read_delimited("a; b\tc, d\n").separator == '\t');
}

TEST_CASE("delimited text: commas and decimal points; a comma separator always means a decimal point") {
    const DelimitedText t = read_delimited("Bore,OD\n1.0251,2.001\n1,2\n");
    REQUIRE(t.errors.empty());
    CHECK(t.separator == ',');
    CHECK(t.decimal == '.');
    CHECK(cells_of(t) == Cells{{"Bore", "OD"}, {"1.0251", "2.001"}, {"1", "2"}});
    // Given options are used as they are.
    DelimitedOptions o;
    o.separator = ';';
    o.decimal = ',';
    const DelimitedText g = read_delimited("1,5,2\n", o);
    CHECK(cells_of(g) == Cells{{"1,5,2"}});
    CHECK(g.decimal == ',');
}

TEST_CASE("delimited text: one column of decimal-comma numbers is one column, not two") {
    // How a decimal-comma spreadsheet copies a single column (and how a number is typed).
    const DelimitedText t = read_delimited("Bore\n1,5\n2,25\n");
    REQUIRE(t.errors.empty());
    CHECK(t.separator == '\t');
    CHECK(t.decimal == ',');
    CHECK(cells_of(t) == Cells{{"Bore"}, {"1,5"}, {"2,25"}});
    // A comma in a cell that is not such a number, or two on a line, or a quote: commas separate.
    CHECK(read_delimited("x,y\n1,2\n").separator == ',');
    CHECK(read_delimited("1,2,3\n4,5,6\n").columns == 3);
    CHECK(read_delimited("\"a\"\n1,5\n").separator == ',');
}

TEST_CASE("delimited text: header row — detected, or as asked") {
    CHECK_FALSE(read_delimited("1.5,2\n3,4\n").has_header);
    CHECK_FALSE(read_delimited("1,5;\n3;4\n").has_header);  // empty cells are not text
    CHECK(read_delimited("x,2\n3,4\n").has_header);
    CHECK(read_delimited("NaN,2\n3,4\n").has_header);  // "NaN" is text
    DelimitedOptions yes, no;
    yes.header = HeaderRow::Yes;
    no.header = HeaderRow::No;
    const DelimitedText y = read_delimited("1;2\n3;4\n", yes);
    CHECK(y.has_header);
    CHECK(y.rows.size() == 1);
    const DelimitedText n = read_delimited("a,b\n3,4\n", no);
    CHECK_FALSE(n.has_header);
    CHECK(n.rows.size() == 2);
    CHECK(n.columns == 2);
}

TEST_CASE("delimited text: ragged rows are kept as they are; a short row reads empty past its end") {
    const DelimitedText t = read_delimited("a;b;c\n1;2\n1;2;3;4\n");
    REQUIRE(t.errors.empty());
    CHECK(t.columns == 3);
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].cells == 2);
    CHECK(t.rows[1].cells == 4);
    CHECK(t.cell(0, 2).empty());
    CHECK(t.cell(1, 3) == "4");
}

TEST_CASE("delimited text: blank lines — empty cells of one column, gaps in a wider table; none at the end") {
    // One column: a blank line is an empty cell (a copied column with an empty cell in it).
    const DelimitedText one = read_delimited("1,5\n\n2,25\n\n\n");
    CHECK(cells_of(one) == Cells{{"1,5"}, {""}, {"2,25"}});
    CHECK(numbers_of(one) == std::vector<uint32_t>{1, 2, 3});
    // Several columns: a blank line is skipped and the rows below keep their numbers; a row of
    // separators is a row of empty cells.
    const DelimitedText wide = read_delimited("a,b\n1,2\n\n   \n3,4\n,\n\n");
    CHECK(cells_of(wide) == Cells{{"a", "b"}, {"1", "2"}, {"3", "4"}, {"", ""}});
    CHECK(numbers_of(wide) == std::vector<uint32_t>{2, 5, 6});
    // Nothing but line breaks: no rows.
    CHECK(read_delimited("\r\n\n").rows.empty());
    CHECK(read_delimited("").columns == 0);
    // Comment lines, when asked for, are skipped before the separator is sniffed.
    DelimitedOptions o;
    o.comment = '#';
    const DelimitedText c = read_delimited("# a, b, \"c\n\nname;x\n  # more\nA;1,5\n", o);
    CHECK(c.separator == ';');
    CHECK(c.decimal == ',');
    CHECK(cells_of(c) == Cells{{"name", "x"}, {"A", "1,5"}});
    CHECK(c.header.number == 3);
    CHECK(numbers_of(c) == std::vector<uint32_t>{5});
}

TEST_CASE("delimited text: numbers with the decided decimal mark") {
    CHECK(number(" 2.5 ", '.') == 2.5);
    CHECK(number("2,5", ',') == 2.5);
    CHECK(number("+3", '.') == 3);
    CHECK(number("-.5", '.') == -0.5);
    CHECK(number("1e-3", '.') == 0.001);
    CHECK(number("1,5E+2", ',') == 150);
    CHECK(number("\xE2\x88\x92"
                 "1,5",
                 ',') == -1.5);  // U+2212 minus
    CHECK(number("2e\xE2\x88\x92"
                 "1",
                 '.') == 0.2);
    double v = 0;
    for (const char* text :
         {"NaN", "inf", "1e999", "1,5", "1,000.5", "1.5.2", "1e", "e5", "--1", "1-2", "0x10", "1 000", "."})
        CHECK_MESSAGE(parse_number_cell(text, '.', v) == CellKind::Text, text);
    CHECK(parse_number_cell("1.5", ',', v) == CellKind::Text);
    CHECK(parse_number_cell("  ", '.', v) == CellKind::Missing);
    CHECK(cell_place(4, "OD") + ": " + quoted_cell(" abc ") + " is not a number" ==
          "row 4, column \"OD\": \"abc\" is not a number");
}

TEST_CASE("delimited text: the same clipboard text splits into the same cells and numbers in every reader") {
    // Copied from a decimal-comma spreadsheet as CSV: semicolons, a quoted name holding the
    // separator, CRLF, a byte-order mark.
    const std::string text = "\xEF\xBB\xBFname;nominal;tol\r\n\"Bore; gear\";1,025;0,005\r\nShaft;1,000;0,015\r\n";
    const Cells expected = {{"name", "nominal", "tol"}, {"Bore; gear", "1,025", "0,005"}, {"Shaft", "1,000", "0,015"}};
    const std::vector<std::vector<double>> values = {{1.025, 0.005}, {1.0, 0.015}};

    // The capability import (`mfplan capability`, the import dialog).
    const TableReadResult table = read_table(text);
    REQUIRE(table.errors.empty());
    CHECK(table.table.delimiter == ';');
    CHECK(table.table.decimal == ',');
    REQUIRE(table.table.has_header);
    REQUIRE(table.table.rows == 2);
    REQUIRE(table.table.columns == 3);
    for (size_t c = 0; c < 3; ++c) CHECK(table.table.headers[c] == expected[0][c]);
    for (size_t r = 0; r < 2; ++r)
        for (size_t c = 0; c < 3; ++c) CHECK(table.table.cell(r, c) == expected[r + 1][c]);
    const DatasetImportResult d = dataset_from_table(table.table, {});
    CHECK(has_errors(d.errors));  // the name column is text: reported, by row and column
    CHECK(to_string(d.errors[0]) ==
          "row 2, column A (\"name\"): \"Bore; gear\" is not a number (decimal comma expected)");
    DatasetImportOptions only;
    only.features = {"nominal", "tol"};
    const DatasetImportResult n = dataset_from_table(table.table, only);
    REQUIRE(n.errors.empty());
    for (size_t r = 0; r < 2; ++r)
        for (size_t f = 0; f < 2; ++f) CHECK((*n.dataset.features[f].values)[r] == values[r][f]);

    // The data grid's paste: every row is cells (no header), the same decimal mark.
    const CellBlock block = read_cell_block(text);
    REQUIRE(block.error.empty());
    REQUIRE(block.rows == 3);
    REQUIRE(block.cols == 3);
    CHECK(block.decimal == ',');
    for (size_t r = 0; r < 3; ++r)
        for (size_t c = 0; c < 3; ++c) CHECK(block.cell(r, c) == expected[r][c]);
    for (size_t r = 0; r < 2; ++r)
        for (size_t f = 0; f < 2; ++f) CHECK(number(block.cell(r + 1, f + 1), block.decimal) == values[r][f]);

    // The stack table (`mfplan stack --csv`, the stack paste).
    const ContributorTable stack = parse_contributor_table(text);
    REQUIRE_MESSAGE(stack.errors.empty(), (stack.errors.empty() ? "" : to_string(stack.errors[0])));
    CHECK(stack.separator == ';');
    CHECK(stack.decimal == ',');
    REQUIRE(stack.contributors.size() == 2);
    CHECK(stack.rows == std::vector<size_t>{2, 3});
    for (size_t r = 0; r < 2; ++r) {
        CHECK(stack.contributors[r].name == expected[r + 1][0]);
        CHECK(stack.contributors[r].nominal == values[r][0]);
        CHECK(stack.contributors[r].tol_plus == values[r][1]);
        CHECK(stack.contributors[r].tol_minus == values[r][1]);
    }
}

TEST_CASE("delimited text: a single pasted column of decimal commas is one column in every reader") {
    const std::string text = "1,5\n\n2,25\n";
    const TableReadResult table = read_table(text);
    REQUIRE(table.errors.empty());
    REQUIRE(table.table.columns == 1);
    REQUIRE(table.table.rows == 3);
    const DatasetImportResult d = dataset_from_table(table.table, {});
    REQUIRE(d.errors.empty());
    const auto& x = *d.dataset.features[0].values;
    CHECK(x[0] == 1.5);
    CHECK(std::isnan(x[1]));  // the empty cell is a missing part, not a skipped one
    CHECK(x[2] == 2.25);
    const CellBlock block = read_cell_block(text);
    REQUIRE(block.error.empty());
    CHECK(block.rows == 3);
    CHECK(block.cols == 1);
    CHECK(block.decimal == ',');
    CHECK(block.cell(2, 0) == "2,25");
}

TEST_CASE("delimited text: what is typed into one grid cell is one cell") {
    CellBlock b = read_typed_cell("Smith, J.");
    CHECK(b.rows == 1);
    CHECK(b.cols == 1);
    CHECK(b.cell(0, 0) == "Smith, J.");
    CHECK(read_typed_cell("1,5").decimal == ',');
    CHECK(read_typed_cell("1.5").decimal == '.');
    CHECK(read_typed_cell("a;b").cells.size() == 1);
    // Pasted, the same text splits as in every other reader.
    CHECK(read_cell_block("Smith, J.\tM1\n").cols == 2);
    CHECK(read_cell_block("a;b\n").cols == 2);
}

TEST_CASE("stack table: semicolons and decimal commas, rows without a header, empty rows skipped") {
    ContributorTable t = parse_contributor_table(
        "name;nominal;tol_plus;tol_minus\n"
        ";;;\n"
        "Bore;1,025;0,005;0,004\n",
        0.001);
    REQUIRE(t.errors.empty());
    REQUIRE(t.contributors.size() == 1);
    CHECK(t.rows == std::vector<size_t>{3});
    CHECK(t.contributors[0].nominal == doctest::Approx(0.001025));
    CHECK(t.contributors[0].tol_minus == doctest::Approx(0.000004));

    // A paste without a header row: the default columns, rows numbered as pasted.
    t = parse_contributor_table("Washer\t100\t3\t3\t1\nShim\t50\t1\tx\n", 1.0, StackTableHeader::Optional);
    CHECK_FALSE(t.has_header);
    REQUIRE(t.errors.size() == 1);
    CHECK(to_string(t.errors[0]) == "row 2, column \"tol_minus\": expected a number, found \"x\"");
    t = parse_contributor_table("Washer;1,5;0,1;0,1\n", 1.0, StackTableHeader::Optional);
    REQUIRE(t.errors.empty());
    CHECK(t.contributors[0].nominal == 1.5);
    CHECK(t.contributors[0].id == "row1");
    t = parse_contributor_table("A\t1\t2\t3\t4\tnormal\t\t\t9\n", 1.0, StackTableHeader::Optional);
    REQUIRE(t.errors.size() == 1);
    CHECK(to_string(t.errors[0]) == "row 1: has 9 cells, the columns without a header row are 8");
    // With a header row, Optional reads it as Required does.
    t = parse_contributor_table("Nominal,Name,Tol\n2,B,0.1\n", 1.0, StackTableHeader::Optional);
    REQUIRE(t.errors.empty());
    CHECK(t.has_header);
    CHECK(t.contributors[0].name == "B");
}

TEST_CASE("delimited text: random text never crashes, and the grid paste and the import split it alike") {
    // 3000 seeded random texts over the characters that matter to the reader.
    const std::string alphabet[] = {",", ";", "\t", "\"", "\n", "\r", "\r\n",         "1",           "7",
                                    ".", "a", " ",  "e",  "-",  "#",  "\xE2\x88\x92", "\xEF\xBB\xBF"};
    uint64_t state = 2026;
    for (int k = 0; k < 3000; ++k) {
        std::string text;
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        const size_t len = (state >> 33) % 50;
        for (size_t i = 0; i < len; ++i) {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            text += alphabet[(state >> 33) % (sizeof alphabet / sizeof alphabet[0])];
        }
        const DelimitedText t = read_delimited(text);
        for (const TextRow& r : t.rows) {
            CHECK(r.cells >= 1);
            CHECK(r.first + r.cells <= t.spans.size());
        }
        TableOptions no_header;
        no_header.header = 0;
        const TableReadResult table = read_table(text, no_header);
        const CellBlock block = read_cell_block(text);
        (void)parse_contributor_table(text, 1.0, StackTableHeader::Optional);
        if (!table.errors.empty() || !block.error.empty() || table.table.rows == 0) continue;
        REQUIRE(block.rows == table.table.rows);
        REQUIRE(block.cols == table.table.columns);
        CHECK(block.decimal == table.table.decimal);
        for (size_t r = 0; r < block.rows; ++r)
            for (size_t c = 0; c < block.cols; ++c) CHECK(block.cell(r, c) == table.table.cell(r, c));
    }
}
