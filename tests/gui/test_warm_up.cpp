// The warm-ups: after the first frame, while nothing else computes, each Monte Carlo kernel
// runs once in slices (gui/warm_up.h), then each tool's view is drawn out of sight on the
// same example until its Monte Carlo was drawn (gui/view_warm_up.h), and then the app is idle
// again (no endless frames).
#include "busy.h"
#include "harness.h"
#include "test_hooks.h"
#include "warm_up.h"

using namespace mf;
using namespace mf::test;

TEST_CASE("warm-up: starts after the first frame, runs the three kernels, then the app is idle") {
    Harness h(false);
    CHECK(h.app.warm_up.stage() == 0);
    h.frames(1);  // the first frame: nothing warmed yet
    CHECK(h.app.warm_up.stage() == 0);
    // The clock stands still in the harness, so each kernel finishes in its first slice: one a frame.
    h.frames(1);
    CHECK(h.app.warm_up.stage() == 1);
    CHECK(h.app.wants_frames());  // the next kernel needs a frame
    h.frames(2);
    CHECK(h.app.warm_up.done());
    CHECK(h.app.warm_up.stage() == 3);
    CHECK(h.app.warm_up.kernels_run() == 3);  // the example's stack, timeline and decision all ran
    CHECK(h.app.view_warm_up.frames() == 0);  // the views next, never in a kernel's frame
    for (int i = 0; i < 200 && !h.app.view_warm_up.done(); ++i) {
        CHECK(h.app.wants_frames());
        h.frames(1);
    }
    CHECK(h.app.view_warm_up.done());
    CHECK(h.app.view_warm_up.frames() >= 4);  // their results drawn, not only their first frame
    h.frames(1);
    CHECK_FALSE(h.app.wants_frames());  // idle: the main loop may pause
    h.frames(20);
    CHECK_FALSE(h.app.wants_frames());
    CHECK(h.app.warm_up.stage() == 3);  // once per page load
}

TEST_CASE("warm-up: in 12 ms slices across frames, and only while no view computes") {
    Harness h(false);
    // A clock moving 5 ms per reading: a slice ends after three readings, so the warm-up (and a
    // view's Monte Carlo) take many frames.
    platform::native_state().fake_tick = 0.005;
    h.frames(1);
    REQUIRE(h.app.open_example(example("launch-timeline.mfplan.json")));
    h.app.show_tab(mf::Tab::Timeline);
    h.app.schedule.page_request = ScheduleView::PageRisk;
    h.frames(3);
    REQUIRE(value("schedule.mc.running") == 1);
    int frames = 0;
    while (value("schedule.mc.running") == 1 && frames < 2000) {
        CHECK(h.app.warm_up.stage() == 0);  // waits for the user's Monte Carlo
        h.frames(1);
        ++frames;
    }
    REQUIRE(value("schedule.mc.done") == 1);
    const double p_deadline = value("schedule.mc.p_deadline");
    int warm_frames = 0;
    while (!h.app.warm_up.done() && warm_frames < 5000) {
        CHECK(h.app.wants_frames());
        h.frames(1);
        ++warm_frames;
    }
    CHECK(h.app.warm_up.done());
    CHECK(warm_frames > 3);  // sliced, not one long frame per kernel
    for (int i = 0; i < 5000 && !h.app.view_warm_up.done(); ++i) h.frames(1);
    h.frames(2);
    CHECK_FALSE(h.app.wants_frames());
    CHECK(value("schedule.mc.p_deadline") == p_deadline);  // the user's figures are untouched
}

// gui/view_warm_up.h: the views drawn out of sight leave no trace the user (or a test) could
// see: nothing recorded for the tests, no edit to the plan, no tab switched, the focus kept.
TEST_CASE("warm-up: the views drawn out of sight change nothing the user has") {
    Harness h(false);
    h.frames(1);
    REQUIRE(h.app.open_example(example("launch-timeline.mfplan.json")));
    h.app.show_tab(mf::Tab::Overview);
    h.frames(2);
    test_values().clear();  // what earlier tests recorded
    test_texts().clear();
    h.frames(1);
    const uint64_t state = h.app.doc.state_id;
    const size_t undo = h.app.doc.undo_stack.size();
    for (int i = 0; i < 300 && !h.app.warmed_up(); ++i) {
        h.frames(1);
        // Only the Overview of the user's plan records anything: none of the example's views.
        CHECK(test_values().count("stack.count") == 0);
        CHECK(test_values().count("schedule.tasks") == 0);
        CHECK(test_anchors().count("tab.tolerances") == 1);
    }
    REQUIRE(h.app.view_warm_up.done());
    CHECK(h.app.view_warm_up.frames() >= 4);
    CHECK(h.app.doc.state_id == state);
    CHECK(h.app.doc.undo_stack.size() == undo);
    CHECK(h.app.doc.plan.meta.name != warm_up_example_plan().meta.name);
    h.frames(1);
    CHECK_FALSE(h.app.wants_frames());
}
