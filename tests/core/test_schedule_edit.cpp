// The timeline's edits (schedule_edit.h): each operation checked by hand on a small plan, every
// operation on every example plan, and a seeded random sequence of them — after each step the
// plan passes check_plan and saves, reopens and saves to the same bytes (check_reopens_equal),
// and an operation that refuses leaves the plan as it was.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "plan/plan_file.h"
#include "roundtrip_support.h"
#include "schedule/outline.h"
#include "schedule/schedule_edit.h"
#include "stats/random.h"
#include "test_support.h"

using namespace mf;
using mf::test::check_reopens_equal;

namespace {

const char* kExamples[] = {"launch-timeline.mfplan.json", "micro-gearbox.mfplan.json", "silicon-on-inconel.mfplan.json",
                           "sourcing-decision.mfplan.json"};

Plan example(const std::string& name) {
    LoadResult r = load_plan(test::read_file("assets/examples/" + name));
    REQUIRE_MESSAGE(r.plan.has_value(), (r.errors.empty() ? "" : to_string(r.errors[0])));
    return *r.plan;
}

Task leaf(const std::string& id, double d, std::vector<Dependency> preds = {}, const std::string& parent = "") {
    Task t;
    t.id = id;
    t.name = "Task " + id;
    t.optimistic = t.most_likely = t.pessimistic = d;
    t.predecessors = std::move(preds);
    t.parent = parent;
    return t;
}

// a → b → g (gate, repeats b) ; s is a summary over c and d; p1 is a partner.
Plan small() {
    Plan p;
    p.meta.name = "small";
    p.meta.start_date = *parse_iso_date("2027-01-04");
    Partner partner;
    partner.id = "p1";
    partner.name = "Shop";
    p.decision.partners.push_back(partner);
    Task g = leaf("g", 1, {{"b"}});
    g.kind = TaskKind::Gate;
    g.gate.pass_probability = 0.8;
    g.gate.repeat = {"b", "g"};
    g.gate.rework = {1, 2, 3};
    p.schedule.tasks = {leaf("a", 2), leaf("b", 3, {{"a"}}), g,
                        leaf("s", 0), leaf("c", 2, {}, "s"), leaf("d", 1, {{"c"}}, "s")};
    return p;
}

const Task* find(const Plan& p, const std::string& id) {
    for (const auto& t : p.schedule.tasks)
        if (t.id == id) return &t;
    return nullptr;
}

std::vector<std::string> ids(const Plan& p) {
    std::vector<std::string> v;
    for (const auto& t : p.schedule.tasks) v.push_back(t.id);
    return v;
}

bool in_outline_order(const Plan& p) {
    const Outline o = build_outline(p.schedule);
    for (size_t i = 0; i < o.order.size(); ++i)
        if (o.order[i] != static_cast<int>(i)) return false;
    return true;
}

}  // namespace

// [SECTION] By hand ---------------------------------------------------------------------------

TEST_CASE("schedule edits: add a task after another, at its level, linked from it") {
    Plan p = small();
    const std::string id = add_task(p, TaskKind::Task, "c");
    CHECK(id == "t1");
    CHECK(ids(p) == std::vector<std::string>{"a", "b", "g", "s", "c", "t1", "d"});
    const Task& t = *find(p, id);
    CHECK(t.parent == "s");
    REQUIRE(t.predecessors.size() == 1);
    CHECK(t.predecessors[0] == Dependency{"c"});
    CHECK(t.most_likely == 5);
    // After a summary: after its subtasks. At the end without `after`. A wanted id that is taken.
    CHECK(add_task(p, TaskKind::Milestone, "s") == "m1");
    CHECK(ids(p).back() == "m1");
    CHECK(find(p, "m1")->most_likely == 0);
    CHECK(add_task(p, TaskKind::Gate, "", "a") == "g1");
    CHECK(find(p, "g1")->gate.pass_probability == 0.9);
    CHECK(find(p, "g1")->predecessors.empty());
    CHECK(add_task(p, TaskKind::Task, "", "wanted") == "wanted");
    check_reopens_equal(p);
}

