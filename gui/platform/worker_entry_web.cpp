// What a Web Worker's instance of the module runs (shell.html, [Workers]): the worker starts
// the module without main(), warms the kernels up once, then computes the blocks it is sent.
// The page's own instance never calls these.
#include <emscripten.h>

#include <string>

#include "worker_kinds.h"

namespace {
mf::Bytes g_out;  // the last result
}  // namespace

// Computes blocks [first, first + count) of the `kind` Monte Carlo in `request`
// (gui/worker_kinds.h); *size receives the result's length in bytes. Returns the result
// (valid until the next call), or null when the request cannot be run.
extern "C" EMSCRIPTEN_KEEPALIVE const uint8_t* mf_worker_compute(const char* kind, int kind_size, const char* request,
                                                                 int request_size, double first, double count,
                                                                 int* size) {
    g_out.clear();
    if (!mf::compute_worker_blocks(std::string(kind, static_cast<size_t>(kind_size)),
                                   std::string(request, static_cast<size_t>(request_size)), static_cast<size_t>(first),
                                   static_cast<size_t>(count), g_out))
        return nullptr;
    *size = static_cast<int>(g_out.size());
    return g_out.data();
}

// The browser compiles a WebAssembly function for speed only after it has run a while, and a
// call already running never switches (docs/benchmarks.md, "First analysis after loading"):
// the worker runs each kernel briefly once before its first real request.
extern "C" EMSCRIPTEN_KEEPALIVE void mf_worker_warm_up() { mf::warm_up_worker_kernels(); }
