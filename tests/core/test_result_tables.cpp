// The results tables built next to each analysis (decision/decision_tables.h,
// schedule/schedule_tables.h, tolerance/stack_tables.h, capability/capability_tables.h):
// each cell is the analysis figure rounded as the view rounds it, checked against a hand
// calculation on a small plan built here, and against the analysis on the example plan.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>
#include <string>

#include "base/delimited_text.h"
#include "base/format.h"
#include "capability/capability_analysis.h"
#include "capability/capability_tables.h"
#include "decision/decision_analysis.h"
#include "decision/decision_tables.h"
#include "plan/plan_file.h"
#include "schedule/schedule_analysis.h"
#include "schedule/schedule_tables.h"
#include "test_support.h"
#include "tolerance/stack_facade.h"
#include "tolerance/stack_tables.h"

using namespace mf;

namespace {

const TableCell& cell(const ResultTable& t, size_t row, const std::string& column) {
    for (size_t k = 0; k < t.columns.size(); ++k)
        if (t.columns[k] == column) {
            REQUIRE(row < t.rows.size());
            REQUIRE(k < t.rows[row].size());
            return t.rows[row][k];
        }
    FAIL("no column " << column);
    static TableCell none;
    return none;
}
std::string text(const ResultTable& t, size_t row, const std::string& column) { return cell(t, row, column).text; }
bool is_number(const ResultTable& t, size_t row, const std::string& column) { return cell(t, row, column).is_number; }

// Every row has one cell per column.
void check_shape(const ResultTable& t) {
    for (const auto& r : t.rows) CHECK(r.size() == t.columns.size());
}

// Two partners, two entered criteria, two simple cost models (worked out in the tests).
Plan decision_plan() {
    Plan p;
    p.meta.name = "Tables";
    DecisionSection& s = p.decision;
    Partner a{"a", "Alpha works", PartnerKind::InHouse, "", {}, CostModel{}};
    a.cost->nre = 1000;
    a.cost->price_breaks = {{1, 1.0}};
    Partner b{"b", "=HYPERLINK(\"x\")", PartnerKind::Boutique, "", {}, CostModel{}};
    b.cost->price_breaks = {{1, 2.0}};
    s.partners = {a, b};
    Criterion q{"q", "Quality", 3, true, ScoreSource::Entered, 1.0, 10.0, "1–10"};
    Criterion l{"l", "Lead time", 1, false, ScoreSource::Entered, std::nullopt, std::nullopt, "days"};
    s.criteria = {q, l};
    s.scores = {{"a", "q", 8, std::nullopt, std::nullopt},
                {"a", "l", 20, std::nullopt, std::nullopt},
                {"b", "q", 6, std::nullopt, std::nullopt},
                {"b", "l", 10, std::nullopt, std::nullopt}};
    s.planned_volume = 10000;
    return p;
}

}  // namespace

TEST_CASE("tables out: shown_number_cell drops digit-group spaces and keeps \"—\" as text") {
    CHECK(shown_number_cell(format_money(871938.2)).text == "871938");
    CHECK(shown_number_cell(format_money(871938.2)).is_number);
    CHECK(shown_number_cell(format_count(100000)).text == "100000");
    CHECK(shown_number_cell("-0.012").text == "-0.012");
    CHECK_FALSE(shown_number_cell(format_money(NAN)).is_number);
    CHECK(format_length_number(0.0125, LengthUnit::Micrometre) == "12.5");
    CHECK(format_length(0.0125, LengthUnit::Micrometre) == "12.5 µm");
}

