// The plan overview: project name, display unit, decider, start date, market-window
// deadline and notes, one row per section with its item count, and the decision on one page
// (overview_roads.cpp): the recommended road and why, the roads side by side, cost at the
// three volumes, P80 against the deadline, stack and gate verdicts and the open red flags,
// each a link to the tab it comes from.
#pragma once
#include <cstdint>
#include <optional>

#include "edits.h"
#include "job_runner.h"
#include "plan/plan.h"
#include "roads/roads_analysis.h"
#include "view_context.h"

namespace mf {

struct OverviewView {
    void draw(ViewContext& ctx);

private:
    void draw_roads(ViewContext& ctx);  // overview_roads.cpp

    // analyse_roads without its Monte Carlo, for the plan revision it was made for; the schedule
    // Monte Carlo of every road runs in slices through the runner.
    std::optional<RoadsAnalysis> roads_;
    uint64_t roads_state_ = ~uint64_t{0};
    RoadsMcInputs roads_inputs_;  // made once per revision: compared by the runner every frame
    JobRunner<RoadsMonteCarlo, RoadsMcInputs> roads_mc_{500};
    uint64_t shown_generation_ = ~uint64_t{0};
    std::optional<RoadsAnalysis> shown_;  // roads_ with the finished Monte Carlo applied
};

}  // namespace mf
