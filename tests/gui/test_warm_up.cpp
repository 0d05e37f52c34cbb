// The kernel warm-up (gui/warm_up.h): after the first frame, while nothing else computes, each
// Monte Carlo kernel runs once in slices, and then the app is idle again (no endless frames).
#include "busy.h"
#include "harness.h"
#include "test_hooks.h"

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
    h.frames(2);
    CHECK_FALSE(h.app.wants_frames());
    CHECK(value("schedule.mc.p_deadline") == p_deadline);  // the user's figures are untouched
}
