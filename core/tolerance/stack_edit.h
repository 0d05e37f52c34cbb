// Editing the tolerance stacks of a plan: every structural change the Tolerances view makes,
// as a named, pure operation on a Plan. Each finds its stack (and contributor) by id, keeps
// the plan consistent — loop vectors follow a removed or renamed contributor, ids stay
// unique across the plan — and returns "" when done or the reason it changed nothing.
// Setting one field of a stack or a contributor needs no operation: the view's edit sets it
// through find_stack / find_contributor, and the document refuses a value check_plan refuses.
//
//   add_stack(plan, new_id(plan, "s"), "Bearing preload");
//   add_contributor(plan, "s1", "", new_id(plan, "k"), "Spacer");    // "" after: at the end
//   move_contributor(plan, "s1", "k3", -1);                           // one row up
//   make_loop(plan, "s1");  make_chain(plan, "s1");                   // 1D chain ⇄ 2D loop
//   if (Contributor* k = find_contributor(plan, "s1", "k3")) k->tol_plus = 0.002;
//
// Ids: stack and contributor ids share the plan's id space (check_plan_references); a new
// one is new_id(plan, "s") or new_id(plan, "k"), which the view can compute before the edit
// runs to select what it makes.
#pragma once
#include <string>
#include <vector>

#include "plan/plan.h"
#include "tolerance/stack_model.h"

namespace mf {

// [SECTION] Finding ------------------------------------------------------------------------
Stack* find_stack(Plan& p, const std::string& stack_id);
const Stack* find_stack(const Plan& p, const std::string& stack_id);
Contributor* find_contributor(Plan& p, const std::string& stack_id, const std::string& contributor_id);
int contributor_index(const Stack& s, const std::string& contributor_id);  // -1 when absent

// [SECTION] Stacks -------------------------------------------------------------------------
// Appends an empty stack (a 1D chain without contributors: valid in a file, not yet analysable).
std::string add_stack(Plan& p, const std::string& stack_id, const std::string& name);
// Inserts a copy after the stack: id new_stack_id, name + " (copy)" (unchanged when that
// would be too long), every contributor with a fresh id "k<n>", loop vectors following them.
std::string duplicate_stack(Plan& p, const std::string& stack_id, const std::string& new_stack_id);
// Removes the stack (nothing else in a plan refers to a stack).
std::string delete_stack(Plan& p, const std::string& stack_id);

// [SECTION] Contributors -------------------------------------------------------------------
// Inserts a contributor with default values (nominal 0, no tolerance, sensitivity +1) after
// the contributor after_id ("" or unknown: at the end).
std::string add_contributor(Plan& p, const std::string& stack_id, const std::string& after_id,
                            const std::string& contributor_id, const std::string& name);
// Inserts a copy (name + " (copy)", id new_contributor_id) right after the contributor. The
// copy is in no loop vector: it adds with its own sensitivity.
std::string duplicate_contributor(Plan& p, const std::string& stack_id, const std::string& contributor_id,
                                  const std::string& new_contributor_id);
// Removes the contributor. A loop vector taking its length from it goes too; one taking its
// angle from it keeps its fixed angle. A loop left without vectors becomes a 1D chain.
std::string remove_contributor(Plan& p, const std::string& stack_id, const std::string& contributor_id);
// Moves the contributor `by` rows (−1 up, +1 down); refused past either end.
std::string move_contributor(Plan& p, const std::string& stack_id, const std::string& contributor_id, int by);
// Inserts rows read from a table (stack_table.h, already parsed and converted to mm) after
// the contributor after_id ("" or unknown: at the end), in order. A row without an id, or
// with an id the plan already uses, gets a fresh one. The values are the rows' own: the
// document refuses what check_plan refuses (an unknown partner, a negative tolerance).
std::string insert_contributors(Plan& p, const std::string& stack_id, const std::string& after_id,
                                std::vector<Contributor> rows);
// Makes the contributor a length or an angle. An angle has no material or CTE (cleared).
// Refused while a loop vector uses it in the other role (the length of a vector must be a
// length, its tilt an angle).
std::string set_contributor_kind(Plan& p, const std::string& stack_id, const std::string& contributor_id,
                                 DimensionKind kind);
// Why set_contributor_kind would refuse ("" = it would not): a view disables the choice.
std::string kind_refusal(const Stack& s, const std::string& contributor_id, DimensionKind kind);

// Distribution changes that touch more than one field (the other fields are set directly).
// A new kind; the skew shape goes back to 0 unless the kind is skew-normal, the mode is
// dropped unless it is triangular, and a lognormal starts with σ of ln x = T/(3·median).
void set_distribution_kind(Contributor& c, DistributionKind kind);
// How the σ of a normal is given. current_sigma (the σ the analysis resolved, > 0) starts a
// σ given directly, so the figures stay where they were; a Cp or Cpk that is not > 0 starts at 1.
void set_sigma_given_by(Contributor& c, NormalBy by, double current_sigma);

// [SECTION] 1D chain ⇄ 2D loop -------------------------------------------------------------
// 1D → 2D: each length with sensitivity ±1 and a nominal above 0 becomes a vector along 0°
// or 180° (the same gap, measured along 0°); the others stay outside the loop with their own
// sensitivity. Refused for a loop, or without such a length.
std::string make_loop(Plan& p, const std::string& stack_id);
// Why make_loop would refuse ("" = it would not): a view disables the button and says why.
std::string loop_refusal(const Stack& s);
// 2D → 1D: every contributor in the loop keeps the sensitivity the loop geometry gives it at
// the measurement temperature (linearize_stack; |s| < 1e-12 becomes 0), then the loop goes.
// Refused when the stack cannot be linearised (its first problem is the reason).
std::string make_chain(Plan& p, const std::string& stack_id);
// What a loop vector can take its length from: a length contributor with a nominal above 0.
bool loop_length_candidate(const Contributor& c);
// Appends a vector: the first length candidate not yet in the loop, else a fixed 1 mm.
std::string add_loop_vector(Plan& p, const std::string& stack_id);
// Removes vector `index`; its contributors stay, with their own sensitivity. Refused for the
// last vector (a loop needs one: make_chain instead).
std::string remove_loop_vector(Plan& p, const std::string& stack_id, size_t index);
// Vector `index` takes its length from a contributor (a loop_length_candidate), or ("")
// becomes a fixed length that starts at the contributor's nominal, so the geometry does not jump.
std::string set_vector_length_from(Plan& p, const std::string& stack_id, size_t index,
                                   const std::string& contributor_id);

}  // namespace mf
