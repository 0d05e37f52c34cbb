#include "plan/plan_edit.h"

namespace mf {

void set_currency(Plan& plan, const std::string& currency) {
    const size_t first = currency.find_first_not_of(" \t");
    const size_t last = currency.find_last_not_of(" \t");
    plan.meta.currency = first == std::string::npos ? std::string() : currency.substr(first, last - first + 1);
}

}  // namespace mf
