// The partner-decision section of a plan: candidate partners with the evidence the article
// says to ask for and their all-in cost models, decision criteria, scores, and the weights
// (entered directly or derived by AHP from pairwise judgements).
//
//   DecisionSection s = article_template();          // decision/decision_template.h
//   Issues e = check_decision(s);                 // same rules as the plan-file reader
//   DecisionAnalysis a = analyse_decision(plan, {});  // decision/decision_analysis.h
//
// Money is in the plan's currency (the article's figures are US dollars), volumes are
// parts, lengths are millimetres, durations are calendar days unless a name says weeks.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/issue.h"

namespace mf {

enum class PartnerKind { InHouse, Boutique, FullServiceCM, Other };

// Audit rights a partner grants (article: push for 24 h notice; "by appointment" is a tour).
enum class AuditRights { Unknown, Unannounced, Notice24h, ByAppointment, None };

// One row of a price-break schedule: from `quantity` parts started in the programme on,
// every part costs `unit_price` (all-units pricing: the bracket reached prices all parts).
struct PriceBreak {
    double quantity = 1;
    double unit_price = 0;

    bool operator==(const PriceBreak&) const = default;
};

// Everything that turns a quote into an all-in cost per good part (docs/decision.md gives
// the formula). Zero means "not charged"; a lot size, tooling life or batch size of zero
// means "one for the whole programme".
struct CostModel {
    double nre = 0;                      // one-time non-recurring engineering (article: $8–30k)
    double nre_material_uplift = 0;      // fraction added to NRE for exotic materials (article: 0.4–0.6)
    double revisions = 0;                // expected revision cycles after the first run (article: budget 2; reality ~6)
    double revision_hours = 0;           // engineering hours per revision
    double hourly_rate = 0;              // per hour of revision work (article: $150–250/h)
    double revision_fixed = 0;           // fixed charge per revision, on top of the hours
    std::optional<double> revision_cap;  // cap per revision, "in writing"; unset = no cap
    double setup_per_lot = 0;            // setup fee charged for every lot (article: $5 000)
    double lot_size = 0;                 // parts started per lot; 0 = one lot for the programme
    double tooling = 0;                  // cost of one tooling / fixture set
    double tooling_life = 0;             // parts started per tooling set; 0 = lasts the programme
    std::vector<PriceBreak> price_breaks;  // strictly increasing quantities; at least one
    double first_pass_yield = 1;           // fraction good first time, in (0, 1]
    double rework_cost = 0;                // per reworked part (article: $8)
    double rework_success = 0;             // fraction of reworked parts that become good; 0 = no rework
    double scrap_cost = 0;                 // per scrapped part, on top of its price (disposal, material)
    double inspection_per_lot = 0;         // incoming / final inspection per lot
    double capability_study = 0;           // one-time capability study (boutique may do it free)
    double shipping_per_lot = 0;
    double requalification_per_batch = 0;  // re-qualification every material batch
    double material_batch_size = 0;        // parts started per material batch; 0 = one batch
    double capital = 0;                    // one-time capital (in-house: equipment, cleanroom build)
    double cleanroom_per_quarter = 0;      // running cost per quarter (in-house)
    double staff_per_quarter = 0;          // dedicated staff per quarter (in-house)

    bool operator==(const CostModel&) const = default;
};

// What the article says to ask a partner for. Unset optionals mean "not known".
struct PartnerEvidence {
    std::optional<double> tolerance_mm;          // demonstrated ± on similar geometry, mm
    std::optional<double> cpk;                   // demonstrated Cpk on similar geometry
    bool spc_data_shown = false;                 // raw SPC / run-chart data was shown, not a slide
    std::optional<double> first_article_days;    // days to the first good part
    std::optional<double> production_lead_days;  // days for the next (production) order
    std::optional<double> cycle_time_min;        // minutes per part at steady state (10k units)
    std::optional<double> monthly_capacity;      // parts per month they can start
    AuditRights audit = AuditRights::Unknown;
    std::string ip_terms;                       // free text: NDA, destruction policy, ...
    std::vector<std::string> materials_run;     // materials they have run
    std::vector<std::string> materials_failed;  // materials they have failed with
    std::vector<std::string> processes;         // process keys, e.g. "laser-femtosecond", "liga"
    bool applications_engineer = false;         // a dedicated applications engineer
    bool transfer_docs = false;                 // willing to provide process-transfer documentation
    bool process_control_plan = false;          // a documented process-control plan exists

    bool operator==(const PartnerEvidence&) const = default;
};

struct Partner {
    std::string id;  // stable id, survives renames; referenced by tasks and stacks
    std::string name;
    PartnerKind kind = PartnerKind::Boutique;
    std::string notes;
    PartnerEvidence evidence;
    std::optional<CostModel> cost;  // unset: no cost analysis for this partner

