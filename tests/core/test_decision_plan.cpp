// The decision section in the plan file (round trip, the article template, clear messages for
// bad input), the whole analysis of the example plan, the process selector and the warnings.
#include <doctest/doctest.h>

#include <algorithm>

#include "decision/decision_analysis.h"
#include "decision/decision_analysis_json.h"
#include "decision/decision_template.h"
#include "plan/plan_file.h"
#include "plan/section_json.h"
#include "test_support.h"

using namespace mf;

static const char* kExample = "assets/examples/micro-gearbox.mfplan.json";

static bool has_code(const std::vector<DecisionWarning>& w, const std::string& code) {
    return std::any_of(w.begin(), w.end(), [&](const DecisionWarning& x) { return x.code == code; });
}
static const DecisionWarning* find_code(const std::vector<DecisionWarning>& w, const std::string& code) {
    for (const auto& x : w)
        if (x.code == code) return &x;
    return nullptr;
}

TEST_CASE("decision plan: the article template is valid and round-trips through the file") {
    Plan p;
    p.decision = article_template();
    CHECK(check_decision(p.decision).empty());
    CHECK(p.decision.partners.size() == 3);
    CHECK(p.decision.criteria.size() == 8);
    double sum = 0;
    for (const auto& c : p.decision.criteria) sum += c.weight;
    CHECK(sum == doctest::Approx(1.0));
    const std::string text = save_plan(p);
    LoadResult r = load_plan(text);
    REQUIRE_MESSAGE(r.errors.empty(), (r.errors.empty() ? "" : to_string(r.errors[0])));
    CHECK(save_plan(*r.plan) == text);
    const Partner& cm = r.plan->decision.partners[2];
    CHECK(cm.cost->price_breaks[0].unit_price == 12.0);
    CHECK(cm.cost->price_breaks[2].unit_price == 0.18);
    CHECK(cm.cost->setup_per_lot == 5000);
    CHECK(cm.evidence.audit == AuditRights::ByAppointment);
    CHECK(r.plan->decision.partners[1].cost->first_pass_yield == 0.30);
    CHECK(r.plan->decision.partners[1].cost->rework_cost == 8);
}

TEST_CASE("decision plan: the example plan carries the full decision section") {
    LoadResult r = load_plan(test::read_file(kExample));
    REQUIRE_MESSAGE(r.errors.empty(), (r.errors.empty() ? "" : to_string(r.errors[0])));
    const DecisionSection& s = r.plan->decision;
    CHECK(s.planned_volume == 100000);
    CHECK(s.criteria[4].source == ScoreSource::CostPerGoodPart);
    CHECK(s.scores.size() == 15);
    // The example is the template, written out.
    CHECK(write_decision(s) == write_decision(article_template()));
}

static std::string plan_with(const std::string& decision) {
    return R"({"format": "microfab-plan", "version": 1, "project": {"name": "p", "units": "um"}, "decision": )" +
        decision + "}";
}
static std::string partner_with_cost(const std::string& cost) {
    return plan_with(R"({"partners": [{"id": "p1", "name": "Shop", "kind": "boutique", "cost": )" + cost + "}]}");
}

struct BadCase {
    const char* what;
    std::string text;
    const char* where;
    const char* message;
};

