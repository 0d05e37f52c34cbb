// A stack contributor for the tolerance tests: a length with its band and sensitivity, the
// name equal to the id, every other field at its default.
#pragma once
#include "tolerance/stack_model.h"

namespace mf::test {

inline Contributor contributor(const char* id, double nominal, double tol_plus, double tol_minus, double sensitivity) {
    Contributor c;
    c.id = id;
    c.name = id;
    c.nominal = nominal;
    c.tol_plus = tol_plus;
    c.tol_minus = tol_minus;
    c.sensitivity = sensitivity;
    return c;
}

}  // namespace mf::test
