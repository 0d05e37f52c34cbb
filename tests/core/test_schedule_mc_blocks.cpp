// The schedule Monte Carlo computed in blocks elsewhere (core/schedule/monte_carlo.h: a Web
// Worker runs sample_blocks() on its own run, the page absorb()s the blocks in order) gives the
// same result, to the last bit, as the one-call run and as any slicing: for any number of
// workers and any chunking, with a gate and its rework loop, an outline (summary task), a task
// calendar (the common time axis) and a deadline. Blocks handed over out of order or with the
// wrong size are refused; the request and the reply survive their trip through text and bytes.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "schedule/monte_carlo.h"
#include "schedule/schedule_blocks.h"

using namespace mf;

namespace {

Task task(const char* id, double o, double m, double p, std::vector<std::string> preds = {},
          DurationDistribution d = DurationDistribution::Pert) {
    Task t;
    t.id = id;
    t.name = id;
    t.optimistic = o;
    t.most_likely = m;
    t.pessimistic = p;
    t.distribution = d;
    for (auto& s : preds) t.predecessors.push_back({s});
    return t;
}

// A, then B and C in parallel under the summary S (C on a six-day calendar), then D, then a
// gate G (p = 0.7, rework and a repeat of D, first batch assumed to fail) and a Cpk gate H.
McInput every_stream(int iterations, uint64_t seed) {
    McInput in;
    in.iterations = iterations;
    in.seed = seed;
    in.problem.start = date_from_ymd(2027, 1, 4);
    in.problem.deadline = date_from_ymd(2027, 2, 26);
    auto& s = in.problem.section;
    s.calendar.holidays = {date_from_ymd(2027, 1, 18), date_from_ymd(2027, 1, 6)};  // unsorted on purpose
    NamedCalendar six;
    six.id = "six";
    six.calendar.working = {true, true, true, true, true, true, false};
    s.calendars.push_back(six);
    Task summary = task("S", 0, 0, 0);
    s.tasks = {task("A", 1, 2, 6), summary, task("B", 2, 3, 9, {"A"}, DurationDistribution::Triangular),
               task("C", 1, 4, 5, {"A"}), task("D", 1.25, 1.5, 4.1, {"B", "C"})};
    s.tasks[2].parent = s.tasks[3].parent = "S";
    s.tasks[3].calendar = "six";
    s.tasks[3].target = date_from_ymd(2027, 1, 15);
    Task g = task("G", 0, 0, 0, {"D"});
    g.kind = TaskKind::Gate;
    g.gate.pass_probability = 0.7;
    g.gate.rework = {1, 2, 4};
    g.gate.repeat = {"D"};
    g.gate.assume_first_fails = true;
    Task h = task("H", 0.5, 1, 2, {"G"});
    h.kind = TaskKind::Gate;
    h.gate.cpk = CpkCriterion{1.45, 50, 1.33};
    h.gate.cpk->dof = 37.5;  // as a measured link sets it
    h.gate.rework = {2, 3, 5};
    h.gate.max_loops = 2;
    s.tasks.push_back(g);
    s.tasks.push_back(h);
    return in;
}

uint64_t bits(double x) {
    uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

// Every figure of the two results, compared bit for bit (NaN included).
void check_same(const McResult& a, const McResult& b) {
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.iterations == b.iterations);
    REQUIRE(a.finish_sorted.size() == b.finish_sorted.size());
    for (size_t k = 0; k < a.finish_sorted.size(); ++k) CHECK(bits(a.finish_sorted[k]) == bits(b.finish_sorted[k]));
    for (auto f : {&McResult::p10, &McResult::p50, &McResult::p80, &McResult::p95, &McResult::mean, &McResult::sd,
                   &McResult::merge_bias, &McResult::buffer})
        CHECK(bits(a.*f) == bits(b.*f));
    CHECK(a.p80_date == b.p80_date);
    CHECK(a.probability_meet_deadline == b.probability_meet_deadline);
    REQUIRE(a.tasks.size() == b.tasks.size());
    for (size_t i = 0; i < a.tasks.size(); ++i) {
        CAPTURE(a.tasks[i].id);
        CHECK(bits(a.tasks[i].criticality) == bits(b.tasks[i].criticality));
        CHECK(bits(a.tasks[i].sensitivity) == bits(b.tasks[i].sensitivity));
        CHECK(bits(a.tasks[i].mean_duration) == bits(b.tasks[i].mean_duration));
        CHECK(bits(a.tasks[i].p50_finish) == bits(b.tasks[i].p50_finish));
        CHECK(bits(a.tasks[i].p80_finish) == bits(b.tasks[i].p80_finish));
        CHECK(a.tasks[i].probability_meet_target == b.tasks[i].probability_meet_target);
    }
    REQUIRE(a.gates.size() == b.gates.size());
    for (size_t g = 0; g < a.gates.size(); ++g) CHECK(a.gates[g].loop_histogram == b.gates[g].loop_histogram);
    CHECK(a.total_loop_histogram == b.total_loop_histogram);
}

// What the page does with W workers: chunks of `chunk` blocks handed out round-robin, each
// worker computing its chunks on its own run (from the request text, as in the browser), the
// replies travelling as bytes, the page absorbing them in block order.
McResult with_workers(const McInput& in, size_t workers, size_t chunk) {
    ScheduleMonteCarlo page(in);
    const std::optional<std::string> request = schedule_blocks_request(in);
    REQUIRE(request);
    std::vector<Bytes> replies;
    for (size_t first = 0; first < page.blocks(); first += chunk) {
        Bytes b;
        REQUIRE(compute_schedule_blocks(*request, first, chunk, b));
        replies.push_back(std::move(b));
    }
    (void)workers;  // which worker computes a chunk changes nothing: each request is a fresh run
    std::reverse(replies.begin(), replies.end());  // results arrive in any order
    while (!page.finished()) {
        bool absorbed = false;
        for (const Bytes& bytes : replies) {
            ScheduleBlocks b;
            REQUIRE(read_schedule_blocks(bytes, b));
            if (b.first == page.blocks_done()) {
                REQUIRE(page.absorb(b));
                absorbed = true;
                break;
            }
        }
        REQUIRE(absorbed);
    }
    return page.result();
}

}  // namespace

