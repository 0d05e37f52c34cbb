// File › Report…: writes the plan report (core/report/report.h) and downloads it, without
// freezing the app. The report's Monte Carlo runs (decision, schedule, every stack) and the
// capability studies run as one sliced ReportJob through a JobRunner, with progress and
// Cancel; the finished page downloads through the platform seam as <plan>-report.html.
// The bytes equal `mfplan report PLAN --date <today, UTC>` for the same plan.
//
//   report_export.request(doc.plan, doc.file_name);   // the menu item
//   report_export.draw(status);                       // every frame: progress, then download
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "job_runner.h"
#include "plan/plan.h"
#include "report/report.h"

namespace mf {

class ReportExport {
public:
    // Starts writing the report of this plan (a copy: later edits do not change it).
    void request(const Plan& plan, const std::string& plan_file_name);
    // Advances the job, draws its progress window, downloads the page when done; a line for
    // the status bar goes to `status`.
    void draw(std::string& status);
    bool running() const { return runner_.running(); }
    void cancel() { runner_.cancel(); }  // the progress window's Cancel

    // The download's name for a plan file: "micro-gearbox.mfplan.json" → "micro-gearbox-report.html".
    static std::string file_name_for(const std::string& plan_file_name);

private:
    struct Request {
        uint64_t id = 0;
        bool operator==(const Request&) const = default;
    };
    JobRunner<ReportJob, Request> runner_{8192};
    Request request_;
    std::optional<Plan> plan_;
    std::string file_name_;
    uint64_t delivered_generation_ = 0;
};

}  // namespace mf
