// What a Web Worker's instance of the module runs (shell.html, [Workers]): the worker starts
// the module without main(), warms the kernel up once, then computes the blocks it is sent.
// The page's own instance never calls these.
#include <emscripten.h>

#include <string>
#include <vector>

#include "tolerance/stack_blocks.h"

namespace {
std::vector<double> g_out;  // the last result: gaps, then gaps at the operating temperature, then sums
}  // namespace

// Computes blocks [first, first + count) of the stack Monte Carlo in `request`; sizes[0..2]
// receive the three lengths. Returns the results (valid until the next call), or null when
// the request cannot be run.
extern "C" EMSCRIPTEN_KEEPALIVE const double* mf_worker_stack_blocks(const char* request, int request_size, double seed,
                                                                     double samples, int bins, int fast_normal,
                                                                     double first, double count, int* sizes) {
    mf::MonteCarloOptions o;
    o.seed = static_cast<uint64_t>(seed);
    o.samples = static_cast<size_t>(samples);
    o.histogram_bins = bins;
    o.fast_normal = fast_normal != 0;
    mf::StackBlocks b;
    if (!mf::compute_stack_blocks(std::string(request, static_cast<size_t>(request_size)), o,
                                  static_cast<size_t>(first), static_cast<size_t>(count), b))
        return nullptr;
    g_out.clear();
    g_out.insert(g_out.end(), b.gaps.begin(), b.gaps.end());
    g_out.insert(g_out.end(), b.gaps_op.begin(), b.gaps_op.end());
    g_out.insert(g_out.end(), b.sums.begin(), b.sums.end());
    sizes[0] = static_cast<int>(b.gaps.size());
    sizes[1] = static_cast<int>(b.gaps_op.size());
    sizes[2] = static_cast<int>(b.sums.size());
    return g_out.data();
}

// The browser compiles a WebAssembly function for speed only after it has run a while, and a
// call already running never switches (docs/benchmarks.md, "First analysis after loading"):
// the worker runs the kernel briefly once, on every distribution the tab can send, before its
// first real request.
extern "C" EMSCRIPTEN_KEEPALIVE void mf_worker_warm_up() {
    mf::Stack s;
    const mf::DistributionKind kinds[] = {mf::DistributionKind::Normal, mf::DistributionKind::Uniform,
                                          mf::DistributionKind::Triangular, mf::DistributionKind::Lognormal,
                                          mf::DistributionKind::SkewNormal};
    for (int i = 0; i < 10; ++i) {
        mf::Contributor c;
        c.id = "c" + std::to_string(i);
        c.nominal = 1 + i;
        c.tol_plus = c.tol_minus = 0.01;
        c.sensitivity = i % 2 ? -1 : 1;
        c.distribution.kind = kinds[i % 5];
        if (c.distribution.kind == mf::DistributionKind::Lognormal) c.distribution.sigma_log = 0.1;
        s.contributors.push_back(c);
    }
    mf::MonteCarloOptions o;
    o.samples = 200'000;
    mf::MonteCarloRun run(s, o);
    (void)run.sample_blocks(0, run.blocks());
}
