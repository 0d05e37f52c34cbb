// The sliced-job contract: every Monte Carlo in core (stack, schedule, decision rank-first)
// is a job that a caller advances in slices, so the GUI can run it across frames with a
// progress bar and cancel, and the CLI can run it to the end in one call. Sliced or not,
// the result is the same for the same seed.
//
//   MonteCarloRun job(stack, options);          // cheap: checks inputs, allocates
//   while (!job.step(50'000)) draw(job.progress());
//   MonteCarloResult r = job.result();          // final once step() returned true
//
// A job type provides:
//   bool step(size_t n)        does about n more units (samples, iterations) of work and
//                              returns true once the job is finished (also when its inputs
//                              were refused: there is nothing to do, result() says why)
//   bool finished() const      step() has returned true
//   double progress() const    0 … 1
//   Result result() const      the result of the work done so far: partial before finished,
//                              final after; callable at any time
// gui/job_runner.h runs any such job across frames; run_to_end() runs it in one go.
#pragma once
#include <cstddef>
#include <type_traits>
#include <utility>

namespace mf {

// True when J has the members of the contract above.
template <class J, class = void>
struct is_sliced_job : std::false_type {};
template <class J>
struct is_sliced_job<
    J,
    std::void_t<decltype(bool(std::declval<J&>().step(size_t{1}))), decltype(bool(std::declval<const J&>().finished())),
                decltype(double(std::declval<const J&>().progress())), decltype(std::declval<const J&>().result())>>
    : std::true_type {};

// The whole job in one call (the CLI, tests, benchmarks).
template <class J>
auto run_to_end(J& job, size_t slice = 1u << 16) {
    static_assert(is_sliced_job<J>::value, "J must follow the sliced-job contract (core/base/job.h)");
    while (!job.step(slice)) {}
    return job.result();
}

}  // namespace mf
