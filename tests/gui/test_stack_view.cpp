// The tolerance-stack view ("Tolerances" tab) drawn headless: example stacks, figures against
// hand calculations, typing into the table, paste, stack and row operations, bad input,
// the Monte Carlo in slices with cancel, and a 2D loop.
#include <cmath>
#include <initializer_list>
#include <map>
#include <string>

#include "busy.h"
#include "draw_data_hash.h"
#include "harness.h"
#include "parallel_blocks_run.h"
#include "table_out.h"
#include "test_hooks.h"
#include "tolerance/stack_tables.h"
#include "tolerance/stack_edit.h"
#include "views/stack_parts.h"

using namespace mf;
using namespace mf::test;

namespace {

const char* kSilicon = "silicon-on-inconel.mfplan.json";

Stack& stack_by_id_mut(Plan& p, const std::string& id) {
    for (auto& s : p.stacks)
        if (s.id == id) return s;
    FAIL("no stack " << id);
    return p.stacks.front();
}

const Stack& stack_by_id(const Plan& p, const std::string& id) {
    for (const auto& s : p.stacks)
        if (s.id == id) return s;
    FAIL("no stack " << id);
    return p.stacks.front();
}

void open_tab(Harness& h, const char* example_name, const char* stack_id = nullptr) {
    REQUIRE(h.app.open_example(example(example_name)));
    h.app.stack.mc_options.samples = 20000;  // a debug build with sanitizers: keep it quick
    if (stack_id) h.app.stack.selected_id = stack_id;
    h.app.show_tab(mf::Tab::Tolerances);
    h.frames(4);
}

// The gear-shaft stack's Monte Carlo figures `names` as the page computes them alone (no
// workers): what runs on (stand-in) workers must publish to the last bit.
std::map<std::string, double> shaft_figures_on_the_page(std::initializer_list<const char*> names) {
    Harness h;
    open_tab(h, kGearbox, "s-gear-shaft");
    for (int i = 0; i < 200 && value("stack.mc.done") != 1; ++i) h.frames(1);
    REQUIRE(value("stack.mc.done") == 1);
    CHECK(platform::native_state().worker_requests == 0);
    std::map<std::string, double> out;
    for (const char* f : names) out[f] = value(f);
    return out;
}

}  // namespace

TEST_CASE("stack view: gear/shaft figures match a hand calculation, the Monte Carlo finishes") {
    Harness h;
    open_tab(h, kGearbox, "s-gear-shaft");
    h.frames(10);
    CHECK(test_texts()["stack.id"] == "s-gear-shaft");
    CHECK(value("stack.mc.done") == 1);
    // Hand calculation, lengths in mm. Bore 1.025 ± 0.005 (s = +1), shaft 1.000 ± 0.015 (s = −1,
    // gauged at 26 °C, 316L 16 ppm/K: at 20 °C it is 1 − 16e-6·6 = 0.999904 of its size).
    const double k20 = 1 - 16e-6 * 6;
    CHECK(value("stack.wc.min") == doctest::Approx(1.020 - 1.015 * k20).epsilon(1e-12));
    CHECK(value("stack.wc.max") == doctest::Approx(1.030 - 0.985 * k20).epsilon(1e-12));
    const double rss_half = std::sqrt(0.005 * 0.005 + (0.015 * k20) * (0.015 * k20));
    CHECK(value("stack.rss.max") - value("stack.rss.min") == doctest::Approx(2 * rss_half).epsilon(1e-9));
    // Statistical: bore σ = 0.005 / (3·1.33); shaft σ = 0.015/3 (Cp 1), mean shifted +5 µm.
    const double sb = 0.005 / (3 * 1.33), ss = 0.005 * k20;
    CHECK(value("stack.stat.sigma") == doctest::Approx(std::sqrt(sb * sb + ss * ss)).epsilon(1e-9));
    CHECK(value("stack.stat.mean") == doctest::Approx(1.025 - 1.005 * k20).epsilon(1e-9));
    // At 37 °C: zirconia 10.5 ppm/K over 17 K, the shaft 16 ppm/K over 11 K from 26 °C.
    CHECK(value("stack.op.nominal") == doctest::Approx(1.025 * (1 + 10.5e-6 * 17) - (1 + 16e-6 * 11)).epsilon(1e-12));
    CHECK(test_texts()["stack.verdict"] == "OK");
    CHECK(value("stack.mc.samples") == 20000);
    CHECK(value("stack.mc.mean") == doctest::Approx(value("stack.stat.mean")).epsilon(0.01));
    CHECK(value("stack.share.k-shaft") > 0.9);
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 3000);
    // Idle: once the Monte Carlo is done nothing asks for frames.
    h.frames(3);
    CHECK_FALSE(h.app.wants_frames());

    // The running-clearance stack fails, the shaft carries most of the variance.
    h.app.stack.selected_id = "s-gear-shaft-running";
    h.frames(6);
    CHECK(test_texts()["stack.verdict"] == "fails");
    CHECK(test_texts()["stack.verdict.source"] == "monte carlo");
    CHECK(value("stack.rank.k-shaft-run") == 1);
}

