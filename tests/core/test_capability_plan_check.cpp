// check_plan applies the dataset rules load_plan applies, so an edit made in the GUI can
// never leave a plan that would not load again (the document refuses such an edit).
#include <doctest/doctest.h>

#include <cmath>
#include <memory>

#include "plan/plan_file.h"

using namespace mf;

namespace {
Plan plan_with_dataset() {
    Plan p;
    Dataset d;
    d.id = "d-1";
    d.name = "Pilot";
    Feature f;
    f.id = "f-1";
    f.name = "Bore";
    f.lsl = 1.020;
    f.usl = 1.030;
    f.values = std::make_shared<const std::vector<double>>(std::vector<double>{1.025, std::nan(""), 1.026});
    d.features.push_back(f);
    p.datasets.push_back(d);
    return p;
}
bool names(const Issues& e, const std::string& where) {
    for (const auto& x : e)
        if (x.where == where) return true;
    return false;
}
}  // namespace

TEST_CASE("check_plan: a valid dataset passes and round-trips through the file") {
    const Plan p = plan_with_dataset();
    CHECK(check_plan(p).empty());
    const LoadResult r = load_plan(save_plan(p));
    REQUIRE(r.plan);
    CHECK(r.plan->datasets[0].features[0].values->size() == 3);
}

TEST_CASE("check_plan: LSL at or above USL, limits out of range, ragged columns, bad settings") {
    Plan p = plan_with_dataset();
    p.datasets[0].features[0].lsl = 1.030;
    CHECK(names(check_plan(p), "/datasets/0/features/0/lsl"));
    CHECK_FALSE(load_plan(save_plan(p)).plan);  // the same plan would not load: the check agrees

    p = plan_with_dataset();
    p.datasets[0].features[0].usl = 2e6;
    CHECK(names(check_plan(p), "/datasets/0/features/0/usl"));

    p = plan_with_dataset();
    Feature g = p.datasets[0].features[0];
    g.id = "f-2";
    g.values = std::make_shared<const std::vector<double>>(std::vector<double>{1.0, 2.0});
    p.datasets[0].features.push_back(g);
    CHECK(names(check_plan(p), "/datasets/0/features/1/values"));

    p = plan_with_dataset();
    p.datasets[0].subgroups = std::make_shared<const std::vector<std::string>>(std::vector<std::string>{"a"});
    CHECK(names(check_plan(p), "/datasets/0/subgroups"));

    p = plan_with_dataset();
    p.datasets[0].subgroup_size = 0;
    p.datasets[0].gate.confidence = 1.0;
    p.datasets[0].yield.push_back({"", "", 3, 1});
    const Issues e = check_plan(p);
    CHECK(names(e, "/datasets/0/subgroup_size"));
    CHECK(names(e, "/datasets/0/gate/confidence"));
    CHECK(names(e, "/datasets/0/yield/0/step"));
}
