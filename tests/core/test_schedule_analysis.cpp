// analyse_schedule (schedule_analysis.h): the one call the CLI and the Timeline view make. It
// must give what the separate stages give on the resolved section, stop at the first stage
// that fails with its issues, and run the Monte Carlo only when asked.
#include <doctest/doctest.h>

#include "links/measured_links.h"
#include "plan/plan_file.h"
#include "schedule/export.h"
#include "schedule/schedule_analysis.h"
#include "schedule/schedule_analysis_json.h"
#include "test_support.h"

using namespace mf;

namespace {

Plan example(const char* name) {
    LoadResult r = load_plan(test::read_file(std::string("assets/examples/") + name));
    REQUIRE_MESSAGE(r.plan.has_value(), (r.errors.empty() ? "" : to_string(r.errors[0])));
    return *r.plan;
}

}  // namespace

TEST_CASE("schedule analysis: the stages on the resolved section, the Monte Carlo only when asked") {
    const Plan plan = example("micro-gearbox.mfplan.json");  // a gate linked to measured data
    const ScheduleAnalysis a = analyse_schedule(plan);
    REQUIRE(a.ok());
    CHECK(a.issues.empty());
    CHECK_FALSE(a.mc);  // iterations 0: no Monte Carlo

    // By hand: resolve the links, then CPM and PERT on that section.
    const ResolvedSchedule rs = resolve_schedule_links(plan);
    REQUIRE_FALSE(rs.links.empty());
    CHECK(a.resolved.schedule == rs.schedule);
    CHECK_FALSE(a.resolved.schedule == plan.schedule);  // the measured Cpk replaced the typed one
    const ScheduleProblem problem{rs.schedule, *plan.meta.start_date, plan.meta.deadline};
    REQUIRE(a.problem);
    CHECK(*a.problem == problem);
    const CpmResult cpm = run_cpm({problem});
    REQUIRE(a.cpm);
    CHECK(a.cpm->finish == cpm.finish);
    CHECK(a.cpm->critical_path == cpm.critical_path);
    CHECK(a.cpm->finish_date == cpm.finish_date);
    REQUIRE(a.pert);
    CHECK(a.pert->expected_finish == run_pert({problem, std::nullopt}).expected_finish);
    REQUIRE(a.clock);
    CHECK(a.clock->origin() == cpm.origin);

    // With a Monte Carlo: the numbers of the job run on its own.
    const ScheduleAnalysis m = analyse_schedule(plan, {2000, 7});
    REQUIRE(m.ok());
    REQUIRE(m.mc);
    const McResult direct = run_schedule_monte_carlo({problem, 2000, 7});
    CHECK(m.mc->finish_sorted == direct.finish_sorted);
    CHECK(m.mc->p80 == direct.p80);
    CHECK(m.mc->seed == 7);
    REQUIRE(m.mc->gates.size() == direct.gates.size());
    for (size_t g = 0; g < direct.gates.size(); ++g)
        CHECK(m.mc->gates[g].pass_probability == direct.gates[g].pass_probability);

    // The JSON has every part; the exports take the analysis.
    const nlohmann::json j = schedule_analysis_json(m, plan.meta.name);
    CHECK(j["plan"] == plan.meta.name);
    CHECK(j["monte_carlo"]["iterations"] == 2000);
    CHECK(j["cpm"]["tasks"].size() == plan.schedule.tasks.size());
    CHECK(j["warnings"].is_array());
    const ScheduleExportInput in = schedule_export_input(plan, a);
    CHECK(in.cpm.ok());
    CHECK(in.title == plan.meta.name);
    CHECK(export_csv(in).rfind("\xEF\xBB\xBFid,name,kind,partner", 0) == 0);
}

