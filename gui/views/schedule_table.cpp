// [SECTION] Task edits (add, delete, duplicate, reorder)
// [SECTION] The task table
// [SECTION] The selected task: links, gate, figures
// [SECTION] Calendar
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "plot.h"
#include "schedule/gate.h"
#include "schedule/outline.h"
#include "schedule/schedule_edit.h"
#include "schedule/schedule_tables.h"
#include "style.h"
#include "table_keys.h"
#include "table_out.h"
#include "test_hooks.h"
#include "views/schedule_links.h"
#include "views/schedule_shared.h"
#include "views/schedule_view.h"
#include "widgets.h"

namespace mf {

using namespace schedule_ui;

// [SECTION] Task edits ------------------------------------------------------------------------
// Each wraps a named operation of core/schedule/schedule_edit.h, applied by task id.

// Inserts a new task after `after` (at the end when empty), linked finish-to-start from it.
// Returns the new task's id (so the view can select it).
static std::string push_add(const Plan& plan, Edits& edits, TaskKind kind, const std::string& after) {
    const std::string id = new_id(plan, kind == TaskKind::Milestone ? "m" : kind == TaskKind::Gate ? "g" : "t");
    edits.push_at(std::string("Add ") +
                      (kind == TaskKind::Milestone  ? "milestone"
                           : kind == TaskKind::Gate ? "gate"
                                                    : "task"),
                  "schedule.add_task", [kind, after, id](Plan& p) { add_task(p, kind, after, id); });
    return id;
}

static void push_delete(Edits& edits, const Task& t) {
    edits.push_at("Delete \"" + t.name + "\"", "schedule.delete_task", [id = t.id](Plan& p) { delete_task(p, id); });
}

static void push_duplicate(Edits& edits, const Task& t) {
    edits.push_at("Duplicate \"" + t.name + "\"", "schedule.duplicate_task",
                  [id = t.id](Plan& p) { duplicate_task(p, id); });
}

// Swaps the task with its previous / next sibling (subtasks move with their summary).
static void push_move(Edits& edits, const Task& t, int delta) {
    edits.push_at(std::string(delta < 0 ? "Move up \"" : "Move down \"") + t.name + "\"", "schedule.move_task",
                  [id = t.id, delta](Plan& p) { move_task(p, id, delta); });
}

// Indent / outdent: core's operation (outline.h) refuses with its reason ("a gate cannot have
// subtasks"); the document then keeps the plan and App shows the reason at "schedule.outline".
static void push_outline(Edits& edits, const Task& t, bool outdent) {
    edits.push_at(std::string(outdent ? "Outdent \"" : "Indent \"") + t.name + "\"", kOutlineField,
                  [id = t.id, outdent](Plan& p) { return outdent ? outdent_task(p, id) : indent_task(p, id); });
}

// The entry of a link type in the link editor's combo (FS, SS, FF, SF).
static int link_type_item(LinkType t) {
    switch (t) {
        case LinkType::FinishToStart: return 0;
        case LinkType::StartToStart: return 1;
        case LinkType::FinishToFinish: return 2;
        case LinkType::StartToFinish: return 3;
    }
    return 0;
}

// The type of link k of task t: a combo of FS, SS, FF, SF pushing set_link_type (each entry
// has a test anchor, "schedule.link.<task>.<k>.type.SF").
static void link_type_combo(Edits& edits, const Task& t, size_t k, LinkType current, const std::string& lk) {
    static constexpr LinkType kTypes[] = {LinkType::FinishToStart, LinkType::StartToStart, LinkType::FinishToFinish,
                                          LinkType::StartToFinish};  // the entries, in link_type_item's order
    const char* types[] = {"FS", "SS", "FF", "SF"};
    const std::string anchor = "schedule.link." + t.id + "." + std::to_string(k) + ".type";
    if (ImGui::BeginCombo("##type", types[link_type_item(current)])) {
        for (int e = 0; e < 4; ++e) {
            if (ImGui::Selectable(types[e], kTypes[e] == current) && kTypes[e] != current) {
                const LinkType lt = kTypes[e];
                edits.push_at("Change link type of \"" + t.name + "\"", lk + ".type",
                              [id = t.id, k, lt](Plan& pl) { set_link_type(pl, id, k, lt); });
            }
            MF_TEST_ANCHOR((anchor + "." + types[e]).c_str());
        }
        ImGui::EndCombo();
    }
    MF_TEST_ANCHOR(anchor.c_str());
    ImGui::SetItemTooltip(
        "FS: starts after it finishes · SS: starts after it starts · FF: finishes after it finishes · "
        "SF: finishes after it starts");
}

// Predecessors as MS Project writes them: row numbers, type and lag when not plain FS ("2, 6SS+5").
static std::string predecessor_summary(const Plan& plan, const Task& t) {
    std::string s;
    for (const auto& d : t.predecessors) {
        if (!s.empty()) s += ", ";
        const int i = task_index(plan, d.task_id);
        s += i >= 0 ? std::to_string(i + 1) : "?" + d.task_id;
        if (d.type != LinkType::FinishToStart || d.lag != 0) {
            s += link_type_key(d.type);
            if (d.lag != 0) s += (d.lag > 0 ? "+" : "−") + format_days(std::fabs(d.lag));
        }
    }
    return s;
}

// A three-point value left in its field out of order (most likely 12 above pessimistic 10):
// core's set_three_point moves the other points just enough to keep O ≤ M ≤ P. What it will
// move, in words ("pessimistic raised from 10 to 12"), or "" when nothing else moves.
static std::string three_point_moves(double o, double m, double p, int which, double v) {
    const double before[3] = {o, m, p};
    double after[3] = {o, m, p};
    set_three_point(after[0], after[1], after[2], which, v);
    static const char* names[3] = {"optimistic", "most likely", "pessimistic"};
    std::string moved;
    for (int k = 0; k < 3; ++k) {
        if (k == which || before[k] == after[k]) continue;
        moved += (moved.empty() ? "" : ", ") + std::string(names[k]) + (after[k] > before[k] ? " raised" : " lowered") +
            " from " + format_days(before[k]) + " to " + format_days(after[k]);
    }
    return moved;
}

void ScheduleView::note_three_point_moves(const std::string& what, const std::string& moved, uint64_t state_id) {
    points_note_ = what + ": " + moved + " to keep optimistic ≤ most likely ≤ pessimistic (Ctrl+Z undoes).";
    points_note_before_ = state_id;
    points_note_state_ = 0;  // bound to the plan state the edit makes, next frame
}

// Under the task table while the plan is in the state that edit made (undo hides it, redo
// shows it again).
void ScheduleView::draw_three_point_note(uint64_t state_id) {
    if (points_note_.empty()) return;
    if (points_note_state_ == 0 && state_id != points_note_before_) points_note_state_ = state_id;
    if (!points_note_shown(state_id)) return;
    ImGui::PushStyleColor(ImGuiCol_Text, plot_warn());
    ImGui::TextWrapped("▲ %s", points_note_.c_str());
    ImGui::PopStyleColor();
    if (ImGui::SmallButton("OK##points-note")) points_note_.clear();
}

// [SECTION] The task table --------------------------------------------------------------------

void ScheduleView::draw_tasks_page(ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    Edits& edits = ctx.edits;
    const Task* sel = selected.empty() ? nullptr : find_task(plan, selected);
    // Toolbar acting on the selection.
    if (ImGui::Button("+ Task")) selected = push_add(plan, edits, TaskKind::Task, selected);
    MF_TEST_ANCHOR("schedule.add_task");
    ImGui::SetItemTooltip("Add a task after the selected one, linked finish-to-start from it.");
    ImGui::SameLine();
    if (ImGui::Button("+ Milestone")) selected = push_add(plan, edits, TaskKind::Milestone, selected);
    ImGui::SameLine();
    if (ImGui::Button("+ Gate")) selected = push_add(plan, edits, TaskKind::Gate, selected);
    ImGui::SameLine(0, em(1.2f));
    if (!sel) ImGui::BeginDisabled();
    if (ImGui::Button("Duplicate") && sel) push_duplicate(edits, *sel);
    ImGui::SameLine();
    if (ImGui::Button("Delete") && sel) push_delete(edits, *sel);
    MF_TEST_ANCHOR("schedule.delete_task");
    ImGui::SameLine();
    ImGui::BeginDisabled(sel && !can_move_task(plan, sel->id, -1));
    if (ImGui::Button("Move up") && sel) push_move(edits, *sel, -1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(sel && !can_move_task(plan, sel->id, +1));
    if (ImGui::Button("Move down") && sel) push_move(edits, *sel, +1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Outdent") && sel) push_outline(edits, *sel, true);
    MF_TEST_ANCHOR("schedule.outdent");
    ImGui::SetItemTooltip("Move the task up one outline level (Alt+Shift+Left).");
    ImGui::SameLine();
    if (ImGui::Button("Indent") && sel) push_outline(edits, *sel, false);
    MF_TEST_ANCHOR("schedule.indent");
    ImGui::SetItemTooltip(
        "Make the task a subtask of the nearest task above it at the same level (Alt+Shift+Right):\n"
        "that task becomes a summary task whose dates roll up from its subtasks.");
    if (!sel) ImGui::EndDisabled();
    // MS Project's shortcuts, while this page has focus and no text field is being edited.
    if (sel && !ImGui::GetIO().WantTextInput && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
        if (ImGui::IsKeyChordPressed(ImGuiMod_Alt | ImGuiMod_Shift | ImGuiKey_RightArrow))
            push_outline(edits, *sel, false);
        else if (ImGui::IsKeyChordPressed(ImGuiMod_Alt | ImGuiMod_Shift | ImGuiKey_LeftArrow))
            push_outline(edits, *sel, true);
    }
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    ImGui::SetItemTooltip(
        "Durations are in working days of the calendar below: optimistic / most likely / pessimistic.\n"
        "The plan (critical path, Gantt, exports) uses the most likely value; the Monte Carlo samples the three.\n"
        "Predecessors use row numbers: 6SS+5 = starts 5 working days after task 6 starts, 2FS−3 = a 3-day lead.\n"
        "Indent / Outdent (Alt+Shift+Right / Left) nest tasks under a summary task: its dates roll up from its\n"
        "subtasks and its own durations are ignored. A link to a summary task (FS, SS) applies to each subtask;\n"
        "a link from it (FS, FF) waits for its last subtask.");
    if (const Issue* refused = ctx.field_errors.find(kOutlineField)) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_warn()), "Cannot change the outline: %s",
                           refused->message.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("OK##outline")) ctx.field_errors.by_field.erase(kOutlineField);
    }

