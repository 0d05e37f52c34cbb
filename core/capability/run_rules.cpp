#include "capability/run_rules.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace mf {

bool RuleSettings::operator==(const RuleSettings& o) const {
    return enabled == o.enabled && k == o.k && std::strcmp(name ? name : "", o.name ? o.name : "") == 0;
}

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

std::vector<Violation> run_rules(const std::vector<double>& x, double center, double sigma,
                                 const std::vector<double>& point_sigma, const RuleSettings& s) {
    std::vector<Violation> out;
    const bool per_point = !point_sigma.empty();
    // Thresholds: rule 1 compares |z| with K; the others count points (K rounded up; the
    // windows of rules 5 and 6 hold at most 63 points).
    long kk[8];
    for (int r = 0; r < 8; ++r) kk[r] = static_cast<long>(std::ceil(s.k[r]));
    kk[4] = std::clamp(kk[4], 1L, 62L);
    kk[5] = std::clamp(kk[5], 1L, 62L);
    const double k1 = s.k[0];
    const bool on[8] = {s.enabled[0], s.enabled[1], s.enabled[2], s.enabled[3],
                        s.enabled[4], s.enabled[5], s.enabled[6], s.enabled[7]};
    // Windows of the last K+1 points as bit registers (bit 0 = this point).
    const uint64_t mask5 = (uint64_t{1} << (kk[4] + 1)) - 1, mask6 = (uint64_t{1} << (kk[5] + 1)) - 1;
    uint64_t hi2 = 0, lo2 = 0, hi1 = 0, lo1 = 0;
    long n_hi2 = 0, n_lo2 = 0, n_hi1 = 0, n_lo1 = 0;
    const int w5 = static_cast<int>(kk[4]) + 1, w6 = static_cast<int>(kk[5]) + 1;
    long above = 0, below = 0;  // points in a row above / below the centre line
    long up = 0, down = 0;      // consecutive increases / decreases (points = steps + 1)
    long alt = 0;               // consecutive alternating steps
    long last_step = 0;         // sign of the previous step (0: none or equal)
    long within = 0, outside = 0;
    bool have_prev = false;
    double prev = 0;
    const bool sigma_ok = sigma > 0 && std::isfinite(sigma);
    const double inv_sigma = sigma_ok ? 1.0 / sigma : 0.0;
    for (size_t i = 0; i < x.size(); ++i) {
        double z;
        if (per_point) {
            const double sg = point_sigma[i];
            if (std::isnan(x[i]) || !(sg > 0) || !std::isfinite(sg)) goto reset;
            z = (x[i] - center) / sg;
        } else {
            if (std::isnan(x[i]) || !sigma_ok) goto reset;
            z = (x[i] - center) * inv_sigma;
        }
        {
            // Branch-free updates (random data would mispredict every branch here).
            const double az = std::fabs(z);
            const long pos = z > 0, neg = z < 0;
            above = (above + 1) * pos;
            below = (below + 1) * neg;
            const long step = have_prev ? (x[i] > prev) - (x[i] < prev) : 0;
            up = (up + 1) * (step > 0);
            down = (down + 1) * (step < 0);
            alt = (alt * (step * last_step == -1) + 1) * (step != 0);
            last_step = step;
            // Sliding windows of the last K+1 points: bit registers and their counts.
            auto slide = [](uint64_t& reg, long& cnt, long flag, int width, uint64_t mask) {
                reg = (reg << 1) | static_cast<uint64_t>(flag);
                cnt += flag - static_cast<long>((reg >> width) & 1);
                reg &= mask;
            };
            const long f_hi2 = z > 2, f_lo2 = z<-2, f_hi1 = z> 1, f_lo1 = z < -1;
            slide(hi2, n_hi2, f_hi2, w5, mask5);
            slide(lo2, n_lo2, f_lo2, w5, mask5);
            slide(hi1, n_hi1, f_hi1, w6, mask6);
            slide(lo1, n_lo1, f_lo1, w6, mask6);
            within = (within + 1) * (az < 1);
            outside = (outside + 1) * (az > 1);
            prev = x[i];
            have_prev = true;

            // Each rule's test without branches; one (rarely taken) branch when any breaks.
            const bool r1 = az > k1;
            const bool r2 = (above >= kk[1]) | (below >= kk[1]);
            const bool r3 = (up + 1 >= kk[2]) | (down + 1 >= kk[2]);
            const bool r4 = alt + 1 >= kk[3];
            const bool r5 = (f_hi2 & (n_hi2 >= kk[4])) | (f_lo2 & (n_lo2 >= kk[4]));
            const bool r6 = (f_hi1 & (n_hi1 >= kk[5])) | (f_lo1 & (n_lo1 >= kk[5]));
            const bool r7 = within >= kk[6];
            const bool r8 = outside >= kk[7];
            if (!(r1 | r2 | r3 | r4 | r5 | r6 | r7 | r8)) continue;
            const size_t idx = i + 1;
            if (on[0] && r1) out.push_back({1, idx});
            if (on[1] && r2) out.push_back({2, idx});
            if (on[2] && r3) out.push_back({3, idx});
            if (on[3] && r4) out.push_back({4, idx});
            if (on[4] && r5) out.push_back({5, idx});
            if (on[5] && r6) out.push_back({6, idx});
            if (on[6] && r7) out.push_back({7, idx});
            if (on[7] && r8) out.push_back({8, idx});
            continue;
        }
    reset:
        hi2 = lo2 = hi1 = lo1 = 0;
        n_hi2 = n_lo2 = n_hi1 = n_lo1 = 0;
        above = below = up = down = alt = within = outside = 0;
        last_step = 0;
        have_prev = false;
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
