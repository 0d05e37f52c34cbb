// The decision on one page (gui/views/overview_roads.cpp): the roads table on the Overview
// shows core's analyse_roads for the open plan — every figure once the roads' Monte Carlo has
// run in slices — and a click on a figure opens the tab it comes from.
#include "harness.h"
#include "roads/roads_analysis.h"

using namespace mf;
using namespace mf::test;

TEST_CASE("overview: the roads side by side, filled in by the sliced Monte Carlo, equal core's analysis") {
    Harness h;
    test_values().clear();
    test_texts().clear();
    test_anchors().clear();
    h.app.open_example(example(kGearbox));
    h.app.show_tab(Tab::Overview);
    h.frames(3);
    for (int i = 0;
         i < 4000 && !(test_values().count("overview.roads.running") && test_values()["overview.roads.running"] == 0.0);
         ++i)
        h.frames(1);
    REQUIRE(test_values()["overview.roads.running"] == 0.0);
    h.frames(2);
    CHECK(test_values()["overview.roads.count"] == 4);
    const RoadsAnalysis a = analyse_roads(h.app.doc.plan);  // the CLI's figures, in one call
    CHECK(test_texts()["overview.recommended"] == a.recommended);
    for (const RoadFigures& f : a.roads) {
        INFO(f.road);
        CHECK(test_texts()["overview.roads." + f.road + ".name"] == f.name);
        CHECK(test_texts()["overview.roads." + f.road + ".p80"] == format_iso_date(*f.production_p80));
    }
    // A figure is a link: the CM's production date opens the Timeline.
    test_values().clear();
    Input in{h};
    in.click("overview.roads.cm.p80");
    h.frames(3);
    CHECK(test_values().count("schedule.measured.t-pilot.used") == 1);  // the Timeline view drew
}
