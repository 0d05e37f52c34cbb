// [SECTION] Helpers shared by the Timeline files
// [SECTION] The analysis and the Monte Carlo
// [SECTION] Test hooks
// [SECTION] Draw: header, messages, pages
// [SECTION] Exports
// [SECTION] Number cells with drafts
#include "views/schedule_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "base/file_slug.h"
#include "plot.h"
#include "schedule/export.h"
#include "schedule/outline.h"
#include "schedule/schedule_edit.h"
#include "style.h"
#include "test_hooks.h"
#include "views/schedule_links.h"
#include "views/schedule_shared.h"
#include "platform/platform.h"
#include "widgets.h"

namespace mf {

// [SECTION] Helpers shared by the Timeline files -----------------------------------------

namespace schedule_ui {

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

Date today() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
#if defined(_WIN32)
    localtime_s(&tm, &t);
#else
    localtime_r(&t, &tm);
#endif
    return date_from_ymd(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday));
}

const Task* find_task(const Plan& plan, const std::string& id) {
    for (const auto& t : plan.schedule.tasks)
        if (t.id == id) return &t;
    return nullptr;
}

int task_index(const Plan& plan, const std::string& id) {
    for (size_t i = 0; i < plan.schedule.tasks.size(); ++i)
        if (plan.schedule.tasks[i].id == id) return static_cast<int>(i);
    return -1;
}

std::string partner_name(const Plan& plan, const std::string& id) {
    for (const auto& p : plan.decision.partners)
        if (p.id == id) return p.name.empty() ? p.id : p.name;
    return id;
}

const char* kind_label(TaskKind k) {
    switch (k) {
        case TaskKind::Task: return "Task";
        case TaskKind::Milestone: return "Milestone";
        case TaskKind::Gate: return "Gate";
    }
    return "Task";
}

void edit_task(Edits& edits, const std::string& label, const std::string& field, bool merge, const std::string& id,
               std::function<void(Task&)> fn) {
    auto apply = [id, fn = std::move(fn)](Plan& p) {
        for (auto& t : p.schedule.tasks)
            if (t.id == id) fn(t);
    };
    if (merge)
        edits.push_merge(label, field, std::move(apply));
    else
        edits.push_at(label, field, std::move(apply));
}

const McResult* per_task(const McResult* r, size_t tasks) {
    return r && r->ok() && r->tasks.size() == tasks ? r : nullptr;
}

void verdict_text(double probability) {
    ImU32 c;
    const char* word;
    if (probability >= 0.8) {
        c = plot_good();
        word = "likely";
    } else if (probability >= 0.5) {
        c = plot_warn();
        word = "at risk";
    } else {
        c = plot_bad();
        word = "unlikely";
    }
    ImGui::PushStyleColor(ImGuiCol_Text, c);
    ImGui::Text("%s (%s)", format_percent(probability).c_str(), word);
    ImGui::PopStyleColor();
}

}  // namespace schedule_ui

using namespace schedule_ui;

// [SECTION] The analysis and the Monte Carlo ---------------------------------------------

void ScheduleView::update_analysis(const Plan& plan, uint64_t state_id) {
    if (an_state_ == state_id && state_id != 0) return;
    an_state_ = state_id;
    // An empty timeline is not an error: the page invites a template instead.
    an_ = plan.schedule.tasks.empty() ? ScheduleAnalysis{} : analyse_schedule(plan);
    // The Monte Carlo runs on what it samples of the analysed problem (measured links
    // applied) once it computes: renaming a task does not rerun it.
    mc_inputs_.problem = an_.cpm ? sampled_problem(*an_.problem) : ScheduleProblem{};
}

void ScheduleView::update_monte_carlo(uint64_t lineage) {
    mc_inputs_.iterations = iterations;
    mc_inputs_.seed = static_cast<uint64_t>(seed);
    const bool computes = an_.cpm.has_value();
    // A change of this plan continues the run before (its result is drawn while the rerun
    // runs, JobRunner::previous_result); another plan starts afresh.
    mc_.update(
        mc_inputs_,
        [&]() -> std::unique_ptr<ParallelScheduleRun> {
            return computes ? std::make_unique<ParallelScheduleRun>(mc_inputs_) : nullptr;
        },
        lineage == mc_lineage_);
    mc_lineage_ = lineage;
}

