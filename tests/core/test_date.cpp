#include <doctest/doctest.h>

#include "base/date.h"

using namespace mf;

TEST_CASE("civil dates round-trip and count days exactly") {
    CHECK(date_from_ymd(1970, 1, 1).days == 0);
    CHECK(date_from_ymd(2000, 3, 1).days == 11017);    // 30 years, 7 leap days + Jan/Feb 2000 (60 days)
    CHECK(date_from_ymd(2026, 11, 25).days == 20782);  // 56*365 + 14 leap days + 328 days into 2026
    CHECK(weekday(date_from_ymd(2026, 11, 25)) == 2);  // a Wednesday
    CHECK(weekday(date_from_ymd(1970, 1, 1)) == 3);    // a Thursday
    CHECK(weekday(date_from_ymd(1969, 12, 29)) == 0);  // a Monday, before the epoch
    CHECK(format_iso_date(date_from_ymd(2028, 2, 29)) == "2028-02-29");
    CHECK(date_from_ymd(2027, 1, 1).days - date_from_ymd(2026, 1, 1).days == 365);
    CHECK(date_from_ymd(2029, 1, 1).days - date_from_ymd(2028, 1, 1).days == 366);
}

TEST_CASE("ISO dates: only real days parse") {
    CHECK(parse_iso_date("2026-12-01")->days == date_from_ymd(2026, 12, 1).days);
    CHECK_FALSE(parse_iso_date("2026-02-29"));  // 2026 is not a leap year
    CHECK(parse_iso_date("2028-02-29"));
    CHECK_FALSE(parse_iso_date("2026-13-01"));
    CHECK_FALSE(parse_iso_date("2026-1-01"));
    CHECK_FALSE(parse_iso_date("26-01-01"));
    CHECK_FALSE(parse_iso_date("2026-01-0x"));
    CHECK_FALSE(parse_iso_date(""));
}
