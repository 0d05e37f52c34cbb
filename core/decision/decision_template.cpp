#include "decision/decision_template.h"

namespace mf {

std::vector<Criterion> article_criteria() {
    auto crit = [](const char* id, const char* name, double w, bool benefit, ScoreSource src, const char* unit,
                   bool scaled) {
        Criterion c;
        c.id = id;
        c.name = name;
        c.weight = w;
        c.benefit = benefit;
        c.source = src;
        c.unit = unit;
        if (scaled) {
            c.scale_min = 1;
            c.scale_max = 10;
        }
        return c;
    };
    return {
        crit("c-capability", "Tolerance capability & process qualification", 0.25, true, ScoreSource::Entered, "1–10",
             true),
        crit("c-first-article", "Lead time to first article", 0.15, false, ScoreSource::FirstArticleDays, "days",
             false),
        crit("c-throughput", "Steady-state throughput", 0.10, true, ScoreSource::MonthlyCapacity, "parts/month", false),
        crit("c-ip", "IP protection & audit rights", 0.10, true, ScoreSource::Entered, "1–10", true),
        crit("c-cost", "All-in cost per good part at planned volume", 0.20, false, ScoreSource::CostPerGoodPart,
             "$/part", false),
        crit("c-iteration", "Iteration flexibility", 0.08, true, ScoreSource::Entered, "1–10", true),
        crit("c-material", "Material / process fit", 0.07, true, ScoreSource::Entered, "1–10", true),
        crit("c-transfer", "Transfer risk", 0.05, false, ScoreSource::Entered, "1–10", true),
    };
}

DecisionSection article_template() {
    DecisionSection s;
    s.planned_volume = 100000;
    s.programme_quarters = 8;
    s.monthly_demand = 4200;
    s.design_frozen = false;
    s.ip_sensitive = true;
    s.part.min_feature_mm = 0.050;
    s.part.materials = {"316L stainless"};
    s.part.vertical_sidewalls = true;
    s.litho_vs_direct_write = LithoVsDirectWrite{};

    Partner in;
    in.id = "inhouse";
    in.name = "In-house micro-fab line";
    in.kind = PartnerKind::InHouse;
    in.notes = "ISO Class 5 cleanroom, two process engineers; no documented process-control plan yet.";
    in.evidence.tolerance_mm = 0.015;
    in.evidence.first_article_days = 90;
    in.evidence.production_lead_days = 21;
    in.evidence.monthly_capacity = 10000;
    in.evidence.audit = AuditRights::Unannounced;
    in.evidence.ip_terms = "Process stays behind our own walls.";
    in.evidence.materials_run = {"316L stainless", "silicon"};
    in.evidence.processes = {"micro-edm", "photolithography-etch"};
    in.evidence.applications_engineer = true;
    in.evidence.transfer_docs = true;
    in.evidence.process_control_plan = false;
    {
        CostModel c;
        c.nre = 30000;  // process development
        c.revisions = 3;
        c.revision_hours = 40;
        c.hourly_rate = 150;
        c.price_breaks = {{100, 6.00}, {10000, 0.90}, {100000, 0.15}};  // material and machine time
        c.first_pass_yield = 0.70;
        c.requalification_per_batch = 4000;  // the hidden tax of every material-batch swap
        c.material_batch_size = 20000;
        c.capital = 900000;  // die bonder, etcher, cleanroom fit-out
        c.cleanroom_per_quarter = 45000;
        c.staff_per_quarter = 90000;  // two PhD-level process engineers
        in.cost = c;
    }

    Partner bq;
    bq.id = "boutique";
    bq.name = "Boutique micro-machining shop";
    bq.kind = PartnerKind::Boutique;
    bq.notes = "First article in about 2 weeks; caps at about 500 parts a month.";
    bq.evidence.tolerance_mm = 0.005;
    bq.evidence.cpk = 1.67;
    bq.evidence.spc_data_shown = false;
    bq.evidence.first_article_days = 14;
    bq.evidence.production_lead_days = 42;
    bq.evidence.monthly_capacity = 500;
    bq.evidence.audit = AuditRights::Notice24h;
    bq.evidence.ip_terms = "NDA; small team, fewer hands on the files.";
    bq.evidence.materials_run = {"316L stainless", "nitinol"};
    bq.evidence.materials_failed = {"zirconia"};
    bq.evidence.processes = {"laser-femtosecond", "micro-edm"};
    bq.evidence.applications_engineer = true;
    bq.evidence.transfer_docs = false;
    {
        CostModel c;
        c.nre = 8000;     // low end of the article's $8–30k
        c.revisions = 6;  // "they budget for three revision spins; reality eats six"
        c.revision_hours = 10;
        c.hourly_rate = 200;  // article: $150–250/h
        c.revision_cap = 1500;
        c.setup_per_lot = 500;
        c.lot_size = 500;
        c.price_breaks = {{100, 30.00}, {10000, 2.75}, {100000, 0.45}};  // 2–3× the CM
        c.first_pass_yield = 0.30;                                       // honest low first-run yield
        c.rework_cost = 8;
        c.rework_success = 0.80;
        c.capability_study = 0;  // the 50-piece study for free
        c.shipping_per_lot = 150;
        bq.cost = c;
    }

    Partner cm;
    cm.id = "cm";
    cm.name = "Full-service contract manufacturer";
    cm.kind = PartnerKind::FullServiceCM;
    cm.notes = "First article in about 8 weeks; then about 5 000 parts a week.";
    cm.evidence.tolerance_mm = 0.010;
    cm.evidence.cpk = 1.33;
    cm.evidence.spc_data_shown = true;
    cm.evidence.first_article_days = 56;
    cm.evidence.production_lead_days = 14;
    cm.evidence.monthly_capacity = 20000;
    cm.evidence.audit = AuditRights::ByAppointment;
    cm.evidence.ip_terms = "Standard NDA; digital-file destruction policy not stated.";
    cm.evidence.materials_run = {"316L stainless", "PEEK"};
    cm.evidence.processes = {"micro-stamping", "micro-molding", "laser-nanosecond"};
    cm.evidence.applications_engineer = false;
    cm.evidence.transfer_docs = true;
    cm.evidence.process_control_plan = true;
    {
        CostModel c;
        c.nre = 20000;
        c.revisions = 2;  // "budget for two revision cycles"
        c.revision_hours = 16;
        c.hourly_rate = 175;
        c.revision_cap = 3000;
        c.setup_per_lot = 5000;  // article: a $5 000 setup fee
        c.lot_size = 25000;
        c.tooling = 12000;
        c.tooling_life = 250000;
        c.price_breaks = {{100, 12.00}, {10000, 1.10}, {100000, 0.18}};  // article: $12 at 100, $0.18 at 100k
        c.first_pass_yield = 0.95;
        c.inspection_per_lot = 300;
        c.capability_study = 2500;  // the CM charges for it: pay it
        c.shipping_per_lot = 400;
        c.requalification_per_batch = 1500;
        c.material_batch_size = 50000;
        cm.cost = c;
    }
    s.partners = {in, bq, cm};
    s.criteria = article_criteria();

    auto score = [&](const char* p, const char* c, double lo, double v, double hi) {
        Score x;
        x.partner_id = p;
        x.criterion_id = c;
        x.value = v;
        x.low = lo;
        x.high = hi;
        s.scores.push_back(x);
    };
    score("inhouse", "c-capability", 4, 6, 7);
    score("boutique", "c-capability", 6, 8, 9);
    score("cm", "c-capability", 6, 7, 8);
    score("inhouse", "c-ip", 8, 9, 10);
    score("boutique", "c-ip", 4, 6, 7);
    score("cm", "c-ip", 3, 4, 6);
    score("inhouse", "c-iteration", 5, 7, 8);
    score("boutique", "c-iteration", 8, 9, 10);
    score("cm", "c-iteration", 2, 3, 4);
    score("inhouse", "c-material", 5, 6, 7);
    score("boutique", "c-material", 7, 8, 9);
    score("cm", "c-material", 5, 6, 7);
    score("inhouse", "c-transfer", 2, 3, 4);
    score("boutique", "c-transfer", 5, 7, 8);
    score("cm", "c-transfer", 2, 3, 5);
    return s;
}

}  // namespace mf
