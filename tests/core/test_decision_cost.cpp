// All-in cost per good part, crossovers, cheapest bands, split plan and the photolithography
// vs direct-write comparison, against hand calculations written out in each case. Figures
// are the article's where it gives them.
#include <doctest/doctest.h>

#include <cmath>

#include "decision/crossover.h"
#include "decision/process_selector.h"

using namespace mf;

static CostInputs flat(double price, double nre = 0) {
    CostInputs c;
    c.name = "flat";
    c.model.price_breaks = {{1, price}};
    c.model.nre = nre;
    return c;
}

TEST_CASE("decision cost: the article's $12 at 100 and $0.18 at 100k with a $5 000 setup fee") {
    // One lot, yield 1. 100 parts: (5 000 + 100·12)/100 = $62.00 — the setup fee crushes the
    // margin. 100 000 parts: (5 000 + 100 000·0.18)/100 000 = $0.23 — it vanishes. 10 000 parts
    // (no 10k quote, so still the 100-part price): (5 000 + 120 000)/10 000 = $12.50.
    CostInputs c;
    c.model.price_breaks = {{100, 12.0}, {100000, 0.18}};
    c.model.setup_per_lot = 5000;
    CHECK(programme_cost(c, 100).per_good_part == doctest::Approx(62.0).epsilon(1e-12));
    CHECK(programme_cost(c, 100000).per_good_part == doctest::Approx(0.23).epsilon(1e-12));
    CHECK(programme_cost(c, 10000).per_good_part == doctest::Approx(12.5).epsilon(1e-12));
    CHECK(programme_cost(c, 100000).lots == 1);
}

TEST_CASE("decision cost: 30 % first-run yield with $8 rework") {
    // $12 a part, first-pass yield 0.30, failures reworked at $8 with 80 % success.
    // Effective yield Y = 0.30 + 0.70·0.80 = 0.86; per part started 12 + 0.70·8 = 17.60;
    // per good part 17.60 / 0.86 = 20.4651162790698. At 10 000 good parts:
    // started 11 627.906976744186, total 204 651.16279069767.
    CostInputs c = flat(12.0);
    c.model.first_pass_yield = 0.30;
    c.model.rework_cost = 8;
    c.model.rework_success = 0.80;
    const CostBreakdown b = programme_cost(c, 10000);
    CHECK(b.effective_yield == doctest::Approx(0.86).epsilon(1e-15));
    CHECK(b.started == doctest::Approx(11627.906976744186).epsilon(1e-12));
    CHECK(b.total == doctest::Approx(204651.16279069767).epsilon(1e-12));
    CHECK(b.per_good_part == doctest::Approx(20.4651162790698).epsilon(1e-12));
    // Without rework every failure is scrap: 12 / 0.30 = 40 per good part; a $1 scrap charge on
    // each of the 0.70 failures per start adds 0.70/0.30 = 2.3333.
    c.model.rework_success = 0;
    CHECK(programme_cost(c, 10000).per_good_part == doctest::Approx(40.0).epsilon(1e-12));
    c.model.scrap_cost = 1;
    CHECK(programme_cost(c, 10000).per_good_part == doctest::Approx(40.0 + 0.7 / 0.3).epsilon(1e-12));
}

TEST_CASE("decision cost: NRE $8–30k, +40–60 % for exotic materials, revisions at $150–250/h with a cap") {
    CostInputs lo = flat(2.0, 8000);
    lo.model.nre_material_uplift = 0.40;
    lo.model.revisions = 2;
    lo.model.revision_hours = 10;
    lo.model.hourly_rate = 150;
    // 8 000·1.4 = 11 200 NRE; 2 revisions × 10 h × $150 = 3 000; 1 000 parts × $2 = 2 000.
    CHECK(programme_cost(lo, 1000).total == doctest::Approx(16200.0).epsilon(1e-12));
    CostInputs hi = flat(2.0, 30000);
    hi.model.nre_material_uplift = 0.60;
    hi.model.revisions = 2;
    hi.model.revision_hours = 20;
    hi.model.hourly_rate = 250;
    hi.model.revision_cap = 4000;
    // 30 000·1.6 = 48 000; 20 h × $250 = 5 000 per revision, capped at 4 000 → 8 000; parts 2 000.
    const CostBreakdown b = programme_cost(hi, 1000);
    CHECK(b.nre == doctest::Approx(48000.0));
    CHECK(b.revisions == doctest::Approx(8000.0));
    CHECK(b.per_good_part == doctest::Approx(58.0).epsilon(1e-12));
}

