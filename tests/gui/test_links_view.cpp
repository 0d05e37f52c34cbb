// Measured links in the views (core/links/measured_links.h): the Tolerances tab analyses a
// contributor with the measured σ and mean, the Timeline tab a gate with the measured Cpk; both
// show what the link supplied and set / clear it as undoable edits. Reference figures are
// computed here from the example's raw values (pooled SD / c4, MR̄ / d2, Bissell), not taken
// from core.
#include <cmath>
#include <string>

#include "harness.h"
#include "test_hooks.h"

using namespace mf;
using namespace mf::test;

namespace {

const Feature& feature(const Plan& p, const std::string& dataset, const std::string& id) {
    for (const auto& d : p.datasets)
        if (d.id == dataset)
            for (const auto& f : d.features)
                if (f.id == id) return f;
    FAIL("no feature " << id);
    return p.datasets.front().features.front();
}

double mean_of(const std::vector<double>& x) {
    double s = 0;
    for (double v : x) s += v;
    return s / static_cast<double>(x.size());
}

// Minitab's pooled σ_within for consecutive subgroups of g: s_p / c4(d + 1), d = Σ(nᵢ − 1),
// c4(m) = √(2/(m−1))·Γ(m/2)/Γ((m−1)/2).
struct Pooled {
    double sigma, dof;
};
Pooled pooled(const std::vector<double>& x, size_t g) {
    double ss = 0, d = 0;
    for (size_t i = 0; i + g <= x.size(); i += g) {
        const std::vector<double> s(x.begin() + static_cast<long>(i), x.begin() + static_cast<long>(i + g));
        const double m = mean_of(s);
        for (double v : s) ss += (v - m) * (v - m);
        d += static_cast<double>(g - 1);
    }
    const double c4 = std::sqrt(2.0 / d) * std::exp(std::lgamma((d + 1) / 2) - std::lgamma(d / 2));
    return {std::sqrt(ss / d) / c4, d};
}

double phi(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

const Stack& stack_by_id(const Plan& p, const std::string& id) {
    for (const auto& s : p.stacks)
        if (s.id == id) return s;
    FAIL("no stack " << id);
    return p.stacks.front();
}

}  // namespace

TEST_CASE("links view: a measured contributor drives the statistical σ; clear, undo and relink through the popup") {
    Harness h;
    Input in{h};
    REQUIRE(h.app.open_example(example(kGearbox)));
    h.app.stack.mc_options.samples = 20000;
    h.app.stack.selected_id = "s-gear-shaft-running";
    h.app.show_tab(mf::Tab::Tolerances);
    h.frames(10);
    REQUIRE(test_texts()["stack.id"] == "s-gear-shaft-running");
    CHECK(value("stack.mc.done") == 1);  // the Monte Carlo runs on the resolved stack

    // The example links the bore to the pilot run (25 subgroups of 5, pooled σ_within).
    const Feature& bore = feature(h.app.doc.plan, "d-pilot-run", "f-run-bore");
    const Pooled pw = pooled(*bore.values, 5);
    const double mean = mean_of(*bore.values);
    const double k20 = 1 - 16e-6 * 6;  // the shaft gauged at 26 °C, the stack at 20 °C
    CHECK(value("stack.measured.k-bore-run.used") == 1);
    CHECK(value("stack.measured.k-bore-run.n") == 125);
    CHECK(value("stack.measured.k-bore-run.sigma") == doctest::Approx(pw.sigma).epsilon(1e-9));
    CHECK(value("stack.measured.k-bore-run.shift") == doctest::Approx(mean - 1.025).epsilon(1e-9));
    CHECK(value("stack.stat.sigma") == doctest::Approx(std::hypot(pw.sigma, 0.005 * k20)).epsilon(1e-9));
    CHECK(value("stack.stat.mean") == doctest::Approx(mean - 1.005 * k20).epsilon(1e-9));
    CHECK(test_texts()["stack.measured.k-bore-run.message"].find("Gear bore diameter") != std::string::npos);

    // Clear the link in the distribution popup: the declared Cpk 1.33 is analysed again.
    in.click("stack.row0.dist");
    in.click("stack.measured.k-bore-run.clear");
    h.frames(3);
    CHECK_FALSE(stack_by_id(h.app.doc.plan, "s-gear-shaft-running").contributors[0].measured);
    CHECK(test_values().count("stack.measured.k-bore-run.used") == 0);
    const double sb = 0.005 / (3 * 1.33);
    CHECK(value("stack.stat.sigma") == doctest::Approx(std::hypot(sb, 0.005 * k20)).epsilon(1e-9));
    CHECK(h.app.doc.undo_stack.back().label.find("Clear measured link") != std::string::npos);
    h.app.doc.undo();
    h.frames(3);
    REQUIRE(stack_by_id(h.app.doc.plan, "s-gear-shaft-running").contributors[0].measured);
    CHECK(value("stack.stat.sigma") == doctest::Approx(std::hypot(pw.sigma, 0.005 * k20)).epsilon(1e-9));

    // Relink to the first pilot's individual values through the combo: σ = MR̄ / d2(2), d2(2) = 2/√π.
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);
    h.frames(1);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, false);
    h.frames(2);
    in.click("stack.row0.dist");
    in.click("stack.measured.k-bore-run.combo");
    in.click("stack.measured.k-bore-run.option.d-pilot.f-bore");
    h.frames(3);
    const auto& link = stack_by_id(h.app.doc.plan, "s-gear-shaft-running").contributors[0].measured;
    REQUIRE(link);
    CHECK(link->dataset_id == "d-pilot");
    CHECK(link->feature_id == "f-bore");
    const std::vector<double>& x = *feature(h.app.doc.plan, "d-pilot", "f-bore").values;
    double mr = 0;
    for (size_t i = 1; i < x.size(); ++i) mr += std::fabs(x[i] - x[i - 1]);
    mr /= static_cast<double>(x.size() - 1);
    const double s_mr = mr / (2 / std::sqrt(M_PI));
    CHECK(value("stack.measured.k-bore-run.used") == 1);
    CHECK(value("stack.measured.k-bore-run.sigma") == doctest::Approx(s_mr).epsilon(1e-9));
    CHECK(value("stack.stat.sigma") == doctest::Approx(std::hypot(s_mr, 0.005 * k20)).epsilon(1e-9));
    h.frames(4);
}

