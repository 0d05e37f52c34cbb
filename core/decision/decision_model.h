// The partner-decision section of a plan: candidate partners and decision criteria.
// (The decision-matrix issue extends these structs; the file format follows them.)
#pragma once
#include <string>
#include <vector>

namespace mf {

enum class PartnerKind { InHouse, Boutique, FullServiceCM, Other };

struct Partner {
    std::string id;                      // stable id, survives renames; referenced by tasks and stacks
    std::string name;
    PartnerKind kind = PartnerKind::Boutique;
    std::string notes;
};

struct Criterion {
    std::string id;
    std::string name;
    double weight = 1.0;                 // relative weight, >= 0
    bool benefit = true;                 // true: more is better; false: a cost criterion
};

struct DecisionSection {
    std::vector<Partner> partners;
    std::vector<Criterion> criteria;
    double planned_volume = 10000;       // units over the programme, drives cost per good part
};

const char* partner_kind_name(PartnerKind k);   // "in-house", "boutique", "full-service CM", "other"

}  // namespace mf
