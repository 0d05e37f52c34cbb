#include "schedule/calendar.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mf {

static constexpr double kWholeTolerance = 1e-9;

WorkdayClock::WorkdayClock(const WorkCalendar& calendar, Date start) : working_(calendar.working) {
    for (bool w : working_) working_per_week_ += w ? 1 : 0;
    for (Date h : calendar.holidays)
        if (working_[static_cast<size_t>(weekday(h))]) holidays_.push_back(h);
    std::sort(holidays_.begin(), holidays_.end());
    holidays_.erase(std::unique(holidays_.begin(), holidays_.end()), holidays_.end());
    origin_ = start;
    if (!ok()) return;
    while (!is_working(origin_)) ++origin_.days;  // ends: at most 7 + holidays steps
}

bool WorkdayClock::is_working(Date d) const {
    return working_[static_cast<size_t>(weekday(d))] && !std::binary_search(holidays_.begin(), holidays_.end(), d);
}

int64_t WorkdayClock::working_days_between(Date a, Date b) const {
    if (b.days <= a.days) return 0;
    const int64_t n = static_cast<int64_t>(b.days) - a.days;
    const int64_t full = n / 7;
    int64_t count = full * working_per_week_;
    for (int64_t k = full * 7; k < n; ++k)
        if (working_[static_cast<size_t>(weekday(Date{static_cast<int32_t>(a.days + k)}))]) ++count;
    const auto lo = std::lower_bound(holidays_.begin(), holidays_.end(), a);
    const auto hi = std::lower_bound(holidays_.begin(), holidays_.end(), b);
    return count - (hi - lo);
}

int64_t WorkdayClock::working_days_before(Date d) const {
    if (d.days >= origin_.days) return working_days_between(origin_, d);
    return -working_days_between(d, origin_);
}

Date WorkdayClock::date_of_day(int64_t index) const {
    if (!ok()) return origin_;
    if (index >= 0) {
        // Jump whole weeks (never past the answer: holidays only push it later), then search.
        Date d{static_cast<int32_t>(origin_.days + (index / working_per_week_) * 7)};
        const int64_t c = working_days_between(origin_, d);
        // The answer is the first day e >= d after which index + 1 working days have passed.
        // Every 7 days hold a working weekday and the holidays remove at most all of theirs,
        // so it lies within 7 · (index − c + 1 + holidays) days: a binary search, not a walk
        // through a calendar full of holidays.
        int64_t lo = d.days;
        int64_t hi = std::min<int64_t>(lo + 7 * (index - c + 1 + static_cast<int64_t>(holidays_.size())),
                                       std::numeric_limits<int32_t>::max() - 1);
        while (lo < hi) {
            const int64_t mid = lo + (hi - lo) / 2;
            if (working_days_between(origin_, Date{static_cast<int32_t>(mid + 1)}) > index)
                hi = mid;
            else
                lo = mid + 1;
        }
        return Date{static_cast<int32_t>(lo)};
    }
    // Before the origin: walk back.
    Date d = origin_;
    int64_t c = 0;
    while (c > index) {
        --d.days;
        if (is_working(d)) --c;
    }
    return d;
}

int64_t WorkdayClock::start_day_index(double offset) {
    return static_cast<int64_t>(std::floor(offset + kWholeTolerance));
}

int64_t WorkdayClock::finish_day_index(double offset) {
    if (offset <= kWholeTolerance) return 0;
    return static_cast<int64_t>(std::ceil(offset - kWholeTolerance)) - 1;
}

Date WorkdayClock::start_date(double offset) const { return date_of_day(start_day_index(offset)); }
Date WorkdayClock::finish_date(double offset) const { return date_of_day(finish_day_index(offset)); }

}  // namespace mf
