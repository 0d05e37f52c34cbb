// [SECTION] Helpers
// [SECTION] Tasks
// [SECTION] Three-point durations
// [SECTION] Links
// [SECTION] Gates
// [SECTION] The article's template
// [SECTION] Calendars
#include "schedule/schedule_edit.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <set>

#include "roads/roads_edit.h"
#include "schedule/gate.h"
#include "schedule/network.h"
#include "schedule/outline.h"

namespace mf {

// [SECTION] Helpers -------------------------------------------------------------------------

static constexpr size_t kMaxName = 200;  // the file's limit on names (schedule_json.cpp)

static int find_task(const Plan& p, const std::string& id) {
    for (size_t i = 0; i < p.schedule.tasks.size(); ++i)
        if (p.schedule.tasks[i].id == id) return static_cast<int>(i);
    return -1;
}

static Task* task_in(Plan& p, const std::string& id) {
    const int i = find_task(p, id);
    return i < 0 ? nullptr : &p.schedule.tasks[static_cast<size_t>(i)];
}

static std::string no_task(const std::string& id) { return "no task \"" + id + "\""; }

static bool id_free(const Plan& p, const std::string& id) {
    const auto ids = all_ids(p);
    return std::find(ids.begin(), ids.end(), id) == ids.end();
}

// At most kMaxName bytes, cut before a UTF-8 continuation byte so a character stays whole.
static std::string clip_name(std::string s) {
    if (s.size() <= kMaxName) return s;
    size_t n = kMaxName;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    s.resize(n);
    return s;
}

static const char* id_prefix(TaskKind kind) {
    return kind == TaskKind::Milestone ? "m" : kind == TaskKind::Gate ? "g" : "t";
}

// The sibling (same parent) just before (delta < 0) or after the task, in file order; -1 if none.
static int sibling(const Plan& p, const std::string& id, int delta) {
    const int at = find_task(p, id);
    if (at < 0 || delta == 0) return -1;
    const auto& v = p.schedule.tasks;
    for (int k = at + delta; k >= 0 && k < static_cast<int>(v.size()); k += delta)
        if (v[static_cast<size_t>(k)].parent == v[static_cast<size_t>(at)].parent) return k;
    return -1;
}

// [SECTION] Tasks ---------------------------------------------------------------------------

Task new_task(TaskKind kind) {
    Task t;
    t.kind = kind;
    if (kind == TaskKind::Milestone) {
        t.name = "New milestone";
    } else if (kind == TaskKind::Gate) {
        t.name = "New quality gate";
        t.optimistic = 0, t.most_likely = 1, t.pessimistic = 2;
        t.gate.pass_probability = 0.9;
        t.gate.rework = {3, 5, 10};
    } else {
        t.name = "New task";
        t.optimistic = 3, t.most_likely = 5, t.pessimistic = 8;
    }
    return t;
}

std::string add_task(Plan& p, TaskKind kind, const std::string& after, const std::string& id) {
    Task t = new_task(kind);
    t.id = !id.empty() && id_free(p, id) ? id : new_id(p, id_prefix(kind));
    const int at = after.empty() ? -1 : find_task(p, after);
    auto& v = p.schedule.tasks;
    if (at >= 0) {
        t.parent = v[static_cast<size_t>(at)].parent;  // at the level of the task it follows
        t.predecessors.push_back({after});
    }
    const std::string made = t.id;
    v.insert(at >= 0 ? v.begin() + at + 1 : v.end(), std::move(t));
    sort_tasks_in_outline_order(p.schedule);  // after `after`'s subtasks, if it has any
    return made;
}

void delete_task(Plan& p, const std::string& id) {
    const int at = find_task(p, id);
    if (at < 0) return;
    auto& v = p.schedule.tasks;
    const std::string parent = v[static_cast<size_t>(at)].parent;
    v.erase(v.begin() + at);
    for (auto& t : v) {
        auto& pr = t.predecessors;
        pr.erase(std::remove_if(pr.begin(), pr.end(), [&](const Dependency& d) { return d.task_id == id; }), pr.end());
        auto& rp = t.gate.repeat;
        rp.erase(std::remove(rp.begin(), rp.end(), id), rp.end());
        if (t.parent == id) t.parent = parent;  // a summary's subtasks move up one level
    }
    prune_roads(p);  // it no longer follows a road
}

std::string duplicate_task(Plan& p, const std::string& id) {
    const int at = find_task(p, id);
    if (at < 0) return "";
    Task copy = p.schedule.tasks[static_cast<size_t>(at)];
    copy.id = new_id(p, id_prefix(copy.kind));
    copy.name = clip_name(copy.name + " (copy)");
    for (auto& r : copy.gate.repeat)
        if (r == id) r = copy.id;  // a gate that re-runs itself re-runs the copy
    const std::string made = copy.id;
    p.schedule.tasks.insert(p.schedule.tasks.begin() + at + 1, std::move(copy));
    sort_tasks_in_outline_order(p.schedule);  // a summary's copy goes after the summary's subtasks
    return made;
}

bool can_move_task(const Plan& p, const std::string& id, int delta) { return sibling(p, id, delta) >= 0; }

std::string move_task(Plan& p, const std::string& id, int delta) {
    const int at = find_task(p, id);
    if (at < 0) return no_task(id);
    const int to = sibling(p, id, delta);
    if (to < 0) return "\"" + id + "\" has no task " + (delta < 0 ? "above" : "below") + " it at its level";
    auto& v = p.schedule.tasks;
    std::swap(v[static_cast<size_t>(at)], v[static_cast<size_t>(to)]);
    sort_tasks_in_outline_order(p.schedule);  // the subtasks follow their summaries
    return "";
}

std::string indent_task(Plan& p, const std::string& id) { return indent_task(p.schedule, id); }
std::string outdent_task(Plan& p, const std::string& id) { return outdent_task(p.schedule, id); }

std::string set_task_kind(Plan& p, const std::string& id, TaskKind kind) {
    const int at = find_task(p, id);
    if (at < 0) return no_task(id);
    if (kind != TaskKind::Task && build_outline(p.schedule).is_summary(at))
        return "\"" + id + "\" has subtasks: only an ordinary task can be a summary task";
    Task& t = p.schedule.tasks[static_cast<size_t>(at)];
    t.kind = kind;
    if (kind == TaskKind::Milestone) t.optimistic = t.most_likely = t.pessimistic = 0;
    if (kind == TaskKind::Gate && !t.gate.pass_probability && !t.gate.cpk) t.gate.pass_probability = 0.9;
    prune_roads(p);  // road changes that no longer fit the kind
    return "";
}

// [SECTION] Three-point durations -------------------------------------------------------------

// Working days as the Timeline shows them: whole, or to one decimal.
static std::string days(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, std::fabs(v - std::round(v)) < 1e-9 ? "%.0f" : "%.1f", v);
    return buf;
}

