// Results tables out (core/base/result_table.h): the exact bytes of the CSV and TSV written
// for hand-made tables — BOM, separators, row ends, RFC 4180 quotes, formula neutralisation
// of text cells only — and the clipboard text read back by our own delimited-text reader
// into the same cells.
#include <doctest/doctest.h>

#include <string>

#include "base/delimited_text.h"
#include "base/result_table.h"

using namespace mf;

namespace {
ResultTable sample() {
    ResultTable t{"Cost per good part", "cost-per-part", {"Partner", "100 parts (EUR)", "Note"}, {}};
    t.rows.push_back({text_cell("In-house, line 2"), number_cell("412.50"), text_cell("say \"hi\"")});
    t.rows.push_back({text_cell("=HYPERLINK(\"x\")"), number_cell("-0.012"), text_cell("-5 % yield")});
    t.rows.push_back({text_cell("@risk"), number_cell("7"), text_cell("two\nlines")});
    return t;
}
}  // namespace

TEST_CASE("result table: CSV is RFC 4180 with a BOM, CRLF rows and neutralised text cells") {
    const std::string expected =
        "\xEF\xBB\xBF"
        "Partner,100 parts (EUR),Note\r\n"
        "\"In-house, line 2\",412.50,\"say \"\"hi\"\"\"\r\n"
        "\"'=HYPERLINK(\"\"x\"\")\",-0.012,'-5 % yield\r\n"
        "'@risk,7,\"two\nlines\"\r\n";
    CHECK(table_csv(sample()) == expected);
}

TEST_CASE("result table: TSV for the clipboard quotes only tabs, quotes and line breaks") {
    const std::string expected =
        "Partner\t100 parts (EUR)\tNote\n"
        "In-house, line 2\t412.50\t\"say \"\"hi\"\"\"\n"
        "\"'=HYPERLINK(\"\"x\"\")\"\t-0.012\t'-5 % yield\n"
        "'@risk\t7\t\"two\nlines\"\n";
    CHECK(table_tsv(sample()) == expected);
}

TEST_CASE("result table: a header typed by the user is neutralised too; invalid UTF-8 becomes U+FFFD") {
    ResultTable t{"Matrix", "matrix", {"Criterion", "+Boutique", "bad \xFF byte"}, {}};
    CHECK(table_csv(t) ==
          "\xEF\xBB\xBF"
          "Criterion,'+Boutique,bad \xEF\xBF\xBD byte\r\n");
    CHECK(neutralise_formula("\tx") == "'\tx");
    CHECK(neutralise_formula("µm") == "µm");
}

TEST_CASE("result table: the clipboard text reads back into the same cells") {
    const ResultTable t = sample();
    const DelimitedText back = read_delimited(table_tsv(t));
    REQUIRE(back.errors.empty());
    REQUIRE(back.has_header);
    REQUIRE(back.rows.size() == 3);
    CHECK(back.cell(back.header, 1) == "100 parts (EUR)");
    CHECK(back.cell(back.rows[0], 0) == "In-house, line 2");
    CHECK(back.cell(back.rows[0], 2) == "say \"hi\"");
    CHECK(back.cell(back.rows[1], 1) == "-0.012");
    CHECK(back.cell(back.rows[2], 2) == "two\nlines");
}
