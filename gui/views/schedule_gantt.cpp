// The Gantt chart of the deterministic (CPM) schedule, drawn with ImDrawList.
//
// x: calendar days (a bar spans its start date's morning to its finish date's evening, the
// convention of docs/schedule.md: EF offset t ends on working day ⌈t⌉ − 1); y: one row per task
// in outline order (subtasks indented under their summary, which is drawn as a thin bar with
// pointed ends over their span). Non-working days are shaded (weekends grey, holidays amber), critical tasks
// red, milestones and gates are diamonds, arrows follow the links (FS/SS/FF). Vertical lines:
// today, the deadline and the Monte Carlo P50/P80 finish; per task, a whisker from its P50 to
// its P80 finish. Ctrl+wheel zooms around the mouse, drag / Shift+wheel pans.
//
// [SECTION] Geometry and interaction
// [SECTION] Calendar header and shading
// [SECTION] Rows: links, bars, markers
// [SECTION] Vertical lines and tooltips
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "imgui_internal.h"  // SetItemKeyOwner: the chart takes the mouse wheel from its window
#include "plot.h"
#include "schedule/outline.h"
#include "style.h"
#include "test_hooks.h"
#include "views/schedule_shared.h"
#include "views/schedule_view.h"

namespace mf {

using namespace schedule_ui;

namespace {

const char* kMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct VLine {
    double day;  // calendar day (from the origin), at the END of that day when `end_of_day`
    ImU32 colour;
    std::string label;
    std::string detail;
    bool dashed = false;
};

void dashed_vline(ImDrawList* dl, float x, float y0, float y1, ImU32 c, float th) {
    const float dash = em(0.4f);
    for (float y = y0; y < y1; y += dash * 2) dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + dash, y1)), c, th);
}

void diamond(ImDrawList* dl, ImVec2 c, float r, ImU32 fill, ImU32 outline) {
    const ImVec2 a(c.x, c.y - r), b(c.x + r, c.y), d(c.x, c.y + r), e(c.x - r, c.y);
    dl->AddQuadFilled(a, b, d, e, fill);
    if (outline) dl->AddQuad(a, b, d, e, outline, 1.5f);
}

void arrow_head(ImDrawList* dl, ImVec2 tip, float dir, float s, ImU32 c) {
    dl->AddTriangleFilled(tip, ImVec2(tip.x - dir * s, tip.y - s * 0.6f), ImVec2(tip.x - dir * s, tip.y + s * 0.6f), c);
}

// What every part of the chart reads: the schedule, the mouse-independent geometry of this
// frame (after zoom and pan were applied) and the colours.
struct GanttFrame {
    const Plan& plan;
    const std::vector<Task>& tasks;
    const CpmResult& cpm;
    const WorkdayClock& clock;
    Date origin;
    const McResult* mc;  // null when there is no usable Monte Carlo
    bool mc_current;     // mc is for the current inputs (not stale)
    const Outline& outline;
    const std::vector<size_t>& row_of;  // task index → row
    const std::string& selected;
    ImVec2 p0, p1;  // the canvas
    float x0, x1;   // the chart's left and right edge (right of the task names)
    float rows_top, row_h;
    float cal_h;          // height of the calendar header
    float mid_y, band_y;  // months | weeks or days | vertical-line labels
    float chart_w;
    double left_day;  // calendar day at x0
    float day_px;
    float scroll_y;
    ImDrawList* dl;
    ImU32 text, dim, grid;
    float fh;

    double day_of(Date d) const { return static_cast<double>(d.days - origin.days); }
    float xd(double day) const { return static_cast<float>(x0 + (day - left_day) * day_px); }
    float row_y(size_t i) const { return rows_top + row_h * static_cast<float>(row_of[i]) - scroll_y; }
};

// Where each task's bar starts and ends (x) and its row's centre (y).
struct GanttBars {
    std::vector<float> x0, x1, cy;
};