TEST_CASE("schedule Monte Carlo blocks: one call, any slicing and blocks from workers agree to the last bit") {
    const McInput in = every_stream(3001, 42);  // 12 blocks, the last one of 185 iterations
    const McResult whole = run_schedule_monte_carlo(in);
    REQUIRE(whole.ok());
    REQUIRE(whole.gates.size() == 2);
    // The first batch of G always fails: one loop at least, in every iteration.
    CHECK(whole.gates[0].loop_histogram[0] == 0);
    for (size_t slice : {1, 255, 256, 700, 5000}) {
        CAPTURE(slice);
        ScheduleMonteCarlo sliced(in);
        while (!sliced.step(slice)) {}
        check_same(sliced.result(), whole);
    }
    for (size_t chunk : {1, 2, 5, 12, 40}) {
        CAPTURE(chunk);
        check_same(with_workers(in, 2, chunk), whole);
    }
    // Part on the page, the rest from a worker (the page's fallback works the other way round).
    ScheduleMonteCarlo mixed(in), worker(in);
    mixed.step(600);  // 3 blocks
    REQUIRE(mixed.blocks_done() == 3);
    REQUIRE(mixed.absorb(worker.sample_blocks(3, 4)));
    mixed.step(100000);
    check_same(mixed.result(), whole);
    // The stream depends on the seed.
    CHECK(run_schedule_monte_carlo(every_stream(3001, 43)).finish_sorted != whole.finish_sorted);
}

