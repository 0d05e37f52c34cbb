// Plan-file form of the decision section (every key optional unless marked *):
//   "decision": {
//     "planned_volume": 10000, "programme_quarters": 4, "monthly_demand": 4000,
//     "design_frozen": false, "ip_sensitive": true, "chosen": "boutique",
//     "weighting": "direct" | "ahp", "pairwise": [ {"a"*, "b"*, "ratio"*} ],
//     "topsis_normalisation": "vector" | "min-max",
//     "partners": [ {"id"*, "name"*, "kind"*, "notes", "evidence": {...}, "cost": {...}} ],
//     "criteria": [ {"id"*, "name"*, "weight", "benefit", "source", "scale_min", "scale_max", "unit"} ],
//     "scores":   [ {"partner"*, "criterion"*, "value"*, "low", "high"} ],
//     "part": {"min_feature_mm", "materials", "vertical_sidewalls", "bonded": [{"a", "b"}]},
//     "split": {"from", "to", "transfer_cost_low", "transfer_cost_high", "delay_weeks_low",
//               "delay_weeks_high", "delay_cost_per_week"},
//     "litho_vs_direct_write": {"mask_cost", "mask_revisions", "litho_setup", "litho_cost_per_part",
//               "litho_yield", "dw_setup", "dw_hours_per_part", "dw_hourly_rate", "dw_yield"} }
// The evidence and cost keys are the field names of PartnerEvidence and CostModel.
//
// [SECTION] Names of enumerations
// [SECTION] Reading
// [SECTION] Writing
// [SECTION] Checks
#include <cmath>
#include <map>
#include <set>

#include "base/issue_cap.h"
#include "plan/section_json.h"

