// Internal to the tolerance-stack view (stack_view.h): what its parts share. One frame's
// context (the plan, the selected stack, its results) and the edit helper that refuses an
// edit which would make the stack invalid, naming why.
#pragma once
#include <functional>
#include <string>

#include "format.h"
#include "imgui.h"
#include "views/stack_view.h"

namespace mf::stackui {

struct Ctx {
    const Plan& plan;
    const Stack& stack;
    StackView& view;
    Edits& edits;
    LengthUnit unit;
    const StackReport& report;              // analytic results (with the Monte Carlo when finished)
    const MonteCarloResult* mc;             // finished Monte Carlo of this stack's current inputs, or null
    const std::vector<LinkReport>& links;   // measured links of this stack (what they supplied / why not)
};

// Queues an edit of the current stack (found again by id when applied). Before queuing, the
// edit is tried on a copy: if it would add a problem to the stack or the plan (a negative
// tolerance, lower limit above upper, a dangling reference), it is not queued and the
// problem is kept in view.field_errors[key] (shown beside the field and under the table).
// merge: typing into one field (same key) becomes one undo step.
bool edit_stack(Ctx& c, const std::string& label, const std::string& key, bool merge,
                std::function<void(Plan&, Stack&)> fn);

// Why the last edit of this field was refused (nullptr: it was not).
const char* field_error(const Ctx& c, const std::string& key);
// A small red "!" with the message as tooltip, after the field, when an edit was refused.
void field_error_marker(const Ctx& c, const std::string& key);

// Lengths in the display unit, angles in degrees.
const char* unit_name(LengthUnit u);        // "µm", "mm", "in"
// Rounding noise shown as 0 (a direction cosine of 90° is 6e-17, not a sensitivity).
inline double tidy(double v) { return v < 1e-12 && v > -1e-12 ? 0.0 : v; }
ImU32 verdict_colour(FitVerdict v);
std::string fit_text(const std::string& text, float width);   // shortened with "…" to fit
void verdict_badge(FitVerdict v);           // the word on a coloured background

// Parts, each drawing one area of the view.
void draw_contributors(Ctx& c);             // stack_contributors.cpp
void draw_paste_dialog(Ctx& c);             // stack_contributors.cpp
// Parses pasted text (tab-, comma- or semicolon-separated, with a header row) as rows of
// this stack, in the display unit; returns the number of rows queued, or 0 with errors.
size_t paste_rows(Ctx& c, const std::string& text, Issues* errors);
void draw_results(Ctx& c);                  // stack_results.cpp
void draw_verdict(Ctx& c);                  // stack_results.cpp
void draw_details(Ctx& c);                  // stack_results.cpp: thermal rows, labelled variants
void draw_pareto(Ctx& c);                   // stack_charts.cpp
void draw_histogram(Ctx& c);                // stack_charts.cpp
void draw_loop(Ctx& c);                     // stack_loop.cpp: drawing and editor of a 2D loop
void draw_loop_switch(Ctx& c);              // stack_loop.cpp: 1D chain ⇄ 2D loop

}  // namespace mf::stackui
