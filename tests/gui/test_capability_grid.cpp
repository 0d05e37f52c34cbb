// The Capability view's data grid driven by keys as a spreadsheet user would: move the
// current cell, type a value, paste a block at a cell (appending a row), a refused paste,
// delete and insert rows, copy a selection, clear it, Escape, undo — checking the dataset
// and the recomputed Cpk against a hand computation; and 100 000 rows reached with Ctrl+End.
#include <cmath>

#include "harness.h"
#include "test_hooks.h"
#include "views/capability_parts.h"

using namespace mf;
using namespace mf::test;

namespace {

std::shared_ptr<const std::vector<double>> column(std::vector<double> v) {
    return std::make_shared<const std::vector<double>>(std::move(v));
}

// 6 parts, individual values: a Machine text column, then OD (LSL 9.90, USL 10.10 mm) and ID.
// The plan shows lengths in µm (the default), so cells are typed and copied in µm.
Dataset six_parts() {
    Dataset d;
    d.id = "d-grid";
    d.name = "Grid";
    d.machines =
        std::make_shared<const std::vector<std::string>>(std::vector<std::string>{"M1", "M1", "M1", "M2", "M2", "M2"});
    Feature od;
    od.id = "f-od";
    od.name = "OD";
    od.lsl = 9.90;
    od.usl = 10.10;
    od.values = column({10.00, 10.02, 9.98, 10.01, 9.99, 10.00});
    Feature id;
    id.id = "f-id";
    id.name = "ID";
    id.values = column({5.00, 5.01, 4.99, 5.00, 5.02, 4.98});
    d.features = {od, id};
    return d;
}

const Dataset& ds(Harness& h) { return h.app.doc.plan.datasets.at(0); }
double od(Harness& h, size_t r) { return (*ds(h).features[0].values).at(r); }
double idv(Harness& h, size_t r) { return (*ds(h).features[1].values).at(r); }

void open_grid(Harness& h, const Dataset& d) {
    Edits e;
    e.push("grid data", [d](Plan& p) { p.datasets.push_back(d); });
    h.app.doc.apply(e, 0);
    h.app.capability.dataset = 0;
    h.app.show_tab(mf::Tab::Capability);
    h.frames(3);
    h.app.capability.page = CapabilityView::Page::Data;
    h.app.capability.select_page = true;
    h.frames(3);
}

}  // namespace