TEST_CASE("decision plan: bad input gives a clear message at the right path") {
    const BadCase cases[] = {
        {"yield 0", partner_with_cost(R"({"price_breaks": [{"quantity": 1, "unit_price": 2}], "first_pass_yield": 0})"),
         "/decision/partners/0/cost/first_pass_yield",
         "first-pass yield must be above 0 (found 0): with no good parts there is no cost per good part"},
        {"yield above 1",
         partner_with_cost(R"({"price_breaks": [{"quantity": 1, "unit_price": 2}], "first_pass_yield": 95})"),
         "/decision/partners/0/cost/first_pass_yield",
         "first-pass yield is a fraction and cannot exceed 1 (found 95; write 95 % as 0.95)"},
        {"decreasing price breaks",
         partner_with_cost(
             R"({"price_breaks": [{"quantity": 10000, "unit_price": 1}, {"quantity": 100, "unit_price": 12}]})"),
         "/decision/partners/0/cost/price_breaks/1/quantity",
         "price-break quantities must increase: 100 follows 10000"},
        {"empty price schedule", partner_with_cost(R"({"price_breaks": []})"), "/decision/partners/0/cost/price_breaks",
         "the price-break schedule is empty"},
        {"rework success above 1",
         partner_with_cost(R"({"price_breaks": [{"quantity": 1, "unit_price": 2}], "rework_success": 1.5})"),
         "/decision/partners/0/cost/rework_success", "rework success rate is a fraction in [0, 1] (found 1.5)"},
        {"negative setup",
         partner_with_cost(R"({"price_breaks": [{"quantity": 1, "unit_price": 2}], "setup_per_lot": -5})"),
         "/decision/partners/0/cost/setup_per_lot", "the setup fee per lot must not be negative (found -5)"},
        {"weights all zero",
         plan_with(R"({"criteria": [{"id": "c1", "name": "A", "weight": 0}, {"id": "c2", "name": "B", "weight": 0}]})"),
         "/decision/criteria", "all criterion weights are zero: give at least one criterion a positive weight"},
        {"score of an unknown partner",
         plan_with(
             R"({"criteria": [{"id": "c1", "name": "A"}], "scores": [{"partner": "ghost", "criterion": "c1", "value": 3}]})"),
         "/decision/scores/0/partner", "refers to partner \"ghost\", which does not exist"},
        {"score range reversed",
         plan_with(
             R"({"partners": [{"id": "p1", "name": "S", "kind": "other"}], "criteria": [{"id": "c1", "name": "A"}],
                       "scores": [{"partner": "p1", "criterion": "c1", "value": 3, "low": 4}]})"),
         "/decision/scores/0/low", "low 4 is above the likely value 3"},
        {"score off the scale", plan_with(R"({"partners": [{"id": "p1", "name": "S", "kind": "other"}],
                       "criteria": [{"id": "c1", "name": "A", "scale_min": 1, "scale_max": 10}],
                       "scores": [{"partner": "p1", "criterion": "c1", "value": 12}]})"),
         "/decision/scores/0/value", "score outside the criterion's scale [1, 10]"},
        {"derived criterion with a score", plan_with(R"({"partners": [{"id": "p1", "name": "S", "kind": "other"}],
                       "criteria": [{"id": "c1", "name": "Cost", "benefit": false, "source": "cost-per-good-part"}],
                       "scores": [{"partner": "p1", "criterion": "c1", "value": 12}]})"),
         "/decision/scores/0/criterion", "is derived (cost-per-good-part): its values come from the partners"},
        {"cost criterion marked as benefit",
         plan_with(R"({"criteria": [{"id": "c1", "name": "Cost", "source": "cost-per-good-part"}]})"),
         "/decision/criteria/0/benefit", "which is a cost criterion: set benefit to false"},
        {"unknown source", plan_with(R"({"criteria": [{"id": "c1", "name": "A", "source": "vibes"}]})"),
         "/decision/criteria/0/source", "unknown value \"vibes\" (accepted: entered, cost-per-good-part"},
        {"split partner missing", plan_with(R"({"split": {"from": "nobody"}})"), "/decision/split/from",
         "refers to partner \"nobody\", which does not exist"},
        {"unknown evidence key",
         plan_with(R"({"partners": [{"id": "p1", "name": "S", "kind": "other", "evidence": {"cpkk": 1.3}}]})"),
         "/decision/partners/0/evidence/cpkk", "unknown field"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        LoadResult r = load_plan(c.text);
        REQUIRE(!r.errors.empty());
        CHECK(r.errors[0].where == c.where);
        CHECK_MESSAGE(r.errors[0].message.find(c.message) != std::string::npos, r.errors[0].message);
    }
}

