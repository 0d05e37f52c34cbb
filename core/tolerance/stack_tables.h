// The tolerance stack's results table (base/result_table.h): every figure of the Results
// table of the Tolerances view — nominal, mid-limit mean, worst case, the exact loop worst
// case, RSS, the statistical model and its normal tails, the Monte Carlo — at the measurement
// and the operating temperature, for the clipboard, the CSV and `mfplan table --name
// stack-results`.
//
//   StackAnalysis a = analyse_stack(plan, "s-gear-shaft", {});
//   ResultTable t = stack_results_table(a.stack, a.report, a.monte_carlo_result(), plan.meta.units);
#pragma once
#include "base/result_table.h"
#include "plan/plan.h"
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_analysis.h"

namespace mf {

// Columns: Figure, Unit, At <T> °C (measurement), At <T> °C (operating). A range of the view
// ("a … b") is two rows, its low and its high end. Lengths in the plan's display unit to 4
// significant digits (format_length_number; the unit, "µm", "mm" or "in", in the Unit column),
// out-of-limit rates in ppm as format_ppm writes them ("63.3", "2700", "1.2e-04"), "—" where
// the view shows none (a side without a limit, a loop's exact worst case of a chain). The
// Monte Carlo rows only with `mc`.
ResultTable stack_results_table(const Stack& stack, const StackReport& r, const MonteCarloResult* mc, LengthUnit unit);

}  // namespace mf
