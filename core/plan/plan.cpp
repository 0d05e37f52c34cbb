#include "plan/plan.h"

#include <set>

#include "base/utf8.h"

namespace mf {

std::string currency_symbol(const std::string& c) {
    if (c == "USD") return "$";
    if (c == "EUR") return "\xE2\x82\xAC";  // €
    if (c == "GBP") return "\xC2\xA3";      // £
    return c;
}

std::string currency_problem(const std::string& c) {
    if (c.empty()) return "the currency is empty: give USD, EUR, GBP or a symbol of up to 8 characters";
    size_t chars = 0;
    for (size_t i = 0; i < c.size();) {
        const long cp = next_code_point(c, i);
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
            return "the currency holds a control character: give a symbol such as USD, EUR, GBP or CHF";
        ++chars;
    }
    if (chars > 8) return "the currency \"" + c + "\" is longer than 8 characters: give a symbol such as CHF";
    if (c.front() == ' ' || c.back() == ' ') return "the currency \"" + c + "\" begins or ends with a space";
    return "";
}

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
