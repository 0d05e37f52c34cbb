// The report page (report.h): head and print styles, the plan header, the sections in order,
// the warnings and the conventions. The tool sections are in report_sections.cpp.
//
// [SECTION] Pieces: tables, figures, sections
// [SECTION] Page: styles and header
// [SECTION] Warnings and conventions
// [SECTION] write_report
#include "report/report.h"

#include <cstdio>

#include "base/date.h"
#include "plan/plan_file.h"
#include "report/html.h"
#include "report/report_parts.h"
#include "report/svg.h"

namespace mf {

const char* const kReportSections[] = {"decision", "roads",      "cost",     "timeline",
                                       "stacks",   "capability", "warnings", "conventions"};
const size_t kReportSectionCount = sizeof kReportSections / sizeof kReportSections[0];

namespace report {

// [SECTION] Pieces: tables, figures, sections --------------------------------------------------------

// A table of many columns (the decision matrix, the roads side by side) is printed turned:
// one column per row of the app's table (per partner, per road), one row per figure, so it
// reads on a page instead of being cut at its right edge.
static ResultTable turned(const ResultTable& t) {
    ResultTable o{t.title, t.file_stem, {t.columns.empty() ? std::string() : t.columns[0]}, {}};
    for (const auto& row : t.rows) o.columns.push_back(row.empty() ? std::string() : row[0].text);
    for (size_t c = 1; c < t.columns.size(); ++c) {
        std::vector<TableCell> r{text_cell(t.columns[c])};
        for (const auto& row : t.rows) r.push_back(c < row.size() ? row[c] : text_cell(""));
        o.rows.push_back(std::move(r));
    }
    return o;
}

std::string table_html(const ResultTable& table) {
    const bool turn = table.columns.size() > 9 && table.rows.size() < table.columns.size();
    const ResultTable turned_copy = turn ? turned(table) : ResultTable{};
    const ResultTable& shown = turn ? turned_copy : table;
    std::string o = std::string(shown.columns.size() > 7 ? "<table class=\"wide\">" : "<table>") + "<caption>" +
        html_escape(shown.title) + "</caption><thead><tr>";
    for (const auto& c : shown.columns) o += "<th>" + html_escape(c) + "</th>";
    o += "</tr></thead><tbody>";
    for (const auto& row : shown.rows) {
        o += "<tr>";
        for (size_t i = 0; i < row.size(); ++i) {
            const TableCell& c = row[i];
            const char* open = turn && i == 0 ? "<th>" : c.is_number ? "<td class=\"n\">" : "<td>";
            o += open + html_escape(c.text) + (turn && i == 0 ? "</th>" : "</td>");
        }
        o += "</tr>";
    }
    return o + "</tbody></table>";
}

std::string figure_html(const Chart& c, const std::string& id) {
    std::string o = "<figure id=\"" + id + "\"><figcaption>" + html_escape(c.title) + "</figcaption>";
    if (!c.marks.empty()) o += chart_svg(c, id);
    return o + chart_legend_html(c) + "</figure>";
}

std::string section_html(const char* id, const std::string& heading, const std::string& body) {
    return std::string("<section id=\"") + id + "\"><h2>" + html_escape(heading) + "</h2>" + body + "</section>\n";
}

std::string para(const std::string& text, const char* cls) {
    return std::string(cls ? "<p class=\"" + std::string(cls) + "\">" : "<p>") + html_escape(text) + "</p>";
}

std::string fixed(double v, int decimals) {
    if (!std::isfinite(v)) return "—";
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", decimals, v);
    return b;
}

std::string percent(double p) {
    // As the app writes a probability (gui/format.h): never "100.0 %" for 0.99995.
    if (!std::isfinite(p)) return "—";
    if (p <= 0) return "0 %";
    if (p >= 1) return "100 %";
    if (p < 0.001) return "< 0.1 %";
    if (p > 0.999) return "> 99.9 %";
    return fixed(p * 100, 1) + " %";
}

// [SECTION] Page: styles and header ---------------------------------------------------------------------

// Screen and paper: sections start on a new page, figures and table rows are never cut, the
// charts scale to the page width (A4 and Letter alike).
const char* const kStyle = R"(
@page { size: auto; margin: 14mm 12mm; }
body { font: 11pt/1.4 Helvetica, Arial, sans-serif; color: #1a1a1a; max-width: 190mm; margin: 0 auto; padding: 0 4mm; }
h1 { font-size: 20pt; margin: 0.4em 0 0.2em; } h2 { font-size: 15pt; border-bottom: 1px solid #999; }
h3 { font-size: 12.5pt; margin: 1em 0 0.3em; } h4 { font-size: 11pt; margin: 0.8em 0 0.2em; }
h2, h3, h4, figcaption, caption { break-after: avoid; page-break-after: avoid; }
section { break-before: page; page-break-before: always; }
figure, table, tr, .item > p, .verdict { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 0.6em 0; } figcaption { font-weight: bold; font-size: 10pt; }
svg { display: block; width: 100%; height: auto; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 9.5pt; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.2em; }
th, td { border-bottom: 1px solid #ccc; padding: 2px 8px 2px 0; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.wide { font-size: 7.5pt; width: 100%; } table.wide th, table.wide td { padding-right: 4px; overflow-wrap: anywhere; }
.verdict { font-weight: bold; } .note, .meta { color: #555; font-size: 9pt; }
.legend { font-size: 9pt; margin: 0.2em 0; } .legend span { margin-right: 1.2em; white-space: nowrap; }
.legend i { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em; vertical-align: -0.1em; }
.legend i.sw-line { height: 0.22em; vertical-align: 0.25em; }
.problems li, .warnings li { margin: 0.2em 0; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
)";

static std::string header_html(const Plan& plan, const ReportOptions& o) {
    std::string h = "<header><h1>" + html_escape(plan.meta.name) + "</h1>";
    std::string meta =
        "Plan report · plan format " + std::string(kPlanFormatTag) + " version " + std::to_string(kPlanFormatVersion);
    if (!o.date.empty()) meta += " · written " + o.date;
    h += report::para(meta, "meta");
    std::vector<std::string> facts;
    if (!plan.meta.decider.empty()) facts.push_back("Decider: " + plan.meta.decider);
    if (plan.meta.start_date) facts.push_back("Start: " + format_iso_date(*plan.meta.start_date));
    if (plan.meta.deadline) facts.push_back("Deadline: " + format_iso_date(*plan.meta.deadline));
    facts.push_back(std::string("Lengths in ") + unit_symbol(plan.meta.units));
    std::string line;
    for (const auto& f : facts) line += (line.empty() ? "" : " · ") + f;
    h += report::para(line);
    if (!plan.meta.notes.empty()) h += report::para(plan.meta.notes, "note");
    static const char* const kTitles[] = {
        "Decision",   "Roads",    "Cost against volume", "Timeline", "Tolerance stacks",
        "Capability", "Warnings", "Conventions"};
    h += "<nav><ol>";
    for (size_t i = 0; i < kReportSectionCount; ++i)
        h += std::string("<li><a href=\"#") + kReportSections[i] + "\">" + kTitles[i] + "</a></li>";
    return h + "</ol></nav></header>\n";
}

// [SECTION] Warnings and conventions ---------------------------------------------------------------------

static std::string warnings_section(const Plan& plan, const ReportAnalyses& a) {
    std::vector<std::string> w;
    for (const DecisionWarning& d : a.decision.warnings) w.push_back("Decision: " + d.message);
    for (const Issue& e : a.schedule.issues)
        w.push_back(std::string("Timeline (") + severity_name(e.severity) + "): " + a.schedule.text(e));
    for (const StackAnalysis& s : a.stacks)
        for (const Issue& e : s.issues)
            w.push_back("Stack " + (s.stack.name.empty() ? s.stack.id : s.stack.name) + " (" +
                        severity_name(e.severity) + "): " + to_string(e));
    for (const CapabilityAnalysis& c : a.capability) {
        for (const Issue& e : c.errors) w.push_back("Capability: " + to_string(e));
        for (const auto& f : c.features)
            if (f)
                for (const std::string& m : f->warnings) w.push_back("Capability, " + f->feature_name + ": " + m);
    }
    (void)plan;
    if (w.empty()) return report::section_html("warnings", "Warnings", report::para("No warnings."));
    std::string b = "<ul class=\"warnings\">";
    for (const auto& m : w) b += "<li>" + html_escape(m) + "</li>";
    return report::section_html("warnings", "Warnings", b + "</ul>");
}

static std::string conventions_section(const Plan& plan) {
    const std::vector<std::string> items = {
        std::string("Lengths in ") + unit_symbol(plan.meta.units) +
            "; money in the plan's currency; volumes in good parts over the programme.",
        "Decision: weighted sum of normalised scores (weights sum to 1) and TOPSIS side by side; a flip weight is "
        "the weight of one criterion, the others rescaled in proportion, at which the leader changes. "
        "P(ranks first): " +
            std::to_string(kReportDecisionSamples) + " samples, seed " + std::to_string(kReportSeed) +
            " (as mfplan decide).",
        "Roads: each partner (and the split plan) taken in turn, every figure from its tool as mfplan compare "
        "prints it (schedule Monte Carlo per road: " +
            std::to_string(kReportScheduleIterations) + " iterations, seed " + std::to_string(kReportSeed) +
            "; stacks analytic).",
        "Cost per good part: the all-in programme cost (NRE, tooling, lots, yield losses …) divided by the good "
        "parts; curves on log–log scales.",
        "Timeline: CPM on most likely durations in working days of the plan's calendars; Monte Carlo with " +
            std::to_string(kReportScheduleIterations) + " iterations, seed " + std::to_string(kReportSeed) +
            " (as mfplan schedule); percentiles Hyndman–Fan type 7 of the finish, P50 ● and P80 ◆ per task.",
        "Tolerance stacks: worst case, RSS and the statistical model as mean ± 3σ; Monte Carlo with " +
            std::to_string(kReportStackSamples) + " samples, seed " + std::to_string(kReportSeed) +
            ", 60 bins (as mfplan stack); verdict OK below 63 ppm out of limits, fails above 2700 ppm.",
        "Capability: σ within from the dataset's estimator, σ overall the sample standard deviation; the pilot "
        "gate compares Cpk with the dataset's minimum (1.33 unless the plan sets another); control limits at "
        "3σ with Nelson's tests (as mfplan capability).",
        "Every name in this report is the plan's text, escaped; the file has no script and loads nothing.",
    };
    std::string b = "<ul>";
    for (const auto& i : items) b += "<li>" + html_escape(i) + "</li>";
    return report::section_html("conventions", "Conventions", b + "</ul>");
}

}  // namespace report

// [SECTION] write_report -------------------------------------------------------------------------------------

std::string write_report_html(const Plan& plan, const ReportAnalyses& a, const ReportOptions& options) {
    using namespace report;
    std::string o =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">"
        "<title>" +
        html_escape(plan.meta.name) + " — MicroFab Planner report</title><style>" + kStyle + "</style></head><body>\n";
    o += header_html(plan, options);
    o += decision_section(plan, a.decision);
    o += roads_section(plan, a.roads);
    o += cost_section(plan, a.decision);
    o += timeline_section(plan, a.schedule);
    o += stacks_section(plan, a.stacks);
    o += capability_section(plan, a.capability);
    o += warnings_section(plan, a);
    o += conventions_section(plan);
    return o + "</body></html>\n";
}

std::string write_report(const Plan& plan, const ReportOptions& options) {
    return write_report_html(plan, report_analyses(plan), options);
}

}  // namespace mf
