// Runs every registered benchmark: one warm-up run, then the median of 5 timed runs.
// Output: a Markdown table row per case ("| name | median ms | rate |").
// `mf_bench --write-plans DIR` instead writes the benchmarks' stack and network as plan files,
// which tests/bench/edit_to_figure.mjs opens in the app to time the same work in the tab.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "bench.h"
#include "bench_inputs.h"
#include "plan/plan_file.h"

namespace mf::bench {
std::vector<Case>& registry() {
    static std::vector<Case> cases;
    return cases;
}
static volatile double g_sink;
void keep(double value) { g_sink = g_sink + value; }
}  // namespace mf::bench

// Writes DIR/bench-stack.mfplan.json (the 20-contributor chain) and DIR/bench-schedule.mfplan.json
// (the 201-task network with its start and deadline); false when a file cannot be written.
static bool write_plans(const std::string& dir) {
    auto write = [&](const char* name, const mf::Plan& plan) {
        std::ofstream f(dir + "/" + name, std::ios::binary);
        f << mf::save_plan(plan);
        return static_cast<bool>(f);
    };
    mf::Plan stack;
    stack.meta.name = "Benchmark: 20-contributor chain";
    mf::Stack s = mf::bench::chain20();
    s.id = "s-chain20";
    s.name = "20-contributor chain";
    stack.stacks.push_back(s);
    mf::Plan schedule;
    schedule.meta.name = "Benchmark: 201-task network";
    const mf::ScheduleProblem net = mf::bench::network_200();
    schedule.meta.start_date = net.start;
    schedule.meta.deadline = net.deadline;
    schedule.schedule = net.section;
    return write("bench-stack.mfplan.json", stack) && write("bench-schedule.mfplan.json", schedule);
}

int main(int argc, char** argv) {
    if (argc > 2 && std::strcmp(argv[1], "--write-plans") == 0) return write_plans(argv[2]) ? 0 : 1;
    const char* filter = argc > 1 ? argv[1] : "";
    std::printf("| benchmark | median of 5 (ms) | rate |\n|---|---:|---:|\n");
    for (auto& c : mf::bench::registry()) {
        if (*filter && !std::strstr(c.name.c_str(), filter)) continue;
        c.run();  // warm-up
        double ms[5];
        for (double& t : ms) {
            const auto t0 = std::chrono::steady_clock::now();
            c.run();
            t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        }
        std::sort(ms, ms + 5);
        const double rate = c.items / (ms[2] / 1000.0);
        std::printf("| %s | %.1f | %.3g %s/s |\n", c.name.c_str(), ms[2], rate, c.unit.c_str());
        std::fflush(stdout);
    }
    return 0;
}
