// Plan-file form of the tolerance section (lengths in millimetres, angles in degrees,
// temperatures in °C):
//   "stacks": [ {"id", "name", "lower_limit", "upper_limit",
//                "measurement_temperature": 20, "operating_temperature": 85,     (optional)
//                "inflation_factor": 1.5, "ppm_ok": 63, "ppm_fail": 2700,          (optional)
//                "loop": {"direction": 0, "vectors": [                             (optional)
//                           {"length_from": "k-a" | "length": 2.5,
//                            "angle": 90, "angle_from": "k-tilt"}]},   (angle = angle + tilt)
//                "contributors": [ {"id", "name", "nominal", "tol_plus", "tol_minus",
//                                   "sensitivity", "partner",
//                                   "kind": "length" | "angle",                     (optional)
//                                   "distribution": {"type": "normal", "cpk": 1.33, "shift": 0.001},
//                                   "material": "stainless-316l", "cte_ppm_per_K": 16.0,
//                                   "cte_tol_ppm_per_K": 0.5,   (± on the CTE, uniform; optional)
//                                   "measured_at": 23,
//                                   "measured": {"dataset": "ds-pilot", "feature": "f-bore",   (optional)
//                                                "sigma": "within" | "overall"} } ]} ]
// Distribution types: "normal" (one of "cp", "cpk", "sigma"; default Cp = 1), "uniform",
// "triangular" (optional "mode": the most likely value, inside the band), "skew-normal" (as
// normal, plus "skew" = shape α), "lognormal" ("sigma_log" = σ of ln x; median = band centre
// + shift). "shift" (mean − band centre; the median for a lognormal) applies to every type. Defaults are left out when writing. "measured" links the
// contributor to a feature of a capability dataset (σ and mean from the data; the declared
// distribution is the fallback): core/links/measured_links.h, docs/tolerance.md.
#include "plan/section_json.h"
#include "tolerance/stack_model.h"

