#include "plot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mf {

std::vector<double> nice_ticks(double lo, double hi, int max_ticks) {
    std::vector<double> ticks;
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi) || max_ticks < 2) return ticks;
    const double raw = (hi - lo) / (max_ticks - 1);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
        ticks.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
    return ticks;
}

std::vector<double> log_ticks(double lo, double hi) {
    std::vector<double> ticks;
    if (!(lo > 0) || !(hi > lo)) return ticks;
    const int d0 = static_cast<int>(std::floor(std::log10(lo))), d1 = static_cast<int>(std::ceil(std::log10(hi)));
    const bool fine = d1 - d0 <= 3;
    for (int d = d0; d <= d1; ++d)
        for (double m : fine ? std::vector<double>{1, 2, 5} : std::vector<double>{1}) {
            const double v = m * std::pow(10.0, d);
            if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push_back(v);
        }
    return ticks;
}

std::vector<std::string> tick_labels(const std::vector<double>& ticks) {
    // k / M only where they shorten round values (1.5k, 25k, 3M), and for a whole axis or not
    // at all: a fine axis of lengths in µm (9995, 10000, 10005) must not read "10k" in the
    // middle, nor 1026 as "1.026k".
    const auto multiple_of = [](double v, double unit) { return std::fabs(v / unit - std::round(v / unit)) < 1e-9; };
    bool use_m = true, use_k = true;
    for (double v : ticks) {
        const double a = std::fabs(v);
        if (a >= 1e6 && a < 1e12 && !multiple_of(v, 1e5)) use_m = false;
    }
    for (double v : ticks) {
        const double a = std::fabs(v);
        if (a >= 1e3 && a < 1e12 && !(use_m && a >= 1e6) && !multiple_of(v, 1e2)) use_k = false;
    }
    std::vector<std::string> out;
    for (double v : ticks) {
        char buf[32];
        const double a = std::fabs(v);
        if (a == 0)
            std::snprintf(buf, sizeof buf, "0");
        else if (a >= 1e6 && a < 1e12 && use_m)
            std::snprintf(buf, sizeof buf, "%gM", v / 1e6);
        else if (a >= 1e3 && a < 1e12 && use_k)
            std::snprintf(buf, sizeof buf, "%gk", v / 1e3);
        else if (a >= 1e3 && a < 1e12)
            std::snprintf(buf, sizeof buf, "%.9g", v);
        else
            std::snprintf(buf, sizeof buf, "%.4g", v);
        out.push_back(buf);
    }
    return out;
}

std::string tick_label(double v) { return tick_labels({v}).front(); }

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
        return (std::log10(std::max(y, 1e-300)) - l0) / (l1 - l0);
    }
    return (y - axes_.y_min) / (axes_.y_max - axes_.y_min);
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
    const double f = (p1_.y - sy) / static_cast<double>(p1_.y - p0_.y);
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
    // A y-axis title sits on its own line above the chart, clear of the top tick label.
    p0_ = ImVec2(origin.x + left, origin.y + font * (axes_.y_label[0] ? 1.6f : 0.6f));
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
        // Centred on its tick, but never past the plot's right edge (the last tick's label).
        const float w = ImGui::CalcTextSize(s.c_str()).x;
        dl_->AddText(ImVec2(std::min(x - w * 0.5f, origin.x + size.x - w), p1_.y + font * 0.2f), dim, s.c_str());
    }
    if (axes_.x_label[0]) {
        const ImVec2 ts = ImGui::CalcTextSize(axes_.x_label);
        dl_->AddText(ImVec2((p0_.x + p1_.x - ts.x) * 0.5f, p1_.y + font * 1.3f), text, axes_.x_label);
    }
    if (axes_.y_label[0]) dl_->AddText(ImVec2(origin.x, origin.y), dim, axes_.y_label);
    dl_->PushClipRect(p0_, p1_, true);
    return true;
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
