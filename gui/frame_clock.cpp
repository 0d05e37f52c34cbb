// FrameClock (gui/frame_clock.h).
#include "frame_clock.h"

#include <algorithm>
#include <vector>

namespace mf {

void FrameClock::animation_frame(double frame_ms) {
    if (last_ && frame_ms > *last_) {
        const double d = frame_ms - *last_;
        if (d >= kMinIntervalMs && d <= kMaxIntervalMs) {
            differences_[next_] = d;
            next_ = (next_ + 1) % kKept;
            kept_ = std::min(kept_ + 1, kKept);
        }
    }
    last_ = frame_ms;
}

double FrameClock::interval_ms() const {
    if (kept_ == 0) return kDefaultIntervalMs;
    std::vector<double> d(differences_.begin(), differences_.begin() + static_cast<std::ptrdiff_t>(kept_));
    std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(kept_ / 2), d.end());
    return d[kept_ / 2];
}

std::optional<double> FrameClock::until_next(double now_ms) const {
    if (!last_) return std::nullopt;
    const double interval = interval_ms(), since = now_ms - *last_;
    if (since < 0) return interval;  // a clock read before the frame's own time
    if (since > 2 * interval) return std::nullopt;
    // Past its time, a frame the loop asked for has not begun yet (the page's thread is busy,
    // with this very task perhaps): it begins as soon as that ends.
    return since < interval ? interval - since : 0.0;
}

}  // namespace mf
