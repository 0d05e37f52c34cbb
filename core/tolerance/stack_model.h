// The tolerance-stack section of a plan. All lengths are millimetres in the model and the
// file; the plan's display unit only changes how they are shown.
// (The tolerance issue extends these structs; the file format follows them.)
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace mf {

struct Contributor {
    std::string id;
    std::string name;
    double nominal = 0;                  // mm
    double tol_plus = 0;                 // mm, >= 0: upper limit = nominal + tol_plus
    double tol_minus = 0;                // mm, >= 0: lower limit = nominal - tol_minus
    double sensitivity = 1;              // d(gap)/d(dimension): +1/-1 in a 1D chain
    std::string partner_id;              // optional: who makes it
};

struct Stack {
    std::string id;
    std::string name;
    std::vector<Contributor> contributors;
    std::optional<double> lower_limit;   // mm, requirement on the gap
    std::optional<double> upper_limit;   // mm
};

}  // namespace mf