TEST_CASE("schedule Monte Carlo blocks: absorb takes only the next blocks, sized as this run's") {
    const McInput in = every_stream(1000, 7);  // 4 blocks: 256, 256, 256, 232
    ScheduleMonteCarlo page(in), worker(in);
    REQUIRE(page.blocks() == 4);
    const ScheduleBlocks b0 = worker.sample_blocks(0, 1), b1 = worker.sample_blocks(1, 1);
    CHECK(b0.finish.size() == 256);
    CHECK(b0.durations.size() == 256 * in.problem.section.tasks.size());
    CHECK_FALSE(page.absorb(b1));  // out of order
    ScheduleBlocks cut = b0;
    cut.finish.pop_back();  // one iteration short
    CHECK_FALSE(page.absorb(cut));
    cut = b0;
    cut.critical.push_back(0);  // a task too many
    CHECK_FALSE(page.absorb(cut));
    cut = b0;
    cut.loops.pop_back();  // a histogram bin short
    CHECK_FALSE(page.absorb(cut));
    cut = b0;
    cut.count = 0;
    CHECK_FALSE(page.absorb(cut));
    CHECK(page.completed() == 0);  // nothing was taken
    REQUIRE(page.absorb(b0));
    CHECK_FALSE(page.absorb(b0));  // not twice
    CHECK(page.completed() == 256);
    const ScheduleBlocks tail = worker.sample_blocks(1, 10);  // clamped to the run: blocks 1 … 3
    CHECK(tail.count == 3);
    CHECK(tail.finish.size() == 256 + 256 + 232);
    REQUIRE(page.absorb(tail));
    CHECK(page.finished());
    check_same(page.result(), run_schedule_monte_carlo(in));
    // A refused run has no blocks and takes none.
    ScheduleMonteCarlo refused(every_stream(0, 1));
    CHECK(refused.blocks() == 0);
    CHECK_FALSE(refused.absorb(b0));
}

TEST_CASE("schedule Monte Carlo blocks: the request reads back as the same input; bytes are checked") {
    const McInput in = every_stream(500, 18446744073709551557ull);  // a seed above 2⁵³ travels exactly
    const std::optional<std::string> request = schedule_blocks_request(in);
    REQUIRE(request);
    McInput back;
    REQUIRE(read_schedule_blocks_request(*request, back));
    CHECK(back.seed == in.seed);
    CHECK(back.iterations == 500);
    CHECK(back.problem.deadline == in.problem.deadline);
    CHECK(back.problem.section.tasks[4].pessimistic == 4.1);  // not a short binary fraction: still exact
    CHECK(back.problem.section.tasks[6].gate.cpk->dof == 37.5);
    CHECK(back.problem.section.calendar.holidays ==
          std::vector<Date>{date_from_ymd(2027, 1, 6), date_from_ymd(2027, 1, 18)});  // sorted: same days
    CHECK_FALSE(read_schedule_blocks_request("{}", back));
    CHECK_FALSE(read_schedule_blocks_request("not json", back));
    Bytes out;
    CHECK_FALSE(compute_schedule_blocks("[1, 2]", 0, 1, out));
    // A name longer than the plan file allows does not read back: the page computes that run itself.
    McInput odd = in;
    odd.problem.section.tasks[0].name = std::string(300, 'x');
    CHECK_FALSE(schedule_blocks_request(odd));

    ScheduleMonteCarlo worker(in);
    const ScheduleBlocks b = worker.sample_blocks(1, 1);
    const Bytes bytes = write_schedule_blocks(b);
    ScheduleBlocks r;
    REQUIRE(read_schedule_blocks(bytes, r));
    CHECK(r.first == 1);
    CHECK(r.count == 1);
    CHECK(r.finish == b.finish);
    CHECK(r.durations == b.durations);
    CHECK(r.task_finish == b.task_finish);
    CHECK(r.critical == b.critical);
    CHECK(r.loops == b.loops);
    Bytes short_by_one = bytes;
    short_by_one.pop_back();
    CHECK_FALSE(read_schedule_blocks(short_by_one, r));
    Bytes one_more = bytes;
    one_more.push_back(0);
    CHECK_FALSE(read_schedule_blocks(one_more, r));
}