TEST_CASE(
    "stack view: typing a tolerance changes the figures; the document refuses a negative one, the field says why") {
    Harness h;
    open_tab(h, kGearbox, "s-gear-shaft");
    Input in{h};
    const double before = value("stack.wc.min");
    // Row 2 is the shaft; the plan shows µm. Select all, type 5 (µm), Enter.
    in.click("stack.row1.tol_minus");
    in.chord(ImGuiKey_A, true);
    in.type("5");
    in.chord(ImGuiKey_Enter);
    h.frames(4);
    CHECK(stack_by_id(h.app.doc.plan, "s-gear-shaft").contributors[1].tol_minus == doctest::Approx(0.005));
    // Shaft −tol 15 → 5 µm: the shaft's upper limit is unchanged, so the minimum gap is too;
    // the maximum gap drops by 10 µm (scaled to 20 °C).
    CHECK(value("stack.wc.min") == doctest::Approx(before).epsilon(1e-12));
    CHECK(value("stack.wc.max") == doctest::Approx(1.030 - 0.995 * (1 - 16e-6 * 6)).epsilon(1e-12));
    CHECK(h.app.doc.can_undo());
    CHECK(h.app.doc.undo_stack.back().label == "Set − tolerance");

    // A negative tolerance: the view pushes it, the document refuses it (check_plan: the file's
    // rule), and the reason shows at the field and in the status bar.
    const size_t undo_depth = h.app.doc.undo_stack.size();
    in.click("stack.row1.tol_plus");
    in.chord(ImGuiKey_A, true);
    in.type("-3");
    CHECK(stack_by_id(h.app.doc.plan, "s-gear-shaft").contributors[1].tol_plus == doctest::Approx(0.015));
    CHECK(h.app.doc.undo_stack.size() == undo_depth);
    const char* kRefusal = "stack.refusal.stack.k-shaft.tol_plus";
    REQUIRE(test_texts().count(kRefusal));
    CHECK(test_texts()[kRefusal] == "value -0.003 is out of range [0, 1e+06]");
    CHECK(h.app.status.find("Not applied: Set + tolerance") == 0);
    in.chord(ImGuiKey_Enter);  // leaving the field drops the refused value
    h.frames(2);
    CHECK(test_texts().count(kRefusal) == 0);
    CHECK(stack_by_id(h.app.doc.plan, "s-gear-shaft").contributors[1].tol_plus == doctest::Approx(0.015));
    // The same edit straight to the document: refused, naming the field and the place in the file.
    Edits e;
    e.push_at("Set + tolerance", "stack.k-shaft.tol_plus",
              [](Plan& p) { find_contributor(p, "s-gear-shaft", "k-shaft")->tol_plus = -0.003; });
    const std::vector<Document::Refusal> refused = h.app.doc.apply(e, 0);
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].field == "stack.k-shaft.tol_plus");
    CHECK(refused[0].issue.where == "/stacks/0/contributors/1/tol_plus");
    CHECK(refused[0].issue.message == "value -0.003 is out of range [0, 1e+06]");
    CHECK(stack_by_id(h.app.doc.plan, "s-gear-shaft").contributors[1].tol_plus == doctest::Approx(0.015));

    // The unit switch changes what is shown, never the values.
    const std::string saved = save_plan(h.app.doc.plan);
    in.click("stack.unit.mm");
    h.frames(2);
    CHECK(h.app.doc.plan.meta.units == LengthUnit::Millimetre);
    CHECK(test_texts()["stack.unit"] == "mm");
    CHECK(stack_by_id(h.app.doc.plan, "s-gear-shaft").contributors[1].tol_minus == doctest::Approx(0.005));
    (void)saved;
}