TEST_CASE("schedule edits: delete a task and every reference to it") {
    Plan p = small();
    delete_task(p, "b");
    CHECK(ids(p) == std::vector<std::string>{"a", "g", "s", "c", "d"});
    CHECK(find(p, "g")->predecessors.empty());
    CHECK(find(p, "g")->gate.repeat == std::vector<std::string>{"g"});
    check_reopens_equal(p);
    // A summary: its subtasks move up one level.
    delete_task(p, "s");
    CHECK(find(p, "c")->parent.empty());
    CHECK(find(p, "d")->parent.empty());
    check_reopens_equal(p);
    delete_task(p, "nobody");  // nothing happens
    CHECK(p.schedule.tasks.size() == 4);
}

TEST_CASE("schedule edits: duplicate a task") {
    Plan p = small();
    const std::string copy = duplicate_task(p, "g");
    CHECK(copy == "g1");
    CHECK(ids(p) == std::vector<std::string>{"a", "b", "g", "g1", "s", "c", "d"});
    const Task& t = *find(p, copy);
    CHECK(t.name == "Task g (copy)");
    CHECK(t.predecessors == find(p, "g")->predecessors);
    CHECK(t.gate.repeat == std::vector<std::string>{"b", "g1"});  // re-runs the copy, not the original
    // A summary's copy comes after its subtasks (outline order) and has none itself.
    const std::string s2 = duplicate_task(p, "s");
    CHECK(ids(p).back() == s2);
    CHECK_FALSE(build_outline(p.schedule).is_summary(static_cast<int>(p.schedule.tasks.size()) - 1));
    // Names stay within the file's 200 bytes, characters whole.
    p.schedule.tasks[0].name = std::string(198, 'x') + "µ";  // 200 bytes, the most a name has
    const std::string a2 = duplicate_task(p, "a");
    CHECK(find(p, a2)->name == std::string(198, 'x') + "µ");
    CHECK(duplicate_task(p, "nobody").empty());
    check_reopens_equal(p);
}

TEST_CASE("schedule edits: move up and down among siblings, subtasks along") {
    Plan p = small();
    CHECK_FALSE(can_move_task(p, "a", -1));
    CHECK(can_move_task(p, "a", +1));
    CHECK(move_task(p, "a", -1) == "\"a\" has no task above it at its level");
    CHECK(move_task(p, "s", -1) == "");
    CHECK(ids(p) == std::vector<std::string>{"a", "b", "s", "c", "d", "g"});
    CHECK(move_task(p, "d", -1) == "");  // within the summary
    CHECK(ids(p) == std::vector<std::string>{"a", "b", "s", "d", "c", "g"});
    CHECK_FALSE(can_move_task(p, "c", +1));  // last subtask
    CHECK(move_task(p, "nobody", 1) == "no task \"nobody\"");
    CHECK(in_outline_order(p));
    check_reopens_equal(p);
}

TEST_CASE("schedule edits: indent and outdent through the plan") {
    Plan p = small();
    CHECK(indent_task(p, "b") == "");
    CHECK(find(p, "b")->parent == "a");
    CHECK(find(p, "b")->predecessors.empty());  // its link to its new summary goes
    CHECK(outdent_task(p, "b") == "");
    CHECK(find(p, "b")->parent.empty());
    CHECK(indent_task(p, "s") == "\"g\" is a gate: only an ordinary task can have subtasks");
    check_reopens_equal(p);
}

TEST_CASE("schedule edits: a task's kind") {
    Plan p = small();
    CHECK(set_task_kind(p, "a", TaskKind::Milestone) == "");
    CHECK(find(p, "a")->most_likely == 0);
    CHECK(set_task_kind(p, "b", TaskKind::Gate) == "");
    CHECK(find(p, "b")->gate.pass_probability == 0.9);
    CHECK(set_task_kind(p, "s", TaskKind::Gate) == "\"s\" has subtasks: only an ordinary task can be a summary task");
    CHECK(find(p, "s")->kind == TaskKind::Task);
    CHECK(set_task_kind(p, "a", TaskKind::Task) == "");
    check_reopens_equal(p);
}