void draw_gantt_legend(const Plan& plan, const McResult* mc) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fh = ImGui::GetFontSize();
    auto swatch = [&](ImU32 c, const char* text, int shape) {
        ImGui::AlignTextToFramePadding();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float y = p.y + ImGui::GetFrameHeight() * 0.5f;
        if (shape == 0) dl->AddRectFilled(ImVec2(p.x, y - fh * 0.3f), ImVec2(p.x + fh, y + fh * 0.3f), c, 2);
        if (shape == 1) diamond(dl, ImVec2(p.x + fh * 0.5f, y), fh * 0.45f, c, 0);
        if (shape == 2)
            dl->AddLine(ImVec2(p.x + fh * 0.5f, y - fh * 0.5f), ImVec2(p.x + fh * 0.5f, y + fh * 0.5f), c, 2);
        if (shape == 3) dl->AddRectFilled(ImVec2(p.x, y - fh * 0.5f), ImVec2(p.x + fh * 0.7f, y + fh * 0.5f), c);
        ImGui::Dummy(ImVec2(fh * 1.1f, fh));
        ImGui::SameLine(0, 2);
        ImGui::TextUnformatted(text);
        ImGui::SameLine(0, em(0.8f));
    };
    swatch(plot_bad(), "critical", 0);
    swatch(plot_color(0), "task", 0);
    swatch(ImGui::GetColorU32(ImGuiCol_Text), "milestone", 1);
    swatch(plot_color(5), "gate", 1);
    swatch(ImGui::GetColorU32(ImGuiCol_Text, 0.08f), "weekend", 3);
    swatch(plot_color(5, 0.22f), "holiday", 3);
    swatch(plot_color(3), ("today " + format_iso_date(today())).c_str(), 2);
    if (plan.meta.deadline) swatch(plot_bad(), "deadline", 2);
    if (mc) {
        swatch(plot_color(0), "P50", 2);
        swatch(plot_color(1), "P80", 2);
    }
    ImGui::TextDisabled("(?)");
    ImGui::SetItemTooltip(
        "Ctrl+wheel or − / +: zoom · drag or Shift+wheel: pan · wheel: scroll the rows\n"
        "Click a row to select the task, double-click to edit it.\n"
        "Grey line after a bar: its total float. Whisker below a bar: the task's P50–P80 finish.\n"
        "Triangle above a row: its target date (green: the plan meets it, red: it misses it).\n"
        "W = project week; week 1 is the week of the start date.");
}

// [SECTION] Calendar header and shading ----------------------------------------------------------
// Row backgrounds (selected and alternate rows) and the non-working days.
void draw_gantt_row_shading(const GanttFrame& f, int first_day, int last_day) {
    ImDrawList* dl = f.dl;
    for (size_t i = 0; i < f.tasks.size(); ++i) {
        const float y = f.row_y(i);
        if (y + f.row_h < f.rows_top || y > f.p1.y) continue;
        if (f.tasks[i].id == f.selected)
            dl->AddRectFilled(ImVec2(f.x0, y), ImVec2(f.x1, y + f.row_h), ImGui::GetColorU32(ImGuiCol_Header));
        else if (f.row_of[i] % 2)
            dl->AddRectFilled(ImVec2(f.x0, y), ImVec2(f.x1, y + f.row_h), ImGui::GetColorU32(ImGuiCol_TableRowBgAlt));
    }
    if (f.day_px >= 1.5f) {
        for (int d = first_day; d <= last_day; ++d) {
            const Date date{f.origin.days + d};
            if (f.clock.is_working(date)) continue;
            const bool weekend = !f.plan.schedule.calendar.working[static_cast<size_t>(weekday(date))];
            dl->AddRectFilled(ImVec2(f.xd(d), f.rows_top), ImVec2(f.xd(d + 1), f.p1.y),
                              weekend ? ImGui::GetColorU32(ImGuiCol_Text, 0.07f) : plot_color(5, 0.22f));
        }
    }
}

