// Waking the idle main loop (web/main_web.cpp) from browser callbacks.
#pragma once

namespace mf::web {
void wake();             // something arrived (a file): draw frames again, as after input
void wake_with_paste();  // pasted text arrived: draw frames and replay Ctrl+V into ImGui
// A result arrived: draw one frame at the next animation frame (not the half second of
// frames that follows input).
void request_frame();
// One frame at `when` (seconds, now_seconds() clock) or at an earlier time already asked for.
void request_frame_at(double when);
// Progress arrived: one frame, no sooner than `min_interval` seconds after the last frame.
void request_frame_throttled(double min_interval);
// A Web Worker's reply arrived (platform_web.cpp): the waiting runs take it in now, between
// frames (gui/parallel_blocks_run.h); `result_ready` (nothing of its run is left outstanding,
// or it failed): one frame at once, else one no sooner than the progress bar's interval.
void worker_reply_arrived(bool result_ready);
// The other way, from the loop to platform_web.cpp: while held, the runs find no reply
// (poll_worker_reply), not even from inside a frame; the loop holds them while they wait to be
// taken in after the next animation frame (gui/frame_clock.h).
void hold_worker_replies(bool held);
}  // namespace mf::web
