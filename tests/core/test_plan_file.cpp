// Plan files: round trip, determinism, and a corpus of malformed files that must each give
// a clear error naming the place, never a crash (natively and under WASM).
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "plan/plan_file.h"
#include "test_support.h"

using namespace mf;

static const char* kExample = "assets/examples/micro-gearbox.mfplan.json";

TEST_CASE("the example plan loads with the article's figures") {
    LoadResult r = load_plan(test::read_file(kExample));
    REQUIRE_MESSAGE(r.errors.empty(), (r.errors.empty() ? "" : to_string(r.errors[0])));
    const Plan& p = *r.plan;
    CHECK(p.meta.name == "Micro-gearbox for a surgical stapler");
    CHECK(p.meta.units == LengthUnit::Micrometre);
    CHECK(format_iso_date(*p.meta.start_date) == "2027-01-04");
    CHECK(p.decision.partners.size() == 3);
    CHECK(p.decision.partners[2].kind == PartnerKind::FullServiceCM);
    CHECK(p.decision.criteria.size() == 8);
    CHECK(p.schedule.tasks[0].optimistic == 3);  // DFμF review: 3–5 working days
    CHECK(p.schedule.tasks[0].pessimistic == 5);
    CHECK(p.stacks[0].upper_limit.value() == doctest::Approx(0.050));
    CHECK(p.datasets[0].features[0].values->size() == 25);
}

TEST_CASE("round trip: load, save, load gives the same plan; two saves are byte-identical") {
    LoadResult first = load_plan(test::read_file(kExample));
    REQUIRE(first.plan);
    const std::string saved = save_plan(*first.plan);
    CHECK(save_plan(*first.plan) == saved);
    LoadResult second = load_plan(saved);
    REQUIRE(second.plan);
    CHECK(save_plan(*second.plan) == saved);
    CHECK(second.plan->schedule.tasks[3].predecessors ==
          std::vector<Dependency>{{"t-pilot", LinkType::FinishToStart, 0}});
    CHECK((*second.plan->datasets[0].features[0].values)[8] == 1.0254);
}

TEST_CASE("a missing measurement (null) survives the round trip as a missing cell") {
    Plan p;
    Dataset d;
    d.id = "d1";
    d.name = "D";
    Feature f;
    f.id = "f1";
    f.name = "OD";
    f.lsl = 1.0;
    f.usl = 2.0;
    f.values = std::make_shared<std::vector<double>>(std::vector<double>{1.5, NAN, 1.6});
    d.features.push_back(f);
    p.datasets.push_back(d);
    LoadResult r = load_plan(save_plan(p));
    REQUIRE(r.plan);
    const auto& v = *r.plan->datasets[0].features[0].values;
    CHECK(v.size() == 3);
    CHECK(std::isnan(v[1]));
    CHECK(v[2] == 1.6);
}

TEST_CASE("copying a plan shares measurement columns (snapshots are cheap)") {
    LoadResult r = load_plan(test::read_file(kExample));
    REQUIRE(r.plan);
    Plan copy = *r.plan;
    CHECK(copy.datasets[0].features[0].values.get() == r.plan->datasets[0].features[0].values.get());
}

TEST_CASE("new ids never collide with existing ones") {
    Plan p;
    for (const char* id : {"p1", "p2"}) {
        Partner x;
        x.id = id;
        p.decision.partners.push_back(x);
    }
    CHECK(new_id(p, "p") == "p3");
    CHECK(new_id(p, "t") == "t1");
}

struct MalformedCase {
    const char* file;
    const char* where;    // expected JSON Pointer of the first error
    const char* message;  // expected fragment of its message
};