TEST_CASE("schedule MC: what it samples leaves out task and calendar names, and its run is the problem's exactly") {
    const Plan plan = example("launch-timeline.mfplan.json");
    const ScheduleAnalysis a = analyse_schedule(plan);
    REQUIRE(a.problem);
    const ScheduleProblem& p = *a.problem;
    const ScheduleProblem sampled = sampled_problem(p);
    REQUIRE_FALSE(sampled.section.tasks.empty());
    for (size_t i = 0; i < p.section.tasks.size(); ++i) {
        CHECK(sampled.section.tasks[i].name.empty());
        CHECK(sampled.section.tasks[i].partner_id == p.section.tasks[i].partner_id);  // it chooses the calendar
    }
    const McResult x = run_schedule_monte_carlo({sampled, 2000, 5}), y = run_schedule_monte_carlo({p, 2000, 5});
    CHECK(x.finish_sorted == y.finish_sorted);
    REQUIRE(x.tasks.size() == y.tasks.size());
    for (size_t i = 0; i < x.tasks.size(); ++i) {
        CHECK(x.tasks[i].id == y.tasks[i].id);
        CHECK(x.tasks[i].criticality == y.tasks[i].criticality);
        CHECK(x.tasks[i].p80_finish == y.tasks[i].p80_finish);
    }
    ScheduleProblem renamed = p;
    renamed.section.tasks[0].name = "Design review, renamed";
    CHECK(sampled_problem(renamed) == sampled);
    ScheduleProblem longer = p;
    longer.section.tasks[0].pessimistic += 1;
    CHECK_FALSE(sampled_problem(longer) == sampled);
}

TEST_CASE("schedule analysis: each stage stops the next, with its issues at JSON Pointers") {
    Plan plan = example("launch-timeline.mfplan.json");
    // No start date: nothing but the issue.
    Plan no_start = plan;
    no_start.meta.start_date.reset();
    const ScheduleAnalysis a = analyse_schedule(no_start, {100, 1});
    CHECK_FALSE(a.ok());
    REQUIRE(a.issues.size() == 1);
    CHECK(a.issues[0].where == "/project/start_date");
    CHECK(a.text(a.issues[0]) == "(project.start_date): the plan has no start date: the schedule needs one");
    CHECK_FALSE(a.problem);
    CHECK_FALSE(a.cpm);
    CHECK_FALSE(a.mc);
    const ScheduleExportInput in = schedule_export_input(no_start, a);
    CHECK_FALSE(in.cpm.ok());
    CHECK(export_mspdi(in).empty());

    // A cycle: the problem and its clock, no CPM, no Monte Carlo.
    Plan cycle = plan;
    cycle.schedule.tasks[0].predecessors.push_back({cycle.schedule.tasks.back().id});
    const ScheduleAnalysis c = analyse_schedule(cycle, {100, 1});
    CHECK_FALSE(c.ok());
    CHECK(c.problem);
    CHECK(c.clock);
    CHECK_FALSE(c.cpm);
    CHECK_FALSE(c.pert);
    CHECK_FALSE(c.mc);
    REQUIRE_FALSE(c.issues.empty());
    CHECK(c.text(c.issues[0]).find("dependency cycle") != std::string::npos);
    CHECK(issue_task_index(c.issues[0]) >= 0);

    // Too many iterations for the tasks: the CPM stands, the Monte Carlo's option is the error.
    const ScheduleAnalysis big = analyse_schedule(plan, {10000000, 1});
    CHECK_FALSE(big.ok());
    CHECK(big.cpm);
    REQUIRE(big.mc);
    CHECK_FALSE(big.mc->ok());
    CHECK(big.issues[0].where == "iterations");
    CHECK(big.text(big.issues[0]).rfind("(iterations): too many iterations for 9 tasks", 0) == 0);
}

TEST_CASE("schedule analysis: warnings come after errors and keep their severity") {
    Plan plan = example("launch-timeline.mfplan.json");
    // A lead longer than the predecessor's optimistic duration: allowed, warned about.
    Task& t = plan.schedule.tasks[1];
    REQUIRE_FALSE(t.predecessors.empty());
    t.predecessors[0].lag = -50;
    const ScheduleAnalysis a = analyse_schedule(plan);
    CHECK(a.ok());
    REQUIRE(a.issues.size() == 1);
    CHECK(a.issues[0].severity == Severity::Warning);
    CHECK(a.issues[0].where == "/schedule/tasks/1/predecessors/0/lag");
    CHECK(a.text(a.issues[0]).rfind("task \"" + t.id + "\" (predecessors/0/lag): a lead of 50 working days", 0) == 0);
}
