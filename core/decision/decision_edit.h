// Named, pure edits of the decision section: what the Decision view's buttons and menus do,
// as functions of a plan that keep it consistent (a deleted partner leaves no reference
// behind; switching to AHP brings the judgements AHP needs). The GUI's edit lambdas only call
// these; the rules live here, where tests run them without a GUI.
//
//   const std::string id = new_id(plan, "p");              // plan/plan.h
//   add_partner(plan, id);                                  // "" or why not
//   delete_partner(plan, "boutique");                       // scores, choice, split, tasks, contributors, calendars
//   set_weighting(plan.decision, Weighting::AHP);           // missing judgements from the direct weights
//
// Functions that can be refused return "" or the reason and leave the plan unchanged when
// they refuse; the others cannot fail (an unknown id changes nothing). None checks values a
// user typed (a yield of 150 %): the document refuses those with check_plan's reason.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "decision/decision_model.h"

namespace mf {

struct Plan;

// [SECTION] Partners -------------------------------------------------------------------------
// A new partner "New partner" (kind other, no evidence, no cost model) at the end. Refused
// when `id` is empty or already used in the plan.
std::string add_partner(Plan& p, const std::string& id);
// A copy of partner `id` right after it, named "… (copy)", with id `copy_id`, its entered
// scores and its working calendar. Refused when `id` is unknown or `copy_id` taken.
std::string duplicate_partner(Plan& p, const std::string& id, const std::string& copy_id);
// Deletes the partner with everything that names it: its scores, the decider's choice, the
// split plan's ends, tasks' partner, tolerance contributors' partner, its working calendar.
void delete_partner(Plan& p, const std::string& id);
// Moves the partner `delta` places (clamped to the list).
void move_partner(DecisionSection& s, const std::string& id, int delta);
// Gives the partner the default cost model (price breaks 100 / 10 000 / 100 000 at 10 / 1 /
// 0.2) or removes its cost model.
void set_has_cost_model(DecisionSection& s, const std::string& partner_id, bool has);
// Adds a price break after the last (ten times its quantity, same price; 1 at 1 when none).
void add_price_break(DecisionSection& s, const std::string& partner_id);
// Removes price break k of the partner's cost model.
void delete_price_break(DecisionSection& s, const std::string& partner_id, size_t k);

// [SECTION] Criteria -------------------------------------------------------------------------
// A new entered criterion "New criterion" (weight 0.1, scale 1–10) at the end; under AHP its
// judgements against every other criterion come from the direct weights, so the matrix stays
// complete. Refused when `id` is empty or already used in the plan.
std::string add_criterion(Plan& p, const std::string& id);
// Deletes the criterion with its scores and judgements. Under AHP with fewer than two
// criteria left, the weights become direct (AHP needs two).
void delete_criterion(DecisionSection& s, const std::string& id);
void move_criterion(DecisionSection& s, const std::string& id, int delta);
// Where the criterion's values come from. A derived source takes its natural direction (a
// cost, a lead time: less is better; capacity, Cpk, audit rights: more), has no scale, and
// the entered scores on the criterion are removed (a derived criterion takes none).
void set_criterion_source(DecisionSection& s, const std::string& id, ScoreSource source);

// [SECTION] Scores ---------------------------------------------------------------------------
// Sets the entered score of partner × criterion, creating it (likely value `value`, or 0)
// when there is none. Unset arguments keep what is there; `low` / `high` set to an empty
// optional clear that end of the range.
void set_score(DecisionSection& s, const std::string& partner_id, const std::string& criterion_id,
               std::optional<double> value, std::optional<std::optional<double>> low = std::nullopt,
               std::optional<std::optional<double>> high = std::nullopt);
const Score* find_score(const DecisionSection& s, const std::string& partner_id, const std::string& criterion_id);

// [SECTION] Weights: direct or AHP -----------------------------------------------------------
// The judgement of criterion a against b from their direct weights: w_a / w_b clamped to
// Saaty's 1/9 … 9 (a zero weight against a positive one is 1/9 or 9; two zeros are equal).
double judgement_from_weights(double w_a, double w_b);
// Switches the weighting. To AHP: every pair without a judgement gets one from the direct
// weights (consistent where the weights are, so CR = 0 when none was given), so the plan
// stays complete. (With fewer than two criteria check_decision refuses AHP, with the reason.)
void set_weighting(DecisionSection& s, Weighting w);
// Criterion a against b, replacing any judgement of the pair (either way round).
void set_judgement(DecisionSection& s, const std::string& a, const std::string& b, double ratio);
// Every pair without a judgement gets `ratio` (1 = equal importance).
void fill_missing_judgements(DecisionSection& s, double ratio);
// Every judgement anew from the direct weights (replaces the ones given).
void judgements_from_weights(DecisionSection& s);

}  // namespace mf
