// Schedule issues as JSON Pointers (schedule_issue.h), and the text `mfplan schedule` prints for
// them. The expected texts were printed by the CLI's formatter before issues became pointers
// (task_id + field): the same broken schedules must read exactly as they did.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "schedule/monte_carlo.h"
#include "schedule/network.h"
#include "schedule/outline.h"
#include "schedule/schedule_issue.h"

using namespace mf;

namespace {

Task T(const std::string& id, double o, double m, double p) {
    Task t;
    t.id = id;
    t.name = id;
    t.optimistic = o;
    t.most_likely = m;
    t.pessimistic = p;
    return t;
}

// "E text" per error, then "W text" per warning, as the old formatter wrote them.
std::vector<std::string> texts(const ScheduleSection& s) {
    const Network n = compile_network(s);
    std::vector<std::string> out;
    for (const auto& e : n.errors) {
        CHECK(e.severity == Severity::Error);
        out.push_back("E " + schedule_issue_text(e, s));
    }
    for (const auto& w : n.warnings) {
        CHECK(w.severity == Severity::Warning);
        out.push_back("W " + schedule_issue_text(w, s));
    }
    return out;
}

}  // namespace

TEST_CASE("schedule issues: every message of the network reads as the CLI always printed it") {
    {  // empty
        ScheduleSection s;
        CHECK(texts(s) ==
              std::vector<std::string>{
                  "E (tasks): the schedule has no tasks",
              });
    }
    {  // ids
        ScheduleSection s;
        s.tasks = {T("", 1, 2, 3), T("a", 1, 2, 3), T("a", 3, 2, 1)};
        s.calendar.working.fill(false);
        CHECK(texts(s) ==
              std::vector<std::string>{
                  "E task \"#1\" (id): a task has no id",
                  "E task \"a\" (id): duplicate task id",
                  "E (calendar/working_days): no weekday is a working day",
                  "E task \"a\" (optimistic): optimistic 3 is longer than most_likely 2",
                  "E task \"a\" (pessimistic): pessimistic 1 is shorter than most_likely 2",
              });
    }
    {  // durations
        ScheduleSection s;
        s.tasks = {T("a", -1, 2, 3), T("b", 1, 2, 1e9), T("m", 1, 1, 1)};
        s.tasks[2].kind = TaskKind::Milestone;
        CHECK(texts(s) ==
              std::vector<std::string>{
                  "E task \"a\" (optimistic): duration -1 is not a number of working days in [0, 10000]",
                  "E task \"b\" (pessimistic): duration 1000000000 is not a number of working days in [0, 10000]",
                  "E task \"m\" (most_likely): a milestone has zero duration",
              });
    }
    {  // links
        ScheduleSection s;
        s.tasks = {T("a", 1, 2, 3), T("b", 1, 2, 3)};
        s.tasks[1].predecessors = {{"zz"}, {"b"}, {"a", LinkType::FinishToStart, 1e6}, {"a"}, {"a"}};
        CHECK(texts(s) ==
              std::vector<std::string>{
                  "E task \"b\" (predecessors/0): predecessor \"zz\" does not exist",
                  "E task \"b\" (predecessors/1): dependency cycle: \"b\" depends on itself",
                  "E task \"b\" (predecessors/2/lag): lag 1000000 is not a number of working days in [-10000, 10000]",
                  "E task \"b\" (predecessors/3): predecessor \"a\" is listed twice",
                  "E task \"b\" (predecessors/4): predecessor \"a\" is listed twice",
              });
    }
    {  // leads
        ScheduleSection s;
        s.tasks = {T("a", 1, 2, 3), T("b", 1, 2, 3), T("c", 5, 6, 7)};
        s.tasks[1].predecessors = {{"a", LinkType::FinishToStart, -5}};
        s.tasks[2].predecessors = {{"a", LinkType::FinishToFinish, -20}};
        CHECK(texts(s) ==
              std::vector<std::string>{
                  "W task \"b\" (predecessors/0/lag): a lead of 5 working days exceeds \"a\"'s optimistic duration: "
                  "this task may start before its predecessor starts",
                  "W task \"c\" (predecessors/0/lag): a finish-to-finish lead longer than this task: it may finish "
                  "before its predecessor starts",
              });
    }
    {  // summary links
        ScheduleSection s;
        s.tasks = {T("s", 0, 0, 0), T("c1", 1, 2, 3), T("x", 1, 2, 3)};
        s.tasks[1].parent = "s";
        s.tasks[2].predecessors = {{"s", LinkType::StartToStart}};
        s.tasks[0].predecessors = {{"x", LinkType::FinishToFinish}};
        s.tasks[1].predecessors = {{"s"}};
        CHECK(texts(s) ==
              std::vector<std::string>{
                  "E task \"s\" (predecessors/0): \"s\" is a summary task: a finish-to-finish link to a summary task "
                  "is not supported (use FS or SS, or link its last subtask)",
                  "E task \"c1\" (predecessors/0): a summary task cannot be linked with its own subtask (\"s\" and "
                  "\"c1\")",
                  "E task \"x\" (predecessors/0): predecessor \"s\" is a summary task: a start-to-start link from a "
                  "summary task is not supported (link from its first subtask)",
              });
    }
    {  // gate
        ScheduleSection s;
        s.tasks = {T("s", 0, 0, 0), T("c1", 1, 2, 3), T("g", 0, 1, 2)};
        s.tasks[1].parent = "s";
        s.tasks[2].kind = TaskKind::Gate;
        s.tasks[2].gate.pass_probability = 2;
        s.tasks[2].gate.cpk = CpkCriterion{1, 1, 1};
        s.tasks[2].gate.repeat = {"s", "nope", "c1"};
        s.tasks[2].gate.max_loops = 200;
        s.tasks[2].gate.rework = {3, 2, 1};
        CHECK(texts(s) ==
              std::vector<std::string>{
                  "E task \"g\" (gate): give either pass_probability or cpk, not both",
                  "E task \"g\" (gate/pass_probability): pass probability 2 is not in [0, 1]",
                  "E task \"g\" (gate/rework/optimistic): optimistic 3 is longer than most_likely 2",
                  "E task \"g\" (gate/rework/pessimistic): pessimistic 1 is shorter than most_likely 2",
                  "E task \"g\" (gate/max_loops): loop limit 200 is not in [0, 100]",
                  "E task \"g\" (gate/repeat/0): \"s\" is a summary task: list its subtasks to repeat instead",
                  "E task \"g\" (gate/repeat/1): task \"nope\" to repeat does not exist",
              });
    }
    {  // gate cpk
        ScheduleSection s;
        s.tasks = {T("g", 0, 1, 2)};
        s.tasks[0].kind = TaskKind::Gate;
        s.tasks[0].gate.cpk = CpkCriterion{1, 1, 1};
        s.tasks[0].gate.max_loops = 0;
        s.tasks[0].gate.assume_first_fails = true;
        CHECK(texts(s) ==
              std::vector<std::string>{
                  "E task \"g\" (gate/cpk): Cpk sample size must be at least 2 parts",
                  "E task \"g\" (gate/max_loops): assume_first_fails needs max_loops >= 1",
                  "W task \"g\" (gate/rework): a failure costs no time (no rework duration, nothing to repeat)",
              });
    }
    {  // gate warnings
        ScheduleSection s;
        s.tasks = {T("g", 0, 1, 2), T("t", 1, 2, 3)};
        s.tasks[0].kind = TaskKind::Gate;
        s.tasks[0].gate.pass_probability = 0;
        s.tasks[1].gate.pass_probability = 0.5;
        CHECK(texts(s) ==
              std::vector<std::string>{
                  "W task \"g\" (gate/pass_probability): the gate never passes: every run takes all 3 rework loops",
                  "W task \"g\" (gate/rework): a failure costs no time (no rework duration, nothing to repeat)",
                  "W task \"t\" (gate): gate settings are ignored: the task is not of kind gate",
              });
    }
    {  // gate none
        ScheduleSection s;
        s.tasks = {T("g", 0, 1, 2)};
        s.tasks[0].kind = TaskKind::Gate;
        CHECK(texts(s) ==
              std::vector<std::string>{
                  "E task \"g\" (gate): a gate needs a pass probability or a Cpk criterion",
              });
    }
    {  // gate free fail
        ScheduleSection s;
        s.tasks = {T("g", 0, 1, 2)};
        s.tasks[0].kind = TaskKind::Gate;
        s.tasks[0].gate.pass_probability = 0.5;
        CHECK(texts(s) ==
              std::vector<std::string>{
                  "W task \"g\" (gate/rework): a failure costs no time (no rework duration, nothing to repeat)",
              });
    }
    {  // cycle
        ScheduleSection s;
        s.tasks = {T("a", 1, 2, 3), T("b", 1, 2, 3), T("c", 1, 2, 3)};
        s.tasks[0].predecessors = {{"c"}};
        s.tasks[1].predecessors = {{"a"}};
        s.tasks[2].predecessors = {{"b"}};
        CHECK(texts(s) ==
              std::vector<std::string>{
                  "E task \"b\" (predecessors): dependency cycle: \"b\" → \"c\" → \"a\" → \"b\"",
              });
    }
    {  // outline
        ScheduleSection s;
        s.tasks = {T("a", 1, 2, 3), T("b", 1, 2, 3), T("m", 0, 0, 0)};
        s.tasks[0].parent = "b";
        s.tasks[1].parent = "a";
        s.tasks[2].kind = TaskKind::Milestone;
        s.tasks[0].calendar = "q";
        CHECK(texts(s) ==
              std::vector<std::string>{
                  "E task \"a\" (calendar): calendar \"q\" does not exist",
                  "E task \"a\" (parent): parent cycle: \"a\" → \"b\" → \"a\" (each task's parent follows it)",
              });
    }
    {  // calendars
        ScheduleSection s;
        s.tasks = {T("a", 1, 2, 3), T("b", 1, 2, 3)};
        s.tasks[1].parent = "m";
        s.tasks[0].partner_id = "p";
        s.partner_calendars["p"] = "nocal";
        NamedCalendar c;
        c.id = "c";
        c.calendar.working.fill(false);
        s.calendars = {c, c};
        CHECK(texts(s) ==
              std::vector<std::string>{
                  "E (calendars/0/working_days): calendar \"c\": no weekday is a working day",
                  "E (calendars/1/id): duplicate calendar id \"c\"",
                  "E (calendars/1/working_days): calendar \"c\": no weekday is a working day",
                  "E task \"a\" (partner (calendar of partner \"p\" in partner_calendars)): calendar \"nocal\" does "
                  "not exist",
                  "E task \"b\" (parent): parent \"m\" does not exist",
              });
    }
    {  // milestone parent
        ScheduleSection s;
        s.tasks = {T("a", 1, 2, 3), T("m", 0, 0, 0)};
        s.tasks[0].parent = "m";
        s.tasks[1].kind = TaskKind::Milestone;
        CHECK(texts(s) ==
              std::vector<std::string>{
                  "E task \"a\" (parent): parent \"m\" is a milestone: only an ordinary task (kind \"task\") can have "
                  "subtasks",
              });
    }
}

