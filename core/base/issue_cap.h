// Bounded lists of problems: a hostile file can hold a million bad values, and nobody reads
// past the first screenful. Every list of problems a tool reports (a file that does not load,
// check_plan, a section check, a table import) goes through cap_issues:
//
//   Issues e = validate_stack(s, StackCheck::InFile);
//   cap_issues(e);          // identical problems once, at most kMaxIssuesListed, then "and N more problems"
//
// cap_issues keeps the order of first appearance, so the first problem stays first.
#pragma once
#include <cstddef>

#include "base/issue.h"
#include "base/limits.h"

namespace mf {

// Removes repeated problems (same place, message and severity), keeps the first `max` and,
// when any were dropped, appends one issue "and N more problems (only the first M are
// listed)" whose severity is the most severe of those dropped. `already_dropped` counts
// problems a producer did not even store (JsonReader) and adds to N.
void cap_issues(Issues& issues, size_t max = kMaxIssuesListed, size_t already_dropped = 0,
                Severity dropped_severity = Severity::Error);

// The text of that last issue: "and 1 234 more problems (only the first 100 are listed)".
std::string more_problems_text(size_t more, size_t listed);

}  // namespace mf
