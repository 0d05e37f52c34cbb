// Tests for special causes on a control chart: the eight Nelson rules, numbered as Nelson
// (1984) and Minitab, with Minitab's default K values, and the Western Electric subset.
//
//   std::vector<Violation> v = run_rules(chart.points, chart.center, sigma_of_a_point,
//                                        chart.point_sigma, RuleSettings::nelson());
//   v[i].rule (1..8), v[i].index (1-based point number, as the chart shows it)
//
//   rule 1: 1 point more than K=3σ from the centre line (either side)
//   rule 2: K=9 points in a row on the same side of the centre line
//   rule 3: K=6 points in a row, all increasing or all decreasing
//   rule 4: K=14 points in a row, alternating up and down
//   rule 5: K=2 out of K+1=3 points more than 2σ from the centre line, same side
//   rule 6: K=4 out of K+1=5 points more than 1σ from the centre line, same side
//   rule 7: K=15 points in a row within 1σ of the centre line (either side)
//   rule 8: K=8 points in a row more than 1σ from the centre line (either side)
//
// Each violation is reported at the point that completes the pattern (for rules 5 and 6 that
// point is itself beyond the zone); a longer run flags every further point. A point exactly
// on the centre line breaks runs of rule 2; equal neighbours break rules 3 and 4. A missing
// point (NaN) breaks every run and window. Windows at the start of the series (or after a
// missing point) are shorter than K+1: 2 of the first 2 points beyond 2σ break rule 5.
#pragma once
#include <array>
#include <cstddef>
#include <vector>

namespace mf {

struct RuleSettings {
    std::array<bool, 8> enabled{true, true, true, true, true, true, true, true};
    std::array<double, 8> k{3, 9, 6, 14, 2, 4, 15, 8};  // Minitab's defaults
    const char* name = "nelson";

    static RuleSettings nelson() { return {}; }
    // Western Electric Handbook (1956) zone rules: Nelson 1, 5, 6 and "8 in a row on one side"
    // (rule 2 with K = 8).
    static RuleSettings western_electric() {
        RuleSettings s;
        s.enabled = {true, true, false, false, true, true, false, false};
        s.k[1] = 8;
        s.name = "western-electric";
        return s;
    }
    // Same rules and K values (the name compared as text, not as a pointer).
    bool operator==(const RuleSettings& o) const;
};

struct Violation {
    int rule = 0;      // 1..8
    size_t index = 0;  // 1-based point number
};

// sigma: σ of one plotted point (σ/√n for X̄ charts); point_sigma (when not empty) overrides
// it per point. Results are ordered by index, then rule.
std::vector<Violation> run_rules(const std::vector<double>& points, double center, double sigma,
                                 const std::vector<double>& point_sigma, const RuleSettings& s);

// Test 1 alone against explicit limits (for the R, S and MR charts): points above ucl or
// below lcl (a zero lcl flags nothing). Per-point limits override when not empty.
std::vector<Violation> beyond_limits(const std::vector<double>& points, double lcl, double ucl,
                                     const std::vector<double>& point_lcl, const std::vector<double>& point_ucl);

const char* rule_description(int rule);  // "1 point more than 3σ from the centre line", ...

}  // namespace mf
