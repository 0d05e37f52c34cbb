// Plan-file form of the decision section:
//   "decision": { "planned_volume": 10000,
//                 "partners": [ {"id", "name", "kind", "notes"} ],
//                 "criteria": [ {"id", "name", "weight", "benefit"} ] }
#include "plan/section_json.h"

namespace mf {

static const std::initializer_list<std::pair<const char*, PartnerKind>> kPartnerKinds = {
    {"in-house", PartnerKind::InHouse},
    {"boutique", PartnerKind::Boutique},
    {"full-service-cm", PartnerKind::FullServiceCM},
    {"other", PartnerKind::Other},
};

static const char* partner_kind_key(PartnerKind k) {
    for (const auto& [name, value] : kPartnerKinds)
        if (value == k) return name;
    return "other";
}

void read_decision(const json& j, const std::string& path, JsonReader& r, DecisionSection& out) {
    if (!r.begin_object(j, path)) return;
    r.number(j, path, "planned_volume", out.planned_volume, Need::Optional, 1, 1e12);
    if (const json* arr = r.array(j, path, "partners", Need::Optional)) {
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
            r.end_object(e, p);
            out.partners.push_back(std::move(x));
        }
    }
    if (const json* arr = r.array(j, path, "criteria", Need::Optional)) {
        const std::string apath = JsonReader::child(path, "criteria");
        for (size_t i = 0; i < arr->size(); ++i) {
            const json& e = (*arr)[i];
            const std::string p = JsonReader::child(apath, i);
            if (!r.begin_object(e, p)) continue;
            Criterion x;
            r.id(e, p, "id", x.id, Need::Required);
            r.string(e, p, "name", x.name, Need::Required, 200);
            r.number(e, p, "weight", x.weight, Need::Required, 0, 1e6);
            r.boolean(e, p, "benefit", x.benefit, Need::Optional);
            r.end_object(e, p);
            out.criteria.push_back(std::move(x));
        }
    }
    r.end_object(j, path);
}

json write_decision(const DecisionSection& s) {
    json j = json::object();
    j["planned_volume"] = s.planned_volume;
    j["partners"] = json::array();
    for (const auto& x : s.partners) {
        json e = {{"id", x.id}, {"name", x.name}, {"kind", partner_kind_key(x.kind)}};
        if (!x.notes.empty()) e["notes"] = x.notes;
        j["partners"].push_back(std::move(e));
    }
    j["criteria"] = json::array();
    for (const auto& x : s.criteria)
        j["criteria"].push_back({{"id", x.id}, {"name", x.name}, {"weight", x.weight}, {"benefit", x.benefit}});
    return j;
}

}  // namespace mf
