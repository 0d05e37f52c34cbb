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
