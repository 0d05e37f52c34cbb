#include "base/format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mf {

std::string format_number(double v, int significant) {
    if (!std::isfinite(v)) return "—";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*g", significant, v);
    return buf;
}

// Whole numbers with a space every three digits ("100 000").
static std::string grouped(double v) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.0f", std::fabs(v));
    std::string digits = buf, out;
    const size_t n = digits.size();
    for (size_t i = 0; i < n; ++i) {
        out += digits[i];
        if ((n - 1 - i) % 3 == 0 && i + 1 < n) out += ' ';
    }
    return (v < 0 ? "-" : "") + out;
}

std::string format_count(double v) {
    if (!std::isfinite(v)) return "—";
    if (std::fabs(v) >= 1e9) return format_number(v, 3);
    if (std::fabs(v) >= 1000 || v == std::round(v)) return grouped(std::round(v));
    return format_number(v, 4);
}

static double tolerance(double v) { return 1e-9 * std::max(1.0, std::fabs(v)); }
static double whole_at_or_past(double v) { return std::ceil(v - tolerance(v)); }

std::string format_whole_parts(double v) {
    if (!std::isfinite(v)) return "—";
    return format_count(whole_at_or_past(v));
}

WholeBand whole_parts_band(double from, double to, bool last) {
    return {whole_at_or_past(from), last ? std::floor(to + tolerance(to)) : whole_at_or_past(to) - 1};
}

std::string format_money(double v) {
    if (!std::isfinite(v)) return "—";
    if (std::fabs(v) >= 1e9) return format_number(v, 3);
    if (std::fabs(v) >= 1000) return grouped(std::round(v));
    return format_number(v, 4);
}

std::string format_probability(double p) {
    if (!std::isfinite(p)) return "—";
    if (p <= 0) return "0 %";
    if (p >= 1) return "100 %";
    if (p < 0.001) return "< 0.1 %";
    if (p > 0.999) return "> 99.9 %";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f %%", 100.0 * p);
    return buf;
}

std::string format_percent(double fraction) {
    if (!std::isfinite(fraction)) return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f %%", fraction * 100.0);
    return buf;
}

std::string format_days(double wd) {
    if (!std::isfinite(wd)) return "—";
    char buf[64];
    if (std::fabs(wd - std::round(wd)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f", wd);
    else
        std::snprintf(buf, sizeof buf, "%.1f", wd);
    return buf;
}

std::string format_ppm(double ppm) {
    if (!std::isfinite(ppm)) return "—";
    char buf[48];
    if (ppm == 0)
        std::snprintf(buf, sizeof buf, "0 ppm");
    else if (ppm >= 1000)
        std::snprintf(buf, sizeof buf, "%.0f ppm", ppm);
    else if (ppm < 0.001)
        std::snprintf(buf, sizeof buf, "%.1e ppm", ppm);
    else
        std::snprintf(buf, sizeof buf, "%.3g ppm", ppm);
    return buf;
}

std::string format_length_number(double mm, LengthUnit unit, int significant) {
    if (!std::isfinite(mm)) return "—";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", significant, mm / mm_per_unit(unit));
    if (std::string(buf) == "-0") std::snprintf(buf, sizeof buf, "0");
    return buf;
}

std::string format_length(double mm, LengthUnit unit, int significant) {
    if (!std::isfinite(mm)) return "—";
    return format_length_number(mm, unit, significant) + " " + unit_symbol(unit);
}

TableCell shown_number_cell(const std::string& shown) {
    if (shown == "—") return text_cell(shown);
    std::string n;
    for (char c : shown)
        if (c != ' ') n += c;
    return number_cell(n);
}

}  // namespace mf
