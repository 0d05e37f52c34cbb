// What every tool view gets each frame, and the one way views talk back to the workspace.
//
//   void StackView::draw(ViewContext& ctx) {
//       const Plan& plan = ctx.plan;                      // read-only this frame
//       if (input_length("##lo", ...)) ctx.edits.push_merge("Set lower limit", key, ...);
//       field_error_marker(ctx, key);                     // why the document refused it, if it did
//       if (ImGui::Button("Open data")) ctx.show(Tab::Capability);
//   }
//
// A view holds UI state only (selection, open dialogs, the analysis it draws and the job
// that computes it); the plan, its revision, the edit queue and the refusals come from here.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "base/issue.h"
#include "edits.h"
#include "plan/plan.h"

namespace mf {

enum class Tab { Overview, Decision, Timeline, Tolerances, Capability };

// Why the last edit of a field was refused, by field key (Edit::field). Set by App when the
// document refuses an edit, cleared when an edit of that field is applied or the field is left.
struct FieldErrors {
    std::map<std::string, Issue> by_field;
    const Issue* find(const std::string& field) const {
        auto it = by_field.find(field);
        return it == by_field.end() ? nullptr : &it->second;
    }
};

struct ViewContext {
    const Plan& plan;
    uint64_t state_id;  // changes whenever the plan changes (undo included)
    Edits& edits;       // applied by the document after the frame
    FieldErrors& field_errors;
    std::optional<Tab>& requested_tab;  // the workspace shows this tab next frame
    uint64_t lineage = 0;               // Document::lineage: changes when another plan is opened

    void show(Tab t) { requested_tab = t; }
};

}  // namespace mf
