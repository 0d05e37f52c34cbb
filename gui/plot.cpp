#include "plot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mf {

ImU32 plot_color(int index, float alpha) {
    static const ImVec4 kOkabeIto[] = {
        {0.000f, 0.447f, 0.698f, 1}, {0.835f, 0.369f, 0.000f, 1}, {0.000f, 0.620f, 0.451f, 1},
        {0.800f, 0.475f, 0.655f, 1}, {0.337f, 0.706f, 0.914f, 1}, {0.902f, 0.624f, 0.000f, 1},
        {0.941f, 0.894f, 0.259f, 1}, {0.4f, 0.4f, 0.4f, 1},
    };
    ImVec4 c = kOkabeIto[((index % 8) + 8) % 8];
    c.w = alpha;
    return ImGui::ColorConvertFloat4ToU32(c);
}
// The status colours are also the colours of verdict text ("● Capable", "critical", "Not
// applied: ..."), so each reaches WCAG AA for text, 4.5:1, against the window, its alternate
// table rows and popups in both themes (tests/gui/test_style.cpp): Okabe–Ito's green and
// orange on the dark theme (its red brightened), darker shades of the same hues on the light.
static bool dark_theme() {
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    return 0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z < 0.5f;
}
ImU32 plot_good() { return dark_theme() ? IM_COL32(0, 158, 115, 255) : IM_COL32(0, 112, 78, 255); }
ImU32 plot_warn() { return dark_theme() ? IM_COL32(230, 159, 0, 255) : IM_COL32(140, 90, 0, 255); }
ImU32 plot_bad() { return dark_theme() ? IM_COL32(245, 100, 80, 255) : IM_COL32(180, 40, 28, 255); }

ImU32 ink_color(Ink ink) {
    const float alpha = std::clamp(ink.alpha, 0.0f, 1.0f);
    ImU32 c = 0;
    switch (ink.colour) {
        case kInkText: return ImGui::GetColorU32(ImGuiCol_Text, alpha);
        case kInkDim: return ImGui::GetColorU32(ImGuiCol_TextDisabled, alpha);
        case kInkGood: c = plot_good(); break;
        case kInkWarn: c = plot_warn(); break;
        case kInkBad: c = plot_bad(); break;
        default: return plot_color(ink.colour, alpha);
    }
    return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha * 255.0f + 0.5f) << IM_COL32_A_SHIFT);
}

double Plot::tx(double x) const {
    if (axes_.log_x) {
        const double l0 = std::log10(axes_.x_min), l1 = std::log10(axes_.x_max);
        return (std::log10(std::max(x, 1e-300)) - l0) / (l1 - l0);
    }
    return (x - axes_.x_min) / (axes_.x_max - axes_.x_min);
}

double Plot::ty(double y) const {
    if (axes_.log_y) {
        const double l0 = std::log10(axes_.y_min), l1 = std::log10(axes_.y_max);
        const double f = (std::log10(std::max(y, 1e-300)) - l0) / (l1 - l0);
        return axes_.reversed_y ? 1 - f : f;
    }
    const double f = (y - axes_.y_min) / (axes_.y_max - axes_.y_min);
    return axes_.reversed_y ? 1 - f : f;
}

ImVec2 Plot::to_screen(double x, double y) const {
    const double fx = tx(x), fy = ty(y);
    return ImVec2(static_cast<float>(p0_.x + fx * (p1_.x - p0_.x)), static_cast<float>(p1_.y - fy * (p1_.y - p0_.y)));
}

double Plot::x_from_screen(float sx) const {
    const double f = (sx - p0_.x) / static_cast<double>(p1_.x - p0_.x);
    if (axes_.log_x) {
        const double l0 = std::log10(axes_.x_min), l1 = std::log10(axes_.x_max);
        return std::pow(10.0, l0 + f * (l1 - l0));
    }
    return axes_.x_min + f * (axes_.x_max - axes_.x_min);
}

double Plot::y_from_screen(float sy) const {
    double f = (p1_.y - sy) / static_cast<double>(p1_.y - p0_.y);
    if (axes_.reversed_y) f = 1 - f;
    if (axes_.log_y) {
        const double l0 = std::log10(axes_.y_min), l1 = std::log10(axes_.y_max);
        return std::pow(10.0, l0 + f * (l1 - l0));
    }
    return axes_.y_min + f * (axes_.y_max - axes_.y_min);
}

