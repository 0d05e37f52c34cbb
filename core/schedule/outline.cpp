#include "schedule/outline.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "base/limits.h"

#include "schedule/network.h"

namespace mf {

static std::string kind_words(TaskKind k) {
    return k == TaskKind::Milestone ? "a milestone" : k == TaskKind::Gate ? "a gate" : "a task";
}

Outline build_outline(const ScheduleSection& s) {
    Outline o;
    const int n = static_cast<int>(s.tasks.size());
    const size_t un = static_cast<size_t>(n);
    o.parent.assign(un, -1);
    o.children.assign(un, {});
    o.depth.assign(un, 0);
    o.wbs.assign(un, "");
    std::map<std::string, int> index;
    for (int i = 0; i < n; ++i) index.emplace(s.tasks[static_cast<size_t>(i)].id, i);
    for (int i = 0; i < n; ++i) {
        const Task& t = s.tasks[static_cast<size_t>(i)];
        if (t.parent.empty()) continue;
        auto it = index.find(t.parent);
        if (it == index.end()) {
            o.errors.push_back({i, "parent \"" + t.parent + "\" does not exist"});
        } else if (it->second == i) {
            o.errors.push_back({i, "a task cannot be its own parent"});
        } else {
            const Task& p = s.tasks[static_cast<size_t>(it->second)];
            if (p.kind != TaskKind::Task)
                o.errors.push_back({i,
                                    "parent \"" + p.id + "\" is " + kind_words(p.kind) +
                                        ": only an ordinary task (kind \"task\") can have subtasks"});
            else
                o.parent[static_cast<size_t>(i)] = it->second;
        }
    }
    // Cycles: walk up from every task; a walk that comes back to a task on it is a cycle.
    std::vector<int> state(un, 0);  // 0 unseen, 1 on the current walk, 2 done
    for (int i = 0; i < n; ++i) {
        std::vector<int> walk;
        int j = i;
        while (j >= 0 && state[static_cast<size_t>(j)] == 0) {
            state[static_cast<size_t>(j)] = 1;
            walk.push_back(j);
            j = o.parent[static_cast<size_t>(j)];
        }
        if (j >= 0 && state[static_cast<size_t>(j)] == 1) {
            // walk from j on is the cycle, child → parent.
            auto start = std::find(walk.begin(), walk.end(), j);
            std::vector<int> cycle(start, walk.end());
            const int first = *std::min_element(cycle.begin(), cycle.end());
            std::rotate(cycle.begin(), std::find(cycle.begin(), cycle.end(), first), cycle.end());
            std::string text;
            for (int k : cycle) text += "\"" + s.tasks[static_cast<size_t>(k)].id + "\" → ";
            text += "\"" + s.tasks[static_cast<size_t>(first)].id + "\"";
            o.errors.push_back({first, "parent cycle: " + text + " (each task's parent follows it)"});
            for (int k : cycle) o.parent[static_cast<size_t>(k)] = -1;  // shown at the top level
        }
        for (int k : walk) state[static_cast<size_t>(k)] = 2;
    }
    std::sort(o.errors.begin(), o.errors.end(),
              [](const OutlineIssue& a, const OutlineIssue& b) { return a.task < b.task; });

    std::vector<size_t> position(un, 0);  // per task: its place among its siblings (0-based)
    for (int i = 0; i < n; ++i)
        if (const int p = o.parent[static_cast<size_t>(i)]; p >= 0) {
            position[static_cast<size_t>(i)] = o.children[static_cast<size_t>(p)].size();
            o.children[static_cast<size_t>(p)].push_back(i);
        }
    // Depth-first, children in file order.
    std::vector<int> stack;
    std::vector<int> roots;
    for (int i = 0; i < n; ++i)
        if (o.parent[static_cast<size_t>(i)] < 0) roots.push_back(i);
    for (auto r = roots.rbegin(); r != roots.rend(); ++r) stack.push_back(*r);
    int top_count = 0;
    std::vector<OutlineIssue> too_deep;
    while (!stack.empty()) {
        const int i = stack.back();
        stack.pop_back();
        const size_t ui = static_cast<size_t>(i);
        o.order.push_back(i);
        const int p = o.parent[ui];
        if (p < 0) {
            o.wbs[ui] = std::to_string(++top_count);
        } else {
            o.depth[ui] = o.depth[static_cast<size_t>(p)] + 1;
            // Past the depth limit the outline number stops growing (the error below refuses the
            // outline): numbers of depth² characters would be the memory of a deep chain.
            o.wbs[ui] = o.depth[ui] > kMaxOutlineDepth
                ? o.wbs[static_cast<size_t>(p)]
                : o.wbs[static_cast<size_t>(p)] + "." + std::to_string(position[ui] + 1);
            if (o.depth[ui] == kMaxOutlineDepth + 1)
                too_deep.push_back(
                    {i,
                     "the outline is more than " + std::to_string(kMaxOutlineDepth) +
                         " levels deep here (the most a schedule holds, docs/plan-format.md \"Limits\"): "
                         "outdent some of its summary tasks"});
        }
        const auto& ch = o.children[ui];
        for (auto c = ch.rbegin(); c != ch.rend(); ++c) stack.push_back(*c);
    }
    for (auto it = o.order.rbegin(); it != o.order.rend(); ++it)
        if (!o.children[static_cast<size_t>(*it)].empty()) o.summaries_bottom_up.push_back(*it);
    if (!too_deep.empty()) {
        for (auto& e : too_deep) o.errors.push_back(std::move(e));
        std::stable_sort(o.errors.begin(), o.errors.end(),
                         [](const OutlineIssue& a, const OutlineIssue& b) { return a.task < b.task; });
    }
    return o;
}

void check_schedule_outline(const ScheduleSection& s, const std::string& path, Issues& errors) {
    const Outline o = build_outline(s);
    for (const auto& e : o.errors) errors.push_back({path + "/tasks/" + std::to_string(e.task) + "/parent", e.message});
}

void sort_tasks_in_outline_order(ScheduleSection& s) {
    const Outline o = build_outline(s);
    std::vector<Task> sorted;
    sorted.reserve(s.tasks.size());
    for (int i : o.order) sorted.push_back(std::move(s.tasks[static_cast<size_t>(i)]));
    s.tasks = std::move(sorted);
}

static int find_index(const ScheduleSection& s, const std::string& id) {
    for (size_t i = 0; i < s.tasks.size(); ++i)
        if (s.tasks[i].id == id) return static_cast<int>(i);
    return -1;
}

// A new problem the change brings to the network (links that a summary cannot take), or "".
static std::string new_network_problem(const ScheduleSection& before, const ScheduleSection& after) {
    const Network a = compile_network(before), b = compile_network(after);
    // The same problem may sit at another index once the tasks are reordered: compare the
    // task's id and the message (a set: a long outline has many problems).
    auto task_of = [](const Issue& e, const ScheduleSection& s) {
        const int i = issue_task_index(e);
        return i >= 0 && static_cast<size_t>(i) < s.tasks.size() ? s.tasks[static_cast<size_t>(i)].id : std::string();
    };
    std::unordered_set<std::string> old;
    for (const auto& x : a.errors) old.insert(task_of(x, before) + '\n' + x.message);
    for (const auto& e : b.errors)
        if (!old.count(task_of(e, after) + '\n' + e.message)) return schedule_issue_text(e, after);
    return "";
}

// Indent and outdent refuse to work on an outline that is already broken.
static std::string broken_outline(const ScheduleSection& s, const Outline& o) {
    return "fix the outline first: task \"" + s.tasks[static_cast<size_t>(o.errors.front().task)].id +
        "\": " + o.errors.front().message;
}

std::string indent_task(ScheduleSection& s, const std::string& id) {
    const Outline o = build_outline(s);
    if (!o.errors.empty()) return broken_outline(s, o);
    const int i = find_index(s, id);
    if (i < 0) return "no task \"" + id + "\"";
    const size_t row = static_cast<size_t>(std::find(o.order.begin(), o.order.end(), i) - o.order.begin());
    const int d = o.depth[static_cast<size_t>(i)];
    int p = -1;
    for (size_t k = row; k-- > 0;) {
        const int j = o.order[k];
        if (o.depth[static_cast<size_t>(j)] < d) break;
        if (o.depth[static_cast<size_t>(j)] == d) {
            p = j;
            break;
        }
    }
    if (p < 0) return "\"" + id + "\" has no task above it at the same level to go under";
    const Task& pt = s.tasks[static_cast<size_t>(p)];
    if (pt.kind != TaskKind::Task)
        return "\"" + pt.id + "\" is " + kind_words(pt.kind) + ": only an ordinary task can have subtasks";
    ScheduleSection trial = s;
    trial.tasks[static_cast<size_t>(i)].parent = pt.id;
    // A link between the task and its new summary would link a summary with its own subtask:
    // it goes (the task now starts with its summary anyway).
    auto drop = [](Task& t, const std::string& other) {
        auto& v = t.predecessors;
        v.erase(std::remove_if(v.begin(), v.end(), [&](const Dependency& dep) { return dep.task_id == other; }),
                v.end());
    };
    drop(trial.tasks[static_cast<size_t>(i)], pt.id);
    drop(trial.tasks[static_cast<size_t>(p)], id);
    sort_tasks_in_outline_order(trial);
    const std::string why = new_network_problem(s, trial);
    if (!why.empty()) return "it would give " + why;
    s = std::move(trial);
    return "";
}

std::string outdent_task(ScheduleSection& s, const std::string& id) {
    const Outline o = build_outline(s);
    if (!o.errors.empty()) return broken_outline(s, o);
    const int i = find_index(s, id);
    if (i < 0) return "no task \"" + id + "\"";
    const int p = o.parent[static_cast<size_t>(i)];
    if (p < 0) return "\"" + id + "\" is already at the top level";
    // With the tasks in outline order the task follows its former parent in the file, so as
    // the parent's sibling it comes right after the former parent's remaining subtree.
    ScheduleSection copy = s;
    sort_tasks_in_outline_order(copy);
    const int ci = find_index(copy, id);
    copy.tasks[static_cast<size_t>(ci)].parent = s.tasks[static_cast<size_t>(p)].parent;
    sort_tasks_in_outline_order(copy);
    const std::string why = new_network_problem(s, copy);
    if (!why.empty()) return "it would give " + why;
    s = std::move(copy);
    return "";
}

}  // namespace mf
