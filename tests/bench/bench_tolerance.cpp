// Tolerance-stack Monte Carlo throughput (docs/benchmarks.md, "Tolerance stack Monte Carlo").
// Each run is a whole analysis: sampling, the exact gap, tails, moments, histogram and
// percentiles of 10⁶ samples (MonteCarloRun::result included).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "bench.h"
#include "bench_inputs.h"
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_blocks.h"

namespace {

using namespace mf;

// 10 vectors, each with a toleranced length and a toleranced angle (20 contributors), around a
// closed polygon; the gap is measured along 90°.
Stack loop10() {
    Stack s = Stack{};
    s.lower_limit = -0.05;
    s.loop = VectorLoop{90, {}};
    for (int v = 0; v < 10; ++v) {
        Contributor len, ang;
        len.id = "L" + std::to_string(v);
        len.name = len.id;
        len.nominal = 5.0 + v;
        len.tol_plus = len.tol_minus = 0.01;
        ang.id = "A" + std::to_string(v);
        ang.name = ang.id;
        ang.kind = DimensionKind::Angle;
        ang.nominal = 0;
        ang.tol_plus = ang.tol_minus = 0.1;
        ang.distribution.kind = DistributionKind::Uniform;
        s.contributors.push_back(len);
        s.contributors.push_back(ang);
        s.loop->vectors.push_back({len.id, 0, ang.id, 36.0 * v});
    }
    return s;
}

const Stack kChain = mf::bench::chain20();
const Stack kLoop = loop10();

}  // namespace

MF_BENCHMARK("stack MC, 20-contributor 1D chain, 1e6 samples (ziggurat normals)", "samples", 1e6) {
    mf::MonteCarloOptions o;
    mf::bench::keep(mf::run_monte_carlo(kChain, o).at_measurement.mean);
}

MF_BENCHMARK("stack MC, 20-contributor 1D chain, 1e6 samples (polar normals, before)", "samples", 1e6) {
    mf::MonteCarloOptions o;
    o.fast_normal = false;
    mf::bench::keep(mf::run_monte_carlo(kChain, o).at_measurement.mean);
}

MF_BENCHMARK("stack MC, 10-vector 2D loop (lengths and angles), 1e6 samples", "samples", 1e6) {
    mf::MonteCarloOptions o;
    mf::bench::keep(mf::run_monte_carlo(kLoop, o).at_measurement.mean);
}

MF_BENCHMARK("stack MC, 20-contributor chain in 20 slices of 50 000 (GUI frames)", "samples", 1e6) {
    mf::MonteCarloRun run(kChain, mf::MonteCarloOptions{});
    while (!run.step(50000)) {}
    mf::bench::keep(run.result().at_measurement.mean);
}

// The summary alone (result() of a finished run): moments, tails, histogram and percentiles of
// 10⁶ samples; what the page computes after the last Web Worker's reply.
MF_BENCHMARK("stack MC part: summary of 10⁶ samples (result() of a finished run)", "samples", 1e6) {
    static mf::MonteCarloRun run = [] {
        mf::MonteCarloRun r(kChain, mf::MonteCarloOptions{});
        while (!r.step(1000000)) {}
        return r;
    }();
    mf::bench::keep(run.result().at_measurement.mean);
}

// The same 10⁶ samples as one Web Worker computes them in the Tolerances tab: the run made
// from the request text once (a worker keeps it for the run's next requests), then 8 requests
// of 123 blocks, each written to its reply bytes (gui/worker_kinds.cpp); no summary. Against
// the first case, what the worker path adds to the sampling.
MF_BENCHMARK("stack MC part: 10⁶ samples as one worker computes them (8 requests, reply bytes)", "samples", 1e6) {
    static const std::string request = [] {
        mf::Stack s = kChain;
        s.id = s.name = "chain";  // a plan file's stack has both
        return mf::stack_blocks_request(s, mf::MonteCarloOptions{});
    }();
    const std::unique_ptr<mf::MonteCarloRun> run = mf::stack_run_from_request(request);
    if (!run) {  // never silently time nothing
        std::fprintf(stderr, "the worker request was refused\n");
        std::exit(1);
    }
    const size_t blocks = (run->total() + mf::MonteCarloRun::kBlock - 1) / mf::MonteCarloRun::kBlock;
    const size_t per = (blocks + 7) / 8;
    double sink = 0;
    for (size_t first = 0; first < blocks; first += per)
        sink += static_cast<double>(
            mf::write_stack_blocks(run->sample_blocks(first, std::min(per, blocks - first))).size());
    mf::bench::keep(sink);
}
