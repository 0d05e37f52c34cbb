// The pieces of the report (report.h), shared by its two files: report.cpp writes the page,
// the header, warnings and conventions; report_sections.cpp the tool sections.
#pragma once
#include <string>

#include "base/result_table.h"
#include "chart/chart.h"
#include "report/report.h"

namespace mf::report {

// <table> of a results table: the title as caption, headers, cells (numbers right-aligned).
std::string table_html(const ResultTable& t);
// A <figure> with the chart's title as caption, its SVG, legend and note. `id`: unique in the page.
std::string figure_html(const Chart& c, const std::string& id);
// <section id=…><h2>…</h2> … </section> around a body.
std::string section_html(const char* id, const std::string& heading, const std::string& body);
// A paragraph of escaped text, with an optional class.
std::string para(const std::string& text, const char* cls = nullptr);
std::string percent(double p);  // a probability: "42.3 %", "< 0.1 %", "> 99.9 %"
std::string fixed(double v, int decimals);

// The tool sections (report_sections.cpp).
std::string decision_section(const Plan& plan, const DecisionAnalysis& a);
std::string roads_section(const Plan& plan, const RoadsAnalysis& a);
std::string cost_section(const Plan& plan, const DecisionAnalysis& a);
std::string timeline_section(const Plan& plan, const ScheduleAnalysis& a);
std::string stacks_section(const Plan& plan, const std::vector<StackAnalysis>& stacks);
std::string capability_section(const Plan& plan, const std::vector<CapabilityAnalysis>& datasets);

}  // namespace mf::report