TEST_CASE("stack view: rows pasted with Ctrl+V into the focused table, errors name row and column") {
    Harness h;
    open_tab(h, kGearbox, "s-gear-shaft");
    Input in{h};
    in.click("stack.row1");  // select the shaft row: the table has focus
    CHECK(value("stack.table_focused") == 1);
    ImGui::SetClipboardText(
        "name\tnominal\ttol_plus\ttol_minus\tsensitivity\tdistribution\tmaterial\tpartner\n"
        "Spacer\t200\t2\t2\t-1\tuniform\tti-6al-4v\tboutique micro-machining shop\n"
        "Shim\t50\t1\t1\t-1\ttriangular\t\tinhouse\n");
    in.chord(ImGuiKey_V, true);
    h.frames(3);
    const Stack& s = stack_by_id(h.app.doc.plan, "s-gear-shaft");
    REQUIRE(s.contributors.size() == 4);
    CHECK(s.contributors[2].name == "Spacer");
    CHECK(s.contributors[2].nominal == doctest::Approx(0.200));  // µm → mm
    CHECK(s.contributors[2].distribution.kind == DistributionKind::Uniform);
    CHECK(s.contributors[2].partner_id == "boutique");  // found by name
    CHECK(s.contributors[3].partner_id == "inhouse");
    CHECK(s.contributors[3].id != s.contributors[2].id);
    CHECK(h.app.doc.undo_stack.back().label == "Paste 2 rows");
    CHECK(value("stack.contributors") == 4);
    // Worst-case minimum drops by the new parts' upper sizes.
    h.app.doc.undo();
    h.frames(2);
    CHECK(stack_by_id(h.app.doc.plan, "s-gear-shaft").contributors.size() == 2);

    // A bad cell: the paste dialog opens with the text and names the row and column.
    in.click("stack.row0");
    ImGui::SetClipboardText("name\tnominal\ttol\nSpacer\t200\tabc\n");
    in.chord(ImGuiKey_V, true);
    h.frames(2);
    CHECK(h.app.stack.paste_open);
    CHECK(value("stack.paste.errors") == 1);
    CHECK(test_texts()["stack.paste.error0"] == "row 2, column \"tol\": expected a number, found \"abc\"");
    CHECK(stack_by_id(h.app.doc.plan, "s-gear-shaft").contributors.size() == 2);
    // Rows without a header are read in the table's column order; an unknown partner is named.
    h.app.stack.paste_text = "Washer\t100\t3\t3\t1\tnormal\t\tnobody\n";
    h.frames(2);
    CHECK(test_texts()["stack.paste.error0"].find("row 1, column \"partner\": no partner \"nobody\"") == 0);
    h.app.stack.paste_text = "Washer\t100\t3\t3\t1\n";
    h.frames(2);
    CHECK(value("stack.paste.errors") == 0);
    in.click("stack.paste.apply");
    h.frames(2);
    CHECK_FALSE(h.app.stack.paste_open);
    REQUIRE(stack_by_id(h.app.doc.plan, "s-gear-shaft").contributors.size() == 3);
    CHECK(stack_by_id(h.app.doc.plan, "s-gear-shaft").contributors[1].name == "Washer");  // below the selected row
}

