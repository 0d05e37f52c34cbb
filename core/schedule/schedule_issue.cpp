#include "schedule/schedule_issue.h"

#include <algorithm>
#include <cctype>

namespace mf {

static const std::string kTasks = "/schedule/tasks/";
static const std::string kSection = "/schedule/";

Issue task_issue(size_t task, const std::string& field, std::string message, Severity severity) {
    return {kTasks + std::to_string(task) + (field.empty() ? "" : "/" + field), std::move(message), severity};
}

Issue section_issue(const std::string& field, std::string message, Severity severity) {
    return {kSection + field, std::move(message), severity};
}

// "/schedule/tasks/<i>[/<field>]": the index and the field ("" when none); false otherwise.
static bool split_task_pointer(const std::string& where, size_t& index, std::string& field) {
    if (where.compare(0, kTasks.size(), kTasks) != 0) return false;
    size_t k = kTasks.size();
    const size_t digits = k;
    index = 0;
    while (k < where.size() && std::isdigit(static_cast<unsigned char>(where[k]))) {
        index = index * 10 + static_cast<size_t>(where[k] - '0');
        ++k;
    }
    if (k == digits || (k < where.size() && where[k] != '/')) return false;
    field = k < where.size() ? where.substr(k + 1) : std::string();
    return true;
}

int issue_task_index(const Issue& issue) {
    size_t i = 0;
    std::string field;
    return split_task_pointer(issue.where, i, field) ? static_cast<int>(i) : -1;
}

std::string schedule_issue_text(const Issue& issue, const ScheduleSection& section) {
    std::string task_id, field;
    size_t i = 0;
    if (split_task_pointer(issue.where, i, field)) {
        if (i < section.tasks.size()) {
            const Task& t = section.tasks[i];
            task_id = t.id;
            // A task without an id is named by its row, in the message about that missing id.
            if (task_id.empty() && field == "id") task_id = "#" + std::to_string(i + 1);
            // The calendar the task's partner works on (schedule.partner_calendars) is missing.
            if (field == "partner")
                field = "partner (calendar of partner \"" + t.partner_id + "\" in partner_calendars)";
        }
    } else if (issue.where.compare(0, kSection.size(), kSection) == 0) {
        field = issue.where.substr(kSection.size());
    } else if (!issue.where.empty() && issue.where[0] == '/') {
        field = issue.where.substr(1);  // "/project/start_date" → "project.start_date"
        std::replace(field.begin(), field.end(), '/', '.');
    } else {
        field = issue.where;  // not a place in the file ("iterations")
    }
    std::string s;
    if (!task_id.empty()) s = "task \"" + task_id + "\"";
    if (!field.empty()) s += (s.empty() ? "" : " ") + std::string("(") + field + ")";
    return s.empty() ? issue.message : s + ": " + issue.message;
}

}  // namespace mf
