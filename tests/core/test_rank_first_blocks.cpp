// The rank-first Monte Carlo computed in blocks elsewhere (core/decision/sensitivity.h: a Web
// Worker runs sample_blocks() on its own run, the page absorb()s the blocks in order) gives the
// same result, to the last bit, as the one-call run and any slicing; blocks out of order or of
// the wrong size are refused; the request and the reply survive their trip through text and bytes.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>

#include "decision/rank_first_blocks.h"

using namespace mf;

namespace {

// Three partners, three criteria (one a cost, one on a fixed scale), overlapping ranges so the
// winner changes between samples, and a tie possible on the ranged scale criterion.
MatrixInput matrix() {
    MatrixInput m;
    m.alternatives = {"a", "b", "c"};
    m.criteria = {"quality", "cost", "lead time"};
    m.benefit = {true, false, false};
    m.weights = {0.5, 0.3, 0.2};
    m.value = {{7, 120, 6}, {8, 135, 5}, {6, 100, 8}};
    m.low = {{6, 110, 5}, {6.5, 120, 4}, {5, 95, 6}};
    m.high = {{8.5, 140, 8}, {9, 150, 7}, {7.5, 130, 9}};
    m.scale_min = {0.0, std::nullopt, std::nullopt};
    m.scale_max = {10.0, std::nullopt, std::nullopt};
    return m;
}

uint64_t bits(double x) {
    uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

void check_same(const RankFirstResult& x, const RankFirstResult& y) {
    REQUIRE(x.errors.empty());
    REQUIRE(y.errors.empty());
    CHECK(x.samples == y.samples);
    REQUIRE(x.p_first.size() == y.p_first.size());
    for (size_t i = 0; i < x.p_first.size(); ++i) {
        CHECK(bits(x.p_first[i]) == bits(y.p_first[i]));
        CHECK(bits(x.mean_rank[i]) == bits(y.mean_rank[i]));
        CHECK(bits(x.ci95[i].lower) == bits(y.ci95[i].lower));
        CHECK(bits(x.ci95[i].upper) == bits(y.ci95[i].upper));
    }
}

}  // namespace

TEST_CASE("rank-first blocks: one call, any slicing and blocks from workers agree to the last bit") {
    const MatrixInput m = matrix();
    const size_t samples = 10'000;  // 9 blocks of 1024 and one of 784
    const RankFirstResult whole = rank_first_probability(m, samples, 5);
    REQUIRE(whole.errors.empty());
    // Every partner wins sometimes, and the shares add up to 1 (ties split).
    double total = 0;
    for (double p : whole.p_first) {
        CHECK(p > 0);
        total += p;
    }
    CHECK(total == doctest::Approx(1).epsilon(1e-12));
    for (size_t slice : {1, 1000, 1024, 3000}) {
        CAPTURE(slice);
        RankFirstRun sliced(m, samples, 5);
        while (!sliced.step(slice)) {}
        check_same(sliced.result(), whole);
    }
    const std::optional<std::string> request = rank_first_request({m, samples, 5});
    REQUIRE(request);
    for (size_t chunk : {1, 3, 10}) {
        CAPTURE(chunk);
        RankFirstRun page(m, samples, 5);
        std::vector<RankFirstBlocks> arrived;
        for (size_t first = 0; first < page.blocks(); first += chunk) {
            Bytes bytes;
            REQUIRE(compute_rank_first_blocks(*request, first, chunk, bytes));
            RankFirstBlocks b;
            REQUIRE(read_rank_first_blocks(bytes, b));
            arrived.push_back(std::move(b));
        }
        std::reverse(arrived.begin(), arrived.end());  // any order; absorbed in block order
        while (!page.finished()) {
            auto next = std::find_if(arrived.begin(), arrived.end(),
                                     [&](const RankFirstBlocks& b) { return b.first == page.blocks_done(); });
            REQUIRE(next != arrived.end());
            REQUIRE(page.absorb(*next));
        }
        check_same(page.result(), whole);
    }
    CHECK(rank_first_probability(m, samples, 6).p_first != whole.p_first);  // the seed matters
}

TEST_CASE("rank-first blocks: only the next blocks, sized as this run's; bytes and requests are checked") {
    const MatrixInput m = matrix();
    RankFirstRun page(m, 3000, 1), worker(m, 3000, 1);  // 3 blocks: 1024, 1024, 952
    REQUIRE(page.blocks() == 3);
    const RankFirstBlocks b0 = worker.sample_blocks(0, 1), b1 = worker.sample_blocks(1, 1);
    CHECK(b0.sums.size() == 2 * 3);
    CHECK_FALSE(page.absorb(b1));  // out of order
    RankFirstBlocks cut = b0;
    cut.sums.pop_back();
    CHECK_FALSE(page.absorb(cut));
    REQUIRE(page.absorb(b0));
    CHECK_FALSE(page.absorb(b0));  // not twice
    CHECK(page.progress() == doctest::Approx(1024.0 / 3000));
    const RankFirstBlocks tail = worker.sample_blocks(1, 99);  // clamped: blocks 1 and 2
    CHECK(tail.count == 2);
    REQUIRE(page.absorb(tail));
    CHECK(page.finished());
    check_same(page.result(), rank_first_probability(m, 3000, 1));

    // A matrix without ranges: one evaluation weighted by the samples, one block.
    MatrixInput fixed = m;
    fixed.low.clear();
    fixed.high.clear();
    RankFirstRun f(fixed, 5000, 1), fw(fixed, 5000, 1);
    CHECK(f.blocks() == 1);
    REQUIRE(f.absorb(fw.sample_blocks(0, 1)));
    check_same(f.result(), rank_first_probability(fixed, 5000, 1));

    // The request keeps every figure, seeds above 2⁵³ included; damaged input is refused.
    RankFirstInput back;
    const std::optional<std::string> text = rank_first_request({m, 3000, 18446744073709551557ull});
    REQUIRE(text);
    REQUIRE(read_rank_first_request(*text, back));
    CHECK(back.seed == 18446744073709551557ull);
    CHECK(back.matrix.value == m.value);
    CHECK(back.matrix.scale_min == m.scale_min);
    CHECK(back.matrix.benefit == m.benefit);
    CHECK_FALSE(read_rank_first_request("{}", back));
    MatrixInput nan = m;
    nan.value[0][0] = std::nan("");
    CHECK_FALSE(rank_first_request({nan, 10, 1}));
    Bytes bytes = write_rank_first_blocks(b0);
    RankFirstBlocks r;
    REQUIRE(read_rank_first_blocks(bytes, r));
    CHECK(r.sums == b0.sums);
    bytes.pop_back();
    CHECK_FALSE(read_rank_first_blocks(bytes, r));
    RankFirstRun refused(m, 0, 1);  // no samples: refused, no blocks
    CHECK(refused.blocks() == 0);
    CHECK_FALSE(refused.absorb(b0));
}