TEST_CASE("capability grid: keys move, type, paste at a cell, delete and insert rows, copy, clear, undo; Cpk follows") {
    Harness h;
    Input k{h};
    open_grid(h, six_parts());
    REQUIRE(test_texts()["capability.page"] == "data");

    // Click OD of row 1 (sheet columns: Machine, OD, ID), then two rows down.
    k.click("capability.grid.first_cell");
    CHECK(value("capability.grid.row") == 0);
    CHECK(value("capability.grid.col") == 1);
    k.key(ImGuiKey_DownArrow);
    k.key(ImGuiKey_DownArrow);
    CHECK(value("capability.grid.row") == 2);

    // Typing starts editing (µm, decimal comma accepted); Enter commits and moves down.
    k.type("10030,0", 3);
    REQUIRE(test_anchors().count("capability.grid.edit"));
    k.key(ImGuiKey_Enter);
    h.frames(2);
    CHECK(od(h, 2) == doctest::Approx(10.03));
    CHECK(value("capability.grid.row") == 3);

    // Paste 3 × 2 cells at row 5, OD: rows 5–7, the last one appended.
    k.key(ImGuiKey_DownArrow);
    ImGui::SetClipboardText("9970\t5100\n10040\t5200\n10000\t5300\n");
    k.key(ImGuiKey_V, ImGuiMod_Ctrl);
    h.frames(2);
    CHECK_FALSE(h.app.capability.importer.open);  // pasted at the cell, not imported
    REQUIRE(ds(h).rows() == 7);
    CHECK(od(h, 4) == doctest::Approx(9.97));
    CHECK(od(h, 5) == doctest::Approx(10.04));
    CHECK(od(h, 6) == doctest::Approx(10.00));
    CHECK(idv(h, 4) == doctest::Approx(5.1));
    CHECK(idv(h, 6) == doctest::Approx(5.3));
    CHECK((*ds(h).machines)[6].empty());
    CHECK(od(h, 3) == doctest::Approx(10.01));  // untouched
    CHECK(value("capability.grid.sel_rows") == 3);
    CHECK(value("capability.grid.sel_cols") == 2);

    // Text in a number cell: refused with the row and column, nothing changed.
    const auto before = ds(h).features[0].values;
    ImGui::SetClipboardText("abc\n");
    k.key(ImGuiKey_V, ImGuiMod_Ctrl);
    h.frames(2);
    CHECK(test_texts()["capability.grid.message"] == "row 5, column \"OD\": \"abc\" is not a number");
    CHECK(ds(h).features[0].values.get() == before.get());
    CHECK_FALSE(h.app.capability.importer.open);

    // OD is now 10.00, 10.02, 10.03, 10.01, 9.97, 10.04, 10.00 (7 values). I–MR by hand:
    // mean 70.07/7 = 10.01; moving ranges .02 .01 .02 .04 .07 .04, MR̄ = 0.20/6 = 0.0333333;
    // σ = MR̄/1.128379 = 0.0295409; Cpk = min(10.10 − 10.01, 10.01 − 9.90)/(3σ) = 0.09/0.0886227 = 1.015541.
    h.frames(5);
    CHECK(value("capability.n") == 7);
    CHECK(value("capability.cpk") == doctest::Approx(1.015541).epsilon(1e-5));

    // Delete row 2 (10.02) with Ctrl+Minus: 10.00, 10.03, 10.01, 9.97, 10.04, 10.00. By hand:
    // mean 60.05/6 = 10.008333; moving ranges .03 .02 .04 .07 .04, MR̄ = 0.04; σ = 0.0354491;
    // Cpk = min(10.10 − 10.008333, 10.008333 − 9.90)/(3σ) = 0.0916667/0.106347 = 0.861956.
    for (int i = 0; i < 3; ++i) k.key(ImGuiKey_UpArrow);
    CHECK(value("capability.grid.row") == 1);
    CHECK(value("capability.grid.sel_rows") == 1);
    k.key(ImGuiKey_Minus, ImGuiMod_Ctrl);
    h.frames(5);
    REQUIRE(ds(h).rows() == 6);
    CHECK(od(h, 1) == doctest::Approx(10.03));
    CHECK(idv(h, 1) == doctest::Approx(4.99));
    CHECK((*ds(h).machines)[1] == "M1");
    CHECK(value("capability.n") == 6);
    CHECK(value("capability.cpk") == doctest::Approx(0.861956).epsilon(1e-5));

    // Undo (Ctrl+Z) brings the row and the first Cpk back.
    k.key(ImGuiKey_Z, ImGuiMod_Ctrl);
    h.frames(5);
    REQUIRE(ds(h).rows() == 7);
    CHECK(od(h, 1) == doctest::Approx(10.02));
    CHECK(value("capability.cpk") == doctest::Approx(1.015541).epsilon(1e-5));

    // Shift+arrows select OD–ID of rows 2–3; Ctrl+C copies them in µm with a decimal point.
    k.key(ImGuiKey_RightArrow, ImGuiMod_Shift);
    k.key(ImGuiKey_DownArrow, ImGuiMod_Shift);
    CHECK(value("capability.grid.sel_rows") == 2);
    CHECK(value("capability.grid.sel_cols") == 2);
    k.key(ImGuiKey_C, ImGuiMod_Ctrl);
    CHECK(std::string(ImGui::GetClipboardText()) == "10020\t5010\n10030\t4990\n");
    // Delete clears them (missing); undo.
    k.key(ImGuiKey_Delete);
    h.frames(2);
    CHECK(std::isnan(od(h, 1)));
    CHECK(std::isnan(idv(h, 2)));
    CHECK(od(h, 3) == doctest::Approx(10.01));
    h.app.doc.undo();
    h.frames(2);
    CHECK(od(h, 1) == doctest::Approx(10.02));

    // Ctrl+Plus inserts as many rows as are selected, above them.
    k.key(ImGuiKey_Equal, ImGuiMod_Ctrl, ImGuiMod_Shift);
    h.frames(2);
    REQUIRE(ds(h).rows() == 9);
    CHECK(std::isnan(od(h, 1)));
    CHECK(std::isnan(od(h, 2)));
    CHECK(od(h, 3) == doctest::Approx(10.02));
    CHECK((*ds(h).machines)[2].empty());
    h.app.doc.undo();
    h.frames(2);
    REQUIRE(ds(h).rows() == 7);

    // F2 edits, Escape cancels; Tab moves right, Shift+Tab left.
    k.key(ImGuiKey_UpArrow);
    k.key(ImGuiKey_RightArrow);
    CHECK(value("capability.grid.row") == 0);
    const double row_value = od(h, 0);
    k.key(ImGuiKey_F2);
    REQUIRE(test_anchors().count("capability.grid.edit"));
    k.type("99", 3);
    k.key(ImGuiKey_Escape);
    h.frames(2);
    CHECK(od(h, 0) == row_value);
    CHECK(ds(h).rows() == 7);
    CHECK(value("capability.grid.col") == 1);
    k.key(ImGuiKey_LeftArrow);
    CHECK(value("capability.grid.col") == 0);
    for (double c : {1, 2, 2}) {  // stays in the last column
        k.key(ImGuiKey_Tab);
        CHECK(value("capability.grid.col") == c);
    }
    h.frames(3);
    CHECK(test_texts()["capability.feature"] == "ID");  // the Analysis page follows the grid's column
    k.key(ImGuiKey_Tab, ImGuiMod_Shift);
    CHECK(value("capability.grid.col") == 1);
    h.frames(3);
    CHECK(test_texts()["capability.feature"] == "OD");

    // Right-click on row 1's header: the menu inserts a row below it.
    k.right_click("capability.grid.row_header.0");
    REQUIRE(test_anchors().count("capability.grid.menu.insert_below"));
    k.click("capability.grid.menu.insert_below");
    h.frames(2);
    REQUIRE(ds(h).rows() == 8);
    CHECK(od(h, 0) == doctest::Approx(10.00));
    CHECK(std::isnan(od(h, 1)));
    CHECK(od(h, 2) == doctest::Approx(10.02));
    CHECK(check_plan(h.app.doc.plan).empty());
}

