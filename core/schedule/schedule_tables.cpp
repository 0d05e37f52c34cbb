// The CPM table of the timeline (schedule/schedule_tables.h).
#include "schedule/schedule_tables.h"

#include <cstdio>

#include "base/format.h"
#include "schedule/outline.h"

namespace mf {

static std::string partner_name(const Plan& plan, const std::string& id) {
    for (const Partner& p : plan.decision.partners)
        if (p.id == id) return p.name;
    return id;
}

ResultTable cpm_table(const Plan& plan, const ScheduleAnalysis& a, const McResult* mc) {
    if (!mc && a.mc) mc = &*a.mc;
    ResultTable t{"CPM table",
                  "cpm",
                  {"#", "Task", "Partner", "Duration (working days)", "Early start", "Early finish", "Late start",
                   "Late finish", "Total float (working days)", "Free float (working days)", "Critical"},
                  {}};
    const ScheduleSection& s = a.problem ? a.problem->section : plan.schedule;
    if (!a.cpm || a.cpm->tasks.size() != s.tasks.size()) return t;
    const bool with_mc = mc && mc->ok() && mc->tasks.size() == s.tasks.size();
    if (with_mc) t.columns.push_back("Critical in Monte Carlo (%)");
    const Outline outline = build_outline(s);
    for (int index : outline.order) {
        const size_t i = static_cast<size_t>(index);
        const Task& task = s.tasks[i];
        const CpmTask& c = a.cpm->tasks[i];
        std::vector<TableCell> row{number_cell(std::to_string(i + 1)),
                                   text_cell(task.name),
                                   text_cell(task.partner_id.empty() ? "" : partner_name(plan, task.partner_id)),
                                   shown_number_cell(format_days(c.duration)),
                                   text_cell(format_iso_date(c.es_date)),
                                   text_cell(format_iso_date(c.ef_date)),
                                   text_cell(format_iso_date(c.ls_date)),
                                   text_cell(format_iso_date(c.lf_date)),
                                   shown_number_cell(format_days(c.total_float)),
                                   shown_number_cell(format_days(c.free_float)),
                                   text_cell(c.critical ? "yes" : "no")};
        if (with_mc) {
            char b[32];
            std::snprintf(b, sizeof b, "%.0f", mc->tasks[i].criticality * 100);
            row.push_back(number_cell(b));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

}  // namespace mf
