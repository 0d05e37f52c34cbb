// The tolerance section's file form (read, write, errors with JSON paths) and the CSV/TSV
// contributor table.
#include <doctest/doctest.h>

#include <cmath>

#include "plan/plan_file.h"
#include "test_support.h"
#include "tolerance/materials.h"
#include "tolerance/stack_table.h"

using namespace mf;

namespace {

std::string plan_with_stack(const std::string& stack_json) {
    return R"({"format": "microfab-plan", "version": 1, "project": {"name": "T", "units": "um"},
               "decision": {"partners": [{"id": "shop", "name": "Shop", "kind": "boutique"}]},
               "stacks": [)" +
        stack_json + "]}";
}

const Issue* first_error(const LoadResult& r) { return r.errors.empty() ? nullptr : &r.errors[0]; }

}  // namespace

TEST_CASE("tolerance file: every new field is read, written and read back the same") {
    const std::string text = plan_with_stack(R"({
        "id": "s1", "name": "Loop", "lower_limit": 0.001, "upper_limit": 0.05,
        "measurement_temperature": 20, "operating_temperature": -40,
        "inflation_factor": 1.5, "ppm_ok": 100, "ppm_fail": 5000,
        "loop": {"direction": 90, "vectors": [{"length_from": "a", "angle": 80}, {"length": 2.5, "angle": 5, "angle_from": "tilt"}]},
        "contributors": [
          {"id": "a", "name": "A", "nominal": 3, "tol_plus": 0.01, "tol_minus": 0.002, "sensitivity": 1, "partner": "shop",
           "distribution": {"type": "normal", "cpk": 1.33, "shift": 0.001}, "material": "silicon", "measured_at": 23},
          {"id": "tilt", "name": "Tilt", "kind": "angle", "nominal": 90, "tol_plus": 0.5, "tol_minus": 0.5,
           "distribution": {"type": "skew-normal", "sigma": 0.1, "skew": -2}},
          {"id": "b", "name": "B", "nominal": 1, "tol_plus": 0.003, "tol_minus": 0.003, "sensitivity": -1,
           "distribution": {"type": "triangular"}, "cte_ppm_per_K": 7.7},
          {"id": "c", "name": "C", "nominal": 1, "tol_plus": 0.003, "tol_minus": 0.003, "distribution": {"type": "uniform"}}
        ]})");
    LoadResult r = load_plan(text);
    REQUIRE_MESSAGE(r.errors.empty(), (r.errors.empty() ? "" : to_string(r.errors[0])));
    const Stack& s = r.plan->stacks[0];
    CHECK(s.operating_temperature == -40);
    CHECK(s.inflation_factor == 1.5);
    CHECK(s.ppm_fail == 5000);
    REQUIRE(s.loop);
    CHECK(s.loop->direction == 90);
    CHECK(s.loop->vectors[0].length_from == "a");
    CHECK(s.loop->vectors[1].angle_from == "tilt");
    CHECK(s.loop->vectors[1].length == 2.5);
    CHECK(s.loop->vectors[1].angle == 5);
    const Contributor& a = s.contributors[0];
    CHECK(a.distribution.by == NormalBy::Cpk);
    CHECK(a.distribution.capability == 1.33);
    CHECK(a.distribution.shift == 0.001);
    CHECK(a.material == "silicon");
    CHECK(*a.measured_at == 23);
    CHECK(s.contributors[1].kind == DimensionKind::Angle);
    CHECK(s.contributors[1].distribution.kind == DistributionKind::SkewNormal);
    CHECK(s.contributors[1].distribution.skew == -2);
    CHECK(*s.contributors[2].cte == 7.7);
    CHECK(s.contributors[3].distribution.kind == DistributionKind::Uniform);

    const std::string saved = save_plan(*r.plan);
    LoadResult again = load_plan(saved);
    REQUIRE(again.plan);
    CHECK(save_plan(*again.plan) == saved);
}