TEST_CASE("decision analysis: an empty matrix and missing evidence are explained") {
    Plan p;
    DecisionAnalysis a = analyse_decision(p, {});
    REQUIRE(!a.errors.empty());
    CHECK(a.errors[0] == "the decision matrix is empty: add at least one partner");

    p.decision = article_template();
    p.decision.partners[0].evidence.first_article_days.reset();
    p.decision.partners[2].cost.reset();
    a = analyse_decision(p, {});
    REQUIRE(a.errors.size() == 2);
    CHECK(a.errors[0] ==
          "partner \"In-house micro-fab line\", criterion \"Lead time to first article\": derived from "
          "evidence.first_article_days, which is not given");
    CHECK(a.errors[1] ==
          "partner \"Full-service contract manufacturer\", criterion \"All-in cost per good part at planned "
          "volume\": derived from the cost model, but the partner has none");
}

TEST_CASE("decision analysis: the example plan end to end") {
    LoadResult r = load_plan(test::read_file(kExample));
    REQUIRE(r.plan);
    DecisionOptions o;
    o.mc_samples = 2000;
    const DecisionAnalysis a = analyse_decision(*r.plan, o);
    REQUIRE(a.errors.empty());
    CHECK(a.volumes == std::vector<double>{100, 10000, 100000, 100000});
    CHECK(a.cost_partners.size() == 3);
    // CM at 100 000 good parts by hand (yield 0.95 → 105 263.158 started, ≥ 100 000 break at
    // $0.18): NRE 20 000 + revisions 2 × min(16 × 175, 3 000) = 5 600 + capability 2 500 +
    // tooling 12 000 + 5 lots × (5 000 + 400 + 300) = 28 500 + 3 batches × 1 500 = 4 500 +
    // 105 263.158 × 0.18 = 18 947.368 → 92 047.368, i.e. $0.92047 per good part.
    const CostBreakdown& cm = a.costs[2][2];
    CHECK(cm.lots == 5);
    CHECK(cm.batches == 3);
    CHECK(cm.total == doctest::Approx(92047.3684210526).epsilon(1e-12));
    CHECK(cm.per_good_part == doctest::Approx(0.920473684210526).epsilon(1e-12));
    // The boutique and the CM cross more than once (price breaks at 10 000 parts started).
    int pairs_bc = 0;
    for (const auto& c : a.crossovers.crossings)
        if (c.a == 1 && c.b == 2) ++pairs_bc;
    CHECK(pairs_bc == 3);
    CHECK(a.weighted_sum.ranking.order[0] == 2);
    CHECK(a.topsis.ranking.order[0] == 2);
    REQUIRE(a.split);
    CHECK(a.split->to_only_total == doctest::Approx(cm.total));
    CHECK(has_code(a.warnings, "cm-before-design-freeze"));
    CHECK(has_code(a.warnings, "tolerance-without-spc"));
    CHECK(has_code(a.warnings, "cherry-picked-capacity"));
    CHECK(has_code(a.warnings, "capacity-below-demand"));
    CHECK(has_code(a.warnings, "ip-sensitive-outsourced"));
    CHECK(has_code(a.warnings, "audit-by-appointment"));
    const DecisionWarning* m = find_code(a.warnings, "mating-tolerance-mismatch");
    REQUIRE(m);
    CHECK(m->inputs == std::vector<std::string>{"/stacks/0/contributors/0", "/stacks/0/contributors/1"});
    CHECK(m->message.find("tolerances differ 3×") != std::string::npos);
    const DecisionWarning* cap = find_code(a.warnings, "capacity-below-demand");
    CHECK(cap->inputs ==
          std::vector<std::string>{"/decision/partners/1/evidence/monthly_capacity", "/decision/monthly_demand"});
}

