// The decision on one page (part of the Overview): what core's analyse_roads says, drawn —
// the recommended road and why, the roads side by side, and the red flags of the recommended
// road. Every figure is a link to the tab it comes from. The view holds no pipeline: the
// analysis is core's, cached by plan revision; the schedule Monte Carlo of every road runs in
// slices through the JobRunner (RoadsMonteCarlo, a sliced job of core/base/job.h).
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

#include "format.h"
#include "imgui.h"
#include "plot.h"
#include "style.h"
#include "test_hooks.h"
#include "views/overview_view.h"
#include "widgets.h"

namespace mf {

namespace {

// A figure that links to the tab it comes from: a borderless selectable, with a tooltip.
void link_cell(ViewContext& ctx, const std::string& text, const std::string& id, Tab tab, const char* tip) {
    const std::string label = text + "##" + id;
    if (ImGui::Selectable(label.c_str(), false)) ctx.show(tab);
    MF_TEST_ANCHOR("overview.roads." + id);
    MF_TEST_TEXT("overview.roads." + id, text);
    if (ImGui::IsItemHovered() && tip) ImGui::SetTooltip("%s", tip);
}

std::string date_text(const std::optional<Date>& d, bool running) {
    if (d) return format_iso_date(*d);
    return running ? "…" : "–";
}

// Calendar days from the deadline to the P80 date: "+12 d late", "8 d early", "on the day".
std::string against_deadline(const std::optional<Date>& p80, const std::optional<Date>& deadline, bool running) {
    if (!deadline) return "no deadline";
    if (!p80) return running ? "…" : "–";
    const int late = p80->days - deadline->days;
    char buf[48];
    if (late > 0)
        std::snprintf(buf, sizeof buf, "%d d late", late);
    else if (late < 0)
        std::snprintf(buf, sizeof buf, "%d d early", -late);
    else
        std::snprintf(buf, sizeof buf, "on the day");
    return buf;
}

// Each stack's verdict in one cell: "OK · fails" (the tooltip gives the ppm).
std::string stacks_text(const RoadFigures& f) {
    if (f.stacks.empty()) return "no stacks";
    std::string out;
    for (const auto& s : f.stacks)
        out += (out.empty() ? "" : " · ") + std::string(s.error.empty() ? verdict_name(s.verdict) : "–");
    return out;
}
std::string stacks_tip(const RoadFigures& f) {
    std::string out = "Stack verdicts on this road (capability-based normal model, docs/roads.md):";
    for (const auto& s : f.stacks)
        out += "\n" + s.name + ": " +
            (s.error.empty() ? std::string(verdict_name(s.verdict)) + ", " + format_ppm(s.ppm) : s.error);
    return out + "\nClick to open the Tolerances tab.";
}

const RoadFigures* find_road(const RoadsAnalysis& a, const std::string& road) {
    for (const auto& f : a.roads)
        if (f.road == road) return &f;
    return nullptr;
}

void draw_recommendation(ViewContext& ctx, const RoadsAnalysis& a) {
    const RoadFigures* rec = find_road(a, a.recommended);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Recommended road:");
    ImGui::SameLine();
    if (rec) {
        if (ImGui::SmallButton((rec->name + "##recommended").c_str())) ctx.show(Tab::Decision);
        MF_TEST_ANCHOR("overview.recommended");
        MF_TEST_TEXT("overview.recommended", rec->road);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open the Decision tab: the matrix and the rankings.");
    } else {
        ImGui::TextDisabled("none");
    }
    ImGui::PushTextWrapPos(0);
    if (a.methods_agree)
        ImGui::TextUnformatted(a.why.c_str());
    else
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_warn()), "%s", a.why.c_str());
    ImGui::PopTextWrapPos();
    MF_TEST_TEXT("overview.why", a.why);
}