TEST_CASE("capability grid: 100 000 rows — Ctrl+End reaches the last row, typing there edits it, PageUp moves a page") {
    Harness h;
    Input k{h};
    Dataset d = six_parts();
    std::vector<double> big(100000, 10.0);
    d.features[0].values = column(big);
    d.features[1].values = column(std::vector<double>(100000, 5.0));
    d.machines = std::make_shared<const std::vector<std::string>>(100000, "M1");
    open_grid(h, d);
    k.click("capability.grid.first_cell");
    k.key(ImGuiKey_End, ImGuiMod_Ctrl);
    CHECK(value("capability.grid.row") == 99999);
    CHECK(value("capability.grid.col") == 2);  // the last column
    h.frames(2);
    for (const char* c : {"5", "5", "5", "5"}) {  // one character a frame, as fast typing arrives
        ImGui::GetIO().AddInputCharactersUTF8(c);
        h.frames(1);
    }
    REQUIRE(test_anchors().count("capability.grid.edit"));
    const AnchorRect e = test_anchors()["capability.grid.edit"];  // scrolled into view
    CHECK(e.y0 > 0);
    CHECK(e.y1 < ImGui::GetIO().DisplaySize.y);
    CHECK(e.x1 < ImGui::GetIO().DisplaySize.x);
    k.key(ImGuiKey_Enter);
    h.frames(2);
    CHECK(idv(h, 99999) == doctest::Approx(5.555));
    k.key(ImGuiKey_PageUp);
    const double page = 99999 - value("capability.grid.row");
    CHECK(page >= 5);  // a page of the 900 px view
    CHECK(page <= 40);
    k.key(ImGuiKey_Home, ImGuiMod_Ctrl);
    CHECK(value("capability.grid.row") == 0);
    CHECK(value("capability.grid.col") == 0);
}
