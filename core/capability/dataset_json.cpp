// Plan-file form of the measurement section (lengths in millimetres, null = missing cell):
//   "datasets": [ {"id", "name",
//                  "subgroup_size": 5,              (default 1: individual values)
//                  "subgroups": ["A", "A", ...],    (optional label per row; overrides subgroup_size)
//                  "times"/"machines"/"operators"/"cavities": [..]  (optional, one string or null per row)
//                  "sigma": "pooled" | "rbar" | "sbar",
//                  "part_interval": 5,              (parts made per measured row)
//                  "gate": {"min_cpk", "use_lower_bound", "confidence", "min_subgroups", "min_values"},
//                  "features": [ {"id", "name", "lsl", "usl", "nominal", "units", "values": [..]} ],
//                  "yield": [ {"step", "lot", "passed", "failed"} ],
//                  "yield_target": 0.95, "yield_applies_to": "rolled" | "per_step"} ]
// Every column of a dataset has the same number of rows.
#include <algorithm>
#include <cmath>
#include <limits>

#include "plan/section_json.h"

namespace mf {

static constexpr size_t kMaxValuesPerFeature = 10'000'000;

size_t Dataset::rows() const {
    for (const auto& f : features)
        if (f.values) return f.values->size();  // the first feature sets the row count
    size_t n = 0;
    for (const TextColumn* c : {&subgroups, &times, &machines, &operators, &cavities})
        if (*c) n = std::max(n, (*c)->size());
    return n;
}

const char* sigma_method_name(SigmaMethod m) {
    switch (m) {
        case SigmaMethod::Pooled: return "pooled";
        case SigmaMethod::RBar: return "rbar";
        case SigmaMethod::SBar: return "sbar";
    }
    return "pooled";
}

namespace {

TextColumn read_text_column(const json& obj, const std::string& path, const char* key, JsonReader& r) {
    const json* arr = r.array(obj, path, key, Need::Optional);
    if (!arr) return nullptr;
    const std::string p = JsonReader::child(path, key);
    if (arr->size() > kMaxValuesPerFeature) {
        r.error(p, "more than 10 000 000 rows");
        return nullptr;
    }
    auto col = std::make_shared<std::vector<std::string>>();
    col->reserve(arr->size());
    for (size_t i = 0; i < arr->size(); ++i) {
        const json& x = (*arr)[i];
        if (x.is_null()) {
            col->emplace_back();
        } else if (x.is_string()) {
            col->push_back(x.get<std::string>());
        } else if (x.is_number()) {
            col->push_back(x.dump());  // a numeric label (subgroup 3) is kept as its text
        } else {
            r.error(JsonReader::child(p, i), std::string("expected a string or null, found ") + json_type_name(x));
        }
    }
    return col;
}

void read_gate(const json& obj, const std::string& path, JsonReader& r, GateSettings& g) {
    const json* m = r.member(obj, path, "gate", Need::Optional);
    if (!m) return;
    const std::string p = JsonReader::child(path, "gate");
    if (!r.begin_object(*m, p)) return;
    r.number(*m, p, "min_cpk", g.min_cpk, Need::Optional, 0.01, 100);
    r.boolean(*m, p, "use_lower_bound", g.use_lower_bound, Need::Optional);
    r.number(*m, p, "confidence", g.confidence, Need::Optional, 0.5, 0.9999);
    r.integer(*m, p, "min_subgroups", g.min_subgroups, Need::Optional, 1, 1'000'000);
    r.integer(*m, p, "min_values", g.min_values, Need::Optional, 1, 10'000'000);
    r.end_object(*m, p);
}

void read_yield(const json& obj, const std::string& path, JsonReader& r, std::vector<YieldRecord>& out) {
    const json* arr = r.array(obj, path, "yield", Need::Optional, kMaxYieldRows, "yield records", "a dataset");
    if (!arr) return;
    const std::string p = JsonReader::child(path, "yield");
    for (size_t i = 0; i < arr->size(); ++i) {
        const json& e = (*arr)[i];
        const std::string ep = JsonReader::child(p, i);
        if (!r.begin_object(e, ep)) continue;
        YieldRecord y;
        r.string(e, ep, "step", y.step, Need::Required, 200);
        r.string(e, ep, "lot", y.lot, Need::Optional, 200);
        r.integer(e, ep, "passed", y.passed, Need::Required, 0, 1'000'000'000'000);
        r.integer(e, ep, "failed", y.failed, Need::Required, 0, 1'000'000'000'000);
        if (y.step.empty()) r.error(JsonReader::child(ep, "step"), "the step needs a name");
        r.end_object(e, ep);
        out.push_back(std::move(y));
    }
}

}  // namespace

void read_datasets(const json& j, const std::string& path, JsonReader& r, std::vector<Dataset>& out) {
    if (!j.is_array()) {
        r.error(path, std::string("expected an array, found ") + json_type_name(j));
        return;
    }
    if (!r.within_limit(j, path, kMaxDatasets, "datasets", "a plan")) return;
    for (size_t i = 0; i < j.size(); ++i) {
        const json& e = j[i];
        const std::string p = JsonReader::child(path, i);
        if (!r.begin_object(e, p)) continue;
        Dataset d;
        r.id(e, p, "id", d.id, Need::Required);
        r.string(e, p, "name", d.name, Need::Required, 200);
        r.integer(e, p, "subgroup_size", d.subgroup_size, Need::Optional, 1, 1000);
        d.subgroups = read_text_column(e, p, "subgroups", r);
        d.times = read_text_column(e, p, "times", r);
        d.machines = read_text_column(e, p, "machines", r);
        d.operators = read_text_column(e, p, "operators", r);
        d.cavities = read_text_column(e, p, "cavities", r);
        r.enumeration(e, p, "sigma", d.sigma, Need::Optional,
                      {{"pooled", SigmaMethod::Pooled}, {"rbar", SigmaMethod::RBar}, {"sbar", SigmaMethod::SBar}});
        r.integer(e, p, "part_interval", d.part_interval, Need::Optional, 1, 1'000'000);
        read_gate(e, p, r, d.gate);
        if (const json* arr = r.array(e, p, "features", Need::Required, kMaxFeatures, "features", "a dataset")) {
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
                r.string(fe, fp, "units", f.units, Need::Optional, 32);
                if (f.lsl && f.usl && *f.lsl >= *f.usl) r.error(JsonReader::child(fp, "lsl"), "LSL must be below USL");
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
        read_yield(e, p, r, d.yield);
        r.number(e, p, "yield_target", d.yield_settings.target, Need::Optional, 0.0001, 1.0);
        r.enumeration(e, p, "yield_applies_to", d.yield_settings.applies_to, Need::Optional,
                      {{"rolled", YieldTarget::Rolled}, {"per_step", YieldTarget::PerStep}});
        r.end_object(e, p);

        // Every column has the dataset's row count.
        const size_t rows = d.rows();
        for (size_t k = 0; k < d.features.size(); ++k)
            if (d.features[k].values && d.features[k].values->size() != rows)
                r.error(JsonReader::child(JsonReader::child(JsonReader::child(p, "features"), k), "values"),
                        "has " + std::to_string(d.features[k].values->size()) + " rows, the dataset has " +
                            std::to_string(rows) + " (pad with null)");
        const std::pair<const char*, const TextColumn*> text_cols[] = {{"subgroups", &d.subgroups},
                                                                       {"times", &d.times},
                                                                       {"machines", &d.machines},
                                                                       {"operators", &d.operators},
                                                                       {"cavities", &d.cavities}};
        for (const auto& [key, col] : text_cols)
            if (*col && (*col)->size() != rows)
                r.error(JsonReader::child(p, key),
                        "has " + std::to_string((*col)->size()) + " rows, the dataset has " + std::to_string(rows));
        out.push_back(std::move(d));
    }
}

void check_datasets(const std::vector<Dataset>& datasets, const std::string& path, Issues& errors) {
    auto in = [](double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; };
    if (datasets.size() > kMaxDatasets) {
        errors.push_back({path, too_many("datasets", datasets.size(), kMaxDatasets, "a plan")});
        return;
    }
    for (size_t i = 0; i < datasets.size(); ++i) {
        const Dataset& d = datasets[i];
        const std::string p = path + "/" + std::to_string(i);
        auto err = [&](const std::string& where, const std::string& msg) { errors.push_back({p + where, msg}); };
        if (d.features.size() > kMaxFeatures)
            err("/features", too_many("features", d.features.size(), kMaxFeatures, "a dataset"));
        if (d.rows() > kMaxRows) err("", too_many("rows", d.rows(), kMaxRows, "a dataset"));
        if (d.yield.size() > kMaxYieldRows)
            err("/yield", too_many("yield records", d.yield.size(), kMaxYieldRows, "a dataset"));
        if (d.name.size() > 200) err("/name", "longer than 200 characters");
        if (d.subgroup_size < 1 || d.subgroup_size > 1000) err("/subgroup_size", "must be 1 to 1000");
        if (d.part_interval < 1 || d.part_interval > 1'000'000) err("/part_interval", "must be 1 to 1000000");
        if (!in(d.gate.min_cpk, 0.01, 100)) err("/gate/min_cpk", "must be 0.01 to 100");
        if (!in(d.gate.confidence, 0.5, 0.9999)) err("/gate/confidence", "must be 0.5 to 0.9999");
        if (d.gate.min_subgroups < 1 || d.gate.min_subgroups > 1'000'000)
            err("/gate/min_subgroups", "must be 1 to 1000000");
        if (d.gate.min_values < 1 || d.gate.min_values > 10'000'000) err("/gate/min_values", "must be 1 to 10000000");
        if (!in(d.yield_settings.target, 0.0001, 1.0)) err("/yield_target", "must be 0.0001 to 1");
        const size_t rows = d.rows();
        for (size_t k = 0; k < d.features.size(); ++k) {
            const Feature& f = d.features[k];
            const std::string fp = "/features/" + std::to_string(k);
            if (f.name.size() > 200) err(fp + "/name", "longer than 200 characters");
            if (f.units.size() > 32) err(fp + "/units", "longer than 32 characters");
            for (const auto& [key, v] :
                 {std::pair<const char*, std::optional<double>>{"lsl", f.lsl}, {"usl", f.usl}, {"nominal", f.nominal}})
                if (v && !in(*v, -1e6, 1e6)) err(fp + "/" + key, "must be a finite number from -1e6 to 1e6");
            if (f.lsl && f.usl && *f.lsl >= *f.usl) err(fp + "/lsl", "LSL must be below USL");
            if (!f.values)
                err(fp + "/values", "missing");
            else if (f.values->size() != rows)
                err(fp + "/values",
                    "has " + std::to_string(f.values->size()) + " rows, the dataset has " + std::to_string(rows));
        }
        const std::pair<const char*, const TextColumn*> text_cols[] = {{"subgroups", &d.subgroups},
                                                                       {"times", &d.times},
                                                                       {"machines", &d.machines},
                                                                       {"operators", &d.operators},
                                                                       {"cavities", &d.cavities}};
        for (const auto& [key, col] : text_cols)
            if (*col && (*col)->size() != rows)
                err(std::string("/") + key,
                    "has " + std::to_string((*col)->size()) + " rows, the dataset has " + std::to_string(rows));
        for (size_t k = 0; k < d.yield.size(); ++k) {
            const YieldRecord& y = d.yield[k];
            const std::string yp = "/yield/" + std::to_string(k);
            if (y.step.empty()) err(yp + "/step", "the step needs a name");
            if (y.passed < 0 || y.failed < 0) err(yp, "counts must be 0 or more");
        }
    }
}

namespace {
void put_text_column(json& obj, const char* key, const TextColumn& col) {
    if (!col) return;
    json arr = json::array();
    for (const auto& s : *col) arr.push_back(s.empty() ? json(nullptr) : json(s));
    obj[key] = std::move(arr);
}
}  // namespace

json write_datasets(const std::vector<Dataset>& datasets) {
    json arr = json::array();
    for (const auto& d : datasets) {
        json e = {{"id", d.id},
                  {"name", d.name},
                  {"subgroup_size", d.subgroup_size},
                  {"sigma", sigma_method_name(d.sigma)},
                  {"part_interval", d.part_interval}};
        put_text_column(e, "subgroups", d.subgroups);
        put_text_column(e, "times", d.times);
        put_text_column(e, "machines", d.machines);
        put_text_column(e, "operators", d.operators);
        put_text_column(e, "cavities", d.cavities);
        e["gate"] = {{"min_cpk", d.gate.min_cpk},
                     {"use_lower_bound", d.gate.use_lower_bound},
                     {"confidence", d.gate.confidence},
                     {"min_subgroups", d.gate.min_subgroups},
                     {"min_values", d.gate.min_values}};
        e["features"] = json::array();
        for (const auto& f : d.features) {
            json fe = {{"id", f.id}, {"name", f.name}, {"units", f.units}, {"values", json::array()}};
            put_optional(fe, "lsl", f.lsl);
            put_optional(fe, "usl", f.usl);
            put_optional(fe, "nominal", f.nominal);
            if (f.values)
                for (double v : *f.values) fe["values"].push_back(std::isnan(v) ? json(nullptr) : json(v));
            e["features"].push_back(std::move(fe));
        }
        if (!d.yield.empty()) {
            json ys = json::array();
            for (const auto& y : d.yield) {
                json ye = {{"step", y.step}, {"passed", y.passed}, {"failed", y.failed}};
                if (!y.lot.empty()) ye["lot"] = y.lot;
                ys.push_back(std::move(ye));
            }
            e["yield"] = std::move(ys);
        }
        e["yield_target"] = d.yield_settings.target;
        e["yield_applies_to"] = d.yield_settings.applies_to == YieldTarget::Rolled ? "rolled" : "per_step";
        arr.push_back(std::move(e));
    }
    return arr;
}

}  // namespace mf
