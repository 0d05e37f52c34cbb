// Plan files: JSON with a format tag and a version number.
//
//   LoadResult r = load_plan(text);
//   if (r.plan) use(*r.plan); else for (auto& e : r.errors) show(e.where, e.message);
//   std::string text = save_plan(plan);   // deterministic: same plan, same bytes
//
// The format and its change log are described in docs/plan-format.md; the JSON Schema is
// assets/plan.schema.json.
#pragma once
#include <optional>
#include <string>

#include "base/issue.h"
#include "plan/plan.h"

namespace mf {

inline constexpr const char* kPlanFormatTag = "microfab-plan";
inline constexpr int kPlanFormatVersion = 1;
inline constexpr size_t kMaxPlanFileBytes = 64u * 1024 * 1024;
inline constexpr int kMaxJsonDepth = 64;

struct LoadResult {
    std::optional<Plan> plan;  // set only when errors is empty
    Issues errors;
    int file_version = 0;  // version found in the file (0 when unreadable)
};

LoadResult load_plan(const std::string& text);
// indent < 0 writes one compact line (share links); the default is the file form.
std::string save_plan(const Plan& plan, int indent = 2);

// Checks a plan value against every rule load_plan applies (values in range, each section's
// own rules, ids unique, references resolve): empty exactly when save_plan(plan) reopens.
// The document refuses any edit after which this is not empty.
Issues check_plan(const Plan& plan);
// The rules across sections alone (unique ids, references that resolve, the task outline,
// the datasets): what load_plan adds after reading each section.
Issues check_plan_references(const Plan& plan);

}  // namespace mf