namespace mf {

// [SECTION] Names of enumerations ------------------------------------------------------

static const std::initializer_list<std::pair<const char*, PartnerKind>> kPartnerKinds = {
    {"in-house", PartnerKind::InHouse},
    {"boutique", PartnerKind::Boutique},
    {"full-service-cm", PartnerKind::FullServiceCM},
    {"other", PartnerKind::Other},
};
static const std::initializer_list<std::pair<const char*, AuditRights>> kAuditRights = {
    {"unknown", AuditRights::Unknown},
    {"unannounced", AuditRights::Unannounced},
    {"notice-24h", AuditRights::Notice24h},
    {"by-appointment", AuditRights::ByAppointment},
    {"none", AuditRights::None},
};
static const std::initializer_list<std::pair<const char*, ScoreSource>> kScoreSources = {
    {"entered", ScoreSource::Entered},
    {"cost-per-good-part", ScoreSource::CostPerGoodPart},
    {"first-article-days", ScoreSource::FirstArticleDays},
    {"production-lead-days", ScoreSource::ProductionLeadDays},
    {"monthly-capacity", ScoreSource::MonthlyCapacity},
    {"demonstrated-cpk", ScoreSource::DemonstratedCpk},
    {"audit-rights", ScoreSource::AuditRights},
};
static const std::initializer_list<std::pair<const char*, Weighting>> kWeightings = {{"direct", Weighting::Direct},
                                                                                     {"ahp", Weighting::AHP}};
static const std::initializer_list<std::pair<const char*, TopsisNormalisation>> kTopsisNorms = {
    {"vector", TopsisNormalisation::Vector}, {"min-max", TopsisNormalisation::MinMax}};

template <class E>
static const char* key_of(E v, std::initializer_list<std::pair<const char*, E>> names) {
    for (const auto& [name, value] : names)
        if (value == v) return name;
    return names.begin()->first;
}

const char* partner_kind_key(PartnerKind k) { return key_of(k, kPartnerKinds); }
const char* audit_rights_key(AuditRights a) { return key_of(a, kAuditRights); }
const char* score_source_key(ScoreSource s) { return key_of(s, kScoreSources); }

// [SECTION] Reading --------------------------------------------------------------------

static constexpr double kMoneyMax = 1e12;  // any single amount above this is a typo

static void read_strings(const json& j, const std::string& path, const char* key, JsonReader& r,
                         std::vector<std::string>& out) {
    const json* arr = r.array(j, path, key, Need::Optional, kMaxListEntries, "entries", "a list");
    if (!arr) return;
    const std::string apath = JsonReader::child(path, key);
    for (size_t i = 0; i < arr->size(); ++i) {
        if (!(*arr)[i].is_string()) {
            r.error(JsonReader::child(apath, i), std::string("expected a string, found ") + json_type_name((*arr)[i]));
            continue;
        }
        out.push_back((*arr)[i].get<std::string>());
    }
}

static void read_evidence(const json& e, const std::string& p, JsonReader& r, PartnerEvidence& x) {
    if (!r.begin_object(e, p)) return;
    r.optional_number(e, p, "tolerance_mm", x.tolerance_mm, 0, 1000);
    r.optional_number(e, p, "cpk", x.cpk, -100, 100);
    r.boolean(e, p, "spc_data_shown", x.spc_data_shown, Need::Optional);
    r.optional_number(e, p, "first_article_days", x.first_article_days, 0, 1e5);
    r.optional_number(e, p, "production_lead_days", x.production_lead_days, 0, 1e5);
    r.optional_number(e, p, "cycle_time_min", x.cycle_time_min, 0, 1e7);
    r.optional_number(e, p, "monthly_capacity", x.monthly_capacity, 0, 1e12);
    r.enumeration(e, p, "audit", x.audit, Need::Optional, kAuditRights);
    r.string(e, p, "ip_terms", x.ip_terms, Need::Optional);
    read_strings(e, p, "materials_run", r, x.materials_run);
    read_strings(e, p, "materials_failed", r, x.materials_failed);
    read_strings(e, p, "processes", r, x.processes);
    r.boolean(e, p, "applications_engineer", x.applications_engineer, Need::Optional);
    r.boolean(e, p, "transfer_docs", x.transfer_docs, Need::Optional);
    r.boolean(e, p, "process_control_plan", x.process_control_plan, Need::Optional);
    r.end_object(e, p);
}

static void read_cost(const json& c, const std::string& p, JsonReader& r, CostModel& m) {
    if (!r.begin_object(c, p)) return;
    // Ranges here only keep numbers sane; the meaningful limits (yield in (0, 1], ...) are
    // checked by check_cost_model with messages that say why.
    const double lo = -kMoneyMax, hi = kMoneyMax;
    r.number(c, p, "nre", m.nre, Need::Optional, lo, hi);
    r.number(c, p, "nre_material_uplift", m.nre_material_uplift, Need::Optional, lo, hi);
    r.number(c, p, "revisions", m.revisions, Need::Optional, lo, hi);
    r.number(c, p, "revision_hours", m.revision_hours, Need::Optional, lo, hi);
    r.number(c, p, "hourly_rate", m.hourly_rate, Need::Optional, lo, hi);
    r.number(c, p, "revision_fixed", m.revision_fixed, Need::Optional, lo, hi);
    r.optional_number(c, p, "revision_cap", m.revision_cap, lo, hi);
    r.number(c, p, "setup_per_lot", m.setup_per_lot, Need::Optional, lo, hi);
    r.number(c, p, "lot_size", m.lot_size, Need::Optional, lo, hi);
    r.number(c, p, "tooling", m.tooling, Need::Optional, lo, hi);
    r.number(c, p, "tooling_life", m.tooling_life, Need::Optional, lo, hi);
    if (const json* arr =
            r.array(c, p, "price_breaks", Need::Required, kMaxPriceBreaks, "price breaks", "a cost model")) {
        const std::string apath = JsonReader::child(p, "price_breaks");
        for (size_t i = 0; i < arr->size(); ++i) {
            const json& e = (*arr)[i];
            const std::string bp = JsonReader::child(apath, i);
            if (!r.begin_object(e, bp)) continue;
            PriceBreak b;
            r.number(e, bp, "quantity", b.quantity, Need::Required, lo, hi);
            r.number(e, bp, "unit_price", b.unit_price, Need::Required, lo, hi);
            r.end_object(e, bp);
            m.price_breaks.push_back(b);
        }
    }
    r.number(c, p, "first_pass_yield", m.first_pass_yield, Need::Optional, lo, hi);
    r.number(c, p, "rework_cost", m.rework_cost, Need::Optional, lo, hi);
    r.number(c, p, "rework_success", m.rework_success, Need::Optional, lo, hi);
    r.number(c, p, "scrap_cost", m.scrap_cost, Need::Optional, lo, hi);
    r.number(c, p, "inspection_per_lot", m.inspection_per_lot, Need::Optional, lo, hi);
    r.number(c, p, "capability_study", m.capability_study, Need::Optional, lo, hi);
    r.number(c, p, "shipping_per_lot", m.shipping_per_lot, Need::Optional, lo, hi);
    r.number(c, p, "requalification_per_batch", m.requalification_per_batch, Need::Optional, lo, hi);
    r.number(c, p, "material_batch_size", m.material_batch_size, Need::Optional, lo, hi);
    r.number(c, p, "capital", m.capital, Need::Optional, lo, hi);
    r.number(c, p, "cleanroom_per_quarter", m.cleanroom_per_quarter, Need::Optional, lo, hi);
    r.number(c, p, "staff_per_quarter", m.staff_per_quarter, Need::Optional, lo, hi);
    r.end_object(c, p);
}

void read_decision(const json& j, const std::string& path, JsonReader& r, DecisionSection& out) {
    if (!r.begin_object(j, path)) return;
    const size_t errors_before = r.error_count();
    r.number(j, path, "planned_volume", out.planned_volume, Need::Optional, 1, 1e12);
    r.number(j, path, "programme_quarters", out.programme_quarters, Need::Optional, 0, 1000);
    r.optional_number(j, path, "monthly_demand", out.monthly_demand, 0, 1e12);
    if (r.member(j, path, "design_frozen", Need::Optional)) {
        bool v = false;
        if (r.boolean(j, path, "design_frozen", v, Need::Optional)) out.design_frozen = v;
    }
    r.boolean(j, path, "ip_sensitive", out.ip_sensitive, Need::Optional);
    if (r.member(j, path, "chosen", Need::Optional)) r.id(j, path, "chosen", out.chosen, Need::Optional);
    r.enumeration(j, path, "weighting", out.weighting, Need::Optional, kWeightings);
    r.enumeration(j, path, "topsis_normalisation", out.topsis_normalisation, Need::Optional, kTopsisNorms);

    if (const json* arr = r.array(j, path, "partners", Need::Optional, kMaxPartners, "partners", "a plan")) {
        const std::string apath = JsonReader::child(path, "partners");
        for (size_t i = 0; i < arr->size(); ++i) {
            const json& e = (*arr)[i];
            const std::string p = JsonReader::child(apath, i);
            if (!r.begin_object(e, p)) continue;
            Partner x;
            r.id(e, p, "id", x.id, Need::Required);
            r.string(e, p, "name", x.name, Need::Required, 200);
            r.enumeration(e, p, "kind", x.kind, Need::Required, kPartnerKinds);
            r.string(e, p, "notes", x.notes, Need::Optional);
            if (const json* ev = r.member(e, p, "evidence", Need::Optional))
                read_evidence(*ev, JsonReader::child(p, "evidence"), r, x.evidence);
            if (const json* c = r.member(e, p, "cost", Need::Optional)) {
                CostModel m;
                read_cost(*c, JsonReader::child(p, "cost"), r, m);
                x.cost = std::move(m);
            }
            r.end_object(e, p);
            out.partners.push_back(std::move(x));
        }
    }
    if (const json* arr = r.array(j, path, "criteria", Need::Optional, kMaxCriteria, "criteria", "a plan")) {
        const std::string apath = JsonReader::child(path, "criteria");
        for (size_t i = 0; i < arr->size(); ++i) {
            const json& e = (*arr)[i];
            const std::string p = JsonReader::child(apath, i);
            if (!r.begin_object(e, p)) continue;
            Criterion x;
            r.id(e, p, "id", x.id, Need::Required);
            r.string(e, p, "name", x.name, Need::Required, 200);
            r.number(e, p, "weight", x.weight, Need::Optional, 0, 1e6);
            r.boolean(e, p, "benefit", x.benefit, Need::Optional);
            r.enumeration(e, p, "source", x.source, Need::Optional, kScoreSources);
            r.optional_number(e, p, "scale_min", x.scale_min, -1e12, 1e12);
            r.optional_number(e, p, "scale_max", x.scale_max, -1e12, 1e12);
            r.string(e, p, "unit", x.unit, Need::Optional, 64);
            r.end_object(e, p);
            out.criteria.push_back(std::move(x));
        }
    }
    if (const json* arr = r.array(j, path, "scores", Need::Optional, kMaxScores, "scores", "a plan")) {
        const std::string apath = JsonReader::child(path, "scores");
        for (size_t i = 0; i < arr->size(); ++i) {
            const json& e = (*arr)[i];
            const std::string p = JsonReader::child(apath, i);
            if (!r.begin_object(e, p)) continue;
            Score x;
            r.id(e, p, "partner", x.partner_id, Need::Required);
            r.id(e, p, "criterion", x.criterion_id, Need::Required);
            r.number(e, p, "value", x.value, Need::Required, -1e12, 1e12);
            r.optional_number(e, p, "low", x.low, -1e12, 1e12);
            r.optional_number(e, p, "high", x.high, -1e12, 1e12);
            r.end_object(e, p);
            out.scores.push_back(std::move(x));
        }
    }
    if (const json* arr = r.array(j, path, "pairwise", Need::Optional, kMaxScores, "judgements", "a plan")) {
        const std::string apath = JsonReader::child(path, "pairwise");
        for (size_t i = 0; i < arr->size(); ++i) {
            const json& e = (*arr)[i];
            const std::string p = JsonReader::child(apath, i);
            if (!r.begin_object(e, p)) continue;
            Judgement x;
            r.id(e, p, "a", x.a, Need::Required);
            r.id(e, p, "b", x.b, Need::Required);
            r.number(e, p, "ratio", x.ratio, Need::Required, -1e6, 1e6);
            r.end_object(e, p);
            out.pairwise.push_back(std::move(x));
        }
    }
    if (const json* pj = r.member(j, path, "part", Need::Optional)) {
        const std::string p = JsonReader::child(path, "part");
        if (r.begin_object(*pj, p)) {
            r.optional_number(*pj, p, "min_feature_mm", out.part.min_feature_mm, 0, 1000);
            read_strings(*pj, p, "materials", r, out.part.materials);
            r.boolean(*pj, p, "vertical_sidewalls", out.part.vertical_sidewalls, Need::Optional);
            if (const json* arr =
                    r.array(*pj, p, "bonded", Need::Optional, kMaxListEntries, "bonded pairs", "a part")) {
                const std::string apath = JsonReader::child(p, "bonded");
                for (size_t i = 0; i < arr->size(); ++i) {
                    const json& e = (*arr)[i];
                    const std::string bp = JsonReader::child(apath, i);
                    if (!r.begin_object(e, bp)) continue;
                    BondedPair b;
                    r.string(e, bp, "a", b.a, Need::Required, 200);
                    r.string(e, bp, "b", b.b, Need::Required, 200);
                    r.end_object(e, bp);
                    out.part.bonded.push_back(std::move(b));
                }
            }
            r.end_object(*pj, p);
        }
    }
    if (const json* sj = r.member(j, path, "split", Need::Optional)) {
        const std::string p = JsonReader::child(path, "split");
        SplitSettings& s = out.split;
        if (r.begin_object(*sj, p)) {
            if (r.member(*sj, p, "from", Need::Optional)) r.id(*sj, p, "from", s.from, Need::Optional);
            if (r.member(*sj, p, "to", Need::Optional)) r.id(*sj, p, "to", s.to, Need::Optional);
            r.number(*sj, p, "transfer_cost_low", s.transfer_cost_low, Need::Optional, 0, kMoneyMax);
            r.number(*sj, p, "transfer_cost_high", s.transfer_cost_high, Need::Optional, 0, kMoneyMax);
            r.number(*sj, p, "delay_weeks_low", s.delay_weeks_low, Need::Optional, 0, 520);
            r.number(*sj, p, "delay_weeks_high", s.delay_weeks_high, Need::Optional, 0, 520);
            r.number(*sj, p, "delay_cost_per_week", s.delay_cost_per_week, Need::Optional, 0, kMoneyMax);
            r.end_object(*sj, p);
        }
    }
    if (const json* lj = r.member(j, path, "litho_vs_direct_write", Need::Optional)) {
        const std::string p = JsonReader::child(path, "litho_vs_direct_write");
        LithoVsDirectWrite l;
        if (r.begin_object(*lj, p)) {
            r.number(*lj, p, "mask_cost", l.mask_cost, Need::Optional, 0, kMoneyMax);
            r.number(*lj, p, "mask_revisions", l.mask_revisions, Need::Optional, 0, 1000);
            r.number(*lj, p, "litho_setup", l.litho_setup, Need::Optional, 0, kMoneyMax);
            r.number(*lj, p, "litho_cost_per_part", l.litho_cost_per_part, Need::Optional, 0, kMoneyMax);
            r.number(*lj, p, "litho_yield", l.litho_yield, Need::Optional, 0, 1);
            r.number(*lj, p, "dw_setup", l.dw_setup, Need::Optional, 0, kMoneyMax);
            r.number(*lj, p, "dw_hours_per_part", l.dw_hours_per_part, Need::Optional, 0, 1e6);
            r.number(*lj, p, "dw_hourly_rate", l.dw_hourly_rate, Need::Optional, 0, kMoneyMax);
            r.number(*lj, p, "dw_yield", l.dw_yield, Need::Optional, 0, 1);
            r.end_object(*lj, p);
        }
        out.litho_vs_direct_write = l;
    }
    r.end_object(j, path);

    // Semantic checks only on a section that read cleanly (otherwise they would repeat
    // the reading errors in other words).
    if (r.error_count() == errors_before)
        for (auto& e : check_decision(out)) r.error(e.where, std::move(e.message));
}

// [SECTION] Writing --------------------------------------------------------------------

static json write_cost(const CostModel& m) {
    json c = json::object();
    auto put = [&](const char* key, double v) {
        if (v != 0) c[key] = v;
    };
    put("nre", m.nre);
    put("nre_material_uplift", m.nre_material_uplift);
    put("revisions", m.revisions);
    put("revision_hours", m.revision_hours);
    put("hourly_rate", m.hourly_rate);
    put("revision_fixed", m.revision_fixed);
    put_optional(c, "revision_cap", m.revision_cap);
    put("setup_per_lot", m.setup_per_lot);
    put("lot_size", m.lot_size);
    put("tooling", m.tooling);
    put("tooling_life", m.tooling_life);
    c["price_breaks"] = json::array();
    for (const auto& b : m.price_breaks)
        c["price_breaks"].push_back({{"quantity", b.quantity}, {"unit_price", b.unit_price}});
    c["first_pass_yield"] = m.first_pass_yield;
    put("rework_cost", m.rework_cost);
    put("rework_success", m.rework_success);
    put("scrap_cost", m.scrap_cost);
    put("inspection_per_lot", m.inspection_per_lot);
    put("capability_study", m.capability_study);
    put("shipping_per_lot", m.shipping_per_lot);
    put("requalification_per_batch", m.requalification_per_batch);
    put("material_batch_size", m.material_batch_size);
    put("capital", m.capital);
    put("cleanroom_per_quarter", m.cleanroom_per_quarter);
    put("staff_per_quarter", m.staff_per_quarter);
    return c;
}

static json write_evidence(const PartnerEvidence& x) {
    json e = json::object();
    put_optional(e, "tolerance_mm", x.tolerance_mm);
    put_optional(e, "cpk", x.cpk);
    if (x.spc_data_shown) e["spc_data_shown"] = true;
    put_optional(e, "first_article_days", x.first_article_days);
    put_optional(e, "production_lead_days", x.production_lead_days);
    put_optional(e, "cycle_time_min", x.cycle_time_min);
    put_optional(e, "monthly_capacity", x.monthly_capacity);
    if (x.audit != AuditRights::Unknown) e["audit"] = audit_rights_key(x.audit);
    if (!x.ip_terms.empty()) e["ip_terms"] = x.ip_terms;
    if (!x.materials_run.empty()) e["materials_run"] = x.materials_run;
    if (!x.materials_failed.empty()) e["materials_failed"] = x.materials_failed;
    if (!x.processes.empty()) e["processes"] = x.processes;
    if (x.applications_engineer) e["applications_engineer"] = true;
    if (x.transfer_docs) e["transfer_docs"] = true;
    if (x.process_control_plan) e["process_control_plan"] = true;
    return e;
}

json write_decision(const DecisionSection& s) {
    json j = json::object();
    j["planned_volume"] = s.planned_volume;
    const DecisionSection defaults;
    if (s.programme_quarters != defaults.programme_quarters) j["programme_quarters"] = s.programme_quarters;
    put_optional(j, "monthly_demand", s.monthly_demand);
    if (s.design_frozen) j["design_frozen"] = *s.design_frozen;
    if (s.ip_sensitive) j["ip_sensitive"] = true;
    if (!s.chosen.empty()) j["chosen"] = s.chosen;
    if (s.weighting != Weighting::Direct) j["weighting"] = key_of(s.weighting, kWeightings);
    if (s.topsis_normalisation != TopsisNormalisation::Vector)
        j["topsis_normalisation"] = key_of(s.topsis_normalisation, kTopsisNorms);
    j["partners"] = json::array();
    for (const auto& x : s.partners) {
        json e = {{"id", x.id}, {"name", x.name}, {"kind", partner_kind_key(x.kind)}};
        if (!x.notes.empty()) e["notes"] = x.notes;
        json ev = write_evidence(x.evidence);
        if (!ev.empty()) e["evidence"] = std::move(ev);
        if (x.cost) e["cost"] = write_cost(*x.cost);
        j["partners"].push_back(std::move(e));
    }
    j["criteria"] = json::array();
    for (const auto& x : s.criteria) {
        json e = {{"id", x.id}, {"name", x.name}, {"weight", x.weight}, {"benefit", x.benefit}};
        if (x.source != ScoreSource::Entered) e["source"] = score_source_key(x.source);
        put_optional(e, "scale_min", x.scale_min);
        put_optional(e, "scale_max", x.scale_max);
        if (!x.unit.empty()) e["unit"] = x.unit;
        j["criteria"].push_back(std::move(e));
    }
    if (!s.scores.empty()) {
        j["scores"] = json::array();
        for (const auto& x : s.scores) {
            json e = {{"partner", x.partner_id}, {"criterion", x.criterion_id}, {"value", x.value}};
            put_optional(e, "low", x.low);
            put_optional(e, "high", x.high);
            j["scores"].push_back(std::move(e));
        }
    }
    if (!s.pairwise.empty()) {
        j["pairwise"] = json::array();
        for (const auto& x : s.pairwise) j["pairwise"].push_back({{"a", x.a}, {"b", x.b}, {"ratio", x.ratio}});
    }
    {
        json p = json::object();
        put_optional(p, "min_feature_mm", s.part.min_feature_mm);
        if (!s.part.materials.empty()) p["materials"] = s.part.materials;
        if (s.part.vertical_sidewalls) p["vertical_sidewalls"] = true;
        if (!s.part.bonded.empty()) {
            p["bonded"] = json::array();
            for (const auto& b : s.part.bonded) p["bonded"].push_back({{"a", b.a}, {"b", b.b}});
        }
        if (!p.empty()) j["part"] = std::move(p);
    }
    {
        const SplitSettings& x = s.split;
        const SplitSettings d;
        json p = json::object();
        if (!x.from.empty()) p["from"] = x.from;
        if (!x.to.empty()) p["to"] = x.to;
        if (x.transfer_cost_low != d.transfer_cost_low) p["transfer_cost_low"] = x.transfer_cost_low;
        if (x.transfer_cost_high != d.transfer_cost_high) p["transfer_cost_high"] = x.transfer_cost_high;
        if (x.delay_weeks_low != d.delay_weeks_low) p["delay_weeks_low"] = x.delay_weeks_low;
        if (x.delay_weeks_high != d.delay_weeks_high) p["delay_weeks_high"] = x.delay_weeks_high;
        if (x.delay_cost_per_week != d.delay_cost_per_week) p["delay_cost_per_week"] = x.delay_cost_per_week;
        if (!p.empty()) j["split"] = std::move(p);
    }
    if (const auto& l = s.litho_vs_direct_write) {
        j["litho_vs_direct_write"] = {{"mask_cost", l->mask_cost},
                                      {"mask_revisions", l->mask_revisions},
                                      {"litho_setup", l->litho_setup},
                                      {"litho_cost_per_part", l->litho_cost_per_part},
                                      {"litho_yield", l->litho_yield},
                                      {"dw_setup", l->dw_setup},
                                      {"dw_hours_per_part", l->dw_hours_per_part},
                                      {"dw_hourly_rate", l->dw_hourly_rate},
                                      {"dw_yield", l->dw_yield}};
    }
    return j;
}

// [SECTION] Checks ---------------------------------------------------------------------

static std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

Issues check_cost_model(const CostModel& m, const std::string& p) {
    Issues errors;
    auto non_negative = [&](const char* key, double v, const char* what) {
        if (!(v >= 0))
            errors.push_back({p + "/" + key, std::string(what) + " must not be negative (found " + num(v) + ")"});
    };
    non_negative("nre", m.nre, "NRE");
    non_negative("nre_material_uplift", m.nre_material_uplift, "the NRE material uplift");
    non_negative("revisions", m.revisions, "the number of revision cycles");
    non_negative("revision_hours", m.revision_hours, "revision hours");
    non_negative("hourly_rate", m.hourly_rate, "the hourly rate");
    non_negative("revision_fixed", m.revision_fixed, "the fixed charge per revision");
    if (m.revision_cap) non_negative("revision_cap", *m.revision_cap, "the per-revision cap");
    non_negative("setup_per_lot", m.setup_per_lot, "the setup fee per lot");
    // A size below one part would put a cost jump at every fraction of a part (docs/plan-format.md,
    // "Limits"); 0 keeps its meaning, "one for the whole programme".
    auto parts_or_zero = [&](const char* key, double v, const char* what) {
        if (!(v >= 0))
            errors.push_back({p + "/" + key, std::string(what) + " must not be negative (found " + num(v) + ")"});
        else if (v > 0 && v < kMinPartsPerLot)
            errors.push_back({p + "/" + key,
                              std::string(what) +
                                  " must be 0 (one for the whole programme) or at least 1 "
                                  "part (found " +
                                  num(v) + ")"});
    };
    parts_or_zero("lot_size", m.lot_size, "the lot size");
    non_negative("tooling", m.tooling, "the tooling cost");
    parts_or_zero("tooling_life", m.tooling_life, "the tooling life");
    non_negative("rework_cost", m.rework_cost, "the rework cost");
    non_negative("scrap_cost", m.scrap_cost, "the scrap cost");
    non_negative("inspection_per_lot", m.inspection_per_lot, "the inspection cost per lot");
    non_negative("capability_study", m.capability_study, "the capability study cost");
    non_negative("shipping_per_lot", m.shipping_per_lot, "the shipping cost per lot");
    non_negative("requalification_per_batch", m.requalification_per_batch, "the re-qualification cost");
    parts_or_zero("material_batch_size", m.material_batch_size, "the material batch size");
    non_negative("capital", m.capital, "the capital cost");
    non_negative("cleanroom_per_quarter", m.cleanroom_per_quarter, "the cleanroom cost per quarter");
    non_negative("staff_per_quarter", m.staff_per_quarter, "the staff cost per quarter");
    if (!(m.first_pass_yield > 0))
        errors.push_back({p + "/first_pass_yield",
                          "first-pass yield must be above 0 (found " + num(m.first_pass_yield) +
                              "): with no good parts there is no cost per good part"});
    else if (m.first_pass_yield > 1)
        errors.push_back({p + "/first_pass_yield",
                          "first-pass yield is a fraction and cannot exceed 1 (found " + num(m.first_pass_yield) +
                              "; write 95 % as 0.95)"});
    if (!(m.rework_success >= 0 && m.rework_success <= 1))
        errors.push_back({p + "/rework_success",
                          "rework success rate is a fraction in [0, 1] (found " + num(m.rework_success) + ")"});
    if (m.price_breaks.empty())
        errors.push_back({p + "/price_breaks",
                          "the price-break schedule is empty: give at least one quantity and unit price "
                          "(the article asks for quotes at 100, 10 000 and 100 000)"});
    for (size_t i = 0; i < m.price_breaks.size(); ++i) {
        const auto& b = m.price_breaks[i];
        const std::string bp = p + "/price_breaks/" + std::to_string(i);
        if (!(b.quantity >= 0))
            errors.push_back({bp + "/quantity", "quantity must not be negative (found " + num(b.quantity) + ")"});
        if (!(b.unit_price >= 0))
            errors.push_back({bp + "/unit_price", "unit price must not be negative (found " + num(b.unit_price) + ")"});
        if (i > 0 && !(b.quantity > m.price_breaks[i - 1].quantity))
            errors.push_back({bp + "/quantity",
                              "price-break quantities must increase: " + num(b.quantity) + " follows " +
                                  num(m.price_breaks[i - 1].quantity)});
    }
    return errors;
}

namespace {

using IndexOf = std::map<std::string, size_t>;  // id -> position in its list

// Weights, scales, and the cost-derived criterion's direction.
void check_criteria(const DecisionSection& s, const std::string& d, Issues& errors) {
    double weight_sum = 0;
    for (size_t i = 0; i < s.criteria.size(); ++i) {
        const auto& c = s.criteria[i];
        const std::string p = d + "/criteria/" + std::to_string(i);
        weight_sum += c.weight;
        if (!(c.weight >= 0))
            errors.push_back({p + "/weight", "weight must not be negative (found " + num(c.weight) + ")"});
        if (c.scale_min.has_value() != c.scale_max.has_value())
            errors.push_back(
                {p + (c.scale_min ? "/scale_max" : "/scale_min"), "give both ends of the scale or neither"});
        else if (c.scale_min && !(*c.scale_max > *c.scale_min))
            errors.push_back(
                {p + "/scale_max",
                 "scale maximum " + num(*c.scale_max) + " must be above the minimum " + num(*c.scale_min)});
        if (c.source == ScoreSource::CostPerGoodPart && c.benefit)
            errors.push_back({p + "/benefit",
                              "\"" + c.name +
                                  "\" is derived from the cost per good part, which is a cost "
                                  "criterion: set benefit to false"});
    }
    if (!s.criteria.empty() && s.weighting == Weighting::Direct && !(weight_sum > 0))
        errors.push_back(
            {d + "/criteria", "all criterion weights are zero: give at least one criterion a positive weight"});
}

// Entered scores: references, ranges, duplicates.
void check_scores(const DecisionSection& s, const std::string& d, const IndexOf& partner_index,
                  const IndexOf& criterion_index, Issues& errors) {
    std::set<std::pair<std::string, std::string>> seen;
    for (size_t i = 0; i < s.scores.size(); ++i) {
        const auto& x = s.scores[i];
        const std::string p = d + "/scores/" + std::to_string(i);
        if (!partner_index.count(x.partner_id))
            errors.push_back({p + "/partner", "refers to partner \"" + x.partner_id + "\", which does not exist"});
        auto ci = criterion_index.find(x.criterion_id);
        if (ci == criterion_index.end())
            errors.push_back(
                {p + "/criterion", "refers to criterion \"" + x.criterion_id + "\", which does not exist"});
        else if (s.criteria[ci->second].source != ScoreSource::Entered)
            errors.push_back({p + "/criterion",
                              "criterion \"" + x.criterion_id + "\" is derived (" +
                                  score_source_key(s.criteria[ci->second].source) +
                                  "): its values come from the partners, remove this score"});
        if (!seen.insert({x.partner_id, x.criterion_id}).second)
            errors.push_back(
                {p, "a second score for partner \"" + x.partner_id + "\" on criterion \"" + x.criterion_id + "\""});
        if (x.low && !(*x.low <= x.value))
            errors.push_back({p + "/low", "low " + num(*x.low) + " is above the likely value " + num(x.value)});
        if (x.high && !(*x.high >= x.value))
            errors.push_back({p + "/high", "high " + num(*x.high) + " is below the likely value " + num(x.value)});
        if (ci != criterion_index.end()) {
            const auto& c = s.criteria[ci->second];
            if (c.scale_min && c.scale_max) {
                const double lo = x.low.value_or(x.value), hi = x.high.value_or(x.value);
                if (lo < *c.scale_min || hi > *c.scale_max)
                    errors.push_back(
                        {p + "/value",
                         "score outside the criterion's scale [" + num(*c.scale_min) + ", " + num(*c.scale_max) + "]"});
            }
        }
    }
}

// AHP judgements: references, reciprocity, completeness.
void check_pairwise(const DecisionSection& s, const std::string& d, const IndexOf& criterion_index, Issues& errors) {
    if (s.weighting != Weighting::AHP && s.pairwise.empty()) return;
    std::map<std::pair<size_t, size_t>, size_t> pair_at;
    for (size_t i = 0; i < s.pairwise.size(); ++i) {
        const auto& x = s.pairwise[i];
        const std::string p = d + "/pairwise/" + std::to_string(i);
        auto a = criterion_index.find(x.a), b = criterion_index.find(x.b);
        if (a == criterion_index.end())
            errors.push_back({p + "/a", "refers to criterion \"" + x.a + "\", which does not exist"});
        if (b == criterion_index.end())
            errors.push_back({p + "/b", "refers to criterion \"" + x.b + "\", which does not exist"});
        if (!(x.ratio >= 1.0 / 9.0 - 1e-9 && x.ratio <= 9.0 + 1e-9))
            errors.push_back({p + "/ratio",
                              "ratio " + num(x.ratio) +
                                  " is outside Saaty's scale 1/9 … 9 "
                                  "(a positive number; below 1 means \"" +
                                  x.b + "\" matters more)"});
        if (a == criterion_index.end() || b == criterion_index.end()) continue;
        if (a->second == b->second) {
            errors.push_back({p, "compares criterion \"" + x.a + "\" with itself"});
            continue;
        }
        const auto key = std::minmax(a->second, b->second);
        auto [it, inserted] = pair_at.emplace(std::make_pair(key.first, key.second), i);
        if (!inserted) {
            const auto& other = s.pairwise[it->second];
            const double other_ratio = other.a == x.a ? other.ratio : 1.0 / other.ratio;
            if (std::fabs(other_ratio * (1.0 / x.ratio) - 1.0) > 1e-6)
                errors.push_back({p,
                                  "judgement of \"" + x.a + "\" against \"" + x.b + "\" (" + num(x.ratio) +
                                      ") contradicts /decision/pairwise/" + std::to_string(it->second) +
                                      " (which implies " + num(other_ratio) + "): the matrix must be reciprocal"});
            else
                errors.push_back({p,
                                  "the pair \"" + x.a + "\" / \"" + x.b +
                                      "\" is judged twice (also at /decision/pairwise/" + std::to_string(it->second) +
                                      ")"});
        }
    }
    if (s.weighting == Weighting::AHP) {
        if (s.criteria.size() < 2) errors.push_back({d + "/weighting", "AHP weighting needs at least two criteria"});
        std::string missing;
        size_t n_missing = 0;
        for (size_t i = 0; i < s.criteria.size(); ++i)
            for (size_t k = i + 1; k < s.criteria.size(); ++k)
                if (!pair_at.count({i, k})) {
                    if (++n_missing <= 5)
                        missing += (missing.empty() ? "" : ", ") + s.criteria[i].id + "/" + s.criteria[k].id;
                }
        if (n_missing)
            errors.push_back({d + "/pairwise",
                              std::to_string(n_missing) + " of " +
                                  std::to_string(s.criteria.size() * (s.criteria.size() - 1) / 2) +
                                  " pairwise judgements missing (" + missing + (n_missing > 5 ? ", …" : "") +
                                  "): AHP needs every pair once"});
    }
}

// The chosen partner, the split plan and the litho / direct-write comparison.
void check_choice_and_split(const DecisionSection& s, const std::string& d, const IndexOf& partner_index,
                            Issues& errors) {
    if (!s.chosen.empty() && !partner_index.count(s.chosen))
        errors.push_back({d + "/chosen", "refers to partner \"" + s.chosen + "\", which does not exist"});
    if (!s.split.from.empty() && !partner_index.count(s.split.from))
        errors.push_back({d + "/split/from", "refers to partner \"" + s.split.from + "\", which does not exist"});
    if (!s.split.to.empty() && !partner_index.count(s.split.to))
        errors.push_back({d + "/split/to", "refers to partner \"" + s.split.to + "\", which does not exist"});
    if (s.split.transfer_cost_high < s.split.transfer_cost_low)
        errors.push_back({d + "/split/transfer_cost_high", "the high transfer cost is below the low one"});
    if (s.split.delay_weeks_high < s.split.delay_weeks_low)
        errors.push_back({d + "/split/delay_weeks_high", "the high delay is below the low one"});
    if (const auto& l = s.litho_vs_direct_write) {
        if (!(l->litho_yield > 0))
            errors.push_back({d + "/litho_vs_direct_write/litho_yield", "yield must be above 0"});
        if (!(l->dw_yield > 0)) errors.push_back({d + "/litho_vs_direct_write/dw_yield", "yield must be above 0"});
    }
}

}  // namespace

Issues check_decision(const DecisionSection& s) {
    Issues errors;
    const std::string d = "/decision";
    if (!(s.planned_volume >= 1))
        errors.push_back(
            {d + "/planned_volume", "planned volume must be at least 1 part (found " + num(s.planned_volume) + ")"});
    if (!(s.programme_quarters >= 0))
        errors.push_back({d + "/programme_quarters", "programme length in quarters must not be negative"});

    // Sections built in code meet the reader's limits here (AHP and crossovers grow with the
    // square of these counts).
    if (s.partners.size() > kMaxPartners)
        errors.push_back({d + "/partners", too_many("partners", s.partners.size(), kMaxPartners, "a plan")});
    if (s.criteria.size() > kMaxCriteria)
        errors.push_back({d + "/criteria", too_many("criteria", s.criteria.size(), kMaxCriteria, "a plan")});
    if (!errors.empty()) return errors;

    IndexOf partner_index, criterion_index;
    for (size_t i = 0; i < s.partners.size(); ++i) partner_index.emplace(s.partners[i].id, i);
    for (size_t i = 0; i < s.criteria.size(); ++i) criterion_index.emplace(s.criteria[i].id, i);

    for (size_t i = 0; i < s.partners.size(); ++i) {
        const auto& x = s.partners[i];
        const std::string p = d + "/partners/" + std::to_string(i);
        if (x.cost)
            for (auto& e : check_cost_model(*x.cost, p + "/cost")) errors.push_back(std::move(e));
    }

    check_criteria(s, d, errors);
    check_scores(s, d, partner_index, criterion_index, errors);
    check_pairwise(s, d, criterion_index, errors);
    check_choice_and_split(s, d, partner_index, errors);
    cap_issues(errors);
    return errors;
}

}  // namespace mf