// Header: months on top, then days (when they fit) or project weeks.
void draw_gantt_calendar_header(const GanttFrame& f, int first_day, int last_day) {
    ImDrawList* dl = f.dl;
    const float x0 = f.x0, x1 = f.x1, mid_y = f.mid_y, band_y = f.band_y;
    dl->AddRectFilled(ImVec2(x0, f.p0.y), ImVec2(x1, f.rows_top), ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    for (int d = first_day - 31; d <= last_day; ++d) {
        const Date date{f.origin.days + d};
        int y;
        unsigned m, day;
        ymd_from_date(date, y, m, day);
        if (day != 1 && d != first_day - 31) continue;
        // Month label at the month's first day (or the left edge).
        const float mx = f.xd(d);
        if (day == 1) dl->AddLine(ImVec2(mx, f.p0.y), ImVec2(mx, f.p1.y), f.grid);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s %d", kMonths[m - 1], y);
        const float next = f.xd(d + 31);
        const float lx = std::max(mx, x0) + 3;
        if (next - lx > ImGui::CalcTextSize(buf).x + 4)
            dl->AddText(ImVec2(lx, f.p0.y + 2), f.text, buf);
        else if (next - lx > ImGui::CalcTextSize(kMonths[m - 1]).x + 2)
            dl->AddText(ImVec2(lx, f.p0.y + 2), f.text, kMonths[m - 1]);
    }
    dl->AddLine(ImVec2(x0, mid_y), ImVec2(x1, mid_y), f.grid);
    if (f.day_px >= f.fh * 1.3f) {  // days
        for (int d = first_day; d <= last_day; ++d) {
            int y;
            unsigned m, day;
            ymd_from_date(Date{f.origin.days + d}, y, m, day);
            char buf[8];
            std::snprintf(buf, sizeof buf, "%u", day);
            const float w = ImGui::CalcTextSize(buf).x;
            dl->AddText(ImVec2(f.xd(d + 0.5) - w * 0.5f, mid_y + 2), f.dim, buf);
        }
    } else {  // project weeks at each week start (Monday)
        const Date start = f.plan.meta.start_date.value_or(f.origin);
        const int week0 = start.days - weekday(start);  // Monday of the start date's week
        const float week_px = f.day_px * 7;
        const std::string sample = "W00";
        const int every =
            std::max(1, static_cast<int>(std::ceil((ImGui::CalcTextSize(sample.c_str()).x + 6) / week_px)));
        for (int d = first_day - 7; d <= last_day; ++d) {
            const int abs = f.origin.days + d;
            if (weekday(Date{abs}) != 0) continue;
            const int week = (abs - week0) / 7 + 1;
            if (f.day_px >= 3) dl->AddLine(ImVec2(f.xd(d), mid_y), ImVec2(f.xd(d), band_y), f.grid);
            if ((week % every) != 0 && every > 1) continue;
            char buf[16];
            std::snprintf(buf, sizeof buf, "W%d", week);
            dl->AddText(ImVec2(f.xd(d) + 2, mid_y + 2), f.dim, buf);
        }
    }
    dl->AddLine(ImVec2(x0, band_y), ImVec2(x1, band_y), f.grid);
    dl->AddLine(ImVec2(x0, f.rows_top), ImVec2(x1, f.rows_top), f.grid);
}

// [SECTION] Rows: links, bars, markers -----------------------------------------------------------
GanttBars gantt_bars(const GanttFrame& f) {
    const size_t n = f.tasks.size();
    GanttBars b;
    b.x0.resize(n), b.x1.resize(n), b.cy.resize(n);
    for (size_t i = 0; i < n; ++i) {
        const CpmTask& c = f.cpm.tasks[i];
        b.cy[i] = f.row_y(i) + f.row_h * 0.5f;
        if (c.duration <= 0) {
            b.x0[i] = b.x1[i] = f.xd(f.day_of(c.ef_date) + 1);
        } else {
            b.x0[i] = f.xd(f.day_of(c.es_date));
            b.x1[i] = f.xd(f.day_of(c.ef_date) + 1);
        }
    }
    return b;
}

// The links (FS, SS, FF, SF) as elbowed arrows, drawn under the bars.
void draw_gantt_links(const GanttFrame& f, const GanttBars& b) {
    ImDrawList* dl = f.dl;
    const auto& tasks = f.tasks;
    const CpmResult& cpm = f.cpm;
    const float row_h = f.row_h;
    const std::vector<float>&bx0 = b.x0, &bx1 = b.x1, &cy = b.cy;
    const float stub = em(0.5f);
    for (size_t j = 0; j < tasks.size(); ++j) {
        for (const auto& d : tasks[j].predecessors) {
            const int ii = task_index(f.plan, d.task_id);
            if (ii < 0) continue;
            const size_t i = static_cast<size_t>(ii);
            const bool crit = cpm.tasks[i].critical && cpm.tasks[j].critical;
            const ImU32 c =
                crit ? ((plot_bad() & 0x00FFFFFFu) | 0xD9000000u) : ImGui::GetColorU32(ImGuiCol_Text, 0.45f);
            const float th = crit ? 1.6f : 1.0f;
            const float ys = cy[i], ye = cy[j];
            const float y_between = ye - row_h * 0.5f + 1;
            std::vector<ImVec2> pts;
            float dir = 1;
            bool from_start = false, into_end = false;  // which ends of the two bars the link joins
            switch (d.type) {
                case LinkType::FinishToStart: break;
                case LinkType::StartToStart: from_start = true; break;
                case LinkType::FinishToFinish: into_end = true; break;
                case LinkType::StartToFinish: from_start = into_end = true; break;
            }
            if (into_end) {  // into the successor's end, from the right
                const float xs = from_start ? bx0[i] : bx1[i], xe = bx1[j];
                const float xr = std::max(xs, xe) + stub;
                pts = {ImVec2(xs, ys), ImVec2(xr, ys), ImVec2(xr, ye),
                       ImVec2(xe + (cpm.tasks[j].duration <= 0 ? row_h * 0.3f : 0), ye)};
                dir = -1;
            } else {
                const float xs = from_start ? bx0[i] : bx1[i];
                const float xe = bx0[j] - (cpm.tasks[j].duration <= 0 ? row_h * 0.3f : 0);
                if (from_start) {
                    const float xl = std::min(xs, xe) - stub;
                    pts = {ImVec2(xs, ys), ImVec2(xl, ys), ImVec2(xl, ye), ImVec2(xe, ye)};
                } else if (xe - xs >= stub * 2) {
                    pts = {ImVec2(xs, ys), ImVec2(xs + stub, ys), ImVec2(xs + stub, ye), ImVec2(xe, ye)};
                } else {  // a lead or a tight link: go round below the predecessor
                    pts = {ImVec2(xs, ys),
                           ImVec2(xs + stub, ys),
                           ImVec2(xs + stub, y_between),
                           ImVec2(xe - stub, y_between),
                           ImVec2(xe - stub, ye),
                           ImVec2(xe, ye)};
                }
            }
            dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), c, ImDrawFlags_None, th);
            arrow_head(dl, pts.back(), dir, em(0.4f), c);
        }
    }
}

