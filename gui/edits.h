// Edits: how views change the plan. A view never mutates the plan while drawing; it pushes
// an Edit (a label for the history and a function that changes a Plan), and the document
// applies the queue between frames, keeping a snapshot so every edit can be undone.
//
//   if (ImGui::InputText("Name", &buf)) edits.push("Rename project", "meta.name",
//       [v = buf](Plan& p) { p.meta.name = v; });
//
// Edits with the same merge key in a row (typing into one field) become one undo step.
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "plan/plan.h"

namespace mf {

struct Edit {
    std::string label;       // "Rename project", shown in Edit > Undo and the history
    std::string merge_key;   // "" = never merge
    std::function<void(Plan&)> apply;
};

struct Edits {
    std::vector<Edit> queue;

    void push(std::string label, std::function<void(Plan&)> apply) {
        queue.push_back({std::move(label), {}, std::move(apply)});
    }
    void push_merge(std::string label, std::string merge_key, std::function<void(Plan&)> apply) {
        queue.push_back({std::move(label), std::move(merge_key), std::move(apply)});
    }
};

}  // namespace mf
