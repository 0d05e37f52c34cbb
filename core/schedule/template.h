// The article's path from design-for-micro-fabrication review to production ramp, as a
// ready-made schedule for a chosen partner kind. Every figure is a default the user edits.
//
//   TemplateOptions o;  o.partner_kind = PartnerKind::Boutique;  o.partner_id = "boutique";
//   TemplateResult t = build_article_template(o);   // t.section, t.assumptions (one line each)
//
// The path (durations in working days, optimistic / most likely / pessimistic):
//   t-dfmf           DFμF review, 2–3 markup rounds: 3 / 4 / 5 for fewer than 10 features at
//                    sub-100 µm tolerance; 10 or more features add a week (+5 to each point).
//   t-first-article  tooling, process development and first-article inspection — a gate:
//                    boutique ≈ 2 weeks (8 / 10 / 15), full-service CM ≈ 8 weeks (35 / 40 / 50);
//                    in-house / other: no figure in the article, 10 / 20 / 40 assumed.
//                    On failure: a fix-up loop (boutique 5 / 7 / 10, CM 10 / 15 / 20, assumed).
//                    "Assume the first batch fails" sets assume_first_fails on this gate.
//   t-pilot          pilot run of 100–500 parts, every fifth measured, 3–6 weeks (15 / 20 / 30),
//                    a gate at Cpk ≥ 1.33 (pass probability from the Cpk estimate, gate.h); on
//                    failure a process correction (5 / 10 / 15, assumed) and the pilot re-run.
//   t-ramp           ramp with SPC to ≥ 95 % first-pass yield, 4–8 weeks (20 / 30 / 40).
//   m-samples        milestone: production samples (after the pilot gate passes), target optional.
//   m-production     milestone: sustained-rate production, target optional.
// Options: a partner switch mid-project (+4–8 weeks: t-switch 20 / 30 / 40, between the first
// article and the pilot); a second partner for scale (after the pilot passes, the frozen
// recipe goes to the second partner: first article 35 / 40 / 50 with its own gate, then its
// ramp 20 / 30 / 40 in parallel with the first partner's ramp — a merge point).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "decision/decision_model.h"
#include "schedule/schedule_model.h"

namespace mf {

struct TemplateOptions {
    PartnerKind partner_kind = PartnerKind::Boutique;
    std::string partner_id;                       // written into every task of the main path
    int feature_count = 8;                        // features at sub-100 µm tolerance
    double first_article_pass_probability = 0.8;  // assumed, editable
    CpkCriterion pilot_cpk{1.5, 60, 1.33};        // estimate, parts measured (300 parts / 5), threshold
    bool assume_first_batch_fails = false;
    bool switch_partner_mid_project = false;
    std::string switch_to_partner_id;  // partner of the tasks after the switch
    bool second_partner_for_scale = false;
    std::string second_partner_id;
    std::optional<Date> samples_target;  // e.g. production samples by week 12
    std::optional<Date> production_target;
};

struct TemplateResult {
    ScheduleSection section;
    std::vector<std::string> assumptions;  // one sentence per figure not taken from the article
    std::vector<std::string> errors;
};

TemplateResult build_article_template(const TemplateOptions& o);

}  // namespace mf
