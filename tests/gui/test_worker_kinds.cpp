// What a Web Worker computes (gui/worker_kinds.h): it keeps the run of its last request for
// the next one, and the blocks it writes are byte for byte those of a run made afresh for
// each request, whatever came before (another run's requests in between included).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "schedule/schedule_blocks.h"
#include "tolerance/stack_blocks.h"
#include "worker_kinds.h"

using namespace mf;

namespace {

McInput chain(int tasks, uint64_t seed) {
    McInput in;
    in.problem.start = date_from_ymd(2027, 1, 4);
    in.iterations = 3000;  // 12 blocks
    in.seed = seed;
    for (int i = 0; i < tasks; ++i) {
        Task t;
        t.id = "t" + std::to_string(i);
        t.optimistic = 2;
        t.most_likely = 3 + i % 3;
        t.pessimistic = 8;
        if (i > 0) t.predecessors.push_back({"t" + std::to_string(i - 1)});
        in.problem.section.tasks.push_back(t);
    }
    return in;
}

Stack three_contributors(double tol) {
    Stack s;
    s.id = "s";
    s.upper_limit = 0.05;
    for (int i = 0; i < 3; ++i) {
        Contributor c;
        c.id = "c" + std::to_string(i);
        c.nominal = 1 + i;
        c.tol_plus = c.tol_minus = tol;
        s.contributors.push_back(c);
    }
    return s;
}

}  // namespace

TEST_CASE("worker kinds: a kept run writes the blocks a fresh run writes, across runs and kinds") {
    const std::string a = *schedule_blocks_request(chain(12, 1)), b = *schedule_blocks_request(chain(12, 2));
    MonteCarloOptions o;
    o.samples = 5000;
    const std::string s1 = stack_blocks_request(three_contributors(0.01), o);
    const std::string s2 = stack_blocks_request(three_contributors(0.02), o);
    struct Request {
        const char* kind;
        const std::string* text;
        size_t first, count;
    };
    // A run's requests in order and out of order, another run's in between, back to the first.
    const std::vector<Request> requests = {{"schedule", &a, 0, 3}, {"schedule", &a, 6, 3}, {"schedule", &a, 3, 3},
                                           {"stack", &s1, 0, 2},   {"schedule", &b, 0, 5}, {"schedule", &a, 9, 3},
                                           {"stack", &s2, 2, 3},   {"stack", &s1, 2, 3},   {"schedule", &b, 5, 7}};
    for (const Request& r : requests) {
        CAPTURE(r.kind);
        CAPTURE(r.first);
        Bytes kept, fresh;
        REQUIRE(compute_worker_blocks(r.kind, *r.text, r.first, r.count, kept));
        const bool ok = std::string(r.kind) == "stack" ? compute_stack_blocks(*r.text, r.first, r.count, fresh)
                                                       : compute_schedule_blocks(*r.text, r.first, r.count, fresh);
        REQUIRE(ok);
        CHECK(kept == fresh);
    }
    Bytes none;
    CHECK_FALSE(compute_worker_blocks("schedule", "not a request", 0, 1, none));
    CHECK(compute_worker_blocks("schedule", a, 0, 1, none));  // a refused text does not stay kept
}