TEST_CASE("links view: a gate's Cpk comes from the measured feature; clear and relink are undoable") {
    Harness h;
    Input in{h};
    REQUIRE(h.app.open_example(example(kGearbox)));
    h.app.show_tab(mf::Tab::Timeline);
    h.app.schedule.iterations = 2000;
    h.frames(4);
    // Pilot run, bore 1.020 … 1.030: Cpk = min(USL − x̄, x̄ − LSL) / (3σ_w), n = 125, ν = 100;
    // P = Φ((Cpk − 1.33) / SE), SE = √(1/(9n) + Cpk²/(2ν)) (Bissell).
    auto expect = [&](const char* fid, double lsl, double usl) {
        const Feature& f = feature(h.app.doc.plan, "d-pilot-run", fid);
        const Pooled pw = pooled(*f.values, 5);
        const double m = mean_of(*f.values);
        const double cpk = std::min(usl - m, m - lsl) / (3 * pw.sigma);
        const double se = std::sqrt(1.0 / (9 * 125.0) + cpk * cpk / (2 * pw.dof));
        CHECK(value("schedule.measured.t-pilot.used") == 1);
        CHECK(value("schedule.measured.t-pilot.n") == 125);
        CHECK(value("schedule.measured.t-pilot.dof") == pw.dof);
        CHECK(value("schedule.measured.t-pilot.cpk") == doctest::Approx(cpk).epsilon(1e-9));
        CHECK(value("schedule.measured.t-pilot.p") == doctest::Approx(phi((cpk - 1.33) / se)).epsilon(1e-9));
    };
    expect("f-run-bore", 1.020, 1.030);

    h.app.schedule.selected = "t-pilot";
    h.frames(3);
    in.scroll_to("schedule.gate.measured_clear");
    in.click("schedule.gate.measured_clear");
    h.frames(3);
    const Task* pilot = nullptr;
    for (const auto& t : h.app.doc.plan.schedule.tasks)
        if (t.id == "t-pilot") pilot = &t;
    REQUIRE(pilot);
    CHECK_FALSE(pilot->gate.cpk->measured);
    CHECK(test_values().count("schedule.measured.t-pilot.used") == 0);
    h.app.doc.undo();
    h.frames(3);
    expect("f-run-bore", 1.020, 1.030);

    // Relink to the outside diameter (2.3935 … 2.4065) through the combo.
    in.scroll_to("schedule.gate.measured");
    in.click("schedule.gate.measured");
    in.click("schedule.gate.measured.option.d-pilot-run.f-run-od");
    h.frames(3);
    expect("f-run-od", 2.3935, 2.4065);
    // The Monte Carlo takes the linked probability.
    // mc_result(): the run for the current inputs (the plan as it is now), once finished.
    for (int i = 0; i < 10 && !(h.app.schedule.mc_result() && !h.app.schedule.mc_running()); ++i) h.frames(2);
    const McResult* mc = h.app.schedule.mc_result();
    REQUIRE(mc);
    CHECK_FALSE(h.app.schedule.mc_partial());
    CHECK(value("schedule.mc.state") == h.app.doc.state_id);
    bool found = false;
    for (const auto& g : mc->gates)
        if (g.id == "t-pilot") {
            found = true;
            CHECK(g.pass_probability == doctest::Approx(value("schedule.measured.t-pilot.p")).epsilon(1e-12));
        }
    CHECK(found);
}
