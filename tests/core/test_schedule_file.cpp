// The timeline section in the plan file (round trip, shorthand, errors at their JSON paths),
// the article template, and the exports (MSPDI, iCalendar, CSV, Mermaid) checked field by field.
#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "plan/plan_file.h"
#include "schedule/export.h"
#include "schedule/monte_carlo.h"
#include "schedule/template.h"
#include "test_support.h"

using namespace mf;

namespace {

std::string plan_text(const std::string& schedule) {
    return R"({"format": "microfab-plan", "version": 1, "project": {"name": "T", "units": "mm", "start_date": "2027-01-04"},
               "schedule": )" +
        schedule + "}";
}

bool has_error(const LoadResult& r, const std::string& where, const std::string& text) {
    for (const auto& e : r.errors)
        if (e.where == where && e.message.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("schedule file: every field survives the round trip; plain ids are FS with zero lag") {
    const std::string text = plan_text(R"({
        "calendar": {"working_days": ["mon", "tue", "wed", "thu", "sat"], "holidays": ["2027-01-06", "2027-01-01"]},
        "tasks": [
          {"id": "a", "name": "A", "optimistic": 1, "most_likely": 2, "pessimistic": 4, "distribution": "triangular"},
          {"id": "b", "name": "B", "optimistic": 1, "most_likely": 2, "pessimistic": 4,
           "predecessors": ["a", {"task": "c", "type": "SS", "lag": -1.5}], "target": "2027-02-01"},
          {"id": "c", "name": "C", "kind": "gate", "predecessors": [{"task": "a", "type": "FF"}],
           "gate": {"cpk": {"estimate": 1.4, "sample_size": 50}, "repeat": ["a"], "rework": {"optimistic": 1, "most_likely": 2, "pessimistic": 3},
                    "max_loops": 4, "assume_first_fails": true}},
          {"id": "m", "name": "M", "kind": "milestone", "predecessors": ["b"]}
        ]})");
    LoadResult r = load_plan(text);
    REQUIRE_MESSAGE(r.errors.empty(), (r.errors.empty() ? "" : to_string(r.errors[0])));
    const ScheduleSection& s = r.plan->schedule;
    CHECK(s.calendar.working == std::array<bool, 7>{true, true, true, true, false, true, false});
    CHECK(s.calendar.holidays.size() == 2);
    CHECK(s.tasks[0].distribution == DurationDistribution::Triangular);
    CHECK(s.tasks[1].distribution == DurationDistribution::Pert);  // the default
    CHECK(s.tasks[1].predecessors[0] == Dependency{"a", LinkType::FinishToStart, 0});
    CHECK(s.tasks[1].predecessors[1] == Dependency{"c", LinkType::StartToStart, -1.5});
    CHECK(format_iso_date(*s.tasks[1].target) == "2027-02-01");
    CHECK(s.tasks[2].kind == TaskKind::Gate);
    CHECK(s.tasks[2].most_likely == 0);
    CHECK(s.tasks[2].predecessors[0].type == LinkType::FinishToFinish);
    CHECK(s.tasks[2].gate.cpk->threshold == 1.33);  // the default threshold
    CHECK(s.tasks[2].gate.max_loops == 4);
    CHECK(s.tasks[2].gate.assume_first_fails);
    CHECK(s.tasks[3].kind == TaskKind::Milestone);

    const std::string saved = save_plan(*r.plan);
    LoadResult again = load_plan(saved);
    REQUIRE(again.plan);
    CHECK(save_plan(*again.plan) == saved);
    const nlohmann::json doc = nlohmann::json::parse(saved);
    CHECK(doc["schedule"]["tasks"][1]["predecessors"][0] == "a");  // the shorthand is kept
    CHECK(doc["schedule"]["tasks"][1]["predecessors"][1]["type"] == "SS");
    CHECK(again.plan->schedule.tasks[1].predecessors == s.tasks[1].predecessors);
}

TEST_CASE("schedule file: bad values are reported at their JSON paths") {
    struct Case {
        const char* schedule;
        const char* where;
        const char* text;
    };
    const Case cases[] = {
        {R"({"tasks": [{"id": "a", "name": "A", "optimistic": 5, "most_likely": 4, "pessimistic": 3}]})",
         "/schedule/tasks/0", "optimistic <= most_likely <= pessimistic (found 5, 4, 3)"},
        {R"({"tasks": [{"id": "a", "name": "A", "optimistic": 1, "most_likely": 2}]})", "/schedule/tasks/0/pessimistic",
         "missing"},
        {R"({"tasks": [{"id": "a", "name": "A", "kind": "gate"}]})", "/schedule/tasks/0/gate", "needs"},
        {R"({"tasks": [{"id": "a", "name": "A", "optimistic": 1, "most_likely": 1, "pessimistic": 1, "gate": {"pass_probability": 1}}]})",
         "/schedule/tasks/0/gate", "only a task of kind \"gate\""},
        {R"({"tasks": [{"id": "a", "name": "A", "kind": "gate", "gate": {"pass_probability": 0.5, "cpk": {"estimate": 1, "sample_size": 9}}}]})",
         "/schedule/tasks/0/gate", "not both"},
        {R"({"tasks": [{"id": "a", "name": "A", "kind": "milestone", "most_likely": 2, "pessimistic": 2}]})",
         "/schedule/tasks/0", "zero duration"},
        {R"({"tasks": [{"id": "a", "name": "A", "optimistic": 1, "most_likely": 1, "pessimistic": 1}, {"id": "b", "name": "B", "optimistic": 1, "most_likely": 1, "pessimistic": 1, "predecessors": [{"task": "a", "type": "FX"}]}]})",
         "/schedule/tasks/1/predecessors/0/type", "accepted: FS, SS, FF, SF"},
        {R"({"tasks": [{"id": "a", "name": "A", "optimistic": 1, "most_likely": 1, "pessimistic": 1}, {"id": "b", "name": "B", "optimistic": 1, "most_likely": 1, "pessimistic": 1, "predecessors": [{"task": "a", "lag": 20000}]}]})",
         "/schedule/tasks/1/predecessors/0/lag", "out of range"},
        {R"({"tasks": [{"id": "a", "name": "A", "optimistic": 1, "most_likely": 1, "pessimistic": 1}, {"id": "b", "name": "B", "optimistic": 1, "most_likely": 1, "pessimistic": 1, "predecessors": ["a", "a"]}]})",
         "/schedule/tasks/1/predecessors/1", "listed twice"},
        {R"({"tasks": [{"id": "a", "name": "A", "kind": "gate", "gate": {"pass_probability": 0.5, "repeat": ["ghost"]}}]})",
         "/schedule/tasks/0/gate/repeat/0", "task \"ghost\", which does not exist"},
        {R"({"tasks": [{"id": "a", "name": "A", "kind": "gate", "gate": {"pass_probability": 0.5, "max_loops": 0, "assume_first_fails": true}}]})",
         "/schedule/tasks/0/gate/max_loops", "needs max_loops >= 1"},
        {R"({"calendar": {"working_days": ["monday"]}, "tasks": []})", "/schedule/calendar/working_days/0",
         "expected a weekday"},
        {R"({"calendar": {"working_days": []}, "tasks": []})", "/schedule/calendar/working_days",
         "at least one weekday"},
        {R"({"calendar": {"holidays": ["2027-02-30"]}, "tasks": []})", "/schedule/calendar/holidays/0", "YYYY-MM-DD"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.schedule);
        LoadResult r = load_plan(plan_text(c.schedule));
        CHECK_FALSE(r.plan);
        CHECK_MESSAGE(has_error(r, c.where, c.text), (r.errors.empty() ? "no error" : to_string(r.errors[0])));
    }
}

TEST_CASE("template: the shared example is the article's boutique path") {
    LoadResult r = load_plan(test::read_file("assets/examples/micro-gearbox.mfplan.json"));
    REQUIRE(r.plan);
    TemplateOptions o;
    o.partner_kind = PartnerKind::Boutique;
    o.partner_id = "boutique";
    o.samples_target = date_from_ymd(2027, 3, 26);
    o.production_target = date_from_ymd(2027, 4, 2);
    TemplateResult t = build_article_template(o);
    REQUIRE(t.errors.empty());
    // Written out by the plan-file writer, the template and the example are the same section.
    Plan from_template = *r.plan;
    from_template.schedule = t.section;
    // ... except that the example's pilot gate takes its Cpk from the pilot-run data (measured link).
    for (auto& task : from_template.schedule.tasks)
        if (task.id == "t-pilot" && task.gate.cpk) task.gate.cpk->measured = CpkSource{"d-pilot-run", "f-run-bore"};
    CHECK(save_plan(from_template) == save_plan(*r.plan));
    // The article's figures: DFμF 3–5 days, boutique first article ≈ 2 weeks, pilot 3–6 weeks with
    // the Cpk ≥ 1.33 gate, ramp 4–8 weeks.
    const auto& s = t.section.tasks;
    CHECK(s[0].optimistic == 3);
    CHECK(s[0].pessimistic == 5);
    CHECK(s[1].most_likely == 10);
    CHECK(s[2].optimistic == 15);
    CHECK(s[2].pessimistic == 30);
    CHECK(s[2].gate.cpk->threshold == 1.33);
    CHECK(s[3].optimistic == 20);
    CHECK(s[3].pessimistic == 40);
}

TEST_CASE("template: partner kinds and options") {
    TemplateOptions cm;
    cm.partner_kind = PartnerKind::FullServiceCM;
    cm.feature_count = 12;
    TemplateResult c = build_article_template(cm);
    REQUIRE(c.errors.empty());
    CHECK(c.section.tasks[0].optimistic == 8);  // +1 week for 10 or more features
    CHECK(c.section.tasks[0].pessimistic == 10);
    CHECK(c.section.tasks[1].most_likely == 40);  // CM ≈ 8 weeks to first article

    TemplateOptions all;
    all.partner_id = "boutique";
    all.assume_first_batch_fails = true;
    all.switch_partner_mid_project = true;
    all.switch_to_partner_id = "cm";
    all.second_partner_for_scale = true;
    all.second_partner_id = "cm2";
    TemplateResult a = build_article_template(all);
    REQUIRE(a.errors.empty());
    std::map<std::string, const Task*> by;
    for (const auto& x : a.section.tasks) by[x.id] = &x;
    CHECK(by["t-first-article"]->gate.assume_first_fails);
    CHECK(by["t-switch"]->most_likely == 30);  // switching partner: +4–8 weeks
    CHECK(by["t-switch"]->optimistic == 20);
    CHECK(by["t-switch"]->pessimistic == 40);
    CHECK(by["t-pilot"]->predecessors[0].task_id == "t-switch");
    CHECK(by["t-pilot"]->partner_id == "cm");
    CHECK(by["m-production"]->predecessors.size() == 2);  // the two ramps merge
    ScheduleProblem p{a.section, date_from_ymd(2027, 1, 4), std::nullopt};
    CHECK(run_cpm({p}).ok());
    CHECK(run_schedule_monte_carlo({p, 200, 1}).ok());

    TemplateOptions bad;
    bad.second_partner_for_scale = true;
    CHECK_FALSE(build_article_template(bad).errors.empty());
}

namespace {

ScheduleExportInput small_export() {
    ScheduleExportInput in;
    in.title = "Demo: \"small\" plan";
    in.problem.start = date_from_ymd(2027, 1, 4);
    in.problem.deadline = date_from_ymd(2027, 1, 29);
    in.problem.section.calendar.holidays = {date_from_ymd(2027, 1, 13)};
    auto add = [&](const char* id, const char* name, TaskKind kind, double d, std::vector<Dependency> preds) {
        Task t;
        t.id = id;
        t.name = name;
        t.kind = kind;
        t.optimistic = t.most_likely = t.pessimistic = d;
        t.predecessors = std::move(preds);
        t.partner_id = kind == TaskKind::Milestone ? "" : "p1";
        in.problem.section.tasks.push_back(std::move(t));
    };
    add("a", "Design, review", TaskKind::Task, 5, {});
    add("b", "Half: a \"quote\"", TaskKind::Task, 2.5, {{"a"}});
    add("c", "Overlap", TaskKind::Task, 3, {{"a", LinkType::StartToStart, 2}, {"b", LinkType::FinishToFinish, 1}});
    add("m", "Done", TaskKind::Milestone, 0, {{"b"}, {"c"}});
    in.problem.section.tasks[3].target = date_from_ymd(2027, 1, 15);
    in.partner_names = {{"p1", "Shop, Inc."}};
    in.dtstamp = "20270101T120000Z";
    in.cpm = run_cpm({in.problem});
    return in;
}

std::vector<std::string> split_crlf(const std::string& s) {
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos < s.size()) {
        size_t e = s.find("\r\n", pos);
        if (e == std::string::npos) e = s.size();
        out.push_back(s.substr(pos, e - pos));
        pos = e + 2;
    }
    return out;
}

}  // namespace

