// Growth of every check and analysis with the size of its input: each is timed on 10³ and on
// 10⁵ items and must grow at most about linearly — ×100 items may cost at most ×1000 time.
// Linear or n log n work measures ×100–×300 on a quiet machine and up to ×380 on a loaded
// 2-core one (CI shares it); a quadratic step, as fixed in 2026-12 for repeated predecessors,
// sibling lookups, the ready list, contributor ids, price breaks, gives ×10 000 — so the bound
// tells the two apart with room for a busy machine, and a timing test never fails on noise.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <vector>
#include <string>

#include <nlohmann/json.hpp>

#include "base/limits.h"
#include "capability/analysis.h"
#include "capability/table_import.h"
#include "decision/crossover.h"
#include "decision/decision_analysis.h"
#include "plan/plan_file.h"
#include "schedule/cpm.h"
#include "schedule/monte_carlo.h"
#include "schedule/pert.h"
#include "schedule_support.h"
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_analysis.h"
#include "tolerance/stack_table.h"

using namespace mf;
using namespace mf::test;

namespace {

// Sanitized debug builds run 10 to 50 times slower: the same ×100 from a smaller start keeps
// them quick (a quadratic step still shows as ×10 000).
#if defined(__SANITIZE_ADDRESS__)
#define MF_SCALING_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MF_SCALING_SANITIZED 1
#endif
#endif
#ifdef MF_SCALING_SANITIZED
constexpr size_t kSmall = 100, kLarge = 10000;
#else
constexpr size_t kSmall = 1000, kLarge = 100000;
#endif
constexpr double kMaxRatio = 1000;

// The fastest of three runs — the one least disturbed by whatever else the machine does — or
// the one run when it took over half a second (long enough not to be noise).
double seconds(const std::function<void()>& f) {
    double best = 1e300;
    for (int r = 0; r < 3; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        if (best > 0.5) break;
    }
    return best;
}

// Times `run` on 100 separate inputs of kSmall items and on one of kLarge = 100 × kSmall: the
// same memory either way, so the ratio measures how the work grows, not how much of it fits
// in a cache (a small input timed over and over stays in the L1 cache; a large one cannot).
template <class Input>
void check_growth(const char* what, const std::function<Input(size_t)>& make,
                  const std::function<void(const Input&)>& run) {
    const size_t copies = kLarge / kSmall;
    std::vector<Input> smalls;
    for (size_t k = 0; k < copies; ++k) smalls.push_back(make(kSmall));
    const Input large = make(kLarge);
    const double t_small = seconds([&] {
                               for (const auto& in : smalls) run(in);
                           }) /
        static_cast<double>(copies);
    const double t_large = seconds([&] { run(large); });
    const double ratio = t_large / std::max(t_small, 1e-9);
    MESSAGE(std::string(what) << ": " << t_small * 1e3 << " ms for " << kSmall << " items, " << t_large * 1e3
                              << " ms for " << kLarge << " (×" << ratio << ")");
    CHECK(ratio <= kMaxRatio);
}

// n tasks in groups of ten: a summary and nine subtasks in a chain, each summary after the
// previous summary (a summary link: 81 task links), every fifth subtask also after the task
// 37 places back. Durations vary so the network has floats.
ScheduleSection schedule_of(size_t n) {
    ScheduleSection s;
    for (size_t i = 0; i < n; ++i) {
        const std::string id = "t" + std::to_string(i);
        const size_t group = i / 10, place = i % 10;
        const std::string summary = "t" + std::to_string(group * 10);
        Task t = fixed_task(id, 1 + static_cast<double>(i % 7), {}, place ? summary : "");
        t.pessimistic += 2;
        if (place == 0 && group > 0)
            t.predecessors.push_back({"t" + std::to_string((group - 1) * 10), LinkType::FinishToStart, 0});
        if (place > 1) t.predecessors.push_back({"t" + std::to_string(i - 1), LinkType::FinishToStart, 0});
        if (place > 1 && i % 5 == 0 && i >= 47 && (i - 37) % 10 != 0)
            t.predecessors.push_back({"t" + std::to_string(i - 37), LinkType::StartToStart, 1});
        s.tasks.push_back(std::move(t));
    }
    return s;
}

Stack stack_of(size_t n) {
    Stack s;
    s.id = "s";
    s.name = "s";
    s.lower_limit = -1.0;
    s.upper_limit = 1.0;
    for (size_t i = 0; i < n; ++i) {
        Contributor c;
        c.id = "k" + std::to_string(i);
        c.name = c.id;
        c.nominal = 0.001 * static_cast<double>(i % 13);
        c.tol_plus = c.tol_minus = 0.0001;
        c.sensitivity = i % 2 ? 1 : -1;
        c.partner_id = i % 3 ? "a" : "b";
        s.contributors.push_back(c);
    }
    return s;
}

}  // namespace