// Bars, float lines, P50–P80 whiskers, targets.
void draw_gantt_task_bars(const GanttFrame& f, const GanttBars& b) {
    ImDrawList* dl = f.dl;
    const float row_h = f.row_h;
    const std::vector<float>&bx0 = b.x0, &bx1 = b.x1;
    const float bar_h = row_h * 0.56f;
    for (size_t i = 0; i < f.tasks.size(); ++i) {
        const float y = b.cy[i];
        if (y + row_h < f.rows_top || y - row_h > f.p1.y) continue;
        const Task& t = f.tasks[i];
        const CpmTask& c = f.cpm.tasks[i];
        const ImU32 fill = c.critical ? plot_bad() : plot_color(0);
        // Total float: a thin line from the early finish to the late finish.
        if (c.total_float > 1e-6) {
            const float lf = f.xd(f.day_of(c.lf_date) + 1);
            dl->AddLine(ImVec2(bx1[i], y), ImVec2(lf, y), f.dim, 1.5f);
            dl->AddLine(ImVec2(lf, y - bar_h * 0.35f), ImVec2(lf, y + bar_h * 0.35f), f.dim, 1.5f);
        }
        if (c.summary) {
            // MS Project's summary bar: a thin bar over the subtasks' span with pointed ends.
            const ImU32 sc = c.critical ? plot_bad() : f.text;
            const float top = y - bar_h * 0.5f, bot = y - bar_h * 0.05f, tip = em(0.35f);
            const float right = std::max(bx1[i], bx0[i] + 2);
            dl->AddRectFilled(ImVec2(bx0[i], top), ImVec2(right, bot), sc);
            dl->AddTriangleFilled(ImVec2(bx0[i], bot), ImVec2(bx0[i] + tip, bot), ImVec2(bx0[i], bot + tip), sc);
            dl->AddTriangleFilled(ImVec2(right - tip, bot), ImVec2(right, bot), ImVec2(right, bot + tip), sc);
        } else if (c.duration > 0) {
            dl->AddRectFilled(ImVec2(bx0[i], y - bar_h * 0.5f), ImVec2(std::max(bx1[i], bx0[i] + 2), y + bar_h * 0.5f),
                              fill, 3);
        }
        if (t.kind == TaskKind::Gate)
            diamond(dl, ImVec2(bx1[i], y), row_h * 0.36f, plot_color(5), c.critical ? plot_bad() : f.text);
        else if (t.kind == TaskKind::Milestone)
            diamond(dl, ImVec2(bx1[i], y), row_h * 0.36f, c.critical ? plot_bad() : f.text, 0);
        if (f.mc_current) {
            const McTaskStats& s = f.mc->tasks[i];
            const float a = f.xd(f.day_of(s.p50_finish_date) + 1), bb = f.xd(f.day_of(s.p80_finish_date) + 1);
            const float wy = y + bar_h * 0.5f + 2;
            dl->AddLine(ImVec2(a, wy), ImVec2(std::max(bb, a + 1), wy), plot_color(1), 2);
            dl->AddCircleFilled(ImVec2(a, wy), 2.5f, plot_color(0));
            dl->AddLine(ImVec2(bb, wy - 3), ImVec2(bb, wy + 3), plot_color(1), 2);
        }
        if (t.target) {
            const float tx = f.xd(f.day_of(*t.target) + 1);
            const bool met = c.ef_date <= *t.target;  // the finish date (any calendar) on or before it
            const ImU32 tc = met ? plot_good() : plot_bad();
            const float s3 = em(0.33f);
            dl->AddTriangleFilled(ImVec2(tx - s3, y - row_h * 0.5f + 1), ImVec2(tx + s3, y - row_h * 0.5f + 1),
                                  ImVec2(tx, y - row_h * 0.5f + 1 + s3 * 1.5f), tc);
        }
    }
}

