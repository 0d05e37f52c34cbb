// Keyboard use without a mouse: Escape closes every dialog; the editable tables move by rows
// and cells as a spreadsheet does.
#include "harness.h"

using namespace mf;
using namespace mf::test;

namespace {

// Whether the anchor was recorded during the last frames (anchors persist: clear, draw, look).
bool drawn(Harness& h, const std::string& anchor) {
    test_anchors().clear();
    h.frames(3);
    return test_anchors().count(anchor) > 0;
}

const Task& task(const Plan& p, const std::string& id) {
    for (const auto& t : p.schedule.tasks)
        if (t.id == id) return t;
    FAIL("no task " << id);
    return p.schedule.tasks.front();
}

}  // namespace

TEST_CASE("keyboard: Escape closes every modal dialog, and the Escape that leaves a text field does not") {
    Harness h;
    Input in{h};
    h.frames(2);

    SUBCASE("the capability import dialog") {
        h.app.show_tab(Tab::Capability);
        h.frames(3);
        ImGui::SetClipboardText("bore\n10.01\n10.02\n9.99\n");
        in.chord(ImGuiKey_V, /*ctrl=*/true);
        h.frames(2);
        REQUIRE(h.app.capability.importer.open);
        in.key(ImGuiKey_Escape);
        h.frames(2);
        CHECK_FALSE(h.app.capability.importer.open);
        CHECK(h.app.doc.plan.datasets.empty());  // nothing imported
    }
    SUBCASE("the timeline template dialog") {
        h.app.new_plan();
        h.app.show_tab(Tab::Timeline);
        h.frames(3);
        in.click("schedule.template.empty");
        REQUIRE(drawn(h, "schedule.template.build"));
        in.key(ImGuiKey_Escape);
        CHECK_FALSE(drawn(h, "schedule.template.build"));
        CHECK(h.app.doc.plan.schedule.tasks.empty());
    }
    SUBCASE("the stack paste dialog, after leaving its text box with a first Escape") {
        h.app.open_example(example(kGearbox));
        h.app.show_tab(Tab::Tolerances);
        h.frames(3);
        in.click("stack.row0");
        ImGui::SetClipboardText("name\tnominal\ttol\nSpacer\t200\tabc\n");
        in.chord(ImGuiKey_V, true);
        h.frames(2);
        REQUIRE(h.app.stack.paste_open);
        in.click("stack.paste.text");  // typing in the box
        in.key(ImGuiKey_Escape);       // leaves the box
        CHECK(h.app.stack.paste_open);
        in.key(ImGuiKey_Escape);  // closes the dialog
        h.frames(2);
        CHECK_FALSE(h.app.stack.paste_open);
        CHECK_FALSE(drawn(h, "stack.paste.apply"));
    }
    SUBCASE("the delete-dataset question") {
        h.app.open_example(example(kGearbox));
        h.app.show_tab(Tab::Capability);
        h.frames(3);
        const size_t n = h.app.doc.plan.datasets.size();
        REQUIRE(n > 0);
        in.click("capability.delete");
        REQUIRE(drawn(h, "capability.delete_confirm"));
        in.key(ImGuiKey_Escape);
        CHECK_FALSE(drawn(h, "capability.delete_confirm"));
        CHECK(h.app.doc.plan.datasets.size() == n);
    }
    SUBCASE("the history window") {
        h.app.history.open = true;
        h.frames(3);
        ImGui::SetWindowFocus("History");
        h.frames(1);
        in.key(ImGuiKey_Escape);
        CHECK_FALSE(h.app.history.open);
    }
}

