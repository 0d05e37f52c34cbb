// [SECTION] Drawing helpers: long series, dashed curves, legends
// [SECTION] Capability histogram with the limits and the fitted normals
// [SECTION] Control charts (location and dispersion) with the broken rules marked
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "chart/analysis_charts.h"
#include "plot.h"
#include "stats/distributions.h"
#include "style.h"
#include "test_hooks.h"
#include "views/capability_parts.h"

namespace mf::capability_ui {

// [SECTION] Drawing helpers ---------------------------------------------------------------

// Points 1..n joined by a line (gaps at missing points). With more points than pixels,
// one vertical min–max stroke per pixel column instead, so 100 000 points cost ~1000 lines.
static void draw_series(Plot& p, const std::vector<double>& y, double scale, ImU32 colour, float thickness) {
    ImDrawList* dl = p.draw_list();
    const size_t n = y.size();
    if (n == 0) return;
    const float sx0 = p.to_screen(1, 0).x, sx1 = p.to_screen(static_cast<double>(n), 0).x;
    const double pixels = std::max(1.0, static_cast<double>(sx1 - sx0));
    if (static_cast<double>(n) <= pixels * 2) {
        std::vector<ImVec2> seg;
        auto flush = [&] {
            if (seg.size() >= 2)
                dl->AddPolyline(seg.data(), static_cast<int>(seg.size()), colour, ImDrawFlags_None, thickness);
            else if (seg.size() == 1)
                dl->AddCircleFilled(seg[0], thickness * 1.5f, colour);
            seg.clear();
        };
        for (size_t i = 0; i < n; ++i) {
            if (std::isfinite(y[i]))
                seg.push_back(p.to_screen(static_cast<double>(i + 1), y[i] / scale));
            else
                flush();
        }
        flush();
        return;
    }
    const size_t buckets = static_cast<size_t>(pixels);
    for (size_t b = 0; b < buckets; ++b) {
        const size_t i0 = b * n / buckets, i1 = std::max(i0 + 1, (b + 1) * n / buckets);
        double lo = INFINITY, hi = -INFINITY;
        for (size_t i = i0; i < i1 && i < n; ++i)
            if (std::isfinite(y[i])) {
                lo = std::min(lo, y[i]);
                hi = std::max(hi, y[i]);
            }
        if (!std::isfinite(lo)) continue;
        const ImVec2 a = p.to_screen(static_cast<double>(i0 + 1), lo / scale),
                     c = p.to_screen(static_cast<double>(i0 + 1), hi / scale);
        const float x = sx0 + static_cast<float>(b);
        dl->AddLine(ImVec2(x, a.y + 0.5f), ImVec2(x, c.y - 0.5f), colour, 1.0f);
    }
}

static void dashed_polyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 colour, float thickness, float dash) {
    float carried = 0;
    bool on = true;
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
        ImVec2 a = pts[i];
        const ImVec2 b = pts[i + 1];
        float len = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
        while (len > 0) {
            const float step = std::min(len, dash - carried);
            const ImVec2 e(a.x + (b.x - a.x) * (step / len), a.y + (b.y - a.y) * (step / len));
            if (on) dl->AddLine(a, e, colour, thickness);
            carried += step;
            if (carried >= dash) {
                carried = 0;
                on = !on;
            }
            len -= step;
            a = e;
        }
    }
}

enum class Swatch { Box, Line, Dashed, Dot };
static void legend_item(ImU32 colour, Swatch s, const char* text) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = em(1.6f);
    ImGui::Dummy(ImVec2(w, h));
    const float cy = p.y + h * 0.5f;
    switch (s) {
        case Swatch::Box:
            dl->AddRectFilled(ImVec2(p.x + w * 0.2f, p.y + h * 0.2f), ImVec2(p.x + w * 0.8f, p.y + h * 0.8f), colour);
            break;
        case Swatch::Line: dl->AddLine(ImVec2(p.x, cy), ImVec2(p.x + w, cy), colour, 2.0f); break;
        case Swatch::Dashed: dashed_polyline(dl, {ImVec2(p.x, cy), ImVec2(p.x + w, cy)}, colour, 2.0f, w / 3.5f); break;
        case Swatch::Dot: dl->AddCircleFilled(ImVec2(p.x + w * 0.5f, cy), h * 0.25f, colour); break;
    }
    ImGui::SameLine(0, em(0.3f));
    ImGui::TextUnformatted(text);
    ImGui::SameLine(0, em(1.0f));
}

