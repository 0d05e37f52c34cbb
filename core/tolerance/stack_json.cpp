// Plan-file form of the tolerance section (lengths in millimetres):
//   "stacks": [ {"id", "name", "lower_limit", "upper_limit",
//                "contributors": [ {"id", "name", "nominal", "tol_plus", "tol_minus",
//                                   "sensitivity", "partner"} ]} ]
#include "plan/section_json.h"

namespace mf {

void read_stacks(const json& j, const std::string& path, JsonReader& r, std::vector<Stack>& out) {
    if (!j.is_array()) {
        r.error(path, std::string("expected an array, found ") + json_type_name(j));
        return;
    }
    for (size_t i = 0; i < j.size(); ++i) {
        const json& e = j[i];
        const std::string p = JsonReader::child(path, i);
        if (!r.begin_object(e, p)) continue;
        Stack s;
        r.id(e, p, "id", s.id, Need::Required);
        r.string(e, p, "name", s.name, Need::Required, 200);
        r.optional_number(e, p, "lower_limit", s.lower_limit, -1e6, 1e6);
        r.optional_number(e, p, "upper_limit", s.upper_limit, -1e6, 1e6);
        if (s.lower_limit && s.upper_limit && *s.lower_limit > *s.upper_limit)
            r.error(JsonReader::child(p, "lower_limit"), "lower limit is above the upper limit");
        if (const json* arr = r.array(e, p, "contributors", Need::Required)) {
            const std::string cpath = JsonReader::child(p, "contributors");
            for (size_t k = 0; k < arr->size(); ++k) {
                const json& ce = (*arr)[k];
                const std::string cp = JsonReader::child(cpath, k);
                if (!r.begin_object(ce, cp)) continue;
                Contributor c;
                r.id(ce, cp, "id", c.id, Need::Required);
                r.string(ce, cp, "name", c.name, Need::Required, 200);
                r.number(ce, cp, "nominal", c.nominal, Need::Required, -1e6, 1e6);
                r.number(ce, cp, "tol_plus", c.tol_plus, Need::Required, 0, 1e6);
                r.number(ce, cp, "tol_minus", c.tol_minus, Need::Required, 0, 1e6);
                r.number(ce, cp, "sensitivity", c.sensitivity, Need::Optional, -1e6, 1e6);
                if (r.member(ce, cp, "partner", Need::Optional)) r.id(ce, cp, "partner", c.partner_id, Need::Optional);
                r.end_object(ce, cp);
                s.contributors.push_back(std::move(c));
            }
        }
        r.end_object(e, p);
        out.push_back(std::move(s));
    }
}

json write_stacks(const std::vector<Stack>& stacks) {
    json arr = json::array();
    for (const auto& s : stacks) {
        json e = {{"id", s.id}, {"name", s.name}, {"contributors", json::array()}};
        put_optional(e, "lower_limit", s.lower_limit);
        put_optional(e, "upper_limit", s.upper_limit);
        for (const auto& c : s.contributors) {
            json ce = {{"id", c.id},
                       {"name", c.name},
                       {"nominal", c.nominal},
                       {"tol_plus", c.tol_plus},
                       {"tol_minus", c.tol_minus},
                       {"sensitivity", c.sensitivity}};
            if (!c.partner_id.empty()) ce["partner"] = c.partner_id;
            e["contributors"].push_back(std::move(ce));
        }
        arr.push_back(std::move(e));
    }
    return arr;
}

}  // namespace mf
