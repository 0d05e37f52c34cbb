// Named edits of the plan's own settings (the project section). Each is a pure operation on a
// plan value; check_plan decides whether the result may be kept (the document refuses it
// otherwise, with the reason at the field).
#pragma once
#include <string>

#include "plan/plan.h"

namespace mf {

// Sets the currency every amount of money in the plan is in ("USD", "EUR", "GBP" or a symbol
// of the user's own); spaces around it are dropped. Amounts are not converted: they were typed
// in this currency. An empty or over-long currency is left for check_plan to refuse.
void set_currency(Plan& plan, const std::string& currency);

}  // namespace mf
