// mfplan schedule FILE [--iterations N] [--seed S] [--json]
//   the CPM table (offsets and dates), PERT, and the Monte Carlo risk summary
// mfplan schedule FILE --export mspdi|ics|csv|mermaid
//   the deterministic schedule in another tool's format, on stdout
// Exit 0 on success, 1 when the plan or its schedule is invalid, 2 on a usage error.
#include <cmath>
#include <cstdio>
#include <ctime>

#include <nlohmann/json.hpp>

#include "args.h"
#include "commands.h"
#include "link_json.h"
#include "schedule/export.h"
#include "schedule/schedule_analysis.h"
#include "schedule/schedule_analysis_json.h"

namespace mf::cli {

namespace {

const char* kUsage =
    "usage: mfplan schedule FILE [--road R] [--iterations N] [--seed S] [--json]\n"
    "       mfplan schedule FILE --export mspdi|ics|csv|mermaid\n";

// The analysis's issues of one severity on stderr, as `file: [warning: ]task "id" (field): message`.
void report(const std::string& file, const ScheduleAnalysis& an, Severity severity, const char* kind) {
    for (const auto& e : an.issues)
        if (e.severity == severity) std::fprintf(stderr, "%s: %s%s\n", file.c_str(), kind, an.text(e).c_str());
}

std::string utc_stamp() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
#if defined(_WIN32)
    gmtime_s(&tm, &now);
#else
    gmtime_r(&now, &tm);
#endif
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

}  // namespace

int cmd_schedule(int argc, char** argv) {
    Args a = parse_args(argc, argv, {"iterations", "seed", "export", "road"});
    if (!a.error.empty() || a.positional.size() != 1) {
        if (!a.error.empty()) std::fprintf(stderr, "error: %s\n", a.error.c_str());
        std::fputs(kUsage, stderr);
        return 2;
    }
    long long iterations = 10000, seed = 1;
    if (!option_integer(a, "iterations", iterations, 1, 10000000) ||
        !option_integer(a, "seed", seed, 0, 9007199254740991LL))
        return 2;
    const auto fmt = a.option("export");
    if (fmt && *fmt != "mspdi" && *fmt != "ics" && *fmt != "csv" && *fmt != "mermaid") {
        std::fprintf(stderr, "error: --export must be mspdi, ics, csv or mermaid (got \"%s\")\n", fmt->c_str());
        return 2;
    }
    const std::string file = a.positional[0];
    auto plan = load_plan_or_report(file);
    if (!plan) return 1;
    if (!take_road(a.option("road").value_or(""), *plan, file)) return 1;
    // analyse_schedule: gates linked to measured data take the data's Cpk and n, then CPM, PERT and
    // the Monte Carlo (core/schedule/schedule_analysis.h). The exports need only the CPM.
    if (fmt) {
        const ScheduleAnalysis an = analyse_schedule(*plan);
        if (!an.ok()) {
            report(file, an, Severity::Error, "");
            return 1;
        }
        ScheduleExportInput in = schedule_export_input(*plan, an);
        in.dtstamp = utc_stamp();
        // A schedule the format cannot hold (a date past 9999-12-31) is an error, like the
        // analysis's: printed as `file: where: message`, exit 1.
        const ScheduleExportFormat format = *fmt == "mspdi" ? ScheduleExportFormat::Mspdi
            : *fmt == "ics"                                 ? ScheduleExportFormat::Ics
            : *fmt == "csv"                                 ? ScheduleExportFormat::Csv
                                                            : ScheduleExportFormat::Mermaid;
        const Issues refused = export_issues(in, format);
        for (const Issue& e : refused) std::fprintf(stderr, "%s: %s\n", file.c_str(), an.text(e).c_str());
        if (!refused.empty()) return 1;
        const std::string text = *fmt == "mspdi" ? export_mspdi(in)
            : *fmt == "ics"                      ? export_ics(in)
            : *fmt == "csv"                      ? export_csv(in)
                                                 : export_mermaid(in);
        std::fwrite(text.data(), 1, text.size(), stdout);
        return 0;
    }

    const ScheduleAnalysis an = analyse_schedule(*plan, {static_cast<int>(iterations), static_cast<uint64_t>(seed)});
    if (!an.ok()) {
        report(file, an, Severity::Error, "");
        return 1;
    }
    const ScheduleProblem& problem = *an.problem;
    const CpmResult& cpm = *an.cpm;
    const McResult& mc = *an.mc;
    const auto& tasks = problem.section.tasks;

    if (!a.flag("json")) {
        report(file, an, Severity::Warning, "warning: ");
        for (const auto& l : an.resolved.links) {
            std::printf("link %s: %s%s\n", l.target_id.c_str(), l.used ? "" : "NOT USED: ", l.message.c_str());
            for (const auto& w : l.warnings) std::printf("  warning: %s\n", w.c_str());
        }
        std::printf("%s\nstart %s (working day 0 = %s)", plan->meta.name.c_str(),
                    format_iso_date(problem.start).c_str(), format_iso_date(cpm.origin).c_str());
        if (problem.deadline) std::printf(", deadline %s", format_iso_date(*problem.deadline).c_str());
        std::printf("\n\nCPM (most likely durations; offsets in working days, start of day)\n");
        std::printf("  %-24s %6s %7s %7s %7s %7s %6s %6s  %-10s %-10s %s\n", "task", "dur", "ES", "EF", "LS", "LF",
                    "TF", "FF", "start", "finish", "");
        for (size_t i = 0; i < tasks.size(); ++i) {
            const CpmTask& t = cpm.tasks[i];
            std::printf("  %-24.24s %6.1f %7.1f %7.1f %7.1f %7.1f %6.1f %6.1f  %s %s %s\n", t.id.c_str(), t.duration,
                        t.es, t.ef, t.ls, t.lf, t.total_float, t.free_float, format_iso_date(t.es_date).c_str(),
                        format_iso_date(t.ef_date).c_str(), t.critical ? "critical" : "");
        }
        std::printf("  finish %s (offset %.1f)", format_iso_date(cpm.finish_date).c_str(), cpm.finish);
        if (cpm.deadline_slack) std::printf(", slack to deadline %.1f working days", *cpm.deadline_slack);
        std::printf("\n\nMonte Carlo, %d iterations, seed %llu\n", mc.iterations,
                    static_cast<unsigned long long>(seed));
        std::printf("  P10 %s  P50 %s  P80 %s  P95 %s\n", format_iso_date(mc.p10_date).c_str(),
                    format_iso_date(mc.p50_date).c_str(), format_iso_date(mc.p80_date).c_str(),
                    format_iso_date(mc.p95_date).c_str());
        std::printf("  buffer to hold (P80 - plan): %.1f working days; merge bias %.1f\n", mc.buffer, mc.merge_bias);
        if (mc.probability_meet_deadline)
            std::printf("  probability of meeting the deadline: %.1f %%\n", 100 * *mc.probability_meet_deadline);
        for (const auto& t : mc.tasks)
            if (t.probability_meet_target)
                std::printf("  %s by its target: %.1f %%\n", t.id.c_str(), 100 * *t.probability_meet_target);
        std::printf("  %-24s %11s %11s\n", "task", "criticality", "sensitivity");
        for (const auto& t : mc.tasks)
            std::printf("  %-24.24s %10.1f%% %11.2f\n", t.id.c_str(), 100 * t.criticality,
                        std::isfinite(t.sensitivity) ? t.sensitivity : 0.0);
        return 0;
    }

    nlohmann::json out = schedule_analysis_json(an, plan->meta.name);
    out["links"] = links_json(an.resolved.links);
    out["conventions"]["measured_links"] = measured_links_convention();
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return 0;
}

}  // namespace mf::cli
