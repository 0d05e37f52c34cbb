// CSV / TSV / pasted-spreadsheet import and bad input: every problem is a message that names
// the place (1-based row and lettered column, as a spreadsheet shows them); nothing crashes.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>

#include "capability/analysis.h"
#include "capability/table_import.h"
#include "plan/plan_file.h"
#include "stats/random.h"

using namespace mf;

namespace {
bool has_message(const Issues& e, const std::string& where, const std::string& part) {
    for (const auto& x : e)
        if (x.where.find(where) != std::string::npos && x.message.find(part) != std::string::npos) return true;
    return false;
}
bool has_message(const std::vector<FeatureAnalysis>& a, const std::string& part) {
    for (const auto& f : a)
        for (const auto& e : f.errors)
            if (to_string(e).find(part) != std::string::npos) return true;
    return false;
}
Dataset single(std::vector<double> x, std::optional<double> lsl, std::optional<double> usl) {
    Dataset d;
    Feature f;
    f.id = "f";
    f.name = "OD";
    f.lsl = lsl;
    f.usl = usl;
    f.values = std::make_shared<const std::vector<double>>(std::move(x));
    d.features.push_back(f);
    return d;
}
}  // namespace

TEST_CASE("import: comma CSV with header, roles by name, quoted fields, missing cells") {
    const std::string text =
        "part,subgroup,machine,\"Bore, mm\",OD\r\n"
        "5,1,M1,1.0251,\"2.001\"\r\n"
        "10,1,M1,,2.003\r\n"
        "15,2,\"M \"\"2\"\"\",1.0249,1.999\r\n";
    TableReadResult t = read_table(text);
    REQUIRE(t.errors.empty());
    CHECK(t.table.delimiter == ',');
    CHECK(t.table.has_header);
    CHECK(t.table.columns == 5);
    CHECK(t.table.rows == 3);
    CHECK(t.table.cell(2, 2) == "M \"2\"");
    DatasetImportResult d = dataset_from_table(t.table, {});
    REQUIRE(d.errors.empty());
    REQUIRE(d.dataset.features.size() == 2);
    CHECK(d.dataset.features[0].name == "Bore, mm");
    CHECK(d.dataset.features[0].id == "f-bore-mm");
    CHECK(std::isnan((*d.dataset.features[0].values)[1]));
    CHECK((*d.dataset.features[1].values)[0] == 2.001);
    REQUIRE(static_cast<bool>(d.dataset.subgroups));
    CHECK((*d.dataset.subgroups)[2] == "2");
    REQUIRE(static_cast<bool>(d.dataset.machines));
    CHECK((*d.dataset.machines)[2] == "M \"2\"");
}

TEST_CASE("import: pasted spreadsheet text (tabs) with decimal commas") {
    const std::string text = "Bore\tOD\n1,0251\t2,001\n1,0248\t1,998\n\n";
    TableReadResult t = read_table(text);
    REQUIRE(t.errors.empty());
    CHECK(t.table.delimiter == '\t');
    CHECK(t.table.decimal == ',');
    DatasetImportResult d = dataset_from_table(t.table, {});
    REQUIRE(d.errors.empty());
    CHECK((*d.dataset.features[0].values)[1] == 1.0248);
    CHECK((*d.dataset.features[1].values)[0] == 2.001);
    // Semicolon CSV (a European spreadsheet's export), no header: columns C1, C2.
    TableReadResult s = read_table("1,5;2,25\n1,75;2,5\n");
    REQUIRE(s.errors.empty());
    CHECK(s.table.delimiter == ';');
    CHECK_FALSE(s.table.has_header);
    CHECK(s.table.headers[1] == "C2");
    DatasetImportResult e = dataset_from_table(s.table, {});
    REQUIRE(e.errors.empty());
    CHECK((*e.dataset.features[1].values)[1] == 2.5);
    // A single column of numbers, no header.
    TableReadResult one = read_table("3.5\n4.25e-1\n-2\n");
    REQUIRE(one.errors.empty());
    DatasetImportResult o = dataset_from_table(one.table, {});
    REQUIRE(o.errors.empty());
    CHECK((*o.dataset.features[0].values)[1] == 0.425);
}

