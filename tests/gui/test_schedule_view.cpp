// The Timeline view ("Timeline" tab) drawn headless: the launch-timeline example against the
// CLI's figures, typing a duration into the table, drafts for out-of-order durations, task and
// link edits keeping the plan valid, the template dialog, the Monte Carlo in slices with
// cancel, the exports, the Gantt's zoom, and broken plans.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "busy.h"
#include "harness.h"
#include "schedule/schedule_edit.h"
#include "schedule/schedule_tables.h"
#include "plan/plan_file.h"
#include "test_hooks.h"

using namespace mf;
using namespace mf::test;

namespace {

const char* kLaunch = "launch-timeline.mfplan.json";

const Task& task(const Plan& p, const std::string& id) {
    for (const auto& t : p.schedule.tasks)
        if (t.id == id) return t;
    FAIL("no task " << id);
    return p.schedule.tasks.front();
}

void open_timeline(Harness& h, const char* example_name, int page = ScheduleView::PageTasks) {
    h.frames(2);
    REQUIRE(h.app.open_example(example(example_name)));
    h.app.show_tab(mf::Tab::Timeline);
    h.app.schedule.page_request = page;
    h.frames(3);
}

void set_most_likely(Plan& p, const std::string& task_id, double days) {
    for (auto& t : p.schedule.tasks)
        if (t.id == task_id) t.most_likely = days;
}

void finish_mc(Harness& h) {
    for (int i = 0; i < 400 && (test_values().count("schedule.mc.done") == 0 || value("schedule.mc.done") != 1); ++i)
        h.frames(1);
    REQUIRE(value("schedule.mc.done") == 1);
}

}  // namespace

TEST_CASE("timeline view: the launch example shows the CLI's critical path, dates and Monte Carlo") {
    Harness h;
    open_timeline(h, kLaunch);
    finish_mc(h);
    CHECK(value("schedule.tasks") == 9);
    CHECK(value("schedule.errors") == 0);
    // mfplan schedule assets/examples/launch-timeline.mfplan.json (docs/schedule.md conventions).
    CHECK(value("schedule.finish_offset") == 111);
    CHECK(text("schedule.finish_date") == "2027-06-11");
    CHECK(value("schedule.deadline_slack") == 10);
    CHECK(text("schedule.critical_path") ==
          "t-dfmf t-first-article t-pilot t-scale-first-article t-scale-ramp m-production");
    CHECK(value("schedule.task.t-fixture.total_float") == 3);
    CHECK(value("schedule.task.t-ramp.total_float") == 40);
    // Monte Carlo, 10 000 iterations, seed 1, as the CLI prints it (normals of the PERT draws
    // from the ziggurat since 2026-12-06; before: P = 0.561, buffer 23.0; a stream per block of
    // 256 iterations since 2026-12-06 too: before, buffer 23.61).
    CHECK(value("schedule.mc.iterations") == 10000);
    CHECK(value("schedule.mc.p_deadline") == doctest::Approx(0.563).epsilon(0.002));
    CHECK(text("schedule.mc.p50_date") == "2027-06-24");
    CHECK(text("schedule.mc.p80_date") == "2027-07-15");
    CHECK(value("schedule.mc.buffer") == doctest::Approx(23.45).epsilon(0.002));
    CHECK(value("schedule.pert.p_deadline") > 0.99);  // PERT misses merge bias and gate failures
    CHECK_FALSE(h.app.wants_frames());                // idle once the run is done

    // Every page draws, in both themes, without a frame request while idle.
    for (int page : {ScheduleView::PageGantt, ScheduleView::PageRisk, ScheduleView::PageTasks}) {
        h.app.schedule.page_request = page;
        h.frames(30);
        CHECK_FALSE(h.app.wants_frames());
    }
    // The selected gate's details and the calendar draw too.
    Input in{h};
    in.click("schedule.row.t-pilot");
    CHECK(h.app.schedule.selected == "t-pilot");
    in.click("schedule.calendar");
    h.frames(10);
    CHECK_FALSE(h.app.wants_frames());
    apply_theme(Theme::Dark);
    for (int page : {ScheduleView::PageGantt, ScheduleView::PageRisk}) {
        h.app.schedule.page_request = page;
        h.frames(10);
    }
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 2000);
}

