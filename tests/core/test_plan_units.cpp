// Units everywhere (2026-12-06): messages about a plan's lengths in its display unit, and the
// plan's currency (project.currency: load, save, migration of older files, validation, the
// named edit).
#include <doctest/doctest.h>

#include "plan/plan_edit.h"
#include "plan/plan_file.h"
#include "test_support.h"
#include "tolerance/stack_facade.h"

using namespace mf;

namespace {

const char* kGearbox = "assets/examples/micro-gearbox.mfplan.json";

Plan load_ok(const std::string& text) {
    LoadResult r = load_plan(text);
    REQUIRE_MESSAGE(r.errors.empty(), (r.errors.empty() ? "" : to_string(r.errors[0])));
    return *r.plan;
}

// A plan file with one stack whose limits are reversed: lower 0.05 mm above upper 0.0254 mm.
std::string reversed_limits(const char* units) {
    return std::string(R"({"format": "microfab-plan", "version": 1, "project": {"name": "Bad", "units": ")") + units +
        R"("}, "stacks": [{"id": "s1", "name": "S", "lower_limit": 0.05, "upper_limit": 0.0254, "contributors": []}]})";
}

const Issue* find_at(const Issues& issues, const std::string& where) {
    for (const auto& e : issues)
        if (e.where == where) return &e;
    return nullptr;
}

}  // namespace

TEST_CASE("units: length_text converts from mm to the display unit") {
    CHECK(length_text(0.005, LengthUnit::Micrometre) == "5 \xC2\xB5m");  // 0.005 mm = 5 µm
    CHECK(length_text(0.0254, LengthUnit::Inch) == "0.001 in");          // 0.0254 mm / 25.4 = 0.001 in
    CHECK(length_text(1.5, LengthUnit::Millimetre) == "1.5 mm");
    CHECK(length_text(-0.0, LengthUnit::Micrometre) == "0 \xC2\xB5m");  // never "-0"
}

TEST_CASE("units: a stack's reversed limits are reported in the plan's display unit") {
    // 0.05 mm = 50 µm, 0.0254 mm = 25.4 µm; in inches 0.05 / 25.4 = 0.00196850… → %.6g 0.0019685.
    const struct {
        const char* units;
        const char* message;
    } cases[] = {
        {"um", "lower limit is above the upper limit (50 > 25.4 \xC2\xB5m)"},
        {"mm", "lower limit is above the upper limit (0.05 > 0.0254 mm)"},
        {"in", "lower limit is above the upper limit (0.0019685 > 0.001 in)"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.units);
        LoadResult r = load_plan(reversed_limits(c.units));
        const Issue* e = find_at(r.errors, "/stacks/0/lower_limit");
        REQUIRE(e);
        CHECK(e->message == c.message);
    }
    // check_plan (every edit in the app) says the same as the loader.
    Plan p = load_ok(test::read_file(kGearbox));
    p.stacks[0].lower_limit = 0.05;
    p.stacks[0].upper_limit = 0.0254;
    const Issues checked = check_plan(p);
    const Issue* e = find_at(checked, "/stacks/0/lower_limit");
    REQUIRE(e);
    CHECK(e->message == "lower limit is above the upper limit (50 > 25.4 \xC2\xB5m)");
}

TEST_CASE("units: the stack verdict the app shows is in the display unit; the JSON's stays in mm") {
    Plan p = load_ok(test::read_file(kGearbox));
    REQUIRE(p.meta.units == LengthUnit::Micrometre);
    const StackAnalysis a = analyse_stack(p, "s-gear-shaft");
    REQUIRE(a.issues.empty());
    // The CLI's reference text (mm) and the same figures by hand in µm: 0.005003 mm = 5.003 µm,
    // 0.04501 mm = 45.01 µm, limits 0 and 0.05 mm = 0 and 50 µm.
    CHECK(a.report.fit.reason ==
          "OK at operating temperature (37 °C): worst case 0.005003 mm to 0.04501 mm is inside the limits "
          "[0 mm, 0.05 mm]: every assembly of in-tolerance parts fits");
    CHECK(a.report.fit.reason_shown ==
          "OK at operating temperature (37 °C): worst case 5.003 \xC2\xB5m to 45.01 \xC2\xB5m is inside the limits "
          "[0 \xC2\xB5m, 50 \xC2\xB5m]: every assembly of in-tolerance parts fits");
    CHECK(a.report.fit.at_measurement.reason_shown.find(" mm") == std::string::npos);
    // A mm plan reads the same in both.
    p.meta.units = LengthUnit::Millimetre;
    const StackAnalysis b = analyse_stack(p, "s-gear-shaft");
    CHECK(b.report.fit.reason_shown == b.report.fit.reason);
}

TEST_CASE("currency: older files read as USD; another currency is saved and read back") {
    Plan p = load_ok(test::read_file(kGearbox));
    CHECK(p.meta.currency == "USD");
    CHECK(currency_symbol(p.meta.currency) == "$");
    // USD is the default: not written, so an older file saves byte for byte as before.
    const std::string saved = save_plan(p);
    CHECK(saved.find("\"currency\"") == std::string::npos);

    set_currency(p, "  EUR ");  // the named edit drops the spaces
    CHECK(p.meta.currency == "EUR");
    CHECK(check_plan(p).empty());
    const std::string eur = save_plan(p);
    CHECK(eur.find("\"currency\": \"EUR\"") != std::string::npos);
    Plan back = load_ok(eur);
    CHECK(back.meta.currency == "EUR");
    CHECK(currency_symbol(back.meta.currency) == "\xE2\x82\xAC");  // €
    CHECK(save_plan(back) == eur);

    set_currency(p, "CHF");  // a code of the user's own is shown as written
    CHECK(currency_symbol(load_ok(save_plan(p)).meta.currency) == "CHF");
    set_currency(p, "GBP");
    CHECK(currency_symbol(p.meta.currency) == "\xC2\xA3");  // £
}

TEST_CASE("currency: check_plan and the loader refuse an unusable currency at /project/currency") {
    Plan p = load_ok(test::read_file(kGearbox));
    for (const char* bad : {"", "   ", "Swiss francs", "E\tU"}) {
        CAPTURE(bad);
        Plan q = p;
        set_currency(q, bad);
        const Issues checked = check_plan(q);
        const Issue* e = find_at(checked, "/project/currency");
        REQUIRE(e);
        CHECK(!e->message.empty());
    }
    // Eight characters (code points, not bytes) are fine: "€ (euro)" is 8 characters, 10 bytes.
    Plan ok = p;
    set_currency(ok, "\xE2\x82\xAC (euro)");
    CHECK(check_plan(ok).empty());

    LoadResult r = load_plan(
        R"({"format": "microfab-plan", "version": 1, "project": {"name": "P", "units": "mm", "currency": ""}})");
    REQUIRE(find_at(r.errors, "/project/currency"));
    r = load_plan(
        R"({"format": "microfab-plan", "version": 1, "project": {"name": "P", "units": "mm", "currency": 5}})");
    CHECK(find_at(r.errors, "/project/currency"));
}
