#include "document.h"

#include "plan/plan_file.h"

namespace mf {

// Consecutive edits to one field within this many seconds merge into one undo step.
static constexpr double kMergeWindowSeconds = 1.5;

void Document::push_undo(std::string label) {
    undo_stack.push_back({std::move(label), plan, state_id, file_name, lineage});
    if (undo_stack.size() > max_history) undo_stack.erase(undo_stack.begin());
    redo_stack.clear();
}

std::vector<Document::Refusal> Document::apply(Edits& edits, double now) {
    std::vector<Refusal> refused;
    for (auto& e : edits.queue) {
        Plan before = plan;
        const std::string reason = e.apply(plan);
        Issues problems = reason.empty() ? check_plan(plan) : Issues{Issue{"", reason}};
        if (!problems.empty()) {  // e.g. a yield of 150 %: keep what the user had
            plan = std::move(before);
            refused.push_back({e.label, e.field, std::move(problems.front())});
            continue;
        }
        const std::string merge_key = e.merge ? e.field : std::string();
        const bool merge = !merge_key.empty() && merge_key == last_merge_key_ &&
            now - last_merge_time_ < kMergeWindowSeconds && !undo_stack.empty() && undo_stack.back().label == e.label;
        if (!merge) {
            std::swap(plan, before);  // push the state before this edit
            push_undo(e.label);
            std::swap(plan, before);
        } else {
            redo_stack.clear();
        }
        last_merge_key_ = merge_key;
        last_merge_time_ = now;
        state_id = next_state_id_++;
    }
    edits.queue.clear();
    return refused;
}

void Document::replace(Plan p, std::string label, std::string new_file_name, bool counts_as_saved) {
    push_undo(std::move(label));
    plan = std::move(p);
    file_name = std::move(new_file_name);
    state_id = next_state_id_++;
    lineage = next_lineage_++;
    if (counts_as_saved) saved_state_id = state_id;
    last_merge_key_.clear();
}

void Document::undo() {
    if (undo_stack.empty()) return;
    Snapshot s = std::move(undo_stack.back());
    undo_stack.pop_back();
    redo_stack.push_back({s.label, plan, state_id, file_name, lineage});
    plan = std::move(s.plan);
    state_id = s.state_id;
    file_name = std::move(s.file_name);
    lineage = s.lineage;
    last_merge_key_.clear();
}

void Document::redo() {
    if (redo_stack.empty()) return;
    Snapshot s = std::move(redo_stack.back());
    redo_stack.pop_back();
    undo_stack.push_back({s.label, plan, state_id, file_name, lineage});
    plan = std::move(s.plan);
    state_id = s.state_id;
    file_name = std::move(s.file_name);
    lineage = s.lineage;
    last_merge_key_.clear();
}

}  // namespace mf
