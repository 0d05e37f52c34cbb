// Charts of the tolerance-stack view: the contribution Pareto ("which tolerance should I
// tighten?") and the Monte Carlo histogram with the limits and the fitted normal.
//
// [SECTION] Pareto   [SECTION] Histogram
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "chart/analysis_charts.h"
#include "plot.h"
#include "style.h"
#include "test_hooks.h"
#include "views/stack_parts.h"

namespace mf::stack_ui {

// `text` shortened with "…" to fit `width` pixels.
std::string fit_text(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::string s = text;
    while (!s.empty()) {
        // Drop one UTF-8 character from the end.
        size_t cut = s.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
        s.erase(cut);
        if (ImGui::CalcTextSize((s + "…").c_str()).x <= width) return s + "…";
    }
    return "…";
}

namespace {

// One legend entry; after the first, on the same line when it fits, else on the next.
void legend_item(ImU32 colour, const char* text, bool line = false, bool first = false) {
    const float h = ImGui::GetTextLineHeight();
    if (!first) {
        ImGui::SameLine(0, em(0.8f));
        if (ImGui::GetContentRegionAvail().x < h + em(0.25f) + ImGui::CalcTextSize(text).x) ImGui::NewLine();
    }
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (line)
        dl->AddLine(ImVec2(p.x, p.y + h * 0.5f), ImVec2(p.x + h, p.y + h * 0.5f), colour, 2.5f);
    else
        dl->AddRectFilled(ImVec2(p.x + h * 0.15f, p.y + h * 0.2f), ImVec2(p.x + h * 0.85f, p.y + h * 0.8f), colour);
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine(0, em(0.25f));
    ImGui::TextUnformatted(text);
}

}  // namespace

// [SECTION] Pareto -----------------------------------------------------------------------

void draw_pareto(Ctx& c) {
    const auto& rows = c.report.contributions;
    ImGui::SeparatorText("Contributions: which tolerance should I tighten?");
    MF_TEST_ANCHOR("stack.pareto.title");
    if (rows.empty()) return;
    const bool have_mc = rows.front().monte_carlo_share.has_value();
    legend_item(plot_color(0), "statistical variance share", false, true);
    if (have_mc) legend_item(plot_color(1), "Monte Carlo r²");
    legend_item(plot_color(7), "worst-case range share", true);
    legend_item(plot_color(2), "cumulative (statistical)", true);

    const float font = ImGui::GetFontSize();
    const float row_h = font * (have_mc ? 2.0f : 1.6f);
    const float width = ImGui::GetContentRegionAvail().x;
    const float name_w = std::min(em(11), width * 0.34f);
    const float axis_h = font * 2.4f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float height = row_h * static_cast<float>(rows.size()) + axis_h;
    ImGui::InvisibleButton("pareto", ImVec2(std::max(width, em(10)), height));
    MF_TEST_ANCHOR("stack.pareto");
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float x0 = origin.x + name_w, x1 = origin.x + width - font * 1.2f;
    const float y0 = origin.y, y1 = origin.y + row_h * static_cast<float>(rows.size());
    auto sx = [&](double share) { return static_cast<float>(x0 + (x1 - x0) * std::clamp(share, 0.0, 1.0)); };

    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.5f);
    dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), ImGui::GetColorU32(ImGuiCol_FrameBg));
    for (double v : nice_ticks(0, 100, 6)) {
        const float x = sx(v / 100);
        dl->AddLine(ImVec2(x, y0), ImVec2(x, y1), grid);
        const std::string s = tick_label(v) + (v == 100 ? " %" : "");
        dl->AddText(ImVec2(x - ImGui::CalcTextSize(s.c_str()).x * 0.5f, y1 + font * 0.15f), dim, s.c_str());
    }
    const char* xlabel = "share (%)";
    dl->AddText(ImVec2((x0 + x1 - ImGui::CalcTextSize(xlabel).x) * 0.5f, y1 + font * 1.2f), text, xlabel);

    int hover_row = -1;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    // The cumulative line first, under the bars and their labels.
    double cumulative = 0;
    std::vector<ImVec2> cum_pts;
    for (size_t r = 0; r < rows.size(); ++r) {
        cumulative += rows[r].statistical_share;
        cum_pts.push_back(ImVec2(sx(cumulative), y0 + row_h * (static_cast<float>(r) + 0.5f)));
    }
    if (cum_pts.size() >= 2) dl->AddPolyline(cum_pts.data(), static_cast<int>(cum_pts.size()), plot_color(2), 0, 2.0f);
    for (const auto& p : cum_pts) dl->AddCircleFilled(p, font * 0.22f, plot_color(2));
    for (size_t r = 0; r < rows.size(); ++r) {
        const ContributionRow& row = rows[r];
        const float top = y0 + row_h * static_cast<float>(r);
        const float mid = top + row_h * 0.5f;
        if (hovered && mouse.y >= top && mouse.y < top + row_h) {
            hover_row = static_cast<int>(r);
            dl->AddRectFilled(ImVec2(origin.x, top), ImVec2(x1, top + row_h),
                              ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.35f));
        }
        char rank[16];
        std::snprintf(rank, sizeof rank, "%d. ", row.rank);
        const std::string name = fit_text(rank + row.name, name_w - font * 0.5f);
        dl->AddText(ImVec2(origin.x, mid - font * 0.5f), text, name.c_str());

        const float bar_h = have_mc ? row_h * 0.34f : row_h * 0.55f;
        const float b0 = have_mc ? mid - bar_h - row_h * 0.02f : mid - bar_h * 0.5f;
        dl->AddRectFilled(ImVec2(x0, b0), ImVec2(std::max(sx(row.statistical_share), x0 + 1), b0 + bar_h),
                          plot_color(0));
        if (row.monte_carlo_share) {
            const float m0 = mid + row_h * 0.02f;
            dl->AddRectFilled(ImVec2(x0, m0), ImVec2(std::max(sx(*row.monte_carlo_share), x0 + 1), m0 + bar_h),
                              plot_color(1));
        }
        const float wx = sx(row.worst_case_share);
        dl->AddLine(ImVec2(wx, top + row_h * 0.1f), ImVec2(wx, top + row_h * 0.9f), plot_color(7), 2.5f);
        char pct[24];
        std::snprintf(pct, sizeof pct, "%.1f %%", row.statistical_share * 100);
        const float pw = ImGui::CalcTextSize(pct).x;
        const float end = sx(row.statistical_share);
        // Inside a long bar (white on the bar), else just after its end on a small backing.
        const bool inside = end - x0 > pw + font;
        const ImVec2 at(inside ? end - pw - font * 0.3f : end + font * 0.3f, b0 + (bar_h - font) * 0.5f);
        if (!inside)
            dl->AddRectFilled(ImVec2(at.x - 2, at.y), ImVec2(at.x + pw + 2, at.y + font),
                              ImGui::GetColorU32(ImGuiCol_FrameBg));
        dl->AddText(at, inside ? IM_COL32(255, 255, 255, 255) : text, pct);
    }
    dl->AddRect(ImVec2(x0, y0), ImVec2(x1, y1), ImGui::GetColorU32(ImGuiCol_Border));

    if (hover_row >= 0 && ImGui::BeginTooltip()) {
        const ContributionRow& row = rows[static_cast<size_t>(hover_row)];
        ImGui::Text("%d. %s (sensitivity %.4g)", row.rank, row.name.c_str(), row.sensitivity);
        ImGui::Text("statistical variance share %.2f %%", row.statistical_share * 100);
        if (row.monte_carlo_share) ImGui::Text("Monte Carlo r² %.2f %%", *row.monte_carlo_share * 100);
        ImGui::Text("RSS variance share %.2f %%", row.rss_share * 100);
        ImGui::Text("worst-case range share %.2f %%", row.worst_case_share * 100);
        ImGui::TextDisabled("Variance shares add their squares; the worst-case share adds the tolerances themselves.");
        ImGui::EndTooltip();
    }
}

