// The Timeline tab: the DFμF-to-ramp schedule of the plan (core/schedule, docs/schedule.md).
//
//   ScheduleView schedule;                               // a member of App
//   schedule.draw(ctx);                                  // inside the "Timeline" tab
//
// Three pages: Tasks (the editable task table, the selected task's dependencies and gate,
// the calendar), Gantt (bars on the calendar drawn with ImDrawList, zoom and pan) and Risk
// (finish-date histogram and S-curve, tornado, rework loops, buffer, milestones). Above them:
// start date, deadline, the deterministic finish, the Monte Carlo figures, "New from
// template…" and the exports.
//
// The view holds UI state only. It draws analyse_schedule()'s result (core/schedule/
// schedule_analysis.h: measured links, CPM, PERT), taken again whenever the plan's state id
// changes (cheap: it follows typing); the Monte Carlo (core ScheduleMonteCarlo, a sliced job,
// on Web Workers where there are any: gui/parallel_schedule_run.h) runs in a JobRunner, rerun when its inputs (the analysed problem, iterations,
// seed) change by value. Every change to the plan is an Edit calling a named operation of
// core/schedule/schedule_edit.h, or setting one field.
//
// Files: schedule_view.cpp (header bar, analysis, Monte Carlo, exports, page tabs),
// schedule_table.cpp (task table, details, calendar), schedule_gantt.cpp (Gantt chart),
// schedule_charts.cpp (Risk page), schedule_template.cpp ("New from template" dialog).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "edits.h"
#include "imgui.h"
#include "job_runner.h"
#include "parallel_schedule_run.h"
#include "plan/plan.h"
#include "schedule/monte_carlo.h"
#include "schedule/outline.h"
#include "schedule/schedule_analysis.h"
#include "schedule/template.h"
#include "table_keys.h"
#include "view_context.h"

namespace mf {

// What a number cell did this frame: nothing, a valid value typed (push it now, merged), or
// the field was left holding a value that was not acceptable while typing (core fixes it up).
enum class CellResult { None, Live, Final };

struct ScheduleView {
    enum Page { PageTasks = 0, PageGantt = 1, PageRisk = 2 };

    // --- Set by App or a test ---------------------------------------------------------------
    int page_request = -1;  // select this page (Page) once

    // --- Monte Carlo settings (UI state: not stored in the plan) ---------------------------
    int iterations = 10000;
    int seed = 1;

    // --- Selection ------------------------------------------------------------------------------
    std::string selected;       // task id shown in the details panel
    std::string calendar_edit;  // calendar shown in the calendar editor ("" = the project calendar)

    void draw(ViewContext& ctx);

    // --- Results (read by the tests) -----------------------------------------------------------
    // The plan's analysis (no Monte Carlo), taken again when the state id changes. Empty while
    // the plan has no tasks (the page invites a template instead).
    const ScheduleAnalysis& analysis() const { return an_; }
    // The Monte Carlo for the current inputs: final, or partial after Cancel (mc_partial());
    // null while it runs or when the schedule does not compute.
    const McResult* mc_result() const { return mc_.result(); }
    bool mc_running() const { return mc_.running(); }
    bool mc_partial() const { return mc_.cancelled(); }
    float mc_progress() const { return static_cast<float>(mc_.progress()); }
    const McInput& mc_inputs() const { return mc_inputs_; }  // what the Monte Carlo runs on

    // Gantt zoom: pixels per calendar day (0 = fit the whole schedule on the next frame).
    float gantt_day_px = 0;

private:
    // A number typed into a cell that is not acceptable yet (out of range, O > M ...): kept
    // here while the field is being edited, shown in red with the reason.
    struct Draft {
        double value = 0;
        std::string why;
    };

    ScheduleAnalysis an_;
    uint64_t an_state_ = 0;                            // the state id an_ is for (0: none yet)
    McInput mc_inputs_;                                // what the Monte Carlo runs on (no tasks: nothing to run)
    JobRunner<ParallelScheduleRun, McInput> mc_{200};  // on Web Workers where there are any
    uint64_t mc_lineage_ = 0;                          // ViewContext::lineage of the plan the Monte Carlo last ran for
    std::map<unsigned, Draft> drafts_;                 // ImGuiID → pending value
    bool scroll_to_selected_ = false;
    TableKeys task_keys_;  // Up / Down / Enter in the task table
    // What the last duration left out of order moved (set_three_point), shown under the table
    // while the plan is in the state that edit made.
    std::string points_note_;
    uint64_t points_note_before_ = 0, points_note_state_ = 0;