    draw_task_table(ctx);
    draw_three_point_note(ctx.state_id);
    sel = selected.empty() ? nullptr : find_task(plan, selected);
    ImGui::Spacing();
    if (sel)
        draw_task_details(ctx, *sel);
    else
        ImGui::TextDisabled("Select a task (click its row number) to edit its dependencies, gate and target date.");
    ImGui::Spacing();
    draw_calendar(ctx);
}

// [SECTION] The task table: one row -------------------------------------------------------

// What every cell of a task's row reads; a field the user activates selects the task.
struct TaskRow {
    ViewContext& ctx;
    const Plan& plan;
    Edits& edits;
    const Task& t;
    size_t i;         // index in the plan
    bool summary;     // has subtasks: durations roll up
    std::string key;  // "schedule.<id>." field keys
    std::string& selected;
    TableKeys& keys;  // Up / Down / Enter between the rows' fields
    int row;          // the row on screen (outline order)
    void activated() const {
        if (ImGui::IsItemActivated()) selected = t.id;
    }
    // Around each field of the row: the table's spreadsheet keys (table_keys.h), and a field
    // reached with them selects its task as a click does.
    void before(int col) const { keys.before(row, col); }
    void after(int col) const {
        if (keys.after(row, col)) selected = t.id;
    }
};

// The table's columns, as TableKeys numbers them.
enum TaskColumn {
    ColNumber = 0,
    ColName,
    ColPartner,
    ColCalendar,
    ColKind,
    ColOptimistic,
    ColLikely,
    ColPessimistic,
    ColDistribution,
    ColPredecessors
};
constexpr int kColFloat = 13;  // after Gate passes, Start, Finish

static void setup_task_table_columns() {
    ImGui::TableSetupScrollFreeze(2, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, em(1.5f));
    // The name takes the room the other columns leave (the table's inner width is at least the
    // window's: see draw_task_table); a name still cut shows whole in a tooltip.
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Partner", ImGuiTableColumnFlags_WidthFixed, em(6.5f));
    ImGui::TableSetupColumn("Calendar", ImGuiTableColumnFlags_WidthFixed, em(5));
    ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, em(4.6f));
    // Durations and float carry their unit, working days ("wd"), in the header; the header's
    // tooltip spells it out.
    ImGui::TableSetupColumn("Opt. (wd)", ImGuiTableColumnFlags_WidthFixed, em(4.4f));
    ImGui::TableSetupColumn("Likely (wd)", ImGuiTableColumnFlags_WidthFixed, em(4.4f));
    ImGui::TableSetupColumn("Pess. (wd)", ImGuiTableColumnFlags_WidthFixed, em(4.4f));
    ImGui::TableSetupColumn("Distrib.", ImGuiTableColumnFlags_WidthFixed, em(4.6f));
    ImGui::TableSetupColumn("Predec.", ImGuiTableColumnFlags_WidthFixed, em(4.6f));
    ImGui::TableSetupColumn("Gate passes", ImGuiTableColumnFlags_WidthFixed, em(6));
    ImGui::TableSetupColumn("Start", ImGuiTableColumnFlags_WidthFixed, em(5.2f));
    ImGui::TableSetupColumn("Finish", ImGuiTableColumnFlags_WidthFixed, em(5.2f));
    ImGui::TableSetupColumn("Float (wd)", ImGuiTableColumnFlags_WidthFixed, em(4.4f));
    ImGui::TableSetupColumn("Crit. MC", ImGuiTableColumnFlags_WidthFixed, em(3.5f));
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < ImGui::TableGetColumnCount(); ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        const char* tip = c == ColOptimistic ? "Optimistic duration, in working days of the task's calendar"
            : c == ColLikely                 ? "Most likely duration, in working days of the task's calendar"
            : c == ColPessimistic            ? "Pessimistic duration, in working days of the task's calendar"
            : c == kColFloat                 ? "Total float, in working days"
                                             : nullptr;
        if (tip) ImGui::SetItemTooltip("%s", tip);
    }
}

