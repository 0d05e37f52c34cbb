// SVG of a Chart (report/svg.h).
//
// [SECTION] Colours and coordinates
// [SECTION] Marks
// [SECTION] The chart: frame, ticks, labels, marks, legend
#include "report/svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/utf8.h"
#include "report/html.h"

namespace mf {

namespace {

// [SECTION] Colours and coordinates ---------------------------------------------------------------

constexpr double kWidth = 720;  // viewBox width; 1 em = 16 px as in the app
constexpr double kFont = 12;

const char* const kPalette[8] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                 "#56b4e9", "#e69f00", "#c9b800", "#666666"};  // Okabe–Ito (yellow darkened for paper)

std::string num(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", std::isfinite(v) ? v : 0.0);
    return b;
}

std::string opacity(const char* what, float alpha) {
    if (alpha >= 0.999f) return "";
    char b[48];
    std::snprintf(b, sizeof b, " %s-opacity=\"%.2f\"", what, std::clamp(alpha, 0.0f, 1.0f));
    return b;
}

// Rough width of a label in the SVG font (no font metrics on paper): 0.6 em per code point.
double text_width(const std::string& s) {
    size_t i = 0, n = 0;
    while (i < s.size()) next_code_point(s, i), ++n;
    return static_cast<double>(n) * kFont * 0.6;
}

struct Frame {
    ChartAxis x, y;
    double x0, y0, x1, y1;  // the plotting rectangle
    double fx(double v) const {
        const double f = x.log
            ? (std::log10(std::max(v, 1e-300)) - std::log10(x.min)) / (std::log10(x.max) - std::log10(x.min))
            : (v - x.min) / (x.max - x.min);
        return x0 + f * (x1 - x0);
    }
    double fy(double v) const {
        double f = y.log
            ? (std::log10(std::max(v, 1e-300)) - std::log10(y.min)) / (std::log10(y.max) - std::log10(y.min))
            : (v - y.min) / (y.max - y.min);
        if (y.reversed) f = 1 - f;
        return y1 - f * (y1 - y0);
    }
    double fh(double h) const { return std::fabs(fy(0) - fy(h)); }  // a height in y units (linear axes)
};

std::string text_el(double x, double y, const std::string& s, Ink ink, const char* anchor = "start") {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" fill=\"" + ink_colour(ink) + "\" text-anchor=\"" + anchor +
        "\">" + html_escape(s) + "</text>";
}

// [SECTION] Marks -----------------------------------------------------------------------------------

// Polyline pieces between non-finite points.
std::string line_mark(const Frame& f, const ChartMark& m) {
    std::string o, pts;
    const std::string style = " fill=\"none\" stroke=\"" + ink_colour(m.ink) + "\" stroke-width=\"" + num(m.width) +
        "\"" + opacity("stroke", m.ink.alpha) + (m.dashed ? " stroke-dasharray=\"7 4\"" : "");
    auto flush = [&] {
        if (!pts.empty()) o += "<polyline points=\"" + pts + "\"" + style + "/>";
        pts.clear();
    };
    for (size_t i = 0; i < m.x.size() && i < m.y.size(); ++i) {
        if (!std::isfinite(m.x[i]) || !std::isfinite(m.y[i])) {
            flush();
            continue;
        }
        pts += (pts.empty() ? "" : " ") + num(f.fx(m.x[i])) + "," + num(f.fy(m.y[i]));
    }
    flush();
    return o;
}

std::string steps_mark(const Frame& f, const ChartMark& m) {
    std::string d;
    for (size_t i = 0; i + 1 < m.x.size() && i + 1 < m.y.size(); ++i)
        d += (i ? " L" : "M") + num(f.fx(m.x[i])) + "," + num(f.fy(m.y[i])) + " H" + num(f.fx(m.x[i + 1])) + " V" +
            num(f.fy(m.y[i + 1]));
    if (d.empty()) return "";
    return "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + ink_colour(m.ink) + "\" stroke-width=\"" + num(m.width) +
        "\"" + opacity("stroke", m.ink.alpha) + "/>";
}

std::string histogram_mark(const Frame& f, const ChartMark& m) {
    std::string d;
    const double base = f.fy(f.y.log ? f.y.min : std::max(f.y.min, 0.0));
    for (size_t i = 0; i + 1 < m.x.size() && i < m.y.size(); ++i) {
        const double a = f.fx(m.x[i]), b = std::max(f.fx(m.x[i + 1]), a + 1), top = f.fy(m.y[i]);
        d += "M" + num(a) + "," + num(base) + " V" + num(top) + " H" + num(b) + " V" + num(base) + " Z";
    }
    if (d.empty()) return "";
    std::string o = "<path d=\"" + d + "\" fill=\"" + ink_colour(m.ink) + "\"" + opacity("fill", m.ink.alpha);
    if (m.outline.alpha > 0)
        o += " stroke=\"" + ink_colour(m.outline) + "\" stroke-width=\"0.8\"" + opacity("stroke", m.outline.alpha);
    return o + "/>";
}

std::string point_mark(const Frame& f, const ChartMark& m) {
    const double cx = f.fx(m.x.at(0)), cy = f.fy(m.y.at(0)), r = m.width;
    const std::string fill = " fill=\"" + ink_colour(m.ink) + "\"" + opacity("fill", m.ink.alpha);
    switch (m.shape) {
        case MarkShape::Circle:
            return "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\"" + fill + "/>";
        case MarkShape::Diamond: {
            const double k = r * 1.3;
            return "<polygon points=\"" + num(cx) + "," + num(cy - k) + " " + num(cx + k) + "," + num(cy) + " " +
                num(cx) + "," + num(cy + k) + " " + num(cx - k) + "," + num(cy) + "\"" + fill + "/>";
        }
        case MarkShape::Square:
            return "<rect x=\"" + num(cx - r) + "\" y=\"" + num(cy - r) + "\" width=\"" + num(2 * r) + "\" height=\"" +
                num(2 * r) + "\"" + fill + "/>";
        case MarkShape::Cross:
            return "<path d=\"M" + num(cx - r) + "," + num(cy - r) + " L" + num(cx + r) + "," + num(cy + r) + " M" +
                num(cx - r) + "," + num(cy + r) + " L" + num(cx + r) + "," + num(cy - r) + "\" stroke=\"" +
                ink_colour(m.ink) + "\" stroke-width=\"2\"/>";
    }
    return "";
}

std::string mark_svg(const Frame& f, const ChartMark& m) {
    auto has = [&](size_t nx, size_t ny) { return m.x.size() >= nx && m.y.size() >= ny; };
    const std::string stroke =
        " stroke=\"" + ink_colour(m.ink) + "\" stroke-width=\"" + num(m.width) + "\"" + opacity("stroke", m.ink.alpha);
    switch (m.kind) {
        case MarkKind::Line: return line_mark(f, m);
        case MarkKind::Steps: return steps_mark(f, m);
        case MarkKind::Histogram: return histogram_mark(f, m);
        case MarkKind::HBar: {
            if (!has(2, 2)) return "";
            const double a = f.fx(std::min(m.x[0], m.x[1])), b = f.fx(std::max(m.x[0], m.x[1]));
            const double h = f.fh(m.y[1]), cy = f.fy(m.y[0]);
            std::string o = "<rect x=\"" + num(a) + "\" y=\"" + num(cy - h / 2) + "\" width=\"" + num(b - a) +
                "\" height=\"" + num(h) + "\" fill=\"" + ink_colour(m.ink) + "\"" + opacity("fill", m.ink.alpha) + "/>";
            if (!m.label.empty()) o += text_el(a + 3, cy + kFont * 0.35, m.label, Ink{kInkText});
            return o;
        }
        case MarkKind::VLine: {
            if (!has(1, 0)) return "";
            const double x = f.fx(m.x[0]);
            std::string o = "<line x1=\"" + num(x) + "\" y1=\"" + num(f.y0) + "\" x2=\"" + num(x) + "\" y2=\"" +
                num(f.y1) + "\"" + stroke + "/>";
            if (!m.label.empty())
                o += text_el(m.label_left ? x - 3 : x + 3, f.y0 + kFont * (1.0 + 1.1 * m.label_row), m.label,
                             Ink{m.ink.colour}, m.label_left ? "end" : "start");
            return o;
        }
        case MarkKind::HLine: {
            if (!has(0, 1)) return "";
            const double y = f.fy(m.y[0]);
            std::string o = "<line x1=\"" + num(f.x0) + "\" y1=\"" + num(y) + "\" x2=\"" + num(f.x1) + "\" y2=\"" +
                num(y) + "\"" + stroke + "/>";
            if (!m.label.empty()) o += text_el(f.x1 - 3, y - 3, m.label, Ink{m.ink.colour}, "end");
            return o;
        }
        case MarkKind::XBand: {
            if (!has(2, 0)) return "";
            const double a = f.fx(m.x[0]), b = f.fx(m.x[1]);
            return "<rect x=\"" + num(std::min(a, b)) + "\" y=\"" + num(f.y0) + "\" width=\"" + num(std::fabs(b - a)) +
                "\" height=\"" + num(f.y1 - f.y0) + "\" fill=\"" + ink_colour(m.ink) + "\"" +
                opacity("fill", m.ink.alpha) + "/>";
        }
        case MarkKind::Point: return has(1, 1) ? point_mark(f, m) : "";
        case MarkKind::Text: return has(1, 1) ? text_el(f.fx(m.x[0]), f.fy(m.y[0]) + kFont * 0.35, m.label, m.ink) : "";
    }
    return "";
}

}  // namespace