TEST_CASE("schedule edits: three-point durations keep O <= M <= P") {
    double o = 2, m = 4, pe = 6;
    CHECK(three_point_problem(o, m, pe, 0, 3) == "");
    CHECK(three_point_problem(o, m, pe, 0, 5) ==
          "optimistic 5 is longer than most likely 4 (leave the field to raise the others)");
    CHECK(three_point_problem(o, m, pe, 1, 1.5) ==
          "most likely 1.5 is shorter than optimistic 2 (leave the field to lower it)");
    CHECK(three_point_problem(o, m, pe, 2, -1) == "a duration is 0 to 10 000 working days");
    set_three_point(o, m, pe, 0, 5);
    CHECK((o == 5 && m == 5 && pe == 6));
    set_three_point(o, m, pe, 2, 1);
    CHECK((o == 1 && m == 1 && pe == 1));
    set_three_point(o, m, pe, 1, 1e9);  // clamped
    CHECK((o == 1 && m == 10000 && pe == 10000));

    Plan p = small();
    CHECK(set_task_duration(p, "a", 2, 1) == "");
    CHECK((find(p, "a")->optimistic == 1 && find(p, "a")->pessimistic == 1));
    CHECK(set_task_duration(p, "a", 1, std::nan("")) == "a duration is a number of working days");
    CHECK(set_task_duration(p, "a", 3, 1) != "");
    CHECK(set_rework_duration(p, "g", 0, 5) == "");
    CHECK(find(p, "g")->gate.rework == ThreePoint{5, 5, 5});
    set_task_kind(p, "a", TaskKind::Milestone);
    CHECK(set_task_duration(p, "a", 1, 3) == "a milestone has zero duration");
    check_reopens_equal(p);
}

TEST_CASE("schedule edits: links") {
    Plan p = small();
    CHECK(add_link(p, "c", "a") == "");
    CHECK(find(p, "c")->predecessors == std::vector<Dependency>{{"a"}});
    CHECK(add_link(p, "c", "a") == "\"a\" is a predecessor of \"c\" already");
    CHECK(add_link(p, "c", "c") == "a task cannot follow itself");
    CHECK(add_link(p, "c", "zz") == "no task \"zz\"");
    CHECK(set_link_type(p, "c", 0, LinkType::StartToStart) == "");
    CHECK(find(p, "c")->predecessors[0] == Dependency{"a", LinkType::StartToStart, 0});
    CHECK(set_link_type(p, "c", 5, LinkType::FinishToStart) == "\"c\" has no link 6");
    CHECK(set_link_predecessor(p, "c", 0, "b") == "");
    CHECK(find(p, "c")->predecessors[0].task_id == "b");
    CHECK(set_link_predecessor(p, "d", 0, "d") == "a task cannot follow itself");
    CHECK(remove_link(p, "c", 0) == "");
    CHECK(find(p, "c")->predecessors.empty());
    CHECK(remove_link(p, "c", 0) == "\"c\" has no link 1");
    check_reopens_equal(p);
}

TEST_CASE("schedule edits: gates") {
    Plan p = small();
    CHECK(set_gate_criterion(p, "g", true) == "");
    CHECK(find(p, "g")->gate.cpk.has_value());
    CHECK_FALSE(find(p, "g")->gate.pass_probability);
    CHECK(set_gate_criterion(p, "g", false) == "");
    REQUIRE(find(p, "g")->gate.pass_probability);
    CHECK(*find(p, "g")->gate.pass_probability == doctest::Approx(0.882).epsilon(0.01));  // Cpk 1.5, n 60, 1.33
    CHECK_FALSE(find(p, "g")->gate.cpk);
    CHECK(set_gate_criterion(p, "a", true) == "\"a\" is not a gate");
    CHECK(set_gate_repeat(p, "g", "b", false) == "");
    CHECK(find(p, "g")->gate.repeat == std::vector<std::string>{"g"});
    CHECK(set_gate_repeat(p, "g", "a", true) == "");
    CHECK(find(p, "g")->gate.repeat == std::vector<std::string>{"g", "a"});
    CHECK(set_gate_repeat(p, "g", "zz", true) == "no task \"zz\"");
    p.schedule.tasks[2].gate.max_loops = 0;
    CHECK(set_assume_first_fails(p, "g", true) == "");
    CHECK(p.schedule.tasks[2].gate.max_loops == 1);
    CHECK(p.schedule.tasks[2].gate.assume_first_fails);
    check_reopens_equal(p);
}