TEST_CASE("import: text in a number column names the row and column") {
    const std::string text = "part,Bore,OD\n1,1.025,2.0\n2,1.026,abc\n3,NaN,2.1\n4,inf,1e999\n";
    TableReadResult t = read_table(text);
    REQUIRE(t.errors.empty());
    DatasetImportResult d = dataset_from_table(t.table, {});
    CHECK(has_message(d.errors, "row 3, column C (\"OD\")", "\"abc\" is not a number"));
    CHECK(has_message(d.errors, "row 4, column B (\"Bore\")", "\"NaN\" is not a number"));
    CHECK(has_message(d.errors, "row 5, column B (\"Bore\")", "\"inf\" is not a number"));
    CHECK(has_message(d.errors, "row 5, column C (\"OD\")", "\"1e999\" is not a number"));
    // Only the chosen feature is read as numbers.
    DatasetImportOptions only;
    only.features = {"bore"};
    DatasetImportResult b = dataset_from_table(t.table, only);
    CHECK(b.errors.size() == 2);
    only.features = {"Height"};
    CHECK(has_message(dataset_from_table(t.table, only).errors, "column \"Height\"", "no such column"));
}

TEST_CASE("import: ragged rows, open quotes, empty text") {
    TableReadResult t = read_table("a,b,c\n1,2,3\n4,5\n6,7,8,9\n");
    CHECK(has_message(t.errors, "row 3", "has 2 cells, the header has 3"));
    CHECK(has_message(t.errors, "row 4", "has 4 cells"));
    CHECK(has_message(read_table("a,b\n\"1,2\n").errors, "row", "not closed"));
    CHECK_FALSE(read_table("").errors.empty());
    CHECK_FALSE(read_table("\n\n").errors.empty());
    // Blank lines keep the spreadsheet's row numbers in messages.
    TableReadResult blank = read_table("x\n1\n\nzz\n");
    REQUIRE(blank.errors.empty());
    CHECK(has_message(dataset_from_table(blank.table, {}).errors, "row 4, column A", "\"zz\""));
    CHECK(column_letter(0) == "A");
    CHECK(column_letter(25) == "Z");
    CHECK(column_letter(26) == "AA");
    CHECK(column_letter(701) == "ZZ");
    CHECK(column_letter(702) == "AAA");
}

TEST_CASE("import: first-pass-yield counts") {
    TableReadResult t = read_table("step,lot,passed,failed\nmould,L1,238,12\nmould,L2,237,13\ndeburr,,490,10\n");
    REQUIRE(t.errors.empty());
    YieldImportResult y = yield_from_table(t.table);
    REQUIRE(y.errors.empty());
    REQUIRE(y.records.size() == 3);
    CHECK(y.records[1].lot == "L2");
    CHECK(y.records[2].failed == 10);
    TableReadResult u = read_table("Step,Tested,Fail\nx,100,3\ny,50,x\nz,10,11\n");
    YieldImportResult v = yield_from_table(u.table);
    CHECK(v.records.size() == 1);
    CHECK(v.records[0].passed == 97);
    CHECK(has_message(v.errors, "row 3, column C", "not a whole number"));
    CHECK(has_message(v.errors, "row 4", "must equal tested"));
    CHECK_FALSE(yield_from_table(read_table("a,b\n1,2\n").table).errors.empty());
}

TEST_CASE("bad input: clear messages, never a crash") {
    const std::vector<double> ok{1.0, 1.2, 0.9, 1.1, 1.05};
    // One value.
    CHECK(has_message(analyse_dataset(single({1.0}, 0.5, 1.5)), "only one value"));
    // All values equal (σ = 0).
    auto eq = analyse_dataset(single({1.0, 1.0, 1.0, 1.0}, 0.5, 1.5));
    CHECK(has_message(eq, "σ = 0"));
    CHECK(eq[0].gate.verdict == GateVerdict::NotEnoughData);
    CHECK_FALSE(eq[0].cap.cpk);
    // LSL ≥ USL.
    CHECK(has_message(analyse_dataset(single(ok, 1.5, 0.5)), "LSL must be below USL"));
    CHECK(has_message(analyse_dataset(single(ok, 1.0, 1.0)), "LSL must be below USL"));
    // No limits at all: no indices, but the chart, A–D and drift are still there.
    auto none = analyse_dataset(single(ok, std::nullopt, std::nullopt));
    CHECK(has_message(none, "no specification limits"));
    CHECK_FALSE(none[0].cap.cpk);
    CHECK(none[0].chart.error.empty());
    // NaN / infinite limits and values.
    CHECK(has_message(analyse_dataset(single(ok, NAN, 1.5)), "LSL is not a finite number"));
    CHECK(has_message(analyse_dataset(single(ok, 0.5, INFINITY)), "USL is not a finite number"));
    CHECK(has_message(analyse_dataset(single({1.0, INFINITY, 1.1}, 0.5, 1.5)), "row 2"));
    CHECK(has_message(analyse_dataset(single({NAN, NAN}, 0.5, 1.5)), "every cell is missing"));
    CHECK(has_message(analyse_dataset(single({}, 0.5, 1.5)), "has no values"));
    // Missing values are skipped, not errors.
    auto gaps = analyse_dataset(single({1.0, NAN, 1.2, 0.9, NAN, 1.1}, 0.5, 1.5));
    CHECK(gaps[0].errors.empty());
    CHECK(gaps[0].values == 4);
    CHECK(gaps[0].missing == 2);
    // Subgroups of 2 with no variation inside any subgroup: within σ = 0.
    Dataset flat = single({1, 1, 2, 2, 3, 3}, 0.0, 4.0);
    flat.subgroup_size = 2;
    CHECK(has_message(analyse_dataset(flat), "within-subgroup σ is 0"));
    // R̄ with subgroups over 25 is refused with a message.
    Dataset big = single(std::vector<double>(60, 1.0), 0.0, 2.0);
    auto v = std::make_shared<std::vector<double>>();
    for (int i = 0; i < 60; ++i) v->push_back(1.0 + 0.01 * (i % 7));
    big.features[0].values = v;
    big.subgroup_size = 30;
    big.sigma = SigmaMethod::RBar;
    CHECK(has_message(analyse_dataset(big), "at most 25"));
}