    bool operator==(const Partner&) const = default;
};

// Where a criterion's per-partner values come from.
enum class ScoreSource {
    Entered,             // scores[] entries (optionally with a low/likely/high range)
    CostPerGoodPart,     // cost model at the planned volume (a cost criterion)
    FirstArticleDays,    // evidence.first_article_days (a cost criterion)
    ProductionLeadDays,  // evidence.production_lead_days (a cost criterion)
    MonthlyCapacity,     // evidence.monthly_capacity (a benefit criterion)
    DemonstratedCpk,     // evidence.cpk (a benefit criterion)
    AuditRights,         // evidence.audit mapped to 3 unannounced, 2 24 h notice, 1 appointment, 0 none
};

struct Criterion {
    std::string id;
    std::string name;
    double weight = 1.0;  // relative weight, >= 0 (ignored when weighting is AHP)
    bool benefit = true;  // true: more is better; false: a cost criterion
    ScoreSource source = ScoreSource::Entered;
    std::optional<double> scale_min;  // the scale scores are given on, e.g. 1–10; both or neither
    std::optional<double> scale_max;
    std::string unit;  // display only ("days", "$/part", "1–10")

    bool operator==(const Criterion&) const = default;
};

// An entered score of one partner on one criterion. low <= value <= high when given.
struct Score {
    std::string partner_id;
    std::string criterion_id;
    double value = 0;  // the likely value
    std::optional<double> low;
    std::optional<double> high;

    bool operator==(const Score&) const = default;
};

// One AHP judgement: criterion a is `ratio` times as important as criterion b (Saaty 1–9
// scale; ratios below 1 mean b is the more important). Every pair exactly once.
struct Judgement {
    std::string a;
    std::string b;
    double ratio = 1;

    bool operator==(const Judgement&) const = default;
};

enum class Weighting { Direct, AHP };
enum class TopsisNormalisation { Vector, MinMax };

// What the part asks of a process and a material (process selector and warnings).
struct BondedPair {
    std::string a;
    std::string b;

    bool operator==(const BondedPair&) const = default;
};
struct PartRequirements {
    std::optional<double> min_feature_mm;  // smallest feature the process must make
    std::vector<std::string> materials;    // e.g. "316L stainless", "alumina", "Inconel 718"
    bool vertical_sidewalls = false;       // sidewalls must be vertical (no taper)
    std::vector<BondedPair> bonded;        // bonded material pairs (CTE check)

    bool operator==(const PartRequirements&) const = default;
};

// Boutique until N parts, then transfer to the CM (article: $10–15k, 4–8 weeks lost).
struct SplitSettings {
    std::string from;  // partner id (default: first boutique)
    std::string to;    // partner id (default: first full-service CM)
    double transfer_cost_low = 10000;
    double transfer_cost_high = 15000;
    double delay_weeks_low = 4;
    double delay_weeks_high = 8;
    double delay_cost_per_week = 0;  // what a week of delay costs the programme

    bool operator==(const SplitSettings&) const = default;
};

// Photolithography + etch against direct write (laser ablation / FIB) for one part design.
struct LithoVsDirectWrite {
    double mask_cost = 5000;            // one mask set
    double mask_revisions = 1;          // expected mask re-spins after the first set
    double litho_setup = 2000;          // process setup per programme
    double litho_cost_per_part = 0.05;  // "pennies" once the mask is paid
    double litho_yield = 0.90;
    double dw_setup = 0;
    double dw_hours_per_part = 1;  // article: one part per hour
    double dw_hourly_rate = 150;
    double dw_yield = 0.95;

    bool operator==(const LithoVsDirectWrite&) const = default;
};

// Every struct here compares by value (operator==): a section equal to the last one needs
// no new Monte Carlo (the Decision view's job inputs).
struct DecisionSection {
    std::vector<Partner> partners;
    std::vector<Criterion> criteria;
    double planned_volume = 10000;         // good parts over the programme, drives cost per good part
    double programme_quarters = 4;         // programme length; quarterly costs run at least this long
    std::optional<double> monthly_demand;  // parts needed per month at steady state
    std::optional<bool> design_frozen;     // unset: not stated
    bool ip_sensitive = false;
    std::string chosen;  // partner the decider picked; empty = top of the weighted sum
    Weighting weighting = Weighting::Direct;
    std::vector<Judgement> pairwise;  // used when weighting is AHP
    TopsisNormalisation topsis_normalisation = TopsisNormalisation::Vector;
    std::vector<Score> scores;
    PartRequirements part;
    SplitSettings split;
    std::optional<LithoVsDirectWrite> litho_vs_direct_write;

    bool operator==(const DecisionSection&) const = default;
};

const char* partner_kind_name(PartnerKind k);  // "in-house", "boutique", "full-service CM", "other"
const char* partner_kind_key(PartnerKind k);   // file keys: "in-house", ..., "full-service-cm"
const char* audit_rights_key(AuditRights a);   // "unknown", "unannounced", "notice-24h", "by-appointment", "none"
const char* score_source_key(ScoreSource s);   // "entered", "cost-per-good-part", ...

// Semantic checks of a decision section (references, yields, price breaks, weights, AHP
// judgements ...), each error with the JSON Pointer of the offending field. read_decision
// applies them, and so does check_plan (plan/plan_file.h) to every edited plan.
Issues check_decision(const DecisionSection& s);
Issues check_cost_model(const CostModel& m, const std::string& where);

}  // namespace mf