TEST_CASE("stack view: add, duplicate, move, delete rows and stacks; an empty stack explains itself") {
    Harness h;
    open_tab(h, kGearbox, "s-gear-shaft");
    Input in{h};
    auto names = [&] {
        std::string out;
        for (const auto& c : stack_by_id(h.app.doc.plan, "s-gear-shaft").contributors) out += c.name + "|";
        return out;
    };
    in.click("stack.row0");
    in.click("stack.dup_row");
    CHECK(names() == "Gear bore diameter|Gear bore diameter (copy)|Shaft diameter|");
    in.click("stack.row_down");  // the copy is selected
    CHECK(names() == "Gear bore diameter|Shaft diameter|Gear bore diameter (copy)|");
    in.click("stack.delete_row");
    CHECK(names() == "Gear bore diameter|Shaft diameter|");
    in.click("stack.add_row");
    CHECK(stack_by_id(h.app.doc.plan, "s-gear-shaft").contributors.size() == 3);
    CHECK(value("stack.errors") == 0);  // a zero-tolerance row is a valid row

    const size_t n = h.app.doc.plan.stacks.size();
    in.click("stack.duplicate");
    CHECK(h.app.doc.plan.stacks.size() == n + 1);
    CHECK(test_texts()["stack.name"] == "Gear bore to shaft clearance (copy)");
    CHECK(check_plan(h.app.doc.plan).empty());  // fresh ids everywhere
    in.click("stack.delete");
    CHECK(h.app.doc.plan.stacks.size() == n);
    in.click("stack.new");
    h.frames(2);
    CHECK(h.app.doc.plan.stacks.size() == n + 1);
    CHECK(value("stack.errors") == 1);
    CHECK(test_texts()["stack.error0"].find("no contributors") != std::string::npos);
    CHECK(value("stack.mc.running") == 0);
    in.click("stack.add_row");
    h.frames(4);
    CHECK(value("stack.errors") == 0);
    CHECK(test_texts()["stack.verdict"] == "no requirement");
    // Rename by typing.
    in.click("stack.name");
    in.chord(ImGuiKey_A, true);
    in.type("Bearing preload");
    in.chord(ImGuiKey_Enter);
    CHECK(h.app.doc.plan.stacks.back().name == "Bearing preload");
}

TEST_CASE("stack view: the Monte Carlo runs in slices, restarts on an edit (not a rename), and can be cancelled") {
    Harness h;
    open_tab(h, kGearbox, "s-gear-shaft");
    // A clock that ticks 1 ms per reading: each frame's slice is ~12 readings, whatever the
    // machine's speed (a real clock made this test depend on how fast the build is).
    platform::native_state().fake_tick = 0.001;
    h.app.stack.mc_options.samples = 5000000;
    h.frames(2);
    CHECK(value("stack.mc.running") == 1);
    CHECK(h.app.wants_frames());
    const double p1 = value("stack.mc.progress");
    h.frames(2);
    CHECK(value("stack.mc.progress") > p1);
    CHECK(value("stack.mc.progress") < 0.5);
    MESSAGE("progress after 4 frames: " << value("stack.mc.progress"));
    Input in{h};
    in.click("stack.mc.cancel");
    CHECK(value("stack.mc.running") == 0);
    CHECK(h.app.stack.mc.cancelled());
    h.frames(2);
    CHECK_FALSE(h.app.wants_frames());  // idle after a cancel
    CHECK(test_texts()["stack.verdict.source"] == "normal model");

    // An edit of the stack starts a new run; an edit elsewhere in the plan does not.
    h.app.stack.mc_options.samples = 20000;
    in.click("stack.mc.run");
    for (int i = 0; i < 200 && value("stack.mc.done") != 1; ++i) h.frames(1);
    REQUIRE(value("stack.mc.done") == 1);
    const uint64_t generation = h.app.stack.mc.generation();
    Edits e;
    e.push("Set decider", [](Plan& p) { p.meta.decider = "someone else"; });
    h.app.doc.apply(e, 0);
    h.frames(2);
    CHECK(value("stack.mc.done") == 1);
    CHECK(h.app.stack.mc.generation() == generation);  // not rerun
    const std::string partner = h.app.doc.plan.stacks[0].contributors[0].partner_id == "cm" ? "inhouse" : "cm";
    e.push("Rename, and another partner", [partner](Plan& p) {
        p.stacks[0].name = "Bore to shaft, renamed";
        p.stacks[0].contributors[0].name = "Bore, reamed";
        p.stacks[0].contributors[0].partner_id = partner;
    });
    h.app.doc.apply(e, 0);
    h.frames(2);
    CHECK(value("stack.mc.done") == 1);
    CHECK(h.app.stack.mc.generation() == generation);  // names and partners are not sampled: not rerun
    CHECK(h.app.stack.cache.analysis.stack.contributors[0].name == "Bore, reamed");  // shown with the new name
    CHECK(h.app.doc.plan.stacks[0].contributors[0].partner_id == partner);
    const double ppm_above = value("stack.mc.ppm_above");
    const float below_histogram = test_anchors()["stack.pareto.title"].y0;
    e.push("Set upper limit", [](Plan& p) { p.stacks[0].upper_limit = 0.04; });
    h.app.doc.apply(e, 0);
    h.app.stack.mc_options.samples = 200000;  // a few frames long
    h.frames(1);
    REQUIRE(value("stack.mc.running") == 1);
    CHECK(test_anchors()["stack.pareto.title"].y0 == below_histogram);  // the histogram's place is kept while it runs
    for (int i = 0; i < 200 && (i == 0 || value("stack.mc.done") != 1); ++i) h.frames(1);
    CHECK(value("stack.mc.done") == 1);
    CHECK(h.app.stack.mc.generation() > generation);  // rerun for the new limit
    CHECK(value("stack.mc.ppm_above") > ppm_above);
}

