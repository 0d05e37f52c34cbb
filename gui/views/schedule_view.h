// The Timeline tab: the DFμF-to-ramp schedule of the plan (core/schedule, docs/schedule.md).
//
//   ScheduleView schedule;                               // a member of App
//   schedule.draw(doc.plan, doc.state_id, edits);        // inside the "Timeline" tab
//
// Three pages: Tasks (the editable task table, the selected task's dependencies and gate,
// the calendar), Gantt (bars on the calendar drawn with ImDrawList, zoom and pan) and Risk
// (finish-date histogram and S-curve, tornado, rework loops, buffer, milestones). Above them:
// start date, deadline, the deterministic finish, the Monte Carlo figures, "New from
// template…" and the exports.
//
// The view holds UI state only. The CPM and PERT are recomputed whenever the plan's state id
// changes (cheap: they follow typing); the Monte Carlo (core ScheduleMonteCarlo) runs in
// slices across frames with a progress bar and Cancel, keyed by (state id, iterations, seed).
//
// Files: schedule_view.cpp (header bar, caching, Monte Carlo, exports, page tabs),
// schedule_table.cpp (task table, details, calendar), schedule_gantt.cpp (Gantt chart),
// schedule_charts.cpp (Risk page), schedule_template.cpp ("New from template" dialog).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edits.h"
#include "view_context.h"
#include "imgui.h"
#include "links/measured_links.h"
#include "plan/plan.h"
#include "schedule/calendar.h"
#include "schedule/cpm.h"
#include "schedule/monte_carlo.h"
#include "schedule/pert.h"
#include "schedule/template.h"

namespace mf {

// What a number cell did this frame: nothing, a valid value typed (push it now, merged), or
// the field was left holding a value that was not acceptable while typing (fix it up).
enum class CellResult { None, Live, Final };

struct ScheduleView {
    enum Page { PageTasks = 0, PageGantt = 1, PageRisk = 2 };

    // --- Set by App or a test ---------------------------------------------------------------
    int page_request = -1;         // select this page (Page) once
    int max_iterations_per_frame = 0;  // 0: only the ~12 ms time budget bounds a slice (tests set it)

    // --- Monte Carlo settings (UI state: not stored in the plan) ---------------------------
    int iterations = 10000;
    int seed = 1;

    // --- Selection ------------------------------------------------------------------------------
    std::string selected;          // task id shown in the details panel
    std::string calendar_edit;     // calendar shown in the calendar editor ("" = the project calendar)

    void draw(ViewContext& ctx);

    // --- Results, cached by state id (read by the tests) ----------------------------------------
    struct Analysis {
        uint64_t state_id = 0;
        std::vector<ScheduleIssue> errors;      // no start date, cycles, bad durations ...
        std::vector<ScheduleIssue> warnings;
        std::optional<CpmResult> cpm;           // set when the schedule computes
        std::optional<PertResult> pert;
        std::optional<WorkdayClock> clock;      // the plan's calendar anchored at the start date
        ResolvedSchedule resolved;              // gates with measured Cpk links applied: what is analysed
    };
    const Analysis& analysis() const { return an_; }
    // The last finished (or cancelled, partial) Monte Carlo result, and the state it is for.
    const McResult* mc_result() const { return mc_result_ ? &*mc_result_ : nullptr; }
    uint64_t mc_result_state() const { return mc_result_key_.state; }
    bool mc_running() const { return static_cast<bool>(mc_); }
    const std::string& outline_message() const { return outline_message_; }  // why an indent/outdent was refused
    bool mc_partial() const { return mc_result_partial_; }
    float mc_progress() const { return mc_ ? static_cast<float>(mc_->progress()) : 1.0f; }
    void cancel_mc();
    void rerun_mc();

    // Gantt zoom: pixels per calendar day (0 = fit the whole schedule on the next frame).
    float gantt_day_px = 0;

private:
    struct McKey {
        uint64_t state = 0;
        int iterations = 0;
        int seed = 0;
        bool operator==(const McKey& o) const { return state == o.state && iterations == o.iterations && seed == o.seed; }
    };

    // A number typed into a cell that is not acceptable yet (out of range, O > M ...): kept
    // here while the field is being edited, shown in red with the reason.
    struct Draft {
        double value = 0;
        std::string why;
    };

    Analysis an_;
    std::unique_ptr<ScheduleMonteCarlo> mc_;
    McKey mc_key_;                       // what mc_ runs for
    std::optional<McResult> mc_result_;
    McKey mc_result_key_;
    bool mc_result_partial_ = false;     // cancelled before the end: a partial summary
    bool mc_cancelled_ = false;          // do not restart for cancelled_key_ until Run again is pressed
    McKey cancelled_key_;
    McKey mc_want_;                      // the key of the current frame
    std::map<unsigned, Draft> drafts_;   // ImGuiID → pending value
    bool scroll_to_selected_ = false;
    std::string outline_message_;        // why the last indent/outdent was refused ("" = none)

    // Gantt view state
    double gantt_left_day_ = -3;         // calendar days from the start date at the chart's left edge
    float gantt_scroll_y_ = 0;
    bool gantt_dragging_ = false;

    // "New from template" dialog
    bool template_open_ = false;
    TemplateOptions tmpl_;
    int tmpl_partner_ = -1, tmpl_switch_ = -1, tmpl_second_ = -1;  // partner index, -1: a new one
    std::optional<Date> tmpl_start_;
    std::optional<Date> tmpl_deadline_;
    bool tmpl_keep_calendar_ = true;

    void analyse(const Plan& plan, uint64_t state_id);
    void update_monte_carlo(const Plan& plan, uint64_t state_id);
    void draw_contents(const Plan& plan, Edits& edits);
    void draw_header(const Plan& plan, Edits& edits);
    void draw_messages();
    void draw_exports(const Plan& plan);
    void draw_tasks_page(const Plan& plan, Edits& edits);
    void draw_task_table(const Plan& plan, Edits& edits);
    void draw_task_details(const Plan& plan, const Task& t, Edits& edits);
    void draw_calendar(const Plan& plan, Edits& edits);
    void draw_gantt(const Plan& plan, float height);
    void draw_risk_page(const Plan& plan);
    void draw_template_dialog(const Plan& plan, Edits& edits);
    void open_template_dialog(const Plan& plan);

    // A number field: a value that `validate` accepts (returns "") comes back as Live while
    // the user types; one it rejects stays in the field as a draft, framed red with the reason
    // as tooltip, and comes back as Final when the user leaves the field, for the caller to
    // fix up (clamp into range, widen the three-point estimate).
    CellResult number_cell(const char* label, double value, const char* format,
                           const std::function<std::string(double)>& validate, double* out);
    const Draft* draft(unsigned id) const;
};

}  // namespace mf
