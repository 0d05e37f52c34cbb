// The Capability view drawn headless: the example datasets on every page, figures against an
// independent computation, Ctrl+V of spreadsheet cells through the import dialog, a CSV
// file arriving, limits typed and refused, cell edits with undo, and 20 features × 100 000
// rows analysed in slices across frames with the page idle afterwards.
#include <cmath>
#include <numeric>

#include "busy.h"
#include "harness.h"
#include "stats/random.h"
#include "test_hooks.h"
#include "plot.h"
#include "views/capability_parts.h"

using namespace mf;
using namespace mf::test;

namespace {

void show_tab(Harness& h) {
    h.app.show_tab(mf::Tab::Capability);
    h.frames(3);
}

void show_page(Harness& h, CapabilityView::Page p) {
    h.app.capability.page = p;
    h.app.capability.select_page = true;
    h.frames(3);
}

size_t dataset_index(const Plan& p, const std::string& id) {
    for (size_t i = 0; i < p.datasets.size(); ++i)
        if (p.datasets[i].id == id) return i;
    FAIL("no dataset " << id);
    return 0;
}

// Cpk of individual values with σ = MR̄ / d2(2), written out from the definitions.
double cpk_imr(const std::vector<double>& x, double lsl, double usl) {
    const double mean = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
    double mr = 0;
    for (size_t i = 1; i < x.size(); ++i) mr += std::fabs(x[i] - x[i - 1]);
    const double sigma = mr / static_cast<double>(x.size() - 1) / 1.128379;
    return std::min(usl - mean, mean - lsl) / (3 * sigma);
}

}  // namespace

TEST_CASE("capability view: the example's pilot run on every page, in both themes, figures as core computes them") {
    Harness h;
    REQUIRE(h.app.open_example(example(kGearbox)));
    const size_t k = dataset_index(h.app.doc.plan, "d-pilot-run");
    h.app.capability.dataset = k;
    show_tab(h);
    CHECK(value("capability.datasets") == static_cast<double>(h.app.doc.plan.datasets.size()));
    CHECK(value("capability.pending") == 0);
    const Dataset& d = h.app.doc.plan.datasets[k];
    const FeatureAnalysis direct = analyse_feature(d, 0);
    CHECK(value("capability.cpk") == doctest::Approx(*direct.cap.cpk).epsilon(1e-12));
    CHECK(value("capability.cpk_lower") == doctest::Approx(*direct.cap.cpk_lower_bound).epsilon(1e-12));
    CHECK(test_texts()["capability.chart_type"] == "xbar-r");
    CHECK(test_texts()["capability.verdict"] == gate_verdict_name(direct.gate.verdict));
    for (auto p : {CapabilityView::Page::Analysis, CapabilityView::Page::Data, CapabilityView::Page::Settings,
                   CapabilityView::Page::Yield, CapabilityView::Page::Summary}) {
        show_page(h, p);
        h.frames(20);
    }
    CHECK(test_texts()["capability.page"] == "summary");
    // Every feature, both rule sets, every chart type (a chart that does not apply says why).
    show_page(h, CapabilityView::Page::Analysis);
    for (size_t f = 0; f < d.features.size(); ++f) {
        h.app.capability.feature = f;
        for (int ct = 0; ct < 4; ++ct) {
            h.app.capability.chart = static_cast<ChartType>(ct);
            h.app.capability.western_electric = ct % 2 == 1;
            h.frames(3);
        }
    }
    h.app.capability.chart = ChartType::XbarS;
    h.frames(3);
    CHECK(test_texts()["capability.chart_type"] == "xbar-s");
    h.app.theme = Theme::Dark;
    apply_theme(Theme::Dark);
    h.frames(30);
    // Every dataset of every example draws.
    for (unsigned e = 0; e < mf_example_plans_count; ++e) {
        h.app.open_example(e);
        for (size_t i = 0; i < h.app.doc.plan.datasets.size(); ++i) {
            h.app.capability.dataset = i;
            for (auto p : {CapabilityView::Page::Summary, CapabilityView::Page::Analysis, CapabilityView::Page::Yield})
                show_page(h, p);
        }
    }
    CHECK_FALSE(drawing_requested());
}

TEST_CASE("capability view: yield records give first-pass and rolled yield") {
    Harness h;
    REQUIRE(h.app.open_example(example(kGearbox)));
    Edits e;
    e.push("yield", [](Plan& p) {
        p.datasets[0].yield = {{"etch", "L1", 95, 5}, {"etch", "L2", 97, 3}, {"plate", "", 190, 10}};
    });
    h.app.doc.apply(e, 0);
    h.app.capability.dataset = 0;
    show_tab(h);
    show_page(h, CapabilityView::Page::Yield);
    CHECK(value("capability.rty") == doctest::Approx(192.0 / 200 * 190.0 / 200).epsilon(1e-12));
}

