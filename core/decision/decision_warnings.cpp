#include "decision/decision_warnings.h"

#include <cmath>
#include <cstdio>

namespace mf {

static std::string g(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}
static std::string pct(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g %%", std::round(v * 1000) / 10);
    return buf;
}
static std::string partner_path(size_t i) { return "/decision/partners/" + std::to_string(i); }

using Warnings = std::vector<DecisionWarning>;

static void add(Warnings& w, const char* code, std::string message, std::vector<std::string> inputs) {
    w.push_back({code, std::move(message), std::move(inputs)});
}

// Rules on the chosen (or top-ranked) partner: design freeze, in-house readiness, IP, audit, yield.
static void chosen_partner_warnings(const WarningInput& in, Warnings& w) {
    const DecisionSection& s = in.section;
    const bool have_chosen = in.chosen >= 0 && in.chosen < static_cast<int>(s.partners.size());
    const std::string chosen_from = in.chosen_by_decider ? "/decision/chosen" : "top of the weighted-sum ranking";
    const std::string chosen_how = in.chosen_by_decider ? "chosen" : "ranked first";
    if (!have_chosen) return;

    const Partner& c = s.partners[in.chosen];
    const std::string cp = partner_path(in.chosen);
    std::vector<std::string> base{cp + "/kind"};
    if (in.chosen_by_decider) base.push_back("/decision/chosen");
    if (c.kind == PartnerKind::FullServiceCM && s.design_frozen && !*s.design_frozen) {
        auto inputs = base;
        inputs.push_back("/decision/design_frozen");
        add(w, "cm-before-design-freeze",
            "\"" + c.name + "\" (full-service CM) is " + chosen_how +
                " but the design is not frozen: CMs lock the "
                "process and charge for every change; iterate with a boutique first and transfer a frozen recipe.",
            inputs);
    }
    if (c.kind == PartnerKind::InHouse) {
        if (!c.evidence.process_control_plan) {
            auto inputs = base;
            inputs.push_back(cp + "/evidence/process_control_plan");
            add(w, "in-house-no-control-plan",
                "in-house \"" + c.name + "\" is " + chosen_how +
                    " without a documented process-control plan: start "
                    "in-house only with one in place before the first prototype ships; otherwise a boutique that "
                    "already owns the metrology is safer.",
                inputs);
        }
        const double per_quarter =
            s.programme_quarters > 0 ? s.planned_volume / s.programme_quarters : s.planned_volume;
        if (per_quarter < kInHouseMinPerQuarter) {
            auto inputs = base;
            inputs.push_back("/decision/planned_volume");
            inputs.push_back("/decision/programme_quarters");
            add(w, "in-house-low-volume",
                "in-house \"" + c.name + "\" is " + chosen_how + " at " + g(std::round(per_quarter)) +
                    " parts per quarter (" + g(s.planned_volume) + " over " + g(s.programme_quarters) +
                    " quarters): below a few thousand per quarter (threshold " + g(kInHouseMinPerQuarter) +
                    ") the fixed costs of a micro-fab are brutal.",
                inputs);
        }
    }
    if (s.ip_sensitive && s.planned_volume >= kIpSensitiveVolume && c.kind != PartnerKind::InHouse) {
        auto inputs = base;
        inputs.push_back("/decision/ip_sensitive");
        inputs.push_back("/decision/planned_volume");
        add(w, "ip-sensitive-outsourced",
            "the design is IP-sensitive and the volume is " + g(s.planned_volume) + " (>= " + g(kIpSensitiveVolume) +
                ") but \"" + c.name + "\" (" + partner_kind_name(c.kind) + ") is " + chosen_how +
                ": at this volume in-house tooling amortisation can beat a CM's margin and keeps the process behind "
                "your walls.",
            inputs);
    }
    if (s.ip_sensitive && c.kind != PartnerKind::InHouse &&
        (c.evidence.audit == AuditRights::ByAppointment || c.evidence.audit == AuditRights::None)) {
        auto inputs = base;
        inputs.push_back("/decision/ip_sensitive");
        inputs.push_back(cp + "/evidence/audit");
        add(w, "audit-by-appointment",
            "\"" + c.name + "\" allows audits only " +
                (c.evidence.audit == AuditRights::None ? std::string("never") : std::string("by appointment")) +
                " and the design is IP-sensitive: that is a staged tour, not audit rights; push for 24-hour notice.",
            inputs);
    }
    if (c.cost && c.cost->first_pass_yield < kFirstPassYieldTarget) {
        auto inputs = base;
        inputs.push_back(cp + "/cost/first_pass_yield");
        add(w, "first-pass-yield-below-95",
            "\"" + c.name + "\" is " + chosen_how + " with a first-pass yield of " + pct(c.cost->first_pass_yield) +
                ": set a first-pass yield target of at least 95 % for the production ramp.",
            inputs);
    }
}

// Rules on each partner's evidence and cost model.
static void partner_evidence_warnings(const DecisionSection& s, Warnings& w) {
    for (size_t i = 0; i < s.partners.size(); ++i) {
        const Partner& p = s.partners[i];
        const PartnerEvidence& e = p.evidence;
        const std::string pp = partner_path(i);
        if ((e.tolerance_mm || e.cpk) && !e.spc_data_shown) {
            std::vector<std::string> inputs;
            std::string claim;
            if (e.tolerance_mm) {
                inputs.push_back(pp + "/evidence/tolerance_mm");
                claim = "±" + g(*e.tolerance_mm * 1000) + " µm";
            }
            if (e.cpk) {
                inputs.push_back(pp + "/evidence/cpk");
                claim += (claim.empty() ? "" : " at ") + std::string("Cpk ") + g(*e.cpk);
            }
            inputs.push_back(pp + "/evidence/spc_data_shown");
            add(w, "tolerance-without-spc",
                "\"" + p.name + "\" claims " + claim +
                    " but has shown no raw SPC data: ask for run charts of recent jobs "
                    "of similar geometry; without them you are buying hope, not capability.",
                inputs);
        }
        if (e.cpk && *e.cpk < kCpkMinimum)
            add(w, "cpk-below-1.33",
                "\"" + p.name + "\" demonstrated Cpk " + g(*e.cpk) + " (< 1.33): do not ramp on it; returns follow.",
                {pp + "/evidence/cpk"});
        if (e.first_article_days && e.production_lead_days && *e.first_article_days > 0 &&
            *e.production_lead_days >= kCherryPickRatio * *e.first_article_days)
            add(w, "cherry-picked-capacity",
                "\"" + p.name + "\" delivers a first article in " + g(*e.first_article_days) + " days but needs " +
                    g(*e.production_lead_days) + " days for a production order (>= " + g(kCherryPickRatio) +
                    "×): the prototype capacity was probably cherry-picked; ask for the cycle time at 10k units.",
                {pp + "/evidence/first_article_days", pp + "/evidence/production_lead_days"});
        if (e.monthly_capacity && s.monthly_demand && *e.monthly_capacity < *s.monthly_demand)
            add(w, "capacity-below-demand",
                "\"" + p.name + "\" (" + partner_kind_name(p.kind) + ") can make " + g(*e.monthly_capacity) +
                    " parts a month, below the demand of " + g(*s.monthly_demand) +
                    ": plan a second partner for scale or a transfer.",
                {pp + "/evidence/monthly_capacity", "/decision/monthly_demand"});
        for (size_t k = 0; k < e.processes.size(); ++k)
            for (size_t m = 0; m < s.part.materials.size(); ++m) {
                const std::string why = known_failure(s.part.materials[m], e.processes[k]);
                if (!why.empty())
                    add(w, "material-process-failure",
                        "\"" + p.name + "\" runs " + e.processes[k] + " and the part is " + s.part.materials[m] + ": " +
                            why + ".",
                        {pp + "/evidence/processes/" + std::to_string(k),
                         "/decision/part/materials/" + std::to_string(m)});
            }
        for (size_t k = 0; k < e.materials_failed.size(); ++k)
            for (size_t m = 0; m < s.part.materials.size(); ++m)
                if (classify_material(e.materials_failed[k]) != MaterialFamily::Unknown &&
                    classify_material(e.materials_failed[k]) == classify_material(s.part.materials[m]))
                    add(w, "partner-failed-material",
                        "\"" + p.name + "\" has failed with " + e.materials_failed[k] + " (" +
                            material_family_name(classify_material(e.materials_failed[k])) + ", like the part's " +
                            s.part.materials[m] + "): ask what they changed since; test three coupons before a lot.",
                        {pp + "/evidence/materials_failed/" + std::to_string(k),
                         "/decision/part/materials/" + std::to_string(m)});
        if (p.cost && p.cost->revisions > 0 && !p.cost->revision_cap)
            add(w, "no-revision-cap",
                "\"" + p.name + "\" expects " + g(p.cost->revisions) +
                    " revision cycles with no per-revision cap: get a cap in writing (tweaks after the first run are "
                    "hourly).",
                {pp + "/cost/revisions", pp + "/cost/revision_cap"});
        if (p.cost && p.cost->revisions < kRevisionsToBudget)
            add(w, "few-revisions-budgeted",
                "\"" + p.name + "\" has " + g(p.cost->revisions) +
                    " revision cycles budgeted: budget for at least two before quoting a per-part price.",
                {pp + "/cost/revisions"});
    }
}

// Rules on the part: bonded materials and mating tolerances across partners.
static void part_warnings(const WarningInput& in, Warnings& w) {
    const DecisionSection& s = in.section;
    for (size_t k = 0; k < s.part.bonded.size(); ++k) {
        const auto& b = s.part.bonded[k];
        const MaterialFamily fa = classify_material(b.a), fb = classify_material(b.b);
        if ((fa == MaterialFamily::Silicon && fb == MaterialFamily::Superalloy) ||
            (fa == MaterialFamily::Superalloy && fb == MaterialFamily::Silicon))
            add(w, "cte-mismatch",
                b.a + " bonded to " + b.b +
                    ": the thermal-expansion mismatch alone can crack the joint under vibration; "
                    "choose a partner that has failed with this pair before, not only succeeded.",
                {"/decision/part/bonded/" + std::to_string(k)});
    }

    for (const auto& m : in.mating) {
        const double lo = std::min(m.tol_a, m.tol_b), hi = std::max(m.tol_a, m.tol_b);
        if (lo > 0 && hi >= kMatingToleranceRatio * lo)
            add(w, "mating-tolerance-mismatch",
                "in stack \"" + m.stack + "\", \"" + m.name_a + "\" (±" + g(m.tol_a * 1000) + " µm, partner \"" +
                    m.partner_a + "\") mates with \"" + m.name_b + "\" (±" + g(m.tol_b * 1000) + " µm, partner \"" +
                    m.partner_b + "\"): tolerances differ " + g(std::round(hi / lo * 10) / 10) +
                    "×; agree how both partners measure (temperature, gauge, CMM) before the first lot.",
                {m.where_a, m.where_b});
    }
}

// Rules on the analysis: AHP consistency, ties, methods that disagree, the split, lithography yield.
static void analysis_warnings(const WarningInput& in, Warnings& w) {
    const DecisionSection& s = in.section;
    if (in.ahp && in.ahp->errors.empty() && in.ahp->cr_available && !in.ahp->consistent) {
        std::string worst;
        std::vector<std::string> inputs{"/decision/pairwise"};
        if (in.ahp->worst_i >= 0 && in.ahp->worst_i < static_cast<int>(s.criteria.size()) &&
            in.ahp->worst_j < static_cast<int>(s.criteria.size())) {
            const auto& a = s.criteria[in.ahp->worst_i];
            const auto& b = s.criteria[in.ahp->worst_j];
            worst = "; the judgement furthest from the resulting weights is \"" + a.name + "\" vs \"" + b.name +
                "\": " + g(in.ahp->worst_given) + " given, " + g(std::round(in.ahp->worst_implied * 100) / 100) +
                " implied";
            for (size_t k = 0; k < s.pairwise.size(); ++k)
                if ((s.pairwise[k].a == a.id && s.pairwise[k].b == b.id) ||
                    (s.pairwise[k].a == b.id && s.pairwise[k].b == a.id))
                    inputs = {"/decision/pairwise/" + std::to_string(k)};
        }
        add(w, "ahp-inconsistent",
            "the pairwise judgements are inconsistent: CR = " + g(std::round(in.ahp->cr * 1000) / 1000) +
                " > 0.10 (RI " + g(in.ahp->ri) + ", " + in.ahp->random_index_table + ")" + worst +
                ". Review the judgements.",
            inputs);
    }
    if (in.ranking_top_tied)
        add(w, "top-tied",
            "two or more partners tie for first in the weighted sum: the ranking does not decide; look at "
            "the flip weights and the rank-first probabilities.",
            {"/decision/criteria", "/decision/scores"});
    if (in.weighted_sum_top >= 0 && in.topsis_top >= 0 && in.weighted_sum_top != in.topsis_top)
        add(w, "methods-disagree",
            "weighted sum ranks \"" + s.partners[in.weighted_sum_top].name + "\" first, TOPSIS \"" +
                s.partners[in.topsis_top].name + "\": the choice depends on the method; treat it as close.",
            {"/decision/criteria", "/decision/scores"});
    if (in.split_from >= 0 && in.split_from < static_cast<int>(s.partners.size()) &&
        !s.partners[in.split_from].evidence.transfer_docs)
        add(w, "no-transfer-docs",
            "the split plan transfers from \"" + s.partners[in.split_from].name +
                "\", which has not agreed to provide process-transfer documentation: expect the CM to rediscover the "
                "undocumented workarounds (budget the 4–8 weeks).",
            {partner_path(in.split_from) + "/evidence/transfer_docs", "/decision/split"});
    if (s.litho_vs_direct_write && s.litho_vs_direct_write->litho_yield < kLithoYieldRule)
        add(w, "photolithography-low-yield",
            "photolithography yield " + pct(s.litho_vs_direct_write->litho_yield) +
                " is below 85 %: the article's rule of thumb says the volume advantage over direct write flips; check "
                "the computed flip yield.",
            {"/decision/litho_vs_direct_write/litho_yield"});
}

std::vector<DecisionWarning> decision_warnings(const WarningInput& in) {
    Warnings w;
    chosen_partner_warnings(in, w);
    partner_evidence_warnings(in.section, w);
    part_warnings(in, w);
    analysis_warnings(in, w);
    return w;
}

}  // namespace mf
