#include "base/length_unit.h"

#include <cstdio>

namespace mf {

const char* unit_symbol(LengthUnit u) {
    switch (u) {
        case LengthUnit::Micrometre: return "\xC2\xB5m";
        case LengthUnit::Millimetre: return "mm";
        case LengthUnit::Inch: return "in";
    }
    return "mm";
}

double mm_per_unit(LengthUnit u) {
    switch (u) {
        case LengthUnit::Micrometre: return 0.001;
        case LengthUnit::Millimetre: return 1.0;
        case LengthUnit::Inch: return 25.4;
    }
    return 1.0;
}

std::string length_text(double value_mm, LengthUnit u, int significant) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", significant, value_mm / mm_per_unit(u));
    std::string s = buf;
    if (s == "-0") s = "0";
    return s + " " + unit_symbol(u);
}

}  // namespace mf