TEST_CASE("capability view: Ctrl+V of a pasted column makes a new dataset; limits typed give the independent Cpk") {
    Harness h;
    Input in{h};
    show_tab(h);
    CHECK(test_anchors().count("capability.empty"));
    Rng rng(7);
    std::vector<double> x;
    std::string text;
    for (int i = 0; i < 60; ++i) {
        const double v = std::round((10.0 + 0.004 * rng.normal()) * 1e5) / 1e5;
        x.push_back(v);
        text += std::to_string(v) + "\n";
    }
    ImGui::SetClipboardText(text.c_str());
    in.chord(ImGuiKey_V, /*ctrl=*/true);
    REQUIRE(h.app.capability.importer.open);
    CHECK(h.app.capability.importer.errors.empty());
    in.click("capability.import.new");
    h.frames(3);
    REQUIRE(h.app.doc.plan.datasets.size() == 1);
    const Dataset& d = h.app.doc.plan.datasets[0];
    REQUIRE(d.features.size() == 1);
    CHECK(d.features[0].name == "C1");
    CHECK(d.rows() == 60);
    CHECK(h.app.doc.plan.meta.units == LengthUnit::Micrometre);

    // Limits typed in µm on the Analysis page (the values were pasted in mm).
    show_page(h, CapabilityView::Page::Analysis);
    in.click("capability.lsl");
    in.type("9990");
    in.chord(ImGuiKey_Enter);
    in.click("capability.usl");
    in.type("10012");
    in.chord(ImGuiKey_Enter);
    h.frames(3);
    REQUIRE(h.app.doc.plan.datasets[0].features[0].lsl);
    CHECK(*h.app.doc.plan.datasets[0].features[0].lsl == doctest::Approx(9.990));
    CHECK(*h.app.doc.plan.datasets[0].features[0].usl == doctest::Approx(10.012));
    CHECK(value("capability.cpk") == doctest::Approx(cpk_imr(x, 9.990, 10.012)).epsilon(1e-9));
    CHECK(test_texts()["capability.chart_type"] == "i-mr");
    CHECK(test_texts()["capability.verdict"] == "not enough data");  // 60 values < 100

    // An LSL above the USL is refused with a message; the plan keeps its LSL.
    in.click("capability.lsl");
    in.chord(ImGuiKey_A, true);
    in.type("10020");
    in.chord(ImGuiKey_Enter);
    h.frames(2);
    CHECK(*h.app.doc.plan.datasets[0].features[0].lsl == doctest::Approx(9.990));
    CHECK(h.app.status.find("/datasets/0/features/0/lsl") != std::string::npos);  // the document's reason
    CHECK(check_plan(h.app.doc.plan).empty());

    // A subgroup size the plan file refuses (0) is refused at the field; the plan keeps 1.
    show_page(h, CapabilityView::Page::Settings);
    const std::string before = save_plan(h.app.doc.plan);
    in.replace("capability.subgroup_size", "0");
    h.frames(2);
    CHECK(save_plan(h.app.doc.plan) == before);
    CHECK(h.app.status.find("/datasets/0/subgroup_size") != std::string::npos);
    show_page(h, CapabilityView::Page::Analysis);

    // Pasting again replaces the data and keeps the limits.
    std::string text2 = "bore\n";
    for (int i = 0; i < 30; ++i) text2 += "10.00" + std::to_string(i % 7) + "\n";
    ImGui::SetClipboardText(text2.c_str());
    in.click("capability.tab.summary");
    in.chord(ImGuiKey_V, true);
    REQUIRE(h.app.capability.importer.open);
    in.click("capability.import.replace");
    h.frames(3);
    REQUIRE(h.app.doc.plan.datasets.size() == 1);
    CHECK(h.app.doc.plan.datasets[0].rows() == 30);
    CHECK(h.app.doc.plan.datasets[0].features[0].name == "C1");  // matched by position, keeps its name
    CHECK(*h.app.doc.plan.datasets[0].features[0].usl == doctest::Approx(10.012));
    h.app.doc.undo();
    CHECK(h.app.doc.plan.datasets[0].rows() == 60);
}

