// KernelWarmUp: after the first frame, while nothing else computes, runs each Monte Carlo
// kernel once on a small problem — the stack, schedule and decision (rank-first) Monte Carlos
// on the bundled micro-gearbox example — so the user's first analysis runs at warm speed.
//
//   KernelWarmUp warm_up;                              // a member of App
//   warm_up.frame(frames_drawn, !drawing_requested()); // at the end of every frame
//
// Why: in the browser a WebAssembly function first runs as baseline code and is recompiled
// optimised only after it has run a while, and a call already running never switches; the
// first stack Monte Carlo after loading took about 300 ms against 116 ms warm (issue 17).
// Each kernel here runs in several step() calls and its result() once, so the sampling and
// the summary code both get hot. It runs in slices of at most kSliceMs (busy.h), one slice
// per frame, and asks for frames only until the three kernels are done: an idle app then
// stops drawing as before (App::wants_frames).
#pragma once
#include <cstdint>
#include <memory>

#include "plan/plan.h"

namespace mf {

// The bundled example both warm-ups run on (micro-gearbox: a stack, a timeline with a gate, a
// decision); an empty plan if it is not bundled.
Plan warm_up_example_plan();

class KernelWarmUp {
public:
    KernelWarmUp();
    ~KernelWarmUp();
    // Call at the end of each frame. idle: no view asked for another frame (nothing of the
    // user's is computing); the warm-up waits otherwise, and never starts before frame 2.
    void frame(uint64_t frames_drawn, bool idle);
    bool done() const { return stage_ >= kStages; }
    // Kernels run so far (0 … 3), for tests.
    int stage() const { return stage_; }
    // Kernels that really ran (a job the example's analysis allowed, not refused), for tests.
    int kernels_run() const { return kernels_run_; }

private:
    static constexpr int kStages = 3;  // stack, schedule, decision
    struct Jobs;
    int stage_ = 0;
    int kernels_run_ = 0;
    std::unique_ptr<Jobs> jobs_;  // created on the first idle frame, dropped when done
};

}  // namespace mf
