#include "views/help_view.h"

#include <cstring>

#include "imgui.h"
#include "plan/plan_file.h"
#include "style.h"
#include "test_hooks.h"
#include "widgets.h"

namespace mf {

static const ToolGuide kToolGuide[] = {
    {"Overview",
     "The project: its name, the display unit for lengths (values are stored in mm), the one person who decides, "
     "the start date and the market-window deadline, and how many items each section holds."},
    {"Decision",
     "Which partner — in-house micro-fab, boutique specialist, full-service CM or any named shop — and how sure. The "
     "matrix of partners × criteria is edited in place (scores with optional low/likely/high ranges; cells shaded by "
     "how "
     "good they are), with the weighted sum and TOPSIS side by side and ties flagged. Weights are entered directly or "
     "derived by AHP from pairwise comparisons with the consistency ratio live (warning above 0.10). A tornado shows "
     "the "
     "weight at which the winner flips; a sliced Monte Carlo gives each partner's probability of ranking first. Each "
     "partner's evidence and all-in cost model (NRE, revisions, lots, price breaks, yield and rework, capital ...) "
     "give "
     "the cost per good part vs volume on a log axis with every crossover (continuous or at a jump), the cheapest "
     "partner per volume band and the best split point. A process selector filters by feature size, material, volume "
     "and sidewalls; warnings state the article's rules of thumb and name their inputs (docs/decision.md)."},
    {"Timeline",
     "From the DFμF review to the production ramp on a working-day calendar: a task table edited in place (partner, "
     "optimistic / most likely / pessimistic working days, PERT or triangular, task / milestone / quality gate with "
     "its "
     "pass probability or Cpk criterion and rework loop, FS/SS/FF links with lags, summary tasks with Indent / Outdent "
     "(Alt+Shift+Right / Left), per-task or per-partner calendars), or the article's path built from a "
     "template for your partner kind. The critical path with early/late dates and floats, a Gantt chart (zoom with "
     "Ctrl+wheel, drag to pan), and a seeded Monte Carlo of durations and gate failures: P50/P80/P95 finish, the "
     "probability of meeting the deadline and each milestone, criticality, a tornado of the most sensitive tasks, the "
     "rework loops taken and the buffer to hold. Exports to CSV, iCalendar, MS Project XML and Mermaid "
     "(docs/schedule.md)."},
    {"Tolerances",
     "Tolerance stacks: will the assembly fit? Enter each dimension of a chain (or a 2D vector loop) with its "
     "tolerances, sensitivity, distribution (Cp/Cpk/σ, uniform, triangular with an optional mode, skew-normal, "
     "lognormal), material (with an optional CTE tolerance) and maker, or paste "
     "the rows from a spreadsheet. Worst case, RSS, the statistical model and a seeded Monte Carlo are shown side by "
     "side with the gap limits, at the measurement and the operating temperature (CTE of each material), with the "
     "verdict OK / at risk / fails and the numbers behind it, a Pareto of which tolerance to tighten, the Monte Carlo "
     "histogram with the fitted normal, and a drawing of 2D loops."},
    {"Capability",
     "Process capability and SPC of raw measurements: paste spreadsheet cells (Ctrl+V) or import a CSV/TSV file, one "
     "column per feature and one row per part. Per feature Cp, Cpk with its lower confidence bound, Pp, Ppk, Cpm and "
     "expected/observed ppm; a histogram with the limits and the normals fitted with σ within and overall; Xbar–R, "
     "Xbar–S or I–MR control charts with the Nelson (or Western Electric) tests marked; Anderson–Darling normality "
     "with "
     "percentile and lognormal alternatives; drift per 100 parts; the pilot gate's verdict (capable / not capable / "
     "not "
     "enough data) and first-pass and rolled yield with Wilson intervals. Conventions follow Minitab "
     "(docs/capability.md)."},
};

static const struct {
    const char* area;
    const char* keys;
    const char* action;
} kShortcuts[] = {
    {"Everywhere", "Ctrl+O", "Open a plan or a table (or drop a file on the page)"},
    {"Everywhere", "Ctrl+S", "Save: download the plan file"},
    {"Everywhere", "Ctrl+Z", "Undo (inside a text field: undo the typing)"},
    {"Everywhere", "Ctrl+Y, Ctrl+Shift+Z", "Redo"},
    {"Everywhere", "Ctrl+C / Ctrl+V", "Copy / paste text; tables take rows pasted from a spreadsheet"},
    {"Everywhere", "Escape", "Close the dialog or window in front; leave a text field"},
    {"Moving around", "Tab / Shift+Tab", "Next / previous control"},
    {"Moving around", "Arrow keys", "Move between controls; in menus and lists, between items"},
    {"Moving around", "Space or Enter", "Press the button, tick the box, open the combo or menu"},
    {"Moving around", "Alt", "Go to the menu bar (then arrows, Enter; Escape goes back)"},
    {"Moving around", "Ctrl+Tab", "Go to the next window (dialogs, the workspace)"},
    {"Timeline and Tolerances tables", "Up / Down",
     "The same column in the row above / below (what was typed is kept)"},
    {"Timeline and Tolerances tables", "Enter / Shift+Enter", "Keep what was typed and go down / up a row"},
    {"Timeline and Tolerances tables", "Tab / Shift+Tab", "The next / previous field of the row, then the next row"},
    {"Timeline and Tolerances tables", "Typing",
     "A field reached with the keys has its text selected: typing replaces it"},
    {"Timeline and Tolerances tables", "Enter or Space on a combo",
     "Open it; arrows choose, Enter takes, Escape leaves"},
    {"Timeline", "Alt+Shift+Right / Left", "Indent / outdent the selected task (outline)"},
    {"Timeline", "Ctrl+mouse wheel, drag", "Zoom / pan the Gantt chart"},
    {"Tolerances", "Ctrl+V (a row selected, no field being typed in)", "Paste rows copied from a spreadsheet below it"},
    {"Capability", "Ctrl+V (outside the data grid)", "Paste data: opens the import dialog with the cells"},
    {"Capability import dialog", "Ctrl+V (outside its text box)", "Replace the text with the clipboard"},
    {"Capability data grid", "Arrows, Tab, Enter, Shift+Enter", "Move the current cell (Shift+arrows select)"},
    {"Capability data grid", "PageUp / PageDown, Ctrl+Home / End", "A page up or down, to the first / last cell"},
    {"Capability data grid", "Typing, F2, double-click", "Edit the current cell; Enter keeps, Escape cancels"},
    {"Capability data grid", "Ctrl+C / Ctrl+X / Ctrl+V", "Copy / cut / paste cells (decimal comma accepted)"},
    {"Capability data grid", "Delete", "Clear the selected cells"},
    {"Capability data grid", "Ctrl+Plus / Ctrl+Minus", "Insert / delete rows at the selection"},
    {"Capability data grid", "Ctrl+A", "Select all cells"},
};

static void centred_window(const char* title, bool* open, float w_em, float h_em) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(em(w_em), em(h_em)), ImGuiCond_Appearing);
    ImGui::Begin(title, open, ImGuiWindowFlags_NoCollapse);
    close_on_escape(open);
}