TEST_CASE("stack view: a 2D loop shows its computed sensitivities and draws; silicon-on-Inconel fails cold") {
    Harness h;
    open_tab(h, kSilicon, "s-lid");
    h.frames(6);
    CHECK(value("stack.mc.done") == 1);
    const double pi = 3.14159265358979323846;
    CHECK(value("stack.sens.k-tilt") == doctest::Approx(-25 * pi / 180).epsilon(1e-6));
    CHECK(value("stack.sens.k-bond") == doctest::Approx(-1).epsilon(1e-12));
    CHECK(test_anchors().count("stack.loop"));
    h.app.stack.loop_to_scale = true;
    h.frames(3);
    h.app.theme = Theme::Dark;
    apply_theme(Theme::Dark);
    h.frames(3);

    h.app.stack.selected_id = "s-pocket";
    h.frames(6);
    CHECK(test_texts()["stack.verdict"] == "fails");
    CHECK(test_texts()["stack.verdict.measurement"] == "OK");
    CHECK(test_texts()["stack.verdict.operating"] == "fails");
    // Inconel 13 ppm/K on 25.028 mm vs silicon 2.6 ppm/K on 25 mm over −75 K.
    CHECK(value("stack.op.gap_change") == doctest::Approx(13e-6 * 25.028 * -75 - 2.6e-6 * 25 * -75).epsilon(1e-9));

    // Deleting a contributor a loop vector takes its length from removes that vector too.
    h.app.stack.selected_id = "s-lid";
    h.frames(2);
    Input in{h};
    in.click("stack.row1");  // k-bond
    in.click("stack.delete_row");
    const Stack& lid = stack_by_id(h.app.doc.plan, "s-lid");
    CHECK(lid.contributors.size() == 4);
    REQUIRE(lid.loop);
    CHECK(lid.loop->vectors.size() == 2);
    CHECK(value("stack.errors") == 0);
}