TEST_CASE("timeline view: typing a duration moves the finish date and the deadline probability; one undo step") {
    Harness h;
    open_timeline(h, kLaunch);
    finish_mc(h);
    const double p_before = value("schedule.mc.p_deadline");
    const size_t undo_before = h.app.doc.undo_stack.size();
    Input in{h};
    in.replace("schedule.task.t-scale-ramp.most_likely", "40");
    CHECK(task(h.app.doc.plan, "t-scale-ramp").most_likely == 40);
    CHECK(value("schedule.finish_offset") == 121);        // a critical task: +10 working days
    CHECK(text("schedule.finish_date") == "2027-06-25");  // 10 working days after 2027-06-11, no holiday between
    CHECK(value("schedule.deadline_slack") == 0);
    finish_mc(h);
    CHECK(value("schedule.mc.p_deadline") < p_before - 0.1);
    CHECK(h.app.doc.undo_stack.size() == undo_before + 1);  // "4", "40": one step
    h.app.doc.undo();
    h.frames(2);
    CHECK(value("schedule.finish_offset") == 111);

    // A task's name is not sampled: renaming it keeps the finished Monte Carlo. (A clock that
    // ticks 1 ms per reading: a rerun would take several frames, and still run after one.)
    finish_mc(h);
    platform::native_state().fake_tick = 0.001;
    Edits e;
    e.push("Rename task", [](Plan& p) {
        for (Task& t : p.schedule.tasks)
            if (t.id == "t-scale-ramp") t.name = "Ramp to volume, renamed";
    });
    h.app.doc.apply(e, 0);
    h.frames(1);
    CHECK_FALSE(h.app.schedule.mc_running());
    CHECK(h.app.schedule.mc_result() != nullptr);
}

TEST_CASE("timeline view: an out-of-order duration waits as a draft, then widens the estimate when left") {
    Harness h;
    open_timeline(h, kLaunch);
    Input in{h};
    // Optimistic 25 > most likely 15 (t-fixture is 10 / 15 / 25): not applied while typing.
    in.replace("schedule.task.t-fixture.optimistic", "18", /*enter=*/false);
    CHECK(task(h.app.doc.plan, "t-fixture").optimistic == 10);
    CHECK(check_plan(h.app.doc.plan).empty());
    in.chord(ImGuiKey_Enter);  // leaving the field: most likely is raised to 18
    const Task& t = task(h.app.doc.plan, "t-fixture");
    CHECK(t.optimistic == 18);
    CHECK(t.most_likely == 18);
    CHECK(t.pessimistic == 25);
    // The saved plan loads again (the reader insists on O <= M <= P).
    CHECK(load_plan(save_plan(h.app.doc.plan)).plan.has_value());
    // Escape abandons a draft: nothing changes, no undo step.
    const size_t steps = h.app.doc.undo_stack.size();
    in.replace("schedule.task.t-ramp.most_likely", "99", /*enter=*/false);
    in.chord(ImGuiKey_Escape);
    CHECK(task(h.app.doc.plan, "t-ramp").most_likely == 30);
    CHECK(task(h.app.doc.plan, "t-ramp").pessimistic == 40);
    CHECK(h.app.doc.undo_stack.size() == steps);
    // A lower pessimistic lowers the others.
    in.replace("schedule.task.t-fixture.pessimistic", "12");
    CHECK(task(h.app.doc.plan, "t-fixture").optimistic == 12);
    CHECK(task(h.app.doc.plan, "t-fixture").most_likely == 12);
    CHECK(task(h.app.doc.plan, "t-fixture").pessimistic == 12);
}

TEST_CASE("timeline view: raising most likely above pessimistic says that pessimistic moved") {
    Harness h;
    open_timeline(h, kLaunch);
    Input in{h};
    test_texts().clear();
    // t-fixture is 10 / 15 / 25: most likely 30 passes pessimistic, which is raised to 30.
    in.replace("schedule.task.t-fixture.most_likely", "30");
    h.frames(2);
    const Task& t = task(h.app.doc.plan, "t-fixture");
    CHECK(t.most_likely == 30);
    CHECK(t.pessimistic == 30);
    const std::string note = text("schedule.points_note");
    CHECK(note.find("pessimistic raised from 25 to 30") != std::string::npos);
    CHECK(note.find("most likely duration of") != std::string::npos);
    CHECK(h.app.doc.undo_stack.back().label.find("(pessimistic raised from 25 to 30)") != std::string::npos);
    // Undo brings 25 back and the note goes; redo shows both again.
    h.app.doc.undo();
    test_texts().clear();
    h.frames(3);
    CHECK(task(h.app.doc.plan, "t-fixture").pessimistic == 25);
    CHECK(test_texts().count("schedule.points_note") == 0);
    h.app.doc.redo();
    h.frames(3);
    CHECK(text("schedule.points_note") == note);
    // A value in order moves nothing and says nothing new.
    test_texts().clear();
    in.replace("schedule.task.t-fixture.optimistic", "12");
    h.frames(2);
    CHECK(task(h.app.doc.plan, "t-fixture").optimistic == 12);
    CHECK(test_texts().count("schedule.points_note") == 0);
}