// Left column: row number and name (indented by outline depth), and its header.
void draw_gantt_task_names(const GanttFrame& f) {
    ImDrawList* dl = f.dl;
    const ImVec2 p0 = f.p0, p1 = f.p1;
    const float x0 = f.x0, rows_top = f.rows_top, row_h = f.row_h, fh = f.fh;
    dl->PushClipRect(ImVec2(p0.x, rows_top), ImVec2(x0, p1.y), true);
    dl->AddRectFilled(ImVec2(p0.x, rows_top), ImVec2(x0, p1.y), ImGui::GetColorU32(ImGuiCol_WindowBg));
    for (size_t i = 0; i < f.tasks.size(); ++i) {
        const float y = f.row_y(i);
        if (y + row_h < rows_top || y > p1.y) continue;
        if (f.tasks[i].id == f.selected)
            dl->AddRectFilled(ImVec2(p0.x, y), ImVec2(x0, y + row_h), ImGui::GetColorU32(ImGuiCol_Header));
        char buf[24];
        std::snprintf(buf, sizeof buf, "%zu", i + 1);
        dl->AddText(ImVec2(p0.x + 3, y + (row_h - fh) * 0.5f), f.dim, buf);
        const ImU32 nc = f.cpm.tasks[i].critical ? plot_bad() : f.text;
        dl->PushClipRect(ImVec2(p0.x, y), ImVec2(x0 - 4, y + row_h), true);
        const float indent = em(0.9f) * static_cast<float>(f.outline.depth[i]);
        dl->AddText(ImVec2(p0.x + em(1.6f) + indent, y + (row_h - fh) * 0.5f), nc, f.tasks[i].name.c_str());
        dl->PopClipRect();
    }
    dl->PopClipRect();
    dl->AddRectFilled(p0, ImVec2(x0, rows_top), ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    dl->AddText(ImVec2(p0.x + 3, p0.y + 2), f.text, "Task");
    dl->AddText(ImVec2(p0.x + 3, f.mid_y + 2), f.dim, "W = project week");
    dl->AddLine(ImVec2(x0, p0.y), ImVec2(x0, p1.y), f.grid);
}

// [SECTION] Vertical lines and tooltips ----------------------------------------------------------
// Today, the deadline and the Monte Carlo P50/P80 finish, left to right.
std::vector<VLine> gantt_vertical_lines(const GanttFrame& f) {
    const auto& cpm = f.cpm;
    const McResult* mc = f.mc;
    std::vector<VLine> lines;
    lines.push_back({f.day_of(today()), plot_color(3), "Today", format_iso_date(today()), false});
    if (f.plan.meta.deadline) {
        std::string det = format_iso_date(*f.plan.meta.deadline);
        if (cpm.deadline_slack) det += ", plan slack " + format_days(*cpm.deadline_slack) + " working days";
        if (f.mc_current && mc->probability_meet_deadline)
            det += ", P(meet) " + format_percent(*mc->probability_meet_deadline);
        lines.push_back({f.day_of(*f.plan.meta.deadline) + 1, plot_bad(), "Deadline", det, false});
    }
    if (f.mc_current) {
        lines.push_back({f.day_of(mc->p50_date) + 1, plot_color(0), "P50", format_iso_date(mc->p50_date), true});
        lines.push_back({f.day_of(mc->p80_date) + 1, plot_color(1), "P80", format_iso_date(mc->p80_date), true});
    }
    std::sort(lines.begin(), lines.end(), [](const VLine& a, const VLine& b) { return a.day < b.day; });
    return lines;
}

// Draws the lines and their labels; returns the line under the mouse (or null).
const VLine* draw_gantt_vertical_lines(const GanttFrame& f, const std::vector<VLine>& lines, bool hovered) {
    ImDrawList* dl = f.dl;
    const ImGuiIO& io = ImGui::GetIO();
    const float x0 = f.x0, x1 = f.x1, band_y = f.band_y, fh = f.fh;
    dl->PushClipRect(ImVec2(x0, f.p0.y), f.p1, true);
    // Labels sit in the band under the calendar, right of their line if there is room there,
    // else left of it, in one of two lanes.
    std::vector<std::pair<float, float>> taken[2];
    auto free_at = [&](int lane, float a, float b) {
        for (const auto& [u, v] : taken[lane])
            if (a < v && b > u) return false;
        return true;
    };
    const VLine* hovered_line = nullptr;
    for (const auto& l : lines) {  // the lines first, then their labels on top
        const float x = f.xd(l.day);
        if (x < x0 - 1 || x > x1 + 1) continue;
        if (l.dashed)
            dashed_vline(dl, x, band_y, f.p1.y, l.colour, 2);
        else
            dl->AddLine(ImVec2(x, band_y), ImVec2(x, f.p1.y), l.colour, 2);
    }
    for (const auto& l : lines) {
        const float x = f.xd(l.day);
        if (x < x0 - 1 || x > x1 + 1) continue;
        const float w = ImGui::CalcTextSize(l.label.c_str()).x + 4;
        int lane = 1;
        float a = x + 2;
        bool placed = false;
        for (int side = 0; side < 2 && !placed; ++side)
            for (int ln = 0; ln < 2 && !placed; ++ln) {
                const float left = side == 0 ? x + 2 : x - 2 - w;
                if (free_at(ln, left, left + w) && (side == 1 || left + w <= x1)) {
                    lane = ln, a = left, placed = true;
                }
            }
        taken[lane].push_back({a, a + w});
        const ImVec2 at(a, band_y + 1 + static_cast<float>(lane) * (fh + 2));
        dl->AddRectFilled(at, ImVec2(at.x + w, at.y + fh), ImGui::GetColorU32(ImGuiCol_WindowBg, 0.9f), 2);
        dl->AddText(ImVec2(at.x + 2, at.y), l.colour, l.label.c_str());
        if (hovered && std::fabs(io.MousePos.x - x) <= 4) hovered_line = &l;
    }
    dl->PopClipRect();
    return hovered_line;
}

// The tooltip of a task row: its dates, float, target and Monte Carlo figures.
void gantt_task_tooltip(const GanttFrame& f, size_t i) {
    const Task& t = f.tasks[i];
    const CpmTask& c = f.cpm.tasks[i];
    ImGui::BeginTooltip();
    ImGui::Text("%zu  %s  (%s%s)", i + 1, t.name.c_str(), kind_label(t.kind),
                t.partner_id.empty() ? "" : (", " + partner_name(f.plan, t.partner_id)).c_str());
    if (c.summary)
        ImGui::Text("Summary task: %s working days from its subtasks' earliest start to their latest finish",
                    format_days(c.duration).c_str());
    else if (t.kind != TaskKind::Milestone)
        ImGui::Text("Duration %s working days (O/M/P %s / %s / %s)", format_days(c.duration).c_str(),
                    format_days(t.optimistic).c_str(), format_days(t.most_likely).c_str(),
                    format_days(t.pessimistic).c_str());
    if (t.kind == TaskKind::Gate && t.gate.assume_first_fails)
        ImGui::TextDisabled("includes one planned rework loop (first batch assumed to fail)");
    ImGui::Text("ES %s   EF %s   (working days %s → %s)", format_iso_date(c.es_date).c_str(),
                format_iso_date(c.ef_date).c_str(), format_days(c.es).c_str(), format_days(c.ef).c_str());
    ImGui::Text("LS %s   LF %s   (working days %s → %s)", format_iso_date(c.ls_date).c_str(),
                format_iso_date(c.lf_date).c_str(), format_days(c.ls).c_str(), format_days(c.lf).c_str());
    ImGui::Text("Total float %s, free float %s working days%s", format_days(c.total_float).c_str(),
                format_days(c.free_float).c_str(), c.calendar.empty() ? "" : " of its calendar");
    if (!c.calendar.empty()) ImGui::TextDisabled("Works on calendar \"%s\"", c.calendar.c_str());
    if (c.critical) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "Critical (no float)");
    if (t.target && !c.calendar.empty()) {  // a task on another calendar: by dates
        const bool met = c.ef_date <= *t.target;
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(met ? plot_good() : plot_bad()),
                           "Target %s: the plan %s it (finish %s)", format_iso_date(*t.target).c_str(),
                           met ? "meets" : "misses", format_iso_date(c.ef_date).c_str());
    } else if (t.target) {
        const double slack = static_cast<double>(f.clock.working_days_through(*t.target)) - c.ef;
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(slack >= -1e-9 ? plot_good() : plot_bad()),
                           "Target %s: the plan %s it (%s working days %s)", format_iso_date(*t.target).c_str(),
                           slack >= -1e-9 ? "meets" : "misses", format_days(std::fabs(slack)).c_str(),
                           slack >= -1e-9 ? "to spare" : "late");
    }
    if (f.mc) {
        const McTaskStats& s = f.mc->tasks[i];
        ImGui::Text("Criticality index %.0f %% · finish P50 %s, P80 %s", s.criticality * 100,
                    format_iso_date(s.p50_finish_date).c_str(), format_iso_date(s.p80_finish_date).c_str());
        if (std::isfinite(s.sensitivity)) ImGui::Text("Sensitivity (Spearman ρ with the finish) %.2f", s.sensitivity);
        if (s.probability_meet_target)
            ImGui::Text("Meets its target %s: %s", t.target ? format_iso_date(*t.target).c_str() : "",
                        format_percent(*s.probability_meet_target).c_str());
    }
    ImGui::EndTooltip();
}