TEST_CASE("exports: MSPDI fields, units and link codes") {
    ScheduleExportInput in = small_export();
    REQUIRE(in.cpm.ok());
    // By hand (Mon 4 Jan = day 0, holiday Wed 13 Jan): a 0–5 (Mon 4–Fri 8); b 5–7.5 (Mon 11 08:00 –
    // Thu 14 12:00, the 13th skipped); c: SS a+2 → 2, FF b+1 → EF >= 8.5 → ES 5.5, EF 8.5
    // (Mon 11 13:00 – Fri 15 12:00); m at 8.5 (Fri 15 12:00).
    const std::string x = export_mspdi(in);
    CHECK(x.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Project "
                  "xmlns=\"http://schemas.microsoft.com/project\">",
                  0) == 0);
    CHECK(x.find("<Title>Demo: &quot;small&quot; plan</Title>") != std::string::npos);
    CHECK(x.find("<Start>2027-01-04T08:00:00</Start>\n      <Finish>2027-01-08T17:00:00</Finish>\n      "
                 "<Duration>PT40H0M0S</Duration>") != std::string::npos);
    CHECK(x.find("<Start>2027-01-11T08:00:00</Start>\n      <Finish>2027-01-14T12:00:00</Finish>\n      "
                 "<Duration>PT20H0M0S</Duration>") != std::string::npos);
    CHECK(x.find("<Start>2027-01-11T13:00:00</Start>\n      <Finish>2027-01-15T12:00:00</Finish>\n      "
                 "<Duration>PT24H0M0S</Duration>") != std::string::npos);
    CHECK(x.find("<Start>2027-01-15T12:00:00</Start>\n      <Finish>2027-01-15T12:00:00</Finish>\n      "
                 "<Duration>PT0H0M0S</Duration>\n      <DurationFormat>7</DurationFormat>\n      "
                 "<Milestone>1</Milestone>") != std::string::npos);
    CHECK(x.find("<PredecessorUID>1</PredecessorUID>\n        <Type>3</Type>\n        <CrossProject>0</CrossProject>\n "
                 "       <LinkLag>9600</LinkLag>\n        <LagFormat>7</LagFormat>") !=
          std::string::npos);  // SS + 2 days
    CHECK(x.find("<PredecessorUID>2</PredecessorUID>\n        <Type>0</Type>\n        <CrossProject>0</CrossProject>\n "
                 "       <LinkLag>4800</LinkLag>") != std::string::npos);  // FF + 1 day
    CHECK(x.find("<Contact>Shop, Inc.</Contact>") != std::string::npos);
    CHECK(x.find("<Deadline>2027-01-15T17:00:00</Deadline>") != std::string::npos);
    CHECK(x.find("<FromDate>2027-01-13T00:00:00</FromDate>") != std::string::npos);
    CHECK(x.find("<MinutesPerWeek>2400</MinutesPerWeek>") != std::string::npos);
    CHECK(x.find("<Name>Design, review</Name>") != std::string::npos);

    ScheduleExportInput broken = in;
    broken.cpm.errors.push_back({"", "x"});
    CHECK(export_mspdi(broken).empty());
    CHECK(export_ics(broken).empty());
}