double Plot::mouse_x() const { return x_from_screen(ImGui::GetIO().MousePos.x); }
double Plot::mouse_y() const { return y_from_screen(ImGui::GetIO().MousePos.y); }

bool Plot::begin(const char* id, ImVec2 size, const PlotAxes& axes) {
    axes_ = axes;
    if (!(axes_.x_max > axes_.x_min)) axes_.x_max = axes_.x_min + 1;
    if (!(axes_.y_max > axes_.y_min)) axes_.y_max = axes_.y_min + 1;
    if (axes_.log_x && !(axes_.x_min > 0)) axes_.log_x = false;
    if (axes_.log_y && !(axes_.y_min > 0)) axes_.log_y = false;
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, size);
    hovered_ = ImGui::IsItemHovered();
    if (!ImGui::IsItemVisible()) return false;
    dl_ = ImGui::GetWindowDrawList();

    const float font = ImGui::GetFontSize();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.5f);
    const ImU32 frame = ImGui::GetColorU32(ImGuiCol_FrameBg);

    // Left margin fits the widest y tick label; bottom margin the x ticks and the x label.
    std::vector<double> yt;
    std::vector<std::string> yl;
    if (axes_.y_categories) {
        for (int i = 0; i < axes_.y_category_count; ++i)
            if (i >= axes_.y_min - 1e-9 && i <= axes_.y_max + 1e-9) {
                yt.push_back(i);
                yl.push_back(axes_.y_categories[i]);
            }
    } else {
        yt = axes_.log_y ? log_ticks(axes_.y_min, axes_.y_max)
                         : nice_ticks(axes_.y_min, axes_.y_max, std::max(2, static_cast<int>(size.y / (font * 2.5f))));
        yl = tick_labels(yt);
    }
    float label_w = 0;
    for (const auto& l : yl) label_w = std::max(label_w, ImGui::CalcTextSize(l.c_str()).x);
    const float left = label_w + font * (axes_.y_label[0] ? 1.8f : 0.6f);
    const float bottom = font * (axes_.x_label[0] ? 2.6f : 1.5f);
    p0_ = ImVec2(origin.x + left, origin.y + font * 0.6f);
    p1_ = ImVec2(origin.x + size.x - font * 0.8f, origin.y + size.y - bottom);
    dl_->AddRectFilled(p0_, p1_, frame);

    for (size_t i = 0; i < yt.size(); ++i) {
        const float y = to_screen(axes_.x_min, yt[i]).y;
        dl_->AddLine(ImVec2(p0_.x, y), ImVec2(p1_.x, y), grid);
        const std::string& s = yl[i];
        dl_->AddText(ImVec2(p0_.x - ImGui::CalcTextSize(s.c_str()).x - font * 0.3f, y - font * 0.5f), dim, s.c_str());
    }
    const auto xt = axes_.log_x
        ? log_ticks(axes_.x_min, axes_.x_max)
        : nice_ticks(axes_.x_min, axes_.x_max, std::max(2, static_cast<int>(size.x / (font * 5))));
    const std::vector<std::string> xl = tick_labels(xt);
    for (size_t i = 0; i < xt.size(); ++i) {
        const float x = to_screen(xt[i], axes_.y_min).x;
        dl_->AddLine(ImVec2(x, p0_.y), ImVec2(x, p1_.y), grid);
        const std::string& s = xl[i];
        dl_->AddText(ImVec2(x - ImGui::CalcTextSize(s.c_str()).x * 0.5f, p1_.y + font * 0.2f), dim, s.c_str());
    }
    if (axes_.x_label[0]) {
        const ImVec2 ts = ImGui::CalcTextSize(axes_.x_label);
        dl_->AddText(ImVec2((p0_.x + p1_.x - ts.x) * 0.5f, p1_.y + font * 1.3f), text, axes_.x_label);
    }
    if (axes_.y_label[0]) dl_->AddText(ImVec2(origin.x, p0_.y - font * 0.6f), dim, axes_.y_label);
    dl_->PushClipRect(p0_, p1_, true);
    return true;
}