TEST_CASE("decision cost: lots, tooling sets, material batches and capacity quarters round up") {
    CostInputs c = flat(1.0);
    c.model.lot_size = 500;
    c.model.setup_per_lot = 500;
    c.model.shipping_per_lot = 150;
    // 1 000 parts = 2 lots: 2·650 + 1 000 = 2 300; 1 001 parts = 3 lots: 3·650 + 1 001 = 2 951.
    CHECK(programme_cost(c, 1000).total == doctest::Approx(2300.0));
    CHECK(programme_cost(c, 1001).total == doctest::Approx(2951.0));
    // Floating-point noise never adds a lot: 300 good parts at yield 0.3 start 1 000.0000000000001.
    c.model.first_pass_yield = 0.3;
    CHECK(programme_cost(c, 300).lots == 2);

    CostInputs t = flat(0.0);
    t.model.tooling = 12000;
    t.model.tooling_life = 250000;
    t.model.requalification_per_batch = 1500;
    t.model.material_batch_size = 50000;
    CHECK(programme_cost(t, 250000).tooling == 12000);
    CHECK(programme_cost(t, 250001).tooling == 24000);
    CHECK(programme_cost(t, 100000).requalification == 3000);
    CHECK(programme_cost(t, 100001).requalification == 4500);

    // In-house: capital 100 000, 30 000 per quarter, programme 4 quarters, capacity 1 000 a month.
    // 6 000 parts need 2 quarters → still 4 charged: 100 000 + 120 000 + 6 000 = 226 000.
    // 15 000 parts need ⌈15 000/3 000⌉ = 5 quarters: 100 000 + 150 000 + 15 000 = 265 000.
    CostInputs h = flat(1.0);
    h.model.capital = 100000;
    h.model.cleanroom_per_quarter = 10000;
    h.model.staff_per_quarter = 20000;
    h.monthly_capacity = 1000;
    h.programme_quarters = 4;
    CHECK(programme_cost(h, 6000).total == doctest::Approx(226000.0));
    CHECK(programme_cost(h, 15000).total == doctest::Approx(265000.0));
    CHECK(programme_cost(h, 12000).quarters == 4);
    CHECK(programme_cost(h, 12001).quarters == 5);
    bool cut = true;
    const auto bp = cost_breakpoints(h, 1, 16000, 100, &cut);
    CHECK_FALSE(cut);
    REQUIRE(bp.size() == 2);  // 12 000 and 15 000 (9 000 and below stay at 4 quarters)
    CHECK(bp[0].volume == doctest::Approx(12000.0));
    CHECK(bp[1].volume == doctest::Approx(15000.0));
    CHECK(bp[0].causes == kJumpCapacityQuarter);
}

TEST_CASE("decision crossover: one continuous crossing by hand") {
    // P: 10 000 fixed + $1 a part; Q: 2 000 fixed + $5 a part: equal at 10 000 + V = 2 000 + 5V,
    // V = 2 000. Q is cheaper below, P above.
    const CrossoverResult r = cost_crossovers({flat(1.0, 10000), flat(5.0, 2000)}, 1, 10000);
    REQUIRE(r.errors.empty());
    REQUIRE(r.crossings.size() == 1);
    CHECK(r.crossings[0].volume == doctest::Approx(2000.0).epsilon(1e-12));
    CHECK_FALSE(r.crossings[0].jump);
    CHECK(r.crossings[0].cheaper_below == 1);
    CHECK(r.crossings[0].cheaper_above == 0);
    REQUIRE(r.bands.size() == 2);
    CHECK(r.bands[0].cheapest == std::vector<int>{1});
    CHECK(r.bands[0].to == doctest::Approx(2000.0));
    CHECK(r.bands[1].cheapest == std::vector<int>{0});
    CHECK(r.bands[1].to == 10000);
}