// [SECTION] Histogram --------------------------------------------------------------------

void draw_histogram(Ctx& c) {
    StackView& v = c.view;
    ImGui::SeparatorText("Monte Carlo distribution of the gap");
    const MonteCarloResult* mc = c.mc;
    const float top = ImGui::GetCursorPosY();
    if (!mc) {
        ImGui::TextDisabled(v.mc.running()         ? "Sampling… the histogram appears when the run finishes."
                                : v.mc.cancelled() ? "Monte Carlo cancelled."
                                                   : "No Monte Carlo result.");
        // As high as the histogram was: what is below does not move up when a run starts and
        // down when it ends (each move redraws it, and without a GPU that costs the CPU the
        // run needs).
        const float used = ImGui::GetCursorPosY() - top + ImGui::GetStyle().ItemSpacing.y;
        ImGui::Dummy(ImVec2(0, std::max(em(13), v.histogram_height - used)));
        return;
    }
    if (mc->thermal_differs) {
        char a[48], b[48];
        std::snprintf(a, sizeof a, "at %.4g °C (measurement)", c.stack.measurement_temperature);
        std::snprintf(b, sizeof b, "at %.4g °C (operating)", c.stack.operating_temperature);
        if (ImGui::RadioButton(a, !v.histogram_at_operating)) v.histogram_at_operating = false;
        MF_TEST_ANCHOR("stack.hist.measurement");
        ImGui::SameLine();
        if (ImGui::RadioButton(b, v.histogram_at_operating)) v.histogram_at_operating = true;
        MF_TEST_ANCHOR("stack.hist.operating");
    }
    const MonteCarloSummary& m =
        mc->thermal_differs && v.histogram_at_operating ? mc->at_operating : mc->at_measurement;
    // The chart the report prints too (core/chart: stack_histogram_chart); the tooltip is the app's.
    const Chart chart = stack_histogram_chart(c.stack, mc, c.unit, v.histogram_at_operating);
    if (chart.marks.empty()) return;
    const auto bars = std::find_if(chart.marks.begin(), chart.marks.end(),
                                   [](const ChartMark& k) { return k.kind == MarkKind::Histogram; });
    const std::vector<double>& edges = bars->x;
    const std::vector<double>& heights = bars->y;
    const int n = static_cast<int>(heights.size());
    const double u = mm_per_unit(c.unit), width = m.histogram.width / u;
    Plot p;
    if (p.begin("hist", ImVec2(-1, em(14)), chart)) {
        if (p.hovered()) {
            const double x = p.mouse_x();
            const int k = static_cast<int>(std::floor((x - edges.front()) / width));
            if (ImGui::BeginTooltip()) {
                if (k >= 0 && k < n) {
                    const double cnt = heights[static_cast<size_t>(k)];
                    ImGui::Text("%s … %s: %.0f samples (%.3g %%)",
                                format_length(edges[static_cast<size_t>(k)] * u, c.unit).c_str(),
                                format_length(edges[static_cast<size_t>(k) + 1] * u, c.unit).c_str(), cnt,
                                100.0 * cnt / static_cast<double>(m.n));
                } else {
                    ImGui::Text("gap %s: no samples", format_length(x * u, c.unit).c_str());
                }
                ImGui::TextDisabled("fitted normal: mean %s, σ %s", format_length(m.mean, c.unit).c_str(),
                                    format_length(m.sigma, c.unit).c_str());
                ImGui::EndTooltip();
            }
        }
        p.end();
    }
    MF_TEST_ANCHOR("stack.hist");
    legend_item(plot_color(0, 0.7f), "samples", false, true);
    legend_item(plot_color(1), "fitted normal", true);
    legend_item(plot_bad(), "limits (shaded: out)", true);
    legend_item(plot_color(7), "mean", true);
    ImGui::TextDisabled("%zu samples, seed %llu, %d bins of %s; skewness %.3g", m.n,
                        static_cast<unsigned long long>(mc->seed), n,
                        format_length(m.histogram.width, c.unit, 3).c_str(), m.skewness);
    v.histogram_height = ImGui::GetCursorPosY() - top;
}

}  // namespace mf::stack_ui
