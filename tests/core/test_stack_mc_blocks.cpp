// The stack Monte Carlo computed in blocks elsewhere (core/tolerance/monte_carlo.h: a Web
// Worker runs sample_blocks() on its own run, the page absorb()s the blocks in order) gives
// the same result, to the last bit, as the one-call run: for any number of workers and any
// chunking, with a thermal difference, uncertain CTEs and a nonlinear 2D loop (every stream
// the kernel draws). And a block handed over out of order or with the wrong size is refused.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tolerance/monte_carlo.h"
#include "tolerance/stack_blocks.h"
#include "tolerance_test_support.h"

using namespace mf;

namespace {

// Three contributors of different kinds and materials, a CTE tolerance and an operating
// temperature 40 K above the measurement one, closed as a 2D loop with a toleranced angle.
Stack every_stream() {
    Stack s;
    s.id = "s";
    s.lower_limit = -0.5;
    s.upper_limit = 0.5;
    s.operating_temperature = 60;
    Contributor a, b, t;
    a.id = "a";
    a.nominal = 10;
    a.tol_plus = a.tol_minus = 0.01;
    a.material = "stainless-316l";
    a.cte_tol = 1.5;
    b.id = "b";
    b.nominal = 10;
    b.tol_plus = b.tol_minus = 0.02;
    b.distribution.kind = DistributionKind::Triangular;
    b.material = "alumina-96";
    t.id = "t";
    t.kind = DimensionKind::Angle;
    t.tol_plus = t.tol_minus = 0.2;
    t.distribution.kind = DistributionKind::Uniform;
    s.contributors = {a, b, t};
    s.loop = VectorLoop{90, {{"a", 0, "t", 90}, {"b", 0, "", 270}}};
    return s;
}

// What the page does with W workers: chunks of `chunk` blocks handed out round-robin, each
// worker computing its chunks on its own run, the page absorbing them in block order.
MonteCarloResult with_workers(const Stack& s, const MonteCarloOptions& o, size_t workers, size_t chunk) {
    MonteCarloRun page(s, o);
    std::vector<MonteCarloRun> pool;
    for (size_t w = 0; w < workers; ++w) pool.emplace_back(s, o);
    std::vector<StackBlocks> done;
    size_t w = 0;
    for (size_t first = 0; first < page.blocks(); first += chunk, w = (w + 1) % workers)
        done.push_back(pool[w].sample_blocks(first, chunk));
    // Results arrive in any order; absorbed in block order.
    std::reverse(done.begin(), done.end());
    while (!page.finished()) {
        auto next =
            std::find_if(done.begin(), done.end(), [&](const StackBlocks& b) { return b.first == page.blocks_done(); });
        REQUIRE(next != done.end());
        REQUIRE(page.absorb(*next));
    }
    return page.result();
}

}  // namespace