TEST_CASE("decision crossover: a jump at a price break") {
    // P: 1 000 NRE, $3 a part below 1 000 started, $1 from 1 000; Q: $2.20 flat.
    // Below 1 000: P − Q = 1 000 + 0.8V > 0 (Q cheaper). At 1 000 the difference jumps from
    // 1 000 + 800 = 1 800 to 1 000 + 1 000 − 2 200 = −200 and stays negative (1 000 − 1.2V < 0).
    CostInputs p = flat(3.0, 1000);
    p.model.price_breaks = {{1, 3.0}, {1000, 1.0}};
    const CrossoverResult r = cost_crossovers({p, flat(2.2)}, 1, 5000);
    REQUIRE(r.crossings.size() == 1);
    CHECK(r.crossings[0].volume == doctest::Approx(1000.0).epsilon(1e-12));
    CHECK(r.crossings[0].jump);
    CHECK(r.crossings[0].causes == kJumpPriceBreak);
    CHECK(describe_jumps(r.crossings[0].causes) == "price break");
    CHECK(r.crossings[0].cheaper_below == 1);
    CHECK(r.crossings[0].cheaper_above == 0);
}

TEST_CASE("decision crossover: lot fees make a pair cross many times") {
    // P: $1 000 per lot of 1 000, parts free; Q: $1.10 a part. D = P − Q = 1 000k − 1.1V on
    // lot k = ⌈V/1 000⌉. In lot k, D falls from 1 100 − 100k (just after the boundary) to
    // −100k, crossing zero at V = 1 000k/1.1; at each boundary it jumps back up by 1 000 to a
    // positive value while k <= 10. Below 5 000: continuous crossings at 909.09, 1 818.18,
    // 2 727.27, 3 636.36, 4 545.45 and jumps at 1 000, 2 000, 3 000, 4 000 — nine in all.
    CostInputs p = flat(0.0);
    p.model.setup_per_lot = 1000;
    p.model.lot_size = 1000;
    const CrossoverResult r = cost_crossovers({p, flat(1.1)}, 1, 5000);
    REQUIRE(r.crossings.size() == 9);
    for (int k = 1; k <= 5; ++k) {
        const Crossover& c = r.crossings[2 * (k - 1)];
        CHECK(c.volume == doctest::Approx(1000.0 * k / 1.1).epsilon(1e-12));
        CHECK_FALSE(c.jump);
        CHECK(c.cheaper_above == 0);
    }
    for (int k = 1; k <= 4; ++k) {
        const Crossover& c = r.crossings[2 * k - 1];
        CHECK(c.volume == doctest::Approx(1000.0 * k).epsilon(1e-12));
        CHECK(c.jump);
        CHECK(c.causes == kJumpLot);
        CHECK(c.cheaper_above == 1);
    }
    CHECK(r.bands.size() == 10);
}

TEST_CASE("decision crossover: identical partners are tied everywhere, never crossing") {
    const CrossoverResult r = cost_crossovers({flat(2.0, 100), flat(2.0, 100)}, 1, 1000);
    CHECK(r.crossings.empty());
    REQUIRE(r.bands.size() == 1);
    CHECK(r.bands[0].cheapest == std::vector<int>{0, 1});
}

TEST_CASE("decision split: the best transfer point by hand") {
    // from: $3 a part, nothing fixed; to: $1 a part plus $5 000 per lot of 4 000; V = 8 100;
    // transfer $1 000–3 000 (mid 2 000), no delay cost.
    //   to only: 3 lots → 15 000 + 8 100 = 23 100;  from only: 24 300.
    //   N = 100: to makes 8 000 = 2 lots → 10 000 + 8 000 + 300 = 18 300 (+ transfer).
    //   N = 99 puts 8 001 on the CM (3 lots): 23 298; N = 101: 18 302; N = 4 100: 21 300.
    // Best N = 100; totals 19 300 / 20 300 / 21 300 with the low / mid / high transfer cost.
    SplitInput in;
    in.from = flat(3.0);
    in.to = flat(1.0);
    in.to.model.setup_per_lot = 5000;
    in.to.model.lot_size = 4000;
    in.volume = 8100;
    in.settings.transfer_cost_low = 1000;
    in.settings.transfer_cost_high = 3000;
    const SplitResult r = best_split(in);
    REQUIRE(r.errors.empty());
    CHECK(r.best_n == 100);
    CHECK(r.total_best_low == doctest::Approx(19300.0));
    CHECK(r.total_best_mid == doctest::Approx(20300.0));
    CHECK(r.total_best_high == doctest::Approx(21300.0));
    CHECK(r.to_only_total == doctest::Approx(23100.0));
    CHECK(r.from_only_total == doctest::Approx(24300.0));
    CHECK(r.split_pays);
    CHECK(r.recommended_n == 100);
    // The article's default transfer cost ($10–15k, mid 12 500) makes the split not pay.
    in.settings = SplitSettings{};
    const SplitResult d = best_split(in);
    CHECK(d.total_best_mid == doctest::Approx(18300.0 + 12500.0));
    CHECK_FALSE(d.split_pays);
    CHECK(d.recommended_n == 0);  // everything to the CM
    CHECK(d.delay_weeks_low == 4);
    CHECK(d.delay_weeks_high == 8);
}

