// Named edits of a plan's datasets (core/capability/capability_edit.h): each by hand on the
// micro-gearbox example, whose pilot-run dataset drives a tolerance contributor and a gate
// through measured links; then every operation on every example plan, and a seeded random
// sequence, each plan checked to save and reopen as itself.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>

#include "capability/capability_edit.h"
#include "links/measured_links.h"
#include "plan/plan_file.h"
#include "roundtrip_support.h"
#include "stats/random.h"
#include "test_support.h"

using namespace mf;
using namespace mf::test;

namespace {

const char* const kExamples[] = {"launch-timeline.mfplan.json", "micro-gearbox.mfplan.json",
                                 "silicon-on-inconel.mfplan.json", "sourcing-decision.mfplan.json"};

Plan example(const std::string& name) {
    LoadResult r = load_plan(read_file("assets/examples/" + name));
    REQUIRE_MESSAGE(r.plan.has_value(), name);
    return *r.plan;
}

// Measured links in the plan that name this dataset (and feature, when given).
size_t links_to(const Plan& p, const std::string& dataset, const std::string& feature = "") {
    size_t n = 0;
    auto count = [&](const auto& m) { n += m.dataset_id == dataset && (feature.empty() || m.feature_id == feature); };
    for (const auto& st : p.stacks)
        for (const auto& c : st.contributors)
            if (c.measured) count(*c.measured);
    for (const auto& t : p.schedule.tasks)
        if (t.gate.cpk && t.gate.cpk->measured) count(*t.gate.cpk->measured);
    return n;
}

Column column(std::vector<double> v) { return std::make_shared<const std::vector<double>>(std::move(v)); }

}  // namespace

TEST_CASE("capability edit: new, duplicate and delete datasets; measured links go with a deleted one") {
    Plan p = example("micro-gearbox.mfplan.json");
    const size_t n = p.datasets.size();
    CHECK(add_dataset(p) == "d-data");
    CHECK(add_dataset(p) == "d-data-2");
    REQUIRE(p.datasets.size() == n + 2);
    CHECK(p.datasets.back().name == "Dataset " + std::to_string(n + 2));
    CHECK(p.datasets.back().features.empty());
    check_reopens_equal(p, "added");

    const std::string copy = duplicate_dataset(p, "d-pilot-run");
    REQUIRE(copy == "d-pilot-run-2");
    const Dataset* src = find_dataset(p, "d-pilot-run");
    const Dataset* dup = find_dataset(p, copy);
    REQUIRE(src);
    REQUIRE(dup);
    CHECK(dup->name == src->name + " (copy)");
    REQUIRE(dup->features.size() == src->features.size());
    for (size_t i = 0; i < dup->features.size(); ++i) {
        CHECK(dup->features[i].values == src->features[i].values);  // shared, not copied
        CHECK(dup->features[i].id != src->features[i].id);
    }
    check_reopens_equal(p, "duplicated");
    CHECK(duplicate_dataset(p, "d-nothing") == "");

    REQUIRE(links_to(p, "d-pilot-run") == 2);  // a contributor and a gate
    delete_dataset(p, "d-pilot-run");
    CHECK_FALSE(find_dataset(p, "d-pilot-run"));
    CHECK(links_to(p, "d-pilot-run") == 0);
    check_reopens_equal(p, "deleted");
    delete_dataset(p, p.datasets.front().id);  // the id lives in the erased dataset: still right
    check_reopens_equal(p, "deleted by a reference into the plan");
}