TEST_CASE("capability view: pasted text with an error names the row and column; nothing is imported") {
    Harness h;
    Input in{h};
    show_tab(h);
    ImGui::SetClipboardText("OD\tbore\n1.02\t2.01\n1.03\t2.0x\n");
    in.chord(ImGuiKey_V, true);
    REQUIRE(h.app.capability.importer.open);
    REQUIRE_FALSE(h.app.capability.importer.errors.empty());
    CHECK(h.app.capability.importer.errors[0].where == "row 3, column B (\"bore\")");
    CHECK(test_texts()["capability.import.error"].find("\"2.0x\" is not a number") != std::string::npos);
    in.click("capability.import.new");  // disabled: nothing happens
    CHECK(h.app.doc.plan.datasets.empty());
}

TEST_CASE("capability view: a CSV file arriving opens the import dialog in the Capability tab") {
    Harness h;
    Input in{h};
    REQUIRE(h.app.open_example(example(kGearbox)));
    h.frames(2);
    const size_t before = h.app.doc.plan.datasets.size();
    platform::native_state().incoming.push_back({"pilot-run.csv", read_source_file("assets/examples/pilot-run.csv")});
    h.frames(4);
    CHECK(h.app.doc.plan.meta.name == "Micro-gearbox for a surgical stapler");  // not opened as a plan
    REQUIRE(h.app.capability.importer.open);
    CHECK(h.app.capability.importer.errors.empty());
    CHECK(h.app.capability.importer.dataset.features.size() == 3);
    in.click("capability.import.new");
    h.frames(3);
    REQUIRE(h.app.doc.plan.datasets.size() == before + 1);
    const Dataset& d = h.app.doc.plan.datasets.back();
    CHECK(d.name == "pilot-run");
    CHECK(d.rows() == 125);
    CHECK(h.app.capability.dataset == before);
    CHECK(value("capability.rows") == 125);
    CHECK(check_plan(h.app.doc.plan).empty());
    // A yield table offers to become the yield records of the selected dataset.
    platform::native_state().incoming.push_back(
        {"pilot-yield.csv", read_source_file("assets/examples/pilot-yield.csv")});
    h.frames(4);
    REQUIRE(h.app.capability.importer.open);
    CHECK(h.app.capability.importer.is_yield);
    in.click("capability.import.yield");
    h.frames(2);
    CHECK_FALSE(h.app.doc.plan.datasets.back().yield.empty());
}

TEST_CASE("capability view: grid cell edit, delete to missing, undo; dataset new, duplicate, delete") {
    Harness h;
    Input in{h};
    REQUIRE(h.app.open_example(example(kGearbox)));
    h.app.capability.dataset = 0;
    show_tab(h);
    show_page(h, CapabilityView::Page::Data);
    in.double_click("capability.grid.first_cell");
    REQUIRE(test_anchors().count("capability.grid.edit"));
    in.chord(ImGuiKey_A, true);
    in.type("1026");  // µm
    in.chord(ImGuiKey_Enter);
    h.frames(2);
    CHECK((*h.app.doc.plan.datasets[0].features[0].values)[0] == doctest::Approx(1.026));
    in.chord(ImGuiKey_UpArrow);  // Enter committed and moved down a row
    in.chord(ImGuiKey_Delete);
    h.frames(2);
    CHECK(std::isnan((*h.app.doc.plan.datasets[0].features[0].values)[0]));
    h.app.doc.undo();
    h.app.doc.undo();
    CHECK((*h.app.doc.plan.datasets[0].features[0].values)[0] == doctest::Approx(1.0251));

    const size_t n = h.app.doc.plan.datasets.size();
    in.click("capability.new");
    CHECK(h.app.doc.plan.datasets.size() == n + 1);
    CHECK(h.app.capability.dataset == n);
    CHECK(h.app.doc.plan.datasets.back().features.empty());
    show_page(h, CapabilityView::Page::Analysis);  // an empty dataset says what to do
    show_page(h, CapabilityView::Page::Data);
    h.app.capability.dataset = 0;
    h.frames(2);
    in.click("capability.duplicate");
    REQUIRE(h.app.doc.plan.datasets.size() == n + 2);
    const Dataset& copy = h.app.doc.plan.datasets.back();
    CHECK(copy.name == h.app.doc.plan.datasets[0].name + " (copy)");
    CHECK(copy.features[0].values == h.app.doc.plan.datasets[0].features[0].values);  // shared, not copied
    CHECK(copy.features[0].id != h.app.doc.plan.datasets[0].features[0].id);
    in.click("capability.delete");
    in.click("capability.delete_confirm");
    CHECK(h.app.doc.plan.datasets.size() == n + 1);
    CHECK(check_plan(h.app.doc.plan).empty());
}

