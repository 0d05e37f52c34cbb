// Schedule chart builders (analysis_charts.h): Gantt with P50 / P80, the finish S-curve and
// the finish histogram.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "chart/analysis_charts.h"
#include "schedule/schedule_analysis.h"

namespace mf {

namespace {

// The x range of the finish charts: every finish, the plan and the deadline, padded.
void finish_range(const McResult& r, double& lo, double& hi) {
    lo = r.min, hi = r.max;
    if (r.deadline_offset) {
        lo = std::min(lo, *r.deadline_offset);
        hi = std::max(hi, *r.deadline_offset);
    }
    lo = std::min(lo, r.deterministic_finish);
    const double pad = std::max(1.0, (hi - lo) * 0.04);
    lo = std::floor(lo - pad), hi = std::ceil(hi + pad);
}

void finish_lines(Chart& c, const McResult& r) {
    add_vline(c, r.deterministic_finish, Ink{kInkText}, "", 1.5f);
    add_vline(c, r.p50, Ink{0}, "", 1.5f);
    add_vline(c, r.p80, Ink{1}, "", 1.5f);
    if (r.deadline_offset) add_vline(c, *r.deadline_offset, Ink{kInkBad}, "", 2.5f);
    if (r.deadline_offset) c.legend.push_back({Ink{kInkBad}, "deadline", true});
    c.legend.push_back({Ink{kInkText}, "plan " + format_iso_date(r.deterministic_finish_date), true});
    c.legend.push_back({Ink{0}, "P50 " + format_iso_date(r.p50_date), true});
    c.legend.push_back({Ink{1}, "P80 " + format_iso_date(r.p80_date), true});
}

std::string run_note(const McResult& r) {
    char b[96];
    std::snprintf(b, sizeof b, "%d iterations, seed %llu", r.iterations, static_cast<unsigned long long>(r.seed));
    return b;
}

}  // namespace

Chart finish_scurve_chart(const McResult& r) {
    Chart c;
    c.title = "S-curve: share of runs finished by that working day (%)";
    c.x.label = "project finish, working days from the start";
    c.height_em = 12;
    const auto& fs = r.finish_sorted;
    if (fs.empty()) {
        c.note = "No Monte Carlo result.";
        return c;
    }
    finish_range(r, c.x.min, c.x.max);
    c.y = {0, 100, false, "", {}, false};
    add_hline(c, 80, Ink{kInkDim}, "80 %", 1.0f);
    finish_lines(c, r);
    // At most ~400 points.
    std::vector<double> xs, ys;
    const size_t n = fs.size(), step = std::max<size_t>(1, n / 400);
    for (size_t i = 0; i < n; i += step) {
        xs.push_back(fs[i]);
        ys.push_back(static_cast<double>(i + 1) / static_cast<double>(n) * 100);
    }
    xs.push_back(fs.back());
    ys.push_back(100);
    add_steps(c, std::move(xs), std::move(ys), Ink{0}, 2.0f);
    if (r.deadline_offset && r.probability_meet_deadline) {
        const double p = *r.probability_meet_deadline * 100;
        add_point(c, *r.deadline_offset, p, Ink{kInkBad}, MarkShape::Diamond, 5.0f);
        char buf[48];
        std::snprintf(buf, sizeof buf, " %.1f %% by the deadline", p);
        add_text(c, *r.deadline_offset, std::min(92.0, p + 4), buf, Ink{kInkBad});
    }
    c.note = run_note(r);
    return c;
}

Chart finish_histogram_chart(const McResult& r) {
    Chart c;
    c.title = "Finish dates: share of runs per bin (%)";
    c.x.label = "project finish, working days from the start";
    c.height_em = 12;
    const auto& fs = r.finish_sorted;
    if (fs.empty()) {
        c.note = "No Monte Carlo result.";
        return c;
    }
    double lo = 0, hi = 0;
    finish_range(r, lo, hi);
    // About 40 bins, whole working days wide at least.
    const double width = std::max(1.0, std::ceil((hi - lo) / 40));
    const int bins = std::max(1, static_cast<int>(std::ceil((hi - lo) / width)));
    std::vector<double> edges(static_cast<size_t>(bins) + 1), counts(static_cast<size_t>(bins), 0);
    for (int b = 0; b <= bins; ++b) edges[static_cast<size_t>(b)] = lo + b * width;
    for (double x : fs) counts[static_cast<size_t>(std::clamp(static_cast<int>((x - lo) / width), 0, bins - 1))] += 1;
    double top = 0;
    for (double& n : counts) {
        n = n / static_cast<double>(fs.size()) * 100;
        top = std::max(top, n);
    }
    c.x.min = lo, c.x.max = hi;
    c.y = {0, top * 1.15, false, "", {}, false};
    add_histogram(c, std::move(edges), std::move(counts), Ink{0, 0.55f}, Ink{0, 0.9f});
    finish_lines(c, r);
    c.note = run_note(r);
    return c;
}

Chart gantt_chart(const ScheduleAnalysis& a, const Plan& plan) {
    Chart c;
    c.title = "Gantt: CPM start to finish (most likely durations)";
    c.x.label = "working days from the start";
    if (!a.cpm) {
        c.note = "No schedule: the timeline has errors or no start date.";
        return c;
    }
    const CpmResult& cpm = *a.cpm;
    const auto& tasks = plan.schedule.tasks;
    const size_t n = cpm.tasks.size();
    c.y.reversed = true;
    c.y.min = -1.6;  // a free row on top for the labels of the lines
    c.y.max = static_cast<double>(n) - 0.4;
    double hi = cpm.finish;
    for (size_t i = 0; i < n; ++i) {
        const CpmTask& t = cpm.tasks[i];
        const std::string name = shorten(i < tasks.size() && !tasks[i].name.empty() ? tasks[i].name : t.id, 40);
        c.y.categories.push_back(name);
        hi = std::max(hi, t.ef);
    }
    const McResult* mc = a.mc && a.mc->ok() ? &*a.mc : nullptr;
    if (mc) hi = std::max(hi, mc->p80);
    if (cpm.deadline_offset) hi = std::max(hi, *cpm.deadline_offset);
    c.x.min = 0;
    c.x.max = std::ceil(hi * 1.04 + 1);
    c.height_em = 3.2f + 1.6f * static_cast<float>(n + 1);
    for (size_t i = 0; i < n; ++i) {
        const CpmTask& t = cpm.tasks[i];
        const double y = static_cast<double>(i);
        const Ink ink = t.summary ? Ink{kInkDim, 0.6f} : t.critical ? Ink{kInkBad, 0.75f} : Ink{0, 0.6f};
        if (t.ef > t.es)
            add_hbar(c, y, t.es, t.ef, t.summary ? 0.3 : 0.6, ink);
        else
            add_point(c, t.es, y, Ink{kInkText}, MarkShape::Diamond, 5.0f);  // a milestone
        if (mc && i < mc->tasks.size() && !t.summary) {
            add_point(c, mc->tasks[i].p50_finish, y, Ink{kInkText}, MarkShape::Circle, 3.0f);
            add_point(c, mc->tasks[i].p80_finish, y, Ink{1}, MarkShape::Diamond, 4.0f);
        }
    }
    // The lines sit near the finish, at the right: labels on their own rows, left of a line in
    // the right half so they stay inside the chart.
    const double mid = (c.x.min + c.x.max) / 2;
    if (mc) {
        add_vline(c, mc->p50, Ink{0}, "P50 " + format_iso_date(mc->p50_date), 1.5f, 0, mc->p50 > mid);
        add_vline(c, mc->p80, Ink{1}, "P80 " + format_iso_date(mc->p80_date), 1.5f, 1, mc->p80 > mid);
    }
    if (cpm.deadline_offset && plan.meta.deadline)
        add_vline(c, *cpm.deadline_offset, Ink{kInkBad}, "deadline " + format_iso_date(*plan.meta.deadline), 2.0f, 2,
                  *cpm.deadline_offset > mid);
    c.legend = {{Ink{kInkBad, 0.75f}, "critical", false}, {Ink{0, 0.6f}, "with float", false}};
    if (mc) {
        c.legend.push_back({Ink{kInkText}, "● task P50 finish", true});
        c.legend.push_back({Ink{1}, "◆ task P80 finish", true});
        c.note = run_note(*mc);
    }
    return c;
}

}  // namespace mf