void HelpView::draw() {
    if (about_open) {
        centred_window("About MicroFab Planner", &about_open, 34, 17);
        ImGui::TextUnformatted("MicroFab Planner");
        ImGui::TextDisabled("Plan file format \"%s\", version %d", kPlanFormatTag, kPlanFormatVersion);
        ImGui::Spacing();
        ImGui::TextWrapped(
            "Plans who builds a part with 50 µm features, how long it takes and whether it fits: "
            "partners, timeline, tolerance stacks and process capability in one file. Everything is "
            "computed in this page, offline; nothing is sent anywhere.");
        ImGui::Spacing();
        ImGui::TextWrapped(
            "Built with Dear ImGui, SDL2 and Emscripten. UI font: DejaVu Sans (Bitstream Vera licence). "
            "The same core library powers the mfplan command-line tool, which prints every figure as JSON.");
        ImGui::End();
    }
    if (tools_open) {
        centred_window("What each tool does", &tools_open, 38, 20);
        for (const auto& t : kToolGuide) {
            ImGui::SeparatorText(t.name);
            ImGui::TextWrapped("%s", t.what_it_does);
        }
        ImGui::End();
    }
    if (shortcuts_open) {
        centred_window("Keyboard shortcuts", &shortcuts_open, 38, 24);
        const char* area = "";
        for (const auto& k : kShortcuts) {
            if (std::strcmp(area, k.area) != 0) {
                if (*area) ImGui::EndTable();
                area = k.area;
                ImGui::SeparatorText(area);
                ImGui::BeginTable(area, 2, ImGuiTableFlags_RowBg);
                ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed, em(13));
                ImGui::TableSetupColumn("action", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            }
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", k.keys);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", k.action);
            MF_TEST_TEXT(std::string("help.keys.") + k.area + ": " + k.keys, k.action);
        }
        if (*area) ImGui::EndTable();
        ImGui::End();
    }
}

}  // namespace mf
