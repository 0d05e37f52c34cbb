// Plan-file form of the measurement section (lengths in millimetres, null = missing cell):
//   "datasets": [ {"id", "name",
//                  "features": [ {"id", "name", "lsl", "usl", "nominal", "values": [..]} ]} ]
#include <cmath>
#include <limits>

#include "plan/section_json.h"

namespace mf {

static constexpr size_t kMaxValuesPerFeature = 10'000'000;

void read_datasets(const json& j, const std::string& path, JsonReader& r, std::vector<Dataset>& out) {
    if (!j.is_array()) {
        r.error(path, std::string("expected an array, found ") + json_type_name(j));
        return;
    }
    for (size_t i = 0; i < j.size(); ++i) {
        const json& e = j[i];
        const std::string p = JsonReader::child(path, i);
        if (!r.begin_object(e, p)) continue;
        Dataset d;
        r.id(e, p, "id", d.id, Need::Required);
        r.string(e, p, "name", d.name, Need::Required, 200);
        if (const json* arr = r.array(e, p, "features", Need::Required)) {
            const std::string fpath = JsonReader::child(p, "features");
            for (size_t k = 0; k < arr->size(); ++k) {
                const json& fe = (*arr)[k];
                const std::string fp = JsonReader::child(fpath, k);
                if (!r.begin_object(fe, fp)) continue;
                Feature f;
                r.id(fe, fp, "id", f.id, Need::Required);
                r.string(fe, fp, "name", f.name, Need::Required, 200);
                r.optional_number(fe, fp, "lsl", f.lsl, -1e6, 1e6);
                r.optional_number(fe, fp, "usl", f.usl, -1e6, 1e6);
                r.optional_number(fe, fp, "nominal", f.nominal, -1e6, 1e6);
                if (f.lsl && f.usl && *f.lsl >= *f.usl)
                    r.error(JsonReader::child(fp, "lsl"), "LSL must be below USL");
                auto values = std::make_shared<std::vector<double>>();
                if (const json* vals = r.array(fe, fp, "values", Need::Required)) {
                    if (vals->size() > kMaxValuesPerFeature) {
                        r.error(JsonReader::child(fp, "values"), "more than 10 000 000 values");
                    } else {
                        values->reserve(vals->size());
                        const std::string vpath = JsonReader::child(fp, "values");
                        for (size_t v = 0; v < vals->size(); ++v) {
                            const json& x = (*vals)[v];
                            if (x.is_null()) {
                                values->push_back(std::numeric_limits<double>::quiet_NaN());
                            } else if (x.is_number() && std::isfinite(x.get<double>())) {
                                values->push_back(x.get<double>());
                            } else {
                                r.error(JsonReader::child(vpath, v),
                                        std::string("expected a number or null, found ") +
                                            (x.is_number() ? "a number too large to represent" : json_type_name(x)));
                            }
                        }
                    }
                }
                f.values = std::move(values);
                r.end_object(fe, fp);
                d.features.push_back(std::move(f));
            }
        }
        r.end_object(e, p);
        out.push_back(std::move(d));
    }
}

json write_datasets(const std::vector<Dataset>& datasets) {
    json arr = json::array();
    for (const auto& d : datasets) {
        json e = {{"id", d.id}, {"name", d.name}, {"features", json::array()}};
        for (const auto& f : d.features) {
            json fe = {{"id", f.id}, {"name", f.name}, {"values", json::array()}};
            put_optional(fe, "lsl", f.lsl);
            put_optional(fe, "usl", f.usl);
            put_optional(fe, "nominal", f.nominal);
            if (f.values)
                for (double v : *f.values) fe["values"].push_back(std::isnan(v) ? json(nullptr) : json(v));
            e["features"].push_back(std::move(fe));
        }
        arr.push_back(std::move(e));
    }
    return arr;
}

}  // namespace mf
