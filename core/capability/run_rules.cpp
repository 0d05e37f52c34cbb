#include "capability/run_rules.h"

#include <algorithm>
#include <cmath>

namespace mf {

const char* rule_description(int rule) {
    switch (rule) {
        case 1: return "1 point more than 3σ from the centre line";
        case 2: return "9 points in a row on the same side of the centre line";
        case 3: return "6 points in a row, all increasing or all decreasing";
        case 4: return "14 points in a row, alternating up and down";
        case 5: return "2 out of 3 points more than 2σ from the centre line (same side)";
        case 6: return "4 out of 5 points more than 1σ from the centre line (same side)";
        case 7: return "15 points in a row within 1σ of the centre line";
        case 8: return "8 points in a row more than 1σ from the centre line (either side)";
        default: return "unknown rule";
    }
}

namespace {

// Counts, over the last `width` points since the last reset, how many are flagged.
struct Window {
    std::vector<unsigned char> ring;
    size_t width = 1, filled = 0, pos = 0, count = 0;
    explicit Window(size_t w) : ring(w < 1 ? 1 : w, 0), width(w < 1 ? 1 : w) {}
    void reset() { std::fill(ring.begin(), ring.end(), 0); filled = pos = count = 0; }
    void push(bool flag) {
        if (filled == width) count -= ring[pos];
        else ++filled;
        ring[pos] = flag;
        count += flag;
        pos = (pos + 1) % width;
    }
};

}  // namespace

std::vector<Violation> run_rules(const std::vector<double>& x, double center, double sigma,
                                 const std::vector<double>& point_sigma, const RuleSettings& s) {
    std::vector<Violation> out;
    const bool per_point = !point_sigma.empty();
    const auto K = [&](int r) { return s.k[r - 1]; };
    const auto on = [&](int r) { return s.enabled[r - 1]; };
    const size_t w5 = static_cast<size_t>(K(5)) + 1, w6 = static_cast<size_t>(K(6)) + 1;
    Window hi2(w5), lo2(w5), hi1(w6), lo1(w6);
    long side_run = 0;        // > 0: points above in a row; < 0: below
    long up = 0, down = 0;    // consecutive increases / decreases (points = steps + 1)
    long alt = 0;             // consecutive alternating steps
    int last_step = 0;        // sign of the previous step
    long within = 0, outside = 0;
    bool have_prev = false;
    double prev = 0;
    auto reset = [&] {
        hi2.reset(); lo2.reset(); hi1.reset(); lo1.reset();
        side_run = up = down = alt = within = outside = 0;
        last_step = 0;
        have_prev = false;
    };
    for (size_t i = 0; i < x.size(); ++i) {
        const double sg = per_point ? point_sigma[i] : sigma;
        if (std::isnan(x[i]) || !(sg > 0) || !std::isfinite(sg)) { reset(); continue; }
        const double z = (x[i] - center) / sg;
        const size_t idx = i + 1;
        auto flag = [&](int r) { out.push_back({r, idx}); };

        if (on(1) && std::fabs(z) > K(1)) flag(1);

        side_run = z > 0 ? (side_run > 0 ? side_run + 1 : 1) : z < 0 ? (side_run < 0 ? side_run - 1 : -1) : 0;
        if (on(2) && std::labs(side_run) >= K(2)) flag(2);

        if (have_prev) {
            const int step = x[i] > prev ? 1 : x[i] < prev ? -1 : 0;
            up = step > 0 ? up + 1 : 0;
            down = step < 0 ? down + 1 : 0;
            alt = step == 0 ? 0 : (last_step != 0 && step != last_step ? alt + 1 : 1);
            last_step = step;
        }
        if (on(3) && (up + 1 >= K(3) || down + 1 >= K(3))) flag(3);
        if (on(4) && alt + 1 >= K(4)) flag(4);

        hi2.push(z > 2); lo2.push(z < -2);
        if (on(5) && ((z > 2 && hi2.count >= K(5)) || (z < -2 && lo2.count >= K(5)))) flag(5);
        hi1.push(z > 1); lo1.push(z < -1);
        if (on(6) && ((z > 1 && hi1.count >= K(6)) || (z < -1 && lo1.count >= K(6)))) flag(6);

        within = std::fabs(z) < 1 ? within + 1 : 0;
        if (on(7) && within >= K(7)) flag(7);
        outside = std::fabs(z) > 1 ? outside + 1 : 0;
        if (on(8) && outside >= K(8)) flag(8);

        prev = x[i];
        have_prev = true;
    }
    return out;
}

std::vector<Violation> beyond_limits(const std::vector<double>& x, double lcl, double ucl,
                                     const std::vector<double>& point_lcl, const std::vector<double>& point_ucl) {
    std::vector<Violation> out;
    const bool per_point = !point_ucl.empty();
    for (size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i])) continue;
        const double lo = per_point ? point_lcl[i] : lcl, hi = per_point ? point_ucl[i] : ucl;
        if (x[i] > hi || (lo > 0 && x[i] < lo)) out.push_back({1, i + 1});
    }
    return out;
}

}  // namespace mf
