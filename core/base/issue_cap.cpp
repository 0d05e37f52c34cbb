#include "base/issue_cap.h"

#include <string>
#include <unordered_set>

namespace mf {

std::string more_problems_text(size_t more, size_t listed) {
    return "and " + std::to_string(more) + " more problem" + (more == 1 ? "" : "s") + " (only the first " +
        std::to_string(listed) + " are listed)";
}

void cap_issues(Issues& issues, size_t max, size_t already_dropped, Severity dropped_severity) {
    if (issues.size() <= 1 && already_dropped == 0) return;
    std::unordered_set<std::string> seen;
    Issues kept;
    size_t more = already_dropped;
    Severity worst = already_dropped ? dropped_severity : Severity::Info;
    for (auto& i : issues) {
        std::string key = i.where;
        key += '\n';
        key += i.message;
        key += static_cast<char>('0' + static_cast<int>(i.severity));
        if (!seen.insert(std::move(key)).second) continue;  // the same problem again
        if (kept.size() < max) {
            kept.push_back(std::move(i));
        } else {
            ++more;
            if (static_cast<int>(i.severity) < static_cast<int>(worst)) worst = i.severity;
        }
    }
    if (more > 0) kept.push_back({"", more_problems_text(more, kept.size()), worst});
    issues = std::move(kept);
}

}  // namespace mf
