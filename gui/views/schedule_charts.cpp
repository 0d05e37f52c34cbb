// The Risk page of the Timeline tab: what the Monte Carlo says about the finish.
//
// [SECTION] Finish-date histogram and S-curve
// [SECTION] Tornado (sensitivity) and criticality
// [SECTION] Rework loops, buffer, milestones
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "busy.h"
#include "chart/analysis_charts.h"
#include "plot.h"
#include "style.h"
#include "test_hooks.h"
#include "views/schedule_shared.h"
#include "views/schedule_view.h"

namespace mf {

using namespace schedule_ui;

static ImVec4 col4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

static PlotAxes axes(double x0, double x1, double y0, double y1, const char* xl, const char* yl) {
    PlotAxes a;
    a.x_min = x0, a.x_max = x1, a.y_min = y0, a.y_max = y1;
    a.x_label = xl, a.y_label = yl;
    return a;
}

// [SECTION] Finish-date histogram and S-curve ------------------------------------------------------
// The probability of meeting the deadline, the finish-date histogram and the S-curve, with the
// plan / P50 / P80 / deadline lines on both.
static void draw_finish_charts(const Plan& plan, const WorkdayClock& clock, const McResult* r, float left_w,
                               float chart_h) {
    ImGui::BeginGroup();
    ImGui::PushItemWidth(left_w);
    const auto& fs = r->finish_sorted;
    if (r->probability_meet_deadline && r->deadline_offset) {
        ImGui::TextUnformatted("Meets the deadline");
        ImGui::SameLine();
        ImGui::Text("%s (working day %s):", format_iso_date(*plan.meta.deadline).c_str(),
                    format_days(*r->deadline_offset).c_str());
        ImGui::SameLine();
        verdict_text(*r->probability_meet_deadline);
    } else {
        ImGui::TextDisabled("No deadline set: give the plan a deadline (market window) to see its probability.");
    }
    // The charts the report prints too (core/chart); the legend and the tooltips are the app's.
    const Chart hist_chart = finish_histogram_chart(*r), curve_chart = finish_scurve_chart(*r);
    auto hover_date = [&](Plot& p) {
        const double x = std::round(p.mouse_x());
        const auto below = std::upper_bound(fs.begin(), fs.end(), x) - fs.begin();
        ImGui::SetTooltip("Finished by %s (finish offset ≤ %.0f working days) in %.1f %% of runs",
                          format_iso_date(clock.finish_date(x)).c_str(), x,
                          100.0 * static_cast<double>(below) / static_cast<double>(fs.size()));
    };
    // Legend of the vertical lines (both charts).
    {
        auto item = [](ImU32 c, const std::string& s) {
            ImGui::TextColored(col4(c), "■ %s", s.c_str());
            ImGui::SameLine(0, em(0.8f));
        };
        if (r->deadline_offset) item(plot_bad(), "deadline " + format_iso_date(*plan.meta.deadline));
        item(ImGui::GetColorU32(ImGuiCol_Text), "plan " + format_iso_date(r->deterministic_finish_date));
        item(plot_color(0), "P50 " + format_iso_date(r->p50_date));
        item(plot_color(1), "P80 " + format_iso_date(r->p80_date));
        ImGui::NewLine();
    }
    ImGui::TextDisabled("Finish dates: share of runs per bin (%%)");
    Plot hist;
    if (hist.begin("finish_hist", ImVec2(left_w, chart_h), hist_chart)) {
        if (hist.hovered()) hover_date(hist);
        hist.end();
    }
    MF_TEST_ANCHOR("schedule.risk.histogram");
    ImGui::TextDisabled("S-curve: share of runs finished by that working day (%%)");
    Plot sc;
    if (sc.begin("finish_cdf", ImVec2(left_w, chart_h), curve_chart)) {
        if (sc.hovered()) hover_date(sc);
        sc.end();
    }
    MF_TEST_ANCHOR("schedule.risk.scurve");
    ImGui::Text("P10 %s · P50 %s · P80 %s · P95 %s · mean %.1f, σ %.1f working days",
                format_iso_date(r->p10_date).c_str(), format_iso_date(r->p50_date).c_str(),
                format_iso_date(r->p80_date).c_str(), format_iso_date(r->p95_date).c_str(), r->mean, r->sd);
    ImGui::PopItemWidth();
    ImGui::EndGroup();
}

// [SECTION] Tornado (sensitivity) and criticality --------------------------------------------------
// The ten tasks whose duration moves the finish most (Spearman ρ), with their criticality index.
static void draw_tornado(const std::vector<Task>& tasks, const CpmResult& cpm, const McResult* r, bool same_tasks,
                         float right_w) {
    ImGui::TextUnformatted("Most sensitive tasks (rank correlation of duration with the finish)");
    std::vector<size_t> order;
    if (same_tasks)
        for (size_t i = 0; i < r->tasks.size(); ++i)
            if (std::isfinite(r->tasks[i].sensitivity)) order.push_back(i);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return std::fabs(r->tasks[a].sensitivity) > std::fabs(r->tasks[b].sensitivity);
    });
    if (order.size() > 10) order.resize(10);
    if (ImGui::BeginTable("tornado", 4,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit,
                          ImVec2(right_w, 0))) {
        ImGui::TableSetupColumn("Task", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("ρ", ImGuiTableColumnFlags_WidthFixed, em(2.6f));
        ImGui::TableSetupColumn("−1  ·  0  ·  +1", ImGuiTableColumnFlags_WidthFixed, std::max(em(8), right_w * 0.32f));
        ImGui::TableSetupColumn("Critical", ImGuiTableColumnFlags_WidthFixed, em(4));
        ImGui::TableHeadersRow();
        for (size_t i : order) {
            const McTaskStats& s = r->tasks[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%zu %s", i + 1, tasks[i].name.c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tasks[i].name.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%+.2f", s.sensitivity);
            ImGui::TableNextColumn();
            const ImVec2 a = ImGui::GetCursorScreenPos();
            const float w = ImGui::GetColumnWidth(), h = ImGui::GetTextLineHeight();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float mid = a.x + w * 0.5f;
            const float end = mid + static_cast<float>(s.sensitivity) * w * 0.5f;
            dl->AddRectFilled(ImVec2(std::min(mid, end), a.y + 2), ImVec2(std::max(mid, end), a.y + h - 2),
                              cpm.tasks.size() == tasks.size() && cpm.tasks[i].critical ? plot_bad() : plot_color(0));
            dl->AddLine(ImVec2(mid, a.y), ImVec2(mid, a.y + h), ImGui::GetColorU32(ImGuiCol_Text, 0.5f));
            ImGui::Dummy(ImVec2(w, h));
            ImGui::TableNextColumn();
            ImGui::Text("%.0f %%", s.criticality * 100);
        }
        ImGui::EndTable();
    }
    MF_TEST_ANCHOR("schedule.risk.tornado");
    ImGui::TextDisabled(
        "Bars in red: on the plan's critical path. Critical = share of runs\n"
        "in which the task had no float (criticality index).");
}