TEST_CASE("timeline view: add, duplicate, move, delete and links keep the plan valid") {
    Harness h;
    open_timeline(h, kLaunch);
    Input in{h};
    h.app.schedule.selected = "t-pilot";
    h.frames(2);
    in.click("schedule.add_task");
    h.frames(2);
    const auto& tasks = h.app.doc.plan.schedule.tasks;
    REQUIRE(tasks.size() == 10);
    CHECK(tasks[3].name == "New task");
    CHECK(tasks[3].predecessors.size() == 1);
    CHECK(tasks[3].predecessors[0].task_id == "t-pilot");
    CHECK(h.app.schedule.selected == tasks[3].id);
    const std::string added = tasks[3].id;

    // Link types and lag through edits the details panel pushes.
    in.replace("schedule.link." + added + ".0.lag", "-2");
    CHECK(task(h.app.doc.plan, added).predecessors[0].lag == -2);
    CHECK(value("schedule.errors") == 0);
    in.click("schedule.link." + added + ".0.type");
    in.click("schedule.link." + added + ".0.type.SF");
    h.frames(2);
    CHECK(task(h.app.doc.plan, added).predecessors[0].type == LinkType::StartToFinish);
    CHECK(value("schedule.errors") == 0);

    // Deleting a task that others depend on removes the references too.
    h.app.schedule.selected = "t-pilot";
    h.frames(2);
    in.click("schedule.delete_task");
    h.frames(2);
    CHECK(tasks.size() == 9);
    CHECK(check_plan(h.app.doc.plan).empty());
    CHECK(task(h.app.doc.plan, "t-ramp").predecessors.empty());
    CHECK(value("schedule.errors") == 0);
    h.app.doc.undo();
    h.frames(2);
    CHECK(tasks.size() == 10);

    // A cycle is reported with its tasks, and nothing crashes while the pages draw.
    Edits e;
    e.push("cycle", [](Plan& p) {
        for (auto& t : p.schedule.tasks)
            if (t.id == "t-dfmf") t.predecessors.push_back({"t-ramp"});
    });
    h.app.doc.apply(e, 0);
    for (int page : {0, 1, 2}) {
        h.app.schedule.page_request = page;
        h.frames(3);
    }
    CHECK(value("schedule.errors") >= 1);
    CHECK(test_values().count("schedule.finish_offset") == 0);
    CHECK_FALSE(drawing_requested());  // nothing computes (the autosave may still ask for frames)

    // No start date: a message, no crash.
    e.push("no start", [](Plan& p) { p.meta.start_date.reset(); });
    h.app.doc.apply(e, 0);
    h.frames(3);
    CHECK(value("schedule.errors") == 1);
}

TEST_CASE("timeline view: New from template builds the article's path with its options on an empty plan") {
    Harness h;
    h.frames(2);
    h.app.new_plan();
    h.app.show_tab(mf::Tab::Timeline);
    h.frames(3);
    Input in{h};
    in.click("schedule.template.empty");
    h.frames(2);
    in.click("schedule.template.first_fails");
    in.click("schedule.template.second");
    in.click("schedule.template.build");
    h.frames(3);
    const Plan& p = h.app.doc.plan;
    REQUIRE(p.schedule.tasks.size() == 8);  // boutique path + second partner's first article and ramp
    CHECK(p.meta.start_date.has_value());
    CHECK(p.decision.partners.size() == 2);  // a boutique and a CM were created
    CHECK(task(p, "t-first-article").gate.assume_first_fails);
    CHECK(task(p, "t-scale-ramp").partner_id == p.decision.partners[1].id);
    CHECK(check_plan(p).empty());
    CHECK(value("schedule.errors") == 0);
    // The plan finish: 4 + (10 + 7) + 20 + 40 + 30 = 111 working days, as in the example.
    CHECK(value("schedule.finish_offset") == 111);
    finish_mc(h);
}

