#include "plan/plan.h"

#include <set>

namespace mf {

const char* partner_kind_name(PartnerKind k) {
    switch (k) {
        case PartnerKind::InHouse: return "in-house";
        case PartnerKind::Boutique: return "boutique";
        case PartnerKind::FullServiceCM: return "full-service CM";
        case PartnerKind::Other: return "other";
    }
    return "other";
}

std::vector<SectionCount> section_counts(const Plan& p) {
    size_t features = 0;
    for (const auto& d : p.datasets) features += d.features.size();
    return {
        {"Partners", p.decision.partners.size()},    {"Decision criteria", p.decision.criteria.size()},
        {"Timeline tasks", p.schedule.tasks.size()}, {"Tolerance stacks", p.stacks.size()},
        {"Measurement datasets", p.datasets.size()}, {"Measured features", features},
    };
}

const char* unit_symbol(LengthUnit u) {
    switch (u) {
        case LengthUnit::Micrometre: return "\xC2\xB5m";
        case LengthUnit::Millimetre: return "mm";
        case LengthUnit::Inch: return "in";
    }
    return "mm";
}

double mm_per_unit(LengthUnit u) {
    switch (u) {
        case LengthUnit::Micrometre: return 0.001;
        case LengthUnit::Millimetre: return 1.0;
        case LengthUnit::Inch: return 25.4;
    }
    return 1.0;
}

std::vector<std::string> all_ids(const Plan& p) {
    std::vector<std::string> ids;
    for (const auto& x : p.decision.partners) ids.push_back(x.id);
    for (const auto& x : p.decision.criteria) ids.push_back(x.id);
    for (const auto& x : p.schedule.tasks) ids.push_back(x.id);
    for (const auto& x : p.schedule.calendars) ids.push_back(x.id);
    for (const auto& s : p.stacks) {
        ids.push_back(s.id);
        for (const auto& c : s.contributors) ids.push_back(c.id);
    }
    for (const auto& d : p.datasets) {
        ids.push_back(d.id);
        for (const auto& f : d.features) ids.push_back(f.id);
    }
    return ids;
}

std::string new_id(const Plan& plan, const std::string& prefix) {
    const auto ids = all_ids(plan);
    const std::set<std::string> used(ids.begin(), ids.end());
    for (size_t n = 1;; ++n) {
        std::string candidate = prefix + std::to_string(n);
        if (!used.count(candidate)) return candidate;
    }
}

}  // namespace mf
