// The HTML report (core/report): sections in order, every name escaped, figures equal to the
// tools' own runs with the CLI's seeds and sample counts, the sliced job equal to one run, size.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>

#include "base/utf8.h"
#include "chart/analysis_charts.h"
#include "plan/plan_file.h"
#include "report/html.h"
#include "report/report.h"
#include "report/report_parts.h"
#include "decision/decision_tables.h"
#include "schedule/schedule_tables.h"
#include "tolerance/stack_tables.h"
#include "report/svg.h"
#include "test_support.h"

using namespace mf;

namespace {

Plan example(const char* name) {
    LoadResult r = load_plan(test::read_file(std::string("assets/examples/") + name));
    REQUIRE(r.plan);
    return *r.plan;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Every name and note of the plan replaced by one of three hostile strings in turn.
Plan hostile_plan() {
    Plan p = example("micro-gearbox.mfplan.json");
    const char* const bad[] = {"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                               "bad \xff\xfe bytes \x01 <svg onload=alert(1)>"};
    size_t k = 0;
    auto next = [&] { return std::string(bad[k++ % 3]); };
    p.meta.name = next();
    p.meta.decider = next();
    p.meta.notes = next();
    for (auto& x : p.decision.partners) x.name = next(), x.notes = next();
    for (auto& x : p.decision.criteria) x.name = next();
    for (auto& x : p.schedule.tasks) x.name = next();
    for (auto& s : p.stacks) {
        s.name = next();
        for (auto& c : s.contributors) c.name = next();
    }
    for (auto& d : p.datasets) {
        d.name = next();
        for (auto& f : d.features) f.name = next();
    }
    return p;
}

}  // namespace

TEST_CASE("html_escape: markup, quotes, bad bytes and XML-forbidden controls") {
    CHECK(html_escape("<a href=\"x\">&'</a>") == "&lt;a href&#61;&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    CHECK(html_escape("µm – ≥") == "µm – ≥");  // valid UTF-8 stays
    CHECK(html_escape("a\xff"
                      "b") ==
          "a\xEF\xBF\xBD"
          "b");                                                              // a stray byte: U+FFFD
    CHECK(html_escape(std::string("x\x01y\tz", 5)) == "x\xEF\xBF\xBDy\tz");  // C0 control: U+FFFD, tab kept
    CHECK(html_escape("\xEF\xBF\xBE") == "\xEF\xBF\xBD");                    // U+FFFE is not XML
}

TEST_CASE("report of the richest example: every section, in order, under 1 MB") {
    const Plan plan = example("micro-gearbox.mfplan.json");
    const std::string html = write_report(plan, ReportOptions{"2026-12-06"});
    size_t at = 0;
    for (size_t i = 0; i < kReportSectionCount; ++i) {
        const size_t next = html.find(std::string("<section id=\"") + kReportSections[i] + "\">");
        REQUIRE_MESSAGE(next != std::string::npos, kReportSections[i]);
        CHECK_MESSAGE(next > at, kReportSections[i]);
        at = next;
    }
    CHECK(html.size() < 1000000);
    CHECK(html.find("written 2026-12-06") != std::string::npos);
    CHECK(html.find(plan.meta.name) != std::string::npos);
    CHECK(valid_utf8(html) == html);
    // No script and nothing loaded from elsewhere.
    CHECK(lower(html).find("<script") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // only the SVG namespace
    CHECK(html.find("https://") == std::string::npos);
    // Charts: the flip weights, cost against volume, Gantt, S-curve, a histogram per stack,
    // a histogram and control chart per feature.
    for (const char* id : {"decision-flips", "cost-volume", "timeline-gantt", "timeline-scurve", "stack-0-hist",
                           "cap-0-0-hist", "cap-0-0-chart"})
        CHECK_MESSAGE(html.find(std::string("<figure id=\"") + id + "\"><figcaption>") != std::string::npos, id);
}

TEST_CASE("report of a hostile plan: no markup of the plan reaches the page") {
    const std::string html = write_report(hostile_plan(), ReportOptions{"2026-12-06"});
    const std::string l = lower(html);
    CHECK(l.find("<script") == std::string::npos);
    CHECK(l.find("<img") == std::string::npos);
    CHECK(l.find("onerror=") == std::string::npos);
    CHECK(l.find("onload=") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);  // shown, as text
    CHECK(html.find("&quot;&gt;&lt;img src&#61;x onerror&#61;alert(1)&gt;") != std::string::npos);
    CHECK(valid_utf8(html) == html);                // the stray bytes replaced
    CHECK(html.find('\x01') == std::string::npos);  // and the control character
    for (size_t i = 0; i < kReportSectionCount; ++i)
        CHECK(html.find(std::string("<section id=\"") + kReportSections[i] + "\">") != std::string::npos);
}

TEST_CASE("report figures are the tools' own, with the CLI's seeds and sample counts") {
    const Plan plan = example("micro-gearbox.mfplan.json");
    const ReportAnalyses r = report_analyses(plan);
    REQUIRE(r.complete);
    // mfplan decide: DecisionOptions{} (20 000 samples, seed 1).
    const DecisionAnalysis d = analyse_decision(plan, DecisionOptions{});
    REQUIRE(d.rank_first.samples == 20000);
    CHECK(r.decision.rank_first.samples == 20000);
    CHECK(r.decision.rank_first.p_first == d.rank_first.p_first);
    CHECK(r.decision.rank_first.mean_rank == d.rank_first.mean_rank);
    CHECK(r.decision.chosen == d.chosen);
    // mfplan schedule: 10 000 iterations, seed 1.
    const ScheduleAnalysis s = analyse_schedule(plan, ScheduleOptions{10000, 1});
    REQUIRE(s.mc);
    REQUIRE(r.schedule.mc);
    CHECK(r.schedule.mc->iterations == 10000);
    CHECK(r.schedule.mc->p80 == s.mc->p80);
    CHECK(r.schedule.mc->p50_date == s.mc->p50_date);
    CHECK(r.schedule.mc->finish_sorted == s.mc->finish_sorted);
    CHECK(r.schedule.issues.size() == s.issues.size());
    // mfplan stack: 1 000 000 samples, seed 1, 60 bins.
    REQUIRE(r.stacks.size() == plan.stacks.size());
    for (size_t i = 0; i < plan.stacks.size(); ++i) {
        StackOptions o;
        o.samples = 1000000;
        o.seed = 1;
        const StackAnalysis a = analyse_stack(plan, plan.stacks[i].id, o);
        REQUIRE(a.monte_carlo.has_value() == r.stacks[i].monte_carlo.has_value());
        if (a.monte_carlo) {
            CHECK(r.stacks[i].monte_carlo->at_measurement.ppm_total == a.monte_carlo->at_measurement.ppm_total);
            CHECK(r.stacks[i].monte_carlo->at_measurement.histogram.counts ==
                  a.monte_carlo->at_measurement.histogram.counts);
        }
        CHECK(r.stacks[i].report.fit.verdict == a.report.fit.verdict);
        CHECK(r.stacks[i].report.fit.reason == a.report.fit.reason);
        CHECK(r.stacks[i].issues.size() == a.issues.size());
    }
    // mfplan capability: CapabilityOptions{}.
    REQUIRE(r.capability.size() == plan.datasets.size());
    for (size_t i = 0; i < plan.datasets.size(); ++i) {
        const CapabilityAnalysis c = analyse_capability(plan, plan.datasets[i].id, CapabilityOptions{});
        REQUIRE(c.features.size() == r.capability[i].features.size());
        for (size_t k = 0; k < c.features.size(); ++k)
            CHECK(r.capability[i].features[k]->cap.cpk == c.features[k]->cap.cpk);
    }
    // And the page prints them: the tables the tools' own runs give, cell for cell, and the P80.
    const std::string html = write_report_html(plan, r, ReportOptions{});
    CHECK(html.find(format_iso_date(s.mc->p80_date)) != std::string::npos);
    CHECK(html.find(report::table_html(decision_matrix_table(d, plan.decision, &d.rank_first))) != std::string::npos);
    CHECK(html.find(report::table_html(cpm_table(plan, s, &*s.mc))) != std::string::npos);
    // mfplan compare: analyse_roads with its defaults (10 000 iterations, seed 1 per road).
    const RoadsAnalysis roads = analyse_roads(plan, RoadsOptions{});
    REQUIRE(roads.roads.size() >= 2);
    CHECK(html.find(report::table_html(roads_table(roads))) != std::string::npos);
    for (size_t i = 0; i < plan.stacks.size(); ++i) {
        StackOptions o;
        o.samples = 1000000;
        const StackAnalysis a = analyse_stack(plan, plan.stacks[i].id, o);
        CHECK(html.find(report::table_html(stack_results_table(a.stack, a.report, a.monte_carlo_result(),
                                                               plan.meta.units))) != std::string::npos);
    }
}

TEST_CASE("the sliced report job gives the same page in small and large slices") {
    const Plan plan = example("micro-gearbox.mfplan.json");
    ReportJob small(plan);
    size_t steps = 0;
    double last = 0;
    bool monotone = true;
    while (!small.step(500)) {
        ++steps;
        monotone = monotone && small.progress() >= last;
        last = small.progress();
        CHECK(!small.result().complete);
    }
    CHECK(monotone);
    CHECK(steps > 100);  // really sliced: 20 000 + 10 000/16·… + 10⁶ per stack units in 500s
    CHECK(small.progress() == 1.0);
    const ReportOptions o{"2026-12-06"};
    CHECK(write_report_html(plan, small.result(), o) == write_report(plan, o));
}

TEST_CASE("report of an empty plan: every section says there is nothing, no chart") {
    const Plan plan;
    const std::string html = write_report(plan, ReportOptions{});
    for (size_t i = 0; i < kReportSectionCount; ++i)
        CHECK(html.find(std::string("<section id=\"") + kReportSections[i] + "\">") != std::string::npos);
    CHECK(html.find("<svg") == std::string::npos);
    CHECK(html.find("The plan has no tolerance stacks.") != std::string::npos);
    CHECK(html.find("written") == std::string::npos);  // no date given
}

TEST_CASE("chart SVG: data mapped to the frame, labels escaped, marks clipped") {
    Chart c;
    c.title = "t <1>";
    c.x = {0, 10, false, "x & y", {}, false};
    c.y = {0, 100, false, "", {}, false};
    c.height_em = 10;  // 160 px
    add_vline(c, 5, Ink{kInkBad}, "<lim>");
    const std::string svg = chart_svg(c, "t1");
    CHECK(svg.find("aria-label=\"t &lt;1&gt;\"") != std::string::npos);
    CHECK(svg.find(">x &amp; y</text>") != std::string::npos);
    CHECK(svg.find(">&lt;lim&gt;</text>") != std::string::npos);
    CHECK(svg.find("clip-path=\"url(#t1-clip)\"") != std::string::npos);
    // x = 5 is halfway across the frame: frame from x0 to 720 − 1.2·12 = 705.6. The y tick
    // labels 0 … 100 are at most 3 characters: x0 = 3·7.2 + 9.6 = 31.2; halfway 368.4.
    CHECK(svg.find("<line x1=\"368.4\"") != std::string::npos);
}

TEST_CASE("chart builders: the stack histogram counts every sample, the S-curve ends at 100 %") {
    const Plan plan = example("micro-gearbox.mfplan.json");
    StackOptions o;
    o.samples = 20000;
    const StackAnalysis a = analyse_stack(plan, plan.stacks[0].id, o);
    REQUIRE(a.monte_carlo);
    const Chart h = stack_histogram_chart(a.stack, a.monte_carlo_result(), plan.meta.units, false);
    const auto bars =
        std::find_if(h.marks.begin(), h.marks.end(), [](const ChartMark& m) { return m.kind == MarkKind::Histogram; });
    REQUIRE(bars != h.marks.end());
    double total = 0;
    for (double v : bars->y) total += v;
    CHECK(total == 20000);
    CHECK(bars->x.size() == bars->y.size() + 1);
    // Edges in the plan's unit: the first edge is the histogram's lo (mm) / mm per unit.
    CHECK(bars->x.front() ==
          doctest::Approx(a.monte_carlo->at_measurement.histogram.lo / mm_per_unit(plan.meta.units)));

    const ScheduleAnalysis s = analyse_schedule(plan, ScheduleOptions{2000, 3});
    REQUIRE(s.mc);
    const Chart sc = finish_scurve_chart(*s.mc);
    const auto steps =
        std::find_if(sc.marks.begin(), sc.marks.end(), [](const ChartMark& m) { return m.kind == MarkKind::Steps; });
    REQUIRE(steps != sc.marks.end());
    CHECK(steps->y.back() == 100);
    CHECK(steps->x.back() == s.mc->finish_sorted.back());
    const Chart g = gantt_chart(s, plan);
    CHECK(g.y.categories.size() == s.cpm->tasks.size());
}