TEST_CASE("timeline view: the Monte Carlo runs in slices, can be cancelled and run again") {
    Harness h;
    // A clock that moves 5 ms per reading: a frame's ~12 ms slice runs 3 steps of 200
    // iterations, so 10 000 take many frames.
    platform::native_state().fake_tick = 0.005;
    open_timeline(h, kLaunch, ScheduleView::PageRisk);
    CHECK(value("schedule.mc.running") == 1);
    CHECK(h.app.wants_frames());
    const double p1 = value("schedule.mc.progress");
    h.frames(2);
    CHECK(value("schedule.mc.progress") > p1);
    CHECK(value("schedule.mc.progress") < 1);
    Input in{h};
    in.click("schedule.mc.cancel");
    CHECK(value("schedule.mc.running") == 0);
    CHECK(h.app.schedule.mc_partial());
    CHECK(value("schedule.mc.done") == 0);
    h.frames(3);
    CHECK_FALSE(h.app.wants_frames());  // idle after a cancel
    in.click("schedule.mc.run");
    finish_mc(h);
    CHECK(value("schedule.mc.iterations") == 10000);
    CHECK(value("schedule.mc.p_deadline") == doctest::Approx(0.563).epsilon(0.002));  // same as unsliced
    // Any edit of the plan reruns it.
    Edits e;
    e.push("longer ramp", [](Plan& p) { set_most_likely(p, "t-scale-ramp", 35); });
    h.app.doc.apply(e, 0);
    h.frames(1);
    CHECK(value("schedule.mc.done") == 0);
    finish_mc(h);
    // An edit that leaves its inputs equal (the plan's name) does not: they are compared by value.
    e.push("rename", [](Plan& p) { p.meta.name = "Renamed"; });
    h.app.doc.apply(e, 0);
    h.frames(1);
    CHECK(value("schedule.mc.running") == 0);
    CHECK(value("schedule.mc.done") == 1);
    CHECK(value("schedule.mc.state") == h.app.doc.state_id);
}

TEST_CASE(
    "timeline view: a change's rerun draws the result before, greyed only after half a second; another plan's never") {
    Harness h;
    platform::native_state().workers = 1;
    open_timeline(h, kLaunch, ScheduleView::PageRisk);
    finish_mc(h);
    const double p80 = value("schedule.mc.p80");
    platform::native_state().fake_time = 100;  // a clock that moves only when told
    platform::native_state().hold_worker_results = true;
    Edits e;
    e.push("longer ramp", [](Plan& p) { set_most_likely(p, "t-scale-ramp", 35); });
    h.app.doc.apply(e, 0);
    h.frames(1);
    REQUIRE(value("schedule.mc.running") == 1);
    CHECK(value("schedule.mc.done") == 0);
    CHECK(value("schedule.mc.earlier") == 1);
    CHECK(value("schedule.mc.greyed") == 0);  // a quick rerun changes the figures in place
    CHECK(value("schedule.mc.p80") == p80);
    // Copy takes none of them: the table is the edited plan's without a Monte Carlo.
    h.app.schedule.page_request = ScheduleView::PageTasks;
    h.frames(2);
    Input in{h};
    in.click("table.schedule.cpm.copy");
    CHECK(platform::native_state().clipboard ==
          table_tsv(cpm_table(h.app.doc.plan, h.app.schedule.analysis(), nullptr)));
    h.app.schedule.page_request = ScheduleView::PageRisk;
    platform::native_state().fake_time = 100.5;  // the progress bar starts to move: they grey out
    h.frames(1);
    CHECK(value("schedule.mc.earlier") == 1);
    CHECK(value("schedule.mc.greyed") == 1);
    platform::native_state().hold_worker_results = false;  // the replies arrive
    finish_mc(h);
    CHECK(value("schedule.mc.p80") > p80);  // a longer ramp
    CHECK(value("schedule.mc.earlier") == 0);

    // Another plan: nothing of this one's result is drawn while its own runs.
    platform::native_state().hold_worker_results = true;
    Plan other = h.app.doc.plan;  // as opening a file does
    set_most_likely(other, "t-scale-ramp", 40);
    h.app.doc.replace(std::move(other), "Open other.mfplan.json", "other.mfplan.json", true);
    h.frames(1);
    REQUIRE(value("schedule.mc.running") == 1);
    CHECK(value("schedule.mc.earlier") == 0);
    CHECK(test_values().count("schedule.mc.p80") == 0);
    platform::native_state().hold_worker_results = false;
    platform::native_state().fake_time = -1;
}

