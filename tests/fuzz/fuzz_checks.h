// What the fuzz targets demand of every result besides "no crash, no sanitizer report, no
// hang": a figure an analysis reports without an error is a finite number (docs/plan-format.md,
// "Limits": every figure finite or refused with a reason). A violation aborts with the name
// of the figure, so libFuzzer keeps the input as a crasher.
//
// tests/core/test_hostile_replay.cpp compiles the targets into the unit tests (MF_FUZZ_REPLAY)
// and runs them over the seed corpus and every committed crasher; there a violation is a
// failed check instead of an abort.
#pragma once
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

namespace mf::fuzz {

#ifdef MF_FUZZ_REPLAY
inline void fail(const std::string& why) { FAIL_CHECK(why); }
#else
[[noreturn]] inline void fail(const std::string& why) {
    std::fprintf(stderr, "fuzz check failed: %s\n", why.c_str());
    std::abort();
}
#endif

inline void finite(double v, const char* what) {
    if (std::isfinite(v)) return;
    fail(std::string(what) + " is " + std::to_string(v) + ", not a finite number");
}

inline void finite(const std::optional<double>& v, const char* what) {
    if (v) finite(*v, what);
}

inline void require(bool ok, const char* what) {
    if (!ok) fail(what);
}

}  // namespace mf::fuzz