// The label of a horizontal limit line at its right end, on a background (drawn after the data
// so the line stays readable); below the line when there is no room above.
static void hline_label(Plot& p, double y, ImU32 colour, const char* label) {
    const ImVec2 right = p.to_screen(p.axes().x_max, y);
    const ImVec2 top = p.to_screen(p.axes().x_max, p.axes().y_max);
    const ImVec2 ts = ImGui::CalcTextSize(label);
    float ty = right.y - ts.y - 1;
    if (ty < top.y) ty = right.y + 1;
    const ImVec2 a(right.x - ts.x - 6, ty), b(right.x - 2, ty + ts.y);
    p.draw_list()->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_WindowBg, 0.9f));
    p.draw_list()->AddText(ImVec2(a.x + 2, a.y), colour, label);
}

// [SECTION] Histogram ---------------------------------------------------------------------

void draw_histogram(const FeatureAnalysis& a, const ValueUnit& u, float height) {
    const ValueHistogram& v = a.histogram;
    if (v.edges.size() < 2) {
        ImGui::TextDisabled("No values to plot.");
        return;
    }
    const double s = u.scale;
    const double sw = a.within.sigma, so = a.overall.sigma;
    const size_t nb = v.counts.size();
    const double bw = v.edges[1] - v.edges[0];
    const double n = static_cast<double>(a.values);
    // The chart the report prints too (core/chart: capability_histogram_chart); the tooltip is the app's.
    const Chart chart = capability_histogram_chart(a, s, u.symbol);
    Plot p;
    if (p.begin("histogram", ImVec2(-1, height), chart)) {
        if (p.hovered()) {
            const double x = p.mouse_x() * s;
            const long b = static_cast<long>(std::floor((x - v.edges[0]) / bw));
            if (b >= 0 && static_cast<size_t>(b) < nb)
                ImGui::SetTooltip("%s … %s: %.0f values (%.1f %%)", format_value(v.edges[b], u, 5).c_str(),
                                  format_value(v.edges[b + 1], u, 5).c_str(), v.counts[b],
                                  100.0 * v.counts[b] / std::max(1.0, n));
            else
                ImGui::SetTooltip("%s", format_value(x, u, 5).c_str());
        }
        p.end();
    }
    MF_TEST_ANCHOR("capability.histogram");
    legend_item(plot_color(4, 0.6f), Swatch::Box, "measured values");
    char b[96];
    std::snprintf(b, sizeof b, "normal, σ within %s", format_value(sw, u, 3).c_str());
    legend_item(plot_color(0), Swatch::Line, b);
    std::snprintf(b, sizeof b, "normal, σ overall %s", format_value(so, u, 3).c_str());
    legend_item(plot_color(1), Swatch::Dashed, b);
    ImGui::NewLine();
}

// [SECTION] Control charts ----------------------------------------------------------------

static std::string rule_text(int rule, const RuleSettings& r) {
    const double k = r.k[static_cast<size_t>(rule - 1)];
    char b[160];
    switch (rule) {
        case 1: std::snprintf(b, sizeof b, "1 point more than %gσ from the centre line", k); break;
        case 2: std::snprintf(b, sizeof b, "%g points in a row on the same side of the centre line", k); break;
        case 3: std::snprintf(b, sizeof b, "%g points in a row, all increasing or all decreasing", k); break;
        case 4: std::snprintf(b, sizeof b, "%g points in a row, alternating up and down", k); break;
        case 5:
            std::snprintf(b, sizeof b, "%g out of %g points more than 2σ from the centre line, same side", k, k + 1);
            break;
        case 6:
            std::snprintf(b, sizeof b, "%g out of %g points more than 1σ from the centre line, same side", k, k + 1);
            break;
        case 7: std::snprintf(b, sizeof b, "%g points in a row within 1σ of the centre line", k); break;
        case 8:
            std::snprintf(b, sizeof b, "%g points in a row more than 1σ from the centre line, either side", k);
            break;
        default: return rule_description(rule);
    }
    return b;
}

struct ChartSeries {
    const char* id;
    const char* title;
    const char* point_name;  // "Subgroup", "Row"
    const char* value_name;  // "mean", "range", ...
    const std::vector<double>* y;
    double center, ucl, lcl;
    const std::vector<double>* point_ucl;  // empty: fixed limits
    const std::vector<double>* point_lcl;
    const std::vector<double>* point_center;
    const std::vector<uint8_t>* marks;  // per point; location: rule bits, dispersion: 1
    bool location;
};