TEST_CASE("timeline view: the export buttons download MS Project XML, iCalendar, CSV and Mermaid") {
    Harness h;
    open_timeline(h, kLaunch);
    Input in{h};
    for (const char* a :
         {"schedule.export.mspdi", "schedule.export.ics", "schedule.export.csv", "schedule.export.mermaid"})
        in.click(a);
    const auto& d = platform::native_state().downloads;
    REQUIRE(d.size() == 4);
    CHECK(d[0].name == "micro-gearbox-launch-timeline-boutique-timeline.xml");
    CHECK(d[0].bytes.find("<FinishDate>2027-06-11T17:00:00</FinishDate>") != std::string::npos);
    CHECK(d[1].name.size() > 4);
    CHECK(d[1].bytes.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
    CHECK(d[1].bytes.find("DTSTAMP:20000101T000000Z") == std::string::npos);  // the real time of export
    CHECK(d[2].bytes.rfind("\xEF\xBB\xBFid,name,kind,partner", 0) == 0);
    CHECK(d[3].bytes.rfind("gantt", 0) == 0);
}

TEST_CASE("timeline view: an export past 9999-12-31 shows the reason and downloads nothing") {
    Harness h;
    open_timeline(h, kLaunch);
    // The launch plan runs 111 working days: started on 9999-10-01 it finishes in year 10000.
    Edits e;
    e.push("late start", [](Plan& p) {
        p.meta.start_date = date_from_ymd(9999, 10, 1);
        p.meta.deadline.reset();  // (a deadline before the start is refused)
        for (auto& t : p.schedule.tasks) t.target.reset();
    });
    CHECK(h.app.doc.apply(e, 0).empty());
    h.frames(3);
    Input in{h};
    const size_t before = platform::native_state().downloads.size();
    for (const char* a : {"schedule.export.mspdi", "schedule.export.csv", "schedule.export.mermaid"}) {
        in.click(a);
        h.frames(1);
        CAPTURE(a);
        CHECK(text("schedule.export.refused").find(": cannot export to ") != std::string::npos);
        CHECK(text("schedule.export.refused").find("is past 9999-12-31") != std::string::npos);
    }
    CHECK(platform::native_state().downloads.size() == before);
}

TEST_CASE("timeline view: the Gantt zooms with the buttons and Ctrl+wheel, pans with Shift+wheel") {
    Harness h;
    open_timeline(h, kLaunch, ScheduleView::PageGantt);
    finish_mc(h);
    const double fit = value("schedule.gantt.day_px");
    CHECK(fit > 0.5);
    Input in{h};
    in.click("schedule.gantt.zoom_in");
    CHECK(value("schedule.gantt.day_px") == doctest::Approx(fit * 1.5).epsilon(0.01));
    in.move("schedule.gantt");
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddMouseWheelEvent(0, 1);
    h.frames(2);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    h.frames(1);
    CHECK(value("schedule.gantt.day_px") == doctest::Approx(fit * 1.5 * 1.2).epsilon(0.01));
    io.AddKeyEvent(ImGuiMod_Shift, true);
    io.AddMouseWheelEvent(0, -2);
    h.frames(2);
    io.AddKeyEvent(ImGuiMod_Shift, false);
    h.frames(1);
    // Clicking a row selects its task.
    const AnchorRect r = test_anchors().at("schedule.gantt");
    const float row_y = r.y0 + em(2.6f) + 2 * (em(1) + 2) + 2 + em(1.6f) * 2.5f;  // third row, below the header
    io.AddMousePosEvent(r.x0 + em(5), row_y);
    h.frames(1);
    io.AddMouseButtonEvent(0, true);
    h.frames(1);
    io.AddMouseButtonEvent(0, false);
    h.frames(2);
    CHECK(h.app.schedule.selected == "t-pilot");
}

TEST_CASE("timeline view: after selecting a row, the page tabs still switch") {
    Harness h;
    open_timeline(h, kLaunch);
    Input in{h};
    in.click("schedule.row.t-pilot");
    CHECK(h.app.schedule.selected == "t-pilot");
    in.click("schedule.page.gantt");
    h.frames(3);
    CHECK(test_anchors().count("schedule.gantt") == 1);
    in.click("schedule.page.tasks");
    test_anchors().clear();
    h.frames(2);
    in.click("schedule.task.t-ramp.predecessors");
    CHECK(h.app.schedule.selected == "t-ramp");
    in.click("schedule.page.gantt");
    h.frames(3);
    CHECK(test_anchors().count("schedule.gantt") == 1);
}

TEST_CASE("timeline view: indent and outdent (buttons and Alt+Shift+arrows) are undoable outline edits") {
    Harness h;
    open_timeline(h, kLaunch);
    Input in{h};
    auto alt_shift = [&](ImGuiKey key) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddKeyEvent(ImGuiMod_Alt, true);
        io.AddKeyEvent(ImGuiMod_Shift, true);
        io.AddKeyEvent(key, true);
        h.frames(1);
        io.AddKeyEvent(key, false);
        io.AddKeyEvent(ImGuiMod_Shift, false);
        io.AddKeyEvent(ImGuiMod_Alt, false);
        h.frames(2);
    };
    // Under a gate: refused, with the reason on screen, and no undo step.
    const size_t steps0 = h.app.doc.undo_stack.size();
    in.click("schedule.row.t-ramp");
    in.click("schedule.indent");
    CHECK(text("schedule.outline_message") == "\"t-pilot\" is a gate: only an ordinary task can have subtasks");
    CHECK(task(h.app.doc.plan, "t-ramp").parent.empty());
    CHECK(h.app.doc.undo_stack.size() == steps0);

    // Two new tasks after the DFμF review: N1 (FS from t-dfmf), N2 (FS from N1).
    in.click("schedule.row.t-dfmf");
    in.click("schedule.add_task");
    const std::string n1 = h.app.schedule.selected;
    in.click("schedule.add_task");
    const std::string n2 = h.app.schedule.selected;
    REQUIRE(task(h.app.doc.plan, n2).predecessors.size() == 1);
    const size_t steps = h.app.doc.undo_stack.size();
    in.click("schedule.indent");
    CHECK(text("schedule.outline_message").empty());
    CHECK(task(h.app.doc.plan, n2).parent == n1);
    CHECK(task(h.app.doc.plan, n2).predecessors.empty());  // the link to its new summary goes
    CHECK(h.app.doc.undo_stack.size() == steps + 1);
    CHECK(value("schedule.task." + n2 + ".depth") == 1);
    CHECK(value("schedule.errors") == 0);
    // N1 is a summary: its dates are N2's (N1's FS link from t-dfmf reaches N2: t-dfmf is
    // 4 working days from Mon 2027-01-04, so N2 (5 days) runs Fri 8th – Thu 14th).
    const CpmResult& cpm = *h.app.schedule.analysis().cpm;
    const auto row_of = [&](const std::string& id) {
        for (const auto& t : cpm.tasks)
            if (t.id == id) return t;
        FAIL("no row " << id);
        return cpm.tasks.front();
    };
    CHECK(row_of(n1).summary);
    CHECK(format_iso_date(row_of(n1).es_date) == "2027-01-08");
    CHECK(format_iso_date(row_of(n1).ef_date) == "2027-01-14");
    // Undo restores the flat plan with the link.
    h.app.doc.undo();
    h.frames(2);
    CHECK(task(h.app.doc.plan, n2).parent.empty());
    CHECK(task(h.app.doc.plan, n2).predecessors.size() == 1);

    // MS Project's shortcuts with the row selected: Alt+Shift+Right indents, Alt+Shift+Left outdents.
    in.click("schedule.row." + n2);
    alt_shift(ImGuiKey_RightArrow);
    CHECK(task(h.app.doc.plan, n2).parent == n1);
    alt_shift(ImGuiKey_LeftArrow);
    CHECK(task(h.app.doc.plan, n2).parent.empty());
    CHECK(check_plan(h.app.doc.plan).empty());
    // The Gantt draws the summary bar.
    in.click("schedule.row." + n2);
    alt_shift(ImGuiKey_RightArrow);
    h.app.schedule.page_request = ScheduleView::PageGantt;
    h.frames(5);
    CHECK(load_plan(save_plan(h.app.doc.plan)).plan.has_value());
}