std::string three_point_problem(double o, double m, double p, int which, double v) {
    if (!(v >= 0 && v <= kMaxScheduleDays)) return "a duration is 0 to 10 000 working days";
    if (which == 0 && v > m)
        return "optimistic " + days(v) + " is longer than most likely " + days(m) +
            " (leave the field to raise the others)";
    if (which == 1 && v < o)
        return "most likely " + days(v) + " is shorter than optimistic " + days(o) + " (leave the field to lower it)";
    if (which == 1 && v > p)
        return "most likely " + days(v) + " is longer than pessimistic " + days(p) + " (leave the field to raise it)";
    if (which == 2 && v < m)
        return "pessimistic " + days(v) + " is shorter than most likely " + days(m) +
            " (leave the field to lower the others)";
    return "";
}

void set_three_point(double& o, double& m, double& p, int which, double v) {
    v = std::clamp(v, 0.0, kMaxScheduleDays);
    if (which == 0) {
        o = v;
        m = std::max(m, o);
        p = std::max(p, m);
    }
    if (which == 1) {
        m = v;
        o = std::min(o, m);
        p = std::max(p, m);
    }
    if (which == 2) {
        p = v;
        m = std::min(m, p);
        o = std::min(o, m);
    }
}

static std::string check_point(int which, double v) {
    if (which < 0 || which > 2) return "no such duration (0 optimistic, 1 most likely, 2 pessimistic)";
    if (!std::isfinite(v)) return "a duration is a number of working days";
    return "";
}

std::string set_task_duration(Plan& p, const std::string& id, int which, double v) {
    Task* t = task_in(p, id);
    if (!t) return no_task(id);
    if (std::string why = check_point(which, v); !why.empty()) return why;
    if (t->kind == TaskKind::Milestone) return "a milestone has zero duration";
    set_three_point(t->optimistic, t->most_likely, t->pessimistic, which, v);
    return "";
}

std::string set_rework_duration(Plan& p, const std::string& id, int which, double v) {
    Task* t = task_in(p, id);
    if (!t) return no_task(id);
    if (std::string why = check_point(which, v); !why.empty()) return why;
    ThreePoint& r = t->gate.rework;
    set_three_point(r.optimistic, r.most_likely, r.pessimistic, which, v);
    return "";
}

// [SECTION] Links ---------------------------------------------------------------------------

static bool lists(const Task& t, const std::string& predecessor) {
    return std::any_of(t.predecessors.begin(), t.predecessors.end(),
                       [&](const Dependency& d) { return d.task_id == predecessor; });
}

