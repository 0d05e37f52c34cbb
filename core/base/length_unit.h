// The display unit for lengths. Every length in a plan is stored in millimetres; the plan's
// display unit (PlanMeta::units) only says how lengths are shown and typed, in the views and
// in the messages core writes about a plan (a limit in a validation message, the numbers in a
// stack's verdict), so a µm plan never reads "0.005 mm" in one place and "5 µm" in another.
#pragma once
#include <string>

namespace mf {

enum class LengthUnit { Micrometre, Millimetre, Inch };

const char* unit_symbol(LengthUnit u);  // "µm", "mm", "in"
double mm_per_unit(LengthUnit u);       // 0.001, 1, 25.4

// A length stored in mm, written in `u` with its symbol: length_text(0.005, µm, 4) = "5 µm".
// %.*g of the converted value; a value that rounds to zero prints as 0, never "-0".
std::string length_text(double value_mm, LengthUnit u, int significant = 4);

}  // namespace mf