void draw_table(ViewContext& ctx, const RoadsAnalysis& a, bool running) {
    const int cost_columns = static_cast<int>(a.volumes.size());
    const int columns = 1 + cost_columns + 6;
    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    const float height = row_h * static_cast<float>(a.roads.size() + 1) + ImGui::GetStyle().ScrollbarSize + em(1);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollX |
        ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("roads", columns, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Road", ImGuiTableColumnFlags_WidthFixed, em(16));
    for (int v = 0; v < cost_columns; ++v) {
        const std::string head =
            "Cost @ " + format_count(a.volumes[static_cast<size_t>(v)]) + (v + 1 == cost_columns ? " (plan)" : "");
        ImGui::TableSetupColumn(head.c_str(), ImGuiTableColumnFlags_WidthFixed, em(8));
    }
    ImGui::TableSetupColumn("Production P80", ImGuiTableColumnFlags_WidthFixed, em(7.5f));
    ImGui::TableSetupColumn("vs deadline", ImGuiTableColumnFlags_WidthFixed, em(7));
    ImGui::TableSetupColumn("P(meet)", ImGuiTableColumnFlags_WidthFixed, em(5));
    ImGui::TableSetupColumn("Pilot gate", ImGuiTableColumnFlags_WidthFixed, em(6));
    ImGui::TableSetupColumn("Stacks", ImGuiTableColumnFlags_WidthFixed, em(10));
    ImGui::TableSetupColumn("Score (rank) · red flags", ImGuiTableColumnFlags_WidthFixed, em(11));
    ImGui::TableHeadersRow();
    for (const RoadFigures& f : a.roads) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(f.name.c_str());
        MF_TEST_TEXT("overview.roads." + f.road + ".name", f.name);
        for (int v = 0; v < cost_columns; ++v) {
            ImGui::TableNextColumn();
            const auto& c = f.cost_per_good_part[static_cast<size_t>(v)];
            link_cell(ctx, c ? format_money(*c) : "no cost model", f.road + ".cost" + std::to_string(v), Tab::Decision,
                      "Cost per good part (NRE, setup, yield, rework): open the Decision tab.");
        }
        const char* timeline_tip =
            "Schedule Monte Carlo on this road (10 000 iterations, seed 1): open the Timeline tab.";
        ImGui::TableNextColumn();
        link_cell(ctx, f.schedule_error.empty() ? date_text(f.production_p80, running) : "–", f.road + ".p80",
                  Tab::Timeline, f.schedule_error.empty() ? timeline_tip : f.schedule_error.c_str());
        ImGui::TableNextColumn();
        link_cell(ctx, against_deadline(f.production_p80, a.deadline, running), f.road + ".deadline", Tab::Timeline,
                  timeline_tip);
        ImGui::TableNextColumn();
        link_cell(ctx,
                  f.probability_meet_deadline ? format_probability(*f.probability_meet_deadline)
                                              : (running && f.schedule_error.empty() ? "…" : "–"),
                  f.road + ".meet", Tab::Timeline, timeline_tip);
        ImGui::TableNextColumn();
        link_cell(ctx, f.pilot_gate_pass ? format_probability(*f.pilot_gate_pass) : "–", f.road + ".gate",
                  Tab::Timeline,
                  "The pilot gate's pass probability (Cpk ≥ threshold on the pilot sample): open the Timeline tab.");
        ImGui::TableNextColumn();
        link_cell(ctx, stacks_text(f), f.road + ".stacks", Tab::Tolerances, stacks_tip(f).c_str());
        ImGui::TableNextColumn();
        char score[96];
        if (f.score)
            std::snprintf(score, sizeof score, "%.3f (%d) · %zu", *f.score, f.rank, f.red_warnings());
        else
            std::snprintf(score, sizeof score, "– · %zu", f.red_warnings());
        link_cell(
            ctx, score, f.road + ".score", Tab::Decision,
            "Weighted-sum score (rank) and the decision's red flags if this road is taken: open the Decision tab.");
    }
    ImGui::EndTable();
}

void draw_red_flags(ViewContext& ctx, const RoadsAnalysis& a) {
    const RoadFigures* rec = find_road(a, a.recommended);
    if (!rec) return;
    if (rec->warnings.empty()) {
        ImGui::TextDisabled("No red flags on the recommended road.");
        return;
    }
    ImGui::Text("Open red flags on the recommended road (%zu):", rec->warnings.size());
    ImGui::PushTextWrapPos(0);
    for (size_t i = 0; i < rec->warnings.size(); ++i) {
        const DecisionWarning& w = rec->warnings[i];
        const std::string label = "[" + w.code + "] " + w.message + "##flag" + std::to_string(i);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(plot_bad()));
        if (ImGui::Selectable(label.c_str(), false)) ctx.show(Tab::Decision);
        ImGui::PopStyleColor();
        MF_TEST_ANCHOR("overview.flag." + std::to_string(i));
    }
    ImGui::PopTextWrapPos();
}

}  // namespace

void OverviewView::draw_roads(ViewContext& ctx) {
    ImGui::SeparatorText("The decision on one page");
    const Plan& plan = ctx.plan;
    if (plan.decision.partners.empty()) {
        ImGui::TextDisabled("Add partners on the Decision tab to compare the roads.");
        if (ImGui::SmallButton("Open the Decision tab")) ctx.show(Tab::Decision);
        return;
    }
    // While a field is being typed into, keep the last analysis: recomputing every road on each
    // keystroke made frames slow enough that the keystrokes of one field stopped merging into one
    // undo step. The table catches up the frame after the field is left.
    const bool typing = ImGui::IsAnyItemActive() && roads_.has_value();
    if (!roads_ || (roads_state_ != ctx.state_id && !typing)) {
        RoadsOptions o;
        o.schedule.iterations = 0;  // the Monte Carlo runs below, in slices
        roads_ = analyse_roads(plan, o);
        roads_->options.schedule = RoadsOptions{}.schedule;  // mfplan compare's iterations and seed
        roads_state_ = ctx.state_id;
        roads_inputs_ = roads_mc_inputs(*roads_);
        shown_.reset();
    }
    roads_mc_.update(roads_inputs_, [&] { return std::make_unique<RoadsMonteCarlo>(roads_inputs_); });
    if (!shown_ || shown_generation_ != roads_mc_.generation()) {
        shown_ = *roads_;
        if (const auto* r = roads_mc_.result()) with_schedule_monte_carlo(*shown_, *r);
        shown_generation_ = roads_mc_.generation();
    }
    const RoadsAnalysis& a = *shown_;
    const bool running = roads_mc_.running();

    draw_recommendation(ctx, a);
    if (running) roads_mc_.draw_progress("Dates of every road");
    draw_table(ctx, a, running);
    MF_TEST_VALUE("overview.roads.count", static_cast<double>(a.roads.size()));
    MF_TEST_VALUE("overview.roads.running", running ? 1.0 : 0.0);
    draw_red_flags(ctx, a);
}

}  // namespace mf
