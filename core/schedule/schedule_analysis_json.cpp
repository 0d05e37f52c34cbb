#include "schedule/schedule_analysis_json.h"

#include <cmath>

#include "base/date.h"
#include "schedule/outline.h"

namespace mf {

using nlohmann::json;

static json number_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

// Rounds for display in JSON without losing what matters (1e-9 working days).
static double r9(double v) { return std::round(v * 1e9) / 1e9; }

json schedule_conventions_json() {
    return {
        {"time_unit",
         "working days of the task's calendar: schedule.calendar unless the task or its partner has its own "
         "(conventions.calendars)"},
        {"day_counting",
         "offset t = the start of working day t; day 0 = the first working day on or after project.start_date; a task "
         "with start s and duration d occupies [s, s+d): it starts on working day floor(s) and finishes on working day "
         "ceil(s+d)-1 (a 5-day task starting on a Monday finishes that Friday)"},
        {"milestone_date",
         "a zero-duration task at offset t is dated on working day t-1 (the day its predecessor "
         "finished), day 0 when t = 0"},
        {"deadline_met", "finish offset <= number of working days from day 0 through the deadline date"},
        {"deterministic_durations", "most likely; a gate with assume_first_fails adds one rework loop"},
        {"late_dates", "backward pass from the project finish (max EF), not from the deadline"},
        {"total_float", "LS - ES"},
        {"free_float", "least slack to any successor's link constraint, or to the project finish"},
        {"critical", "total float <= 1e-6 working days"},
        {"links", "FS: ES_j >= EF_i + lag; SS: ES_j >= ES_i + lag; FF: EF_j >= EF_i + lag; ES >= 0"},
        {"pert_task_calendars",
         "(since 2026-12-06) with task calendars, pert.task_calendars: te in working days of each task's own "
         "calendar, links on the common axis as in the CPM; expected_finish in project working days, "
         "P = Phi((D - Te)/sigma) with D in project working days; the pert figures beside it keep every task on "
         "the project calendar"},
        {"links_start_to_finish",
         "SF (since 2026-12-06): EF_j >= ES_i + lag; backward LS_i <= LF_j - lag; free float EF_j - lag - ES_i; "
         "MSPDI Type 2 (FF 0, FS 1, SF 2, SS 3)"},
        {"distributions",
         {{"pert", "Beta-PERT, lambda = 4, mean (O + 4M + P)/6"},
          {"triangular", "triangular on [O, P], mode M, mean (O + M + P)/3"}}},
        {"gates",
         "evaluation fails when U >= p (U uniform [0,1)); each failure adds a rework draw plus fresh draws of "
         "the repeated tasks to the gate's duration, up to max_loops, then the gate counts as passed"},
        {"gate_from_cpk",
         "p = Phi((Cpk - threshold)/SE), SE = sqrt(1/(9n) + Cpk^2/(2 nu)), nu = n - 1 or, for a "
         "measured link, the nu of the feature's sigma_within (Bissell 1990)"},
        {"percentiles", "Hyndman-Fan type 7 of the finish offsets, then dated by the finish rule"},
        {"criticality", "share of iterations in which the task's total float <= 1e-6 (tied paths are all critical)"},
        {"sensitivity",
         "Spearman rank correlation (average ranks for ties) of the task's sampled duration (a gate's "
         "includes its rework) with the project finish; null when either is constant"},
        {"buffer", "P80 finish offset - deterministic finish offset, working days"},
        {"merge_bias",
         "mean finish - finish of the plan with every duration at its mean and rework at its expected "
         "loop count"},
        {"pert",
         "classic PERT: te = (O+4M+P)/6, var = ((P-O)/6)^2 along the critical path of largest variance, "
         "P = Phi((D - Te)/sigma); rework loops not included"},
        {"rng", "xoshiro256** seeded through splitmix64; same seed, same result natively and in WASM"},
        {"calendars",
         "a task works on its own calendar (tasks[].calendar), else its partner's (schedule."
         "partner_calendars), else the project calendar; its duration, es/ef/ls/lf and floats are in "
         "working days of that calendar (tasks[].calendar, null = the project calendar); a lag counts "
         "in the successor's calendar; links are resolved on a common axis of calendar days from "
         "origin_date; finish, deadline and Monte Carlo offsets are in working days of the project "
         "calendar (a finish on a day it does not work counts as the end of its previous working "
         "day), while dates, deadline_met and the deadline probability compare calendar dates; PERT "
         "uses the project calendar for every task"},
        {"outline",
         "a task with subtasks (named as their parent) is a summary task: ES/LS = earliest of its subtasks', "
         "EF/LF = latest, duration = EF - ES, total and free float = the least of its subtasks'; its own "
         "three-point durations are ignored; a link to a summary (FS, SS) applies to each of its subtasks, "
         "a link from a summary (FS, FF) comes from each of its subtasks; FF to and SS from a summary, a "
         "summary linked with its own subtask and a summary in a gate's repeat list are refused; wbs = outline number "
         "(1.2.1) in depth-first order, children in file "
         "order; critical_path lists no summary task"},
    };
}

json schedule_analysis_json(const ScheduleAnalysis& a, const std::string& plan_name) {
    if (!a.ok() || !a.problem || !a.cpm || !a.pert || !a.mc) return json::object();
    const ScheduleProblem& problem = *a.problem;
    const CpmResult& cpm = *a.cpm;
    const PertResult& pert = *a.pert;
    const McResult& mc = *a.mc;
    const auto& tasks = problem.section.tasks;

    json out;
    out["plan"] = plan_name;
    out["conventions"] = schedule_conventions_json();
    out["start_date"] = format_iso_date(problem.start);
    out["origin_date"] = format_iso_date(cpm.origin);
    out["deadline"] = problem.deadline ? json(format_iso_date(*problem.deadline)) : json(nullptr);

    json jc;
    jc["finish_offset"] = r9(cpm.finish);
    jc["finish_date"] = format_iso_date(cpm.finish_date);
    jc["deadline_offset"] = cpm.deadline_offset ? json(*cpm.deadline_offset) : json(nullptr);
    jc["deadline_slack"] = cpm.deadline_slack ? json(r9(*cpm.deadline_slack)) : json(nullptr);
    if (cpm.deadline_met) jc["deadline_met"] = *cpm.deadline_met;  // with task calendars: by dates
    if (cpm.finish_position > 0) jc["finish_position"] = r9(cpm.finish_position);
    jc["critical_path"] = cpm.critical_path;
    jc["tasks"] = json::array();
    const Outline outline = build_outline(problem.section);
    for (size_t i = 0; i < tasks.size(); ++i) {
        const CpmTask& t = cpm.tasks[i];
        json row = {{"id", t.id},
                    {"name", tasks[i].name},
                    {"kind", task_kind_key(tasks[i].kind)},
                    {"partner", tasks[i].partner_id},
                    {"parent", tasks[i].parent.empty() ? json(nullptr) : json(tasks[i].parent)},
                    {"summary", t.summary},
                    {"wbs", outline.wbs[i]},
                    {"calendar", t.calendar.empty() ? json(nullptr) : json(t.calendar)},
                    {"duration", r9(t.duration)},
                    {"es", r9(t.es)},
                    {"ef", r9(t.ef)},
                    {"ls", r9(t.ls)},
                    {"lf", r9(t.lf)},
                    {"total_float", r9(t.total_float)},
                    {"free_float", r9(t.free_float)},
                    {"critical", t.critical},
                    {"es_date", format_iso_date(t.es_date)},
                    {"ef_date", format_iso_date(t.ef_date)},
                    {"ls_date", format_iso_date(t.ls_date)},
                    {"lf_date", format_iso_date(t.lf_date)}};
        row["target"] = tasks[i].target ? json(format_iso_date(*tasks[i].target)) : json(nullptr);
        jc["tasks"].push_back(std::move(row));
    }
    out["cpm"] = std::move(jc);

    out["pert"] = {{"expected_finish", pert.expected_finish},
                   {"sd", pert.sd},
                   {"critical_path", pert.critical_path},
                   {"probability_meet_deadline",
                    pert.probability_meet_target ? json(*pert.probability_meet_target) : json(nullptr)}};
    if (pert.task_calendars) {
        const PertOnTaskCalendars& tc = *pert.task_calendars;
        out["pert"]["task_calendars"] = {
            {"expected_finish", tc.expected_finish},
            {"expected_finish_date", format_iso_date(tc.expected_finish_date)},
            {"sd", tc.sd},
            {"critical_path", tc.critical_path},
            {"probability_meet_deadline",
             tc.probability_meet_target ? json(*tc.probability_meet_target) : json(nullptr)}};
    }

    json jm;
    jm["iterations"] = mc.iterations;
    jm["seed"] = mc.seed;
    jm["p10"] = format_iso_date(mc.p10_date);
    jm["p50"] = format_iso_date(mc.p50_date);
    jm["p80"] = format_iso_date(mc.p80_date);
    jm["p95"] = format_iso_date(mc.p95_date);
    jm["p10_offset"] = mc.p10;
    jm["p50_offset"] = mc.p50;
    jm["p80_offset"] = mc.p80;
    jm["p95_offset"] = mc.p95;
    jm["mean_offset"] = mc.mean;
    jm["sd"] = mc.sd;
    jm["deterministic_finish_offset"] = mc.deterministic_finish;
    jm["deterministic_finish"] = format_iso_date(mc.deterministic_finish_date);
    jm["buffer_working_days"] = mc.buffer;
    jm["expected_duration_finish_offset"] = mc.expected_duration_finish;
    jm["merge_bias_working_days"] = mc.merge_bias;
    jm["probability_meet_deadline"] =
        mc.probability_meet_deadline ? json(*mc.probability_meet_deadline) : json(nullptr);
    json milestones = json::object(), crit = json::object(), sens = json::object(), fin = json::object();
    for (const auto& t : mc.tasks) {
        crit[t.id] = t.criticality;
        sens[t.id] = number_or_null(t.sensitivity);
        fin[t.id] = {{"p50", format_iso_date(t.p50_finish_date)},
                     {"p80", format_iso_date(t.p80_finish_date)},
                     {"p50_offset", t.p50_finish},
                     {"p80_offset", t.p80_finish},
                     {"mean_duration", t.mean_duration}};
        if (t.probability_meet_target) {
            size_t i = 0;
            while (i < tasks.size() && tasks[i].id != t.id) ++i;
            milestones[t.id] = {{"target", format_iso_date(*tasks[i].target)},
                                {"probability", *t.probability_meet_target}};
        }
    }
    jm["milestones"] = std::move(milestones);
    jm["criticality"] = std::move(crit);
    jm["sensitivity"] = std::move(sens);
    jm["task_finish"] = std::move(fin);
    json gates = json::object();
    for (const auto& g : mc.gates)
        gates[g.id] = {{"pass_probability", g.pass_probability},
                       {"mean_loops", g.mean_loops},
                       {"expected_loops", g.expected_loops},
                       {"histogram", g.loop_histogram},
                       {"share_at_limit", g.share_at_limit}};
    jm["rework_loops"] = {{"total_histogram", mc.total_loop_histogram}, {"gates", std::move(gates)}};
    out["monte_carlo"] = std::move(jm);
    json warnings = json::array();
    for (const auto& w : cpm.warnings) warnings.push_back(a.text(w));
    out["warnings"] = std::move(warnings);
    return out;
}

}  // namespace mf