TEST_CASE("capability edit: add and delete features; spec limits") {
    Plan p = example("micro-gearbox.mfplan.json");
    const std::string f = add_feature(p, "d-pilot-run");
    Dataset* d = find_dataset(p, "d-pilot-run");
    REQUIRE(d);
    const Feature* added = find_feature(*d, f);
    REQUIRE(added);
    CHECK(added->name == "Feature 4");
    REQUIRE(added->values);
    CHECK(added->values->size() == d->rows());
    CHECK(std::isnan(added->values->front()));
    check_reopens_equal(p, "feature added");
    CHECK(add_feature(p, "d-nothing") == "");

    set_spec_limit(p, "d-pilot-run", f, SpecLimit::Lower, 1.0);
    set_spec_limit(p, "d-pilot-run", f, SpecLimit::Upper, 2.0);
    set_spec_limit(p, "d-pilot-run", f, SpecLimit::Target, 1.5);
    d = find_dataset(p, "d-pilot-run");
    added = find_feature(*d, f);
    CHECK(*added->lsl == 1.0);
    CHECK(*added->usl == 2.0);
    CHECK(*added->nominal == 1.5);
    check_reopens_equal(p, "limits");
    set_spec_limit(p, "d-pilot-run", f, SpecLimit::Target, std::nullopt);
    CHECK_FALSE(find_feature(*find_dataset(p, "d-pilot-run"), f)->nominal);
    // An LSL at the USL: the file rules refuse it, at the field.
    Plan bad = p;
    set_spec_limit(bad, "d-pilot-run", f, SpecLimit::Lower, 2.0);
    const Issues e = check_plan(bad);
    REQUIRE_FALSE(e.empty());
    CHECK(e[0].where.find("/lsl") != std::string::npos);

    REQUIRE(links_to(p, "d-pilot-run", "f-run-bore") == 2);
    delete_feature(p, "d-pilot-run", "f-run-bore");
    CHECK_FALSE(find_feature(*find_dataset(p, "d-pilot-run"), "f-run-bore"));
    CHECK(links_to(p, "d-pilot-run") == 0);
    check_reopens_equal(p, "feature deleted");
}

TEST_CASE("capability edit: import a dataset, replace its data, set yield records") {
    Plan p = example("micro-gearbox.mfplan.json");
    Dataset in;
    in.name = "Imported";
    in.id = "d-pilot-run";  // taken: made unique
    Feature a;
    a.id = "f-run-od";  // taken too
    a.name = "OD";
    a.values = column({1, 2, 3});
    Feature b = a;
    b.id.clear();  // none: from the base
    b.name = "Bore";
    in.features = {a, b};
    const std::string id = import_dataset(p, in);
    CHECK(id == "d-pilot-run-2");
    const Dataset* d = find_dataset(p, id);
    REQUIRE(d);
    CHECK(d->features[0].id == "f-run-od-2");
    CHECK(d->features[1].id == "f-data");
    check_reopens_equal(p, "imported");

    // Replace the pilot run's table: "GEAR BORE DIAMETER" (case-insensitive) keeps the
    // feature's id and limits; the OD and hub are gone (bore keeps its links).
    const Feature bore = *find_feature(*find_dataset(p, "d-pilot-run"), "f-run-bore");
    Dataset table;
    Feature t1;
    t1.name = "GEAR BORE DIAMETER";
    t1.id = "f-bore";
    t1.values = column({1.02, 1.03});
    Feature t2 = t1;
    t2.name = "Flatness";
    t2.id = "f-flatness";
    table.features = {t1, t2};
    replace_dataset_data(p, "d-pilot-run", table);
    d = find_dataset(p, "d-pilot-run");
    REQUIRE(d->features.size() == 2);
    CHECK(d->features[0].id == "f-run-bore");
    CHECK(d->features[0].name == "GEAR BORE DIAMETER");
    CHECK(d->features[0].lsl == bore.lsl);
    CHECK(d->features[0].usl == bore.usl);
    CHECK(d->features[0].values->size() == 2);
    CHECK(d->features[1].id == "f-flatness");
    CHECK_FALSE(d->times);  // the context columns are the table's
    CHECK(links_to(p, "d-pilot-run", "f-run-bore") == 2);
    check_reopens_equal(p, "replaced by name");

    // No name matches and the counts agree: matched by position, names kept.
    Dataset by_pos;
    Feature c1 = t1;
    c1.name = "C1";
    Feature c2 = t1;
    c2.name = "C2";
    by_pos.features = {c1, c2};
    replace_dataset_data(p, "d-pilot-run", by_pos);
    d = find_dataset(p, "d-pilot-run");
    CHECK(d->features[0].id == "f-run-bore");
    CHECK(d->features[0].name == "GEAR BORE DIAMETER");
    CHECK(d->features[1].name == "Flatness");
    check_reopens_equal(p, "replaced by position");

    set_yield_records(p, "d-pilot-run", {{"etch", "L1", 95, 5}});
    REQUIRE(find_dataset(p, "d-pilot-run")->yield.size() == 1);
    check_reopens_equal(p, "yield");
}

