// Internal to the tolerance-stack view (stack_view.h): what its parts share. One frame's
// context (the plan, the selected stack, its analysis) and the helpers that push an edit of
// one field of the stack or of a contributor.
#pragma once
#include <functional>
#include <string>

#include "format.h"
#include "imgui.h"
#include "views/stack_view.h"

namespace mf::stack_ui {

struct Ctx {
    const Plan& plan;
    const Stack& stack;  // as in the plan: what the fields show and edit
    StackView& view;
    ViewContext& vc;  // edits, refusals by field
    LengthUnit unit;
    const StackAnalysis& analysis;  // of the resolved stack (measured links applied)
    const StackReport& report;      // analysis.report (with the Monte Carlo when finished)
    // The finished Monte Carlo of this stack's current inputs, or null; for the first half
    // second of a rerun after an edit, the run before it (view.mc.showing_previous()).
    const MonteCarloResult* mc;
    const std::vector<LinkReport>& links;  // measured links of this stack (what they supplied / why not)
};

// Pushes an edit of one field of the current stack (found again by id when applied) at the
// field `key`; merge: typing into one field becomes one undo step. The document refuses a
// value check_plan refuses, and field_error_marker(c.vc, key) shows why.
void edit_stack(Ctx& c, const std::string& label, const std::string& key, bool merge, std::function<void(Stack&)> fn);
// The same for one field of contributor `cid`; the key is "stack.<cid>.<field>".
void edit_row(Ctx& c, const std::string& cid, const std::string& label, const std::string& field, bool merge,
              std::function<void(Contributor&)> fn);
// Pushes a core operation on the plan (tolerance/stack_edit.h) at the field `key`.
void edit_plan(Ctx& c, const std::string& label, const std::string& key, std::function<void(Plan&)> fn);
// Why the document refused the last edit of this field, or null.
const char* refusal(const Ctx& c, const std::string& key);

// Lengths in the display unit, angles in degrees.
const char* unit_name(LengthUnit u);  // "µm", "mm", "in"
// Rounding noise shown as 0 (a direction cosine of 90° is 6e-17, not a sensitivity).
inline double tidy(double v) { return v < 1e-12 && v > -1e-12 ? 0.0 : v; }
ImU32 verdict_colour(FitVerdict v);
std::string fit_text(const std::string& text, float width);  // shortened with "…" to fit
void verdict_badge(FitVerdict v);                            // the word on a coloured background

// Parts, each drawing one area of the view.
void draw_contributors(Ctx& c);  // stack_contributors.cpp
void draw_paste_dialog(Ctx& c);  // stack_contributors.cpp
// Parses pasted text (tab-, comma- or semicolon-separated, with a header row) as rows of
// this stack, in the display unit; queues them and returns how many, or 0 with errors.
size_t paste_rows(Ctx& c, const std::string& text, Issues* errors);
void draw_results(Ctx& c);      // stack_results.cpp
void draw_verdict(Ctx& c);      // stack_results.cpp
void draw_details(Ctx& c);      // stack_results.cpp: thermal rows, labelled variants
void draw_pareto(Ctx& c);       // stack_charts.cpp
void draw_histogram(Ctx& c);    // stack_charts.cpp
void draw_loop(Ctx& c);         // stack_loop.cpp: drawing and editor of a 2D loop
void draw_loop_switch(Ctx& c);  // stack_loop.cpp: 1D chain ⇄ 2D loop

}  // namespace mf::stack_ui
