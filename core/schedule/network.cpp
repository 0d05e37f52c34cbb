#include "schedule/network.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <queue>
#include <unordered_set>

#include "base/issue_cap.h"
#include "base/limits.h"

#include "schedule/gate.h"
#include "schedule/outline.h"

namespace mf {

ProblemFromPlan schedule_problem(const Plan& plan) {
    ProblemFromPlan r;
    if (!plan.meta.start_date) {
        r.errors.push_back({"/project/start_date", "the plan has no start date: the schedule needs one"});
        return r;
    }
    r.problem = ScheduleProblem{plan.schedule, *plan.meta.start_date, plan.meta.deadline};
    return r;
}

double three_point_mean(double o, double m, double p, DurationDistribution dist) {
    return dist == DurationDistribution::Triangular ? (o + m + p) / 3.0 : (o + 4.0 * m + p) / 6.0;
}

static std::string num(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

static void check_three_point(size_t task, const std::string& prefix, double o, double m, double p, Issues& errors) {
    const double v[3] = {o, m, p};
    const char* names[3] = {"optimistic", "most_likely", "pessimistic"};
    bool ok = true;
    for (int k = 0; k < 3; ++k) {
        if (!std::isfinite(v[k]) || v[k] < 0 || v[k] > kMaxScheduleDays) {
            errors.push_back(task_issue(task, prefix + names[k],
                                        "duration " + num(v[k]) + " is not a number of working days in [0, 10000]"));
            ok = false;
        }
    }
    if (!ok) return;
    if (o > m)
        errors.push_back(
            task_issue(task, prefix + "optimistic", "optimistic " + num(o) + " is longer than most_likely " + num(m)));
    if (m > p)
        errors.push_back(task_issue(task, prefix + "pessimistic",
                                    "pessimistic " + num(p) + " is shorter than most_likely " + num(m)));
}

CalendarSet resolve_calendars(const ScheduleSection& s, Issues* errors) {
    CalendarSet cs;
    cs.calendars.push_back(s.calendar);
    cs.ids.push_back("");
    std::map<std::string, int> index;
    for (size_t k = 0; k < s.calendars.size(); ++k) {
        const NamedCalendar& nc = s.calendars[k];
        cs.calendars.push_back(nc.calendar);
        cs.ids.push_back(nc.id);
        if (!index.emplace(nc.id, static_cast<int>(k) + 1).second && errors)
            errors->push_back(
                section_issue("calendars/" + std::to_string(k) + "/id", "duplicate calendar id \"" + nc.id + "\""));
        if (errors && std::none_of(nc.calendar.working.begin(), nc.calendar.working.end(), [](bool b) { return b; }))
            errors->push_back(section_issue("calendars/" + std::to_string(k) + "/working_days",
                                            "calendar \"" + nc.id + "\": no weekday is a working day"));
    }
    cs.of_task.assign(s.tasks.size(), 0);
    for (size_t i = 0; i < s.tasks.size(); ++i) {
        const Task& t = s.tasks[i];
        std::string want = t.calendar;
        std::string field = "calendar";
        if (want.empty() && !t.partner_id.empty()) {
            auto pc = s.partner_calendars.find(t.partner_id);
            if (pc != s.partner_calendars.end()) {
                want = pc->second;
                field = "partner";  // the partner's calendar (schedule_issue_text names it)
            }
        }
        if (want.empty()) continue;
        auto it = index.find(want);
        if (it == index.end()) {
            if (errors) errors->push_back(task_issue(i, field, "calendar \"" + want + "\" does not exist"));
            continue;
        }
        cs.of_task[i] = it->second;
        cs.multi = true;
    }
    return cs;
}

// The non-summary tasks under task i (i itself when it is no summary).
static std::vector<int> leaves_of(const Network& net, int i) {
    std::vector<int> out, stack{i};
    while (!stack.empty()) {
        const int j = stack.back();
        stack.pop_back();
        if (!net.summary[static_cast<size_t>(j)]) out.push_back(j);
        for (int c : net.children[static_cast<size_t>(j)]) stack.push_back(c);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// True when `a` is `b` or one of b's summaries (b lies under a): a walk up b's parents, at
// most kMaxOutlineDepth steps (outline.h refuses deeper outlines; parents have no cycle).
static bool is_ancestor(const std::vector<int>& parent, int a, int b) {
    for (int j = b, steps = 0; j >= 0 && steps <= kMaxOutlineDepth + 1; j = parent[static_cast<size_t>(j)], ++steps)
        if (j == a) return true;
    return false;
}

// Per task: how many non-summary tasks lie under it (1 for a task that is no summary), so
// that the links a summary link expands to are counted before they are made.
static std::vector<uint64_t> leaf_counts(const Network& net) {
    std::vector<uint64_t> count(net.summary.size(), 1);
    for (int j : net.summaries_bottom_up) {
        uint64_t c = 0;
        for (int k : net.children[static_cast<size_t>(j)]) c += count[static_cast<size_t>(k)];
        count[static_cast<size_t>(j)] = c;
    }
    return count;
}

// Task id → index; an empty or repeated id is an error.
static std::map<std::string, int> index_task_ids(const ScheduleSection& s, Network& net) {
    const int n = static_cast<int>(s.tasks.size());
    std::map<std::string, int> index;
    for (int i = 0; i < n; ++i) {
        const Task& t = s.tasks[static_cast<size_t>(i)];
        if (t.id.empty())
            net.errors.push_back(task_issue(static_cast<size_t>(i), "id", "a task has no id"));
        else if (!index.emplace(t.id, i).second)
            net.errors.push_back(task_issue(static_cast<size_t>(i), "id", "duplicate task id"));
    }
    return index;
}

// The outline (summary tasks and their subtasks) into the network; returns each task's parent.
static std::vector<int> read_outline(const ScheduleSection& s, Network& net) {
    const int n = static_cast<int>(s.tasks.size());
    std::vector<int> parent;
    Outline o = build_outline(s);
    for (const auto& e : o.errors) net.errors.push_back(task_issue(static_cast<size_t>(e.task), "parent", e.message));
    net.summary.assign(static_cast<size_t>(n), 0);
    for (int i = 0; i < n; ++i) net.summary[static_cast<size_t>(i)] = o.is_summary(i) ? 1 : 0;
    net.children = std::move(o.children);
    net.summaries_bottom_up = std::move(o.summaries_bottom_up);
    parent = std::move(o.parent);
    return parent;
}

// The task-to-task links made so far (a summary link expands to one per pair of subtasks),
// against kMaxScheduleLinks.
struct LinkBudget {
    std::vector<uint64_t> leaves;  // per task: the non-summary tasks under it
    uint64_t links = 0;
    bool too_many = false;  // reported once
};

static const char* link_type_words(LinkType t) {
    switch (t) {
        case LinkType::FinishToStart: return "finish-to-start";
        case LinkType::StartToStart: return "start-to-start";
        case LinkType::FinishToFinish: return "finish-to-finish";
        case LinkType::StartToFinish: return "start-to-finish";
    }
    return "";
}

// A link to a summary applies to each subtask's start (FS, SS); MS Project refuses FF and SF.
static bool link_into_summary_ok(LinkType t) {
    switch (t) {
        case LinkType::FinishToStart:
        case LinkType::StartToStart: return true;
        case LinkType::FinishToFinish:
        case LinkType::StartToFinish: return false;
    }
    return false;
}

// A link from a summary comes from each subtask's finish (FS, FF); from its start (SS, SF) it
// would come from every subtask's start, which is not what the planner means.
static bool link_from_summary_ok(LinkType t) {
    switch (t) {
        case LinkType::FinishToStart:
        case LinkType::FinishToFinish: return true;
        case LinkType::StartToStart:
        case LinkType::StartToFinish: return false;
    }
    return false;
}

// Task i's predecessors: each checked (exists, no self-link, summary rules, lag, repeat, budget)
// and added to net.incoming, expanded to subtasks where a summary task is linked.
static void compile_predecessors(const ScheduleSection& s, int i, const std::map<std::string, int>& index,
                                 const std::vector<int>& parent, LinkBudget& budget, Network& net) {
    const size_t ti = static_cast<size_t>(i);
    const Task& t = s.tasks[ti];
    const bool is_summary = net.summary[ti] != 0;
    const std::vector<uint64_t>& leaves = budget.leaves;
    uint64_t& links = budget.links;
    bool& too_many_links = budget.too_many;
    std::unordered_set<std::string> listed;  // predecessor ids so far: a repeat is refused at the repeat
    for (size_t k = 0; k < t.predecessors.size(); ++k) {
        const Dependency& d = t.predecessors[k];
        const bool listed_before = !listed.insert(d.task_id).second;
        const std::string f = "predecessors/" + std::to_string(k);
        auto it = index.find(d.task_id);
        if (it == index.end()) {
            net.errors.push_back(task_issue(ti, f, "predecessor \"" + d.task_id + "\" does not exist"));
            continue;
        }
        if (it->second == i) {
            net.errors.push_back(task_issue(ti, f, "dependency cycle: \"" + t.id + "\" depends on itself"));
            continue;
        }
        const int from = it->second;
        const bool from_summary = net.summary[static_cast<size_t>(from)] != 0;
        // Links to and from summary tasks, the MS Project way: a link to a summary applies
        // to each of its subtasks (FS and SS only: MS Project refuses FF and SF to a summary);
        // a link from a summary comes from each of its subtasks (FS and FF: the summary
        // finishes with its last subtask; SS and SF from a summary are refused here).
        if (is_summary && !link_into_summary_ok(d.type)) {
            net.errors.push_back(task_issue(ti, f,
                                            "\"" + t.id + "\" is a summary task: a " + link_type_words(d.type) +
                                                " link to a summary task is not supported (use FS or SS, or link "
                                                "its last subtask)"));
            continue;
        }
        if (from_summary && !link_from_summary_ok(d.type)) {
            net.errors.push_back(task_issue(ti, f,
                                            "predecessor \"" + d.task_id + "\" is a summary task: a " +
                                                link_type_words(d.type) +
                                                " link from a summary task is not supported (link from its "
                                                "first subtask)"));
            continue;
        }
        if ((is_summary || from_summary) && (is_ancestor(parent, i, from) || is_ancestor(parent, from, i))) {
            net.errors.push_back(task_issue(
                ti, f,
                "a summary task cannot be linked with its own subtask (\"" + d.task_id + "\" and \"" + t.id + "\")"));
            continue;
        }
        if (!std::isfinite(d.lag) || std::fabs(d.lag) > kMaxScheduleDays) {
            net.errors.push_back(task_issue(
                ti, f + "/lag", "lag " + num(d.lag) + " is not a number of working days in [-10000, 10000]"));
            continue;
        }
        if (listed_before) {
            net.errors.push_back(task_issue(ti, f, "predecessor \"" + d.task_id + "\" is listed twice"));
            continue;
        }
        const Task& pred = s.tasks[static_cast<size_t>(from)];
        if (d.type == LinkType::FinishToStart && d.lag < 0 && !from_summary && -d.lag > pred.optimistic)
            net.warnings.push_back(task_issue(ti, f + "/lag",
                                              "a lead of " + num(-d.lag) + " working days exceeds \"" + pred.id +
                                                  "\"'s optimistic duration: this task may start "
                                                  "before its predecessor starts"));
        if (d.type == LinkType::FinishToFinish && d.lag < 0 && -d.lag > t.pessimistic && t.pessimistic > 0)
            net.warnings.push_back(task_issue(ti, f + "/lag",
                                              "a finish-to-finish lead longer than this task: it may "
                                              "finish before its predecessor starts"));
        const uint64_t made = leaves[static_cast<size_t>(i)] * leaves[static_cast<size_t>(from)];
        if (links + made > kMaxScheduleLinks) {
            if (!too_many_links)
                net.errors.push_back(
                    task_issue(ti, f,
                               "links to and from summary tasks, applied to each subtask, make more "
                               "than " +
                                   std::to_string(kMaxScheduleLinks) +
                                   " task-to-task links (the "
                                   "most a schedule holds, docs/plan-format.md \"Limits\"): link fewer "
                                   "summary tasks, or link their first and last subtasks"));
            too_many_links = true;
            continue;
        }
        links += made;
        if (!is_summary && !from_summary) {
            net.incoming[static_cast<size_t>(i)].push_back({from, d.type, d.lag});
        } else {
            const std::vector<int> to = leaves_of(net, i), src = leaves_of(net, from);
            for (int j : to)
                for (int q : src) net.incoming[static_cast<size_t>(j)].push_back({q, d.type, d.lag});
        }
    }
}

// Task i, a gate: its pass probability (or Cpk), rework, loop limit and tasks to repeat.
static void compile_gate(const ScheduleSection& s, int i, const std::map<std::string, int>& index, Network& net) {
    const size_t ti = static_cast<size_t>(i);
    const Task& t = s.tasks[ti];
    const GateSpec& g = t.gate;
    NetGate ng;
    if (g.pass_probability && g.cpk)
        net.errors.push_back(task_issue(ti, "gate", "give either pass_probability or cpk, not both"));
    if (g.pass_probability) {
        if (!std::isfinite(*g.pass_probability) || *g.pass_probability < 0 || *g.pass_probability > 1)
            net.errors.push_back(task_issue(ti, "gate/pass_probability",
                                            "pass probability " + num(*g.pass_probability) + " is not in [0, 1]"));
    } else if (g.cpk) {
        CpkPassResult c = pass_probability_from_cpk(*g.cpk);
        if (!c.error.empty()) net.errors.push_back(task_issue(ti, "gate/cpk", c.error));
    } else {
        net.errors.push_back(task_issue(ti, "gate", "a gate needs a pass probability or a Cpk criterion"));
    }
    ng.pass_probability = gate_spec_pass_probability(g);
    check_three_point(ti, "gate/rework/", g.rework.optimistic, g.rework.most_likely, g.rework.pessimistic, net.errors);
    if (g.max_loops < 0 || g.max_loops > 100)
        net.errors.push_back(
            task_issue(ti, "gate/max_loops", "loop limit " + std::to_string(g.max_loops) + " is not in [0, 100]"));
    if (g.assume_first_fails && g.max_loops < 1)
        net.errors.push_back(task_issue(ti, "gate/max_loops", "assume_first_fails needs max_loops >= 1"));
    ng.max_loops = g.max_loops;
    ng.first_fails = g.assume_first_fails;
    for (size_t k = 0; k < g.repeat.size(); ++k) {
        auto it = index.find(g.repeat[k]);
        if (it == index.end())
            net.errors.push_back(task_issue(ti, "gate/repeat/" + std::to_string(k),
                                            "task \"" + g.repeat[k] + "\" to repeat does not exist"));
        else if (net.summary[static_cast<size_t>(it->second)])
            net.errors.push_back(
                task_issue(ti, "gate/repeat/" + std::to_string(k),
                           "\"" + g.repeat[k] + "\" is a summary task: list its subtasks to repeat instead"));
        else
            ng.repeat.push_back(it->second);
    }
    if (ng.pass_probability <= 0 && g.max_loops > 0)
        net.warnings.push_back(
            task_issue(ti, "gate/pass_probability",
                       "the gate never passes: every run takes all " + std::to_string(g.max_loops) + " rework loops"));
    if (g.repeat.empty() && g.rework.pessimistic == 0 && ng.pass_probability < 1)
        net.warnings.push_back(task_issue(ti, "gate/rework",
                                          "a failure costs no time (no rework duration, nothing "
                                          "to repeat)"));
    net.gate_of[static_cast<size_t>(i)] = static_cast<int>(net.gates.size());
    net.gates.push_back(std::move(ng));
    net.gate_task.push_back(i);
}

// Some tasks sit on or behind a cycle (indegree > 0 after Kahn's algorithm): report one cycle.
static void report_cycle(const ScheduleSection& s, const std::vector<int>& indegree, Network& net) {
    const int n = static_cast<int>(s.tasks.size());
    std::vector<int> seen_at(static_cast<size_t>(n), -1);
    std::vector<int> path;
    int j = -1;
    for (int k = 0; k < n && j < 0; ++k)
        if (indegree[static_cast<size_t>(k)] > 0) j = k;
    while (seen_at[static_cast<size_t>(j)] < 0) {
        seen_at[static_cast<size_t>(j)] = static_cast<int>(path.size());
        path.push_back(j);
        int next = -1;
        for (const auto& l : net.incoming[static_cast<size_t>(j)])
            if (indegree[static_cast<size_t>(l.from)] > 0) {
                next = l.from;
                break;
            }
        j = next;  // every unordered task has an unordered predecessor
    }
    // path[seen_at[j]..] is the cycle, walked against the arrows; print it along them.
    std::vector<int> cycle(path.begin() + seen_at[static_cast<size_t>(j)], path.end());
    std::reverse(cycle.begin(), cycle.end());
    std::string text;
    for (int k : cycle) text += "\"" + s.tasks[static_cast<size_t>(k)].id + "\" → ";
    text += "\"" + s.tasks[static_cast<size_t>(cycle.front())].id + "\"";
    net.errors.push_back(task_issue(static_cast<size_t>(cycle.front()), "predecessors", "dependency cycle: " + text));
}

// The tasks in dependency order (net.order), or a dependency cycle reported.
static void order_tasks(const ScheduleSection& s, Network& net) {
    const int n = static_cast<int>(s.tasks.size());
    // Kahn's algorithm, taking ready tasks in file order so the order is deterministic.
    std::vector<int> indegree(static_cast<size_t>(n), 0);
    std::vector<std::vector<int>> out(static_cast<size_t>(n));
    for (int j = 0; j < n; ++j)
        for (const auto& l : net.incoming[static_cast<size_t>(j)]) {
            ++indegree[static_cast<size_t>(j)];
            out[static_cast<size_t>(l.from)].push_back(j);
        }
    // The ready tasks in a min-heap: the smallest index first, O(log n) a step.
    std::priority_queue<int, std::vector<int>, std::greater<int>> ready;
    for (int j = 0; j < n; ++j)
        if (indegree[static_cast<size_t>(j)] == 0) ready.push(j);
    while (!ready.empty()) {
        const int j = ready.top();
        ready.pop();
        net.order.push_back(j);
        for (int k : out[static_cast<size_t>(j)])
            if (--indegree[static_cast<size_t>(k)] == 0) ready.push(k);
    }
    if (static_cast<int>(net.order.size()) < n) {
        report_cycle(s, indegree, net);
        net.order.clear();
    }
}

Network compile_network(const ScheduleSection& s) {
    Network net;
    const int n = static_cast<int>(s.tasks.size());
    net.incoming.resize(static_cast<size_t>(n));
    net.gate_of.assign(static_cast<size_t>(n), -1);
    if (n == 0) {
        net.errors.push_back(section_issue("tasks", "the schedule has no tasks"));
        return net;
    }
    if (s.tasks.size() > kMaxTasks) {  // a plan read from a file never gets here (the reader refuses it)
        net.errors.push_back(section_issue("tasks", too_many("tasks", s.tasks.size(), kMaxTasks, "a schedule")));
        return net;
    }
    const std::map<std::string, int> index = index_task_ids(s, net);
    if (std::none_of(s.calendar.working.begin(), s.calendar.working.end(), [](bool b) { return b; }))
        net.errors.push_back(section_issue("calendar/working_days", "no weekday is a working day"));
    net.calendars = resolve_calendars(s, &net.errors);
    const std::vector<int> parent = read_outline(s, net);
    LinkBudget budget{leaf_counts(net)};

    for (int i = 0; i < n; ++i) {
        const size_t ti = static_cast<size_t>(i);
        const Task& t = s.tasks[ti];
        const bool is_summary = net.summary[ti] != 0;
        if (!is_summary) check_three_point(ti, "", t.optimistic, t.most_likely, t.pessimistic, net.errors);
        if (t.kind == TaskKind::Milestone && (t.optimistic != 0 || t.most_likely != 0 || t.pessimistic != 0))
            net.errors.push_back(task_issue(ti, "most_likely", "a milestone has zero duration"));
        compile_predecessors(s, i, index, parent, budget, net);
        if (t.kind == TaskKind::Gate)
            compile_gate(s, i, index, net);
        else if (t.gate.pass_probability || t.gate.cpk || !t.gate.repeat.empty())
            net.warnings.push_back(task_issue(ti, "gate", "gate settings are ignored: the task is not of kind gate"));
    }

    order_tasks(s, net);
    for (Issue& w : net.warnings) w.severity = Severity::Warning;
    cap_issues(net.errors);
    cap_issues(net.warnings, kMaxIssuesListed, 0, Severity::Warning);
    return net;
}

double forward_pass(const Network& net, const double* d, double* es, double* ef) {
    double finish = 0;
    for (int j : net.order) {
        double s = 0;
        const double dj = d[j];
        for (const NetLink& l : net.incoming[static_cast<size_t>(j)]) {
            double c = 0;
            switch (l.type) {
                case LinkType::FinishToStart: c = ef[l.from] + l.lag; break;
                case LinkType::StartToStart: c = es[l.from] + l.lag; break;
                case LinkType::FinishToFinish: c = ef[l.from] + l.lag - dj; break;
                case LinkType::StartToFinish: c = es[l.from] + l.lag - dj; break;
            }
            if (c > s) s = c;
        }
        es[j] = s;
        ef[j] = s + dj;
        if (ef[j] > finish) finish = ef[j];
    }
    return finish;
}

void backward_pass(const Network& net, const double* d, double finish, double* ls, double* lf) {
    for (int j : net.order) lf[j] = finish;
    for (auto it = net.order.rbegin(); it != net.order.rend(); ++it) {
        const int j = *it;  // all successors of j were handled before: lf[j] is final
        ls[j] = lf[j] - d[j];
        for (const NetLink& l : net.incoming[static_cast<size_t>(j)]) {
            double c = 0;
            switch (l.type) {
                case LinkType::FinishToStart: c = ls[j] - l.lag; break;
                case LinkType::StartToStart: c = ls[j] - l.lag + d[l.from]; break;
                case LinkType::FinishToFinish: c = lf[j] - l.lag; break;
                case LinkType::StartToFinish: c = lf[j] - l.lag + d[l.from]; break;
            }
            if (c < lf[l.from]) lf[l.from] = c;
        }
    }
}

void rollup(const Network& net, double* first, double* last) {
    for (int j : net.summaries_bottom_up) {
        const auto& ch = net.children[static_cast<size_t>(j)];
        double lo = first[ch.front()], hi = last[ch.front()];
        for (int c : ch) {
            lo = std::min(lo, first[c]);
            hi = std::max(hi, last[c]);
        }
        first[j] = lo;
        last[j] = hi;
    }
}

}  // namespace mf
