// The app shell: every view drawn, files arriving, edits, undo/redo, save, autosave.
#include "harness.h"

using namespace mf;
using namespace mf::test;

TEST_CASE("every view draws for 300 frames with the example plan, in both themes") {
    Harness h;
    const uint64_t warm_up_frames = h.app.frames_drawn;  // drawn by the harness while the app warms up
    // Frame 1, then one per kernel (the clock stands still), then the views' (gui/view_warm_up.h).
    CHECK(h.app.view_warm_up.done());
    CHECK(warm_up_frames == 4 + static_cast<uint64_t>(h.app.view_warm_up.frames()));
    h.frames(5);
    for (unsigned i = 0; i < mf_example_plans_count; ++i) {  // every example opens and draws
        CHECK(h.app.open_example(i));
        h.frames(20);
    }
    h.app.open_example(example(kGearbox));
    h.app.help.about_open = h.app.help.tools_open = h.app.help.shortcuts_open = true;
    h.app.history.open = true;
    h.frames(150);
    h.app.theme = Theme::Dark;
    apply_theme(Theme::Dark);
    h.frames(150);
    CHECK(h.app.frames_drawn == warm_up_frames + 305 + 20 * mf_example_plans_count);
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 1000);  // something was really drawn
}

TEST_CASE("a file arriving through the platform opens; a malformed one leaves the plan untouched") {
    Harness h;
    h.frames(2);
    platform::native_state().incoming.push_back(
        {"micro-gearbox.mfplan.json", read_source_file("assets/examples/micro-gearbox.mfplan.json")});
    h.frames(2);
    CHECK(h.app.doc.plan.meta.name == "Micro-gearbox for a surgical stapler");
    CHECK_FALSE(h.app.doc.unsaved());
    CHECK(platform::native_state().title == "Micro-gearbox for a surgical stapler — MicroFab Planner");

    const std::string before = save_plan(h.app.doc.plan);
    platform::native_state().incoming.push_back(
        {"bad.json", read_source_file("tests/data/malformed/dangling-partner.json")});
    h.frames(2);
    CHECK(h.app.file_errors.open);
    REQUIRE(h.app.file_errors.errors.size() == 1);
    CHECK(h.app.file_errors.errors[0].where == "/schedule/tasks/0/partner");
    CHECK(save_plan(h.app.doc.plan) == before);
}

TEST_CASE("edits mark the plan unsaved, undo and redo walk back and forth, save downloads") {
    Harness h;
    h.app.open_example(example(kGearbox));
    h.frames(2);
    Edits e;
    e.push_merge("Rename project", "meta.name", [](Plan& p) { p.meta.name = "G"; });
    e.push_merge("Rename project", "meta.name", [](Plan& p) { p.meta.name = "Ge"; });
    h.app.doc.apply(e, platform::now_seconds());
    h.frames(2);
    CHECK(h.app.doc.plan.meta.name == "Ge");
    CHECK(h.app.doc.unsaved());
    CHECK(platform::native_state().title == "● Ge — MicroFab Planner");
    CHECK(platform::native_state().leave_guard);
    h.app.doc.undo();  // the two keystrokes merged into one step
    CHECK(h.app.doc.plan.meta.name == "Micro-gearbox for a surgical stapler");
    CHECK_FALSE(h.app.doc.unsaved());
    h.app.doc.redo();
    CHECK(h.app.doc.plan.meta.name == "Ge");
    h.app.save();
    h.frames(2);
    REQUIRE(platform::native_state().downloads.size() == 1);
    CHECK(platform::native_state().downloads[0].name == "micro-gearbox.mfplan.json");
    CHECK(load_plan(platform::native_state().downloads[0].bytes).plan->meta.name == "Ge");
    CHECK_FALSE(platform::native_state().leave_guard);
}

TEST_CASE("an edit that would break the plan is refused and reported") {
    Harness h;
    h.app.open_example(example(kGearbox));
    Edits e;
    e.push("Rename partner id", [](Plan& p) { p.decision.partners[0].id = p.decision.partners[1].id; });
    h.app.doc.apply(e, 0);
    CHECK(h.app.doc.plan.decision.partners[0].id == "inhouse");
    const bool refused_edit_in_history =
        h.app.doc.can_undo() && h.app.doc.undo_stack.back().label == "Rename partner id";
    CHECK_FALSE(refused_edit_in_history);
}

TEST_CASE("the plan autosaves and comes back after a reload, unsaved mark included") {
    {
        Harness h;
        h.app.open_example(example(kGearbox));
        Edits e;
        e.push("Set decider", [](Plan& p) { p.meta.decider = "J. Chen"; });
        h.app.doc.apply(e, platform::now_seconds());
        h.frames(90);  // 1.5 s of frames: past the autosave delay
        CHECK(platform::native_state().store.count("mf.library." + h.app.doc_id() + ".plan"));
    }
    // A new App over the same store (Harness resets the store: keep it).
    auto stored = platform::native_state().store;
    platform::native_state() = {};
    platform::native_state().store = stored;
    ImGui::CreateContext();
    App again;
    again.init();
    CHECK(again.doc.plan.meta.decider == "J. Chen");
    CHECK(again.doc.unsaved());
    ImGui::DestroyContext();
}

TEST_CASE("first run: the start page offers the examples; each opens on the page that shows it best") {
    Harness h;
    platform::native_state().store.erase("mf.start.seen");
    App first;  // a browser that has never run the app
    first.init();
    CHECK(first.start.open);
    CHECK(platform::native_state().store.count("mf.start.seen"));
    h.frames(3);
    h.app.start.open = true;
    h.frames(3);
    Input in{h};
    in.click("start.example.sourcing-decision.mfplan.json");
    h.frames(3);
    CHECK_FALSE(h.app.start.open);
    CHECK(h.app.doc.plan.meta.name == "Zirconia micro-nozzle: sourcing decision");
    CHECK(test_anchors().count("decision.page.matrix") + test_values().count("decision.problems") >
          0);  // Decision tab drawn
    // Every example and example table has a line saying what it shows and a tab to open on.
    for (unsigned i = 0; i < mf_example_plans_count; ++i)
        CHECK_MESSAGE(example_guide(mf_example_plans[i].name), mf_example_plans[i].name);
    App again;  // the next start: no start page
    again.init();
    CHECK_FALSE(again.start.open);
}