std::string ink_colour(Ink ink) {
    switch (ink.colour) {
        case kInkText: return "#1a1a1a";
        case kInkDim: return "#666666";
        case kInkGood: return "#00704e";
        case kInkWarn: return "#8c5a00";
        case kInkBad: return "#b4281c";
        default: return kPalette[((ink.colour % 8) + 8) % 8];
    }
}

// [SECTION] The chart: frame, ticks, labels, marks, legend ---------------------------------------------

std::string chart_svg(const Chart& c, const std::string& id) {
    const double height = std::clamp(static_cast<double>(c.height_em), 4.0, 200.0) * 16;
    Frame f{usable_axis(c.x), usable_axis(c.y), 0, 0, 0, 0};
    const AxisTicks yt = axis_ticks(f.y, std::max(2, static_cast<int>(height / (kFont * 2.5))));
    double label_w = 0;
    for (const auto& l : yt.labels) label_w = std::max(label_w, text_width(l));
    f.x0 = label_w + kFont * 0.8;
    f.y0 = kFont * (c.y.label.empty() ? 0.8 : 1.8);
    f.x1 = kWidth - kFont * 1.2;
    f.y1 = height - kFont * (c.x.label.empty() ? 1.8 : 3.2);
    const AxisTicks xt = axis_ticks(f.x, std::max(2, static_cast<int>((f.x1 - f.x0) / (kFont * 6))));

    std::string o = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) +
        "\" role=\"img\" aria-label=\"" + html_escape(c.title) +
        "\" font-family=\"Helvetica, Arial, sans-serif\" "
        "font-size=\"" +
        num(kFont) + "\">";
    o += "<defs><clipPath id=\"" + id + "-clip\"><rect x=\"" + num(f.x0) + "\" y=\"" + num(f.y0) + "\" width=\"" +
        num(f.x1 - f.x0) + "\" height=\"" + num(f.y1 - f.y0) + "\"/></clipPath></defs>";
    o += "<rect x=\"" + num(f.x0) + "\" y=\"" + num(f.y0) + "\" width=\"" + num(f.x1 - f.x0) + "\" height=\"" +
        num(f.y1 - f.y0) + "\" fill=\"#f6f6f6\"/>";
    std::string grid, labels;
    for (size_t i = 0; i < yt.at.size(); ++i) {
        const double y = f.fy(yt.at[i]);
        grid += "M" + num(f.x0) + "," + num(y) + " H" + num(f.x1) + " ";
        labels += text_el(f.x0 - 4, y + kFont * 0.35, yt.labels[i], Ink{kInkDim}, "end");
    }
    for (size_t i = 0; i < xt.at.size(); ++i) {
        const double x = f.fx(xt.at[i]);
        grid += "M" + num(x) + "," + num(f.y0) + " V" + num(f.y1) + " ";
        labels += text_el(x, f.y1 + kFont * 1.2, xt.labels[i], Ink{kInkDim}, "middle");
    }
    if (!grid.empty()) o += "<path d=\"" + grid + "\" stroke=\"#d0d0d0\" stroke-width=\"0.8\" fill=\"none\"/>";
    o += labels;
    if (!c.x.label.empty()) o += text_el((f.x0 + f.x1) / 2, f.y1 + kFont * 2.5, c.x.label, Ink{kInkText}, "middle");
    if (!c.y.label.empty()) o += text_el(2, kFont, c.y.label, Ink{kInkDim});
    o += "<g clip-path=\"url(#" + id + "-clip)\">";
    for (const ChartMark& m : c.marks) o += mark_svg(f, m);
    o += "</g><rect x=\"" + num(f.x0) + "\" y=\"" + num(f.y0) + "\" width=\"" + num(f.x1 - f.x0) + "\" height=\"" +
        num(f.y1 - f.y0) + "\" fill=\"none\" stroke=\"#999999\"/></svg>";
    return o;
}

std::string chart_legend_html(const Chart& c) {
    std::string o;
    if (!c.legend.empty()) {
        o += "<p class=\"legend\">";
        for (const LegendEntry& e : c.legend) {
            char alpha[16];
            std::snprintf(alpha, sizeof alpha, "%.2f", std::clamp(e.ink.alpha, 0.2f, 1.0f));
            o += "<span><i class=\"" + std::string(e.line ? "sw-line" : "sw-box") +
                "\" style=\"background:" + ink_colour(e.ink) + ";opacity:" + alpha + "\"></i>" + html_escape(e.text) +
                "</span> ";
        }
        o += "</p>";
    }
    if (!c.note.empty()) o += "<p class=\"note\">" + html_escape(c.note) + "</p>";
    return o;
}

}  // namespace mf
