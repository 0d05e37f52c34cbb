// Internal to the decision view (decision_*.cpp): the pages, the field widgets they share,
// number formatting and the edit helpers that find a partner or criterion by id.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "decision/decision_tables.h"
#include "edits.h"
#include "format.h"
#include "imgui.h"
#include "plan/plan.h"
#include "view_context.h"
#include "views/decision_view.h"

namespace mf::decision_ui {

// [SECTION] Pages ---------------------------------------------------------------------------
// Each reads ctx.plan, pushes edits to ctx.edits and shows refusals at their fields.
void draw_matrix_page(DecisionView& v, ViewContext& ctx);
void draw_partners_page(DecisionView& v, ViewContext& ctx);
void draw_criteria_page(DecisionView& v, ViewContext& ctx);
void draw_sensitivity_page(DecisionView& v, ViewContext& ctx);
void draw_cost_page(DecisionView& v, ViewContext& ctx);
void draw_processes_page(DecisionView& v, ViewContext& ctx);
void draw_warnings_page(DecisionView& v, ViewContext& ctx);
// Planned volume, programme length, demand, design freeze, IP, the decider's choice.
void draw_programme_settings(ViewContext& ctx);
// The rank-first Monte Carlo: progress with Cancel while it runs, Run when it is stale.
void draw_monte_carlo_controls(DecisionView& v);

// [SECTION] Formatting ----------------------------------------------------------------------
// A JSON Pointer of the plan in words: "/decision/partners/1/evidence/cpk" becomes
// "Boutique micro-machining shop › evidence › cpk".
std::string describe_pointer(const Plan& plan, const std::string& pointer);
// The colour with its alpha multiplied by `alpha` (0–1).
inline ImU32 with_alpha(ImU32 c, float alpha) {
    const unsigned a = static_cast<unsigned>(static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF) * alpha + 0.5f);
    return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}
// Volume columns of the cost tables: shown_volume_count, is_planned_column
// (decision/decision_tables.h, shared with the cost table copied or saved as CSV).
// Partner colour in charts (by partner index).
ImU32 partner_colour(int index, float alpha = 1.0f);
const char* kind_label(PartnerKind k);

// [SECTION] Fields --------------------------------------------------------------------------
// A number field; true when the user typed a finite number different from `value`.
bool field_double(const char* id, double value, double* out, const char* format = "%.6g");
// An optional number: empty text = unset (shown as `empty_means`). True when the value changed.
bool field_optional(const char* id, const std::optional<double>& value, std::optional<double>* out,
                    const char* empty_means = "not known");
// A fraction shown and typed in percent (0.95 shows 95 %).
bool field_percent(const char* id, double fraction, double* out);
// One label + widget row of a two-column form table (label left, widget filling the right).
void form_row(const char* label, const char* help = nullptr);
// A list of short strings typed as "a, b, c".
std::string join_list(const std::vector<std::string>& items);
std::vector<std::string> split_list(const std::string& text);

// [SECTION] Edits by id ---------------------------------------------------------------------
// Indices can move between the frame that pushed an edit and the one that applies it; ids
// do not. Every field edit names its field key, and the widget calls field_error_marker(ctx,
// key) after itself: a refused edit (the plan would not reopen: a yield of 150 %, all weights
// zero ...) shows its reason there. `typing`: keystrokes in one field merge into one undo step.
//
// The key of a field of the item with this id ("" = of the decision section itself).
std::string field_key(const std::string& id, const std::string& what);
std::string score_key(const std::string& partner_id, const std::string& criterion_id, const char* what);
void edit_partner(Edits& edits, std::string label, std::string key, const std::string& id,
                  std::function<void(Partner&)> f, bool typing = true);
void edit_criterion(Edits& edits, std::string label, std::string key, const std::string& id,
                    std::function<void(Criterion&)> f, bool typing = true);
void edit_section(Edits& edits, std::string label, std::string key, std::function<void(DecisionSection&)> f,
                  bool typing = true);
// Sets (or creates) the entered score of partner × criterion (core's set_score), at the field
// score_key(partner, criterion, what).
void edit_score(Edits& edits, const std::string& partner_id, const std::string& criterion_id,
                std::optional<double> value, std::optional<std::optional<double>> low,
                std::optional<std::optional<double>> high, const char* what);

// Structural edits: each pushes one named operation of core/decision/decision_edit.h (the
// references it cleans up are listed there) and keeps the view's selection on the item.
void push_add_partner(const Plan& plan, Edits& edits, DecisionView& v);
void push_duplicate_partner(const Plan& plan, Edits& edits, DecisionView& v, const std::string& id);
void push_delete_partner(Edits& edits, DecisionView& v, const Partner& p);
void push_move_partner(Edits& edits, const std::string& id, int delta);
void push_add_criterion(const Plan& plan, Edits& edits);
void push_delete_criterion(Edits& edits, const Criterion& c);
void push_move_criterion(Edits& edits, const std::string& id, int delta);

}  // namespace mf::decision_ui