TEST_CASE("timeline view: a partner calendar (Mon–Sat) from the calendar editor, and a task's calendar, undoable") {
    Harness h;
    open_timeline(h, kLaunch);
    Input in{h};
    in.click("schedule.calendar");  // open "Working calendars"
    const size_t steps = h.app.doc.undo_stack.size();
    in.click("schedule.calendar.new");
    REQUIRE(h.app.doc.plan.schedule.calendars.size() == 1);
    const std::string cal = h.app.doc.plan.schedule.calendars[0].id;
    CHECK(h.app.schedule.calendar_edit == cal);
    CHECK(h.app.doc.plan.schedule.calendars[0].calendar.holidays.size() == 4);  // a copy of the project calendar
    in.click("schedule.calendar.sat");
    CHECK(h.app.doc.plan.schedule.calendars[0].calendar.working[5]);
    in.click("schedule.calendar.partner.cm");
    REQUIRE(h.app.doc.plan.schedule.partner_calendars.count("cm") == 1);
    CHECK(h.app.doc.plan.schedule.partner_calendars.at("cm") == cal);
    CHECK(h.app.doc.undo_stack.size() == steps + 3);
    h.frames(2);
    // The CM's tasks now work Mon–Sat with the project's holidays. Counted by hand (Python's
    // datetime, days Mon–Sat minus 26 and 29 March): the scale-up first article (40 d from
    // Tue 2 March) ends Mon 19 April, the CM ramp (30 d) runs Tue 20 April – Wed 26 May; the
    // fixture (SS pilot + 5 CM days: 25 CM days before Tue 2 Feb, + 5) starts Mon 8 Feb.
    const CpmResult& cpm = *h.app.schedule.analysis().cpm;
    auto row_of = [&](const std::string& id) -> const CpmTask& {
        for (const auto& t : cpm.tasks)
            if (t.id == id) return t;
        FAIL("no row " << id);
        return cpm.tasks.front();
    };
    CHECK(format_iso_date(row_of("t-scale-first-article").ef_date) == "2027-04-19");
    CHECK(format_iso_date(row_of("t-scale-ramp").es_date) == "2027-04-20");
    CHECK(format_iso_date(row_of("t-scale-ramp").ef_date) == "2027-05-26");
    CHECK(format_iso_date(row_of("t-fixture").es_date) == "2027-02-08");
    CHECK(row_of("t-scale-ramp").calendar == cal);
    CHECK(text("schedule.finish_date") == "2027-05-26");
    h.app.schedule.page_request = ScheduleView::PageGantt;  // draws with the second calendar
    h.frames(5);
    h.app.schedule.page_request = ScheduleView::PageTasks;
    h.frames(3);
    // Undo the partner assignment: back to the plan's finish.
    h.app.doc.undo();
    h.frames(2);
    CHECK(h.app.doc.plan.schedule.partner_calendars.empty());
    CHECK(text("schedule.finish_date") == "2027-06-11");

    // A task's own calendar from the table's Calendar column.
    in.click("schedule.task.t-ramp.calendar");
    in.click("schedule.task.t-ramp.calendar." + cal);
    CHECK(task(h.app.doc.plan, "t-ramp").calendar == cal);
    CHECK(check_plan(h.app.doc.plan).empty());
    h.app.doc.undo();
    h.frames(2);
    CHECK(task(h.app.doc.plan, "t-ramp").calendar.empty());
    CHECK(load_plan(save_plan(h.app.doc.plan)).plan.has_value());
}