TEST_CASE("tolerance file: the shared example keeps loading, with its gear/shaft stack") {
    LoadResult r = load_plan(test::read_file("assets/examples/micro-gearbox.mfplan.json"));
    REQUIRE_MESSAGE(r.errors.empty(), (r.errors.empty() ? "" : to_string(r.errors[0])));
    const Stack& s = r.plan->stacks[0];
    CHECK(s.contributors.size() == 2);
    CHECK(s.upper_limit.value() == doctest::Approx(0.050));
    LoadResult si = load_plan(test::read_file("assets/examples/silicon-on-inconel.mfplan.json"));
    REQUIRE_MESSAGE(si.errors.empty(), (si.errors.empty() ? "" : to_string(si.errors[0])));
}

TEST_CASE("tolerance file: bad values are reported at their JSON path") {
    struct Case {
        const char* stack;
        const char* where;
        const char* message;
    };
    const Case cases[] = {
        {R"({"id": "s", "name": "S", "contributors": [{"id": "k", "name": "K", "nominal": 1, "tol_plus": 0.01, "tol_minus": 0.01,
             "distribution": {"type": "normal", "cpk": 0}}]})",
         "/stacks/0/contributors/0/distribution/cpk", "Cpk of \"K\" must be greater than 0 (got 0)"},
        {R"({"id": "s", "name": "S", "contributors": [{"id": "k", "name": "K", "nominal": 1, "tol_plus": 0.01, "tol_minus": 0.01,
             "distribution": {"type": "normal", "cpk": -1.2}}]})",
         "/stacks/0/contributors/0/distribution/cpk", "must be greater than 0 (got -1.2)"},
        {R"({"id": "s", "name": "S", "contributors": [{"id": "k", "name": "K", "nominal": 1, "tol_plus": 0.01, "tol_minus": 0.01,
             "material": "unobtainium"}]})",
         "/stacks/0/contributors/0/material", "unknown material \"unobtainium\" (known: silicon,"},
        {R"({"id": "s", "name": "S", "loop": {"direction": 0, "vectors": []}, "contributors": []})",
         "/stacks/0/loop/vectors", "zero-length loop"},
        {R"({"id": "s", "name": "S", "loop": {"vectors": [{"length_from": "k", "angle": 0}]},
             "contributors": [{"id": "k", "name": "K", "nominal": 0, "tol_plus": 0.01, "tol_minus": 0.01}]})",
         "/stacks/0/loop/vectors/0/length_from", "zero-length vector"},
        {R"({"id": "s", "name": "S", "loop": {"vectors": [{"length_from": "ghost", "angle": 0}]}, "contributors": []})",
         "/stacks/0/loop/vectors/0/length_from", "refers to contributor \"ghost\", which is not in this stack"},
        {R"({"id": "s", "name": "S", "loop": {"vectors": [{"angle": 1}]}, "contributors": []})",
         "/stacks/0/loop/vectors/0", "give either length_from (a contributor id) or length (mm)"},
        {R"({"id": "s", "name": "S", "lower_limit": 0.05, "upper_limit": 0.01, "contributors": []})",
         "/stacks/0/lower_limit", "lower limit is above the upper limit"},
        {R"({"id": "s", "name": "S", "contributors": [{"id": "k", "name": "K", "nominal": 1, "tol_plus": 0.01, "tol_minus": 0.01,
             "distribution": {"type": "normal", "cp": 1, "sigma": 0.001}}]})",
         "/stacks/0/contributors/0/distribution", "give one of cp, cpk or sigma, not several"},
        {R"({"id": "s", "name": "S", "contributors": [{"id": "k", "name": "K", "nominal": 1, "tol_plus": 0.01, "tol_minus": 0.01,
             "distribution": {"type": "uniform", "cpk": 1.33}}]})",
         "/stacks/0/contributors/0/distribution/cpk",
         "applies to normal and skew-normal distributions, not to uniform"},
        {R"({"id": "s", "name": "S", "contributors": [{"id": "k", "name": "K", "nominal": 1, "tol_plus": 0.01, "tol_minus": 0.01,
             "distribution": {"type": "gaussian"}}]})",
         "/stacks/0/contributors/0/distribution/type",
         "unknown value \"gaussian\" (accepted: normal, uniform, triangular, skew-normal, lognormal)"},
        {R"({"id": "s", "name": "S", "contributors": [{"id": "k", "name": "K", "nominal": 1, "tol_plus": 0.01, "tol_minus": 0.01,
             "distribution": {"type": "normal", "cpk": 1.33, "shift": 0.01}}]})",
         "/stacks/0/contributors/0/distribution/shift", "reaches the tolerance limit"},
        {R"({"id": "s", "name": "S", "contributors": [{"id": "k", "name": "K", "nominal": 1, "tol_plus": 0.01, "tol_minus": 0.01,
             "partner": "ghost"}]})",
         "/stacks/0/contributors/0/partner", "refers to partner \"ghost\", which does not exist"},
        {R"({"id": "s", "name": "S", "operating_temperature": -300, "contributors": []})",
         "/stacks/0/operating_temperature", "out of range"},
        {R"({"id": "s", "name": "S", "ppm_ok": 5000, "ppm_fail": 100, "contributors": []})", "/stacks/0/ppm_fail",
         "below the OK threshold"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.stack);
        LoadResult r = load_plan(plan_with_stack(c.stack));
        CHECK_FALSE(r.plan);
        const Issue* e = first_error(r);
        REQUIRE(e);
        CHECK(e->where == c.where);
        CHECK_MESSAGE(e->message.find(c.message) != std::string::npos, e->message);
    }
}