static const MalformedCase kMalformed[] = {
    {"truncated.json", "/", "not valid JSON (line 16, column 36): syntax error"},
    {"wrong-type-name.json", "/project/name", "expected a string, found a number"},
    {"nan-string.json", "/stacks/0/contributors/0/nominal", "expected a number, found a string (\"NaN\")"},
    {"infinity-string.json", "/stacks/0/contributors/0/tol_plus", "found a string (\"Infinity\")"},
    {"bare-nan.json", "/", "not valid JSON (line 1"},
    {"huge-number.json", "/", "number overflow parsing '1e400'"},
    {"duplicate-ids.json", "/decision/partners/1/id", "duplicate id \"p1\" (also used at /decision/partners/0)"},
    {"dangling-partner.json", "/schedule/tasks/0/partner", "refers to partner \"ghost\", which does not exist"},
    {"dangling-predecessor.json", "/schedule/tasks/0/predecessors/0", "task \"t9\", which does not exist"},
    {"newer-version.json", "/version", "file version 99 is newer than this app reads"},
    {"version-as-string.json", "/version", "expected a whole number, found a string"},
    {"missing-format.json", "/format", "missing required field"},
    {"wrong-format-tag.json", "/format", "is not a MicroFab plan"},
    {"deep-nesting.json", "/", "nesting deeper than 64 levels"},
    {"empty.json", "/", "not valid JSON"},
    {"top-level-array.json", "/", "expected an object, found an array"},
    {"negative-tolerance.json", "/stacks/0/contributors/0/tol_plus", "out of range"},
    {"limits-reversed.json", "/stacks/0/lower_limit", "lower limit is above the upper limit"},
    {"impossible-date.json", "/project/start_date", "\"2026-02-30\" is not a date"},
    {"unknown-field.json", "/project/name", "missing required field"},
    {"missing-project.json", "/project", "missing required field"},
    {"unknown-unit.json", "/project/units", "unknown value \"furlongs\" (accepted: um, mm, in)"},
    {"dataset-text-and-limits.json", "/datasets/0/features/0/lsl", "LSL must be below USL"},
    {"bad-id.json", "/decision/partners/0/id", "is not a valid id"},
};

TEST_CASE("malformed plan files: each gives a clear error naming the place") {
    for (const auto& c : kMalformed) {
        const std::string file = c.file;
        CAPTURE(file);
        LoadResult r = load_plan(test::read_file(std::string("tests/data/malformed/") + c.file));
        CHECK_FALSE(r.plan);
        REQUIRE_FALSE(r.errors.empty());
        CHECK(r.errors[0].where == c.where);
        CHECK_MESSAGE(r.errors[0].message.find(c.message) != std::string::npos, r.errors[0].message);
    }
}

TEST_CASE("malformed files report every problem, not only the first") {
    LoadResult typo = load_plan(test::read_file("tests/data/malformed/unknown-field.json"));
    REQUIRE(typo.errors.size() == 2);
    CHECK(typo.errors[1].where == "/project/nmae");
    CHECK(typo.errors[1].message == "unknown field");

    LoadResult data = load_plan(test::read_file("tests/data/malformed/dataset-text-and-limits.json"));
    REQUIRE(data.errors.size() == 2);
    CHECK(data.errors[1].where == "/datasets/0/features/0/values/1");
    CHECK(data.errors[1].message == "expected a number or null, found a string");
}

TEST_CASE("10 MB of junk and random bytes are rejected without a crash") {
    std::mt19937 rng(1234);
    std::string junk(10 * 1024 * 1024, ' ');
    for (auto& ch : junk) ch = static_cast<char>(rng() & 0xFF);
    LoadResult r = load_plan(junk);
    CHECK_FALSE(r.plan);
    REQUIRE(r.errors.size() == 1);
    // Random bytes hold many '[' and '{': the nesting guard or the parser rejects them first.
    const std::string& m = r.errors[0].message;
    CHECK_MESSAGE((m.find("not valid JSON") == 0 || m.find("nesting deeper") == 0), m);

    // Valid JSON, but 10 MB of it and nothing a plan has.
    std::string big =
        "{\"format\": \"microfab-plan\", \"version\": 1, \"junk\": \"" + std::string(10 << 20, 'x') + "\"}";
    LoadResult b = load_plan(big);
    CHECK_FALSE(b.plan);
    CHECK(b.errors.size() == 2);  // missing /project, unknown /junk

    LoadResult huge = load_plan(std::string(kMaxPlanFileBytes + 1, ' '));
    REQUIRE(huge.errors.size() == 1);
    CHECK(huge.errors[0].message.find("too large") != std::string::npos);
}