// #: selects the row (spanning all columns); right-click for the row menu.
static void draw_task_number_cell(const TaskRow& row, float row_h, bool is_sel, bool& scroll_to_selected) {
    const Plan& plan = row.plan;
    Edits& edits = row.edits;
    const Task& t = row.t;
    std::string& selected = row.selected;
    const size_t i = row.i;
    ImGui::TableNextColumn();
    char num[24];
    std::snprintf(num, sizeof num, "%zu", i + 1);
    ImGui::AlignTextToFramePadding();
    row.before(ColNumber);
    if (ImGui::Selectable(num, is_sel, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap,
                          ImVec2(0, row_h - ImGui::GetStyle().CellPadding.y * 2)))
        selected = t.id;
    row.after(ColNumber);
#ifdef MF_TEST_HOOKS
    {  // the row number's cell (the selectable spans the whole row, under the fields)
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        test_anchors()["schedule.row." + t.id] = {a.x, a.y, a.x + ImGui::GetColumnWidth(), b.y};
    }
#endif
    if (is_sel && scroll_to_selected) {
        ImGui::SetScrollHereY(0.3f);
        scroll_to_selected = false;
    }
    if (ImGui::BeginPopupContextItem("row")) {
        selected = t.id;
        if (ImGui::MenuItem("Duplicate")) push_duplicate(edits, t);
        if (ImGui::MenuItem("Delete")) push_delete(edits, t);
        if (ImGui::MenuItem("Move up", nullptr, false, can_move_task(plan, t.id, -1))) push_move(edits, t, -1);
        if (ImGui::MenuItem("Move down", nullptr, false, can_move_task(plan, t.id, +1))) push_move(edits, t, +1);
        if (ImGui::MenuItem("Indent", "Alt+Shift+Right")) push_outline(edits, t, false);
        if (ImGui::MenuItem("Outdent", "Alt+Shift+Left", false, !t.parent.empty())) push_outline(edits, t, true);
        ImGui::EndPopup();
    }
}

// Name, indented by its outline level.
static void draw_task_name_cell(const TaskRow& row, int depth) {
    ViewContext& ctx = row.ctx;
    Edits& edits = row.edits;
    const Task& t = row.t;
    const std::string& key = row.key;
    ImGui::TableNextColumn();
    if (depth > 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + em(0.9f) * static_cast<float>(depth));
    ImGui::SetNextItemWidth(-FLT_MIN);
    std::string name = t.name;
    row.before(ColName);
    if (input_string("##name", name))
        edit_task(edits, "Rename task", key + "name", true, t.id, [name](Task& x) { x.name = name; });
    row.activated();
    row.after(ColName);
    MF_TEST_ANCHOR(("schedule.task." + t.id + ".name").c_str());
    field_error_marker(ctx, key + "name");
    field_tooltip_when_cut(t.name);
}

// Partner.
static void draw_task_partner_cell(const TaskRow& row) {
    ViewContext& ctx = row.ctx;
    const Plan& plan = row.plan;
    Edits& edits = row.edits;
    const Task& t = row.t;
    const std::string& key = row.key;
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string pname = t.partner_id.empty() ? "—" : partner_name(plan, t.partner_id);
    row.before(ColPartner);
    const bool open = ImGui::BeginCombo("##partner", pname.c_str(), ImGuiComboFlags_NoArrowButton);
    if (!open) field_tooltip_when_cut(pname);
    if (open) {
        if (ImGui::Selectable("— (none)", t.partner_id.empty()) && !t.partner_id.empty())
            edit_task(edits, "Set partner of \"" + t.name + "\"", key + "partner", false, t.id,
                      [](Task& x) { x.partner_id.clear(); });
        for (const auto& p : plan.decision.partners) {
            const std::string label = (p.name.empty() ? p.id : p.name) + "##" + p.id;
            if (ImGui::Selectable(label.c_str(), p.id == t.partner_id) && p.id != t.partner_id)
                edit_task(edits, "Set partner of \"" + t.name + "\"", key + "partner", false, t.id,
                          [pid = p.id](Task& x) { x.partner_id = pid; });
        }
        if (plan.decision.partners.empty()) ImGui::TextDisabled("No partners in this plan yet.");
        ImGui::EndCombo();
    }
    row.activated();
    row.after(ColPartner);
    field_error_marker(ctx, key + "partner");
}

// Calendar: its own, else its partner's (shown in brackets), else the project's.
static void draw_task_calendar_cell(const TaskRow& row) {
    ViewContext& ctx = row.ctx;
    const Plan& plan = row.plan;
    Edits& edits = row.edits;
    const Task& t = row.t;
    const std::string& key = row.key;
    ImGui::TableNextColumn();
    {
        auto cal_name = [&](const std::string& id) {
            for (const auto& nc : plan.schedule.calendars)
                if (nc.id == id) return nc.name.empty() ? nc.id : nc.name;
            return id;
        };
        std::string inherited = "Project";
        if (auto pc = plan.schedule.partner_calendars.find(t.partner_id);
            !t.partner_id.empty() && pc != plan.schedule.partner_calendars.end())
            inherited = cal_name(pc->second);
        const std::string shown = t.calendar.empty() ? "(" + inherited + ")" : cal_name(t.calendar);
        ImGui::SetNextItemWidth(-FLT_MIN);
        row.before(ColCalendar);
        if (ImGui::BeginCombo("##calendar", shown.c_str(), ImGuiComboFlags_NoArrowButton)) {
            const std::string def = "(" + inherited + ": partner's or project calendar)";
            if (ImGui::Selectable(def.c_str(), t.calendar.empty()) && !t.calendar.empty())
                edit_task(edits, "Set calendar of \"" + t.name + "\"", key + "calendar", false, t.id,
                          [](Task& x) { x.calendar.clear(); });
            for (const auto& nc : plan.schedule.calendars) {
                const std::string label = (nc.name.empty() ? nc.id : nc.name) + "##" + nc.id;
                if (ImGui::Selectable(label.c_str(), nc.id == t.calendar) && nc.id != t.calendar)
                    edit_task(edits, "Set calendar of \"" + t.name + "\"", key + "calendar", false, t.id,
                              [cid = nc.id](Task& x) { x.calendar = cid; });
                MF_TEST_ANCHOR(("schedule.task." + t.id + ".calendar." + nc.id).c_str());
            }
            if (plan.schedule.calendars.empty())
                ImGui::TextDisabled("Add calendars under \"Working calendars\" below.");
            ImGui::EndCombo();
        }
        row.activated();
        row.after(ColCalendar);
        MF_TEST_ANCHOR(("schedule.task." + t.id + ".calendar").c_str());
        ImGui::SetItemTooltip("The calendar its durations count working days in: %s", shown.c_str());
        field_error_marker(ctx, key + "calendar");
    }
}

