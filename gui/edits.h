// Edits: how views change the plan. A view never mutates the plan while drawing; it pushes
// an Edit — a label for the history, the field it came from, and a function that changes a
// Plan — and the document applies the queue between frames, keeping a snapshot so every
// edit can be undone. The function only wraps a named, pure operation of core
// (core/plan/plan_edit.h and each tool's *_edit.h): the rules of what a change does live in
// core, where they are tested without a GUI.
//
//   edits.push_merge("Rename project", "meta.name", [v = buf](Plan& p) { rename_project(p, v); });
//
// `field` names the widget (a stable key such as "stack.s1.k3.tol_plus"): when the document
// refuses the edit (check_plan finds a problem the plan did not have), the reason is shown
// at that field (FieldErrors, view_context.h). Merging edits of one field in a row (typing)
// become one undo step.
#pragma once
#include <functional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "plan/plan.h"

namespace mf {

struct Edit {
    std::string label;   // "Rename project", shown in Edit > Undo and the history
    std::string field;   // where a refusal is shown ("" = the status bar only)
    bool merge = false;  // typing: consecutive edits of one field become one undo step
    // Changes the plan; returns "" or why the operation refuses (a named core edit's own
    // reason, e.g. "a gate cannot be indented"): the document then keeps the plan as it was.
    std::function<std::string(Plan&)> apply;
};

// An edit function may return void (it cannot refuse) or std::string ("" or the reason).
template <class F>
std::function<std::string(Plan&)> edit_function(F&& f) {
    if constexpr (std::is_void_v<std::invoke_result_t<F&, Plan&>>)
        return [f = std::forward<F>(f)](Plan& p) mutable {
            f(p);
            return std::string();
        };
    else
        return std::function<std::string(Plan&)>(std::forward<F>(f));
}

struct Edits {
    std::vector<Edit> queue;

    template <class F>
    void push(std::string label, F&& apply) {
        queue.push_back({std::move(label), {}, false, edit_function(std::forward<F>(apply))});
    }
    // An edit made at a field: a refusal is shown there.
    template <class F>
    void push_at(std::string label, std::string field, F&& apply) {
        queue.push_back({std::move(label), std::move(field), false, edit_function(std::forward<F>(apply))});
    }
    // Typing into a field: merges with the previous edit of the same field.
    template <class F>
    void push_merge(std::string label, std::string field, F&& apply) {
        queue.push_back({std::move(label), std::move(field), true, edit_function(std::forward<F>(apply))});
    }
};

}  // namespace mf