TEST_CASE("stack MC in blocks: 1, 2 and 4 workers and any chunking give the one-call result exactly") {
    const Stack s = every_stream();
    MonteCarloOptions o;
    o.samples = 50'000;  // 49 blocks of 1024 and one of 848: a short last block
    o.seed = 7;
    const MonteCarloResult whole = run_monte_carlo(s, o);
    INFO((whole.errors.empty() ? std::string() : whole.errors.front().message));
    REQUIRE(whole.errors.empty());
    REQUIRE(whole.thermal_differs);
    CHECK(whole.samples == 50'000);
    for (size_t workers : {1u, 2u, 4u})
        for (size_t chunk : {1u, 3u, 16u, 64u}) {
            CAPTURE(workers);
            CAPTURE(chunk);
            mf::test::check_same_result(with_workers(s, o, workers, chunk), whole);
        }
    // Sliced on the page (the fallback where no worker starts) and sliced oddly.
    MonteCarloRun sliced(s, o);
    while (!sliced.step(777)) {}
    mf::test::check_same_result(sliced.result(), whole);
}

TEST_CASE("stack MC in blocks: a block that is not the next one, or of the wrong size, is refused") {
    const Stack s = every_stream();
    MonteCarloOptions o;
    o.samples = 5000;  // 5 blocks
    MonteCarloRun page(s, o), worker(s, o);
    CHECK(page.blocks() == 5);
    StackBlocks second = worker.sample_blocks(1, 1);
    CHECK_FALSE(page.absorb(second));  // block 0 has not arrived
    StackBlocks first = worker.sample_blocks(0, 1);
    StackBlocks cut = first;
    cut.gaps.pop_back();
    CHECK_FALSE(page.absorb(cut));
    CHECK(page.done() == 0);
    CHECK(page.absorb(first));
    CHECK(page.absorb(second));
    CHECK(page.done() == 2048);
    CHECK(page.blocks_done() == 2);
    // Past the end: clamped to the run.
    const StackBlocks tail = worker.sample_blocks(4, 10);
    CHECK(tail.count == 1);
    CHECK(tail.gaps.size() == 5000 - 4 * 1024);
}

TEST_CASE("stack MC in blocks: each block's streams depend on (seed, block, stream) only") {
    // The same block drawn by two runs that computed different blocks before it is the same.
    const Stack s = every_stream();
    MonteCarloOptions o;
    o.samples = 10'000;
    MonteCarloRun x(s, o), y(s, o);
    (void)y.sample_blocks(0, 6);
    const StackBlocks bx = x.sample_blocks(6, 1), by = y.sample_blocks(6, 1);
    CHECK(bx.gaps == by.gaps);
    CHECK(bx.gaps_op == by.gaps_op);
    CHECK(bx.sums == by.sums);
    // A different seed draws different numbers.
    o.seed = 2;
    MonteCarloRun z(s, o);
    CHECK(z.sample_blocks(6, 1).gaps != bx.gaps);
}

TEST_CASE("stack MC in blocks: through the worker contract (request text, reply bytes) the result is the same") {
    // What a Web Worker does (gui/worker_kinds.h): the request names the stack and the options
    // as text; the reply is one byte buffer the page decodes and absorbs in block order.
    const Stack s = every_stream();
    MonteCarloOptions o;
    o.samples = 7000;                  // 7 blocks, the last one of 856
    o.seed = 18446744073709551557ull;  // above 2⁵³: it must travel as an exact integer
    o.histogram_bins = 17;
    o.fast_normal = false;
    const std::string request = stack_blocks_request(s, o);
    MonteCarloRun page(s, o);
    for (size_t first = 0; first < page.blocks(); first += 3) {
        Bytes bytes;
        REQUIRE(compute_stack_blocks(request, first, 3, bytes));
        StackBlocks b;
        REQUIRE(read_stack_blocks(bytes, b));
        CHECK(b.first == first);
        REQUIRE(page.absorb(b));
    }
    REQUIRE(page.finished());
    mf::test::check_same_result(page.result(), run_monte_carlo(s, o));
    // Damaged bytes and requests are refused, not half read.
    Bytes bytes;
    REQUIRE(compute_stack_blocks(request, 0, 1, bytes));
    StackBlocks b;
    bytes.pop_back();
    CHECK_FALSE(read_stack_blocks(bytes, b));
    CHECK_FALSE(compute_stack_blocks("{}", 0, 1, bytes));
    CHECK_FALSE(compute_stack_blocks("not json", 0, 1, bytes));
}

TEST_CASE("stack MC: what it samples leaves out names and partners, and its run is the stack's to the last bit") {
    Stack s = every_stream();
    s.name = "Shaft to bore";
    s.contributors[0].name = "Bore";
    s.contributors[0].partner_id = "p-boutique";
    s.contributors[2].name = "Tilt";
    const Stack sampled = sampled_stack(s);
    CHECK(sampled.name.empty());
    CHECK(sampled.contributors[0].name.empty());
    CHECK(sampled.contributors[0].partner_id.empty());
    CHECK(sampled.contributors[2].id == "t");  // ids stay: the loop names its contributors by id
    CHECK(sampled.loop == s.loop);
    MonteCarloOptions o;
    o.samples = 20'000;
    o.seed = 3;
    mf::test::check_same_result(run_monte_carlo(sampled, o), run_monte_carlo(s, o));
    // A rename or another partner leaves it equal (a tab keeps its run); a tolerance does not.
    Stack renamed = s;
    renamed.name = "Gap A";
    renamed.contributors[1].name = "Housing";
    renamed.contributors[0].partner_id = "p-cm";
    CHECK(sampled_stack(renamed) == sampled);
    Stack tighter = s;
    tighter.contributors[1].tol_plus = 0.015;
    CHECK_FALSE(sampled_stack(tighter) == sampled);
}