TEST_CASE("tables out: decision matrix, hand-checked weighted sum and TOPSIS") {
    const Plan p = decision_plan();
    DecisionOptions o;
    o.mc_samples = 200;
    const DecisionAnalysis a = analyse_decision(p, o);
    REQUIRE(a.errors.empty());
    const ResultTable t = decision_matrix_table(a, p.decision, &a.rank_first);
    check_shape(t);
    CHECK(t.columns ==
          std::vector<std::string>{"Partner", "Quality (1–10)", "Lead time (days)", "Weighted sum", "Weighted-sum rank",
                                   "TOPSIS closeness (vector)", "TOPSIS rank", "P(first) (%)"});
    REQUIRE(t.rows.size() == 2);
    CHECK(text(t, 0, "Partner") == "Alpha works");
    CHECK(text(t, 1, "Partner") == "=HYPERLINK(\"x\")");  // neutralised on the way out, not here
    CHECK_FALSE(is_number(t, 1, "Partner"));
    CHECK(text(t, 0, "Quality (1–10)") == "8");
    CHECK(text(t, 1, "Lead time (days)") == "10");
    // Weights 3 : 1 → 0.75, 0.25. Quality on its scale 1–10: (8 − 1)/9 = 0.7778, (6 − 1)/9 = 0.5556;
    // lead time, a cost without a scale: min/v = 10/20 = 0.5 and 1.
    // Alpha 0.75 × 0.7778 + 0.25 × 0.5 = 0.7083; the other 0.75 × 0.5556 + 0.25 × 1 = 0.6667.
    CHECK(text(t, 0, "Weighted sum") == "0.708");
    CHECK(text(t, 1, "Weighted sum") == "0.667");
    CHECK(text(t, 0, "Weighted-sum rank") == "1");
    CHECK(is_number(t, 0, "Weighted sum"));
    // TOPSIS, vector normalisation: quality 8/10, 6/10 (√(64+36) = 10) × 0.75 = 0.6, 0.45; lead
    // 20/22.361, 10/22.361 × 0.25 = 0.22361, 0.11180 (a cost: best is the smaller).
    // Alpha: d+ = 0.11180, d− = 0.15 → 0.15/0.26180 = 0.5730; the other 0.11180/0.26180 = 0.4270.
    CHECK(text(t, 0, "TOPSIS closeness (vector)") == "0.573");
    CHECK(text(t, 1, "TOPSIS closeness (vector)") == "0.427");
    CHECK(text(t, 1, "TOPSIS rank") == "2");
    // No score has a range: Alpha ranks first in every draw.
    CHECK(text(t, 0, "P(first) (%)") == "100");
    CHECK(text(t, 1, "P(first) (%)") == "0");
    // Without a Monte Carlo the column says so.
    CHECK(text(decision_matrix_table(a, p.decision, nullptr), 0, "P(first) (%)") == "—");
}

TEST_CASE("tables out: cost per good part and crossovers, hand-checked") {
    const Plan p = decision_plan();
    DecisionOptions o;
    o.mc_samples = 0;
    const DecisionAnalysis a = analyse_decision(p, o);
    const ResultTable c = cost_table(a, p.decision);
    check_shape(c);
    // The planned volume 10 000 is a standard volume: that column is marked, not repeated.
    CHECK(c.columns ==
          std::vector<std::string>{"Partner", "Cost at 100 (per good part)", "Cost at 10 000, planned (per good part)",
                                   "Cost at 100 000 (per good part)"});
    REQUIRE(c.rows.size() == 2);
    // Alpha: NRE 1 000 + 1 per part → 1000/100 + 1 = 11, 1000/10 000 + 1 = 1.1, 1.01; the other 2.
    CHECK(text(c, 0, "Cost at 100 (per good part)") == "11");
    CHECK(text(c, 0, "Cost at 10 000, planned (per good part)") == "1.1");
    CHECK(text(c, 0, "Cost at 100 000 (per good part)") == "1.01");
    CHECK(text(c, 1, "Cost at 100 (per good part)") == "2");
    CHECK(is_number(c, 0, "Cost at 100 (per good part)"));

    // 1000/n + 1 = 2 at n = 1 000 exactly; Alpha is cheaper from there.
    const ResultTable x = crossover_table(a, p.decision);
    check_shape(x);
    REQUIRE(x.rows.size() == 1);
    CHECK(text(x, 0, "From (good parts)") == "1000");
    CHECK(is_number(x, 0, "From (good parts)"));
    CHECK(text(x, 0, "Crossing at (good parts)") == "1000");
    CHECK(text(x, 0, "Partners") == "Alpha works / =HYPERLINK(\"x\")");
    CHECK(text(x, 0, "Kind") == "continuous");
    CHECK(text(x, 0, "Cheaper from there") == "Alpha works");
}

TEST_CASE("tables out: the example plan's decision tables hold the analysis figures as the view rounds them") {
    LoadResult r = load_plan(test::read_file("assets/examples/micro-gearbox.mfplan.json"));
    REQUIRE(r.plan);
    const Plan& p = *r.plan;
    DecisionOptions o;
    o.mc_samples = 500;
    const DecisionAnalysis a = analyse_decision(p, o);
    REQUIRE(a.errors.empty());
    const ResultTable c = cost_table(a, p.decision);
    check_shape(c);
    REQUIRE(c.rows.size() == a.costs.size());
    REQUIRE(c.columns.size() == 4);  // 100, 10 000, 100 000 (planned)
    CHECK(c.columns[3] == "Cost at 100 000, planned (per good part)");
    // The CM at 100 000 (test_decision_plan.cpp, by hand): 92 047.368 / 100 000 = 0.92047 → "0.9205".
    CHECK(c.rows[2][3].text == "0.9205");
    for (size_t i = 0; i < c.rows.size(); ++i)
        for (size_t k = 0; k < 3; ++k)
            CHECK(c.rows[i][k + 1].text == shown_number_cell(format_money(a.costs[i][k].per_good_part)).text);

    const ResultTable m = decision_matrix_table(a, p.decision, &a.rank_first);
    check_shape(m);
    REQUIRE(m.rows.size() == p.decision.partners.size());
    char b[32];
    for (size_t i = 0; i < m.rows.size(); ++i) {
        std::snprintf(b, sizeof b, "%.3f", a.weighted_sum.ranking.score[i]);
        CHECK(text(m, i, "Weighted sum") == b);
        CHECK(text(m, i, "TOPSIS rank") == std::to_string(a.topsis.ranking.rank[i]));
    }
    const ResultTable x = crossover_table(a, p.decision);
    check_shape(x);
    REQUIRE(x.rows.size() == a.crossovers.crossings.size());
    for (size_t i = 0; i < x.rows.size(); ++i) {
        const double v = a.crossovers.crossings[i].volume;
        CHECK(x.rows[i][0].text == std::to_string(static_cast<long long>(std::ceil(v - 1e-9 * std::max(1.0, v)))));
    }
}