const McResult* ScheduleView::mc_drawn() const {
    if (const McResult* r = mc_.result()) return r;
    return an_.cpm ? mc_.previous_result() : nullptr;
}

// [SECTION] Test hooks --------------------------------------------------------------------

#ifdef MF_TEST_HOOKS
void ScheduleView::publish(const ViewContext& ctx) const {
    const Plan& plan = ctx.plan;
    const uint64_t state_id = ctx.state_id;
    auto& values = test_values();
    auto& texts = test_texts();
    // The per-task figures (five values a task: a thousand for 200 tasks) are rewritten only
    // when they can have changed, with the plan or the Monte Carlo drawn: rewriting them in
    // every pass took the test build's Timeline a third of its frame (~2 ms a pass), so the
    // browser benchmarks timed the hooks more than the app.
    const PublishedTasks tasks_of{state_id, mc_drawn(), mc_.generation()};
    const bool cleared = !plan.schedule.tasks.empty() &&  // by a test, since
        values.count("schedule.task." + plan.schedule.tasks[0].id + ".depth") == 0;
    const bool rewrite_tasks = published_tasks_ != tasks_of || cleared;
    published_tasks_ = tasks_of;
    const auto per_task = [](const std::string& k) {
        return k.rfind("schedule.task.", 0) == 0 || k.rfind("schedule.mc.task.", 0) == 0;
    };
    for (auto it = values.lower_bound("schedule."); it != values.end() && it->first.rfind("schedule.", 0) == 0;)
        it = rewrite_tasks || !per_task(it->first) ? values.erase(it) : std::next(it);
    for (auto it = texts.lower_bound("schedule."); it != texts.end() && it->first.rfind("schedule.", 0) == 0;)
        it = texts.erase(it);
    size_t errors = 0;
    for (const Issue& e : an_.issues) errors += e.severity == Severity::Error ? 1 : 0;
    if (points_note_shown(state_id)) test_text("schedule.points_note", points_note_);
    test_value("schedule.tasks", static_cast<double>(plan.schedule.tasks.size()));
    test_value("schedule.errors", static_cast<double>(errors));
    test_value("schedule.warnings", static_cast<double>(an_.issues.size() - errors));
    test_value("schedule.gantt.day_px", gantt_day_px);
    test_value("schedule.gantt.left_day", gantt_left_day_);
    test_value("schedule.gantt.right_day", gantt_right_day_);
    test_value("schedule.gantt.user_view", gantt_user_view_ ? 1 : 0);
    schedule_ui::publish_gate_links(an_.resolved.links);  // measured links of the gates
    if (!selected.empty()) test_text("schedule.selected", selected);
    const Issue* outline_refused = ctx.field_errors.find(schedule_ui::kOutlineField);
    test_text("schedule.outline_message", outline_refused ? outline_refused->message : std::string());
    test_text("schedule.export.refused", export_refused_);  // why the last export was not written
    if (rewrite_tasks) {
        const Outline o = build_outline(plan.schedule);
        for (size_t i = 0; i < plan.schedule.tasks.size(); ++i)
            test_value("schedule.task." + plan.schedule.tasks[i].id + ".depth", o.depth[i]);
    }
    if (an_.cpm) {
        const CpmResult& c = *an_.cpm;
        test_value("schedule.finish_offset", c.finish);
        test_text("schedule.finish_date", format_iso_date(c.finish_date));
        test_text("schedule.origin_date", format_iso_date(c.origin));
        if (c.deadline_offset) test_value("schedule.deadline_offset", *c.deadline_offset);
        if (c.deadline_slack) test_value("schedule.deadline_slack", *c.deadline_slack);
        std::string path;
        for (const auto& id : c.critical_path) path += (path.empty() ? "" : " ") + id;
        test_text("schedule.critical_path", path);
        for (size_t i = 0; rewrite_tasks && i < c.tasks.size(); ++i) {
            const CpmTask& t = c.tasks[i];
            test_value("schedule.task." + t.id + ".es", t.es);
            test_value("schedule.task." + t.id + ".ef", t.ef);
            test_value("schedule.task." + t.id + ".total_float", t.total_float);
        }
    }
    if (an_.pert && an_.pert->probability_meet_target)
        test_value("schedule.pert.p_deadline", *an_.pert->probability_meet_target);
    if (an_.pert && an_.pert->task_calendars && an_.pert->task_calendars->probability_meet_target)
        test_value("schedule.pert.task_calendars.p_deadline", *an_.pert->task_calendars->probability_meet_target);
    test_value("schedule.mc.running", mc_running() ? 1 : 0);
    test_value("schedule.mc.progress", mc_progress());
    // done: a final result for the plan as it is now (mc_result() is for the current inputs);
    // while a rerun runs, the figures are the previous result's (earlier), greyed out after
    // the first half second.
    const bool done = mc_result() && !mc_partial() && mc_result()->ok();
    test_value("schedule.mc.done", done ? 1 : 0);
    const bool earlier = !mc_result() && mc_drawn();
    test_value("schedule.mc.earlier", earlier ? 1 : 0);
    test_value("schedule.mc.greyed", earlier && mc_stale() ? 1 : 0);
    if (done) test_value("schedule.mc.state", static_cast<double>(state_id));
    if (const McResult* r = mc_drawn(); r && r->ok()) {
        test_value("schedule.mc.iterations", r->iterations);
        test_value("schedule.mc.p10", r->p10);
        test_value("schedule.mc.p50", r->p50);
        test_value("schedule.mc.p80", r->p80);
        test_value("schedule.mc.p95", r->p95);
        test_text("schedule.mc.p50_date", format_iso_date(r->p50_date));
        test_text("schedule.mc.p80_date", format_iso_date(r->p80_date));
        test_value("schedule.mc.buffer", r->buffer);
        test_value("schedule.mc.merge_bias", r->merge_bias);
        if (r->probability_meet_deadline) test_value("schedule.mc.p_deadline", *r->probability_meet_deadline);
        test_value("schedule.mc.sd", r->sd);
        for (size_t i = 0; rewrite_tasks && i < r->tasks.size(); ++i) {
            const McTaskStats& t = r->tasks[i];
            test_value("schedule.mc.task." + t.id + ".criticality", t.criticality);
            test_value("schedule.mc.task." + t.id + ".p80_finish", t.p80_finish);
            if (std::isfinite(t.sensitivity)) test_value("schedule.mc.task." + t.id + ".sensitivity", t.sensitivity);
        }
    }
}
#endif

