// A Chart (core/chart/chart.h) written as an inline SVG element for the HTML report: the same
// axes, ticks (core/chart/ticks.h) and marks the app draws, in colours for white paper. No
// script, no external reference; every label escaped (report/html.h), so the element is
// well-formed XML.
//
//   o += chart_svg(finish_scurve_chart(*schedule.mc), "timeline-scurve");
#pragma once
#include <string>

#include "chart/chart.h"

namespace mf {

// The <svg> element (width 100 % of its figure, fixed aspect). `id` makes the clip path's id
// unique in the page (letters, digits and '-' only).
std::string chart_svg(const Chart& chart, const std::string& id);
// The legend and note of the chart as HTML (a <p class="legend"> and a <p class="note">).
std::string chart_legend_html(const Chart& chart);
// The colour of an Ink on white paper: "#0072b2".
std::string ink_colour(Ink ink);

}  // namespace mf
