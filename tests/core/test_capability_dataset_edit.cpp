// Spreadsheet edits of a dataset (core/capability/dataset_edit.h): paste a block at a cell
// (decimal comma, appended rows, text columns, refusals naming row and column), clear, copy,
// insert and delete rows across every column. Expected values are written out by hand.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>

#include "capability/analysis.h"
#include "capability/dataset_edit.h"
#include "plan/plan_file.h"

using namespace mf;

namespace {
// 4 rows: machine column "M1","M1","M2","M2"; features OD = 1,2,3,4 and ID = 10,20,30,40.
Dataset sample() {
    Dataset d;
    d.id = "d";
    d.name = "sample";
    d.machines = std::make_shared<const std::vector<std::string>>(std::vector<std::string>{"M1", "M1", "M2", "M2"});
    Feature od;
    od.id = "f-od";
    od.name = "OD";
    od.values = std::make_shared<const std::vector<double>>(std::vector<double>{1, 2, 3, 4});
    Feature id = od;
    id.id = "f-id";
    id.name = "ID";
    id.values = std::make_shared<const std::vector<double>>(std::vector<double>{10, 20, 30, 40});
    d.features = {od, id};
    return d;
}
const std::vector<double>& od(const Dataset& d) { return *d.features[0].values; }
const std::vector<double>& idc(const Dataset& d) { return *d.features[1].values; }
}  // namespace

TEST_CASE("capability grid edit: sheet columns are the text columns that exist, then the features") {
    Dataset d = sample();
    const auto cols = sheet_columns(d);
    REQUIRE(cols.size() == 3);
    CHECK(cols[0].kind == SheetColumnKind::Machine);
    CHECK(cols[1].kind == SheetColumnKind::Feature);
    CHECK(cols[2].feature == 1);
    CHECK(sheet_column_name(d, cols[0]) == "Machine");
    CHECK(sheet_column_name(d, cols[2]) == "ID");
}

TEST_CASE("capability grid edit: reading pasted cells (tabs, CRLF, final line break, empty lines, decimal comma)") {
    CellBlock b = read_cell_block("1.5\t2\r\n\t3.25\r\n");
    REQUIRE(b.error.empty());
    CHECK(b.rows == 2);
    CHECK(b.cols == 2);
    CHECK(b.cell(1, 0).empty());
    CHECK(b.cell(1, 1) == "3.25");
    CHECK(b.decimal == '.');
    b = read_cell_block("1,5\n\n2,25");  // a one-column copy with an empty cell in the middle
    REQUIRE(b.error.empty());
    CHECK(b.rows == 3);
    CHECK(b.cell(1, 0).empty());
    CHECK(b.decimal == ',');
    b = read_cell_block("");  // an empty cell typed: one missing cell
    CHECK(b.rows == 1);
    CHECK(b.cols == 1);
    b = read_cell_block("1\t2\n3\n");
    CHECK(b.error == "pasted line 2 has 1 cells, the first line has 2 (the cells must form a rectangle)");
}

TEST_CASE(
    "capability grid edit: a pasted block lands at the cell, scaled, with a decimal comma; undo copies stay intact") {
    Dataset d = sample();
    const Dataset before = d;
    // Pasted in µm at row 2 (0-based 1), column OD (sheet column 1); stored in mm (scale 0.001).
    const CellBlock b = read_cell_block("2500\t21000,5\n\t33000\n");
    REQUIRE(b.error.empty());
    CHECK(b.decimal == ',');  // one number with a comma, none with a point
    CHECK(paste_block(d, 1, 1, b, {0.001, 0.001}) == "");
    CHECK(od(d)[0] == 1);
    CHECK(od(d)[1] == doctest::Approx(2.5));
    CHECK(std::isnan(od(d)[2]));  // the empty cell is missing
    CHECK(od(d)[3] == 4);
    CHECK(idc(d)[1] == doctest::Approx(21.0005));
    CHECK(idc(d)[2] == doctest::Approx(33.0));
    CHECK(d.rows() == 4);
    CHECK(od(before)[1] == 2);                         // the old column (an undo snapshot) is untouched
    CHECK(d.machines.get() == before.machines.get());  // columns not pasted into stay shared
}

TEST_CASE("capability grid edit: pasting past the last row appends rows to every column") {
    Dataset d = sample();
    // Machine and OD at row 4 (0-based 3): 3 rows, 2 of them new.
    CHECK(paste_block(d, 3, 0, read_cell_block("M3\t4.5\nM3\t5\n M4 \t6\n"), {}) == "");
    REQUIRE(d.rows() == 6);
    CHECK((*d.machines)[3] == "M3");
    CHECK((*d.machines)[5] == "M4");  // trimmed
    CHECK(od(d)[3] == 4.5);
    CHECK(od(d)[5] == 6);
    CHECK(idc(d).size() == 6);
    CHECK(idc(d)[3] == 40);
    CHECK(std::isnan(idc(d)[4]));
    CHECK(std::isnan(idc(d)[5]));
    Plan p;
    p.datasets.push_back(d);
    CHECK(check_plan(p).empty());  // every column as long as the table
}