// [SECTION] Draw: header, messages, pages ------------------------------------------------

void ScheduleView::draw(ViewContext& ctx) {
    update_analysis(ctx.plan, ctx.state_id);
    update_monte_carlo(ctx.lineage);
    if (!selected.empty() && !find_task(ctx.plan, selected)) selected.clear();
    draw_contents(ctx);
#ifdef MF_TEST_HOOKS
    publish(ctx);  // after drawing: the Gantt's zoom of this frame included
#endif
}

void ScheduleView::draw_contents(ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    draw_header(ctx);
    draw_messages();

    if (plan.schedule.tasks.empty()) {
        ImGui::Spacing();
        ImGui::TextWrapped(
            "This plan has no timeline yet. Build the article's path from design-for-micro-fabrication "
            "review to production ramp for your partner (then edit every figure), or add tasks one by one.");
        if (ImGui::Button("New from template…##empty")) open_template_dialog(plan);
        MF_TEST_ANCHOR("schedule.template.empty");
        ImGui::SameLine();
        if (ImGui::Button("Add a task")) {
            selected = new_id(plan, "t");
            ctx.edits.push_at("Add task", "schedule.add_task",
                              [id = selected](Plan& p) { add_task(p, TaskKind::Task, "", id); });
        }
        draw_template_dialog(ctx);
        return;
    }

    if (ImGui::BeginTabBar("timeline_pages")) {
        const char* names[] = {"Tasks", "Gantt", "Risk"};
        [[maybe_unused]] const char* anchors[] = {"schedule.page.tasks", "schedule.page.gantt",
                                                  "schedule.page.risk"};  // test hooks
        for (int i = 0; i < 3; ++i) {
            const ImGuiTabItemFlags f = page_request == i ? ImGuiTabItemFlags_SetSelected : 0;
            const bool open = ImGui::BeginTabItem(names[i], nullptr, f);
            MF_TEST_ANCHOR(anchors[i]);
            if (!open) continue;
            if (page_request == i) page_request = -1;
            begin_flat_child(names[i]);
            if (i == PageTasks) draw_tasks_page(ctx);
            if (i == PageGantt) draw_gantt(plan, ImGui::GetContentRegionAvail().y);
            if (i == PageRisk) draw_risk_page(plan);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    draw_template_dialog(ctx);
}

void ScheduleView::draw_header(ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    // Row 1: dates, template, Monte Carlo settings, exports.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Start");
    ImGui::SameLine();
    std::optional<Date> d;
    if (input_date("##start", plan.meta.start_date, &d))
        ctx.edits.push_at("Set start date", "schedule.start", [d](Plan& p) { p.meta.start_date = d; });
    MF_TEST_ANCHOR("schedule.start");
    field_error_marker(ctx, "schedule.start");
    ImGui::SameLine();
    ImGui::TextUnformatted("Deadline (market window)");
    ImGui::SameLine();
    if (input_date("##deadline", plan.meta.deadline, &d))
        ctx.edits.push_at("Set deadline", "schedule.deadline", [d](Plan& p) { p.meta.deadline = d; });
    MF_TEST_ANCHOR("schedule.deadline");
    field_error_marker(ctx, "schedule.deadline");
    ImGui::SameLine(0, em(1.5f));
    if (ImGui::Button("New from template…")) open_template_dialog(plan);
    MF_TEST_ANCHOR("schedule.template");
    if (!plan.schedule.tasks.empty()) {
        ImGui::SameLine(0, em(1.5f));
        draw_exports(plan);
    }
    if (plan.schedule.tasks.empty()) return;

    // Row 2: the deterministic plan.
    if (an_.cpm) {
        const CpmResult& c = *an_.cpm;
        ImGui::AlignTextToFramePadding();
        ImGui::Text("Plan finish (critical path, most likely durations): %s, working day %s",
                    format_iso_date(c.finish_date).c_str(), format_days(c.finish).c_str());
        if (c.deadline_slack) {
            ImGui::SameLine();
            const double s = *c.deadline_slack;
            ImGui::PushStyleColor(ImGuiCol_Text, s >= 0 ? plot_good() : plot_bad());
            ImGui::Text("· %s working day%s %s the deadline (%s)", format_days(std::fabs(s)).c_str(),
                        std::fabs(s) == 1 ? "" : "s", s >= 0 ? "before" : "after", s >= 0 ? "on time" : "late");
            ImGui::PopStyleColor();
        }
        // With task calendars, the PERT that counts each task on its own calendar (pert.h).
        const PertOnTaskCalendars* tc = an_.pert && an_.pert->task_calendars ? &*an_.pert->task_calendars : nullptr;
        const std::optional<double> p_pert = tc ? tc->probability_meet_target
            : an_.pert                          ? an_.pert->probability_meet_target
                                                : std::nullopt;
        if (p_pert) {
            ImGui::SameLine();
            ImGui::TextDisabled("· PERT: %s", format_percent(*p_pert).c_str());
            if (ImGui::BeginItemTooltip()) {
                ImGui::Text(
                    "Classic PERT: expected finish %.1f working days, σ %.1f, P(meet deadline) = Φ((D − Tₑ)/σ).",
                    tc ? tc->expected_finish : an_.pert->expected_finish, tc ? tc->sd : an_.pert->sd);
                if (tc) ImGui::TextUnformatted("Each task counts on its own calendar, as in the CPM.");
                ImGui::TextUnformatted("It ignores merge bias and gate failures; the Monte Carlo includes both.");
                ImGui::EndTooltip();
            }
        }
    }

    // Row 3: the Monte Carlo.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Monte Carlo");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(6));
    int it = iterations;
    if (ImGui::InputInt("iterations", &it, 0, 0, ImGuiInputTextFlags_EnterReturnsTrue))
        iterations = std::clamp(it, 100, 1000000);
    MF_TEST_ANCHOR("schedule.mc.iterations");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(4));
    int s = seed;
    if (ImGui::InputInt("seed", &s, 0, 0, ImGuiInputTextFlags_EnterReturnsTrue)) seed = std::max(0, s);
    ImGui::SameLine(0, em(1));
    if (mc_.running()) {
        const ParallelScheduleRun* job = mc_.job();
        char what[64] = "Monte Carlo";
        if (job && job->workers() > 0)
            std::snprintf(what, sizeof what, "Monte Carlo on %d worker%s", job->workers(),
                          job->workers() == 1 ? "" : "s");
        mc_.draw_progress(what);
        MF_TEST_ANCHOR("schedule.mc.cancel");
    } else if (mc_.cancelled()) {
        if (ImGui::Button("Run again")) mc_.restart();
        MF_TEST_ANCHOR("schedule.mc.run");
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_warn()), "cancelled after %d of %d iterations",
                           mc_result() ? mc_result()->iterations : 0, iterations);
    }
    const McResult* r = mc_drawn();
    if (r && !r->ok()) {
        for (const auto& e : r->errors)
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "%s", an_.text(e).c_str());
    } else if (r) {
        const bool stale = mc_stale();
        if (stale) ImGui::BeginDisabled();
        ImGui::Text("P50 %s · P80 %s · P95 %s", format_iso_date(r->p50_date).c_str(),
                    format_iso_date(r->p80_date).c_str(), format_iso_date(r->p95_date).c_str());
        if (r->probability_meet_deadline) {
            ImGui::SameLine();
            ImGui::TextUnformatted("· meets the deadline:");
            ImGui::SameLine();
            verdict_text(*r->probability_meet_deadline);
        }
        ImGui::SameLine();
        ImGui::Text("· buffer to hold: %s working days", format_days(r->buffer).c_str());
        if (ImGui::BeginItemTooltip()) {
            ImGui::TextUnformatted("Buffer = P80 finish − plan finish (most likely durations), in working days.");
            ImGui::EndTooltip();
        }
        if (stale) {
            ImGui::SameLine();
            ImGui::TextUnformatted("(updating…)");
            ImGui::EndDisabled();
        } else if (mc_.cancelled()) {
            ImGui::SameLine();
            ImGui::TextDisabled("(partial: %d iterations)", r->iterations);
        }
    } else if (!an_.cpm) {
        ImGui::TextDisabled("runs once the schedule computes (see the messages below)");
    }
}

