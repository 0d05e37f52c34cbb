// For tests of plan edits: a plan the app holds must always save and reopen as itself.
#pragma once
#include <string>

#include <doctest/doctest.h>
#include "plan/plan_file.h"

namespace mf::test {

// check_plan finds nothing, and save → load → save gives the same bytes.
inline void check_reopens_equal(const Plan& p, const std::string& context = "") {
    INFO(context);
    const Issues problems = check_plan(p);
    CHECK_MESSAGE(problems.empty(), (problems.empty() ? std::string() : to_string(problems.front())));
    const std::string text = save_plan(p);
    const LoadResult r = load_plan(text);
    REQUIRE_MESSAGE(r.plan.has_value(), (r.errors.empty() ? std::string() : to_string(r.errors.front())));
    CHECK(save_plan(*r.plan) == text);
}

}  // namespace mf::test
