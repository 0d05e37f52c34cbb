// All-in cost of a partner's programme and cost per good part at any volume V (good parts).
//
//   Y  = y + (1 − y) r                    effective yield: first pass y, rework success r
//   S  = V / Y                            parts started (expected; not rounded)
//   C(V) = NRE (1 + uplift) + revisions · min(fixed + hours · rate, cap)
//        + capability study + capital
//        + tooling · ⌈S / tooling life⌉
//        + ⌈S / lot size⌉ · (setup + shipping + inspection per lot)
//        + ⌈S / batch size⌉ · re-qualification
//        + max(programme quarters, ⌈S / (3 · monthly capacity)⌉) · (cleanroom + staff per quarter)
//        + S · (p(S) + (1 − y) · rework cost [if r > 0] + (1 − y)(1 − r) · scrap cost)
//   cost per good part = C(V) / V
// p(S) is the all-units price of the highest break whose quantity <= S (the first break's
// price below it). A size of 0 means "one for the whole programme". ⌈·⌉ rounds up with a
// relative tolerance of 1e-9 so that floating-point noise never adds a lot.
//
// Between breakpoints (lot, tooling, batch and capacity boundaries, price breaks) C is
// affine in V; at them it jumps. cost_breakpoints() lists them, cost_piece() gives a + bV.
#pragma once
#include <string>
#include <vector>

#include "decision/decision_model.h"

namespace mf {

struct CostInputs {
    std::string name;
    CostModel model;
    double monthly_capacity = 0;    // parts started per month; 0 = not limiting
    double programme_quarters = 0;  // quarterly costs run at least this many quarters
};

struct CostBreakdown {
    double volume = 0;  // good parts
    double effective_yield = 1;
    double started = 0;
    double lots = 0, tool_sets = 0, batches = 0, quarters = 0;
    double unit_price = 0;
    double nre = 0, revisions = 0, capability_study = 0, capital = 0, tooling = 0, lot_fees = 0, requalification = 0,
           quarterly = 0, parts = 0, rework = 0, scrap = 0;
    double total = 0;
    double per_good_part = 0;  // total / volume; NaN when volume is 0
};

double effective_yield(const CostModel& m);
double unit_price_at(const CostModel& m, double started);
// Cost per revision after the cap.
double revision_cost(const CostModel& m);
CostBreakdown programme_cost(const CostInputs& in, double volume);

enum CostJump : unsigned {
    kJumpPriceBreak = 1,
    kJumpLot = 2,
    kJumpTooling = 4,
    kJumpMaterialBatch = 8,
    kJumpCapacityQuarter = 16,
};
std::string describe_jumps(unsigned causes);  // "price break, lot boundary"

struct CostBreakpoint {
    double volume;    // good parts
    unsigned causes;  // CostJump bits
};
// Breakpoints strictly inside (v_lo, v_hi), ascending. Stops after max_count (truncated set).
std::vector<CostBreakpoint> cost_breakpoints(const CostInputs& in, double v_lo, double v_hi, size_t max_count,
                                             bool* truncated);

struct AffinePiece {
    double a = 0;  // fixed part
    double b = 0;  // per good part
};
// The affine form of C on the open interval between breakpoints that contains `volume`.
AffinePiece cost_piece(const CostInputs& in, double volume);

// C(V)/V for drawing on [v_lo, v_hi] (v_lo > 0): inside each affine piece a + bV the curve is
// a/V + b, sampled at `samples` volumes evenly spaced in log V; at every breakpoint both
// one-sided limits are listed (same volume twice: the jump). Ascending in volume. With more
// than max_breakpoints breakpoints in the range only the log grid is returned and
// *truncated is set (the jumps are then too dense to draw one by one).
struct CostCurvePoint {
    double volume = 0;  // good parts
    double per_good_part = 0;
};
std::vector<CostCurvePoint> cost_curve(const CostInputs& in, double v_lo, double v_hi, int samples,
                                       size_t max_breakpoints, bool* truncated);

}  // namespace mf