void ScheduleView::draw_messages() {
    if (an_.issues.empty()) return;
    const float h = std::min(em(1.4f) * static_cast<float>(an_.issues.size()) + em(0.6f), em(6));
    begin_flat_child("messages", ImVec2(0, h), ImGuiChildFlags_Border);
    for (const Issue& e : an_.issues) {
        const bool error = e.severity == Severity::Error;
        ImGui::PushStyleColor(ImGuiCol_Text, error ? plot_bad() : plot_warn());
        const std::string text = std::string(error ? "Error: " : "Warning: ") + an_.text(e);
        ImGui::PushID(&e);
        const int i = issue_task_index(e);
        if (ImGui::Selectable(text.c_str(), false) && i >= 0 &&
            static_cast<size_t>(i) < an_.resolved.schedule.tasks.size()) {
            selected = an_.resolved.schedule.tasks[static_cast<size_t>(i)].id;  // take the user to the task
            scroll_to_selected_ = true;
            page_request = PageTasks;
        }
        ImGui::PopID();
        ImGui::PopStyleColor();
    }
    ImGui::EndChild();
}

// [SECTION] Exports -------------------------------------------------------------------------

static std::string utc_stamp() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
#if defined(_WIN32)
    gmtime_s(&tm, &t);
#else
    gmtime_r(&t, &tm);
