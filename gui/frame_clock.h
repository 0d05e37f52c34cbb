// FrameClock: when the browser's next animation frame is due, from the times of the last ones.
//
// Taking in a Web Worker's reply costs the page's thread 2–3 ms for a stack run's 125 000
// samples (copies and running sums), and 5–11 ms with the summary for its last one. A reply
// that arrives just before an animation frame delays that frame by as much: that was most of
// "UI frames during a Monte Carlo slower than without one" with one worker (issue 17). So the
// loop (web/main_web.cpp) takes a reply in at once only when the next frame is not due within
// 4 ms; otherwise just after that frame, which ends long before the one after it. Not a run's
// last reply: the frame it delays is the one that shows the result.
//
// The times are the frames' own (document.timeline.currentTime, the time the browser gives the
// frame), so they fall on the display's refresh; the interval is the median of the last few
// differences, so a missed frame (twice the interval) or a late one does not move it, and a
// 120 Hz display is measured as such.
#pragma once
#include <array>
#include <cstddef>
#include <optional>

namespace mf {

class FrameClock {
public:
    // Before any two frames, and what a difference must lie in to count as an interval.
    static constexpr double kDefaultIntervalMs = 1000.0 / 60.0;
    static constexpr double kMinIntervalMs = 4, kMaxIntervalMs = 50;

    // An animation frame began at `frame_ms` (the same clock as now_ms below).
    void animation_frame(double frame_ms);
    double interval_ms() const;
    // Milliseconds from now_ms until the next animation frame is due (0: overdue, it begins
    // once the page's thread is free); none before the first frame, or when the last was more
    // than two intervals ago (frames are not running).
    std::optional<double> until_next(double now_ms) const;

private:
    static constexpr size_t kKept = 7;
    std::optional<double> last_;
    std::array<double, kKept> differences_{};
    size_t kept_ = 0, next_ = 0;  // how many differences are kept; where the next one goes
};

}  // namespace mf
