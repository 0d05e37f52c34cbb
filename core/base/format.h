// How the views write numbers: one module for lengths, parts, money, probabilities, days
// and ppm, so a figure reads the same in every tab (and the same way in the report, and in
// the results tables copied or saved as CSV: base/result_table.h). It lives in core so the
// table builders next to each analysis round exactly as the views do.
// A value that is not finite prints as "—". Nothing here rounds what is stored.
#pragma once
#include <string>

#include "base/result_table.h"
#include "plan/plan.h"

namespace mf {

std::string format_number(double v, int significant = 4);  // 0.6331, 20.81, 1.2e+06
std::string format_count(double v);                        // 985.6, 8 600, 100 000, 1.5e+07
// Parts come whole. A volume where something changes (a crossover at 123.4 good parts) as the
// first whole number of parts at or past it: "124"; within 1e-9 (relative) of a whole number
// it is that number.
std::string format_whole_parts(double v);
// The whole numbers of parts n in a band of volumes, from <= n < to (n <= to for the last
// band), so consecutive bands share no part: first > last when the band holds no whole part.
struct WholeBand {
    double first, last;
};
WholeBand whole_parts_band(double from, double to, bool last);
std::string format_money(double v);            // 0.9205, 20.81, 1 234, 871 938
std::string format_probability(double p);      // "0 %", "< 0.1 %", "42.3 %", "> 99.9 %", "100 %"
std::string format_percent(double fraction);   // 0.561 → "56.1 %"
std::string format_days(double working_days);  // "12" or "12.5"
std::string format_ppm(double ppm);            // "0 ppm", "63.3 ppm", "2700 ppm", "1.2e-04 ppm"
// A length stored in millimetres, in the display unit with its symbol ("12.5 µm"); a value
// that rounds to zero at the shown precision prints as 0, never "-0".
std::string format_length(double value_mm, LengthUnit unit, int significant = 4);
// The number of format_length without the unit symbol ("12.5"), for a table whose header
// names the unit.
std::string format_length_number(double value_mm, LengthUnit unit, int significant = 4);

// A figure as a results-table cell: the text a formatter above produced, as a number cell
// without the digit-group spaces ("1 234" is written 1234, so a spreadsheet reads a number);
// "—" (not finite, not computed) stays a text cell.
TableCell shown_number_cell(const std::string& shown);

}  // namespace mf