#endif
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

void ScheduleView::draw_exports(const Plan& plan) {
    const bool can = an_.cpm.has_value();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Export");
    ImGui::SameLine();
    if (!can) ImGui::BeginDisabled();
    enum { Csv, Ics, Mspdi, Mermaid, CopyMermaid, None } which = None;
    if (ImGui::Button("CSV")) which = Csv;
    MF_TEST_ANCHOR("schedule.export.csv");
    ImGui::SetItemTooltip("The schedule table (CPM dates, floats) as CSV for a spreadsheet.");
    ImGui::SameLine();
    if (ImGui::Button("Calendar (.ics)")) which = Ics;
    MF_TEST_ANCHOR("schedule.export.ics");
    ImGui::SetItemTooltip("Milestones, gates and the deadline as all-day events for a calendar app.");
    ImGui::SameLine();
    if (ImGui::Button("MS Project XML")) which = Mspdi;
    MF_TEST_ANCHOR("schedule.export.mspdi");
    ImGui::SetItemTooltip("Tasks, dates, durations and links for MS Project, ProjectLibre or GanttProject.");
    ImGui::SameLine();
    if (ImGui::Button("Mermaid")) which = Mermaid;
    MF_TEST_ANCHOR("schedule.export.mermaid");
    ImGui::SetItemTooltip("A Mermaid gantt block (.mmd) for Markdown documents.");
    ImGui::SameLine();
    if (ImGui::SmallButton("copy")) which = CopyMermaid;
    ImGui::SetItemTooltip("Copy the Mermaid block, fenced for Markdown, to the clipboard.");
    if (!can) ImGui::EndDisabled();
    if (!export_refused_.empty())
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "%s", export_refused_.c_str());
    if (which == None) return;

    ScheduleExportInput in = schedule_export_input(plan, an_);
    if (!in.cpm.ok()) return;
    in.dtstamp = utc_stamp();
    // A schedule the format cannot hold is not downloaded as an empty file: the reason stays
    // under the buttons until the next export.
    export_refused_.clear();
    const ScheduleExportFormat format = which == Ics ? ScheduleExportFormat::Ics
        : which == Mspdi                             ? ScheduleExportFormat::Mspdi
        : which == Csv                               ? ScheduleExportFormat::Csv
                                                     : ScheduleExportFormat::Mermaid;
    const Issues refused = export_issues(in, format);
    if (!refused.empty()) {
        export_refused_ = an_.text(refused.front());
        return;
    }
    const std::string base = file_slug(plan.meta.name) + "-timeline";
    switch (which) {
        case Csv: platform::download_file(base + ".csv", export_csv(in), "text/csv"); break;
        case Ics: platform::download_file(base + ".ics", export_ics(in), "text/calendar"); break;
        case Mspdi: platform::download_file(base + ".xml", export_mspdi(in), "application/xml"); break;
        case Mermaid: platform::download_file(base + ".mmd", export_mermaid(in), "text/plain"); break;
        case CopyMermaid: platform::set_clipboard_text("```mermaid\n" + export_mermaid(in) + "```\n"); break;
        default: break;
    }
}

