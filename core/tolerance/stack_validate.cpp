// validate_stack: every check of a stack's values, with the place ("where", relative to the
// stack) and a message a person can act on. Used by the plan-file reader, the CSV reader and
// the analyses.
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "base/issue_cap.h"
#include "base/limits.h"

#include "tolerance/materials.h"
#include "tolerance/stack_model.h"

namespace mf {

const char* distribution_name(DistributionKind k) {
    switch (k) {
        case DistributionKind::Normal: return "normal";
        case DistributionKind::Uniform: return "uniform";
        case DistributionKind::Triangular: return "triangular";
        case DistributionKind::SkewNormal: return "skew-normal";
        case DistributionKind::Lognormal: return "lognormal";
    }
    return "normal";
}

static std::string num(double v) {
    if (std::isnan(v)) return "NaN";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

// The triangle's mode and the lognormal's σ of the log (2026-12-06): each only on its own
// kind, the mode inside the band, the lognormal's median above 0.
template <class Err>
static void validate_shape(const Contributor& c, const std::string& dp, const std::string& who, bool tol_ok, Err& err) {
    const Distribution& d = c.distribution;
    if (d.mode) {
        const double lo = c.nominal - c.tol_minus, hi = c.nominal + c.tol_plus;
        if (d.kind != DistributionKind::Triangular)
            err(dp + "/mode",
                std::string("the mode applies only to the triangular distribution, not to ") +
                    distribution_name(d.kind));
        else if (!std::isfinite(*d.mode))
            err(dp + "/mode", "the triangle's mode" + who + " must be a finite number (got " + num(*d.mode) + ")");
        else if (tol_ok && std::isfinite(lo) && std::isfinite(hi) && (*d.mode < lo || *d.mode > hi))
            err(dp + "/mode",
                "the triangle's mode" + who + " (" + num(*d.mode) + ") is outside its band [" + num(lo) + ", " +
                    num(hi) + "]: the mode must lie between the lower and the upper limit");
    }
    if (d.kind != DistributionKind::Lognormal) {
        if (d.sigma_log != 0)
            err(dp + "/sigma_log",
                std::string("sigma_log applies only to the lognormal distribution, not to ") +
                    distribution_name(d.kind));
        return;
    }
    if (!(d.sigma_log > 0) || !std::isfinite(d.sigma_log) || d.sigma_log > 3)
        err(dp + "/sigma_log",
            "the lognormal's σ of ln x" + who + " must be a number above 0 and at most 3 (got " + num(d.sigma_log) +
                ")");
    const double median = c.nominal + 0.5 * (c.tol_plus - c.tol_minus) + d.shift;
    if (tol_ok && std::isfinite(median) && !(median > 0))
        err(dp + "/shift",
            "the lognormal's median" + who + " (band centre + shift = " + num(median) +
                ") must be above 0: a lognormal value is always positive");
}

namespace {

// Collects the problems of one stack; `finite` also says whether the value was finite.
struct StackErrors {
    Issues& errors;
    LengthUnit unit;  // lengths in messages: the plan's display unit
    // Lengths a message compares, in the display unit: "50 > 0 µm".
    std::string lengths(double a_mm, const char* op, double b_mm) const {
        const double k = mm_per_unit(unit);
        return num(a_mm / k) + " " + op + " " + num(b_mm / k) + " " + unit_symbol(unit);
    }
    void operator()(const std::string& where, const std::string& message) { errors.push_back({where, message}); }
    bool finite(double v, const std::string& where, const char* what) {
        if (std::isfinite(v)) return true;
        (*this)(where, std::string(what) + " must be a finite number (got " + num(v) + ")");
        return false;
    }
};

// Limits, temperatures, the σ inflation factor and the ppm thresholds.
void validate_stack_values(const Stack& s, StackErrors& err) {
    // Stack-level values.
    if (s.lower_limit) err.finite(*s.lower_limit, "/lower_limit", "the lower limit");
    if (s.upper_limit) err.finite(*s.upper_limit, "/upper_limit", "the upper limit");
    if (s.lower_limit && s.upper_limit && *s.lower_limit > *s.upper_limit)
        err("/lower_limit",
            "lower limit is above the upper limit (" + err.lengths(*s.lower_limit, ">", *s.upper_limit) + ")");
    if (err.finite(s.measurement_temperature, "/measurement_temperature", "the measurement temperature") &&
        s.measurement_temperature < -273.15)
        err("/measurement_temperature", "below absolute zero (" + num(s.measurement_temperature) + " °C)");
    if (err.finite(s.operating_temperature, "/operating_temperature", "the operating temperature") &&
        s.operating_temperature < -273.15)
        err("/operating_temperature", "below absolute zero (" + num(s.operating_temperature) + " °C)");
    if (!(s.inflation_factor > 0) || !std::isfinite(s.inflation_factor))
        err("/inflation_factor",
            "the σ inflation factor must be a number above 0 (got " + num(s.inflation_factor) +
                "; 1 = none, 1.5 = Bender)");
    if (!(s.ppm_ok >= 0 && s.ppm_ok <= 1e6))
        err("/ppm_ok", "must be between 0 and 1 000 000 ppm (got " + num(s.ppm_ok) + ")");
    if (!(s.ppm_fail >= 0 && s.ppm_fail <= 1e6))
        err("/ppm_fail", "must be between 0 and 1 000 000 ppm (got " + num(s.ppm_fail) + ")");
    else if (s.ppm_fail < s.ppm_ok)
        err("/ppm_fail",
            "the fail threshold (" + num(s.ppm_fail) + " ppm) is below the OK threshold (" + num(s.ppm_ok) + " ppm)");
}

// One contributor at `p` ("/contributors/3"): numbers, tolerances, distribution, CTE.
void validate_contributor(const Contributor& c, const std::string& p, StackErrors& err) {
    const std::string who = c.name.empty() ? "" : " of \"" + c.name + "\"";
    err.finite(c.nominal, p + "/nominal", ("the nominal" + who).c_str());
    err.finite(c.sensitivity, p + "/sensitivity", ("the sensitivity" + who).c_str());
    bool tol_ok = true;
    for (auto [v, key] : {std::pair<double, const char*>{c.tol_plus, "tol_plus"}, {c.tol_minus, "tol_minus"}}) {
        if (!std::isfinite(v) || v < 0) {
            err(p + "/" + key,
                std::string("the ") + (key[4] == 'p' ? "plus" : "minus") + " tolerance" + who +
                    " must be a number >= 0 (got " + num(v) + "; write −0.002 as tol_minus 0.002)");
            tol_ok = false;
        }
    }
    const Distribution& d = c.distribution;
    const std::string dp = p + "/distribution";
    const double half = 0.5 * (c.tol_plus + c.tol_minus);
    err.finite(d.shift, dp + "/shift", ("the mean shift" + who).c_str());
    if (d.kind == DistributionKind::Normal || d.kind == DistributionKind::SkewNormal) {
        if (d.by == NormalBy::Sigma) {
            if (!(d.sigma > 0) || !std::isfinite(d.sigma))
                err(dp + "/sigma", "σ" + who + " must be a number above 0 (got " + num(d.sigma) + ")");
        } else {
            const char* key = d.by == NormalBy::Cpk ? "cpk" : "cp";
            const char* label = d.by == NormalBy::Cpk ? "Cpk" : "Cp";
            if (!(d.capability > 0) || !std::isfinite(d.capability))
                err(dp + "/" + key,
                    std::string(label) + who + " must be greater than 0 (got " + num(d.capability) + ")");
            else if (d.capability < kMinCapabilityIndex)
                err(dp + "/" + key,
                    std::string(label) + who + " must be at least 1e-06 (got " + num(d.capability) +
                        "): a smaller one makes σ more than 300 000 times the tolerance, or "
                        "infinite (docs/plan-format.md, \"Limits\")");
            else if (d.by == NormalBy::Cpk && tol_ok && std::fabs(d.shift) >= half && std::isfinite(d.shift))
                err(dp + "/shift",
                    "the mean shift" + who + " (" + num(d.shift) + ") reaches the tolerance limit (half-width " +
                        num(half) + "): no positive Cpk is possible; give Cp or σ instead");
        }
        if (d.kind == DistributionKind::SkewNormal && (!std::isfinite(d.skew) || std::fabs(d.skew) > 100))
            err(dp + "/skew",
                "the skew-normal shape" + who + " must be a number in [−100, 100] (got " + num(d.skew) + ")");
    }
    validate_shape(c, dp, who, tol_ok, err);
    if (!c.material.empty() && !c.cte && !find_material(c.material))
        err(p + "/material",
            "unknown material \"" + c.material + "\" (known: " + material_keys() + "; or give cte_ppm_per_K)");
    if (c.cte && (!std::isfinite(*c.cte) || std::fabs(*c.cte) > 1000))
        err(p + "/cte_ppm_per_K",
            "the CTE" + who + " must be a number in [−1000, 1000] ppm/K (got " + num(*c.cte) + ")");
    if (c.cte_tol) {
        const bool has_cte = c.cte || (!c.material.empty() && find_material(c.material));
        if (!std::isfinite(*c.cte_tol) || *c.cte_tol < 0 || *c.cte_tol > 1000)
            err(p + "/cte_tol_ppm_per_K",
                "the CTE tolerance" + who + " must be a number in [0, 1000] ppm/K (got " + num(*c.cte_tol) + ")");
        else if (c.kind != DimensionKind::Length)
            err(p + "/cte_tol_ppm_per_K", "an angle has no thermal expansion: remove its CTE tolerance");
        else if (!has_cte)
            err(p + "/cte_tol_ppm_per_K", "a CTE tolerance" + who + " needs a CTE: give a material or cte_ppm_per_K");
    }
    if (c.measured_at && (!std::isfinite(*c.measured_at) || *c.measured_at < -273.15))
        err(p + "/measured_at",
            "the measurement temperature" + who + " must be a number above −273.15 °C (got " + num(*c.measured_at) +
                ")");
}

// The 2D vector loop: its vectors' lengths and angles, and the contributors they name.
void validate_loop(const Stack& s, const std::unordered_map<std::string, size_t>& first_at, StackErrors& err) {
    const VectorLoop& L = *s.loop;
    err.finite(L.direction, "/loop/direction", "the gap direction");
    if (L.vectors.empty()) err("/loop/vectors", "the loop has no vectors (zero-length loop): add at least one");
    auto find = [&](const std::string& id) -> const Contributor* {
        auto it = first_at.find(id);
        return it == first_at.end() ? nullptr : &s.contributors[it->second];
    };
    for (size_t v = 0; v < L.vectors.size(); ++v) {
        const LoopVector& vec = L.vectors[v];
        const std::string vp = "/loop/vectors/" + std::to_string(v);
        double length = vec.length;
        if (!vec.length_from.empty()) {
            const Contributor* c = find(vec.length_from);
            if (!c) {
                err(vp + "/length_from",
                    "refers to contributor \"" + vec.length_from + "\", which is not in this stack");
                continue;
            }
            if (c->kind != DimensionKind::Length) {
                err(vp + "/length_from", "contributor \"" + vec.length_from + "\" is an angle, not a length");
                continue;
            }
            length = c->nominal;
        } else if (!std::isfinite(vec.length)) {
            err(vp + "/length", "the vector length must be a finite number (got " + num(vec.length) + ")");
            continue;
        }
        if (!vec.angle_from.empty()) {
            const Contributor* c = find(vec.angle_from);
            if (!c)
                err(vp + "/angle_from", "refers to contributor \"" + vec.angle_from + "\", which is not in this stack");
            else if (c->kind != DimensionKind::Angle)
                err(vp + "/angle_from", "contributor \"" + vec.angle_from + "\" is a length, not an angle");
        }
        if (!std::isfinite(vec.angle))
            err(vp + "/angle", "the vector angle must be a finite number (got " + num(vec.angle) + ")");
        if (std::isfinite(length) && length <= 0)
            err(vp + (vec.length_from.empty() ? "/length" : "/length_from"),
                "zero-length vector (nominal length " + length_text(length, err.unit, 6) +
                    "): a loop vector must be longer than 0");
    }
}

}  // namespace

Issues validate_stack(const Stack& s, StackCheck check, LengthUnit unit) {
    Issues errors;
    StackErrors err{errors, unit};
    validate_stack_values(s, err);
    if (check == StackCheck::ForAnalysis && s.contributors.empty())
        err("/contributors", "the stack has no contributors: add at least one dimension");
    if (s.contributors.size() > kMaxContributors) {  // a stack read from a file never gets here
        err("/contributors", too_many("contributors", s.contributors.size(), kMaxContributors, "a stack"));
        return errors;
    }
    if (s.loop && s.loop->vectors.size() > kMaxLoopVectors) {
        err("/loop/vectors", too_many("vectors", s.loop->vectors.size(), kMaxLoopVectors, "a loop"));
        return errors;
    }

    // Where each id is first used: a duplicate names that place (one lookup, not a scan).
    std::unordered_map<std::string, size_t> first_at;
    for (size_t i = 0; i < s.contributors.size(); ++i) {
        const Contributor& c = s.contributors[i];
        const std::string p = "/contributors/" + std::to_string(i);
        if (!c.id.empty()) {
            auto [it, inserted] = first_at.emplace(c.id, i);
            if (!inserted)
                err(p + "/id",
                    "duplicate id \"" + c.id + "\" (also used at /contributors/" + std::to_string(it->second) + ")");
        }
        validate_contributor(c, p, err);
    }
    if (s.loop) validate_loop(s, first_at, err);
    cap_issues(errors);
    return errors;
}

}  // namespace mf