// The tooltip under the mouse: a vertical line's, else a task row's, else the day's.
void gantt_tooltip(const GanttFrame& f, const VLine* hovered_line, int hovered_row) {
    const ImGuiIO& io = ImGui::GetIO();
    if (hovered_line) {
        ImGui::SetTooltip("%s: %s", hovered_line->label.c_str(), hovered_line->detail.c_str());
    } else if (hovered_row >= 0 && hovered_row < static_cast<int>(f.tasks.size()) && io.MousePos.y >= f.rows_top) {
        gantt_task_tooltip(f, static_cast<size_t>(hovered_row));
    } else if (io.MousePos.x >= f.x0) {
        const double day = f.left_day + (io.MousePos.x - f.x0) / f.day_px;
        const Date d{f.origin.days + static_cast<int>(std::floor(day))};
        const char* wd[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        ImGui::SetTooltip("%s %s%s", wd[weekday(d)], format_iso_date(d).c_str(),
                          f.clock.is_working(d) ? "" : " (not a working day)");
    }
}

}  // namespace

// The zoom / fit / today buttons and the legend. Returns whether the chart is to fit this frame.
bool ScheduleView::draw_gantt_toolbar(const Plan& plan, const McResult* mc, double today_day) {
    bool fit = gantt_day_px <= 0;
    if (fit) gantt_user_view_ = false;
    if (ImGui::Button("−")) {
        gantt_day_px = std::max(0.5f, gantt_day_px / 1.5f);
        gantt_user_view_ = true;
    }
    MF_TEST_ANCHOR("schedule.gantt.zoom_out");
    ImGui::SetItemTooltip("Zoom out (Ctrl+wheel on the chart)");
    ImGui::SameLine();
    if (ImGui::Button("+")) {
        gantt_day_px = std::min(80.0f, gantt_day_px * 1.5f);
        gantt_user_view_ = true;
    }
    MF_TEST_ANCHOR("schedule.gantt.zoom_in");
    ImGui::SetItemTooltip("Zoom in (Ctrl+wheel on the chart)");
    ImGui::SameLine();
    if (ImGui::Button("Fit")) {
        fit = true;
        gantt_user_view_ = false;
    }
    MF_TEST_ANCHOR("schedule.gantt.fit");
    ImGui::SetItemTooltip("Show the whole schedule; it stays fitted after edits until you zoom or pan.");
    ImGui::SameLine();
    if (ImGui::Button("Today")) {
        gantt_left_day_ = today_day - 7;
        gantt_user_view_ = true;
    }
    ImGui::SameLine(0, em(1));
    draw_gantt_legend(plan, mc);
    return fit;
}

