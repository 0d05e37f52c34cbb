// The plan report of the richest example (micro-gearbox): every Monte Carlo with the CLI's
// defaults (decision 20 000 samples, schedule 10 000 iterations, each stack 10⁶ samples), the
// capability studies, then the HTML with its SVG charts — what `mfplan report` and File ›
// Report… do. Target: under 1 s.
#include <fstream>
#include <sstream>

#include "bench.h"
#include "plan/plan_file.h"
#include "report/report.h"

namespace {

const mf::Plan& gearbox() {
    static const mf::Plan plan = [] {
        std::ifstream in(std::string(MF_SOURCE_DIR) + "/assets/examples/micro-gearbox.mfplan.json", std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        return mf::load_plan(ss.str()).plan.value_or(mf::Plan{});
    }();
    return plan;
}

}  // namespace

MF_BENCHMARK("report of micro-gearbox: every Monte Carlo + HTML with SVG charts", "reports", 1) {
    const std::string html = mf::write_report(gearbox(), mf::ReportOptions{"2026-12-06"});
    mf::bench::keep(static_cast<double>(html.size()));
}

MF_BENCHMARK("report of micro-gearbox: the HTML alone (analyses done)", "reports", 1) {
    static const mf::ReportAnalyses a = mf::report_analyses(gearbox());
    const std::string html = mf::write_report_html(gearbox(), a, mf::ReportOptions{"2026-12-06"});
    mf::bench::keep(static_cast<double>(html.size()));
}
