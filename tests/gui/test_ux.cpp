// Usable at first sight and by keyboard (issue 15) and units everywhere (issue 14): Tab reaches
// into each tab's content, notes wrap, a cut name shows whole in a tooltip, money carries the
// plan's currency.
#include "harness.h"
#include "format.h"

using namespace mf;
using namespace mf::test;

namespace {

// Presses Tab (nothing else) until the widget with this anchor has the keyboard focus.
bool tab_to(Input& in, const std::string& anchor, int max_presses) {
    for (int i = 0; i < max_presses; ++i) {
        in.key(ImGuiKey_Tab);
        if (test_focused_anchor() == anchor) return true;
    }
    return false;
}

AnchorRect anchor(const std::string& name) {
    const auto it = test_anchors().find(name);
    REQUIRE_MESSAGE(it != test_anchors().end(), "no anchor " << name);
    return it->second;
}

}  // namespace

TEST_CASE("keyboard: Tab goes from the tab bar into the tab's content, nested panes included") {
    Harness h;
    Input in{h};
    h.app.open_example(example(kGearbox));
    h.frames(3);

    SUBCASE("Overview: the project name, then typed over") {
        in.click("tab.overview");  // the last mouse event: the tab bar has the focus
        REQUIRE(tab_to(in, "overview.name", 10));
        in.chord(ImGuiKey_A, true);
        in.type("Renamed by keyboard");
        in.key(ImGuiKey_Enter);
        CHECK(h.app.doc.plan.meta.name == "Renamed by keyboard");
    }
    SUBCASE("Decision: a weight in the matrix, inside the page's own child window") {
        in.click("tab.decision");
        REQUIRE(tab_to(in, "decision.weight.c-iteration", 80));
        in.chord(ImGuiKey_A, true);
        in.type("0.3");
        in.key(ImGuiKey_Enter);
        const auto& cs = h.app.doc.plan.decision.criteria;
        const auto c = std::find_if(cs.begin(), cs.end(), [](const Criterion& x) { return x.id == "c-iteration"; });
        REQUIRE(c != cs.end());
        CHECK(c->weight == doctest::Approx(0.3));
    }
    SUBCASE("Tolerances: the stack's name field") {
        in.click("tab.tolerances");
        CHECK(tab_to(in, "stack.name", 40));
    }
}

TEST_CASE("notes: a long note wraps to the width there is; Edit opens the field, the edit is undoable") {
    Harness h;
    Input in{h};
    h.app.open_example(example(kGearbox));
    // Four times the example's note: far longer than a line of the 1400 px window.
    Plan p = h.app.doc.plan;
    p.meta.notes = p.meta.notes + " " + p.meta.notes + " " + p.meta.notes + " " + p.meta.notes;
    h.app.doc.plan = p;
    h.app.doc.state_id = 424242;
    h.app.show_tab(Tab::Overview);
    h.frames(3);
    const std::string before = h.app.doc.plan.meta.notes;
    REQUIRE(ImGui::CalcTextSize(before.c_str()).x > 2 * 1400);
    const AnchorRect r = anchor("note##plan-notes.text");
    const float line = ImGui::GetTextLineHeight();
    CHECK(r.y1 - r.y0 > 1.5f * line);  // several lines
    CHECK(r.x1 <= ImGui::GetIO().DisplaySize.x);

    in.click("note##plan-notes.edit");
    h.frames(2);
    CHECK(ImGui::GetIO().WantTextInput);  // the field is open and focused
    in.chord(ImGuiKey_End, true);
    in.type(" Added.");
    in.key(ImGuiKey_Tab);  // leaves the field: the wrapped text again
    h.frames(2);
    CHECK(h.app.doc.plan.meta.notes == before + " Added.");
    test_anchors().clear();
    h.frames(2);
    CHECK(test_anchors().count("note##plan-notes.text") == 1);
    h.app.doc.undo();
    h.frames(2);
    CHECK(h.app.doc.plan.meta.notes == before);
}

TEST_CASE("names: a name cut by its column shows whole in a tooltip on hover") {
    Harness h;
    Input in{h};
    h.app.open_example(example(kGearbox));
    const std::string long_name =
        "First article inspection of the gear, the shaft and the housing at the boutique shop, with the CMM "
        "report and the cleanliness test signed off by quality";
    Plan p = h.app.doc.plan;
    p.schedule.tasks[0].name = long_name;
    h.app.doc.plan = p;
    h.app.doc.state_id = 424242;  // a new revision: the views recompute
    h.app.show_tab(Tab::Timeline);
    h.frames(3);
    REQUIRE(test_anchors().count("cut:" + long_name));
    in.move("cut:" + long_name);
    for (int i = 0; i < 40 && !test_texts().count("tooltip"); ++i) h.frames(1);  // the tooltip's short delay
    CHECK(text("tooltip") == long_name);
}

TEST_CASE("currency: picked on the Overview, undoable, shown with money") {
    Harness h;
    Input in{h};
    h.app.open_example(example(kGearbox));
    h.app.show_tab(Tab::Overview);
    h.frames(3);
    CHECK(h.app.doc.plan.meta.currency == "USD");
    in.click("overview.currency");
    h.frames(2);
    // The combo's list: USD, EUR, GBP, other — Down twice from the current one, Enter.
    in.key(ImGuiKey_DownArrow);
    in.key(ImGuiKey_Enter);
    h.frames(2);
    CHECK(h.app.doc.plan.meta.currency == "EUR");
    h.app.doc.undo();
    h.frames(2);
    CHECK(h.app.doc.plan.meta.currency == "USD");

    CHECK(format_money(1234.4, "USD") == "$1 234");
    CHECK(format_money(0.92049, "EUR") ==
          "\xE2\x82\xAC"
          "0.9205");
    CHECK(format_money(-20.81, "GBP") ==
          "-\xC2\xA3"
          "20.81");
    CHECK(format_money(20.81, "CHF") == "20.81 CHF");
    CHECK(money_title("Unit price", "EUR") == "Unit price (\xE2\x82\xAC)");
}

TEST_CASE("names: a cut partner name in the partner list shows whole when Tab gives it the focus") {
    Harness h;
    Input in{h};
    h.app.open_example(example(kGearbox));
    const std::string long_name = "Boutique micro-machining shop with five-axis Kern mills and a Zeiss CMM, Jena";
    Plan p = h.app.doc.plan;
    p.decision.partners[1].name = long_name;
    h.app.doc.plan = p;
    h.app.doc.state_id = 424242;
    h.app.show_tab(Tab::Decision);
    h.app.decision.page = DecisionView::Page::Partners;
    h.app.decision.select_page = true;
    h.frames(3);
    REQUIRE(test_anchors().count("cut:" + long_name));  // the 18 em list cuts it
    in.click("tab.decision");
    test_texts().erase("tooltip");
    bool shown = false;
    for (int i = 0; i < 40 && !shown; ++i) {
        in.key(ImGuiKey_Tab);
        shown = test_texts().count("tooltip") && test_texts()["tooltip"] == long_name;
    }
    CHECK(shown);
}