TEST_CASE("tables out: CPM table, hand-checked dates and floats") {
    Plan p;
    p.meta.start_date = date_from_ymd(2026, 1, 5);  // a Monday
    auto task = [](const char* id, const char* name, double o, double m, double pe) {
        Task t;
        t.id = id;
        t.name = name;
        t.optimistic = o;
        t.most_likely = m;
        t.pessimistic = pe;
        return t;
    };
    const Task a = task("a", "Design", 4, 5, 6);
    Task b = task("b", "Build", 2, 3, 4);
    b.predecessors = {Dependency{"a", LinkType::FinishToStart, 0}};
    const Task c = task("c", "+Order parts", 1, 2, 3);
    p.schedule.tasks = {a, b, c};
    const ScheduleAnalysis an = analyse_schedule(p, {});
    REQUIRE(an.cpm);
    const ResultTable t = cpm_table(p, an);
    check_shape(t);
    REQUIRE(t.rows.size() == 3);
    CHECK(t.columns[8] == "Total float (working days)");
    // Design: days 0–5 (Mon 5 – Fri 9 Jan), Build 5–8 (Mon 12 – Wed 14 Jan): the project ends at 8.
    CHECK(text(t, 0, "Early start") == "2026-01-05");
    CHECK(text(t, 0, "Early finish") == "2026-01-09");
    CHECK(text(t, 1, "Early start") == "2026-01-12");
    CHECK(text(t, 1, "Early finish") == "2026-01-14");
    CHECK(text(t, 1, "Critical") == "yes");
    // Order parts: 2 days from the start, may finish at 8: total and free float 8 − 2 = 6; its
    // late start is working day 6, Tue 13 Jan, its late finish Wed 14 Jan.
    CHECK(text(t, 2, "Task") == "+Order parts");
    CHECK(text(t, 2, "Duration (working days)") == "2");
    CHECK(text(t, 2, "Total float (working days)") == "6");
    CHECK(is_number(t, 2, "Total float (working days)"));
    CHECK(text(t, 2, "Free float (working days)") == "6");
    CHECK(text(t, 2, "Late start") == "2026-01-13");
    CHECK(text(t, 2, "Late finish") == "2026-01-14");
    CHECK(text(t, 2, "Critical") == "no");
    CHECK(text(t, 2, "#") == "3");
    CHECK(t.columns.back() == "Critical");  // no Monte Carlo column without one

    ScheduleOptions mo;
    mo.iterations = 200;
    const ResultTable with_mc = cpm_table(p, analyse_schedule(p, mo));
    CHECK(with_mc.columns.back() == "Critical in Monte Carlo (%)");
    check_shape(with_mc);
}