// Kind.
static void draw_task_kind_cell(const TaskRow& row) {
    ViewContext& ctx = row.ctx;
    Edits& edits = row.edits;
    const Task& t = row.t;
    const bool summary = row.summary;
    const std::string& key = row.key;
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    row.before(ColKind);
    if (ImGui::BeginCombo("##kind", kind_label(t.kind), ImGuiComboFlags_NoArrowButton)) {
        for (TaskKind k : {TaskKind::Task, TaskKind::Milestone, TaskKind::Gate}) {
            // A summary task stays an ordinary task (set_task_kind refuses).
            const ImGuiSelectableFlags off = summary && k != TaskKind::Task ? ImGuiSelectableFlags_Disabled : 0;
            if (ImGui::Selectable(kind_label(k), k == t.kind, off) && k != t.kind)
                edits.push_at(std::string("Make \"") + t.name + "\" a " + task_kind_key(k), key + "kind",
                              [id = t.id, k](Plan& p) { set_task_kind(p, id, k); });
        }
        if (summary) ImGui::TextDisabled("A summary task (it has subtasks) stays a task.");
        ImGui::EndCombo();
    }
    row.activated();
    row.after(ColKind);
    field_error_marker(ctx, key + "kind");
}

// Three-point duration (read-only for a summary task or a milestone). `number_cell` is the
// view's ScheduleView::number_cell (it keeps the drafts of rejected values).
static void draw_task_duration_cells(const TaskRow& row, const CpmResult* cpm, auto&& number_cell, auto&& note_moves) {
    ViewContext& ctx = row.ctx;
    Edits& edits = row.edits;
    const Task& t = row.t;
    const bool summary = row.summary;
    const std::string& key = row.key;
    const size_t i = row.i;
    const char* fields[3] = {"optimistic", "most_likely", "pessimistic"};
    const double values[3] = {t.optimistic, t.most_likely, t.pessimistic};
    for (int k = 0; k < 3; ++k) {
        ImGui::TableNextColumn();
        if (summary) {  // rolled up from the subtasks: the span, read-only
            ImGui::AlignTextToFramePadding();
            if (k == 1 && cpm)
                ImGui::TextDisabled("%s", format_days(cpm->tasks[i].duration).c_str());
            else
                ImGui::TextDisabled("·");
            ImGui::SetItemTooltip(
                "Summary task: its dates roll up from its subtasks (earliest start to latest "
                "finish); its own durations are ignored.");
            continue;
        }
        if (t.kind == TaskKind::Milestone) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("0");
            continue;
        }
        ImGui::SetNextItemWidth(-FLT_MIN);
        double v = 0;
        const std::string label = std::string("##") + fields[k];
        row.before(ColOptimistic + k);
        const CellResult r = number_cell(
            label.c_str(), values[k], "%.6g",
            [&, k](double x) { return three_point_problem(t.optimistic, t.most_likely, t.pessimistic, k, x); }, &v);
        row.activated();
        row.after(ColOptimistic + k);
        MF_TEST_ANCHOR(("schedule.task." + t.id + "." + fields[k]).c_str());
        if (r != CellResult::None) {
            std::string what = std::string("Edit ") +
                (k == 0       ? "optimistic"
                     : k == 1 ? "most likely"
                              : "pessimistic") +
                " duration of \"" + t.name + "\"";
            // Left out of order: the other points move; the label and a note under the table say so.
            if (const std::string moved = three_point_moves(t.optimistic, t.most_likely, t.pessimistic, k, v);
                r == CellResult::Final && !moved.empty()) {
                note_moves(what + " to " + format_days(v), moved);
                what += " (" + moved + ")";
            }
            auto set = [id = t.id, k, v](Plan& p) { set_task_duration(p, id, k, v); };
            if (r == CellResult::Live)
                edits.push_merge(what, key + fields[k], set);  // typing: one undo step
            else
                edits.push_at(what, key + fields[k], set);
        }
        field_error_marker(ctx, key + fields[k]);
    }
}

// Distribution.
static void draw_task_distribution_cell(const TaskRow& row) {
    ViewContext& ctx = row.ctx;
    Edits& edits = row.edits;
    const Task& t = row.t;
    const bool summary = row.summary;
    const std::string& key = row.key;
    ImGui::TableNextColumn();
    if (t.kind != TaskKind::Milestone && !summary) {
        ImGui::SetNextItemWidth(-FLT_MIN);
        const char* dn[] = {"PERT", "Triangular"};
        const int di = t.distribution == DurationDistribution::Triangular ? 1 : 0;
        row.before(ColDistribution);
        if (ImGui::BeginCombo("##dist", dn[di], ImGuiComboFlags_NoArrowButton)) {
            for (int k = 0; k < 2; ++k)
                if (ImGui::Selectable(dn[k], k == di) && k != di)
                    edit_task(edits, "Set distribution of \"" + t.name + "\"", key + "distribution", false, t.id,
                              [k](Task& x) {
                                  x.distribution =
                                      k == 1 ? DurationDistribution::Triangular : DurationDistribution::Pert;
                              });
            ImGui::EndCombo();
        }
        ImGui::SetItemTooltip("PERT (beta, λ = 4): mean (O + 4M + P)/6 · triangular: mean (O + M + P)/3");
        row.activated();
        row.after(ColDistribution);
        field_error_marker(ctx, key + "distribution");
    }
}

// Predecessors (summary; edited in the details panel).
static void draw_task_predecessors_cell(const TaskRow& row) {
    const Plan& plan = row.plan;
    const Task& t = row.t;
    std::string& selected = row.selected;
    ImGui::TableNextColumn();
    const std::string preds = predecessor_summary(plan, t);
    const std::string pred_label = (preds.empty() ? std::string("+") : preds) + "##preds";
    row.before(ColPredecessors);
    if (ImGui::Button(pred_label.c_str(), ImVec2(-FLT_MIN, 0))) {
        selected = t.id;
    }
    row.after(ColPredecessors);
    MF_TEST_ANCHOR(("schedule.task." + t.id + ".predecessors").c_str());
    if (ImGui::BeginItemTooltip()) {
        if (t.predecessors.empty()) ImGui::TextUnformatted("No predecessors: starts at the project start.");
        for (const auto& d : t.predecessors) {
            const Task* p = find_task(plan, d.task_id);
            ImGui::Text("%s %s%s%s working days: %s", link_type_key(d.type), d.lag < 0 ? "lead " : "lag ", "",
                        format_days(std::fabs(d.lag)).c_str(), p ? p->name.c_str() : d.task_id.c_str());
        }
        ImGui::TextDisabled("Click to edit the links below the table.");
        ImGui::EndTooltip();
    }
}

