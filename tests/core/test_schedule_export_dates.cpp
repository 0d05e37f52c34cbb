// Every schedule export refuses, with the reason, a schedule whose dates run past 9999-12-31
// (issue 18: no five-digit years in a file). docs/schedule.md, "Exports".
#include <doctest/doctest.h>

#include <string>

#include "schedule/export.h"
#include "schedule_support.h"

using namespace mf;
using namespace mf::test;

namespace {

// Start Monday 9999-12-20 on the Monday–Friday calendar (working day t = the t-th weekday):
//   a: 5 days, ES 0 (Mon 12-20) … EF 5, finishing Fri 9999-12-24
//   b: FS a, 5 days, ES 5 (Mon 12-27) … EF 10, finishing Fri 9999-12-31 (the last writable day)
//   c: FS b, 1 day, ES 10 = the next weekday: Sat 10000-01-01 and Sun 01-02 are skipped, so
//      Mon 10000-01-03, finishing the same day (EF 11)
// b_days = 4 instead: b finishes Thu 9999-12-30 and c runs Fri 9999-12-31.
ScheduleExportInput near_the_end(double b_days, bool with_c) {
    ScheduleExportInput in;
    in.title = "Late";
    in.problem.start = date_from_ymd(9999, 12, 20);
    in.problem.section.tasks = {fixed_task("a", 5), fixed_task("b", b_days, {{"a"}})};
    if (with_c) in.problem.section.tasks.push_back(fixed_task("c", 1, {{"b"}}));
    in.cpm = run_cpm({in.problem});
    REQUIRE(in.cpm.ok());
    return in;
}

}  // namespace

TEST_CASE("exports: a schedule past 9999-12-31 is refused by every format, naming the task and the date") {
    const ScheduleExportInput in = near_the_end(5, true);
    REQUIRE(format_iso_date(cpm_row(in.cpm, "b").ef_date) == "9999-12-31");
    REQUIRE(format_iso_date(cpm_row(in.cpm, "c").es_date) == "10000-01-03");

    // MSPDI and CSV write the CPM dates: task c (index 2), its early start first.
    for (ScheduleExportFormat f : {ScheduleExportFormat::Mspdi, ScheduleExportFormat::Csv}) {
        const Issues issues = export_issues(in, f);
        REQUIRE(issues.size() == 1);
        CHECK(issues[0].where == "/schedule/tasks/2");
        CHECK(issues[0].severity == Severity::Error);
        const std::string name = f == ScheduleExportFormat::Mspdi ? "MS Project XML" : "CSV";
        CHECK(issues[0].message ==
              "cannot export to " + name +
                  ": the early start 10000-01-03 is past 9999-12-31, and the file's dates run from 0001-01-01 "
                  "to 9999-12-31");
    }
    CHECK(export_mspdi(in).empty());
    CHECK(export_csv(in).empty());

    // Mermaid's end dates are exclusive: b's bar would end 10000-01-01, so b is refused too.
    const Issues m = export_issues(in, ScheduleExportFormat::Mermaid);
    REQUIRE(m.size() == 2);
    CHECK(m[0].where == "/schedule/tasks/1");
    CHECK(m[0].message ==
          "cannot export to Mermaid: the early finish 9999-12-31 needs a bar ending 10000-01-01 (Mermaid end "
          "dates are exclusive), and the file's dates run from 0001-01-01 to 9999-12-31");
    CHECK(m[1].where == "/schedule/tasks/2");
    CHECK(m[1].message ==
          "cannot export to Mermaid: the early start 10000-01-03 is past 9999-12-31, and the file's dates run "
          "from 0001-01-01 to 9999-12-31");
    CHECK(export_mermaid(in).empty());
    // A bar starting in 9999 and finishing in 10000 names its early finish as it is.
    ScheduleExportInput across = near_the_end(5, false);
    across.problem.section.tasks[1].most_likely = across.problem.section.tasks[1].pessimistic = 6;
    across.cpm = run_cpm({across.problem});  // b: ES 5 = Mon 9999-12-27, EF 11: finishes Mon 10000-01-03
    const Issues ma = export_issues(across, ScheduleExportFormat::Mermaid);
    REQUIRE(ma.size() == 1);
    CHECK(ma[0].message ==
          "cannot export to Mermaid: the early finish 10000-01-03 is past 9999-12-31, and the file's dates run "
          "from 0001-01-01 to 9999-12-31");

    // No milestone, gate or deadline: iCalendar writes no event, so nothing to refuse.
    CHECK(export_issues(in, ScheduleExportFormat::Ics).empty());
}

TEST_CASE("exports: the last writable day is written with a four-digit year") {
    // Without c, b finishes Fri 9999-12-31: MSPDI and CSV write it; Mermaid's bar would end 10000-01-01.
    const ScheduleExportInput two = near_the_end(5, false);
    CHECK(export_issues(two, ScheduleExportFormat::Mspdi).empty());
    CHECK(export_issues(two, ScheduleExportFormat::Csv).empty());
    CHECK(export_mspdi(two).find("<Finish>9999-12-31T17:00:00</Finish>") != std::string::npos);
    CHECK(export_csv(two).find(",9999-12-27,9999-12-31,9999-12-27,9999-12-31,") != std::string::npos);
    CHECK(export_issues(two, ScheduleExportFormat::Mermaid).size() == 1);

    // b of 4 days finishes Thu 9999-12-30 and c runs Fri 9999-12-31: MSPDI and CSV write it;
    // c's Mermaid bar would end (exclusively) on 10000-01-01: refused.
    const ScheduleExportInput three = near_the_end(4, true);
    CHECK(format_iso_date(cpm_row(three.cpm, "c").ef_date) == "9999-12-31");
    CHECK(export_issues(three, ScheduleExportFormat::Mspdi).empty());
    CHECK(export_issues(three, ScheduleExportFormat::Csv).empty());
    const Issues m = export_issues(three, ScheduleExportFormat::Mermaid);
    REQUIRE(m.size() == 1);
    CHECK(m[0].where == "/schedule/tasks/2");

    // Without c and with b of 4 days the last bar ends (exclusively) on 9999-12-31: Mermaid writes it.
    const ScheduleExportInput short_b = near_the_end(4, false);
    CHECK(export_issues(short_b, ScheduleExportFormat::Mermaid).empty());
    CHECK(export_mermaid(short_b).find("b, 9999-12-27, 9999-12-31\n") != std::string::npos);
}