TEST_CASE("plan file: the measurement section round-trips, and bad sections are named") {
    Plan p;
    Dataset d = single({1.0, NAN, 1.2}, 0.5, 1.5);
    d.id = "d1";
    d.name = "Pilot";
    d.subgroup_size = 3;
    d.sigma = SigmaMethod::SBar;
    d.part_interval = 5;
    d.gate.min_cpk = 1.67;
    d.machines = std::make_shared<const std::vector<std::string>>(std::vector<std::string>{"M1", "", "M2"});
    d.yield = {{"mould", "L1", 98, 2}};
    d.yield_settings.applies_to = YieldTarget::PerStep;
    d.features[0].units = "µm";
    p.datasets.push_back(d);
    const std::string text = save_plan(p);
    LoadResult r = load_plan(text);
    REQUIRE(r.errors.empty());
    const Dataset& e = r.plan->datasets[0];
    CHECK(e.subgroup_size == 3);
    CHECK(e.sigma == SigmaMethod::SBar);
    CHECK(e.part_interval == 5);
    CHECK(e.gate.min_cpk == 1.67);
    REQUIRE(static_cast<bool>(e.machines));
    CHECK((*e.machines)[1].empty());
    CHECK(e.yield.size() == 1);
    CHECK(e.yield[0].failed == 2);
    CHECK(e.yield_settings.applies_to == YieldTarget::PerStep);
    CHECK(e.features[0].units == "µm");
    CHECK(save_plan(*r.plan) == text);

    // A column of the wrong length and an unknown estimator.
    std::string bad = text;
    bad.replace(bad.find("\"sbar\""), 6, "\"median\"");
    bad.replace(bad.find("\"M2\""), 4, "\"M2\", \"M3\"");
    LoadResult b = load_plan(bad);
    CHECK(has_message(b.errors, "/datasets/0/sigma", "unknown value \"median\""));
    CHECK(has_message(b.errors, "/datasets/0/machines", "has 4 rows, the dataset has 3"));
}

TEST_CASE("import: random text never crashes and yields a consistent table or messages") {
    // 3000 seeded random texts over the characters that matter to the parser.
    const char alphabet[] = {',', ';', '\t', '"', '\n', '\r', '1', '7', '.', 'a', ' ', 'e', '-', '+', '0'};
    Rng rng(99);
    for (int k = 0; k < 3000; ++k) {
        std::string text;
        const size_t len = static_cast<size_t>(rng.uniform() * 60);
        for (size_t i = 0; i < len; ++i) text += alphabet[static_cast<size_t>(rng.uniform() * sizeof alphabet)];
        TableReadResult t = read_table(text);
        if (!t.errors.empty()) continue;
        REQUIRE(t.table.columns >= 1);
        CHECK(t.table.spans_.size() == t.table.rows * t.table.columns);
        DatasetImportResult d = dataset_from_table(t.table, {});
        if (!d.errors.empty()) continue;
        for (auto& f : d.dataset.features) {
            f.lsl = 0.0;
            f.usl = 10.0;
        }
        for (const auto& a : analyse_dataset(d.dataset)) CHECK(a.values <= a.rows);
    }
}
