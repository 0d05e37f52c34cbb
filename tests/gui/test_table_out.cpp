// "Copy" and "Save CSV…" over every results table (gui/table_out.h), clicked as a person
// would: the clipboard receives the table's tab-separated text and the download its CSV
// (BOM first), built by core's builder from the analysis the view draws.
#include <string>

#include "base/delimited_text.h"
#include "capability/capability_tables.h"
#include "decision/decision_tables.h"
#include "harness.h"
#include "schedule/schedule_tables.h"
#include "tolerance/stack_tables.h"

using namespace mf;
using namespace mf::test;

namespace {

void fresh(Harness& h) {
    test_values().clear();
    test_texts().clear();
    test_anchors().clear();
    REQUIRE(h.app.open_example(example(kGearbox)));
}

// Clicks Copy and Save CSV… of the table `id` and checks what left the app against `expected`.
void check_out(Harness& h, const std::string& id, const ResultTable& expected) {
    Input in{h};
    in.scroll_to("table." + id + ".copy");
    platform::native_state().clipboard.clear();
    in.click("table." + id + ".copy");
    CHECK(platform::native_state().clipboard == table_tsv(expected));
    const size_t before = platform::native_state().downloads.size();
    in.click("table." + id + ".csv");
    REQUIRE(platform::native_state().downloads.size() == before + 1);
    const platform::IncomingFile& f = platform::native_state().downloads.back();
    CHECK(f.name == "micro-gearbox-for-a-surgical-stapler-" + expected.file_stem + ".csv");
    CHECK(f.bytes.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(f.bytes == table_csv(expected));
}

}  // namespace

TEST_CASE("table out: the decision matrix, cost and crossover tables leave as the view draws them") {
    Harness h;
    fresh(h);
    h.app.decision.mc_samples = 2000;
    h.app.show_tab(mf::Tab::Decision);
    h.frames(4);
    for (int i = 0; i < 400 && !h.app.decision.mc_result(); ++i) h.frames(1);
    REQUIRE(h.app.decision.mc_result());
    const Plan& plan = h.app.doc.plan;
    check_out(h, "decision.matrix",
              decision_matrix_table(h.app.decision.analysis, plan.decision, h.app.decision.mc_result()));

    h.app.decision.page = DecisionView::Page::Cost;
    h.app.decision.select_page = true;
    h.frames(3);
    DecisionOptions o;
    o.mc_samples = 0;
    const DecisionAnalysis a = analyse_decision(plan, o);
    check_out(h, "decision.cost", cost_table(a, plan.decision));
    check_out(h, "decision.crossovers", crossover_table(a, plan.decision));
    CHECK(platform::native_state().clipboard.rfind("From (good parts)\t", 0) == 0);
}

TEST_CASE("table out: the timeline's CPM table") {
    Harness h;
    fresh(h);
    h.app.show_tab(mf::Tab::Timeline);
    h.app.schedule.page_request = ScheduleView::PageTasks;
    h.frames(3);
    for (int i = 0; i < 400 && (test_values().count("schedule.mc.done") == 0 || value("schedule.mc.done") != 1); ++i)
        h.frames(1);
    Input in{h};
    in.click("table.schedule.cpm.copy");
    // The deterministic columns as core builds them; the view adds the Monte Carlo's criticality.
    const ResultTable cpm = cpm_table(h.app.doc.plan, h.app.schedule.analysis());
    REQUIRE(cpm.rows.size() == h.app.doc.plan.schedule.tasks.size());
    const DelimitedText got = read_delimited(platform::native_state().clipboard);
    REQUIRE(got.errors.empty());
    REQUIRE(got.rows.size() == cpm.rows.size());
    CHECK(got.cell(got.header, cpm.columns.size()) == "Critical in Monte Carlo (%)");
    for (size_t r = 0; r < cpm.rows.size(); ++r)
        for (size_t k = 0; k < cpm.columns.size(); ++k) CHECK(got.cell(got.rows[r], k) == cpm.rows[r][k].text);
    in.click("table.schedule.cpm.csv");
    CHECK(platform::native_state().downloads.back().name == "micro-gearbox-for-a-surgical-stapler-cpm.csv");
}

TEST_CASE("table out: the stack results and the capability indices") {
    Harness h;
    fresh(h);
    h.app.stack.mc_options.samples = 20000;
    h.app.stack.selected_id = "s-gear-shaft";
    h.app.show_tab(mf::Tab::Tolerances);
    for (int i = 0; i < 400 && !h.app.stack.cache.analysis.monte_carlo; ++i) h.frames(1);
    h.frames(2);
    const StackAnalysis& s = h.app.stack.cache.analysis;
    REQUIRE(s.monte_carlo);
    check_out(h, "stack.results",
              stack_results_table(s.stack, s.report, s.monte_carlo_result(), h.app.doc.plan.meta.units));

    for (size_t i = 0; i < h.app.doc.plan.datasets.size(); ++i)
        if (h.app.doc.plan.datasets[i].id == "d-pilot-run") h.app.capability.dataset = i;
    h.app.show_tab(mf::Tab::Capability);
    h.app.capability.page = CapabilityView::Page::Summary;
    h.app.capability.select_page = true;
    for (int i = 0; i < 400 && (test_values().count("capability.pending") == 0 || value("capability.pending") != 0);
         ++i)
        h.frames(1);
    h.frames(2);
    const ResultTable t = capability_indices_table(h.app.capability.analysis(), h.app.doc.plan.meta.units);
    CHECK(t.rows.size() == h.app.doc.plan.datasets[h.app.capability.dataset].features.size());
    check_out(h, "capability.indices", t);
}

TEST_CASE("table out: a copied table pastes into the capability data grid, each cell in its column and row") {
    Harness h;
    fresh(h);
    h.app.stack.mc_options.samples = 20000;
    h.app.stack.selected_id = "s-gear-shaft";
    h.app.show_tab(mf::Tab::Tolerances);
    for (int i = 0; i < 400 && !h.app.stack.cache.analysis.monte_carlo; ++i) h.frames(1);
    h.frames(2);
    Input in{h};
    in.click("table.stack.results.copy");
    const std::string copied = platform::native_state().clipboard;
    const DelimitedText want = read_delimited(copied);
    REQUIRE(want.errors.empty());
    REQUIRE(want.rows.size() > 10);

    // A dataset whose grid starts with four text columns (time, machine, operator, cavity).
    Edits e;
    e.push("Add a dataset with text columns", [](Plan& p) {
        Dataset d;
        d.id = "d-paste";
        d.name = "Pasted";
        Feature f;
        f.id = "x";
        f.name = "x";
        f.values = std::make_shared<const std::vector<double>>(std::vector<double>{1.0});
        d.features = {f};
        for (TextColumn* c : {&d.times, &d.machines, &d.operators, &d.cavities})
            *c = std::make_shared<const std::vector<std::string>>(std::vector<std::string>{"-"});
        p.datasets.push_back(d);
    });
    REQUIRE(h.app.doc.apply(e, platform::now_seconds()).empty());
    h.app.capability.dataset = h.app.doc.plan.datasets.size() - 1;
    h.app.show_tab(mf::Tab::Capability);
    h.app.capability.page = CapabilityView::Page::Data;
    h.app.capability.select_page = true;
    h.frames(4);
    in.click("capability.grid.first_cell");  // row 1 of x, then left to the Time column
    for (int k = 0; k < 4; ++k) in.key(ImGuiKey_LeftArrow);
    REQUIRE(value("capability.grid.col") == 0);
    ImGui::SetClipboardText(copied.c_str());  // the shell hands the browser's clipboard to ImGui
    in.chord(ImGuiKey_V, true);
    h.frames(3);
    CHECK(text("capability.grid.message") == "");
    const Dataset& d = h.app.doc.plan.datasets.back();
    REQUIRE(d.times->size() == want.rows.size() + 1);  // the header row lands in row 1
    const TextColumn cols[] = {d.times, d.machines, d.operators, d.cavities};
    for (size_t k = 0; k < 4; ++k) {
        CHECK((*cols[k])[0] == want.cell(want.header, k));
        for (size_t r = 0; r < want.rows.size(); ++r) CHECK((*cols[k])[r + 1] == want.cell(want.rows[r], k));
    }
    CHECK((*d.times)[1] == "Nominal gap");
    CHECK((*d.machines)[1] == "µm");
}
