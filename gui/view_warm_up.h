// ViewWarmUp: once the kernels are warm (gui/warm_up.h), each tool's view is drawn for a few
// frames, out of sight, by view objects of its own on the bundled micro-gearbox example, until
// their Monte Carlos have finished and their results were drawn. Then the first time the user
// opens a tab, its own code runs at warm speed too.
//
//   ViewWarmUp view_warm_up;                                  // a member of App
//   view_warm_up.frame(warm_up.done(), !drawing_requested()); // in App::frame(), inside the frame
//
// Why: the browser compiles a WebAssembly function when it is first called and optimises it
// only after it has run a while. With the kernels warm, the first stack Monte Carlo after
// loading still took about 1.45× an edit's on the workers, its workers computing ~1.7× slower
// while the Tolerances tab's drawing code was compiled on the same two cores; after the tab
// had been shown once on another plan it took an edit's time (docs/benchmarks.md,
// "2026-12-07 (midday)").
//
// The views draw into a window placed far outside the display that takes no input, no focus
// and no saved settings, and in test builds what they record for the tests goes to a scratch
// set (test_hooks.h). Their Monte Carlos run as the app's own do, on the Web Workers where
// there are any; when done, the views (and any run left) are dropped.
#pragma once
#include <memory>

namespace mf {

class ViewWarmUp {
public:
    ViewWarmUp();
    ~ViewWarmUp();
    // kernels_done: the kernel warm-up is over (the two never share a frame). idle: nothing of
    // the user's asks for frames; the warm-up starts only then, and then goes on by itself.
    void frame(bool kernels_done, bool idle);
    bool done() const { return done_; }
    int frames() const { return frames_; }  // frames drawn so far, for tests

private:
    struct Views;
    std::unique_ptr<Views> views_;
    int frames_ = 0;
    bool done_ = false;
};

}  // namespace mf