bool Plot::begin(const char* id, ImVec2 size, const Chart& chart) {
    const ChartAxis x = usable_axis(chart.x), y = usable_axis(chart.y);
    categories_.clear();
    for (const auto& c : y.categories) categories_.push_back(c.c_str());
    PlotAxes a;
    a.x_min = x.min, a.x_max = x.max, a.log_x = x.log;
    a.y_min = y.min, a.y_max = y.max, a.log_y = y.log;
    a.x_label = chart.x.label.c_str();
    a.y_label = chart.y.label.c_str();
    a.y_categories = categories_.empty() ? nullptr : categories_.data();
    a.y_category_count = static_cast<int>(categories_.size());
    a.reversed_y = y.reversed;
    if (!begin(id, size, a)) return false;
    marks(chart);
    return true;
}

// A dashed polyline (dash and gap in pixels), for the chart marks that ask for one.
static void dashed(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col, float thickness, float dash) {
    bool on = true;
    float left = dash;
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
        ImVec2 a = pts[i];
        const ImVec2 b = pts[i + 1];
        float len = std::hypot(b.x - a.x, b.y - a.y);
        while (len > 0) {
            const float t = std::min(left, len);
            const ImVec2 c(a.x + (b.x - a.x) * t / len, a.y + (b.y - a.y) * t / len);
            if (on) dl->AddLine(a, c, col, thickness);
            a = c;
            len -= t;
            left -= t;
            if (left <= 0) on = !on, left = dash;
        }
    }
}

void Plot::marks(const Chart& chart) {
    const float font = ImGui::GetFontSize();
    for (const ChartMark& m : chart.marks) {
        const ImU32 col = ink_color(m.ink);
        const int nx = static_cast<int>(m.x.size()), ny = static_cast<int>(m.y.size());
        switch (m.kind) {
            case MarkKind::Line: {
                std::vector<ImVec2> pts;  // pieces between non-finite points
                auto flush = [&] {
                    if (pts.size() >= 2) {
                        if (m.dashed)
                            dashed(dl_, pts, col, m.width, font * 0.45f);
                        else
                            dl_->AddPolyline(pts.data(), static_cast<int>(pts.size()), col, ImDrawFlags_None, m.width);
                    }
                    pts.clear();
                };
                for (int i = 0; i < std::min(nx, ny); ++i) {
                    if (!std::isfinite(m.x[i]) || !std::isfinite(m.y[i]))
                        flush();
                    else
                        pts.push_back(to_screen(m.x[i], m.y[i]));
                }
                flush();
                break;
            }
            case MarkKind::Steps: steps(m.x.data(), m.y.data(), std::min(nx, ny), col, m.width); break;
            case MarkKind::Histogram:
                histogram(m.x.data(), m.y.data(), std::min(nx - 1, ny), col,
                          m.outline.alpha > 0 ? ink_color(m.outline) : 0);
                break;
            case MarkKind::HBar:
                if (nx >= 2 && ny >= 2) hbar(m.y[0], m.x[0], m.x[1], m.y[1], col);
                break;
            case MarkKind::VLine: {
                if (nx < 1) break;
                vline(m.x[0], col, nullptr, m.width);
                if (m.label.empty()) break;
                // Labels on rows, so close lines do not write over each other.
                const ImVec2 at = to_screen(m.x[0], 0);
                const float w = ImGui::CalcTextSize(m.label.c_str()).x;
                dl_->AddText(ImVec2(m.label_left ? at.x - w - font * 0.25f : at.x + font * 0.25f,
                                    p0_.y + font * (0.2f + 1.1f * static_cast<float>(m.label_row))),
                             ink_color(Ink{m.ink.colour}), m.label.c_str());
                break;
            }
            case MarkKind::HLine:
                if (ny >= 1) hline(m.y[0], col, m.label.empty() ? nullptr : m.label.c_str(), m.width);
                break;
            case MarkKind::XBand:
                if (nx >= 2) xband(m.x[0], m.x[1], col);
                break;
            case MarkKind::Point: {
                if (nx < 1 || ny < 1) break;
                const Marker shape = m.shape == MarkShape::Diamond ? Marker::Diamond
                    : m.shape == MarkShape::Square                 ? Marker::Square
                    : m.shape == MarkShape::Cross                  ? Marker::Cross
                                                                   : Marker::Circle;
                marker(m.x[0], m.y[0], col, shape, m.width * font / 16.0f);
                break;
            }
            case MarkKind::Text:
                if (nx >= 1 && ny >= 1) {
                    const ImVec2 at = to_screen(m.x[0], m.y[0]);
                    dl_->AddText(ImVec2(at.x, at.y - font * 0.5f), col, m.label.c_str());
                }
                break;
        }
    }
}

