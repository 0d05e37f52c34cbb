// MSPDI calendars (issue 16): holidays written both as DayType 0 WeekDays (Project 2003 and the
// other readers) and as the Exceptions element of Project 2007+, in the schema's element order
// (UID, Name, IsBaseCalendar, BaseCalendarUID, WeekDays, Exceptions). docs/schedule.md, "Exports".
#include <doctest/doctest.h>

#include <string>

#include "schedule/export.h"
#include "schedule_support.h"

using namespace mf;
using namespace mf::test;

namespace {

std::string calendar_block(const std::string& x, int uid) {
    const std::string head = "    <Calendar>\n      <UID>" + std::to_string(uid) + "</UID>\n";
    const size_t a = x.find(head);
    if (a == std::string::npos) return "";
    const size_t b = x.find("    </Calendar>\n", a);
    return x.substr(a, b + 16 - a);
}

std::string week(const char* sun_sat_working) {  // '1' working, '0' not, Sunday first
    std::string s = "      <WeekDays>\n";
    for (int k = 0; k < 7; ++k) {
        const bool w = sun_sat_working[k] == '1';
        s += "        <WeekDay>\n          <DayType>" + std::to_string(k + 1) + "</DayType>\n          <DayWorking>" +
            (w ? "1" : "0") + "</DayWorking>\n";
        if (w)
            s += "          <WorkingTimes>\n"
                 "            <WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>\n"
                 "            <WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime>\n"
                 "          </WorkingTimes>\n";
        s += "        </WeekDay>\n";
    }
    return s;
}

}  // namespace

TEST_CASE("MSPDI calendars: each holiday as a DayType 0 WeekDay and as a Project 2007 Exception") {
    ScheduleExportInput in;
    in.title = "Holidays";
    in.problem.start = date_from_ymd(2027, 1, 4);
    // Listed out of order and twice: written sorted, once.
    in.problem.section.calendar.holidays = {date_from_ymd(2027, 1, 13), date_from_ymd(2027, 1, 6),
                                            date_from_ymd(2027, 1, 13)};
    in.problem.section.tasks = {fixed_task("a", 5)};
    in.cpm = run_cpm({in.problem});
    REQUIRE(in.cpm.ok());
    const std::string x = export_mspdi(in);
    std::string expected =
        "    <Calendar>\n      <UID>1</UID>\n      <Name>Standard</Name>\n"
        "      <IsBaseCalendar>1</IsBaseCalendar>\n      <BaseCalendarUID>-1</BaseCalendarUID>\n" +
        week("0111110");
    for (const char* d : {"2027-01-06", "2027-01-13"})
        expected += std::string(
                        "        <WeekDay>\n          <DayType>0</DayType>\n          <DayWorking>0</DayWorking>\n"
                        "          <TimePeriod><FromDate>") +
            d + "T00:00:00</FromDate><ToDate>" + d + "T23:59:00</ToDate></TimePeriod>\n        </WeekDay>\n";
    expected += "      </WeekDays>\n      <Exceptions>\n";
    for (const char* d : {"2027-01-06", "2027-01-13"})
        expected += std::string(
                        "        <Exception>\n          <EnteredByOccurrences>0</EnteredByOccurrences>\n"
                        "          <TimePeriod><FromDate>") +
            d + "T00:00:00</FromDate><ToDate>" + d +
            "T23:59:00</ToDate></TimePeriod>\n          <Occurrences>1</Occurrences>\n          <Name>Holiday " + d +
            "</Name>\n          <Type>1</Type>\n          <DayWorking>0</DayWorking>\n        </Exception>\n";
    expected += "      </Exceptions>\n    </Calendar>\n";
    CHECK(calendar_block(x, 1) == expected);

    // A calendar without holidays has no Exceptions element (the schema wants at least one Exception).
    in.problem.section.calendar.holidays.clear();
    in.problem.section.calendars = {{"shop", "Shop", WorkCalendar{{true, true, true, true, true, true, false}, {}}}};
    in.cpm = run_cpm({in.problem});
    const std::string y = export_mspdi(in);
    CHECK(y.find("<Exceptions>") == std::string::npos);
    CHECK(calendar_block(y, 2) ==
          "    <Calendar>\n      <UID>2</UID>\n      <Name>Shop</Name>\n      <IsBaseCalendar>1</IsBaseCalendar>\n"
          "      <BaseCalendarUID>-1</BaseCalendarUID>\n" +
              week("0111111") + "      </WeekDays>\n    </Calendar>\n");
}
