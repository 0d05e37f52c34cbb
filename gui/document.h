// Document: the open plan with its undo/redo history, its file name and whether it has
// changes not yet saved. Every state of the plan gets a number (state_id); results computed
// from a plan can be cached by that number (it changes whenever the plan changes, undo and
// redo included).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "base/issue.h"
#include "edits.h"
#include "plan/plan.h"

namespace mf {

struct Document {
    struct Snapshot {
        std::string label;  // the edit that left this state behind
        Plan plan;
        uint64_t state_id;
        std::string file_name;
        uint64_t lineage;
    };

    Plan plan;
    uint64_t state_id = 1;
    uint64_t saved_state_id = 1;
    // Which opened plan this state descends from by edits: it changes when the plan is
    // replaced (open, new, example), and undo and redo bring back each state's own. Views
    // let a result of the state before stay on show while the edited state's is computed
    // only within one lineage (job_runner.h), never across another plan.
    uint64_t lineage = 1;
    std::string file_name = "untitled.mfplan.json";
    std::vector<Snapshot> undo_stack, redo_stack;
    size_t max_history = 200;

    bool unsaved() const { return state_id != saved_state_id; }
    void mark_saved() { saved_state_id = state_id; }

    // An edit the document did not apply, with the first problem it would have made.
    struct Refusal {
        std::string label;  // the edit's label
        std::string field;  // the edit's field key ("" when it came from no field)
        Issue issue;        // where (JSON Pointer) and why
    };
    // Applies queued edits in order. Each result is checked with check_plan, the rules
    // load_plan applies: an edit after which the plan would not reopen is reverted and
    // returned, so the document never holds a plan it could not save and open again.
    std::vector<Refusal> apply(Edits& edits, double now_seconds);
    // Replaces the whole plan (open, new, example) as one undoable step.
    void replace(Plan p, std::string label, std::string new_file_name, bool counts_as_saved);

    bool can_undo() const { return !undo_stack.empty(); }
    bool can_redo() const { return !redo_stack.empty(); }
    void undo();
    void redo();

private:
    uint64_t next_state_id_ = 2;
    uint64_t next_lineage_ = 2;
    std::string last_merge_key_;
    double last_merge_time_ = -1e9;
    void push_undo(std::string label);
};

}  // namespace mf