TEST_CASE("tables out: stack results, hand-checked worst case and RSS in µm") {
    Plan p;  // display unit µm
    Stack s;
    s.id = "s";
    s.name = "Gap";
    Contributor h;
    h.id = "h";
    h.name = "Housing";
    h.nominal = 10;
    h.tol_plus = h.tol_minus = 0.1;
    Contributor sh = h;
    sh.id = "sh";
    sh.name = "Shaft";
    sh.nominal = 4;
    sh.tol_plus = sh.tol_minus = 0.05;
    sh.sensitivity = -1;
    s.contributors = {h, sh};
    s.lower_limit = 5.8;
    s.upper_limit = 6.2;
    p.stacks = {s};
    const StackAnalysis a = analyse_stack(p, "s", {});
    REQUIRE_FALSE(has_errors(a.issues));
    const ResultTable t = stack_results_table(a.stack, a.report, nullptr, p.meta.units);
    check_shape(t);
    CHECK(t.columns == std::vector<std::string>{"Figure", "Unit", "At 20 °C (measurement)", "At 20 °C (operating)"});
    auto row = [&](const std::string& figure) -> const std::vector<TableCell>& {
        for (const auto& r : t.rows)
            if (r[0].text == figure) return r;
        FAIL("no row " << figure);
        return t.rows[0];
    };
    // 10 − 4 = 6 mm = 6000 µm; worst case ∓ (0.1 + 0.05) → 5850 … 6150 µm.
    CHECK(row("Nominal gap")[2].text == "6000");
    CHECK(row("Nominal gap")[1].text == "µm");
    CHECK(row("Worst case, min")[2].text == "5850");
    CHECK(row("Worst case, max")[3].text == "6150");
    // RSS: 6 ∓ √(0.1² + 0.05²) = 6 ∓ 0.111803 mm → 5888.197, 6111.803 µm → 4 significant digits.
    CHECK(row("RSS (3σ), min")[2].text == "5888");
    CHECK(row("RSS (3σ), max")[2].text == "6112");
    CHECK(row("RSS (3σ), max")[2].is_number);
    CHECK(row("σ (statistical)")[2].text == format_length_number(a.report.statistical.sigma, LengthUnit::Micrometre));
    CHECK(row("Predicted out below (normal)")[1].text == "ppm");
    // No Monte Carlo rows without one; with one, its mean as the view rounds it.
    for (const auto& r : t.rows) CHECK(r[0].text.rfind("Monte Carlo", 0) == std::string::npos);
    StackOptions o;
    o.samples = 20000;
    const StackAnalysis m = analyse_stack(p, "s", o);
    REQUIRE(m.monte_carlo_result());
    const ResultTable tm = stack_results_table(m.stack, m.report, m.monte_carlo_result(), LengthUnit::Millimetre);
    check_shape(tm);
    bool found = false;
    for (const auto& r : tm.rows)
        if (r[0].text == "Monte Carlo mean") {
            found = true;
            CHECK(r[1].text == "mm");
            CHECK(r[2].text == format_length_number(m.monte_carlo->at_measurement.mean, LengthUnit::Millimetre));
        }
    CHECK(found);
}

TEST_CASE("tables out: capability indices, hand-checked Cp, Cpk and Ppk") {
    Plan p;  // display unit µm
    Dataset d;
    d.id = "d";
    d.name = "Pilot";
    Feature f;
    f.id = "f";
    f.name = "@bore";
    f.lsl = 9.9;
    f.usl = 10.1;
    f.values = std::make_shared<const std::vector<double>>(std::vector<double>{10.00, 10.02, 9.98, 10.01, 9.99});
    d.features = {f};
    p.datasets = {d};
    const CapabilityAnalysis a = analyse_capability(p, "d", {});
    const ResultTable t = capability_indices_table(a, p.meta.units);
    check_shape(t);
    REQUIRE(t.rows.size() == 1);
    CHECK(text(t, 0, "Feature") == "@bore");
    CHECK(text(t, 0, "Unit") == "µm");
    CHECK(text(t, 0, "LSL") == "9900");
    CHECK(text(t, 0, "USL") == "10100");
    CHECK(text(t, 0, "Target") == "");
    CHECK(text(t, 0, "n") == "5");
    // Individual values: moving ranges 0.02, 0.04, 0.03, 0.02 → mean 0.0275, σ within = 0.0275 / 1.128
    // = 0.024379; mean 10.00 centred: Cp = Cpk = 0.2 / (6 × 0.024379) = 1.367 → "1.37".
    // Overall: deviations 0, .02, −.02, .01, −.01 → s = √(0.001 / 4) = 0.015811; Ppk = 0.1 / (3 s) = 2.108.
    CHECK(text(t, 0, "Cp") == "1.37");
    CHECK(text(t, 0, "Cpk") == "1.37");
    CHECK(text(t, 0, "Ppk") == "2.11");
    CHECK(is_number(t, 0, "Cpk"));
    CHECK(text(t, 0, "Verdict") == "not enough data");  // 5 values, the gate wants 100
}

TEST_CASE("tables out: hostile names leave as text cells that read back exactly") {
    Plan p = decision_plan();
    const std::string hostile[] = {"=HYPERLINK(\"x\")",        "+1", "-2", "@x", "say \"hi\", then", "two\nlines",
                                   "<script>alert(1)</script>"};
    DecisionOptions no_monte_carlo;
    no_monte_carlo.mc_samples = 0;
    for (const std::string& name : hostile) {
        p.decision.partners[0].name = name;
        const DecisionAnalysis a = analyse_decision(p, no_monte_carlo);
        const ResultTable t = cost_table(a, p.decision);
        const DelimitedText back = read_delimited(table_tsv(t));
        REQUIRE(back.errors.empty());
        REQUIRE(back.rows.size() == 2);
        const std::string expected =
            name[0] == '=' || name[0] == '+' || name[0] == '-' || name[0] == '@' ? "'" + name : name;
        CHECK(back.cell(back.rows[0], 0) == expected);
        CHECK(back.cell(back.rows[0], 1) == "11");  // the numbers beside it untouched
    }
}
