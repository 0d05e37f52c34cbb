#include "schedule/template.h"

namespace mf {

namespace {

Task make(const char* id, const char* name, TaskKind kind, ThreePoint d, std::vector<std::string> preds,
          const std::string& partner) {
    Task t;
    t.id = id;
    t.name = name;
    t.kind = kind;
    t.optimistic = d.optimistic;
    t.most_likely = d.most_likely;
    t.pessimistic = d.pessimistic;
    t.partner_id = partner;
    for (auto& p : preds) t.predecessors.push_back({std::move(p)});
    return t;
}

}  // namespace

TemplateResult build_article_template(const TemplateOptions& o) {
    TemplateResult r;
    if (o.feature_count < 1) r.errors.push_back("feature count must be at least 1");
    if (!(o.first_article_pass_probability >= 0 && o.first_article_pass_probability <= 1))
        r.errors.push_back("first-article pass probability must be in [0, 1]");
    if (o.switch_partner_mid_project && o.switch_to_partner_id.empty())
        r.errors.push_back("switching partner needs the partner switched to");
    if (o.second_partner_for_scale && o.second_partner_id.empty())
        r.errors.push_back("a second partner for scale needs that partner");
    if (!r.errors.empty()) return r;

    const bool cm = o.partner_kind == PartnerKind::FullServiceCM;
    const bool boutique = o.partner_kind == PartnerKind::Boutique;
    auto& tasks = r.section.tasks;

    // Step 1: DFμF review.
    const double extra = o.feature_count >= 10 ? 5 : 0;
    tasks.push_back(make(
        "t-dfmf",
        o.feature_count >= 10 ? "DFμF review, 10+ features (2–3 markup rounds)" : "DFμF review (2–3 markup rounds)",
        TaskKind::Task, {3 + extra, 4 + extra, 5 + extra}, {}, o.partner_id));

    // Step 2: tooling, process development, first article — a gate at first-article inspection.
    ThreePoint fa = cm ? ThreePoint{35, 40, 50} : boutique ? ThreePoint{8, 10, 15} : ThreePoint{10, 20, 40};
    Task first = make("t-first-article", "Tooling, process development & first-article inspection", TaskKind::Gate, fa,
                      {"t-dfmf"}, o.partner_id);
    first.gate.pass_probability = o.first_article_pass_probability;
    first.gate.rework = cm ? ThreePoint{10, 15, 20} : ThreePoint{5, 7, 10};
    first.gate.max_loops = 3;
    first.gate.assume_first_fails = o.assume_first_batch_fails;
    tasks.push_back(std::move(first));
    if (!boutique && !cm)
        r.assumptions.push_back(
            "First article for an in-house or other partner: 10 / 20 / 40 working days "
            "(the article gives figures for boutique and CM only).");
    r.assumptions.push_back("First-article inspection passes with probability " +
                            std::to_string(o.first_article_pass_probability).substr(0, 4) +
                            "; a failure costs a fix-up loop of " + (cm ? "10 / 15 / 20" : "5 / 7 / 10") +
                            " working days, at most 3 loops.");

    std::string pilot_pred = "t-first-article";
    std::string later_partner = o.partner_id;
    if (o.switch_partner_mid_project) {
        tasks.push_back(make("t-switch", "Partner switch: duplicate tool path, fixtures, lot traceability",
                             TaskKind::Task, {20, 30, 40}, {"t-first-article"}, o.switch_to_partner_id));
        pilot_pred = "t-switch";
        later_partner = o.switch_to_partner_id;
    }

    // Step 3: pilot run with the Cpk gate.
    Task pilot = make("t-pilot", "Pilot run, 100–500 parts, every 5th measured (Cpk ≥ 1.33 gate)", TaskKind::Gate,
                      {15, 20, 30}, {pilot_pred}, later_partner);
    pilot.gate.cpk = o.pilot_cpk;
    pilot.gate.rework = {5, 10, 15};
    pilot.gate.repeat = {"t-pilot"};
    pilot.gate.max_loops = 2;
    tasks.push_back(std::move(pilot));
    r.assumptions.push_back(
        "A failed pilot gate costs a process correction of 5 / 10 / 15 working days and a "
        "re-run of the pilot, at most 2 loops.");

    // Step 4: ramp.
    tasks.push_back(make("t-ramp", "Ramp with SPC to ≥ 95 % first-pass yield", TaskKind::Task, {20, 30, 40},
                         {"t-pilot"}, later_partner));

    Task samples =
        make("m-samples", "Production samples (pilot gate passed)", TaskKind::Milestone, {0, 0, 0}, {"t-pilot"}, "");
    samples.target = o.samples_target;
    tasks.push_back(std::move(samples));

    std::vector<std::string> ramps{"t-ramp"};
    if (o.second_partner_for_scale) {
        Task sfa = make("t-scale-first-article", "Second partner: tooling & first article from the frozen recipe",
                        TaskKind::Gate, {35, 40, 50}, {"t-pilot"}, o.second_partner_id);
        sfa.gate.pass_probability = o.first_article_pass_probability;
        sfa.gate.rework = {10, 15, 20};
        sfa.gate.max_loops = 3;
        tasks.push_back(std::move(sfa));
        tasks.push_back(make("t-scale-ramp", "Second partner: ramp with SPC to ≥ 95 % first-pass yield", TaskKind::Task,
                             {20, 30, 40}, {"t-scale-first-article"}, o.second_partner_id));
        ramps.push_back("t-scale-ramp");
        r.assumptions.push_back(
            "The second partner starts from the recipe proven in the pilot (transfer after "
            "the pilot gate), with CM lead times.");
    }
    Task prod = make("m-production", "Sustained-rate production", TaskKind::Milestone, {0, 0, 0}, ramps, "");
    prod.target = o.production_target;
    tasks.push_back(std::move(prod));
    return r;
}

}  // namespace mf