TEST_CASE("schedule edits: the article's template replaces the tasks and makes the partners it needs") {
    Plan p = small();
    TemplateApplication a;
    a.partner = {"p1", PartnerKind::Boutique, ""};
    a.options.second_partner_for_scale = true;
    a.second = {"", PartnerKind::FullServiceCM, "Second partner for scale"};
    a.start = *parse_iso_date("2027-03-01");
    CHECK(apply_template(p, a) == "");
    REQUIRE(p.decision.partners.size() == 2);
    CHECK(p.decision.partners[1].id == "partner-1");
    CHECK(p.decision.partners[1].kind == PartnerKind::FullServiceCM);
    CHECK(find(p, "t-dfmf")->partner_id == "p1");
    CHECK(find(p, "t-scale-ramp")->partner_id == "partner-1");
    CHECK(format_iso_date(*p.meta.start_date) == "2027-03-01");
    CHECK(p.schedule.tasks.size() == 8);
    check_reopens_equal(p);
    // Refused: no start date, bad options, an unknown partner — nothing changes.
    const std::string before = save_plan(p);
    a.start.reset();
    CHECK(apply_template(p, a) == "the schedule needs a start date");
    a.start = *parse_iso_date("2027-03-01");
    a.options.feature_count = 0;
    CHECK(apply_template(p, a) == "feature count must be at least 1");
    a.options.feature_count = 8;
    a.partner.id = "ghost";
    CHECK(apply_template(p, a) == "a partner picked for the template does not exist");
    CHECK(save_plan(p) == before);
}

TEST_CASE("schedule edits: calendars, and the references that follow them") {
    Plan p = small();
    const std::string cal = add_calendar(p);
    CHECK(cal == "cal1");
    CHECK(p.schedule.calendars[0].name == "Calendar 1");
    CHECK(p.schedule.calendars[0].calendar == p.schedule.calendar);
    CHECK(set_working_day(p, cal, 5, true) == "");
    CHECK(p.schedule.calendars[0].calendar.working[5]);
    CHECK(set_partner_calendar(p, "p1", cal) == "");
    CHECK(p.schedule.partner_calendars.at("p1") == cal);
    CHECK(set_partner_calendar(p, "p1", "nope") == "no calendar \"nope\"");
    CHECK(set_partner_calendar(p, "ghost", cal) == "no partner \"ghost\"");
    p.schedule.tasks[0].calendar = cal;
    const Date d = *parse_iso_date("2027-01-06");
    CHECK(add_holiday(p, cal, d) == "");
    CHECK(add_holiday(p, cal, d) == "");  // once only
    CHECK(p.schedule.calendars[0].calendar.holidays == std::vector<Date>{d});
    CHECK(remove_holiday(p, cal, d) == "");
    CHECK(p.schedule.calendars[0].calendar.holidays.empty());
    CHECK(add_holiday(p, "", d) == "");  // the project calendar
    CHECK(p.schedule.calendar.holidays == std::vector<Date>{d});
    check_reopens_equal(p);
    // The last working day stays.
    for (int w = 1; w < 7; ++w) set_working_day(p, "", w, false);
    CHECK(set_working_day(p, "", 0, false) == "at least one weekday must be a working day");
    CHECK(p.schedule.calendar.working[0]);
    // Deleting: its task and partner go back to the project calendar.
    delete_calendar(p, cal);
    CHECK(p.schedule.calendars.empty());
    CHECK(p.schedule.tasks[0].calendar.empty());
    CHECK(p.schedule.partner_calendars.empty());
    CHECK(set_partner_calendar(p, "p1", "") == "");
    check_reopens_equal(p);
}