static void draw_one_chart(const ChartSeries& cs, const ValueUnit& u, const RuleSettings& rules, float height,
                           const char* anchor) {
    const std::vector<double>& y = *cs.y;
    const size_t n = y.size();
    const double s = u.scale;
    double lo = std::min(cs.lcl, cs.center), hi = std::max(cs.ucl, cs.center);
    for (double v : y)
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    for (const auto* lims : {cs.point_ucl, cs.point_lcl})
        for (double v : *lims)
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    const double pad = (hi - lo) * 0.08 + 1e-12;
    hi += (hi - lo) * 0.12;  // room for the UCL label above its line
    const std::string ylabel = std::string(cs.title) + (u.symbol.empty() ? "" : " (" + u.symbol + ")");
    Plot p;
    ImGui::TextDisabled("%s", ylabel.c_str());  // above the plot: a y label inside it would meet the top tick
    PlotAxes axes;
    axes.x_min = 0.5;
    axes.x_max = static_cast<double>(n) + 0.5;
    axes.y_min = (lo - pad) / s;
    axes.y_max = (hi + pad) / s;
    if (!p.begin(cs.id, ImVec2(-1, height - ImGui::GetTextLineHeightWithSpacing()), axes)) return;
    const ImU32 limit_col = plot_bad(), centre_col = plot_color(2), line_col = plot_color(0);
    char lbl[64];
    if (cs.point_ucl->empty()) {
        p.hline(cs.ucl / s, limit_col, nullptr, 1.2f);
        if (cs.location || cs.lcl > 0) p.hline(cs.lcl / s, limit_col, nullptr, 1.2f);
        p.hline(cs.center / s, centre_col, nullptr, 1.2f);
    } else {
        // Unequal subgroup sizes: each point has its own limits (steps).
        std::vector<double> xs(n + 1);
        for (size_t i = 0; i <= n; ++i) xs[i] = static_cast<double>(i) + 0.5;
        auto stepped = [&](const std::vector<double>& v, ImU32 col) {
            if (v.size() != n) return;
            std::vector<double> ys(n + 1);
            for (size_t i = 0; i < n; ++i) ys[i] = v[i] / s;
            ys[n] = n ? ys[n - 1] : 0;
            p.steps(xs.data(), ys.data(), static_cast<int>(n + 1), col, 1.2f);
        };
        stepped(*cs.point_ucl, limit_col);
        stepped(*cs.point_lcl, limit_col);
        if (!cs.point_center->empty())
            stepped(*cs.point_center, centre_col);
        else
            p.hline(cs.center / s, centre_col, "CL", 1.2f);
    }
    draw_series(p, y, s, line_col, 1.4f);
    // Points: small dots while there is room, the flagged ones larger in the limit colour.
    const float sx0 = p.to_screen(1, 0).x, sx1 = p.to_screen(static_cast<double>(n), 0).x;
    const bool dots = n > 0 && (sx1 - sx0) / static_cast<float>(n) > em(0.5f);
    size_t flagged = 0;
    for (size_t i = 0; i < n; ++i) {
        if (!std::isfinite(y[i])) continue;
        const uint8_t m = i < cs.marks->size() ? (*cs.marks)[i] : 0;
        if (m) {
#ifdef MF_TEST_HOOKS
            if (flagged == 0 && cs.location) {  // where the first signal is, for the tests to hover it
                const ImVec2 at = p.to_screen(static_cast<double>(i + 1), y[i] / s);
                MF_TEST_VALUE("capability.signal_x", at.x);
                MF_TEST_VALUE("capability.signal_y", at.y);
            }
#endif
            ++flagged;
            p.marker(static_cast<double>(i + 1), y[i] / s, limit_col, Marker::Diamond, em(0.28f));
            if (cs.location && dots) {
                int first = 1;
                while (first <= 8 && !(m & (1u << (first - 1)))) ++first;
                char t[16];
                std::snprintf(t, sizeof t, "%d", first);
                const ImVec2 at = p.to_screen(static_cast<double>(i + 1), y[i] / s);
                p.draw_list()->AddText(ImVec2(at.x + em(0.3f), at.y - em(1.2f)), limit_col, t);
            }
        } else if (dots) {
            p.marker(static_cast<double>(i + 1), y[i] / s, line_col, Marker::Circle, em(0.16f));
        }
    }
    if (cs.point_ucl->empty()) {
        const ValueUnit bare{u.scale, ""};  // the unit is on the axis
        std::snprintf(lbl, sizeof lbl, "UCL %s", format_value(cs.ucl, bare, 5).c_str());
        hline_label(p, cs.ucl / s, limit_col, lbl);
        if (cs.location || cs.lcl > 0) {
            std::snprintf(lbl, sizeof lbl, "LCL %s", format_value(cs.lcl, bare, 5).c_str());
            hline_label(p, cs.lcl / s, limit_col, lbl);
        }
        std::snprintf(lbl, sizeof lbl, "CL %s", format_value(cs.center, bare, 5).c_str());
        hline_label(p, cs.center / s, centre_col, lbl);
    }
    if (p.hovered() && n > 0) {
        const long i = std::clamp(std::lround(p.mouse_x()), 1L, static_cast<long>(n)) - 1;
        const double v = y[static_cast<size_t>(i)];
        if (std::isfinite(v)) {
            const ImVec2 at = p.to_screen(static_cast<double>(i + 1), v / s);
            p.draw_list()->AddCircle(at, em(0.45f), ImGui::GetColorU32(ImGuiCol_Text), 0, 1.5f);
        }
        const double ucl = cs.point_ucl->size() == n ? (*cs.point_ucl)[i] : cs.ucl;
        const double lcl = cs.point_lcl->size() == n ? (*cs.point_lcl)[i] : cs.lcl;
        std::string tip = std::string(cs.point_name) + " " + std::to_string(i + 1) + ": " + cs.value_name + " " +
            format_value(v, u, 6) + "\nlimits " + format_value(lcl, u, 5) + " … " + format_value(ucl, u, 5);
        const uint8_t m = static_cast<size_t>(i) < cs.marks->size() ? (*cs.marks)[i] : 0;
        if (cs.location) {
            for (int r = 1; r <= 8; ++r)
                if (m & (1u << (r - 1))) tip += "\n✗ Test " + std::to_string(r) + ": " + rule_text(r, rules);
        } else if (m) {
            tip += "\n✗ Test 1: beyond the control limits";
        }
        if (!m) tip += "\nno test fails at this point";
        ImGui::SetTooltip("%s", tip.c_str());
        MF_TEST_TEXT("capability.hover", tip);
    }
    p.end();
    MF_TEST_ANCHOR(anchor);
    (void)flagged;
}