TEST_CASE(
    "capability grid edit: text in a number column, too wide a block, a row past the end: refused, nothing changed") {
    Dataset d = sample();
    const Dataset before = d;
    CHECK(paste_block(d, 0, 1, read_cell_block("1\t2\n3\tabc\n"), {}) ==
          "row 2, column \"ID\": \"abc\" is not a number");
    CHECK(paste_block(d, 0, 2, read_cell_block("1\t2\n"), {}) ==
          "the pasted cells are 2 columns wide, but from column \"ID\" on the table has only 1: add features in "
          "Settings first");
    CHECK(paste_block(d, 5, 1, read_cell_block("1\n"), {}) == "row 6 is past the end of the table (4 rows)");
    CHECK(paste_block(d, 0, 1, read_cell_block("1\t2\n3\n"), {}).find("rectangle") != std::string::npos);
    CHECK(d.features[0].values.get() == before.features[0].values.get());
    CHECK(d.features[1].values.get() == before.features[1].values.get());
    CHECK(d.machines.get() == before.machines.get());
    // A row right after the last one appends.
    CHECK(paste_block(d, 4, 2, read_cell_block("50"), {}) == "");
    CHECK(d.rows() == 5);
    CHECK(idc(d)[4] == 50);
    CHECK((*d.machines)[4].empty());
}

TEST_CASE("capability grid edit: clear and copy a rectangle (display unit, decimal point, empty for missing)") {
    Dataset d = sample();
    clear_block(d, {1, 1, 2, 1});  // OD rows 2–3
    CHECK(od(d)[0] == 1);
    CHECK(std::isnan(od(d)[1]));
    CHECK(std::isnan(od(d)[2]));
    CHECK(od(d)[3] == 4);
    CHECK(copy_block(d, {0, 0, 3, 2}, {0.001, 0.001}) ==
          "M1\t1000\t10000\nM1\t\t20000\nM2\t\t30000\nM2\t4000\t40000\n");
    // 1.0251 mm in µm is 1025.1 (12 significant digits hide the binary rounding).
    d.features[0].values = std::make_shared<const std::vector<double>>(std::vector<double>{1.0251, NAN, 3, 4});
    CHECK(copy_block(d, {0, 1, 0, 1}, {0.001}) == "1025.1\n");
    // Clipped to the sheet; a copied block pastes back to the same values.
    const std::string all = copy_block(d, {0, 0, 99, 99}, {});
    Dataset e = sample();
    CHECK(paste_block(e, 0, 0, read_cell_block(all), {}) == "");
    CHECK(od(e)[0] == 1.0251);
    CHECK(std::isnan(od(e)[1]));
    clear_block(d, {0, 0, 0, 0});
    CHECK((*d.machines)[0].empty());
}

TEST_CASE("capability grid edit: insert and delete rows across every column, then the analysis sees the new rows") {
    Dataset d = sample();
    CHECK(insert_rows(d, 1, 2) == "");
    REQUIRE(d.rows() == 6);
    CHECK(od(d)[0] == 1);
    CHECK(std::isnan(od(d)[1]));
    CHECK(std::isnan(idc(d)[2]));
    CHECK(od(d)[3] == 2);
    CHECK((*d.machines)[1].empty());
    CHECK((*d.machines)[3] == "M1");
    CHECK(insert_rows(d, 6, 1) == "");  // at the end
    CHECK(d.rows() == 7);
    CHECK(insert_rows(d, 9, 1) == "row 10 is past the end of the table (7 rows)");
    CHECK(delete_rows(d, 1, 2) == "");
    CHECK(delete_rows(d, 4, 5) == "");  // clipped: only row 5 (the inserted one)
    REQUIRE(d.rows() == 4);
    CHECK((od(d) == std::vector<double>{1, 2, 3, 4}));
    CHECK((idc(d) == std::vector<double>{10, 20, 30, 40}));
    CHECK((*d.machines == std::vector<std::string>{"M1", "M1", "M2", "M2"}));
    CHECK(delete_rows(d, 4, 1) == "row 5 is past the end of the table (4 rows)");
    Dataset empty;
    CHECK(insert_rows(empty, 0, 1) == "the dataset has no columns: add a feature first");

    // Delete row 2 of OD = 1, 2, 3, 4 → 1, 3, 4: mean 8/3, moving ranges 2 and 1, MR̄ = 1.5,
    // σ within = 1.5 / 1.128379 = 1.329341; with LSL 0 and USL 6:
    // Cpk = min(6 − 8/3, 8/3 − 0) / (3 σ) = 2.666667 / 3.988022 = 0.668669.
    CHECK(delete_rows(d, 1, 1) == "");
    d.features[0].lsl = 0;
    d.features[0].usl = 6;
    const FeatureAnalysis a = analyse_feature(d, 0);
    REQUIRE(a.cap.cpk);
    CHECK(a.values == 3);
    CHECK(*a.cap.cpk == doctest::Approx(0.668669).epsilon(1e-5));
}
