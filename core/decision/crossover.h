// Where the cheaper partner changes with volume, computed exactly from the piecewise-affine
// programme costs (decision/cost_model.h), never by sampling.
//
// Crossover of partners a and b: a volume where sign(C_a − C_b) changes. Between breakpoints
// the difference is affine and crosses at its root ("continuous"); at a breakpoint it can
// change sign by a jump ("jump", with the cause: price break, lot boundary, ...). A pair can
// cross many times; every crossing is listed (up to a cap, flagged when reached). Volumes are
// good parts, treated as a continuous quantity. Costs within 1e-9 (relative) are equal: a
// touch without a change of order is no crossing.
//
// Cheapest partner per volume band: the lower envelope of all partners' costs.
// Split plan: partner `from` makes the first N good parts, then `to` makes V − N, with a
// transfer cost and delay: total(N) = C_from(N) + C_to(V − N) + transfer + delay weeks ·
// cost per week, for whole N in [1, V − 1]; the N minimising it (evaluated exactly at
// every breakpoint of both partners and its integer neighbours) against making everything
// with one partner.
#pragma once
#include <string>
#include <vector>

#include "decision/cost_model.h"

namespace mf {

struct Crossover {
    int a = 0, b = 0;       // partner indices (a < b)
    double volume = 0;      // good parts
    bool jump = false;      // order changes at a discontinuity
    unsigned causes = 0;    // CostJump bits of that discontinuity (jump only)
    int cheaper_below = 0;  // who was cheaper just below
    int cheaper_above = 0;  // who is cheaper just above
};

struct CostBand {
    double from = 0, to = 0;    // good parts
    std::vector<int> cheapest;  // more than one: tied over the band
};

struct CrossoverResult {
    std::vector<std::string> errors;
    double v_lo = 0, v_hi = 0;         // the volume range searched
    std::vector<Crossover> crossings;  // ascending volume per pair, pairs in index order
    std::vector<CostBand> bands;       // cheapest partner per volume band, ascending
    bool truncated = false;            // breakpoint or crossing cap reached: lists incomplete
    size_t segments = 0;               // affine pieces examined
};

CrossoverResult cost_crossovers(const std::vector<CostInputs>& partners, double v_lo, double v_hi,
                                size_t max_breakpoints = 2000000, size_t max_crossings = 1000);

struct SplitInput {
    CostInputs from, to;
    double volume = 0;  // total good parts
    SplitSettings settings;
};

struct SplitResult {
    std::vector<std::string> errors;
    double volume = 0;
    bool possible = false;      // volume >= 2
    double best_n = 0;          // parts made by `from` before the transfer
    double total_best_low = 0;  // with the low transfer cost and delay
    double total_best_mid = 0;  // mid-points of both ranges
    double total_best_high = 0;
    double from_only_total = 0;  // everything by `from`
    double to_only_total = 0;    // everything by `to`
    double transfer_cost_mid = 0;
    double delay_weeks_low = 0, delay_weeks_high = 0;
    bool split_pays = false;  // total_best_mid below both single-partner totals
    // The cheapest of the three roads at mid transfer cost: 0 = everything by `to`, volume =
    // everything by `from`, otherwise best_n.
    double recommended_n = 0;
    // The article's route, a pilot batch of 500–2 000 through `from` then transfer: totals at
    // mid transfer cost for N = 500 and N = 2 000 (when below the volume).
    std::vector<std::pair<double, double>> pilot_totals;
    size_t candidates = 0;  // N values evaluated
};

SplitResult best_split(const SplitInput& in, size_t max_breakpoints = 2000000);

}  // namespace mf