TEST_CASE("capability view: 20 features × 100 000 rows are analysed in slices; the page is idle afterwards") {
    Harness h;
    Rng rng(11);
    Dataset d;
    d.id = "d-big";
    d.name = "Big run";
    d.subgroup_size = 5;
    for (int f = 0; f < 20; ++f) {
        auto v = std::make_shared<std::vector<double>>(100000);
        for (double& x : *v) x = 10 + 0.002 * rng.normal();
        Feature ft;
        ft.id = "f-" + std::to_string(f);
        ft.name = "Feature " + std::to_string(f);
        ft.lsl = 9.99;
        ft.usl = 10.01;
        ft.values = std::move(v);
        d.features.push_back(std::move(ft));
    }
    platform::native_state().fake_time = -1;  // real time: a slice ends after ~12 ms
    Edits e;
    e.push("big", [d](Plan& p) { p.datasets.push_back(d); });
    h.app.doc.apply(e, 0);
    h.app.show_tab(mf::Tab::Capability);
    h.frames(1);  // the tab is selected this frame
    h.frames(1);  // the first slice
    const double pending = value("capability.pending");
    CHECK(pending > 0);  // not all in one frame (a Debug build: ~12 ms of work per frame)
    CHECK(drawing_requested());
    int frames = 0;
    while (value("capability.pending") > 0 && frames < 2000) {
        h.frames(1);
        ++frames;
    }
    CHECK(value("capability.pending") == 0);
    CHECK(value("capability.n") == 100000);
    h.frames(2);
    CHECK_FALSE(drawing_requested());
    // Pages with 100 000 rows: the grid (clipped), charts (min–max per pixel column).
    for (auto p : {CapabilityView::Page::Analysis, CapabilityView::Page::Data, CapabilityView::Page::Summary}) {
        show_page(h, p);
        h.frames(5);
    }
    // Changing one feature's limit recomputes that feature only.
    Edits e2;
    e2.push("usl", [](Plan& p) { p.datasets[0].features[3].usl = 10.02; });
    h.app.doc.apply(e2, 0);
    h.frames(1);
    CHECK(value("capability.pending") <= 1);
    h.frames(3);
    CHECK(value("capability.pending") == 0);
    CHECK_FALSE(drawing_requested());
}

TEST_CASE("capability view: skewed values show the labelled non-normal alternatives; bad limits show core's message") {
    Harness h;
    Rng rng(3);
    Dataset d;
    d.id = "d-skew";
    d.name = "Skewed";
    auto v = std::make_shared<std::vector<double>>(400);
    for (double& x : *v) x = 0.05 * std::exp(0.5 * rng.normal());  // lognormal, clearly not normal
    Feature f;
    f.id = "f-skew";
    f.name = "Runout";
    f.usl = 0.4;
    f.values = v;
    d.features.push_back(f);
    Feature g = f;  // no limits at all: capability says why
    g.id = "f-none";
    g.name = "No limits";
    g.usl.reset();
    d.features.push_back(g);
    Edits e;
    e.push("skew", [d](Plan& p) { p.datasets.push_back(d); });
    h.app.doc.apply(e, 0);
    show_tab(h);
    show_page(h, CapabilityView::Page::Analysis);
    h.frames(5);
    CHECK(value("capability.ad_p") < 0.05);
    const FeatureAnalysis* c = h.app.capability.feature_result(0);
    REQUIRE(c);
    CHECK_FALSE(c->normal);
    REQUIRE(c->lognormal);
    CHECK(c->lognormal->error.empty());
    h.app.capability.feature = 1;
    h.frames(5);
    CHECK(test_texts()["capability.verdict"] == "not enough data");
    CHECK(test_texts()["capability.errors"].find("no specification limits") != std::string::npos);
    show_page(h, CapabilityView::Page::Summary);
    show_page(h, CapabilityView::Page::Data);
}

