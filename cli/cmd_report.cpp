// mfplan report FILE [--date YYYY-MM-DD]   the plan report as one HTML file on stdout
// (core/report/report.h; docs/report.md). The date printed in it is today's (UTC) unless given,
// so `--date` makes the output reproducible byte for byte.
#include <cstdio>
#include <ctime>

#include "args.h"
#include "base/date.h"
#include "commands.h"
#include "report/report.h"

namespace mf::cli {

int cmd_report(int argc, char** argv) {
    Args a = parse_args(argc, argv, {"date"});
    for (const auto& f : a.flags) a.error = "unknown option --" + f;
    if (!a.error.empty() || a.positional.size() != 1) {
        if (!a.error.empty()) std::fprintf(stderr, "mfplan report: %s\n", a.error.c_str());
        std::fprintf(stderr, "usage: mfplan report FILE [--date YYYY-MM-DD] > report.html\n");
        return 2;
    }
    ReportOptions o;
    if (auto d = a.option("date")) {
        const auto date = parse_iso_date(*d);
        if (!date) {
            std::fprintf(stderr, "mfplan report: --date must be a date YYYY-MM-DD (got \"%s\")\n", d->c_str());
            return 2;
        }
        o.date = format_iso_date(*date);
    } else {
        const std::time_t now = std::time(nullptr);
        o.date = format_iso_date(Date{static_cast<int32_t>(now / 86400)});
    }
    auto plan = load_plan_or_report(a.positional[0]);
    if (!plan) return 1;
    const std::string html = write_report(*plan, o);
    std::fwrite(html.data(), 1, html.size(), stdout);
    return 0;
}

}  // namespace mf::cli