// [SECTION] Number cells with drafts ---------------------------------------------------------

const ScheduleView::Draft* ScheduleView::draft(unsigned id) const {
    auto it = drafts_.find(id);
    return it == drafts_.end() ? nullptr : &it->second;
}

CellResult ScheduleView::number_cell(const char* label, double value, const char* format,
                                     const std::function<std::string(double)>& validate, double* out) {
    const ImGuiID id = ImGui::GetID(label);
    auto it = drafts_.find(id);
    double shown = it != drafts_.end() ? it->second.value : value;
    const bool has_draft = it != drafts_.end();
    if (has_draft) {
        ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::ColorConvertU32ToFloat4(plot_bad() & 0x50FFFFFF));
        ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(plot_bad()));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.5f);
    }
    const bool changed = ImGui::InputDouble(label, &shown, 0, 0, format);
    if (has_draft) {
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(2);
        if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetTooltip("%s", drafts_[id].why.c_str());
    }
    if (changed) {
        const std::string why = std::isfinite(shown) ? validate(shown) : std::string("not a number");
        if (why.empty()) {
            drafts_.erase(id);
            if (shown == value) return CellResult::None;  // e.g. Escape restored the old value
            *out = shown;
            return CellResult::Live;
        }
        drafts_[id] = Draft{shown, why};
    }
    if (ImGui::IsItemDeactivated()) {
        auto d = drafts_.find(id);
        if (d != drafts_.end()) {
            *out = d->second.value;
            drafts_.erase(d);
            return std::isfinite(*out) ? CellResult::Final : CellResult::None;
        }
    }
    return CellResult::None;
}

}  // namespace mf
