// File › Report…: the report's Monte Carlo runs in slices across frames (the UI keeps
// drawing), then the page downloads — the same bytes as `mfplan report PLAN --date <today>`.
#include "harness.h"
#include "report/report.h"

using namespace mf;
using namespace mf::test;

TEST_CASE("File › Report… runs in slices and downloads the page mfplan report writes") {
    Harness h;
    h.app.open_example(example(kGearbox));
    h.frames(2);
    auto& st = platform::native_state();
    st.fake_wall_clock = 20793.5 * 86400;  // 2026-12-06 12:00 UTC: days since 1970-01-01 × 86 400 s
    st.fake_tick = 0.003;                  // each clock read advances 3 ms: a slice is a few steps
    const size_t before = st.downloads.size();
    Input in{h};
    in.click("menu.file");
    in.click("menu.file.report");
    CHECK(h.app.report_export.running());
    CHECK(st.downloads.size() == before);
    int frames = 0;
    while (h.app.report_export.running() && frames < 20000) {
        h.frames(1);
        ++frames;
    }
    CHECK(frames > 10);  // sliced: no single frame ran the whole report
    REQUIRE(st.downloads.size() == before + 1);
    CHECK(st.downloads.back().name == "micro-gearbox-report.html");
    CHECK(st.downloads.back().bytes == write_report(h.app.doc.plan, ReportOptions{"2026-12-06"}));
    CHECK(h.app.status == "Report written: micro-gearbox-report.html (downloaded)");
    h.frames(5);
    CHECK(st.downloads.size() == before + 1);  // once
}

TEST_CASE("File › Report… can be cancelled: nothing downloads") {
    Harness h;
    h.app.open_example(example(kGearbox));
    h.frames(2);
    auto& st = platform::native_state();
    st.fake_tick = 0.003;
    const size_t before = st.downloads.size();
    h.app.request_report();
    h.frames(2);
    REQUIRE(h.app.report_export.running());
    h.app.report_export.cancel();
    h.frames(3);
    CHECK_FALSE(h.app.report_export.running());
    CHECK(st.downloads.size() == before);
    CHECK(ReportExport::file_name_for("plan.json") == "plan-report.html");
    CHECK(ReportExport::file_name_for("untitled.mfplan.json") == "untitled-report.html");
    CHECK(ReportExport::file_name_for("") == "plan-report.html");
}
