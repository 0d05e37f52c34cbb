#include "chart/ticks.h"

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

}  // namespace mf