TEST_CASE("stack view: a 1D chain becomes a 2D loop and back; a typed vector angle changes the sensitivity") {
    Harness h;
    open_tab(h, kGearbox, "s-gear-shaft");
    Input in{h};
    const double wc_min = value("stack.wc.min"), wc_max = value("stack.wc.max");
    in.click("stack.loop.switch");
    h.frames(3);
    const Stack& s = stack_by_id(h.app.doc.plan, "s-gear-shaft");
    REQUIRE(s.loop);
    REQUIRE(s.loop->vectors.size() == 2);
    CHECK(s.loop->vectors[1].angle == 180);  // the shaft closes the gap
    // The same gap: worst case unchanged, sensitivities from the geometry.
    CHECK(value("stack.wc.min") == doctest::Approx(wc_min).epsilon(1e-12));
    CHECK(value("stack.wc.max") == doctest::Approx(wc_max).epsilon(1e-12));
    CHECK(value("stack.sens.k-shaft") == doctest::Approx(-1).epsilon(1e-12));
    // Tilt the bore's vector by 60°: its sensitivity becomes cos 60° = 0.5.
    in.scroll_to("stack.loop.0.angle");
    in.click("stack.loop.0.angle");
    in.chord(ImGuiKey_A, true);
    in.type("60");
    in.chord(ImGuiKey_Enter);
    h.frames(3);
    CHECK(stack_by_id(h.app.doc.plan, "s-gear-shaft").loop->vectors[0].angle == 60);
    CHECK(value("stack.sens.k-bore") == doctest::Approx(0.5).epsilon(1e-9));
    in.scroll_to("stack.loop.add");
    in.click("stack.loop.add");
    h.frames(2);
    CHECK(stack_by_id(h.app.doc.plan, "s-gear-shaft").loop->vectors.size() == 3);  // a fixed 1 mm vector
    CHECK(value("stack.errors") == 0);
    in.scroll_to("stack.loop.switch");
    in.click("stack.loop.switch");  // back to a chain: the loop's sensitivities stay
    h.frames(3);
    const Stack& back = stack_by_id(h.app.doc.plan, "s-gear-shaft");
    CHECK_FALSE(back.loop);
    CHECK(back.contributors[0].sensitivity == doctest::Approx(0.5).epsilon(1e-9));
    CHECK(back.contributors[1].sensitivity == doctest::Approx(-1).epsilon(1e-12));
}

TEST_CASE("stack view: every example draws with the tab open; a plan without stacks says what to do") {
    Harness h;
    h.app.show_tab(mf::Tab::Tolerances);
    h.frames(3);
    CHECK(value("stack.count") == 0);
    for (unsigned i = 0; i < mf_example_plans_count; ++i) {
        CHECK(h.app.open_example(i));
        h.app.stack.mc_options.samples = 10000;
        h.frames(8);
    }
}

TEST_CASE("stack view: on (stand-in) Web Workers the Monte Carlo gives the page's figures exactly") {
    // The native platform's stand-in workers compute each request at once and hand results
    // back newest first: the view must absorb them in block order, publish the figures the
    // page computes alone, and never spin a slice while it waits.
    const std::map<std::string, double> alone =
        shaft_figures_on_the_page({"stack.mc.mean", "stack.mc.sigma", "stack.mc.p00135", "stack.mc.p99865",
                                   "stack.mc.ppm_total", "stack.mc.op.mean", "stack.share.k-shaft"});
    for (int workers : {1, 2, 4}) {
        CAPTURE(workers);
        Harness h;
        platform::native_state().workers = workers;
        open_tab(h, kGearbox, "s-gear-shaft");
        for (int i = 0; i < 200 && value("stack.mc.done") != 1; ++i) h.frames(1);
        REQUIRE(value("stack.mc.done") == 1);
        // 20 000 samples are 20 blocks: requests of at least 8 blocks, so 3 of them.
        CHECK(platform::native_state().worker_requests == 3);
        for (const auto& [f, v] : alone) CHECK(value(f) == v);
    }
}

TEST_CASE("stack view: while (stand-in) Web Workers compute, the page asks for no frames; their result does") {
    // The browser loop stops drawing when nothing asks for frames and is woken when a reply
    // arrives (gui/platform/wake.h): the page's thread and the GPU leave the cores to the workers.
    Harness h;
    platform::native_state().workers = 2;
    platform::native_state().hold_worker_results = true;
    open_tab(h, kGearbox, "s-gear-shaft");
    CHECK(value("stack.mc.running") == 1);
    CHECK(platform::native_state().worker_requests == 3);
    h.frames(3);
    CHECK(value("stack.mc.running") == 1);
    CHECK_FALSE(h.app.wants_frames());
    platform::native_state().hold_worker_results = false;  // the replies arrive
    h.frames(1);
    CHECK(value("stack.mc.running") == 0);
    CHECK(h.app.wants_frames());  // one more frame shows the result everywhere
    h.frames(1);
    CHECK(value("stack.mc.done") == 1);
    CHECK_FALSE(h.app.wants_frames());
}