// Gate.
static void draw_task_gate_cell(const Task& t, const std::vector<LinkReport>& links) {
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    if (t.kind == TaskKind::Gate) {
        ImGui::TextUnformatted(linked_gate_summary(t, links).c_str());
        ImGui::SetItemTooltip(
            "Passes with %s; a failure costs %s / %s / %s working days of rework%s, at most %d loops%s.",
            format_percent(linked_pass_probability(t, links)).c_str(), format_days(t.gate.rework.optimistic).c_str(),
            format_days(t.gate.rework.most_likely).c_str(), format_days(t.gate.rework.pessimistic).c_str(),
            t.gate.repeat.empty() ? "" : " plus a re-run of the repeated tasks", t.gate.max_loops,
            t.gate.assume_first_fails ? "; the first batch is assumed to fail" : "");
    }
}

// Dates and floats (CPM), and the Monte Carlo criticality index.
static void draw_task_schedule_cells(const CpmResult* cpm, const McResult* mc, size_t i) {
    ImGui::TableNextColumn();
    if (cpm) ImGui::TextUnformatted(format_iso_date(cpm->tasks[i].es_date).c_str());
    ImGui::TableNextColumn();
    if (cpm) ImGui::TextUnformatted(format_iso_date(cpm->tasks[i].ef_date).c_str());
    ImGui::TableNextColumn();
    if (cpm) {
        const CpmTask& c = cpm->tasks[i];
        if (c.critical)
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "critical");
        else
            ImGui::Text("%s wd", format_days(c.total_float).c_str());
        ImGui::SetItemTooltip("Total float %s, free float %s working days%s", format_days(c.total_float).c_str(),
                              format_days(c.free_float).c_str(), c.critical ? ": on the critical path" : "");
    }
    ImGui::TableNextColumn();
    if (mc) ImGui::Text("%.0f %%", mc->tasks[i].criticality * 100);
}

// One row of the task table: `row` in outline order.
void ScheduleView::draw_task_row(ViewContext& ctx, const Outline& outline, const CpmResult* cpm, const McResult* mc,
                                 float row_h, int row) {
    const Plan& plan = ctx.plan;
    const size_t i = static_cast<size_t>(outline.order[static_cast<size_t>(row)]);
    const Task& t = plan.schedule.tasks[i];
    const bool summary = outline.is_summary(static_cast<int>(i));
    const std::string key = "schedule." + t.id + ".";
    ImGui::PushID(t.id.c_str());
    ImGui::TableNextRow(0, row_h);
    const bool is_sel = t.id == selected;
    const TaskRow task_row{ctx, plan, ctx.edits, t, i, summary, key, selected, task_keys_, row};
    draw_task_number_cell(task_row, row_h, is_sel, scroll_to_selected_);
    draw_task_name_cell(task_row, outline.depth[i]);
    draw_task_partner_cell(task_row);
    draw_task_calendar_cell(task_row);
    draw_task_kind_cell(task_row);
    draw_task_duration_cells(
        task_row, cpm, [this](auto&&... a) { return number_cell(a...); },
        [&](const std::string& what, const std::string& moved) { note_three_point_moves(what, moved, ctx.state_id); });
    draw_task_distribution_cell(task_row);
    draw_task_predecessors_cell(task_row);
    draw_task_gate_cell(t, an_.resolved.links);
    draw_task_schedule_cells(cpm, mc, i);
    ImGui::PopID();
}

void ScheduleView::draw_task_table(ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    const auto& tasks = plan.schedule.tasks;
    const CpmResult* cpm = an_.cpm && an_.cpm->tasks.size() == tasks.size() ? &*an_.cpm : nullptr;
    const McResult* mc = per_task(mc_drawn(), tasks.size());

    // The figures of this plan only, never those of the run before it.
    table_out("schedule.cpm", plan.meta.name,
              [&] { return cpm_table(plan, an_, per_task(mc_result(), tasks.size())); });
    const float row_h = ImGui::GetFrameHeight() + ImGui::GetStyle().CellPadding.y * 2;
    const float want = (row_h + 2) * static_cast<float>(tasks.size() + 1) + em(1);
    const float avail = ImGui::GetContentRegionAvail().y;
    const float height = std::min(want, std::max(em(10), avail - em(15)));  // leave room for the details
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
        ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
    // Scrolling sideways, the fixed columns take about 65 em: the name column stretches into the
    // rest of the window, and never below 12 em (then the table scrolls).
    const float inner_w = std::max(ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize, em(78));
    if (!ImGui::BeginTable("tasks", 15, flags, ImVec2(0, height), inner_w)) return;
    setup_task_table_columns();

    // Only the rows in view are drawn (ImGuiListClipper; it adds the rows keyboard navigation
    // moves to), and those that must stay: the row with the keyboard and the row the keys asked
    // to focus, each with its neighbours (Up, Down and Enter move from it to a row drawn in the
    // same frame, and the keyboard reaches the asked-for row during the frame: a key pressed
    // there at once must find the next row drawn; a field being typed into must not vanish),
    // and the selected row when it is to be scrolled to. A 200-task table took 3-4 ms a pass in
    // the browser drawn whole; tests/gui/test_schedule_view.cpp.
    const Outline outline = build_outline(plan.schedule);
    const int rows = static_cast<int>(outline.order.size());
    ImGuiListClipper clipper;
    clipper.Begin(rows);
    const auto include = [&](int row) {
        if (row >= 0 && row < rows) clipper.IncludeItemByIndex(row);
    };
    for (const int keyed : {task_keys_.current_row(), task_keys_.arriving_row()})
        if (keyed >= 0)
            for (int d = -1; d <= 1; ++d) include(keyed + d);
    if (scroll_to_selected_)
        for (int row = 0; row < rows; ++row)
            if (tasks[static_cast<size_t>(outline.order[static_cast<size_t>(row)])].id == selected) include(row);
    while (clipper.Step())
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row)
            draw_task_row(ctx, outline, cpm, mc, row_h, row);
    task_keys_.end();
    ImGui::EndTable();
}

// [SECTION] The selected task -----------------------------------------------------------------