TEST_CASE("tolerance file: an empty stack may be saved while it is being edited") {
    LoadResult r = load_plan(plan_with_stack(R"({"id": "s", "name": "New stack", "contributors": []})"));
    CHECK(r.errors.empty());
}

TEST_CASE("tolerance: the material table holds the issue's materials with sources") {
    for (const char* key :
         {"silicon", "alumina-96", "zirconia-3y", "borosilicate", "inconel-718", "stainless-316l", "aluminium-6061",
          "ti-6al-4v", "nitinol", "brass-c360", "tungsten-carbide", "peek", "lcp-flow"}) {
        CAPTURE(key);
        const Material* m = find_material(key);
        REQUIRE(m);
        CHECK(m->cte > 0);
        CHECK(std::string(m->source).size() > 5);
    }
    CHECK(find_material("silicon")->cte == 2.6);
    CHECK(find_material("inconel-718")->cte == 13.0);
    CHECK(find_material("nope") == nullptr);
}

TEST_CASE("tolerance table: CSV with a header, quoted cells and µm units") {
    const std::string csv =
        "name,nominal,tol_plus,tol_minus,sensitivity,distribution,cpk,material\n"
        "\"Bore, gear\",1025,5,5,1,normal,1.33,zirconia-3y\n"
        "# a comment line\n"
        "\n"
        "Shaft,1000,15,15,-1,uniform,,stainless-316l\r\n";
    ContributorTable t = parse_contributor_table(csv, 0.001);
    REQUIRE_MESSAGE(t.errors.empty(), (t.errors.empty() ? "" : to_string(t.errors[0])));
    REQUIRE(t.contributors.size() == 2);
    CHECK(t.separator == ',');
    CHECK(t.contributors[0].name == "Bore, gear");
    CHECK(t.contributors[0].nominal == doctest::Approx(1.025));
    CHECK(t.contributors[0].tol_plus == doctest::Approx(0.005));
    CHECK(t.contributors[0].distribution.by == NormalBy::Cpk);
    CHECK(t.contributors[0].distribution.capability == 1.33);
    CHECK(t.contributors[1].sensitivity == -1);
    CHECK(t.contributors[1].distribution.kind == DistributionKind::Uniform);
    CHECK(t.contributors[1].id == "row5");  // ids default to the row number
    CHECK(t.rows == std::vector<size_t>{2, 5});
}

