// App: the whole GUI above the platform layer. The web main loop (web/main_web.cpp) and the
// headless GUI test call the same three functions:
//
//   App app;  app.init();              // settings, autosave restore
//   each frame: ImGui::NewFrame(); app.frame(); ImGui::Render();
//   app.wants_frames()                 // true while something animates or computes
//
// Frame order: draw every view from the current plan (views only push Edits), then apply
// the edits, then react to files that arrived, then sync title/leave-guard/autosave.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "document.h"
#include "plan_library.h"
#include "report_export.h"
#include "style.h"
#include "view_warm_up.h"
#include "warm_up.h"
#include "views/capability_view.h"
#include "views/decision_view.h"
#include "views/file_errors_view.h"
#include "views/help_view.h"
#include "views/history_view.h"
#include "views/recent_view.h"
#include "views/overview_view.h"
#include "views/schedule_view.h"
#include "views/share_view.h"
#include "views/start_view.h"
#include "views/stack_view.h"

namespace mf {

struct App {
    Document doc;
    Theme theme = Theme::Light;

    OverviewView overview;
    DecisionView decision;
    ScheduleView schedule;
    StackView stack;
    CapabilityView capability;
    FileErrorsView file_errors;
    HelpView help;
    HistoryView history;
    RecentView recent;
    StartView start;
    PlanLibrary library;  // the plans this browser keeps (autosaves, replaced plans)
    ShareView share;
    ReportExport report_export;  // File › Report…: the sliced report job, then the download
    KernelWarmUp warm_up;        // each Monte Carlo kernel once while idle after the first frame
    ViewWarmUp view_warm_up;     // then each tool's view, out of sight, on the same example
    bool warmed_up() const { return warm_up.done() && view_warm_up.done(); }  // both warm-ups over

    std::string status;  // one line at the bottom ("Saved micro-gearbox.mfplan.json")
    uint64_t frames_drawn = 0;

    void init();
    void frame();
    bool wants_frames() const;
    // When a frame is due although nothing asks for frames now (the autosave a second after
    // the last change; platform::now_seconds() clock): the idle loop sets a timer for it.
    std::optional<double> next_frame_due() const;

    // Opens file bytes as a plan; on failure shows the errors and keeps the current plan.
    bool open_file(const std::string& name, const std::string& bytes);
    void new_plan();
    bool open_example(unsigned index);
    // Opens a plan kept in this browser (File › Recent plans).
    bool open_stored(const std::string& id);
    // Writes the open plan to the library now (page hidden or closed; before a replace).
    void flush_autosave();
    // The library entry of the open plan.
    const std::string& doc_id() const { return doc_id_; }
    // True while the "Replace the open plan?" question waits for an answer.
    bool asking_to_replace() const { return pending_replace_.has_value(); }
    void save();
    void request_share_link();
    void request_report() { report_export.request(doc.plan, doc.file_name); }  // File › Report…

    // Shows a tool's tab next frame (menus, links between tools, tests).
    void show_tab(Tab t) { requested_tab_ = t; }

#ifdef MF_TEST_HOOKS
    // A JSON snapshot of what the page shows, for browser tests (read through a JS hook).
    std::string test_state_json() const;
#endif

private:
    Edits pending_edits_;       // filled by views while drawing, applied after the frame
    FieldErrors field_errors_;  // why the document refused the last edit of a field
    std::optional<Tab> requested_tab_;
    uint64_t autosaved_state_ = 0;
    double last_change_time_ = 0;
    uint64_t last_seen_state_ = 0;
    std::string last_title_;
    bool last_guard_ = false;

    void draw_menu_bar();
    void draw_workspace();
    void apply_edits(double now);
    void draw_status_bar();
    void handle_shortcuts();
    void sync_page(double now);
    void set_theme(Theme t);
    void import_legacy_autosave();
    void restore_last_plan();
    void replace_asking(std::string what, std::function<void()> replace);
    void replace_now(std::function<void()> replace);
    void draw_replace_question();

    struct PendingReplace {
        std::string what;               // "Open micro-gearbox.mfplan.json"
        std::function<void()> replace;  // does it, once the user agrees
    };
    std::optional<PendingReplace> pending_replace_;
    std::string doc_id_;  // library id of the open plan
};

}  // namespace mf