    // Gantt view state
    double gantt_left_day_ = -3;  // calendar days from the start date at the chart's left edge
    float gantt_scroll_y_ = 0;
    bool gantt_dragging_ = false;
    bool gantt_user_view_ = false;  // zoomed or panned by the user: no automatic re-fit
    double gantt_right_day_ = 0;    // the day at the chart's right edge, last frame

    // "New from template" dialog
    bool template_open_ = false;
    TemplateOptions tmpl_;
    int tmpl_partner_ = -1, tmpl_switch_ = -1, tmpl_second_ = -1;  // partner index, -1: a new one
    std::optional<Date> tmpl_start_;
    std::optional<Date> tmpl_deadline_;
    bool tmpl_keep_calendar_ = true;
    std::string export_refused_;  // why the last export was not written (a date past 9999-12-31)

    void update_analysis(const Plan& plan, uint64_t state_id);
    void update_monte_carlo(uint64_t lineage);
    // The result to draw: the current one, else while a change of the plan reruns the Monte
    // Carlo, the one before (so the page does not flicker as the user types): drawn as it was
    // for the first half second (JobRunner::shown_result), greyed out after that (mc_stale()).
    const McResult* mc_drawn() const;
    bool mc_stale() const { return mc_result() == nullptr && !mc_.showing_previous(); }
    void draw_contents(ViewContext& ctx);
    void draw_header(ViewContext& ctx);
    void draw_messages();
    void draw_exports(const Plan& plan);
    void draw_tasks_page(ViewContext& ctx);
    void draw_task_table(ViewContext& ctx);
    void draw_task_row(ViewContext& ctx, const Outline& outline, const CpmResult* cpm, const McResult* mc, float row_h,
                       int row);
    void note_three_point_moves(const std::string& what, const std::string& moved, uint64_t state_id);
    void draw_three_point_note(uint64_t state_id);
    bool points_note_shown(uint64_t state_id) const { return !points_note_.empty() && state_id == points_note_state_; }
    void draw_task_details(ViewContext& ctx, const Task& t);
    void draw_gate_details(ViewContext& ctx, const Task& t);
    void draw_calendar(ViewContext& ctx);
    void draw_gantt(const Plan& plan, float height);
    bool draw_gantt_toolbar(const Plan& plan, const McResult* mc, double today_day);
    struct GanttInput {  // the chart's geometry this frame, for handle_gantt_input
        float x0, row_h, content_h, visible_h, chart_w;
        double lo, hi;
        bool hovered, active;
    };
    void handle_gantt_input(const GanttInput& in);
    void draw_risk_page(const Plan& plan);
    void draw_template_dialog(ViewContext& ctx);
    void draw_template_form(const Plan& plan);
    void build_template(ViewContext& ctx);
    void open_template_dialog(const Plan& plan);
#ifdef MF_TEST_HOOKS
    void publish(const ViewContext& ctx) const;  // figures for the tests (test_hooks.h)
    // What the per-task figures last published were of (publish() rewrites them only when it
    // changes).
    struct PublishedTasks {
        uint64_t state_id;
        const McResult* mc;
        uint64_t mc_generation;
        bool operator==(const PublishedTasks&) const = default;
    };
    mutable std::optional<PublishedTasks> published_tasks_;
#endif

    // A three-point duration field: a value that `validate` (core's three_point_problem)
    // accepts comes back as Live while the user types; one it rejects (O above M ...) stays in
    // the field as a draft, framed red with the reason as tooltip, and comes back as Final when
    // the user leaves the field, for core's set_three_point to move the other points.
    CellResult number_cell(const char* label, double value, const char* format,
                           const std::function<std::string(double)>& validate, double* out);
    const Draft* draft(unsigned id) const;
};

}  // namespace mf