void draw_control_charts(const FeatureAnalysis& a, const ValueUnit& u, const RuleSettings& rules, float height) {
    const ControlChart& ch = a.chart;
    if (!ch.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, plot_warn());
        ImGui::TextWrapped("▲ No control chart: %s", ch.error.c_str());
        ImGui::PopStyleColor();
        return;
    }
    if (ch.points.empty()) {
        ImGui::TextDisabled("No control chart (the values need some spread).");
        return;
    }
    const bool imr = ch.type == ChartType::IMR, xs = ch.type == ChartType::XbarS;
    const char* names[] = {"Xbar–R chart", "Xbar–S chart", "I–MR chart"};
    const char* name = names[imr ? 2 : xs ? 1 : 0];
    char sub[64] = "individual values";
    if (!imr) std::snprintf(sub, sizeof sub, "subgroups of %zu", ch.subgroup_size);
    ImGui::Text("%s · %s · σ for the limits %s · %s tests", name, sub, format_value(ch.sigma, u, 4).c_str(),
                rules.name == std::string("nelson") ? "Nelson" : "Western Electric");
    const size_t nv = a.violations.size(), nd = a.dispersion_violations.size();
    if (nv + nd == 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, plot_good());
        ImGui::TextUnformatted("✓ In control: no test fails");
    } else {
        size_t points = 0;
        for (uint8_t m : a.rule_marks) points += m != 0;
        for (uint8_t m : a.dispersion_marks) points += m != 0;
        ImGui::PushStyleColor(ImGuiCol_Text, plot_bad());
        ImGui::Text("✗ Out of control: %zu test%s failed at %zu point%s (hover a ◆ for the test)", nv + nd,
                    nv + nd == 1 ? "" : "s", points, points == 1 ? "" : "s");
    }
    ImGui::PopStyleColor();

    ChartSeries loc{"location",
                    imr ? "Individuals" : "Subgroup means",
                    imr ? "Row" : "Subgroup",
                    imr ? "value" : "mean",
                    &ch.points,
                    ch.center,
                    ch.ucl,
                    ch.lcl,
                    &ch.point_ucl,
                    &ch.point_lcl,
                    nullptr,
                    &a.rule_marks,
                    true};
    static const std::vector<double> kNone;
    loc.point_center = &kNone;
    MF_TEST_VALUE("capability.signal_x", NAN);
    MF_TEST_VALUE("capability.signal_y", NAN);
    draw_one_chart(loc, u, rules, height * 0.58f, "capability.chart");
    ChartSeries disp{"dispersion",
                     imr      ? "Moving ranges"
                         : xs ? "Subgroup SDs"
                              : "Subgroup ranges",
                     imr ? "Row" : "Subgroup",
                     imr      ? "moving range"
                         : xs ? "SD"
                              : "range",
                     &ch.dispersion,
                     ch.d_center,
                     ch.d_ucl,
                     ch.d_lcl,
                     &ch.d_point_ucl,
                     &ch.d_point_lcl,
                     &ch.d_point_center,
                     &a.dispersion_marks,
                     false};
    draw_one_chart(disp, u, rules, height * 0.42f, "capability.dispersion_chart");
}

}  // namespace mf::capability_ui