namespace mf {

static const std::initializer_list<std::pair<const char*, DistributionKind>> kDistributionNames = {
    {"normal", DistributionKind::Normal},
    {"uniform", DistributionKind::Uniform},
    {"triangular", DistributionKind::Triangular},
    {"skew-normal", DistributionKind::SkewNormal},
    {"lognormal", DistributionKind::Lognormal}};

static const std::initializer_list<std::pair<const char*, DimensionKind>> kKindNames = {
    {"length", DimensionKind::Length}, {"angle", DimensionKind::Angle}};

static const std::initializer_list<std::pair<const char*, MeasuredSigma>> kMeasuredSigmaNames = {
    {"within", MeasuredSigma::Within}, {"overall", MeasuredSigma::Overall}};

static void read_measured(const json& m, const std::string& mp, JsonReader& r, std::optional<MeasuredLink>& out) {
    if (!r.begin_object(m, mp)) return;
    MeasuredLink link;
    bool ok = r.id(m, mp, "dataset", link.dataset_id, Need::Required);
    ok = r.id(m, mp, "feature", link.feature_id, Need::Required) && ok;
    r.enumeration(m, mp, "sigma", link.sigma, Need::Optional, kMeasuredSigmaNames);
    r.end_object(m, mp);
    if (ok) out = std::move(link);
}

static void read_distribution(const json& d, const std::string& dp, JsonReader& r, Distribution& out) {
    if (!r.begin_object(d, dp)) return;
    r.enumeration(d, dp, "type", out.kind, Need::Required, kDistributionNames);
    std::optional<double> cp, cpk, sigma, skew, shift, mode, sigma_log;
    r.optional_number(d, dp, "cp", cp, -1e6, 1e6);
    r.optional_number(d, dp, "cpk", cpk, -1e6, 1e6);
    r.optional_number(d, dp, "sigma", sigma, -1e6, 1e6);
    r.optional_number(d, dp, "skew", skew, -1e6, 1e6);
    r.optional_number(d, dp, "shift", shift, -1e6, 1e6);
    r.optional_number(d, dp, "mode", mode, -1e6, 1e6);
    r.optional_number(d, dp, "sigma_log", sigma_log, -1e6, 1e6);
    const bool normal_like = out.kind == DistributionKind::Normal || out.kind == DistributionKind::SkewNormal;
    const int given = (cp ? 1 : 0) + (cpk ? 1 : 0) + (sigma ? 1 : 0);
    if (normal_like) {
        if (given > 1)
            r.error(dp, "give one of cp, cpk or sigma, not several");
        else if (cpk) {
            out.by = NormalBy::Cpk;
            out.capability = *cpk;
        } else if (sigma) {
            out.by = NormalBy::Sigma;
            out.sigma = *sigma;
        } else if (cp) {
            out.by = NormalBy::Cp;
            out.capability = *cp;
        }
    } else {
        for (auto [v, key] :
             {std::pair<const std::optional<double>*, const char*>{&cp, "cp"}, {&cpk, "cpk"}, {&sigma, "sigma"}})
            if (*v)
                r.error(JsonReader::child(dp, key),
                        std::string(key) + " applies to normal and skew-normal distributions, not to " +
                            distribution_name(out.kind));
    }
    if (skew) {
        if (out.kind == DistributionKind::SkewNormal)
            out.skew = *skew;
        else
            r.error(JsonReader::child(dp, "skew"), "skew applies only to the skew-normal distribution");
    }
    if (shift) out.shift = *shift;
    // Kind-specific checks of these two (mode only on a triangle, sigma_log only on a
    // lognormal, the mode inside the band) are validate_stack's.
    out.mode = mode;
    if (sigma_log) out.sigma_log = *sigma_log;
    r.end_object(d, dp);
}

static void read_loop(const json& j, const std::string& lp, JsonReader& r, VectorLoop& out) {
    if (!r.begin_object(j, lp)) return;
    r.number(j, lp, "direction", out.direction, Need::Optional, -36000, 36000);
    if (const json* arr = r.array(j, lp, "vectors", Need::Required, kMaxLoopVectors, "vectors", "a loop")) {
        const std::string vpath = JsonReader::child(lp, "vectors");
        for (size_t v = 0; v < arr->size(); ++v) {
            const json& ve = (*arr)[v];
            const std::string vp = JsonReader::child(vpath, v);
            if (!r.begin_object(ve, vp)) continue;
            LoopVector vec;
            const bool has_from = r.member(ve, vp, "length_from", Need::Optional) != nullptr;
            const bool has_len = r.member(ve, vp, "length", Need::Optional) != nullptr;
            if (has_from == has_len) r.error(vp, "give either length_from (a contributor id) or length (mm)");
            if (has_from) r.id(ve, vp, "length_from", vec.length_from, Need::Required);
            if (has_len) r.number(ve, vp, "length", vec.length, Need::Required, -1e6, 1e6);
            if (r.member(ve, vp, "angle_from", Need::Optional))
                r.id(ve, vp, "angle_from", vec.angle_from, Need::Required);
            r.number(ve, vp, "angle", vec.angle, Need::Optional, -36000, 36000);
            r.end_object(ve, vp);
            out.vectors.push_back(std::move(vec));
        }
    }
    r.end_object(j, lp);
}

void read_stacks(const json& j, const std::string& path, JsonReader& r, std::vector<Stack>& out, LengthUnit shown) {
    if (!j.is_array()) {
        r.error(path, std::string("expected an array, found ") + json_type_name(j));
        return;
    }
    if (!r.within_limit(j, path, kMaxStacks, "stacks", "a plan")) return;
    for (size_t i = 0; i < j.size(); ++i) {
        const json& e = j[i];
        const std::string p = JsonReader::child(path, i);
        if (!r.begin_object(e, p)) continue;
        const size_t errors_before = r.error_count();
        Stack s;
        r.id(e, p, "id", s.id, Need::Required);
        r.string(e, p, "name", s.name, Need::Required, kMaxStackNameLength);
        r.optional_number(e, p, "lower_limit", s.lower_limit, -1e6, 1e6);
        r.optional_number(e, p, "upper_limit", s.upper_limit, -1e6, 1e6);
        r.number(e, p, "measurement_temperature", s.measurement_temperature, Need::Optional, -273.15, 3000);
        s.operating_temperature = s.measurement_temperature;
        r.number(e, p, "operating_temperature", s.operating_temperature, Need::Optional, -273.15, 3000);
        r.number(e, p, "inflation_factor", s.inflation_factor, Need::Optional, -1e6, 1e6);
        r.number(e, p, "ppm_ok", s.ppm_ok, Need::Optional, -1e6, 1e6);
        r.number(e, p, "ppm_fail", s.ppm_fail, Need::Optional, -1e6, 1e6);
        if (const json* lj = r.member(e, p, "loop", Need::Optional)) {
            s.loop.emplace();
            read_loop(*lj, JsonReader::child(p, "loop"), r, *s.loop);
        }
        if (const json* arr =
                r.array(e, p, "contributors", Need::Required, kMaxContributors, "contributors", "a stack")) {
            const std::string cpath = JsonReader::child(p, "contributors");
            for (size_t k = 0; k < arr->size(); ++k) {
                const json& ce = (*arr)[k];
                const std::string cp = JsonReader::child(cpath, k);
                if (!r.begin_object(ce, cp)) continue;
                Contributor c;
                r.id(ce, cp, "id", c.id, Need::Required);
                r.string(ce, cp, "name", c.name, Need::Required, kMaxStackNameLength);
                r.number(ce, cp, "nominal", c.nominal, Need::Required, -1e6, 1e6);
                r.number(ce, cp, "tol_plus", c.tol_plus, Need::Required, 0, 1e6);
                r.number(ce, cp, "tol_minus", c.tol_minus, Need::Required, 0, 1e6);
                r.number(ce, cp, "sensitivity", c.sensitivity, Need::Optional, -1e6, 1e6);
                if (r.member(ce, cp, "partner", Need::Optional)) r.id(ce, cp, "partner", c.partner_id, Need::Optional);
                r.enumeration(ce, cp, "kind", c.kind, Need::Optional, kKindNames);
                if (const json* d = r.member(ce, cp, "distribution", Need::Optional))
                    read_distribution(*d, JsonReader::child(cp, "distribution"), r, c.distribution);
                r.string(ce, cp, "material", c.material, Need::Optional, 64);
                r.optional_number(ce, cp, "cte_ppm_per_K", c.cte, -1e6, 1e6);
                r.optional_number(ce, cp, "cte_tol_ppm_per_K", c.cte_tol, -1e6, 1e6);
                r.optional_number(ce, cp, "measured_at", c.measured_at, -1e6, 1e6);
                if (const json* m = r.member(ce, cp, "measured", Need::Optional))
                    read_measured(*m, JsonReader::child(cp, "measured"), r, c.measured);
                r.end_object(ce, cp);
                s.contributors.push_back(std::move(c));
            }
        }
        r.end_object(e, p);
        // Value checks (the same as the analyses run), only when the stack read cleanly, so
        // that a field that failed to read is not reported twice.
        if (r.error_count() == errors_before)
            for (auto& fe : validate_stack(s, StackCheck::InFile, shown)) r.error(p + fe.where, std::move(fe.message));
        out.push_back(std::move(s));
    }
}

static json write_distribution(const Distribution& d) {
    json o = {{"type", distribution_name(d.kind)}};
    if (d.kind == DistributionKind::Normal || d.kind == DistributionKind::SkewNormal) {
        switch (d.by) {
            case NormalBy::Cp: o["cp"] = d.capability; break;
            case NormalBy::Cpk: o["cpk"] = d.capability; break;
            case NormalBy::Sigma: o["sigma"] = d.sigma; break;
        }
    }
    if (d.kind == DistributionKind::SkewNormal) o["skew"] = d.skew;
    if (d.mode) o["mode"] = *d.mode;
    if (d.kind == DistributionKind::Lognormal || d.sigma_log != 0) o["sigma_log"] = d.sigma_log;
    if (d.shift != 0) o["shift"] = d.shift;
    return o;
}

json write_stacks(const std::vector<Stack>& stacks) {
    json arr = json::array();
    for (const auto& s : stacks) {
        json e = {{"id", s.id}, {"name", s.name}, {"contributors", json::array()}};
        put_optional(e, "lower_limit", s.lower_limit);
        put_optional(e, "upper_limit", s.upper_limit);
        if (s.measurement_temperature != 20 || s.operating_temperature != 20) {
            e["measurement_temperature"] = s.measurement_temperature;
            e["operating_temperature"] = s.operating_temperature;
        }
        if (s.inflation_factor != 1.0) e["inflation_factor"] = s.inflation_factor;
        if (s.ppm_ok != Stack{}.ppm_ok) e["ppm_ok"] = s.ppm_ok;
        if (s.ppm_fail != Stack{}.ppm_fail) e["ppm_fail"] = s.ppm_fail;
        if (s.loop) {
            json vectors = json::array();
            for (const auto& v : s.loop->vectors) {
                json ve = json::object();
                if (v.length_from.empty())
                    ve["length"] = v.length;
                else
                    ve["length_from"] = v.length_from;
                ve["angle"] = v.angle;
                if (!v.angle_from.empty()) ve["angle_from"] = v.angle_from;
                vectors.push_back(std::move(ve));
            }
            e["loop"] = {{"direction", s.loop->direction}, {"vectors", std::move(vectors)}};
        }
        for (const auto& c : s.contributors) {
            json ce = {{"id", c.id},
                       {"name", c.name},
                       {"nominal", c.nominal},
                       {"tol_plus", c.tol_plus},
                       {"tol_minus", c.tol_minus},
                       {"sensitivity", c.sensitivity}};
            if (!c.partner_id.empty()) ce["partner"] = c.partner_id;
            if (c.kind == DimensionKind::Angle) ce["kind"] = "angle";
            if (!c.distribution.is_default()) ce["distribution"] = write_distribution(c.distribution);
            if (!c.material.empty()) ce["material"] = c.material;
            if (c.cte) ce["cte_ppm_per_K"] = *c.cte;
            if (c.cte_tol) ce["cte_tol_ppm_per_K"] = *c.cte_tol;
            if (c.measured_at) ce["measured_at"] = *c.measured_at;
            if (c.measured) {
                ce["measured"] = {{"dataset", c.measured->dataset_id}, {"feature", c.measured->feature_id}};
                if (c.measured->sigma == MeasuredSigma::Overall) ce["measured"]["sigma"] = "overall";
            }
            e["contributors"].push_back(std::move(ce));
        }
        arr.push_back(std::move(e));
    }
    return arr;
}

}  // namespace mf