// Why `predecessor` cannot be a (new) predecessor of t, or "".
static std::string link_problem(const Plan& p, const Task& t, const std::string& predecessor) {
    if (find_task(p, predecessor) < 0) return no_task(predecessor);
    if (predecessor == t.id) return "a task cannot follow itself";
    if (lists(t, predecessor)) return "\"" + predecessor + "\" is a predecessor of \"" + t.id + "\" already";
    return "";
}

static std::string no_link(const std::string& id, size_t k) {
    return "\"" + id + "\" has no link " + std::to_string(k + 1);
}

std::string add_link(Plan& p, const std::string& task_id, const std::string& predecessor) {
    Task* t = task_in(p, task_id);
    if (!t) return no_task(task_id);
    if (std::string why = link_problem(p, *t, predecessor); !why.empty()) return why;
    t->predecessors.push_back({predecessor});
    return "";
}

std::string remove_link(Plan& p, const std::string& task_id, size_t k) {
    Task* t = task_in(p, task_id);
    if (!t) return no_task(task_id);
    if (k >= t->predecessors.size()) return no_link(task_id, k);
    t->predecessors.erase(t->predecessors.begin() + static_cast<std::ptrdiff_t>(k));
    return "";
}

std::string set_link_predecessor(Plan& p, const std::string& task_id, size_t k, const std::string& predecessor) {
    Task* t = task_in(p, task_id);
    if (!t) return no_task(task_id);
    if (k >= t->predecessors.size()) return no_link(task_id, k);
    if (t->predecessors[k].task_id == predecessor) return "";
    if (std::string why = link_problem(p, *t, predecessor); !why.empty()) return why;
    t->predecessors[k].task_id = predecessor;
    return "";
}

std::string set_link_type(Plan& p, const std::string& task_id, size_t k, LinkType type) {
    Task* t = task_in(p, task_id);
    if (!t) return no_task(task_id);
    if (k >= t->predecessors.size()) return no_link(task_id, k);
    t->predecessors[k].type = type;
    return "";
}

// [SECTION] Gates ---------------------------------------------------------------------------

static Task* gate_in(Plan& p, const std::string& id, std::string& why) {
    Task* t = task_in(p, id);
    if (!t)
        why = no_task(id);
    else if (t->kind != TaskKind::Gate)
        why = "\"" + id + "\" is not a gate";
    return why.empty() ? t : nullptr;
}

std::string set_gate_criterion(Plan& p, const std::string& id, bool from_cpk) {
    std::string why;
    Task* t = gate_in(p, id, why);
    if (!t) return why;
    GateSpec& g = t->gate;
    if (from_cpk) {
        if (g.cpk) return "";
        g.cpk = CpkCriterion{};
        g.pass_probability.reset();
    } else {
        if (g.pass_probability && !g.cpk) return "";
        const double pp = gate_spec_pass_probability(g);  // the criterion's probability, kept
        g.pass_probability = std::isfinite(pp) ? std::clamp(pp, 0.0, 1.0) : 1.0;
        g.cpk.reset();
    }
    prune_roads(p);  // a road's Cpk or pass probability for the other criterion goes
    return "";
}

std::string set_gate_repeat(Plan& p, const std::string& id, const std::string& task_id, bool repeat) {
    std::string why;
    Task* t = gate_in(p, id, why);
    if (!t) return why;
    if (find_task(p, task_id) < 0) return no_task(task_id);
    auto& r = t->gate.repeat;
    r.erase(std::remove(r.begin(), r.end(), task_id), r.end());
    if (repeat) r.push_back(task_id);
    return "";
}

std::string set_assume_first_fails(Plan& p, const std::string& id, bool first_fails) {
    std::string why;
    Task* t = gate_in(p, id, why);
    if (!t) return why;
    t->gate.assume_first_fails = first_fails;
    if (first_fails) t->gate.max_loops = std::max(1, t->gate.max_loops);
    return "";
}

// [SECTION] The article's template ------------------------------------------------------------

static std::string make_partner(Plan& p, const TemplatePartner& pick) {
    if (!pick.id.empty()) return pick.id;
    Partner np;
    np.id = new_id(p, "partner-");
    np.name = pick.name;
    np.kind = pick.kind;
    np.notes = "Added by the timeline template; fill in the details in the decision section.";
    p.decision.partners.push_back(np);
    return np.id;
}