TEST_CASE("timeline view: after an edit the Gantt keeps the finish, P50 and P80 in view, unless the user zoomed") {
    Harness h;
    open_timeline(h, kGearbox, ScheduleView::PageGantt);
    finish_mc(h);
    h.frames(2);
    Input in{h};
    // Each marker's day as the chart places it: calendar days from the origin, at the evening.
    const auto in_view = [&] {
        const ScheduleAnalysis& a = h.app.schedule.analysis();
        REQUIRE(a.cpm);
        std::vector<double> days = {static_cast<double>(a.cpm->finish_date.days - a.cpm->origin.days + 1)};
        if (const McResult* mc = h.app.schedule.mc_result()) {
            days.push_back(mc->p50_date.days - a.cpm->origin.days + 1);
            days.push_back(mc->p80_date.days - a.cpm->origin.days + 1);
        }
        CHECK(days.size() == 3);
        for (double d : days)
            if (d < value("schedule.gantt.left_day") || d > value("schedule.gantt.right_day")) return false;
        return true;
    };
    CHECK(in_view());
    const double right_before = value("schedule.gantt.right_day");
    auto lengthen = [&](double likely) {
        Edits e;
        e.push("longer ramp", [likely](Plan& p) { return set_task_duration(p, "t-ramp", 2, likely + 20); });
        e.push("longer ramp", [likely](Plan& p) { return set_task_duration(p, "t-ramp", 1, likely); });
        h.app.doc.apply(e, platform::now_seconds());
        h.frames(3);
        finish_mc(h);
        h.frames(2);
    };
    lengthen(300);  // the finish moves ~270 working days later, far past the right edge
    CHECK(value("schedule.gantt.right_day") > right_before + 300);
    CHECK(in_view());
    CHECK(value("schedule.gantt.user_view") == 0);

    in.click("schedule.gantt.zoom_in");  // the user's zoom is kept through edits
    const double left = value("schedule.gantt.left_day"), right = value("schedule.gantt.right_day");
    CHECK(value("schedule.gantt.user_view") == 1);
    lengthen(600);
    CHECK(value("schedule.gantt.left_day") == left);
    CHECK(value("schedule.gantt.right_day") == right);
    CHECK_FALSE(in_view());
    in.click("schedule.gantt.fit");
    h.frames(2);
    CHECK(in_view());
    CHECK(value("schedule.gantt.user_view") == 0);
}