// Wheel (Ctrl: zoom at the mouse; Shift or a short chart: pan in time; else scroll the rows) and
// dragging (pan both ways); then the view is clamped to the schedule's extent [lo, hi] ± 400 days.
void ScheduleView::handle_gantt_input(const GanttInput& in) {
    const ImGuiIO& io = ImGui::GetIO();
    if (in.hovered && (io.MouseWheel != 0 || io.MouseWheelH != 0)) {
        if (io.KeyCtrl && io.MouseWheel != 0) {
            gantt_user_view_ = true;
            const double mouse_day = gantt_left_day_ + (io.MousePos.x - in.x0) / gantt_day_px;
            gantt_day_px = std::clamp(gantt_day_px * std::pow(1.2f, io.MouseWheel), 0.2f, 80.0f);
            gantt_left_day_ = mouse_day - (io.MousePos.x - in.x0) / gantt_day_px;
        } else if (io.KeyShift || io.MouseWheelH != 0 || in.content_h <= in.visible_h) {
            const float w = io.MouseWheelH != 0 ? -io.MouseWheelH : io.MouseWheel;
            gantt_left_day_ -= w * em(3) / gantt_day_px;
            gantt_user_view_ = true;
        } else {
            gantt_scroll_y_ -= io.MouseWheel * in.row_h * 3;
        }
    }
    if (in.active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2)) {
        gantt_dragging_ = true;
        if (io.MouseDelta.x != 0) gantt_user_view_ = true;
        gantt_left_day_ -= io.MouseDelta.x / gantt_day_px;
        gantt_scroll_y_ -= io.MouseDelta.y;
    }
    gantt_scroll_y_ = std::clamp(gantt_scroll_y_, 0.0f, std::max(0.0f, in.content_h - in.visible_h));
    gantt_left_day_ = std::clamp(gantt_left_day_, in.lo - 400, in.hi + 400);
    gantt_right_day_ = gantt_left_day_ + in.chart_w / gantt_day_px;
}