// [SECTION] Every operation on every example ------------------------------------------------

namespace {

// One named operation on a plan, with the task (or "") it acts on; returns "" or why not.
struct Op {
    const char* name;
    std::function<std::string(Plan&, const std::string& task, const std::string& other)> run;
};

std::vector<Op> operations() {
    return {
        {"add task",
         [](Plan& p, const std::string& t, const std::string&) {
             add_task(p, TaskKind::Task, t);
             return std::string();
         }},
        {"add milestone",
         [](Plan& p, const std::string& t, const std::string&) {
             add_task(p, TaskKind::Milestone, t);
             return std::string();
         }},
        {"add gate",
         [](Plan& p, const std::string& t, const std::string&) {
             add_task(p, TaskKind::Gate, t);
             return std::string();
         }},
        {"delete",
         [](Plan& p, const std::string& t, const std::string&) {
             delete_task(p, t);
             return std::string();
         }},
        {"duplicate",
         [](Plan& p, const std::string& t, const std::string&) {
             duplicate_task(p, t);
             return std::string();
         }},
        {"move up", [](Plan& p, const std::string& t, const std::string&) { return move_task(p, t, -1); }},
        {"move down", [](Plan& p, const std::string& t, const std::string&) { return move_task(p, t, +1); }},
        {"indent", [](Plan& p, const std::string& t, const std::string&) { return indent_task(p, t); }},
        {"outdent", [](Plan& p, const std::string& t, const std::string&) { return outdent_task(p, t); }},
        {"kind task",
         [](Plan& p, const std::string& t, const std::string&) { return set_task_kind(p, t, TaskKind::Task); }},
        {"kind milestone",
         [](Plan& p, const std::string& t, const std::string&) { return set_task_kind(p, t, TaskKind::Milestone); }},
        {"kind gate",
         [](Plan& p, const std::string& t, const std::string&) { return set_task_kind(p, t, TaskKind::Gate); }},
        {"optimistic",
         [](Plan& p, const std::string& t, const std::string&) { return set_task_duration(p, t, 0, 12.5); }},
        {"most likely",
         [](Plan& p, const std::string& t, const std::string&) { return set_task_duration(p, t, 1, 0.5); }},
        {"pessimistic",
         [](Plan& p, const std::string& t, const std::string&) { return set_task_duration(p, t, 2, 40); }},
        {"rework", [](Plan& p, const std::string& t, const std::string&) { return set_rework_duration(p, t, 1, 9); }},
        {"add link", [](Plan& p, const std::string& t, const std::string& o) { return add_link(p, t, o); }},
        {"remove link", [](Plan& p, const std::string& t, const std::string&) { return remove_link(p, t, 0); }},
        {"link predecessor",
         [](Plan& p, const std::string& t, const std::string& o) { return set_link_predecessor(p, t, 0, o); }},
        {"link type",
         [](Plan& p, const std::string& t, const std::string&) {
             return set_link_type(p, t, 0, LinkType::FinishToFinish);
         }},
        {"gate cpk", [](Plan& p, const std::string& t, const std::string&) { return set_gate_criterion(p, t, true); }},
        {"gate typed",
         [](Plan& p, const std::string& t, const std::string&) { return set_gate_criterion(p, t, false); }},
        {"gate repeat on",
         [](Plan& p, const std::string& t, const std::string& o) { return set_gate_repeat(p, t, o, true); }},
        {"gate repeat off",
         [](Plan& p, const std::string& t, const std::string& o) { return set_gate_repeat(p, t, o, false); }},
        {"first fails",
         [](Plan& p, const std::string& t, const std::string&) { return set_assume_first_fails(p, t, true); }},
        {"add calendar",
         [](Plan& p, const std::string&, const std::string&) {
             add_calendar(p);
             return std::string();
         }},
        {"calendar on task",
         [](Plan& p, const std::string& t, const std::string&) {
             const std::string c = add_calendar(p);
             for (auto& x : p.schedule.tasks)
                 if (x.id == t) x.calendar = c;
             return std::string();
         }},
        {"delete calendar",
         [](Plan& p, const std::string&, const std::string&) {
             if (!p.schedule.calendars.empty()) delete_calendar(p, p.schedule.calendars.front().id);
             return std::string();
         }},
        {"partner calendar",
         [](Plan& p, const std::string&, const std::string&) {
             if (p.decision.partners.empty()) return std::string("no partner");
             return set_partner_calendar(p, p.decision.partners.front().id, add_calendar(p));
         }},
        {"saturday", [](Plan& p, const std::string&, const std::string&) { return set_working_day(p, "", 5, true); }},
        {"monday off",
         [](Plan& p, const std::string&, const std::string&) { return set_working_day(p, "", 0, false); }},
        {"holiday",
         [](Plan& p, const std::string&, const std::string&) {
             return add_holiday(p, "", *parse_iso_date("2027-02-03"));
         }},
        {"no holiday",
         [](Plan& p, const std::string&, const std::string&) {
             return remove_holiday(p, "", *parse_iso_date("2027-02-03"));
         }},
        {"template",
         [](Plan& p, const std::string&, const std::string&) {
             TemplateApplication a;
             a.partner = {p.decision.partners.empty() ? "" : p.decision.partners.front().id, PartnerKind::Boutique,
                          "Shop"};
             a.options.switch_partner_mid_project = true;
             a.switch_to = {"", PartnerKind::Other, "Replacement partner"};
             a.start = p.meta.start_date ? p.meta.start_date : parse_iso_date("2027-01-04");
             return apply_template(p, a);
         }},
    };
}

// Applies op; a refusal must leave the plan as it was; either way the plan reopens as itself.
void apply_checked(Plan& p, const Op& op, const std::string& task, const std::string& other, const std::string& where) {
    const std::string before = save_plan(p);
    const std::string why = op.run(p, task, other);
    if (!why.empty()) CHECK_MESSAGE(save_plan(p) == before, where << ": refused (" << why << ") but changed the plan");
    check_reopens_equal(p, where + " (" + (why.empty() ? "done" : why) + ")");
}

}  // namespace