TEST_CASE("scaling: plan file load and check_plan grow about linearly with the tasks") {
    check_growth<std::string>(
        "load_plan + check_plan",
        [](size_t n) {
            Plan p;
            p.meta.start_date = Date{20000};
            p.schedule = schedule_of(n);
            return save_plan(p);
        },
        [](const std::string& text) {
            const LoadResult r = load_plan(text);
            REQUIRE(r.plan);
            CHECK(check_plan(*r.plan).empty());
        });
}

TEST_CASE("scaling: schedule network, CPM, PERT and a few Monte Carlo iterations grow about linearly") {
    check_growth<ScheduleProblem>(
        "schedule",
        [](size_t n) {
            return ScheduleProblem{schedule_of(n), Date{20000}, std::nullopt};
        },
        [](const ScheduleProblem& p) {
            const CpmResult cpm = run_cpm({p});
            REQUIRE(cpm.ok());
            CHECK(run_pert({p, std::nullopt}).ok());
            ScheduleMonteCarlo mc(McInput{p, 3, 1});
            while (!mc.step(1)) {}
            CHECK(mc.result().ok());
        });
}

TEST_CASE(
    "scaling: stack checks, analyses and a Monte Carlo of fixed samples grow about linearly with the contributors") {
    check_growth<Plan>(
        "stack",
        [](size_t n) {
            Plan p;
            p.stacks.push_back(stack_of(n));
            return p;
        },
        [](const Plan& p) {
            const Stack& s = p.stacks[0];
            CHECK(validate_stack(s, StackCheck::InFile).empty());
            MonteCarloOptions o;
            o.samples = 200;
            const MonteCarloResult mc = run_monte_carlo(s, o);
            REQUIRE(mc.errors.empty());
            CHECK(analyse_stack(s, &mc).errors.empty());
            CHECK(mating_pairs(p).size() <= kMaxMatingPairs);
        });
}

TEST_CASE("scaling: the contributor and measurement tables grow about linearly with the rows") {
    check_growth<std::string>(
        "tables",
        [](size_t n) {
            std::string csv = "name,nominal,tol,id,sensitivity\n";
            for (size_t i = 0; i < n; ++i)
                csv += "part " + std::to_string(i) + "," + std::to_string(1 + 0.001 * static_cast<double>(i % 17)) +
                    ",0.01,k" + std::to_string(i) + "," + (i % 2 ? "1" : "-1") + "\n";
            return csv;
        },
        [](const std::string& csv) {
            CHECK(parse_contributor_table(csv).errors.empty());
            const TableReadResult t = read_table(csv);
            REQUIRE(t.errors.empty());
            CHECK(t.table.rows == std::count(csv.begin(), csv.end(), '\n') - 1);
        });
}

TEST_CASE("scaling: capability analysis grows about linearly with the values") {
    check_growth<Dataset>(
        "capability",
        [](size_t n) {
            Dataset d;
            d.id = "d";
            d.name = "d";
            d.subgroup_size = 5;
            Feature f;
            f.id = "f";
            f.name = "f";
            f.lsl = 0.9;
            f.usl = 1.1;
            auto v = std::make_shared<std::vector<double>>();
            for (size_t i = 0; i < n; ++i)
                v->push_back(1 + 0.01 * std::sin(static_cast<double>(i) * 0.7) + 0.001 * static_cast<double>(i % 11));
            f.values = v;
            d.features.push_back(f);
            return d;
        },
        [](const Dataset& d) { CHECK(analyse_dataset(d)[0].errors.empty()); });
}

TEST_CASE("scaling: decision costs, crossovers and the split grow about linearly with the price breaks") {
    check_growth<Plan>(
        "decision",
        [](size_t n) {
            Plan p;
            for (int k = 0; k < 3; ++k) {
                Partner x;
                x.id = "p" + std::to_string(k);
                x.name = x.id;
                x.kind = k == 0 ? PartnerKind::Boutique : PartnerKind::FullServiceCM;
                CostModel m;
                m.nre = 1000.0 * (k + 1);
                m.setup_per_lot = 50;
                m.lot_size = 500 + 100 * k;
                for (size_t i = 0; i < n / 3; ++i)  // prices falling with quantity, unevenly
                    m.price_breaks.push_back({1.0 + 7.0 * static_cast<double>(i),
                                              10.0 / (1 + 0.001 * static_cast<double>(i) * (k + 1)) + (i % 2) * 0.01});
                x.cost = m;
                p.decision.partners.push_back(x);
            }
            p.decision.planned_volume = 7.0 * static_cast<double>(n);
            return p;
        },
        [](const Plan& p) {
            DecisionOptions o;
            o.mc_samples = 0;
            o.max_volume = 7.0 * static_cast<double>(p.decision.partners[0].cost->price_breaks.size()) * 3;
            const DecisionAnalysis a = analyse_decision(p, o);
            CHECK(a.crossovers.errors.empty());
            REQUIRE(a.split);
        });
}