void ScheduleView::draw_task_details(ViewContext& ctx, const Task& t) {
    const Plan& plan = ctx.plan;
    Edits& edits = ctx.edits;
    const int ti = task_index(plan, t.id);
    const std::string key = "schedule." + t.id + ".";
    ImGui::PushID("details");
    ImGui::PushID(t.id.c_str());
    if (!ImGui::BeginTable("details", 3, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
        ImGui::PopID();
        ImGui::PopID();
        return;
    }
    ImGui::TableNextRow();

    // --- Links ---
    ImGui::TableNextColumn();
    ImGui::SeparatorText(("Predecessors of " + std::to_string(ti + 1) + " “" + t.name + "”").c_str());
    if (t.predecessors.empty()) ImGui::TextDisabled("None: it can start at the project start.");
    auto listed = [&](const std::string& id) {
        return std::any_of(t.predecessors.begin(), t.predecessors.end(),
                           [&](const Dependency& x) { return x.task_id == id; });
    };
    for (size_t k = 0; k < t.predecessors.size(); ++k) {
        const Dependency& d = t.predecessors[k];
        const std::string lk = key + "link" + std::to_string(k);
        ImGui::PushID(static_cast<int>(k));
        const Task* p = find_task(plan, d.task_id);
        const int pi = task_index(plan, d.task_id);
        const std::string plabel = (pi >= 0 ? std::to_string(pi + 1) + " " : "") + (p ? p->name : d.task_id);
        ImGui::SetNextItemWidth(em(11));
        if (ImGui::BeginCombo("##pred", plabel.c_str())) {
            for (size_t j = 0; j < plan.schedule.tasks.size(); ++j) {
                const Task& o = plan.schedule.tasks[j];
                const bool taken = o.id == t.id || listed(o.id);  // set_link_predecessor refuses these
                const std::string ol = std::to_string(j + 1) + " " + o.name;
                if (ImGui::Selectable(ol.c_str(), o.id == d.task_id, taken ? ImGuiSelectableFlags_Disabled : 0))
                    edits.push_at("Change predecessor of \"" + t.name + "\"", lk,
                                  [id = t.id, k, nid = o.id](Plan& pl) { set_link_predecessor(pl, id, k, nid); });
            }
            ImGui::EndCombo();
        }
        field_error_marker(ctx, lk);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(3.6f));
        link_type_combo(edits, t, k, d.type, lk);
        field_error_marker(ctx, lk + ".type");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(4));
        // A plain number: the document refuses a lag out of range, with the reason at the field.
        double lag = d.lag;
        if (ImGui::InputDouble("##lag", &lag, 0, 0, "%+.6g"))
            edit_task(edits, "Change lag of \"" + t.name + "\"", lk + ".lag", true, t.id, [k, lag](Task& x) {
                if (k < x.predecessors.size()) x.predecessors[k].lag = lag;
            });
        MF_TEST_ANCHOR(("schedule.link." + t.id + "." + std::to_string(k) + ".lag").c_str());
        ImGui::SetItemTooltip("Lag in working days; negative = a lead (overlap).");
        field_error_marker(ctx, lk + ".lag");
        ImGui::SameLine();
        ImGui::TextDisabled("wd");
        ImGui::SameLine();
        if (ImGui::SmallButton("Remove"))
            edits.push_at("Remove link to \"" + t.name + "\"", lk,
                          [id = t.id, k](Plan& pl) { remove_link(pl, id, k); });
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(em(14));
    if (ImGui::BeginCombo("##addpred", "Add predecessor…")) {
        for (size_t j = 0; j < plan.schedule.tasks.size(); ++j) {
            const Task& o = plan.schedule.tasks[j];
            if (o.id == t.id || listed(o.id)) continue;  // add_link refuses these
            const std::string ol = std::to_string(j + 1) + " " + o.name;
            if (ImGui::Selectable(ol.c_str()))
                edits.push_at("Link \"" + o.name + "\" → \"" + t.name + "\"", key + "add_link",
                              [id = t.id, nid = o.id](Plan& pl) { add_link(pl, id, nid); });
        }
        ImGui::EndCombo();
    }
    MF_TEST_ANCHOR("schedule.add_predecessor");
    field_error_marker(ctx, key + "add_link");
    std::string succ;
    for (size_t j = 0; j < plan.schedule.tasks.size(); ++j)
        for (const auto& d : plan.schedule.tasks[j].predecessors)
            if (d.task_id == t.id) succ += (succ.empty() ? "" : ", ") + std::to_string(j + 1);
    ImGui::TextDisabled("Successors: %s", succ.empty() ? "none" : succ.c_str());

    // --- Gate ---
    ImGui::TableNextColumn();
    if (t.kind != TaskKind::Gate) {
        ImGui::SeparatorText("Quality gate");
        ImGui::TextWrapped(
            "Not a gate. Set its kind to Gate to give it a pass probability (typed in, or from a Cpk "
            "criterion) and a rework loop taken when it fails.");
    } else {
        draw_gate_details(ctx, t);
    }

    // --- Figures ---
    ImGui::TableNextColumn();
    ImGui::SeparatorText("Dates and risk");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(t.kind == TaskKind::Milestone ? "Target date" : "Due date (optional)");
    ImGui::SameLine();
    std::optional<Date> target;
    if (input_date("##target", t.target, &target))
        edit_task(edits, "Set target of \"" + t.name + "\"", key + "target", false, t.id,
                  [target](Task& x) { x.target = target; });
    field_error_marker(ctx, key + "target");
    if (an_.cpm && ti >= 0 && static_cast<size_t>(ti) < an_.cpm->tasks.size()) {
        const CpmTask& c = an_.cpm->tasks[static_cast<size_t>(ti)];
        ImGui::Text("Early  %s → %s  (wd %s → %s)", format_iso_date(c.es_date).c_str(),
                    format_iso_date(c.ef_date).c_str(), format_days(c.es).c_str(), format_days(c.ef).c_str());
        ImGui::Text("Late   %s → %s  (wd %s → %s)", format_iso_date(c.ls_date).c_str(),
                    format_iso_date(c.lf_date).c_str(), format_days(c.ls).c_str(), format_days(c.lf).c_str());
        ImGui::Text("Duration in the plan %s wd · total float %s · free float %s", format_days(c.duration).c_str(),
                    format_days(c.total_float).c_str(), format_days(c.free_float).c_str());
        if (c.critical) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "On the critical path");
    }
    const McResult* mc = mc_drawn();
    if (mc && mc->ok() && ti >= 0 && static_cast<size_t>(ti) < mc->tasks.size()) {
        const McTaskStats& s = mc->tasks[static_cast<size_t>(ti)];
        ImGui::Text("Monte Carlo: critical in %.0f %% of runs", s.criticality * 100);
        if (std::isfinite(s.sensitivity))
            ImGui::Text("Sensitivity (rank correlation with the finish) %.2f", s.sensitivity);
        ImGui::Text("Finish P50 %s · P80 %s", format_iso_date(s.p50_finish_date).c_str(),
                    format_iso_date(s.p80_finish_date).c_str());
        if (s.probability_meet_target) {
            ImGui::TextUnformatted("Meets its date:");
            ImGui::SameLine();
            verdict_text(*s.probability_meet_target);
        }
    }
    ImGui::EndTable();
    ImGui::PopID();
    ImGui::PopID();
}

