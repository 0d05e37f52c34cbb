// The task outline: tasks indented under summary tasks (Task::parent), as in MS Project.
//
//   Outline o = build_outline(section);
//   for (int i : o.order) show(o.wbs[i], o.depth[i], section.tasks[i]);   // outline order
//   std::string why = indent_task(section, "t-b");   // "" when done, else the reason
//
// Rules (docs/schedule.md, "Task outline"):
//   - a task with children is a SUMMARY task: its dates roll up from its subtasks (start = the
//     earliest subtask start, finish = the latest subtask finish); its own durations are
//     ignored (kept in the file, so outdenting its last child gives them back);
//   - only an ordinary task (kind "task") can be a summary: a milestone or gate as parent is
//     an error; the parent must exist; parents must not form a cycle;
//   - links to a summary apply to each of its subtasks (FS, SS; FF refused), links from a
//     summary come from each of its subtasks (FS, FF; SS refused), as in MS Project;
//     a summary linked with its own subtask and a summary in a gate's `repeat` are refused
//     (network.cpp reports them);
//   - the outline order is a depth-first walk, children in file order; a file saved by the
//     app keeps its tasks in that order.
#pragma once
#include <string>
#include <vector>

#include "base/issue.h"
#include "schedule/schedule_model.h"

namespace mf {

struct OutlineIssue {
    int task = 0;         // index in section.tasks
    std::string message;  // about the task's "parent" field
};

struct Outline {
    std::vector<int> parent;                 // per task: parent's index, -1 at the top (or when the parent is invalid)
    std::vector<std::vector<int>> children;  // per task: children's indices in file order
    std::vector<int> order;                  // outline (depth-first) order of all tasks
    std::vector<int> depth;                  // per task: 0 at the top level
    std::vector<std::string> wbs;            // per task: outline number "2.1.3"
    std::vector<int> summaries_bottom_up;    // summary tasks, every child summary before its parent
    std::vector<OutlineIssue> errors;        // unknown parent, cycle, milestone/gate as parent
    bool is_summary(int i) const { return !children[static_cast<size_t>(i)].empty(); }
    bool has_summaries() const { return !summaries_bottom_up.empty(); }
};

Outline build_outline(const ScheduleSection& s);

// The outline errors as JSON-Pointer file errors ("/schedule/tasks/3/parent"), for check_plan.
void check_schedule_outline(const ScheduleSection& s, const std::string& path, Issues& errors);

// Indent: the task becomes the last child of the nearest task above it (in outline order) at
// the same level; a link between the two is removed (it would link a summary with its own
// subtask). Outdent: the task moves up one level (a sibling of its former parent),
// placed after its former parent's subtree. Both return "" when done, else why not (also when
// the new outline would make a link invalid, e.g. an FF link to the new summary), and leave
// the tasks in outline order.
std::string indent_task(ScheduleSection& s, const std::string& id);
std::string outdent_task(ScheduleSection& s, const std::string& id);

// Reorders the tasks into outline order (a no-op for a file already in that order).
void sort_tasks_in_outline_order(ScheduleSection& s);

}  // namespace mf