// [SECTION] Rework loops, buffer, milestones -------------------------------------------------------
// Per gate (and all gates together) the distribution of rework loops taken.
static void draw_rework_loops(const Plan& plan, const McResult* r, float right_w) {
    const auto& tasks = plan.schedule.tasks;
    if (!r->gates.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted("Rework loops taken (share of runs)");
        const int per_row = 2;
        const float gw = (right_w - em(0.5f) * (per_row - 1)) / per_row;
        int k = 0;
        auto loops_plot = [&](const char* id, const std::vector<int64_t>& h, const std::string& title,
                              const std::string& sub) {
            if (k % per_row) ImGui::SameLine(0, em(0.5f));
            ImGui::BeginGroup();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + gw);
            ImGui::TextUnformatted(title.c_str());
            ImGui::TextDisabled("%s", sub.c_str());
            ImGui::PopTextWrapPos();
            const int m = static_cast<int>(h.size());
            std::vector<double> e(static_cast<size_t>(m) + 1), v(static_cast<size_t>(m));
            double tot = 0, mx = 0;
            for (auto c : h) tot += static_cast<double>(c);
            for (int i = 0; i <= m; ++i) e[static_cast<size_t>(i)] = i - 0.4 + (i == m ? -0.2 : 0);
            for (int i = 0; i < m; ++i) {
                v[static_cast<size_t>(i)] = tot > 0 ? static_cast<double>(h[static_cast<size_t>(i)]) / tot * 100 : 0;
                mx = std::max(mx, v[static_cast<size_t>(i)]);
            }
            Plot p;
            if (p.begin(id, ImVec2(gw, em(7.5f)),
                        axes(-0.6, m - 0.4, 0, std::max(1.0, mx * 1.15), "loops (% of runs)", ""))) {
                for (int i = 0; i < m; ++i) {
                    const double ed[2] = {i - 0.35, i + 0.35};
                    p.histogram(ed, &v[static_cast<size_t>(i)], 1, plot_color(5, 0.8f));
                    char lab[24];
                    std::snprintf(lab, sizeof lab, "%d", i);  // the loop count, above its bar
                    const ImVec2 at = p.to_screen(i, v[static_cast<size_t>(i)]);
                    const float tw = ImGui::CalcTextSize(lab).x;
                    p.draw_list()->AddText(
                        ImVec2(at.x - tw * 0.5f, std::max(at.y - ImGui::GetFontSize(), p.to_screen(0, mx * 1.15).y)),
                        ImGui::GetColorU32(ImGuiCol_Text), lab);
                }
                if (p.hovered()) {
                    const int i = static_cast<int>(std::lround(p.mouse_x()));
                    if (i >= 0 && i < m)
                        ImGui::SetTooltip("%d loop%s: %.1f %% of runs", i, i == 1 ? "" : "s",
                                          v[static_cast<size_t>(i)]);
                }
                p.end();
            }
            ImGui::EndGroup();
            ++k;
        };
        for (const McGateStats& g : r->gates) {
            const int gi = task_index(plan, g.id);
            const std::string name =
                gi >= 0 ? std::to_string(gi + 1) + " " + tasks[static_cast<size_t>(gi)].name : g.id;
            char sub[160];
            std::snprintf(sub, sizeof sub, "passes %.0f %% · mean %.2f loops (expected %.2f) · at the limit %.1f %%",
                          g.pass_probability * 100, g.mean_loops, g.expected_loops, g.share_at_limit * 100);
            loops_plot(g.id.c_str(), g.loop_histogram, name, sub);
        }
        if (r->gates.size() > 1) {
            double mean = 0, tot = 0;
            for (size_t i = 0; i < r->total_loop_histogram.size(); ++i) {
                mean += static_cast<double>(i) * static_cast<double>(r->total_loop_histogram[i]);
                tot += static_cast<double>(r->total_loop_histogram[i]);
            }
            loops_plot("##total_loops", r->total_loop_histogram, "All gates together",
                       "mean " + fmt("%.2f", tot > 0 ? mean / tot : 0) + " loops per run");
        }
    }
}

