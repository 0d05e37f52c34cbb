// The plan report: one self-contained HTML file (no script, no external reference) with the
// decision (ranking, flip weights), cost against volume, the timeline (Gantt with P50 / P80,
// the risk S-curve), the stack verdicts with their histograms, the capability summaries with
// control charts, every warning and the conventions used. `mfplan report PLAN` writes it;
// the app's File › Report… downloads the same bytes (docs/report.md).
//
//   std::string html = write_report(plan, ReportOptions{"2026-12-06"});   // runs every Monte Carlo
//
//   ReportJob job(plan);                                 // the same, sliced (core/base/job.h):
//   while (!job.step(8192)) show(job.progress());        // the app runs it across frames
//   std::string html = write_report_html(plan, job.result(), options);
//
// Every Monte Carlo uses the documented seed and sample count of its tool's CLI (report_job.h),
// so the report's figures equal `mfplan decide|schedule|stack --json`.
#pragma once
#include <string>

#include "report/report_job.h"

namespace mf {

struct Plan;

struct ReportOptions {
    std::string date;  // the day the report was written, "2026-12-06" (empty: not printed)
};

// The whole report: the analyses (report_analyses) written as HTML.
std::string write_report(const Plan& plan, const ReportOptions& options);
// The report of analyses already run (the app's sliced ReportJob).
std::string write_report_html(const Plan& plan, const ReportAnalyses& analyses, const ReportOptions& options);

// Section ids in the order they appear (tests, docs/report.md).
extern const char* const kReportSections[];
extern const size_t kReportSectionCount;

}  // namespace mf
