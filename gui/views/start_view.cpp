#include "views/start_view.h"

#include <cstring>

#include "app.h"
#include "imgui.h"
#include "platform/platform.h"
#include "style.h"
#include "widgets.h"
#include "test_hooks.h"

#include "example_files.h"

namespace mf {

// In the order of the questions the app answers: who, how long, will it fit, is it capable.
static const ExampleGuide kExamples[] = {
    {"sourcing-decision.mfplan.json",
     "Who makes a zirconia micro-nozzle: in-house, boutique or CM — AHP weights, cost per good part and crossovers.",
     Tab::Decision},
    {"launch-timeline.mfplan.json",
     "DFμF review to production ramp with a failed first batch: critical path, gates, P80 against the deadline.",
     Tab::Timeline},
    {"silicon-on-inconel.mfplan.json",
     "A silicon die in an Inconel carrier, inspected at 20 °C, working at −55 °C: stacks with thermal effects.",
     Tab::Tolerances},
    {"micro-gearbox.mfplan.json",
     "A surgical-stapler gearbox across all four tools, its stacks and pilot gate fed by measured pilot-run data.",
     Tab::Overview},
    {"pilot-run.csv", "Pilot-run measurements of three features: Cp/Cpk, control charts and the Cpk ≥ 1.33 gate.",
     Tab::Capability},
    {"pilot-yield.csv", "Pass/fail counts per step and lot: first-pass and rolled throughput yield against 95 %.",
     Tab::Capability},
};

const ExampleGuide* example_guide(const char* file_name) {
    for (const auto& e : kExamples)
        if (std::strcmp(e.file_name, file_name) == 0) return &e;
    return nullptr;
}

void StartView::draw(App& app) {
    if (!open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(em(46), 0), ImGuiCond_Appearing);
    if (!ImGui::Begin("Start", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    close_on_escape(&open);
    ImGui::PushTextWrapPos(em(44));
    ImGui::TextUnformatted("MicroFab Planner answers, for a part with 50 µm features:");
    // Bullet() + wrapped text: BulletText() would not wrap and would widen the window.
    for (const char* line :
         {"who should make it — your micro-fab line, a boutique shop or a contract manufacturer — and "
          "at what cost per good part at 100, 10 000 and 100 000 parts;",
          "when production parts arrive, with the odds of meeting the market window;",
          "whether the assembly fits (tolerance stacks) and whether the process is capable (Cpk)."}) {
        ImGui::Bullet();
        ImGui::TextUnformatted(line);
    }
    ImGui::Spacing();

    if (ImGui::Button("New plan")) {
        app.new_plan();
        open = false;
    }
    MF_TEST_ANCHOR("start.new");
    ImGui::SameLine();
    if (ImGui::Button("Open file…")) {
        platform::request_open_file(".json,.csv,.tsv,.txt");
        open = false;
    }
    MF_TEST_ANCHOR("start.open");
    ImGui::SameLine();
    if (ImGui::Button("Paste data…")) {
        app.show_tab(Tab::Capability);
        open = false;
    }
    MF_TEST_ANCHOR("start.paste");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Opens Capability: press Ctrl+V there to paste measurements copied from a spreadsheet");

    ImGui::SeparatorText("Examples");
    for (unsigned i = 0; i < mf_example_plans_count; ++i) {
        const ExampleGuide* g = example_guide(mf_example_plans[i].name);
        if (!g) continue;
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Button(mf_example_plans[i].name)) {
            app.open_example(i);
            open = false;
        }
        MF_TEST_ANCHOR(std::string("start.example.") + mf_example_plans[i].name);
        ImGui::Indent(em(1));
        ImGui::TextDisabled("%s", g->shows);
        ImGui::Unindent(em(1));
        ImGui::PopID();
    }

    const std::vector<StoredPlan> stored = app.library.list();
    if (!stored.empty()) {
        ImGui::SeparatorText("Recent plans in this browser");
        const double now = platform::wall_clock_seconds();
        for (size_t i = 0; i < stored.size() && i < 5; ++i) {
            ImGui::PushID(stored[i].id.c_str());
            if (ImGui::Button(stored[i].name.c_str())) {
                app.open_stored(stored[i].id);
                open = false;
            }
            MF_TEST_ANCHOR("start.recent." + std::to_string(i));
            ImGui::SameLine();
            ImGui::TextDisabled("%s · %s%s", stored[i].file_name.c_str(), age_text(stored[i].time, now).c_str(),
                                stored[i].unsaved ? " · unsaved" : "");
            ImGui::PopID();
        }
        if (stored.size() > 5 && ImGui::SmallButton("All recent plans…")) app.recent.open = true;
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::Button("Close")) open = false;
    MF_TEST_ANCHOR("start.close");
    ImGui::SameLine();
    ImGui::TextDisabled("Help › Start page shows this again.");
    ImGui::End();
}

}  // namespace mf
