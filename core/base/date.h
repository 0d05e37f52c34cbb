// Calendar dates as whole days, no time zone: a plan's dates are civil dates
// (the day a task starts), so arithmetic must never cross a DST or UTC offset.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace mf {

struct Date {
    int32_t days = 0;  // days since 1970-01-01 (proleptic Gregorian)

    friend bool operator==(Date a, Date b) { return a.days == b.days; }
    friend bool operator!=(Date a, Date b) { return a.days != b.days; }
    friend bool operator<(Date a, Date b) { return a.days < b.days; }
    friend bool operator<=(Date a, Date b) { return a.days <= b.days; }
};

Date date_from_ymd(int year, unsigned month, unsigned day);
void ymd_from_date(Date d, int& year, unsigned& month, unsigned& day);
// 0 = Monday … 6 = Sunday (ISO 8601 numbering minus one).
int weekday(Date d);
// Strict "YYYY-MM-DD"; rejects 2026-02-30 and anything else that is not a real day.
std::optional<Date> parse_iso_date(const std::string& text);
std::string format_iso_date(Date d);

}  // namespace mf