// The selected gate: its criterion (a typed pass probability, or a Cpk criterion, typed or
// linked to measured data), the rework per loop, the tasks it re-runs and the loop limit.
void ScheduleView::draw_gate_details(ViewContext& ctx, const Task& t) {
    const Plan& plan = ctx.plan;
    Edits& edits = ctx.edits;
    const std::string key = "schedule." + t.id + ".";
    const GateSpec& g = t.gate;
    ImGui::SeparatorText("Quality gate");
    int mode = g.cpk ? 1 : 0;
    bool mode_changed = ImGui::RadioButton("Pass probability", &mode, 0);
    ImGui::SameLine();
    mode_changed |= ImGui::RadioButton("From a Cpk criterion", &mode, 1);
    if (mode_changed)
        edits.push_at("Change gate criterion of \"" + t.name + "\"", key + "criterion",
                      [id = t.id, mode](Plan& p) { set_gate_criterion(p, id, mode == 1); });
    field_error_marker(ctx, key + "criterion");
    const float lw = em(8.5f);
    auto label = [&](const char* s) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(s);
        ImGui::SameLine(lw);
        ImGui::SetNextItemWidth(em(5));
    };
    if (!g.cpk) {
        label("passes with");
        double v = g.pass_probability.value_or(1) * 100;
        if (ImGui::InputDouble("##p", &v, 0, 0, "%.4g %%"))  // 0 … 100 %: the document refuses others
            edit_task(edits, "Set pass probability of \"" + t.name + "\"", key + "p", true, t.id,
                      [v](Task& x) { x.gate.pass_probability = v / 100.0; });
        MF_TEST_ANCHOR("schedule.gate.pass_probability");
        field_error_marker(ctx, key + "p");
    } else {
        const CpkCriterion c = *g.cpk;
        draw_gate_link(ctx, t, an_.resolved.links);  // measured data (schedule_links.cpp)
        struct F {
            const char* name;
            double CpkCriterion::*field;
            const char* fmt;
        };
        const F fs[] = {{"expected Cpk", &CpkCriterion::estimate, "%.4g"},
                        {"parts measured", &CpkCriterion::sample_size, "%.0f"},
                        {"threshold", &CpkCriterion::threshold, "%.4g"}};
        for (const F& f : fs) {
            label(f.name);
            double v = c.*(f.field);
            if (ImGui::InputDouble((std::string("##") + f.name).c_str(), &v, 0, 0, f.fmt))
                edit_task(edits, std::string("Set ") + f.name + " of \"" + t.name + "\"", key + f.name, true, t.id,
                          [f, v](Task& x) {
                              if (x.gate.cpk) (*x.gate.cpk).*(f.field) = v;
                          });
            field_error_marker(ctx, key + f.name);
        }
        const CpkPassResult pr = pass_probability_from_cpk(c);
        if (!pr.error.empty())
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "%s", pr.error.c_str());
        else
            ImGui::TextWrapped("→ passes with %s (standard error of the measured Cpk %.3f, Bissell)",
                               format_percent(pr.probability).c_str(), pr.standard_error);
    }
    // Rework per loop.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("rework per loop");
    ImGui::SameLine(lw);
    const char* rf[3] = {"O", "M", "P"};
    const double rv[3] = {g.rework.optimistic, g.rework.most_likely, g.rework.pessimistic};
    for (int k = 0; k < 3; ++k) {
        if (k) ImGui::SameLine();
        ImGui::SetNextItemWidth(em(3.2f));
        double v = 0;
        const CellResult r = number_cell((std::string("##rw") + rf[k]).c_str(), rv[k], "%.6g",
                                         [&, k](double x) {
                                             return three_point_problem(g.rework.optimistic, g.rework.most_likely,
                                                                        g.rework.pessimistic, k, x);
                                         },
                                         &v);
        if (r != CellResult::None) {
            std::string label_k = "Edit rework of \"" + t.name + "\"";
            if (const std::string moved =
                    three_point_moves(g.rework.optimistic, g.rework.most_likely, g.rework.pessimistic, k, v);
                r == CellResult::Final && !moved.empty()) {
                note_three_point_moves(label_k + " (" + rf[k] + " to " + format_days(v) + ")", "rework " + moved,
                                       ctx.state_id);
                label_k += " (rework " + moved + ")";
            }
            auto set = [id = t.id, k, v](Plan& p) { set_rework_duration(p, id, k, v); };
            if (r == CellResult::Live)
                edits.push_merge(label_k, key + "rework" + rf[k], set);
            else
                edits.push_at(label_k, key + "rework" + rf[k], set);
        }
        field_error_marker(ctx, key + "rework" + rf[k]);
    }
    ImGui::SameLine();
    ImGui::TextDisabled("wd");
    // Repeat list.
    std::string rep;
    for (const auto& id : g.repeat) {
        const int ri = task_index(plan, id);
        rep += (rep.empty() ? "" : ", ") + (ri >= 0 ? std::to_string(ri + 1) : id);
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("and redo tasks");
    ImGui::SameLine(lw);
    ImGui::SetNextItemWidth(em(8));
    if (ImGui::BeginCombo("##repeat", rep.empty() ? "none" : rep.c_str())) {
        for (size_t j = 0; j < plan.schedule.tasks.size(); ++j) {
            const Task& o = plan.schedule.tasks[j];
            bool on = std::find(g.repeat.begin(), g.repeat.end(), o.id) != g.repeat.end();
            const std::string ol = std::to_string(j + 1) + " " + o.name;
            if (ImGui::Checkbox(ol.c_str(), &on))
                edits.push_at("Change rework path of \"" + t.name + "\"", key + "repeat",
                              [id = t.id, on, oid = o.id](Plan& p) { set_gate_repeat(p, id, oid, on); });
        }
        ImGui::EndCombo();
    }
    ImGui::SetItemTooltip("Each failure costs the rework time plus a fresh run of these tasks, one after the other.");
    field_error_marker(ctx, key + "repeat");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("at most");
    ImGui::SameLine(lw);
    ImGui::SetNextItemWidth(em(5));
    int loops = g.max_loops;
    if (ImGui::InputInt("loops##max", &loops, 1, 1))  // 0 … 100 (≥ 1 when the first fails): the document refuses others
        edit_task(edits, "Set loop limit of \"" + t.name + "\"", key + "loops", true, t.id,
                  [loops](Task& x) { x.gate.max_loops = loops; });
    field_error_marker(ctx, key + "loops");
    bool first = g.assume_first_fails;
    if (ImGui::Checkbox("Assume the first batch fails (plan one loop)", &first))
        edits.push_at("Assume first fails: \"" + t.name + "\"", key + "first_fails",
                      [id = t.id, first](Plan& p) { set_assume_first_fails(p, id, first); });
    field_error_marker(ctx, key + "first_fails");
    const double p = gate_spec_pass_probability(g);
    ImGui::TextDisabled("Expected loops E[L] = %.2f", expected_rework_loops(p, g.max_loops, g.assume_first_fails));
}