void ScheduleView::draw_gantt(const Plan& plan, float height) {
    const auto& tasks = plan.schedule.tasks;
    if (!an_.cpm || !an_.clock || an_.cpm->tasks.size() != tasks.size()) {
        ImGui::TextWrapped(
            "The Gantt chart appears once the schedule computes: fix the messages above (a start date is "
            "needed, and no dependency cycles).");
        return;
    }
    const CpmResult& cpm = *an_.cpm;
    const WorkdayClock& clock = *an_.clock;
    const Date origin = cpm.origin;
    const McResult* mc = per_task(mc_drawn(), tasks.size());
    const bool mc_current = mc && !mc_stale();
    auto day_of = [&](Date d) { return static_cast<double>(d.days - origin.days); };
    // Rows in outline order (summary tasks above their subtasks, which are indented).
    const Outline outline = build_outline(plan.schedule);
    std::vector<size_t> row_of(tasks.size());
    for (size_t r = 0; r < outline.order.size(); ++r) row_of[static_cast<size_t>(outline.order[r])] = r;

    // Extent of everything worth seeing.
    double lo = -2, hi = day_of(cpm.finish_date) + 1;
    if (plan.meta.deadline) hi = std::max(hi, day_of(*plan.meta.deadline) + 1);
    if (mc) hi = std::max(hi, day_of(mc->p95_date) + 1);
    for (const auto& t : tasks)
        if (t.target) hi = std::max(hi, day_of(*t.target) + 1);
    hi += 5;

    // [SECTION] Geometry and interaction ---------------------------------------------------------
    bool fit = draw_gantt_toolbar(plan, mc, day_of(today()));

    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    (void)height;
    const ImVec2 canvas(ImGui::GetContentRegionAvail().x, std::max(em(8), ImGui::GetContentRegionAvail().y));
    ImGui::InvisibleButton("gantt", canvas, ImGuiButtonFlags_MouseButtonLeft);
    MF_TEST_ANCHOR("schedule.gantt");
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    if (hovered) {
        ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelY);
        ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelX);
    }
    const ImVec2 p1(p0.x + canvas.x, p0.y + canvas.y);
    const float label_w = std::min(em(15), canvas.x * 0.35f);
    const float cal_h = em(2.6f);                             // months, weeks
    const float band_h = 2 * (ImGui::GetFontSize() + 2) + 2;  // labels of the vertical lines
    const float header_h = cal_h + band_h;
    const float row_h = em(1.6f);
    const float x0 = p0.x + label_w, x1 = p1.x;
    const float rows_top = p0.y + header_h;
    const float chart_w = std::max(1.0f, x1 - x0);
    // After an edit (or a resize) the finish and the Monte Carlo P50 and P80 stay in view: the
    // chart fits again when one leaves it, unless the user has zoomed or panned.
    if (!fit && !gantt_user_view_ && gantt_day_px > 0) {
        const double left = gantt_left_day_, right = gantt_left_day_ + chart_w / gantt_day_px;
        std::vector<double> markers = {day_of(cpm.finish_date) + 1};
        if (mc) markers.insert(markers.end(), {day_of(mc->p50_date) + 1, day_of(mc->p80_date) + 1});
        for (double m : markers) fit = fit || m < left || m > right;
    }
    if (fit) {
        gantt_day_px = static_cast<float>(chart_w / (hi - lo));
        gantt_left_day_ = lo;
    }
    gantt_day_px = std::clamp(gantt_day_px, 0.2f, 80.0f);
    const float content_h = row_h * static_cast<float>(tasks.size());
    const float visible_h = p1.y - rows_top;
    handle_gantt_input({x0, row_h, content_h, visible_h, chart_w, lo, hi, hovered, active});
    const ImGuiIO& io = ImGui::GetIO();
    const int hovered_line_no = hovered && io.MousePos.y >= rows_top
        ? static_cast<int>(std::floor((io.MousePos.y - rows_top + gantt_scroll_y_) / row_h))
        : -1;
    // The task (index in the plan) under the mouse, or -1.
    const int hovered_row = hovered_line_no >= 0 && hovered_line_no < static_cast<int>(outline.order.size())
        ? outline.order[static_cast<size_t>(hovered_line_no)]
        : -1;
    if (ImGui::IsItemDeactivated()) {
        if (!gantt_dragging_ && hovered_row >= 0 && hovered_row < static_cast<int>(tasks.size()))
            selected = tasks[static_cast<size_t>(hovered_row)].id;
        gantt_dragging_ = false;
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && hovered_row >= 0 &&
        hovered_row < static_cast<int>(tasks.size())) {
        selected = tasks[static_cast<size_t>(hovered_row)].id;
        scroll_to_selected_ = true;
        page_request = PageTasks;
    }
    if (!ImGui::IsItemVisible()) return;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const GanttFrame g{.plan = plan,
                       .tasks = tasks,
                       .cpm = cpm,
                       .clock = clock,
                       .origin = origin,
                       .mc = mc,
                       .mc_current = mc_current,
                       .outline = outline,
                       .row_of = row_of,
                       .selected = selected,
                       .p0 = p0,
                       .p1 = p1,
                       .x0 = x0,
                       .x1 = x1,
                       .rows_top = rows_top,
                       .row_h = row_h,
                       .cal_h = cal_h,
                       .mid_y = p0.y + cal_h * 0.5f,
                       .band_y = p0.y + cal_h,
                       .chart_w = chart_w,
                       .left_day = gantt_left_day_,
                       .day_px = gantt_day_px,
                       .scroll_y = gantt_scroll_y_,
                       .dl = dl,
                       .text = ImGui::GetColorU32(ImGuiCol_Text),
                       .dim = ImGui::GetColorU32(ImGuiCol_TextDisabled),
                       .grid = ImGui::GetColorU32(ImGuiCol_Border, 0.6f),
                       .fh = ImGui::GetFontSize()};
    dl->AddRectFilled(p0, p1, ImGui::GetColorU32(ImGuiCol_FrameBg, 0.35f));

    const int first_day = static_cast<int>(std::floor(gantt_left_day_));
    const int last_day = static_cast<int>(std::ceil(gantt_left_day_ + chart_w / gantt_day_px));
    dl->PushClipRect(ImVec2(x0, p0.y), p1, true);
    draw_gantt_row_shading(g, first_day, last_day);
    draw_gantt_calendar_header(g, first_day, last_day);
    dl->PopClipRect();

    const GanttBars bars = gantt_bars(g);
    dl->PushClipRect(ImVec2(x0, rows_top), p1, true);
    draw_gantt_links(g, bars);
    draw_gantt_task_bars(g, bars);
    dl->PopClipRect();
    draw_gantt_task_names(g);

    const std::vector<VLine> lines = gantt_vertical_lines(g);
    const VLine* hovered_line = draw_gantt_vertical_lines(g, lines, hovered);
    dl->AddRect(p0, p1, g.grid);

    if (hovered && !active) gantt_tooltip(g, hovered_line, hovered_row);
}

}  // namespace mf
