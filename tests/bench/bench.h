// A minimal benchmark registry: each tests/bench/bench_*.cpp registers named cases with
// MF_BENCHMARK; `mf_bench` (native) and `node mf_bench.js` (WASM) run them all and print
// one line per case, which scripts/bench.sh collects into docs/benchmarks.md.
//
//   MF_BENCHMARK("stack MC, 20 contributors, 1e6 samples", "samples", 1e6) {
//       auto r = run_monte_carlo(...);
//       mf::bench::keep(r.mean);       // so the optimizer cannot drop the work
//   }
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace mf::bench {

struct Case {
    std::string name;
    std::string unit;  // what `items` counts ("samples", "iterations", "rows")
    double items;      // items processed by one run, for the rate column
    std::function<void()> run;
};

std::vector<Case>& registry();
void keep(double value);  // a sink the optimizer must respect

struct Registrar {
    Registrar(const char* name, const char* unit, double items, std::function<void()> fn) {
        registry().push_back({name, unit, items, std::move(fn)});
    }
};

}  // namespace mf::bench

#define MF_BENCH_CAT2(a, b) a##b
#define MF_BENCH_CAT(a, b) MF_BENCH_CAT2(a, b)
#define MF_BENCHMARK(name, unit, items)                                                                        \
    static void MF_BENCH_CAT(mf_bench_fn_, __LINE__)();                                                        \
    static ::mf::bench::Registrar MF_BENCH_CAT(mf_bench_reg_, __LINE__)(name, unit, items,                     \
                                                                        MF_BENCH_CAT(mf_bench_fn_, __LINE__)); \
    static void MF_BENCH_CAT(mf_bench_fn_, __LINE__)()