TEST_CASE("decision warnings: the article's rules fire on their inputs and name them") {
    WarningInput in;
    in.section = article_template();
    DecisionSection& s = in.section;
    s.planned_volume = 6000;  // 750 a quarter over 8 quarters
    s.part.materials = {"zirconia", "Inconel 718"};
    s.part.bonded = {{"silicon", "Inconel 718"}};
    s.partners[0].evidence.processes = {"laser-nanosecond", "liga"};
    s.partners[1].evidence.cpk = 1.1;
    s.partners[1].evidence.materials_failed = {"alumina"};
    s.litho_vs_direct_write->litho_yield = 0.80;
    in.chosen = 0;  // in-house
    in.chosen_by_decider = true;
    const auto w = decision_warnings(in);
    const DecisionWarning* low = find_code(w, "in-house-low-volume");
    REQUIRE(low);
    CHECK(low->message.find("750 parts per quarter (6000 over 8 quarters)") != std::string::npos);
    CHECK(low->inputs ==
          std::vector<std::string>{"/decision/partners/0/kind", "/decision/chosen", "/decision/planned_volume",
                                   "/decision/programme_quarters"});
    CHECK(has_code(w, "in-house-no-control-plan"));
    CHECK_FALSE(has_code(w, "ip-sensitive-outsourced"));
    int material = 0;
    for (const auto& x : w)
        if (x.code == "material-process-failure") {
            ++material;
            CHECK((x.message.find("microcracks") != std::string::npos ||
                   x.message.find("porosity") != std::string::npos));
        }
    // In-house: zirconia + nanosecond laser, Inconel + LIGA; boutique: zirconia + femtosecond
    // laser; CM: zirconia + nanosecond laser.
    CHECK(material == 4);
    CHECK(has_code(w, "cte-mismatch"));
    CHECK(has_code(w, "cpk-below-1.33"));
    CHECK(has_code(w, "partner-failed-material"));  // alumina failed, zirconia wanted: both ceramics
    CHECK(has_code(w, "photolithography-low-yield"));
    const DecisionWarning* fpy = find_code(w, "first-pass-yield-below-95");
    REQUIRE(fpy);
    CHECK(fpy->message.find("70 %") != std::string::npos);
}

TEST_CASE("decision warnings: AHP inconsistency names the worst judgement") {
    WarningInput in;
    in.section = article_template();
    const std::vector<std::vector<double>> a = {{1, 2, 1.0 / 4}, {0.5, 1, 4}, {4, 0.25, 1}};
    in.ahp = ahp_weights(a);
    REQUIRE(in.ahp->errors.empty());
    CHECK(in.ahp->cr > 0.10);
    const auto w = decision_warnings(in);
    const DecisionWarning* x = find_code(w, "ahp-inconsistent");
    REQUIRE(x);
    CHECK(x->message.find("Saaty (1980)") != std::string::npos);
    CHECK(x->message.find("furthest from the resulting weights") != std::string::npos);
}

TEST_CASE("decision process selector: filters explain why a process is out") {
    ProcessFilter f;
    f.min_feature_mm = 0.010;
    f.materials = {"Inconel 718"};
    f.volume = 500;
    f.vertical_sidewalls = true;
    const auto v = select_processes(f);
    auto find = [&](const char* key) -> const ProcessVerdict& {
        for (const auto& x : v)
            if (std::string(x.process->key) == key) return x;
        FAIL("no such process");
        return v[0];
    };
    CHECK(find("micro-edm").passes);
    CHECK(find("laser-femtosecond").passes);
    CHECK(find("direct-write").passes);
    const ProcessVerdict& liga = find("liga");
    CHECK_FALSE(liga.passes);
    CHECK(std::any_of(liga.reasons.begin(), liga.reasons.end(),
                      [](const std::string& s) { return s.find("porosity") != std::string::npos; }));
    const ProcessVerdict& stamp = find("micro-stamping");
    CHECK_FALSE(stamp.passes);
    CHECK(stamp.reasons[0] == "smallest production feature 50 µm is larger than the part's 10 µm");
    CHECK_FALSE(find("laser-nanosecond").passes);  // 20 µm feature, tapered walls
    CHECK(classify_material("aluminium oxide") == MaterialFamily::Ceramic);
    CHECK(classify_material("6061 aluminium") == MaterialFamily::Metal);
    CHECK(classify_material("silicon carbide") == MaterialFamily::Ceramic);
    CHECK(classify_material("PEEK") == MaterialFamily::Polymer);
    CHECK(known_failure("alumina", "laser-femtosecond").find("microcracks") != std::string::npos);
    CHECK(known_failure("316L stainless", "laser-femtosecond").empty());
}