TEST_CASE("exports: iCalendar lines, folding and escaping") {
    ScheduleExportInput in = small_export();
    in.problem.section.tasks[3].name = "Done; ready, really \\ " + std::string(40, 'x') + "µµµµµµµµµµµµµµµµµµµµ";
    in.cpm = run_cpm({in.problem});
    const std::string ics = export_ics(in);
    const auto lines = split_crlf(ics);
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    std::string unfolded;
    for (const auto& l : lines) {
        CHECK(l.size() <= 75);
        // A continuation never starts in the middle of a UTF-8 sequence.
        if (l.size() > 1 && l[0] == ' ') CHECK((static_cast<unsigned char>(l[1]) & 0xC0) != 0x80);
        if (!l.empty() && l[0] == ' ')
            unfolded += l.substr(1);
        else
            unfolded += (unfolded.empty() ? "" : "\n") + l;
    }
    CHECK(unfolded.find("SUMMARY:Milestone: Done\\; ready\\, really \\\\ xxxx") != std::string::npos);
    CHECK(unfolded.find("µµµµµµµµµµµµµµµµµµµµ\n") != std::string::npos);
    CHECK(unfolded.find("DTSTART;VALUE=DATE:20270115\nDTEND;VALUE=DATE:20270116") != std::string::npos);
    CHECK(unfolded.find("DTSTAMP:20270101T120000Z") != std::string::npos);
    CHECK(unfolded.find("SUMMARY:Deadline (market window)") != std::string::npos);
    CHECK(unfolded.find("DTSTART;VALUE=DATE:20270129") != std::string::npos);
}

