// Schedule benchmarks: the Monte Carlo the GUI runs in slices (target: 10 000 iterations of a
// 200-task network with gates in under 1 s in WASM), and one CPM pass of the same network.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bench.h"
#include "bench_inputs.h"
#include "schedule/cpm.h"
#include "schedule/monte_carlo.h"
#include "schedule/schedule_blocks.h"

namespace {

const mf::ScheduleProblem kNet = mf::bench::network_200();

// The same network with every odd stream at a partner working Mon–Sat with two holidays of its
// own: the Monte Carlo on the common calendar axis (multi_calendar.h).
mf::ScheduleProblem network_200_two_calendars() {
    mf::ScheduleProblem p = mf::bench::network_200();
    mf::NamedCalendar shop;
    shop.id = "shop";
    shop.calendar.working = {true, true, true, true, true, true, false};
    shop.calendar.holidays = {mf::date_from_ymd(2027, 2, 3), mf::date_from_ymd(2027, 3, 10)};
    p.section.calendars.push_back(shop);
    p.section.partner_calendars["p-shop"] = "shop";
    for (auto& t : p.section.tasks)
        if (t.id.size() > 1 && t.id[0] == 's' && (std::stoi(t.id.substr(1)) % 2) == 1) t.partner_id = "p-shop";
    return p;
}
const mf::ScheduleProblem kNet2 = network_200_two_calendars();

}  // namespace

MF_BENCHMARK("schedule MC, 201 tasks with 20 gates, 10 000 iterations + summary", "iterations", 10000) {
    mf::McResult r = mf::run_schedule_monte_carlo({kNet, 10000, 1});
    mf::bench::keep(r.p80 + (r.probability_meet_deadline ? *r.probability_meet_deadline : 0));
}

MF_BENCHMARK("schedule MC sliced 500 per frame, 201 tasks, 10 000 iterations", "iterations", 10000) {
    mf::ScheduleMonteCarlo mc({kNet, 10000, 1});
    while (!mc.step(500)) {}
    mf::bench::keep(mc.result().p50);
}

// The summary alone (result() of a finished run): Spearman ranks of 201 duration columns and
// the P50/P80 finish of each task, from 10 000 iterations sampled once.
MF_BENCHMARK("schedule MC part: summary of 10 000 × 201 (ranks, percentiles)", "iterations", 10000) {
    static mf::ScheduleMonteCarlo mc = [] {
        mf::ScheduleMonteCarlo m({kNet, 10000, 1});
        while (!m.step(10000)) {}
        return m;
    }();
    mf::bench::keep(mc.result().tasks[100].sensitivity);
}

MF_BENCHMARK("schedule MC, 201 tasks, half on a partner calendar, 10 000 iterations", "iterations", 10000) {
    mf::McResult r = mf::run_schedule_monte_carlo({kNet2, 10000, 1});
    mf::bench::keep(r.p80 + (r.probability_meet_deadline ? *r.probability_meet_deadline : 0));
}

MF_BENCHMARK("schedule CPM, 201 tasks", "runs", 1) {
    mf::CpmResult r = mf::run_cpm({kNet});
    mf::bench::keep(r.finish);
}

// What the page does with a run on Web Workers before its summary: 14 replies of 768
// iterations (the 201 tasks' durations and finishes, 1.2 MB each) taken from their bytes into
// the run's columns, in order (ParallelBlocksRun::collect: read_schedule_blocks, absorb). The
// replies are computed once; the sampling is not timed.
MF_BENCHMARK("schedule MC part: the page taking in 14 worker replies (10 000 × 201)", "iterations", 10000) {
    static const mf::McInput in{kNet, 10000, 1};
    static const std::vector<mf::Bytes> replies = [] {
        const std::optional<std::string> request = mf::schedule_blocks_request(in);
        const std::unique_ptr<mf::ScheduleMonteCarlo> worker = mf::schedule_run_from_request(request.value());
        std::vector<mf::Bytes> r;
        for (size_t first = 0; first < worker->blocks(); first += 3)
            r.push_back(
                mf::write_schedule_blocks(worker->sample_blocks(first, std::min<size_t>(3, worker->blocks() - first))));
        return r;
    }();
    mf::ScheduleMonteCarlo page(in);
    for (const mf::Bytes& bytes : replies) {
        const mf::Bytes arrived(bytes);  // the page's copy of the transferred buffer (platform_web.cpp)
        mf::ScheduleBlocks b;
        if (!mf::read_schedule_blocks(arrived, b) || !page.absorb(b)) {
            std::fprintf(stderr, "a reply was refused\n");
            std::exit(1);
        }
    }
    mf::bench::keep(page.progress());
}