TEST_CASE("keyboard: the timeline task table moves as a spreadsheet — Up/Down keep the column, Enter goes down") {
    Harness h;
    Input in{h};
    h.app.open_example(example(kGearbox));
    h.app.show_tab(Tab::Timeline);
    h.frames(3);
    const auto likely = [&](const char* id) { return task(h.app.doc.plan, id).most_likely; };
    REQUIRE(likely("t-first-article") == 10);

    in.click("schedule.task.t-dfmf.most_likely");  // rows in order: t-dfmf, t-first-article, t-pilot, t-ramp
    CHECK(h.app.schedule.selected == "t-dfmf");
    in.key(ImGuiKey_DownArrow);
    h.frames(2);
    CHECK(h.app.schedule.selected == "t-first-article");
    CHECK(ImGui::GetIO().WantTextInput);  // the field below, open for typing
    // Its text is selected: typing replaces it; Enter keeps it and goes down a row.
    in.type("12");
    in.key(ImGuiKey_Enter);
    h.frames(2);
    CHECK(likely("t-first-article") == 12);
    CHECK(likely("t-dfmf") == 4);  // the field left with Down is unchanged
    CHECK(h.app.schedule.selected == "t-pilot");
    CHECK(ImGui::GetIO().WantTextInput);
    in.type("22");
    in.key(ImGuiKey_UpArrow);  // Up keeps what was typed, as Enter does
    h.frames(2);
    CHECK(task(h.app.doc.plan, "t-pilot").most_likely == 22);
    CHECK(h.app.schedule.selected == "t-first-article");
    // Shift+Enter goes up.
    in.key(ImGuiKey_Enter, ImGuiMod_Shift);
    h.frames(2);
    CHECK(h.app.schedule.selected == "t-dfmf");
    // At the first row Up stays.
    in.key(ImGuiKey_UpArrow);
    h.frames(2);
    CHECK(h.app.schedule.selected == "t-dfmf");
    // Tab: the next field of the row (pessimistic), typed over.
    in.key(ImGuiKey_Tab);
    h.frames(2);
    in.type("6");
    in.key(ImGuiKey_Enter);
    h.frames(2);
    CHECK(task(h.app.doc.plan, "t-dfmf").pessimistic == 6);
    CHECK(task(h.app.doc.plan, "t-dfmf").most_likely == 4);
}

TEST_CASE("keyboard: the stack contributor table moves by rows in the same column") {
    Harness h;
    Input in{h};
    h.app.open_example(example(kGearbox));
    h.app.show_tab(Tab::Tolerances);
    h.frames(3);
    const Stack& s0 = h.app.doc.plan.stacks[0];  // the page shows the first stack
    REQUIRE(s0.contributors.size() >= 2);
    const std::string first = s0.contributors[0].id, second = s0.contributors[1].id;
    const double mm = mm_per_unit(h.app.doc.plan.meta.units);

    in.click("stack.row0.tol_plus");
    CHECK(h.app.stack.selected_row == first);
    in.key(ImGuiKey_DownArrow);
    h.frames(2);
    CHECK(h.app.stack.selected_row == second);
    CHECK(ImGui::GetIO().WantTextInput);
    in.type("7");
    in.key(ImGuiKey_Enter);  // the last row: Enter keeps the value and stays
    h.frames(2);
    const Stack& s = h.app.doc.plan.stacks[0];
    CHECK(s.contributors[1].tol_plus == doctest::Approx(7 * mm));
    CHECK(s.contributors[0].tol_plus == doctest::Approx(0.005));  // unchanged
    in.key(ImGuiKey_UpArrow);
    h.frames(2);
    CHECK(h.app.stack.selected_row == first);
}

TEST_CASE("keyboard: Help lists the shortcuts, the outline and grid keys and the table keys included") {
    Harness h;
    h.app.help.shortcuts_open = true;
    h.frames(3);
    for (const char* k :
         {"Everywhere: Escape", "Everywhere: Ctrl+Z", "Moving around: Alt", "Timeline: Alt+Shift+Right / Left",
          "Timeline and Tolerances tables: Up / Down", "Timeline and Tolerances tables: Enter / Shift+Enter",
          "Capability data grid: Arrows, Tab, Enter, Shift+Enter", "Capability data grid: Typing, F2, double-click"})
        CHECK_MESSAGE(test_texts().count(std::string("help.keys.") + k), k);
    ImGui::SetWindowFocus("Keyboard shortcuts");
    h.frames(1);
    Input{h}.key(ImGuiKey_Escape);
    CHECK_FALSE(h.app.help.shortcuts_open);
}
