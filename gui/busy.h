// Long computations run in slices across frames, never in one go: the UI stays responsive,
// shows progress and can cancel. A view with unfinished work calls keep_drawing() every
// frame (the idle main loop would otherwise stop), spends about kSliceMs per frame on it,
// and draws progress_with_cancel().
//
//   if (!job.done()) {
//       run_slice([&] { job.step(10'000); return job.done(); });
//       if (progress_with_cancel(job.progress(), "Monte Carlo")) job = {};
//   }
#pragma once
#include <functional>

namespace mf {

inline constexpr double kSliceMs = 12.0;  // leaves room in a 16.7 ms frame for drawing
// A progress bar moves at most this often (JobRunner::draw_progress), and the page wakes for
// a Web Worker's progress at most this often (platform_web.cpp): without a GPU each drawn
// frame takes a core for ~50 ms that the computation needs.
inline constexpr double kProgressRedrawSeconds = 0.25;
// ... and first moves this long after its run started: a run that ends sooner (most Monte
// Carlos on workers) draws nothing between its first frame and its result.
inline constexpr double kProgressFirstMoveSeconds = 0.5;

// Asks for another frame after this one (cleared by App at the start of each frame).
void keep_drawing();
bool drawing_requested();
void clear_drawing_request();

// Calls step() until it returns true (finished) or about kSliceMs have passed; requests
// another frame when not finished. Returns true when finished.
bool run_slice(const std::function<bool()>& step);

// A progress bar with the task's name and a Cancel button; returns true when cancelled.
bool progress_with_cancel(float fraction, const char* what);

}  // namespace mf