TEST_CASE("decision analysis: 16 criteria by AHP, a cyclic (wildly inconsistent) matrix is reported so") {
    // The article's 8 criteria plus 8 entered ones (scores 5 on 1–10 for every partner), all
    // judged round a circle: each criterion 9 × more important than the next seven, equal to the
    // one opposite (a_ij = f((j − i) mod 16), f(1..7) = 9, f(8) = 1). Circulant: w_i = 1/16,
    // λmax = 1 + 63 + 1 + 7/9 = 592/9, CI = 448/135 = 3.318519, RI(16) = (1.7699·16 − 4.3513)/15
    // = 1.597807 (Alonso & Lamata 2006), CR = 2.076921. Before: consistent, CR 0, RI −1.
    Plan p;
    p.decision = article_template();
    for (int k = 0; k < 8; ++k) {
        Criterion c;
        c.id = "c-extra-" + std::to_string(k);
        c.name = "Extra " + std::to_string(k);
        c.scale_min = 1.0;
        c.scale_max = 10.0;
        p.decision.criteria.push_back(c);
        for (const auto& partner : p.decision.partners) p.decision.scores.push_back({partner.id, c.id, 5.0, {}, {}});
    }
    REQUIRE(p.decision.criteria.size() == 16);
    p.decision.weighting = Weighting::AHP;
    p.decision.pairwise.clear();
    for (size_t i = 0; i < 16; ++i)
        for (size_t j = i + 1; j < 16; ++j) {
            const size_t k = j - i;
            p.decision.pairwise.push_back({p.decision.criteria[i].id, p.decision.criteria[j].id,
                                           k == 8      ? 1.0
                                               : k < 8 ? 9.0
                                                       : 1.0 / 9.0});
        }
    REQUIRE(check_decision(p.decision).empty());
    DecisionOptions o;
    o.mc_samples = 0;
    const DecisionAnalysis a = analyse_decision(p, o);
    REQUIRE(a.ahp);
    REQUIRE(a.ahp->errors.empty());
    CHECK(a.ahp->lambda_max == doctest::Approx(592.0 / 9).epsilon(1e-12));
    CHECK(a.ahp->ri == doctest::Approx(1.597807).epsilon(1e-6));
    CHECK(a.ahp->cr == doctest::Approx(2.076921).epsilon(1e-6));
    CHECK_FALSE(a.ahp->consistent);
    const nlohmann::json j = decision_json(p, a, o);
    const nlohmann::json& h = j["weights"]["ahp"];
    CHECK(h["consistent"] == false);
    CHECK(h["cr_available"] == true);
    CHECK(h["ri"].get<double>() == doctest::Approx(1.597807).epsilon(1e-6));
    CHECK(h["random_index_table"].get<std::string>().rfind("Alonso & Lamata (2006)", 0) == 0);
    REQUIRE(h["geometric_mean_weights"].size() == 16);
    CHECK(h["geometric_mean_weights"][15]["weight"].get<double>() == doctest::Approx(1.0 / 16).epsilon(1e-12));
    const DecisionWarning* x = find_code(a.warnings, "ahp-inconsistent");
    REQUIRE(x);
    CHECK(x->message.find("Alonso & Lamata") != std::string::npos);
}
