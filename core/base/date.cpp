#include "base/date.h"

#include <cstdio>

namespace mf {

// Howard Hinnant's days_from_civil / civil_from_days: exact for every Gregorian date.
Date date_from_ymd(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Date{era * 146097 + static_cast<int>(doe) - 719468};
}

void ymd_from_date(Date date, int& y, unsigned& m, unsigned& d) {
    const int z = date.days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yoe) + era * 400 + (m <= 2);
}

int weekday(Date d) {
    // 1970-01-01 was a Thursday (index 3).
    const int w = (d.days + 3) % 7;
    return w < 0 ? w + 7 : w;
}

std::optional<Date> parse_iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    const int y = std::stoi(s.substr(0, 4));
    const unsigned m = static_cast<unsigned>(std::stoi(s.substr(5, 2)));
    const unsigned d = static_cast<unsigned>(std::stoi(s.substr(8, 2)));
    if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    const Date date = date_from_ymd(y, m, d);
    int y2;
    unsigned m2, d2;
    ymd_from_date(date, y2, m2, d2);
    if (y2 != y || m2 != m || d2 != d) return std::nullopt;  // e.g. 2026-02-30
    return date;
}

std::string format_iso_date(Date date) {
    int y;
    unsigned m, d;
    ymd_from_date(date, y, m, d);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

}  // namespace mf