TEST_CASE("timeline view: on (stand-in) Web Workers the Monte Carlo gives the page's figures exactly") {
    // The native platform's stand-in workers compute each request at once (gui/worker_kinds.h,
    // as a browser worker does) and hand results back newest first: the view must absorb them
    // in block order and publish the figures the page computes alone, to the last bit.
    const std::vector<std::string> figures = {"schedule.mc.p10",
                                              "schedule.mc.p50",
                                              "schedule.mc.p80",
                                              "schedule.mc.p95",
                                              "schedule.mc.sd",
                                              "schedule.mc.buffer",
                                              "schedule.mc.merge_bias",
                                              "schedule.mc.p_deadline",
                                              "schedule.mc.task.t-fixture.criticality",
                                              "schedule.mc.task.t-pilot.criticality",
                                              "schedule.mc.task.t-ramp.p80_finish",
                                              "schedule.mc.task.t-pilot.sensitivity"};
    std::map<std::string, double> alone;
    std::string p50_date, p80_date;
    {
        Harness h;
        open_timeline(h, kLaunch);
        finish_mc(h);
        CHECK(platform::native_state().worker_requests == 0);
        for (const auto& f : figures) alone[f] = value(f);
        p50_date = text("schedule.mc.p50_date");
        p80_date = text("schedule.mc.p80_date");
    }
    // t-fixture is critical in some iterations only (the sampled figure the test can tell apart).
    CHECK(alone["schedule.mc.task.t-fixture.criticality"] > 0);
    CHECK(alone["schedule.mc.task.t-fixture.criticality"] < 1);
    for (int workers : {1, 2, 4}) {
        CAPTURE(workers);
        Harness h;
        platform::native_state().workers = workers;
        open_timeline(h, kLaunch);
        finish_mc(h);
        // 10 000 iterations are 40 blocks of 256: requests of max(2, ⌈40 / 8w⌉) blocks.
        const size_t per = std::max<size_t>(2, (40 + 8 * workers - 1) / (8 * workers));
        CHECK(platform::native_state().worker_requests_by_kind["schedule"] == (40 + per - 1) / per);
        for (const auto& f : figures) {
            CAPTURE(f);
            CHECK(value(f) == alone[f]);
        }
        CHECK(text("schedule.mc.p50_date") == p50_date);
        CHECK(text("schedule.mc.p80_date") == p80_date);
    }
    // Workers that fail (every request from the third on comes back not done): the page
    // computes the run itself, with the same figures.
    {
        Harness h;
        platform::native_state().workers = 2;
        platform::native_state().workers_fail_from = 2;
        open_timeline(h, kLaunch);
        finish_mc(h);
        CHECK(platform::native_state().worker_requests == 14);  // 40 blocks in threes, all posted at the start
        for (const auto& f : figures) {
            CAPTURE(f);
            CHECK(value(f) == alone[f]);
        }
    }
}

// gui/views/schedule_table.cpp: the task table draws only the rows in view (ImGuiListClipper),
// plus the row with the keyboard and the row it is going to, with their neighbours; Down from
// the last row in view goes on row by row, scrolling, as it did when every row was drawn, also
// with the key held down.
TEST_CASE("timeline view: a 200-task table draws the rows in view; Down goes past them, row by row") {
    LoadResult launch = load_plan(read_source_file("assets/examples/launch-timeline.mfplan.json"));
    REQUIRE(launch.plan);
    Plan p = *launch.plan;  // its calendar and dates; 200 tasks of its own
    p.schedule.tasks.clear();
    p.roads = {};
    for (int i = 0; i < 200; ++i) {
        Task t;
        t.id = "r" + std::to_string(i);
        t.name = "Row " + std::to_string(i);
        t.optimistic = 3, t.most_likely = 4, t.pessimistic = 6;
        if (i > 0) t.predecessors.push_back(Dependency{"r" + std::to_string(i - 1)});
        p.schedule.tasks.push_back(t);
    }
    const LoadResult check = load_plan(save_plan(p));
    REQUIRE_MESSAGE(check.plan, (check.errors.empty() ? "" : check.errors[0].where + ": " + check.errors[0].message));
    Harness h;
    h.frames(2);
    REQUIRE(h.app.open_file("rows.mfplan.json", save_plan(p)));
    h.app.show_tab(mf::Tab::Timeline);
    h.app.schedule.page_request = ScheduleView::PageTasks;
    test_anchors().clear();
    h.frames(3);
    const auto drawn = [](int row) {
        return test_anchors().count("schedule.task.r" + std::to_string(row) + ".most_likely") > 0;
    };
    int in_view = 0;
    while (drawn(in_view)) ++in_view;
    CHECK(in_view >= 5);  // the rows the table's height shows ...
    CHECK(in_view < 60);  // ... not all 200
    CHECK_FALSE(drawn(199));
    Input in{h};
    in.click("schedule.task.r0.most_likely");
    CHECK(h.app.schedule.selected == "r0");
    for (int row = 1; row <= in_view + 5; ++row) {  // past the last row that was in view
        in.key(ImGuiKey_DownArrow);
        h.frames(2);
        REQUIRE(h.app.schedule.selected == "r" + std::to_string(row));
        CHECK(ImGui::GetIO().WantTextInput);
    }
    in.type("9");
    in.key(ImGuiKey_Enter);
    h.frames(2);
    CHECK(task(h.app.doc.plan, "r" + std::to_string(in_view + 5)).most_likely == 9);
    // A held key: a press every other frame (the keyboard lands on a row in the frame the
    // next press comes), 30 rows further down, none of them lost.
    const int from = in_view + 6;  // Enter went down a row
    REQUIRE(h.app.schedule.selected == "r" + std::to_string(from));
    for (int i = 0; i < 30; ++i) in.key(ImGuiKey_DownArrow);
    h.frames(2);
    CHECK(h.app.schedule.selected == "r" + std::to_string(from + 30));
    CHECK(ImGui::GetIO().WantTextInput);
}