TEST_CASE("schedule edits: every operation on every task of every example reopens equal") {
    for (const char* name : kExamples) {
        const Plan plan = example(name);
        std::vector<std::string> tasks = ids(plan);
        tasks.push_back("");            // no task selected
        tasks.push_back("not-a-task");  // an edit of a task deleted meanwhile
        for (const Op& op : operations())
            for (size_t i = 0; i < tasks.size(); ++i) {
                Plan p = plan;
                const std::string other = tasks.empty() ? "" : tasks[(i + 1) % tasks.size()];
                apply_checked(p, op, tasks[i], other, std::string(name) + ": " + op.name + " " + tasks[i]);
            }
    }
}

TEST_CASE("schedule edits: a seeded random sequence of operations keeps every example reopening equal") {
    const std::vector<Op> ops = operations();
    for (const char* name : kExamples) {
        Plan p = example(name);
        Rng rng(20261206);
        auto pick = [&](size_t n) { return static_cast<size_t>(rng.uniform() * static_cast<double>(n)); };
        for (int step = 0; step < 200; ++step) {
            const Op& op = ops[pick(ops.size())];
            std::vector<std::string> tasks = ids(p);
            tasks.push_back("");
            const std::string task = tasks[pick(tasks.size())];
            const std::string other = tasks[pick(tasks.size())];
            apply_checked(p, op, task, other,
                          std::string(name) + " step " + std::to_string(step) + ": " + op.name + " " + task);
            CHECK_MESSAGE(in_outline_order(p), name << " step " << step << ": " << op.name);
        }
    }
}