// [SECTION] Calendar --------------------------------------------------------------------------

// Weekday checkboxes and the holiday list of one calendar ("" = the project calendar), each
// change one undoable edit.
static void calendar_fields(ViewContext& ctx, const WorkCalendar& cal, const std::string& id, const std::string& what) {
    Edits& edits = ctx.edits;
    const std::string key = "schedule.calendar." + (id.empty() ? std::string("project") : id) + ".";
    const char* days[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    const char* keys[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    const int working = static_cast<int>(std::count(cal.working.begin(), cal.working.end(), true));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Working weekdays");
    for (int w = 0; w < 7; ++w) {
        ImGui::SameLine();
        bool on = cal.working[static_cast<size_t>(w)];
        // The last working day stays one (set_working_day refuses to turn it off).
        ImGui::BeginDisabled(on && working == 1);
        if (ImGui::Checkbox(days[w], &on))
            edits.push_at(std::string("Make ") + days[w] + (on ? " a working day" : " a day off") + " (" + what + ")",
                          key + keys[w], [w, on, id](Plan& p) { set_working_day(p, id, w, on); });
        ImGui::EndDisabled();
        MF_TEST_ANCHOR(("schedule.calendar." + std::string(keys[w])).c_str());
        field_error_marker(ctx, key + keys[w]);
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Holidays");
    std::vector<Date> hol = cal.holidays;
    std::sort(hol.begin(), hol.end());
    hol.erase(std::unique(hol.begin(), hol.end()), hol.end());
    for (Date d : hol) {
        ImGui::SameLine();
        const std::string label = format_iso_date(d) + " ×";
        if (ImGui::SmallButton(label.c_str()))
            edits.push_at("Remove holiday " + format_iso_date(d) + " (" + what + ")", key + "holidays",
                          [d, id](Plan& p) { remove_holiday(p, id, d); });
        ImGui::SetItemTooltip("Remove this holiday");
    }
    if (hol.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("none");
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Add a holiday");
    ImGui::SameLine();
    std::optional<Date> add;
    if (input_date("##addholiday", std::nullopt, &add) && add)
        edits.push_at("Add holiday " + format_iso_date(*add) + " (" + what + ")", key + "holidays",
                      [d = *add, id](Plan& p) { add_holiday(p, id, d); });
    MF_TEST_ANCHOR("schedule.calendar.add_holiday");
    field_error_marker(ctx, key + "holidays");
    ImGui::SameLine();
    ImGui::TextDisabled("type YYYY-MM-DD");
}

void ScheduleView::draw_calendar(ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    Edits& edits = ctx.edits;
    const bool open = ImGui::CollapsingHeader("Working calendars");
    MF_TEST_ANCHOR("schedule.calendar");
    if (!open) return;
    const ScheduleSection& sec = plan.schedule;
    const NamedCalendar* named = nullptr;
    for (const auto& nc : sec.calendars)
        if (nc.id == calendar_edit) named = &nc;
    if (!named) calendar_edit.clear();
    ImGui::TextDisabled(
        "A task works on its own calendar, else its partner's, else the project calendar; durations "
        "count its working days, a lag the successor's.");
    // Which calendar to edit.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Calendar");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(14));
    const std::string current = named ? (named->name.empty() ? named->id : named->name) : "Project calendar";
    if (ImGui::BeginCombo("##calendar_pick", current.c_str())) {
        if (ImGui::Selectable("Project calendar", !named)) calendar_edit.clear();
        for (const auto& nc : sec.calendars) {
            const std::string label = (nc.name.empty() ? nc.id : nc.name) + "##" + nc.id;
            if (ImGui::Selectable(label.c_str(), named == &nc)) calendar_edit = nc.id;
        }
        ImGui::EndCombo();
    }
    MF_TEST_ANCHOR("schedule.calendar.pick");
    ImGui::SameLine();
    if (ImGui::Button("+ Calendar")) {
        calendar_edit = new_id(plan, "cal");
        edits.push_at("Add calendar", "schedule.calendar.new", [id = calendar_edit](Plan& p) { add_calendar(p, id); });
    }
    MF_TEST_ANCHOR("schedule.calendar.new");
    ImGui::SetItemTooltip(
        "A new calendar, a copy of the project calendar, for tasks or partners that work other days.");
    field_error_marker(ctx, "schedule.calendar.new");
    if (named) {
        const std::string key = "schedule.calendar." + named->id + ".";
        ImGui::SameLine();
        if (ImGui::Button("Delete calendar"))
            edits.push_at("Delete calendar \"" + current + "\"", key + "delete",
                          [id = named->id](Plan& p) { delete_calendar(p, id); });
        ImGui::SetItemTooltip("Its tasks and partners go back to the project calendar.");
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Name");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(14));
        std::string name = named->name;
        if (input_string("##calname", name))  // at most 200 bytes: the document refuses a longer name
            edits.push_merge("Rename calendar", key + "name", [id = named->id, name](Plan& p) {
                for (auto& c : p.schedule.calendars)
                    if (c.id == id) c.name = name;
            });
        MF_TEST_ANCHOR("schedule.calendar.name");
        field_error_marker(ctx, key + "name");
    }
    ImGui::PushID(named ? named->id.c_str() : "project");
    calendar_fields(ctx, named ? named->calendar : sec.calendar, named ? named->id : "", current);
    ImGui::PopID();
    if (named) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Partners on it");
        for (const auto& pt : plan.decision.partners) {
            ImGui::SameLine();
            auto it = sec.partner_calendars.find(pt.id);
            bool on = it != sec.partner_calendars.end() && it->second == named->id;
            const std::string label = (pt.name.empty() ? pt.id : pt.name) + "##pc" + pt.id;
            const std::string key = "schedule.calendar.partner." + pt.id;
            // Off: back to the project calendar.
            if (ImGui::Checkbox(label.c_str(), &on))
                edits.push_at(std::string(on ? "Put partner \"" : "Take partner \"") + pt.name +
                                  (on ? "\" on " : "\" off ") + current,
                              key, [pid = pt.id, id = on ? named->id : std::string()](Plan& p) {
                                  set_partner_calendar(p, pid, id);
                              });
            MF_TEST_ANCHOR(key.c_str());
            field_error_marker(ctx, key);
        }
        if (plan.decision.partners.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("no partners in this plan");
        }
        int n_tasks = 0;
        for (const auto& t : sec.tasks) n_tasks += t.calendar == named->id ? 1 : 0;
        ImGui::TextDisabled("%d task%s set to it directly (the Calendar column of the table).", n_tasks,
                            n_tasks == 1 ? "" : "s");
    }
}

}  // namespace mf
