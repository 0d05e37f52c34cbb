// Internal to the decision view (decision_*.cpp): the pages, the field widgets they share,
// number formatting and the edit helpers that find a partner or criterion by id.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "edits.h"
#include "format.h"
#include "imgui.h"
#include "plan/plan.h"
#include "views/decision_view.h"

namespace mf::decision_ui {

// [SECTION] Pages ---------------------------------------------------------------------------
void draw_matrix_page(DecisionView& v, const Plan& plan, Edits& edits);
void draw_partners_page(DecisionView& v, const Plan& plan, Edits& edits);
void draw_criteria_page(DecisionView& v, const Plan& plan, Edits& edits);
void draw_sensitivity_page(DecisionView& v, const Plan& plan, Edits& edits);
void draw_cost_page(DecisionView& v, const Plan& plan, Edits& edits);
void draw_processes_page(DecisionView& v, const Plan& plan, Edits& edits);
void draw_warnings_page(DecisionView& v, const Plan& plan, Edits& edits);
// Planned volume, programme length, demand, design freeze, IP, the decider's choice.
void draw_programme_settings(const Plan& plan, Edits& edits);
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
// Volume columns of the cost tables: the planned volume is the last of analysis.volumes; when
// it equals a standard volume that column is marked "(planned)" instead of repeated.
size_t shown_volume_count(const std::vector<double>& volumes);
bool is_planned_column(const std::vector<double>& volumes, size_t k);
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
// do not. `key` merges keystrokes in one field into one undo step ("" = never merge).
void edit_partner(Edits& edits, std::string label, std::string key, const std::string& id, std::function<void(Partner&)> f);
void edit_criterion(Edits& edits, std::string label, std::string key, const std::string& id, std::function<void(Criterion&)> f);
void edit_section(Edits& edits, std::string label, std::string key, std::function<void(DecisionSection&)> f);
// Sets (or creates) the entered score of partner × criterion.
void edit_score(Edits& edits, const std::string& partner_id, const std::string& criterion_id,
                std::optional<double> value, std::optional<std::optional<double>> low,
                std::optional<std::optional<double>> high, const char* what);
const Score* find_score(const DecisionSection& s, const std::string& partner_id, const std::string& criterion_id);

// Adds, duplicates and deletes (references cleaned up: scores, judgements, choice, split,
// tasks and tolerance contributors that named a deleted partner).
void add_partner(const Plan& plan, Edits& edits, DecisionView& v);
void duplicate_partner(const Plan& plan, Edits& edits, DecisionView& v, const std::string& id);
void delete_partner(Edits& edits, DecisionView& v, const Partner& p);
void move_partner(Edits& edits, const std::string& id, int delta);
void add_criterion(const Plan& plan, Edits& edits);
void delete_criterion(Edits& edits, const Criterion& c);
void move_criterion(Edits& edits, const std::string& id, int delta);

}  // namespace mf::decision_ui