TEST_CASE("exports: CSV quoting and Mermaid block") {
    ScheduleExportInput in = small_export();
    const std::string csv = export_csv(in);
    const auto rows = split_crlf(csv);
    REQUIRE(rows.size() == 5);
    CHECK(rows[0].rfind("\xEF\xBB\xBFid,name,kind,partner,", 0) == 0);  // the UTF-8 BOM first (Excel)
    CHECK(rows[1] ==
          "a,\"Design, review\",task,\"Shop, "
          "Inc.\",pert,5,5,5,5,,0,5,0,5,0,0,yes,2027-01-04,2027-01-08,2027-01-04,2027-01-08,,,1");
    // (the last three: target, parent, wbs — a flat plan: no parent, outline number = row)
    CHECK(rows[2].rfind("b,\"Half: a \"\"quote\"\"\",task,", 0) == 0);
    CHECK(rows[3].find(",a SS+2; b FF+1,") != std::string::npos);

    const std::string m = export_mermaid(in);
    CHECK(m.rfind("gantt\n    title Demo  \"small\" plan\n    dateFormat YYYY-MM-DD\n", 0) == 0);
    CHECK(m.find("    excludes weekends, 2027-01-13\n") != std::string::npos);
    CHECK(m.find("    section Shop, Inc.\n") != std::string::npos);
    CHECK(m.find("    Design, review :crit, a, 2027-01-04, 2027-01-09\n") != std::string::npos);
    CHECK(m.find("    Done :crit, milestone, m, 2027-01-15, 0d\n") != std::string::npos);
}