TEST_CASE("stack view: replies taken in between frames leave the frame that shows the result only the drawing") {
    // The browser hands each reply over between frames and the waiting runs absorb it then
    // (ArrivingReplies, called by web/main_web.cpp): the run is complete and summarised before
    // the next frame, and that frame shows the figures the page computes alone.
    const std::map<std::string, double> alone = shaft_figures_on_the_page({"stack.mc.mean", "stack.mc.p99865"});
    Harness h;
    platform::native_state().workers = 2;
    platform::native_state().hold_worker_results = true;
    open_tab(h, kGearbox, "s-gear-shaft");
    REQUIRE(h.app.stack.mc.job() != nullptr);
    ArrivingReplies::absorb_arrived();  // nothing has arrived: nothing changes
    CHECK_FALSE(h.app.stack.mc.job()->finished());
    CHECK(h.app.stack.mc.job()->progress() == 0);
    platform::native_state().hold_worker_results = false;  // the replies arrive
    ArrivingReplies::absorb_arrived();
    CHECK(h.app.stack.mc.job()->finished());  // before any frame
    CHECK(value("stack.mc.running") == 1);    // what the last frame published
    h.frames(1);
    CHECK(value("stack.mc.running") == 0);
    h.frames(1);
    REQUIRE(value("stack.mc.done") == 1);
    for (const auto& [f, v] : alone) CHECK(value(f) == v);
}

TEST_CASE(
    "stack view: after an edit the earlier Monte Carlo figures stay until the rerun's replace them, half a second at "
    "most") {
    // An edit's rerun changes the figures in place instead of blanking them for the tenth of a
    // second it takes (JobRunner::shown_result): without a GPU, blanking and redrawing the
    // histogram costs the cores the run needs. Another stack or another plan starts blank.
    Harness h;
    platform::native_state().workers = 1;
    open_tab(h, kGearbox, "s-gear-shaft");
    for (int i = 0; i < 200 && value("stack.mc.done") != 1; ++i) h.frames(1);
    REQUIRE(value("stack.mc.done") == 1);
    const double mean = value("stack.mc.mean");
    platform::native_state().fake_time = 100;  // a clock that moves only when told
    platform::native_state().hold_worker_results = true;
    Edits e;
    e.push("Set + tol", [](Plan& p) { stack_by_id_mut(p, "s-gear-shaft").contributors[0].tol_plus *= 2; });
    h.app.doc.apply(e, 0);
    h.frames(1);
    REQUIRE(value("stack.mc.running") == 1);
    CHECK(value("stack.mc.done") == 0);
    CHECK(value("stack.mc.earlier") == 1);
    CHECK(value("stack.mc.mean") == mean);  // the run before the edit, drawn
    CHECK(test_texts()["stack.verdict.source"] == "monte carlo");
    // Copy takes none of them: the table is the edited stack's without a Monte Carlo.
    Input in{h};
    in.click("table.stack.results.copy");
    const StackAnalysis now = analyse_stack(h.app.doc.plan, "s-gear-shaft");
    CHECK(platform::native_state().clipboard ==
          table_tsv(stack_results_table(now.stack, now.report, nullptr, h.app.doc.plan.meta.units)));
    CHECK(value("stack.mc.earlier") == 1);
    test_anchors().clear();
    platform::native_state().fake_time = 100.49;
    h.frames(1);
    CHECK(value("stack.mc.earlier") == 1);
    CHECK(test_anchors().count("stack.hist") == 1);  // the histogram stays
    platform::native_state().fake_time = 100.5;      // the progress bar starts to move: they give way
    test_anchors().clear();
    h.frames(1);
    CHECK(value("stack.mc.running") == 1);
    CHECK(value("stack.mc.earlier") == 0);
    CHECK(test_texts()["stack.verdict.source"] == "normal model");
    CHECK(test_anchors().count("stack.hist") == 0);
    platform::native_state().hold_worker_results = false;  // the reply arrives
    for (int i = 0; i < 20 && value("stack.mc.done") != 1; ++i) h.frames(1);
    REQUIRE(value("stack.mc.done") == 1);
    CHECK(value("stack.mc.mean") != mean);  // a wider contributor: not the same samples' mean
    CHECK(value("stack.mc.earlier") == 0);

    // A row added (the contribution shares would go to other rows), another stack, then
    // another plan with this stack's id: nothing earlier is shown.
    const auto starts_afresh = [&] {  // a run starts with no figures, and is let finish
        h.frames(1);
        REQUIRE(value("stack.mc.running") == 1);
        CHECK(value("stack.mc.earlier") == 0);
        CHECK(test_texts()["stack.verdict.source"] == "normal model");
        platform::native_state().hold_worker_results = false;
        for (int i = 0; i < 20 && value("stack.mc.done") != 1; ++i) h.frames(1);
        REQUIRE(value("stack.mc.done") == 1);
        platform::native_state().hold_worker_results = true;
    };
    platform::native_state().hold_worker_results = true;
    e.push("Duplicate row", [](Plan& p) {
        Stack& s = stack_by_id_mut(p, "s-gear-shaft");
        Contributor c = s.contributors[0];
        c.id = "k-copy";
        s.contributors.push_back(c);
    });
    REQUIRE(h.app.doc.apply(e, 0).empty());
    starts_afresh();
    h.app.stack.selected_id = "s-gear-shaft-running";
    starts_afresh();
    const uint64_t lineage = h.app.doc.lineage;
    Plan other = h.app.doc.plan;  // as opening a file does
    stack_by_id_mut(other, "s-gear-shaft-running").contributors[0].tol_plus *= 2;
    h.app.doc.replace(std::move(other), "Open other.mfplan.json", "other.mfplan.json", true);
    CHECK(h.app.doc.lineage != lineage);
    h.frames(1);
    REQUIRE(value("stack.mc.running") == 1);
    CHECK(value("stack.mc.earlier") == 0);
    h.app.doc.undo();  // back to the plan before: its own lineage
    CHECK(h.app.doc.lineage == lineage);
    h.app.doc.redo();
    CHECK(h.app.doc.lineage != lineage);
    platform::native_state().hold_worker_results = false;
    platform::native_state().fake_time = -1;
}

