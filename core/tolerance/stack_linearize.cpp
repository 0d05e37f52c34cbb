// linearize_stack and exact_gap: a stack resolved at one temperature, with the sensitivities
// of a 2D vector loop computed from its geometry (glm).
#include <cmath>
#include <string>
#include <unordered_map>

#include <glm/glm.hpp>

#include "tolerance/materials.h"
#include "tolerance/stack_analysis.h"
#include "tolerance/stack_internal.h"

namespace mf {

namespace detail {

ResolvedDistribution resolve_distribution(const Contributor& c) {
    ResolvedDistribution r;
    const Distribution& d = c.distribution;
    r.mid = c.nominal + 0.5 * (c.tol_plus - c.tol_minus);
    r.half = 0.5 * (c.tol_plus + c.tol_minus);
    r.mean = r.mid + d.shift;
    switch (d.kind) {
        case DistributionKind::Normal:
        case DistributionKind::SkewNormal:
            if (d.by == NormalBy::Sigma)
                r.sigma = d.sigma;
            else if (d.by == NormalBy::Cpk)
                r.sigma = (r.half - std::fabs(d.shift)) / (3.0 * d.capability);
            else
                r.sigma = r.half / (3.0 * d.capability);
            break;
        case DistributionKind::Uniform: r.sigma = r.half / std::sqrt(3.0); break;
        case DistributionKind::Triangular:
            if (!d.mode) {
                r.sigma = r.half / std::sqrt(6.0);
                break;
            }
            {
                // (min, mode, max) = (a, c, b) all moved by the shift: the moments of the actual
                // triangle, not of a symmetric stand-in. Taken about the band centre (a = −T,
                // b = +T) so that a long nominal does not cancel away the variance's digits.
                const double a = -r.half, b = r.half, m = *d.mode - r.mid;
                r.mean = r.mid + (a + b + m) / 3.0 + d.shift;
                const double var = (a * a + b * b + m * m - a * b - a * m - b * m) / 18.0;
                r.sigma = std::sqrt(std::fmax(var, 0.0));
            }
            break;
        case DistributionKind::Lognormal: {
            // Median m = band centre + shift, s = σ of ln x: mean m·e^(s²/2), σ = mean·√(e^(s²) − 1).
            const double median = r.mid + d.shift, s2 = d.sigma_log * d.sigma_log;
            r.mean = median * std::exp(0.5 * s2);
            r.sigma = r.mean * std::sqrt(std::expm1(s2));
            break;
        }
    }
    return r;
}

double contributor_cte(const Contributor& c) {
    if (c.kind != DimensionKind::Length) return 0;
    if (c.cte) return *c.cte;
    if (c.material.empty()) return 0;
    const Material* m = find_material(c.material);
    return m ? m->cte : 0;
}

LoopUse loop_use(const Stack& s) {
    LoopUse u;
    u.in_loop.assign(s.contributors.size(), false);
    if (!s.loop) return u;
    std::unordered_map<std::string, int> first_at;  // id → index of its first contributor
    for (size_t i = 0; i < s.contributors.size(); ++i) first_at.emplace(s.contributors[i].id, static_cast<int>(i));
    auto index_of = [&](const std::string& id) -> int {
        if (id.empty()) return -1;
        auto it = first_at.find(id);
        return it == first_at.end() ? -1 : it->second;
    };
    for (const auto& v : s.loop->vectors) {
        const int li = index_of(v.length_from), ai = index_of(v.angle_from);
        u.length_of.push_back(li);
        u.angle_of.push_back(ai);
        if (li >= 0) u.in_loop[static_cast<size_t>(li)] = true;
        if (ai >= 0) u.in_loop[static_cast<size_t>(ai)] = true;
    }
    return u;
}

}  // namespace detail

static constexpr double kDegree = 3.14159265358979323846 / 180.0;

static glm::dvec2 unit(double degrees) { return {std::cos(degrees * kDegree), std::sin(degrees * kDegree)}; }

LinearStack linearize_stack(const Stack& s, double temperature) {
    LinearStack lin;
    lin.temperature = temperature;
    lin.errors = validate_stack(s, StackCheck::ForAnalysis);
    if (!std::isfinite(temperature))
        lin.errors.push_back({"/operating_temperature", "the temperature must be a finite number"});
    if (!lin.errors.empty()) return lin;

    lin.is_loop = s.loop.has_value();
    const detail::LoopUse use = detail::loop_use(s);
    for (size_t i = 0; i < s.contributors.size(); ++i) {
        const Contributor& c = s.contributors[i];
        const detail::ResolvedDistribution d = detail::resolve_distribution(c);
        LinearTerm t;
        t.index = i;
        t.kind = c.distribution.kind;
        t.skew = c.distribution.skew;
        t.cte = detail::contributor_cte(c);
        t.delta_t = c.kind == DimensionKind::Length ? temperature - detail::measured_at(s, c) : 0;
        t.scale = detail::thermal_scale(s, c, temperature);
        t.length_at_measurement = c.nominal;
        t.band_lo = c.nominal - c.tol_minus;
        t.band_hi = c.nominal + c.tol_plus;
        t.nominal = c.nominal * t.scale;
        t.lo = (c.nominal - c.tol_minus) * t.scale;
        t.hi = (c.nominal + c.tol_plus) * t.scale;
        t.mid = d.mid * t.scale;
        t.half = d.half * t.scale;
        t.mean = d.mean * t.scale;
        t.sigma = d.sigma * t.scale;
        t.from_loop = use.in_loop[i];
        t.sensitivity = t.from_loop ? 0.0 : c.sensitivity;
        lin.terms.push_back(t);
    }

    double linear_part = 0;  // Σ s·nominal over the declared-sensitivity contributors
    for (const auto& t : lin.terms)
        if (!t.from_loop) linear_part += t.sensitivity * t.nominal;
    if (!lin.is_loop) {
        lin.nominal_gap = linear_part;
        lin.offset = 0;
        return lin;
    }

    // Loop: gap = d · Σ L_v u(θ_v). ∂gap/∂L_v = u(θ_v)·d (direction cosine);
    // ∂gap/∂θ_v = L_v u'(θ_v)·d = L_v sin(φ − θ_v) per radian.
    const glm::dvec2 dir = unit(s.loop->direction);
    glm::dvec2 sum(0.0);
    for (size_t v = 0; v < s.loop->vectors.size(); ++v) {
        const LoopVector& vec = s.loop->vectors[v];
        const int li = use.length_of[v], ai = use.angle_of[v];
        const double length = li >= 0 ? lin.terms[static_cast<size_t>(li)].nominal : vec.length;
        const double angle = vec.angle + (ai >= 0 ? lin.terms[static_cast<size_t>(ai)].nominal : 0.0);
        const glm::dvec2 u = unit(angle);
        sum += length * u;
        if (li >= 0) lin.terms[static_cast<size_t>(li)].sensitivity += glm::dot(u, dir);
        if (ai >= 0) {
            const glm::dvec2 du(-u.y, u.x);  // d u / dθ
            lin.terms[static_cast<size_t>(ai)].sensitivity += length * glm::dot(du, dir) * kDegree;
        }
    }
    lin.nominal_gap = linear_part + glm::dot(dir, sum);
    double through_terms = 0;
    for (const auto& t : lin.terms) through_terms += t.sensitivity * t.nominal;
    lin.offset = lin.nominal_gap - through_terms;
    return lin;
}

double exact_gap(const Stack& s, const std::vector<double>& x) {
    const detail::LoopUse use = detail::loop_use(s);
    double gap = 0;
    for (size_t i = 0; i < s.contributors.size() && i < x.size(); ++i)
        if (!use.in_loop[i]) gap += s.contributors[i].sensitivity * x[i];
    if (!s.loop) return gap;
    const glm::dvec2 dir = unit(s.loop->direction);
    glm::dvec2 sum(0.0);
    for (size_t v = 0; v < s.loop->vectors.size(); ++v) {
        const int li = use.length_of[v], ai = use.angle_of[v];
        const double length = li >= 0 ? x[static_cast<size_t>(li)] : s.loop->vectors[v].length;
        const double angle = s.loop->vectors[v].angle + (ai >= 0 ? x[static_cast<size_t>(ai)] : 0.0);
        sum += length * unit(angle);
    }
    return gap + glm::dot(dir, sum);
}

}  // namespace mf
