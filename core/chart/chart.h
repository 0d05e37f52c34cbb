// A chart as plain data: two axes and a list of marks (lines, steps, histogram bars,
// horizontal bars, reference lines, bands, markers, text), with colours by palette index or
// role. Builders next to this file turn an analysis into one (chart_builders.h); the app draws
// it with ImDrawList (gui/plot.h, Plot::begin(id, size, chart)) and the HTML report writes it
// as SVG (core/report/svg.h). One description, two renderers: the report shows what the app
// shows.
//
//   Chart c;
//   c.x = {0, 10, false, "gap (µm)"};   c.y = {0, 120, false, "samples per bin"};
//   add_histogram(c, edges, counts, Ink{0, 0.7f});
//   add_vline(c, 4.5, Ink{kInkBad}, "lower limit");
//
// Coordinates are data units. A category axis (Gantt rows, tornado bars) puts
// categories[i] at y = i, row 0 at the bottom unless `reversed` (then row 0 at the top).
#pragma once
#include <string>
#include <vector>

namespace mf {

// Colours: 0 … 7 index the Okabe–Ito palette (colour-blind safe); negative values are roles
// that each renderer shades for its background (screen theme, white paper).
enum InkRole : int {
    kInkText = -1,  // the text colour
    kInkDim = -2,   // secondary text, grid-like reference lines
    kInkGood = -3,  // pass / OK (green)
    kInkWarn = -4,  // at risk (amber)
    kInkBad = -5,   // fails / limit (red)
};

struct Ink {
    int colour = 0;      // palette index 0 … 7 or an InkRole
    float alpha = 1.0f;  // 0 … 1
};

struct ChartAxis {
    double min = 0, max = 1;
    bool log = false;                     // decades (min > 0)
    std::string label;                    // with its unit: "gap (µm)"
    std::vector<std::string> categories;  // y only: a category axis, label i at y = i
    bool reversed = false;                // y only: larger y further down (category 0 on top)
};

enum class MarkKind {
    Line,       // polyline through (x[i], y[i])
    Steps,      // holds y[i] until x[i+1] (cost curves with jumps, empirical CDF)
    Histogram,  // bins with edges x[0..n] and heights y[0..n-1]
    HBar,       // horizontal bar: x = {from, to}, y = {centre, height}
    VLine,      // vertical reference line at x[0], label at the top
    HLine,      // horizontal reference line at y[0], label at the right
    XBand,      // shaded vertical band x = {from, to}, full height
    Point,      // a marker at (x[0], y[0])
    Text,       // label at (x[0], y[0])
};

enum class MarkShape { Circle, Diamond, Square, Cross };

struct ChartMark {
    MarkKind kind = MarkKind::Line;
    Ink ink;                   // line, fill or text colour
    Ink outline{0, 0.0f};      // histogram bar outline (alpha 0: none)
    std::vector<double> x, y;  // data coordinates (meaning per kind above)
    std::string label;         // VLine / HLine / Text / HBar (inside the bar)
    float width = 1.5f;        // line thickness, marker radius (px at 1 em = 16 px)
    bool dashed = false;       // Line
    MarkShape shape = MarkShape::Circle;
    int label_row = 0;        // VLine: label on the row'th line from the top
    bool label_left = false;  // VLine: label left of the line
};

struct LegendEntry {
    Ink ink;
    std::string text;
    bool line = false;  // swatch: a line (else a box)
};

struct Chart {
    std::string title;  // above the chart (the report's figure caption)
    ChartAxis x, y;
    std::vector<ChartMark> marks;  // drawn in order
    std::vector<LegendEntry> legend;
    std::string note;      // below the chart: samples, seed, bins
    float height_em = 14;  // height in em at the app's width; the SVG keeps the ratio
};

// The ticks an axis shows given room for at most max_ticks labels: category positions,
// decades or nice steps, with their labels.
struct AxisTicks {
    std::vector<double> at;
    std::vector<std::string> labels;
};
AxisTicks axis_ticks(const ChartAxis& axis, int max_ticks);

// The axis made drawable: max > min, finite, log only with min > 0.
ChartAxis usable_axis(ChartAxis axis);

// Builders of marks (append to c.marks).
void add_line(Chart& c, std::vector<double> x, std::vector<double> y, Ink ink, float width = 1.5f, bool dashed = false);
void add_steps(Chart& c, std::vector<double> x, std::vector<double> y, Ink ink, float width = 1.5f);
void add_histogram(Chart& c, std::vector<double> edges, std::vector<double> heights, Ink fill, Ink outline = {0, 0.0f});
void add_hbar(Chart& c, double y, double x0, double x1, double height, Ink fill, std::string label = {});
void add_vline(Chart& c, double x, Ink ink, std::string label = {}, float width = 1.5f, int label_row = 0,
               bool label_left = false);
void add_hline(Chart& c, double y, Ink ink, std::string label = {}, float width = 1.5f);
void add_xband(Chart& c, double x0, double x1, Ink fill);
void add_point(Chart& c, double x, double y, Ink ink, MarkShape shape = MarkShape::Circle, float radius = 4.0f);
void add_text(Chart& c, double x, double y, std::string text, Ink ink);

// A name cut to at most max_code_points (with … when cut), never inside a UTF-8 sequence.
std::string shorten(const std::string& s, size_t max_code_points);

}  // namespace mf
