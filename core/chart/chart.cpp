#include "chart/chart.h"

#include <cmath>
#include <utility>

#include "base/utf8.h"
#include "chart/ticks.h"

namespace mf {

ChartAxis usable_axis(ChartAxis a) {
    if (!std::isfinite(a.min)) a.min = 0;
    if (!std::isfinite(a.max)) a.max = a.min + 1;
    if (!(a.max > a.min)) a.max = a.min + 1;
    if (a.log && !(a.min > 0)) a.log = false;
    return a;
}

AxisTicks axis_ticks(const ChartAxis& axis, int max_ticks) {
    AxisTicks t;
    if (!axis.categories.empty()) {
        for (size_t i = 0; i < axis.categories.size(); ++i) {
            const double y = static_cast<double>(i);
            if (y < axis.min - 1e-9 || y > axis.max + 1e-9) continue;
            t.at.push_back(y);
            t.labels.push_back(axis.categories[i]);
        }
        return t;
    }
    t.at = axis.log ? log_ticks(axis.min, axis.max) : nice_ticks(axis.min, axis.max, max_ticks);
    t.labels = tick_labels(t.at);
    return t;
}

static ChartMark mark(MarkKind kind, Ink ink, std::vector<double> x, std::vector<double> y) {
    ChartMark m;
    m.kind = kind;
    m.ink = ink;
    m.x = std::move(x);
    m.y = std::move(y);
    return m;
}

void add_line(Chart& c, std::vector<double> x, std::vector<double> y, Ink ink, float width, bool dashed) {
    ChartMark m = mark(MarkKind::Line, ink, std::move(x), std::move(y));
    m.width = width;
    m.dashed = dashed;
    c.marks.push_back(std::move(m));
}

void add_steps(Chart& c, std::vector<double> x, std::vector<double> y, Ink ink, float width) {
    ChartMark m = mark(MarkKind::Steps, ink, std::move(x), std::move(y));
    m.width = width;
    c.marks.push_back(std::move(m));
}

void add_histogram(Chart& c, std::vector<double> edges, std::vector<double> heights, Ink fill, Ink outline) {
    ChartMark m = mark(MarkKind::Histogram, fill, std::move(edges), std::move(heights));
    m.outline = outline;
    c.marks.push_back(std::move(m));
}

void add_hbar(Chart& c, double y, double x0, double x1, double height, Ink fill, std::string label) {
    ChartMark m = mark(MarkKind::HBar, fill, {x0, x1}, {y, height});
    m.label = std::move(label);
    c.marks.push_back(std::move(m));
}

void add_vline(Chart& c, double x, Ink ink, std::string label, float width, int label_row, bool label_left) {
    ChartMark m = mark(MarkKind::VLine, ink, {x}, {});
    m.label = std::move(label);
    m.width = width;
    m.label_row = label_row;
    m.label_left = label_left;
    c.marks.push_back(std::move(m));
}

void add_hline(Chart& c, double y, Ink ink, std::string label, float width) {
    ChartMark m = mark(MarkKind::HLine, ink, {}, {y});
    m.label = std::move(label);
    m.width = width;
    c.marks.push_back(std::move(m));
}

void add_xband(Chart& c, double x0, double x1, Ink fill) {
    c.marks.push_back(mark(MarkKind::XBand, fill, {x0, x1}, {}));
}

void add_point(Chart& c, double x, double y, Ink ink, MarkShape shape, float radius) {
    ChartMark m = mark(MarkKind::Point, ink, {x}, {y});
    m.shape = shape;
    m.width = radius;
    c.marks.push_back(std::move(m));
}

void add_text(Chart& c, double x, double y, std::string text, Ink ink) {
    ChartMark m = mark(MarkKind::Text, ink, {x}, {y});
    m.label = std::move(text);
    c.marks.push_back(std::move(m));
}

std::string shorten(const std::string& s, size_t max_code_points) {
    size_t i = 0, count = 0, cut = 0;
    while (i < s.size()) {
        if (count + 1 == max_code_points) cut = i;  // where "…" goes if the name is too long
        next_code_point(s, i);
        if (++count > max_code_points) return s.substr(0, cut) + "…";
    }
    return s;
}

}  // namespace mf
