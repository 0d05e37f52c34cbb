// Measured links of the Timeline view's gates (core/links/measured_links.h): a gate's Cpk
// criterion can take its Cpk and sample size from a feature of the plan's measured data.
// Internal to the schedule view files.
#pragma once
#include <string>
#include <vector>

#include "edits.h"
#include "links/measured_links.h"
#include "plan/plan.h"
#include "view_context.h"

namespace mf::schedule_ui {

// The pass probability the analyses use for this gate: the linked one when its link resolved,
// else the typed figures (gate_spec_pass_probability).
double linked_pass_probability(const Task& t, const std::vector<LinkReport>& links);
// "measured Cpk → 100 %" / "Cpk → 88 %" / "80 %": the gate column of the task table.
std::string linked_gate_summary(const Task& t, const std::vector<LinkReport>& links);

// The "Measured data" part of a Cpk gate's details: a combo of the plan's dataset features
// (or none), Clear, and what the link supplies (Cpk, n, ν → pass probability) or why it cannot.
// Each change is one undoable edit. Returns true when the gate is linked and the link is used
// (the typed figures are then only the fallback).
bool draw_gate_link(ViewContext& ctx, const Task& t, const std::vector<LinkReport>& links);

#ifdef MF_TEST_HOOKS
// Test values "schedule.measured.<task>.used" / ".cpk" / ".n" / ".dof" / ".p" and the message.
void publish_gate_links(const std::vector<LinkReport>& links);
#endif

}  // namespace mf::schedule_ui