TEST_CASE(
    "stack view: a Monte Carlo on the page moves its progress bar half a second in, then at most four times a second") {
    // Frames that draw nothing new are not drawn (gui/draw_data_hash.h); the progress bar is
    // the only thing a run changes from frame to frame, so it alone decides how often the
    // browser redraws while the page computes.
    // The first run of a stack just chosen (not an edit's rerun, whose earlier figures give
    // way when the bar first moves).
    Harness h;
    open_tab(h, kGearbox, "s-gear-shaft-running");
    h.app.stack.selected_id = "s-gear-shaft";
    platform::native_state().fake_tick = 0.001;  // each frame's slice reads the clock ~12 times
    h.app.stack.mc_options.samples = 5000000;
    h.frames(2);
    REQUIRE(value("stack.mc.running") == 1);
    CHECK(value("stack.mc.earlier") == 0);
    uint64_t last = draw_data_hash(*ImGui::GetDrawData());
    const double started = platform::now_seconds();
    double changed_at = started;
    int changes = 0, unchanged_frames = 0;
    double progress = value("stack.mc.progress");
    for (int i = 0; i < 40; ++i) {  // ~100 000 samples a frame: still running after 42 frames
        h.frames(1);
        REQUIRE(value("stack.mc.running") == 1);
        CHECK(value("stack.mc.progress") > progress);  // the run advances every frame
        progress = value("stack.mc.progress");
        const uint64_t now_hash = draw_data_hash(*ImGui::GetDrawData());
        const double now = platform::now_seconds();
        if (now_hash == last) {
            ++unchanged_frames;
            continue;
        }
        // Read after the frames: less one frame at most.
        CHECK(now - changed_at >= (changes == 0 ? 0.5 : 0.25) - 0.05);
        if (changes == 0) CHECK(now - started < 0.5 + 0.05);  // and it does move then
        last = now_hash;
        changed_at = now;
        ++changes;
    }
    CHECK(changes >= 2);                     // it does move
    CHECK(unchanged_frames >= 3 * changes);  // most frames draw nothing new
}
