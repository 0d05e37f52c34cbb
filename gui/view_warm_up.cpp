#include "view_warm_up.h"

#include <optional>

#include "busy.h"
#include "edits.h"
#include "imgui.h"
#include "test_hooks.h"
#include "view_context.h"
#include "views/capability_view.h"
#include "views/decision_view.h"
#include "views/overview_view.h"
#include "views/schedule_view.h"
#include "views/stack_view.h"
#include "warm_up.h"
#include "widgets.h"

namespace mf {

namespace {
// At least this many frames (results drawn for a frame or two after the runs end), at most
// this many (a run on the page, without workers, takes a few hundred frames: not waited for).
constexpr int kMinFrames = 4, kMaxFrames = 90;
}  // namespace

struct ViewWarmUp::Views {
    Views() {
        // The code is what is warmed, not the sample counts: smaller runs than the app's.
        stack.mc_options.samples = 100'000;
        schedule.iterations = 2000;
        decision.mc_samples = 10000;
    }
    Plan plan = warm_up_example_plan();
    Edits edits;  // what the views would change: dropped
    FieldErrors field_errors;
    std::optional<Tab> requested_tab;
    OverviewView overview;
    DecisionView decision;
    ScheduleView schedule;
    StackView stack;
    CapabilityView capability;

    bool computing() const { return decision.mc.running() || schedule.mc_running() || stack.mc.running(); }
    void draw() {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x - 4 * vp->Size.x - 1000, vp->Pos.y));
        ImGui::SetNextWindowSize(vp->WorkSize);
        const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
            ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus |
            ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground;
        if (ImGui::Begin("##view-warm-up", nullptr, flags)) {
            ViewContext ctx{plan, 1, edits, field_errors, requested_tab};
            const ImVec2 size = ImGui::GetContentRegionAvail();
            const auto view = [&](const char* id, auto& v) {
                begin_flat_child(id, size);
                v.draw(ctx);
                ImGui::EndChild();
            };
            view("overview", overview);
            view("decision", decision);
            view("timeline", schedule);
            view("tolerances", stack);
            view("capability", capability);
        }
        ImGui::End();
        edits.queue.clear();
        requested_tab.reset();
    }
};

ViewWarmUp::ViewWarmUp() = default;
ViewWarmUp::~ViewWarmUp() = default;

void ViewWarmUp::frame(bool kernels_done, bool idle) {
    if (done_ || !kernels_done) return;
    if (!views_) {
        if (!idle) return;
        views_ = std::make_unique<Views>();
    }
#ifdef MF_TEST_HOOKS
    const MutedTestHooks muted;  // the tests read the app's own views only
#endif
    views_->draw();
    ++frames_;
    if ((frames_ >= kMinFrames && !views_->computing()) || frames_ >= kMaxFrames) {
        views_.reset();  // a run still going is cancelled with its view
        done_ = true;
        return;
    }
    keep_drawing();  // the next frame draws them again
}

}  // namespace mf
