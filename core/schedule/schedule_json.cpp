// Plan-file form of the timeline section:
//   "schedule": { "tasks": [ {"id", "name", "partner", "optimistic", "most_likely",
//                             "pessimistic", "predecessors": ["id", ...]} ] }
#include "plan/section_json.h"

namespace mf {

void read_schedule(const json& j, const std::string& path, JsonReader& r, ScheduleSection& out) {
    if (!r.begin_object(j, path)) return;
    if (const json* arr = r.array(j, path, "tasks", Need::Optional)) {
        const std::string apath = JsonReader::child(path, "tasks");
        for (size_t i = 0; i < arr->size(); ++i) {
            const json& e = (*arr)[i];
            const std::string p = JsonReader::child(apath, i);
            if (!r.begin_object(e, p)) continue;
            Task t;
            r.id(e, p, "id", t.id, Need::Required);
            r.string(e, p, "name", t.name, Need::Required, 200);
            if (r.member(e, p, "partner", Need::Optional)) r.id(e, p, "partner", t.partner_id, Need::Optional);
            r.number(e, p, "optimistic", t.optimistic, Need::Required, 0, 10000);
            r.number(e, p, "most_likely", t.most_likely, Need::Required, 0, 10000);
            r.number(e, p, "pessimistic", t.pessimistic, Need::Required, 0, 10000);
            if (!(t.optimistic <= t.most_likely && t.most_likely <= t.pessimistic))
                r.error(p, "durations must satisfy optimistic <= most_likely <= pessimistic");
            if (const json* preds = r.array(e, p, "predecessors", Need::Optional)) {
                for (size_t k = 0; k < preds->size(); ++k) {
                    const json& d = (*preds)[k];
                    if (!d.is_string()) {
                        r.error(JsonReader::child(JsonReader::child(p, "predecessors"), k),
                                std::string("expected a task id, found ") + json_type_name(d));
                        continue;
                    }
                    t.predecessors.push_back(d.get<std::string>());
                }
            }
            r.end_object(e, p);
            out.tasks.push_back(std::move(t));
        }
    }
    r.end_object(j, path);
}

json write_schedule(const ScheduleSection& s) {
    json j = json::object();
    j["tasks"] = json::array();
    for (const auto& t : s.tasks) {
        json e = {{"id", t.id},
                  {"name", t.name},
                  {"optimistic", t.optimistic},
                  {"most_likely", t.most_likely},
                  {"pessimistic", t.pessimistic},
                  {"predecessors", t.predecessors}};
        if (!t.partner_id.empty()) e["partner"] = t.partner_id;
        j["tasks"].push_back(std::move(e));
    }
    return j;
}

}  // namespace mf