// Tasks with a target date: target, plan finish, P80 finish and the probability of meeting it.
static void draw_target_table(const std::vector<Task>& tasks, const CpmResult& cpm, const McResult* r, bool same_tasks,
                              float right_w) {
    bool any_target = false;
    for (const auto& t : tasks) any_target |= t.target.has_value();
    if (any_target && same_tasks) {
        ImGui::Spacing();
        ImGui::TextUnformatted("Milestones and due dates");
        if (ImGui::BeginTable("targets", 5,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit,
                              ImVec2(right_w, 0))) {
            ImGui::TableSetupColumn("Task", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("Target", ImGuiTableColumnFlags_WidthFixed, em(5.4f));
            ImGui::TableSetupColumn("Plan", ImGuiTableColumnFlags_WidthFixed, em(5.4f));
            ImGui::TableSetupColumn("P80", ImGuiTableColumnFlags_WidthFixed, em(5.4f));
            ImGui::TableSetupColumn("Meets it", ImGuiTableColumnFlags_WidthFixed, em(7.5f));
            ImGui::TableHeadersRow();
            for (size_t i = 0; i < tasks.size(); ++i) {
                if (!tasks[i].target) continue;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::Text("%zu %s", i + 1, tasks[i].name.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_iso_date(*tasks[i].target).c_str());
                ImGui::TableNextColumn();
                if (cpm.tasks.size() == tasks.size())
                    ImGui::TextUnformatted(format_iso_date(cpm.tasks[i].ef_date).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_iso_date(r->tasks[i].p80_finish_date).c_str());
                ImGui::TableNextColumn();
                if (r->tasks[i].probability_meet_target) verdict_text(*r->tasks[i].probability_meet_target);
            }
            ImGui::EndTable();
        }
    }
}

void ScheduleView::draw_risk_page(const Plan& plan) {
    const McResult* r = mc_drawn();
    if (!an_.cpm || !an_.clock) {
        ImGui::TextWrapped("The risk analysis runs once the schedule computes: fix the messages above first.");
        return;
    }
    if (!r || !r->ok()) {
        if (mc_running())
            ImGui::Text("Monte Carlo running: %.0f %%", mc_progress() * 100);
        else
            ImGui::TextDisabled("No Monte Carlo result yet.");
        if (r)
            for (const auto& e : r->errors) ImGui::TextColored(col4(plot_bad()), "%s", an_.text(e).c_str());
        return;
    }
    const WorkdayClock& clock = *an_.clock;
    const CpmResult& cpm = *an_.cpm;
    const auto& tasks = plan.schedule.tasks;
    const bool same_tasks = r->tasks.size() == tasks.size();
    if (mc_stale()) ImGui::TextDisabled("Showing the previous result while the Monte Carlo reruns for your change…");

    // Summary line: buffer and merge bias.
    ImGui::Text("%d iterations, seed %llu.", r->iterations, static_cast<unsigned long long>(r->seed));
    ImGui::SameLine();
    ImGui::Text("Buffer to hold: %s working days", format_days(r->buffer).c_str());
    MF_TEST_ANCHOR("schedule.risk.buffer");
    ImGui::SetItemTooltip(
        "P80 finish %s (working day %s) − plan finish %s (working day %s).\n"
        "Hold this much between the plan's finish and any date you promise.",
        format_iso_date(r->p80_date).c_str(), format_days(r->p80).c_str(),
        format_iso_date(r->deterministic_finish_date).c_str(), format_days(r->deterministic_finish).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("· merge bias %+.1f working days", r->merge_bias);
    ImGui::SetItemTooltip(
        "Mean Monte Carlo finish − the finish with every duration at its mean (and gates at their "
        "expected loops).\nWhere parallel paths join, the later of two uncertain paths finishes "
        "later than either alone: a plan on averages is optimistic.");

    const float avail_w = ImGui::GetContentRegionAvail().x;
    const float left_w = std::floor(avail_w * 0.56f);
    const float chart_h = em(13);

    draw_finish_charts(plan, clock, r, left_w, chart_h);

    ImGui::SameLine(0, em(1));
    ImGui::BeginGroup();
    const float right_w = ImGui::GetContentRegionAvail().x;
    draw_tornado(tasks, cpm, r, same_tasks, right_w);
    draw_rework_loops(plan, r, right_w);
    draw_target_table(tasks, cpm, r, same_tasks, right_w);
    ImGui::EndGroup();
}

}  // namespace mf