void Plot::end() {
    dl_->PopClipRect();
    dl_->AddRect(p0_, p1_, ImGui::GetColorU32(ImGuiCol_Border));
    if (hovered_) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        if (m.x >= p0_.x && m.x <= p1_.x)
            dl_->AddLine(ImVec2(m.x, p0_.y), ImVec2(m.x, p1_.y), ImGui::GetColorU32(ImGuiCol_Text, 0.25f));
    }
}

void Plot::line(const double* xs, const double* ys, int n, ImU32 colour, float thickness) {
    if (n < 2) return;
    std::vector<ImVec2> pts(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) pts[static_cast<size_t>(i)] = to_screen(xs[i], ys[i]);
    dl_->AddPolyline(pts.data(), n, colour, ImDrawFlags_None, thickness);
}

void Plot::steps(const double* xs, const double* ys, int n, ImU32 colour, float thickness) {
    for (int i = 0; i + 1 < n; ++i) {
        const ImVec2 a = to_screen(xs[i], ys[i]), b = to_screen(xs[i + 1], ys[i]);
        dl_->AddLine(a, b, colour, thickness);
        const ImVec2 c = to_screen(xs[i + 1], ys[i + 1]);
        dl_->AddLine(b, c, colour, thickness * 0.5f);  // the jump, thinner
    }
}

void Plot::histogram(const double* edges, const double* heights, int n, ImU32 fill, ImU32 outline) {
    for (int i = 0; i < n; ++i) {
        const ImVec2 a = to_screen(edges[i], heights[i]), b = to_screen(edges[i + 1], axes_.y_min);
        dl_->AddRectFilled(ImVec2(a.x, a.y), ImVec2(std::max(b.x, a.x + 1), b.y), fill);
        if (outline) dl_->AddRect(ImVec2(a.x, a.y), b, outline);
    }
}

void Plot::hbar(double y, double x0, double x1, double height, ImU32 fill) {
    const ImVec2 a = to_screen(std::min(x0, x1), y + height * 0.5), b = to_screen(std::max(x0, x1), y - height * 0.5);
    dl_->AddRectFilled(a, b, fill);
}

void Plot::vline(double x, ImU32 colour, const char* label, float thickness) {
    const float sx = to_screen(x, axes_.y_min).x;
    dl_->AddLine(ImVec2(sx, p0_.y), ImVec2(sx, p1_.y), colour, thickness);
    if (label) dl_->AddText(ImVec2(sx + 3, p0_.y + 2), colour, label);
}

void Plot::hline(double y, ImU32 colour, const char* label, float thickness) {
    const float sy = to_screen(axes_.x_min, y).y;
    dl_->AddLine(ImVec2(p0_.x, sy), ImVec2(p1_.x, sy), colour, thickness);
    if (label) {
        const ImVec2 ts = ImGui::CalcTextSize(label);
        dl_->AddText(ImVec2(p1_.x - ts.x - 3, sy - ts.y - 1), colour, label);
    }
}

void Plot::xband(double x0, double x1, ImU32 fill) {
    const float a = to_screen(x0, 0).x, b = to_screen(x1, 0).x;
    dl_->AddRectFilled(ImVec2(std::min(a, b), p0_.y), ImVec2(std::max(a, b), p1_.y), fill);
}

void Plot::marker(double x, double y, ImU32 colour, Marker shape, float r) {
    const ImVec2 c = to_screen(x, y);
    switch (shape) {
        case Marker::Circle: dl_->AddCircleFilled(c, r, colour); break;
        case Marker::Diamond:
            dl_->AddQuadFilled(ImVec2(c.x, c.y - r * 1.3f), ImVec2(c.x + r * 1.3f, c.y), ImVec2(c.x, c.y + r * 1.3f),
                               ImVec2(c.x - r * 1.3f, c.y), colour);
            break;
        case Marker::Square: dl_->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), colour); break;
        case Marker::Cross:
            dl_->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), colour, 2);
            dl_->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), colour, 2);
            break;
    }
}

void Plot::text(double x, double y, const char* s, ImU32 colour) { dl_->AddText(to_screen(x, y), colour, s); }

}  // namespace mf