std::string apply_template(Plan& p, const TemplateApplication& a) {
    TemplateOptions o = a.options;
    if (!a.start) return "the schedule needs a start date";
    // Check the options (and ids) before anything is created: placeholders for new partners.
    auto known = [&](const TemplatePartner& pick) {
        return pick.id.empty() ||
            std::any_of(p.decision.partners.begin(), p.decision.partners.end(),
                        [&](const Partner& x) { return x.id == pick.id; });
    };
    if (!known(a.partner) || (o.switch_partner_mid_project && !known(a.switch_to)) ||
        (o.second_partner_for_scale && !known(a.second)))
        return "a partner picked for the template does not exist";
    o.partner_id = a.partner.id.empty() ? "(new)" : a.partner.id;
    o.switch_to_partner_id = a.switch_to.id.empty() ? "(new switch)" : a.switch_to.id;
    o.second_partner_id = a.second.id.empty() ? "(new second)" : a.second.id;
    const TemplateResult trial = build_article_template(o);
    if (!trial.errors.empty()) return trial.errors.front();
    std::set<std::string> taken;  // ids of everything but the tasks being replaced
    {
        Plan others = p;
        others.schedule.tasks.clear();
        for (const auto& id : all_ids(others)) taken.insert(id);
    }
    for (const Task& t : trial.section.tasks)
        if (taken.count(t.id)) return "the template's task id \"" + t.id + "\" is used elsewhere in the plan";

    o.partner_id = make_partner(p, a.partner);
    if (o.switch_partner_mid_project) o.switch_to_partner_id = make_partner(p, a.switch_to);
    if (o.second_partner_for_scale) o.second_partner_id = make_partner(p, a.second);
    TemplateResult t = build_article_template(o);
    p.schedule.tasks = std::move(t.section.tasks);
    p.meta.start_date = a.start;
    if (a.deadline) p.meta.deadline = a.deadline;
    prune_roads(p);  // the replaced tasks no longer follow a road
    return "";
}

// [SECTION] Calendars -----------------------------------------------------------------------

// The calendar `id` ("" = the project calendar), or nullptr.
static WorkCalendar* calendar_in(Plan& p, const std::string& id) {
    if (id.empty()) return &p.schedule.calendar;
    for (auto& nc : p.schedule.calendars)
        if (nc.id == id) return &nc.calendar;
    return nullptr;
}

static std::string no_calendar(const std::string& id) { return "no calendar \"" + id + "\""; }

std::string add_calendar(Plan& p, const std::string& id) {
    NamedCalendar nc;
    nc.id = !id.empty() && id_free(p, id) ? id : new_id(p, "cal");
    nc.name = "Calendar " + std::to_string(p.schedule.calendars.size() + 1);
    nc.calendar = p.schedule.calendar;  // a copy of the project calendar to start from
    const std::string made = nc.id;
    p.schedule.calendars.push_back(std::move(nc));
    return made;
}

void delete_calendar(Plan& p, const std::string& id) {
    auto& v = p.schedule.calendars;
    v.erase(std::remove_if(v.begin(), v.end(), [&](const NamedCalendar& c) { return c.id == id; }), v.end());
    for (auto& t : p.schedule.tasks)
        if (t.calendar == id) t.calendar.clear();
    auto& pc = p.schedule.partner_calendars;
    for (auto it = pc.begin(); it != pc.end();) it = it->second == id ? pc.erase(it) : std::next(it);
}

std::string set_partner_calendar(Plan& p, const std::string& partner_id, const std::string& calendar_id) {
    const auto& partners = p.decision.partners;
    if (std::none_of(partners.begin(), partners.end(), [&](const Partner& x) { return x.id == partner_id; }))
        return "no partner \"" + partner_id + "\"";
    if (calendar_id.empty()) {
        p.schedule.partner_calendars.erase(partner_id);
        return "";
    }
    if (!calendar_in(p, calendar_id)) return no_calendar(calendar_id);
    p.schedule.partner_calendars[partner_id] = calendar_id;
    return "";
}

std::string set_working_day(Plan& p, const std::string& calendar_id, int weekday, bool working) {
    WorkCalendar* c = calendar_in(p, calendar_id);
    if (!c) return no_calendar(calendar_id);
    if (weekday < 0 || weekday > 6) return "a weekday is 0 (Monday) to 6 (Sunday)";
    std::array<bool, 7> w = c->working;
    w[static_cast<size_t>(weekday)] = working;
    if (std::none_of(w.begin(), w.end(), [](bool b) { return b; })) return "at least one weekday must be a working day";
    c->working = w;
    return "";
}

std::string add_holiday(Plan& p, const std::string& calendar_id, Date day) {
    WorkCalendar* c = calendar_in(p, calendar_id);
    if (!c) return no_calendar(calendar_id);
    if (std::find(c->holidays.begin(), c->holidays.end(), day) == c->holidays.end()) c->holidays.push_back(day);
    return "";
}

std::string remove_holiday(Plan& p, const std::string& calendar_id, Date day) {
    WorkCalendar* c = calendar_in(p, calendar_id);
    if (!c) return no_calendar(calendar_id);
    c->holidays.erase(std::remove(c->holidays.begin(), c->holidays.end(), day), c->holidays.end());
    return "";
}

}  // namespace mf