TEST_CASE("schedule issues: pointers, the task index, and the Monte Carlo's options") {
    ScheduleSection s;
    s.tasks = {T("a", 1, 2, 3), T("b", 3, 2, 1)};
    const Network n = compile_network(s);
    REQUIRE(n.errors.size() == 2);
    CHECK(n.errors[0].where == "/schedule/tasks/1/optimistic");
    CHECK(issue_task_index(n.errors[0]) == 1);
    CHECK(issue_task_index(Issue{"/schedule/tasks", "x"}) == -1);
    CHECK(issue_task_index(Issue{"/schedule/tasks/12", "x"}) == 12);
    CHECK(issue_task_index(Issue{"/schedule/tasks/x1/id", "x"}) == -1);
    CHECK(issue_task_index(Issue{"/project/start_date", "x"}) == -1);
    CHECK(schedule_issue_text(Issue{"/project/start_date", "no start"}, s) == "(project.start_date): no start");
    CHECK(schedule_issue_text(Issue{"", "whole plan"}, s) == "whole plan");
    CHECK(schedule_issue_text(Issue{"/schedule/tasks/7/id", "gone"}, s) == "(id): gone");  // no such task any more

    ScheduleProblem p;
    p.section.tasks = {T("a", 1, 2, 3), T("b", 1, 2, 3), T("c", 1, 2, 3)};
    p.start = *parse_iso_date("2027-01-04");
    const McResult big = run_schedule_monte_carlo({p, 10000000, 1});
    REQUIRE(big.errors.size() == 1);
    CHECK(schedule_issue_text(big.errors[0], p.section) ==
          "(iterations): too many iterations for 3 tasks: iterations × tasks must stay below 25 000 000 (memory)");
    const McResult none = run_schedule_monte_carlo({p, 0, 1});
    REQUIRE(none.errors.size() == 1);
    CHECK(schedule_issue_text(none.errors[0], p.section) ==
          "(iterations): iterations must be between 1 and 10 000 000 (got 0)");
}

TEST_CASE("schedule issues: an outline change refused names the new problem as before") {
    auto leaf = [](const std::string& id) { return T(id, 1, 2, 3); };
    ScheduleSection s;
    s.tasks = {leaf("c"), leaf("a"), leaf("b")};
    s.tasks[1].predecessors = {{"c", LinkType::FinishToFinish}, {"zz"}};  // "zz": an old problem, not a new one
    CHECK(indent_task(s, "b") ==
          "it would give task \"a\" (predecessors/0): \"a\" is a summary task: a finish-to-finish "
          "link to a summary task is not supported (use FS or SS, or link its last subtask)");
    CHECK(s.tasks[2].parent.empty());
}
