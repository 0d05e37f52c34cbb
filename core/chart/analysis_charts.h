// The charts of the tools as Chart descriptions (chart.h), built from each tool's analysis:
// what the app draws (gui/plot.h) and the report prints (core/report/svg.h).
//
//   Chart c = finish_scurve_chart(*analyse_schedule(plan, {10000, 1}).mc);
//
// Each builder returns a chart with no marks (and the reason in `note`) when the analysis has
// nothing to draw, so callers need not check first. One file of builders per tool:
// decision_charts.cpp, schedule_charts.cpp, stack_charts.cpp, capability_charts.cpp.
#pragma once
#include "chart/chart.h"

namespace mf {

struct Plan;
struct DecisionAnalysis;
struct DecisionSection;
struct ScheduleAnalysis;
struct McResult;
struct Stack;
struct MonteCarloResult;
struct FeatureAnalysis;
enum class LengthUnit;

// Decision. Partner i is drawn in palette colour i.
// Weight flips (tornado): per criterion, most sensitive at the top, the band of weights that
// keeps the winner, the partner that takes over beyond each end, a diamond at today's weight.
Chart flip_weights_chart(const DecisionAnalysis& a, const DecisionSection& s);
// All-in cost per good part against the programme volume (log–log), one curve per partner
// with a cost model, the planned volume, crossovers (● continuous, ◆ at a jump).
Chart cost_volume_chart(const DecisionAnalysis& a, const DecisionSection& s);

// Schedule.
// Gantt: one row per task in plan order (first on top), CPM start … finish in working days,
// critical tasks in the "bad" colour; with a Monte Carlo, each task's P50 (●) and P80 (◆)
// finish and the project's P50 / P80 lines; the deadline.
Chart gantt_chart(const ScheduleAnalysis& a, const Plan& plan);
// Empirical CDF of the project finish (the risk S-curve), 80 % line, plan / P50 / P80 /
// deadline lines and the odds of the deadline.
Chart finish_scurve_chart(const McResult& r);
// Finish-date histogram (share of runs per bin, %), same reference lines.
Chart finish_histogram_chart(const McResult& r);

// Tolerance stack: Monte Carlo histogram of the gap in the plan's length unit with the fitted
// normal, the limits (shaded outside) and the mean; at the operating temperature when asked
// and it differs.
// `stack` gives the limits (the analysed stack, StackAnalysis::stack).
Chart stack_histogram_chart(const Stack& stack, const MonteCarloResult* mc, LengthUnit unit, bool at_operating);

// Capability of one feature: histogram with the normals of σ within and σ overall and the
// specification limits; the location (X̄ or I) or dispersion (R, S or MR) control chart with
// its limits and the points that break a run rule. Values in the feature's stored unit;
// `scale` divides them for display (the app's length unit), `unit` labels them.
Chart capability_histogram_chart(const FeatureAnalysis& a, double scale, const std::string& unit);
Chart control_chart_chart(const FeatureAnalysis& a, bool location, double scale, const std::string& unit);

}  // namespace mf
