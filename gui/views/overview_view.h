// The plan overview: project name, display unit, decider, start date, market-window
// deadline and notes, and one row per section with its item count.
#pragma once
#include "view_context.h"
#include "edits.h"
#include "plan/plan.h"

namespace mf {

struct OverviewView {
    void draw(ViewContext& ctx);
};

}  // namespace mf