TEST_CASE("tolerance table: tab-separated paste with a symmetric tol column and a Unicode minus") {
    const std::string tsv =
        "Name\tNominal\tTol\tSensitivity\n"
        "A\t10.0\t0.01\t1\n"
        "B\t9.98\t0.005\t\xE2\x88\x92"
        "1\n";
    ContributorTable t = parse_contributor_table(tsv);
    REQUIRE(t.errors.empty());
    CHECK(t.separator == '\t');
    CHECK(t.contributors[1].tol_minus == 0.005);
    CHECK(t.contributors[1].sensitivity == -1);
}

TEST_CASE("tolerance table: errors name the row and the column") {
    ContributorTable t = parse_contributor_table(
        "name,nominal,tol_plus,tol_minus,cpk,material\n"
        "A,1,0.01,abc,1,\n"
        "B,1,-0.01,0.01,0,\n"
        "C,1,0.01,0.01,1.33,unobtainium\n"
        "D,1,0.01,0.01,1.33,,extra\n");
    REQUIRE(t.errors.size() == 5);
    CHECK(to_string(t.errors[0]) == "row 2, column \"tol_minus\": expected a number, found \"abc\"");
    CHECK(t.errors[1].where == "row 5");
    CHECK(t.errors[1].message.find("has 7 cells, the header has 6") != std::string::npos);
    CHECK(t.errors[2].where == "row 3, column \"tol_plus\"");
    CHECK(t.errors[3].where == "row 3, column \"cpk\"");
    CHECK(t.errors[3].message.find("must be greater than 0") != std::string::npos);
    CHECK(t.errors[4].where == "row 4, column \"material\"");

    t = parse_contributor_table("name,nominal,plus\nA,1,2\n");
    REQUIRE(t.errors.size() == 2);
    CHECK(to_string(t.errors[0]).find("row 1, column \"plus\": unknown column") == 0);
    CHECK(t.errors[1].message.find("missing tolerance columns") != std::string::npos);

    CHECK(parse_contributor_table("").errors.size() == 1);
    CHECK(parse_contributor_table("name,nominal,tol\nA,NaN,1\n").errors[0].message ==
          "expected a number, found \"NaN\"");
}

TEST_CASE("tolerance table: junk never crashes the parser") {
    // Random text from a CSV-ish alphabet (deterministic generator): every outcome is either
    // contributors or errors, never a crash (run under ASan/UBSan and in WASM).
    const std::string alphabet = "name,nominal,tol_plus,tol_minus,cpk,\t;\"\n\r#-+.eE0123456789 abcxyz\xE2\x88\x92";
    uint64_t state = 12345;
    for (int round = 0; round < 300; ++round) {
        std::string text = round % 2 ? "name,nominal,tol\n" : "";
        const int len = 1 + round % 97;
        for (int k = 0; k < len; ++k) {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            text += alphabet[(state >> 33) % alphabet.size()];
        }
        const ContributorTable t = parse_contributor_table(text, round % 3 ? 1.0 : 0.001);
        CHECK((t.errors.empty() || t.errors[0].message.size() > 0));
    }
}

TEST_CASE("tolerance: duplicate contributor ids in a stack are named once, with both places") {
    ContributorTable t = parse_contributor_table("id,name,nominal,tol\nk,A,1,0.01\nk,B,1,0.01\n");
    REQUIRE(t.errors.size() == 1);
    CHECK(to_string(t.errors[0]) == "row 3, column \"id\": duplicate id \"k\" (also on row 2)");
    Stack s;
    s.contributors = t.contributors;
    const Issues e = validate_stack(s, StackCheck::ForAnalysis);
    REQUIRE(e.size() == 1);
    CHECK(to_string(e[0]) == "/contributors/1/id: duplicate id \"k\" (also used at /contributors/0)");
}