TEST_CASE("capability view: subgroups without variation give the resolution reason, no index, no chart") {
    Harness h;
    // Subgroups of 3: (0.1, 0.1, 0.1) (0.7, 0.7, 0.7): σ_within 0 exactly, resolution 0.1.
    Dataset d;
    d.id = "d-flat";
    d.name = "Flat";
    d.subgroup_size = 3;
    Feature f;
    f.id = "f-flat";
    f.name = "Flat bore";
    f.lsl = 0.0;
    f.usl = 1.0;
    f.values = std::make_shared<const std::vector<double>>(std::vector<double>{0.1, 0.1, 0.1, 0.7, 0.7, 0.7});
    d.features.push_back(f);
    Edits e;
    e.push("flat", [d](Plan& p) { p.datasets.push_back(d); });
    h.app.doc.apply(e, 0);
    show_tab(h);
    h.app.capability.dataset = h.app.doc.plan.datasets.size() - 1;
    show_page(h, CapabilityView::Page::Analysis);
    h.frames(5);
    const FeatureAnalysis* c = h.app.capability.feature_result(0);
    REQUIRE(c);
    CHECK(c->resolution == doctest::Approx(0.1).epsilon(1e-12));
    CHECK(test_texts()["capability.verdict"] == "not enough data");
    CHECK(test_texts()["capability.errors"].find("no variation within subgroups: measurement resolution?") !=
          std::string::npos);
    CHECK(std::isnan(value("capability.cp")));
    CHECK(std::isnan(value("capability.cpk")));
    CHECK(std::isnan(value("capability.ucl")));  // no zero-width control limits
    CHECK(value("capability.sigma_within") == 0);
    show_page(h, CapabilityView::Page::Summary);
}

TEST_CASE("capability view: honest verdicts — no spec limits, too few values, capable but not in control") {
    Harness h;
    Rng rng(11);
    Dataset d;
    d.id = "d-honest";
    d.name = "Honest labels";
    auto series = [&](size_t n, double step_at, double step) {
        auto v = std::make_shared<std::vector<double>>(n);
        for (size_t i = 0; i < n; ++i) (*v)[i] = 10.0 + 0.002 * rng.normal() + (i >= step_at ? step : 0.0);
        return v;
    };
    auto feature = [&](const char* id, Column v, bool limits) {
        Feature f;
        f.id = id;
        f.name = id;
        f.values = std::move(v);
        if (limits) {
            f.lsl = 9.9;  // ±0.1 around 10 with σ ≈ 0.002: Cpk ≈ 16, far above 1.33
            f.usl = 10.1;
        }
        d.features.push_back(f);
    };
    feature("none", series(120, 1e9, 0), false);  // 120 values, no limits
    // Capable and in control: the first random series that breaks no control-chart rule
    // (random values break one of the eight Nelson tests now and then).
    for (int tries = 0; tries < 50; ++tries) {
        Dataset one;
        one.features.push_back(Feature{});
        one.features[0].values = series(120, 1e9, 0);
        const FeatureAnalysis a = analyse_feature(one, 0);
        if (a.violations.empty() && a.dispersion_violations.empty()) {
            feature("steady", one.features[0].values, true);
            break;
        }
    }
    REQUIRE(d.features.size() == 2);
    feature("shifted", series(120, 60, 0.02), true);  // a step of 10 σ half-way: capable, not in control
    auto few = series(120, 1e9, 0);
    std::fill(few->begin() + 30, few->end(), NAN);  // missing cells: 30 values < the gate's 100
    feature("few", few, true);
    Edits e;
    e.push("honest", [d](Plan& p) { p.datasets.push_back(d); });
    h.app.doc.apply(e, 0);
    show_tab(h);
    h.app.capability.dataset = dataset_index(h.app.doc.plan, "d-honest");
    show_page(h, CapabilityView::Page::Summary);
    h.frames(10);
    const GateSettings& gs = h.app.doc.plan.datasets[h.app.capability.dataset].gate;
    const FeatureAnalysis* steady = h.app.capability.feature_result(1);
    const FeatureAnalysis* shifted = h.app.capability.feature_result(2);
    REQUIRE(steady);
    REQUIRE(shifted);
    // The premises, from core: both pass the Cpk gate; only the shifted one breaks control rules.
    CHECK(steady->gate.verdict == GateVerdict::Capable);
    REQUIRE(steady->violations.empty());
    REQUIRE(steady->dispersion_violations.empty());
    CHECK(shifted->gate.verdict == GateVerdict::Capable);
    CHECK_FALSE(shifted->violations.empty());

    CHECK(text("capability.summary.verdict.none") == "no spec limits");
    CHECK(text("capability.summary.verdict.steady") == "capable");
    CHECK(text("capability.summary.verdict.shifted") == "capable, not in control");
    CHECK(text("capability.summary.verdict.few") == "not enough data");
    CHECK(capability_ui::verdict_label(*steady, gs).colour == plot_good());
    CHECK(capability_ui::verdict_label(*shifted, gs).colour == plot_warn());  // amber, not a green tick
    CHECK(std::string(capability_ui::verdict_label(*shifted, gs).mark) != "✓");
    h.app.capability.feature = 0;
    h.frames(5);
    CHECK(test_texts()["capability.verdict"] == "not enough data");  // the gate's own word, as the CLI prints
    CHECK(text("capability.verdict_label") == "No spec limits");
}