// [SECTION] Every operation on every example --------------------------------------------------

namespace {

struct Operation {
    const char* name;
    std::function<void(Plan&, Rng&)> apply;
};

const Dataset* pick_dataset(const Plan& p, Rng& r) {
    return p.datasets.empty() ? nullptr : &p.datasets[static_cast<size_t>(r.next() % p.datasets.size())];
}
const Feature* pick_feature(const Dataset& d, Rng& r) {
    return d.features.empty() ? nullptr : &d.features[static_cast<size_t>(r.next() % d.features.size())];
}

std::vector<Operation> operations() {
    return {
        {"add dataset", [](Plan& p, Rng&) { add_dataset(p); }},
        {"duplicate dataset",
         [](Plan& p, Rng& r) {
             if (const Dataset* d = pick_dataset(p, r)) duplicate_dataset(p, d->id);
         }},
        {"delete dataset",
         [](Plan& p, Rng& r) {
             if (const Dataset* d = pick_dataset(p, r)) delete_dataset(p, d->id);
         }},
        {"add feature",
         [](Plan& p, Rng& r) {
             if (const Dataset* d = pick_dataset(p, r)) add_feature(p, d->id);
         }},
        {"delete feature",
         [](Plan& p, Rng& r) {
             const Dataset* d = pick_dataset(p, r);
             if (const Feature* f = d ? pick_feature(*d, r) : nullptr) delete_feature(p, d->id, f->id);
         }},
        {"spec limits",
         [](Plan& p, Rng& r) {
             const Dataset* d = pick_dataset(p, r);
             const Feature* f = d ? pick_feature(*d, r) : nullptr;
             if (!f) return;
             const double lo = 10 * r.uniform(), hi = lo + 0.1 + r.uniform();
             const std::string did = d->id, fid = f->id;
             set_spec_limit(p, did, fid, SpecLimit::Lower, std::nullopt);  // never above the USL on the way
             set_spec_limit(p, did, fid, SpecLimit::Upper, hi);
             set_spec_limit(p, did, fid, SpecLimit::Lower, lo);
             set_spec_limit(p, did, fid, SpecLimit::Target,
                            r.next() % 2 ? std::optional<double>((lo + hi) / 2) : std::nullopt);
         }},
        {"import",
         [](Plan& p, Rng& r) {
             Dataset d;
             d.name = "Imported";
             Feature f;
             f.name = "Bore";
             std::vector<double> v(20);
             for (double& x : v) x = 1 + 0.01 * r.normal();
             f.values = column(v);
             d.features = {f, f};
             import_dataset(p, d);
         }},
        {"replace data",
         [](Plan& p, Rng& r) {
             const Dataset* d = pick_dataset(p, r);
             if (!d) return;
             Dataset t;
             Feature f;
             f.name = d->features.empty() || r.next() % 2 ? "New" : d->features.front().name;
             f.id = "f-new";
             f.values = column(std::vector<double>(7, 1.5));
             t.features = {f};
             replace_dataset_data(p, d->id, t);
         }},
        {"yield records",
         [](Plan& p, Rng& r) {
             if (const Dataset* d = pick_dataset(p, r))
                 set_yield_records(p, d->id, {{"etch", "", 90, 10}, {"plate", "L2", 50, 0}});
         }},
    };
}

}  // namespace

TEST_CASE("capability edit: every operation on every example plan reopens as itself") {
    for (const char* name : kExamples) {
        const Plan original = example(name);
        for (const auto& op : operations())
            for (uint64_t seed = 1; seed <= 3; ++seed) {
                Plan p = original;
                Rng rng(seed);
                op.apply(p, rng);
                check_reopens_equal(p, std::string(name) + ": " + op.name);
            }
    }
}

TEST_CASE("capability edit: 200 random operations in a row on each example keep the plan valid") {
    const auto ops = operations();
    for (const char* name : kExamples) {
        Plan p = example(name);
        Rng rng(20261206);
        for (int step = 0; step < 200; ++step) {
            const Operation& op = ops[static_cast<size_t>(rng.next() % ops.size())];
            op.apply(p, rng);
            check_reopens_equal(p, std::string(name) + " step " + std::to_string(step) + " (" + op.name + ")");
        }
    }
}
