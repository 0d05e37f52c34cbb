// Plot: a small 2D chart drawn with ImDrawList — axes with "nice" ticks (linear or log x),
// lines, histogram bars, horizontal bars, reference lines, markers, shaded bands and a
// hover readout. Enough for the tools' histograms, S-curves, cost curves, control charts
// and tornado/Pareto charts; no state is kept between frames.
//
//   Plot p;
//   if (p.begin("hist", ImVec2(-1, em(16)), {lo, hi, 0, max_count, false, "gap (µm)", "samples"})) {
//       p.histogram(edges.data(), counts.data(), n, plot_color(0));
//       p.vline(lsl, plot_color(3), "LSL");
//       if (p.hovered()) ImGui::SetTooltip("%g", p.mouse_x());
//       p.end();
//   }
#pragma once
#include <string>
#include <vector>

#include "chart/chart.h"  // the chart description the report shares (core/chart)
#include "chart/ticks.h"  // nice_ticks, log_ticks, tick_labels (shared with the report)
#include "imgui.h"

namespace mf {

struct PlotAxes {
    double x_min = 0, x_max = 1;
    double y_min = 0, y_max = 1;
    bool log_x = false;  // x axis in decades (x_min > 0)
    bool log_y = false;  // y axis in decades (y_min > 0)
    const char* x_label = "";
    const char* y_label = "";
    // Category y axis (bar charts): labels[i] is drawn at y = i instead of numeric ticks.
    const char* const* y_categories = nullptr;
    int y_category_count = 0;
    bool reversed_y = false;  // larger y further down (category 0 on top)
};

enum class Marker { Circle, Diamond, Square, Cross };

class Plot {
public:
    // Reserves the area (size.x <= 0: full width), draws background, grid, ticks and labels.
    // Returns false when the plot is clipped away (skip drawing, no end() needed).
    bool begin(const char* id, ImVec2 size, const PlotAxes& axes);
    void end();
    // A chart description (core/chart/chart.h, shared with the HTML report): begins with its
    // axes and draws its marks; the caller may add hover readouts, then calls end().
    bool begin(const char* id, ImVec2 size, const Chart& chart);
    void marks(const Chart& chart);

    ImVec2 to_screen(double x, double y) const;
    double x_from_screen(float sx) const;
    double y_from_screen(float sy) const;

    void line(const double* xs, const double* ys, int n, ImU32 colour, float thickness = 1.5f);
    // Step line through (xs[i], ys[i]) holding each y until the next x (cost curves with jumps).
    void steps(const double* xs, const double* ys, int n, ImU32 colour, float thickness = 1.5f);
    // Histogram: n bins with edges[0..n] and heights[0..n-1].
    void histogram(const double* edges, const double* heights, int n, ImU32 fill, ImU32 outline = 0);
    // Horizontal bar from x0 to x1 centred on y with the given height in data units.
    void hbar(double y, double x0, double x1, double height, ImU32 fill);
    void vline(double x, ImU32 colour, const char* label = nullptr, float thickness = 1.5f);
    void hline(double y, ImU32 colour, const char* label = nullptr, float thickness = 1.5f);
    void xband(double x0, double x1, ImU32 fill);
    void marker(double x, double y, ImU32 colour, Marker shape = Marker::Circle, float radius = 4.0f);
    void text(double x, double y, const char* text, ImU32 colour);

    bool hovered() const { return hovered_; }
    double mouse_x() const;
    double mouse_y() const;
    ImDrawList* draw_list() const { return dl_; }
    const PlotAxes& axes() const { return axes_; }

private:
    PlotAxes axes_;
    std::vector<const char*> categories_;  // a chart's category labels, for axes_.y_categories
    ImVec2 p0_, p1_;                       // plotting rectangle (inside the axes)
    ImDrawList* dl_ = nullptr;
    bool hovered_ = false;
    double tx(double x) const;
    double ty(double y) const;
};

// A colour-blind-safe palette (Okabe–Ito), readable on light and dark themes.
ImU32 plot_color(int index, float alpha = 1.0f);
// Status colours for marks and verdict text, in the current theme's shade (4.5:1 against the
// window background).
ImU32 plot_good();  // green: pass / OK
ImU32 plot_warn();  // amber: at risk
ImU32 plot_bad();   // red: fails / limit
// The colour of a chart Ink (core/chart/chart.h) in the current theme.
ImU32 ink_color(Ink ink);

}  // namespace mf
