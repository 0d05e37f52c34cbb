// Runs every registered benchmark: one warm-up run, then the median of 5 timed runs.
// Output: a Markdown table row per case ("| name | median ms | rate |").
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "bench.h"

namespace mf::bench {
std::vector<Case>& registry() {
    static std::vector<Case> cases;
    return cases;
}
static volatile double g_sink;
void keep(double value) { g_sink = g_sink + value; }
}  // namespace mf::bench

int main(int argc, char** argv) {
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