TEST_CASE("decision photolithography vs direct write by hand") {
    // Defaults: masks 5 000 × (1 + 1 revision) + 2 000 setup = 12 000 fixed, $0.05 / 0.90 per good
    // part; direct write 1 h × $150 / 0.95 = 157.894736842 per good part.
    // Crossover N* = 12 000 / (157.894736842 − 0.055555556) = 76.0267501528.
    // At 1 000 parts: DW 157 894.736842, litho 12 055.5556; flip yield y* = 1 000·0.05 /
    // (157 894.736842 − 12 000) = 0.000342712.
    const LithoDwResult r = litho_vs_direct_write(LithoVsDirectWrite{}, 1000);
    REQUIRE(r.errors.empty());
    CHECK(r.litho_fixed == 12000);
    CHECK(r.crossover_volume.value() == doctest::Approx(76.0267501528).epsilon(1e-10));
    CHECK(r.litho_cheaper_at_volume);
    CHECK(r.flip_yield.value() == doctest::Approx(50.0 / (157894.736842105 - 12000)).epsilon(1e-9));
    // 50 parts: direct write wins (7 894.74 against 12 002.78) at any photolithography yield.
    const LithoDwResult s = litho_vs_direct_write(LithoVsDirectWrite{}, 50);
    CHECK_FALSE(s.litho_cheaper_at_volume);
    CHECK_FALSE(s.flip_yield);
}

TEST_CASE("decision cost curve: both sides of every jump, the smooth a/V + b in between") {
    // $1 000 setup per 100-part lot, $2 a part, yield 1: C(V) = 1 000·⌈V/100⌉ + 2V.
    // Just below 100 parts: (1 000 + 200)/100 = $12; just above, a second lot: (2 000 + 200)/100 = $22.
    CostInputs c;
    c.model.price_breaks = {{1, 2.0}};
    c.model.setup_per_lot = 1000;
    c.model.lot_size = 100;
    bool truncated = true;
    const auto pts = cost_curve(c, 10, 1000, 50, 1000, &truncated);
    CHECK_FALSE(truncated);
    REQUIRE(pts.size() > 50);
    for (size_t i = 1; i < pts.size(); ++i) CHECK(pts[i].volume >= pts[i - 1].volume);
    CHECK(pts.front().volume == 10);
    CHECK(pts.front().per_good_part == doctest::Approx(102.0));  // (1 000 + 20)/10
    CHECK(pts.back().volume == 1000);
    CHECK(pts.back().per_good_part == doctest::Approx(12.0));  // (10 000 + 2 000)/1 000
    size_t jumps = 0;
    for (size_t i = 1; i < pts.size(); ++i)
        if (pts[i].volume == pts[i - 1].volume) {
            ++jumps;
            if (pts[i].volume == doctest::Approx(100)) {
                CHECK(pts[i - 1].per_good_part == doctest::Approx(12.0));
                CHECK(pts[i].per_good_part == doctest::Approx(22.0));
            }
        }
    CHECK(jumps == 9);  // lots end at 100, 200, ..., 900 inside (10, 1000)
    // Every point off the jumps is the programme cost itself.
    for (const auto& p : pts)
        if (std::fmod(p.volume, 100) != 0)
            CHECK(p.per_good_part == doctest::Approx(programme_cost(c, p.volume).per_good_part));
    // Too many jumps to draw: the log grid only.
    const auto coarse = cost_curve(c, 10, 1000, 50, 5, &truncated);
    CHECK(truncated);
    CHECK(coarse.size() == 50);
}
