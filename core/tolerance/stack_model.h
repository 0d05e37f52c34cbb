// The tolerance-stack section of a plan. All lengths are millimetres in the model and the
// file; the plan's display unit only changes how they are shown. Angles are degrees.
//
//   Stack s;                                   // a gap = Σ sensitivity · dimension
//   s.lower_limit = 0.0; s.upper_limit = 0.050;
//   Contributor bore{"k-bore", "Gear bore", 1.025, 0.005, 0.005, +1};
//   bore.distribution = {DistributionKind::Normal, NormalBy::Cpk, 1.33};
//   bore.material = "zirconia-3y";
//   s.contributors.push_back(bore);
//   Issues e = validate_stack(s, StackCheck::ForAnalysis);   // empty when usable
//
// A stack is either a 1D chain (each contributor's declared sensitivity) or, when `loop`
// is set, a 2D vector loop whose vectors take their lengths (and optionally their angles)
// from contributors; the sensitivities of those contributors are then computed from the
// geometry (stack_linearize.h) and the declared ones are ignored.
// File form: stack_json.cpp; conventions of every analysis: docs/tolerance.md.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/issue.h"
#include "base/length_unit.h"

namespace mf {

// The longest stack or contributor name a plan file may hold (bytes of UTF-8).
constexpr size_t kMaxStackNameLength = 200;

// What a contributor measures: a length (mm) or an angle (degrees, only meaningful as the
// angle of a loop vector or with a sensitivity in mm per degree).
enum class DimensionKind { Length, Angle };

// The distribution of a contributor's actual value within (or around) its tolerance band.
enum class DistributionKind {
    Normal,      // σ from Cp, Cpk or given directly
    Uniform,     // flat over the band: σ = T/√3 (T = half-width of the band)
    Triangular,  // triangle over the band: symmetric (σ = T/√6), or with its mode anywhere in the band
    SkewNormal,  // Azzalini skew-normal with the mean and σ a Normal would have, shape α
    Lognormal,   // ln x ~ N(ln m, s²): median m = band centre + shift (> 0), s = sigma_log (> 0)
};

// How the σ of a Normal (or SkewNormal) contributor is given.
enum class NormalBy {
    Cp,     // σ = T / (3·Cp); the mean may be shifted by `shift`
    Cpk,    // σ = (T − |shift|) / (3·Cpk): Cpk holds at the shifted mean
    Sigma,  // σ given in `sigma` (mm, or degrees for an angle)
};

struct Distribution {
    DistributionKind kind = DistributionKind::Normal;
    NormalBy by = NormalBy::Cp;  // Normal and SkewNormal only
    double capability = 1.0;     // the Cp or Cpk value (by == Cp / Cpk); must be > 0
    double sigma = 0;            // by == Sigma: σ itself, > 0
    double shift = 0;            // process mean − band centre (any kind), same unit as the value
    double skew = 0;             // SkewNormal: shape α (0 = normal; > 0 long tail upwards)
    // Triangular: the most likely value (absolute, same unit as the value, inside the band
    // [nominal − tol_minus, nominal + tol_plus]); absent = the band centre (symmetric triangle).
    // The triangle is (min, mode, max) = (lower limit, mode, upper limit), all moved by `shift`:
    // mean (a + b + c)/3, variance (a² + b² + c² − ab − ac − bc)/18 (docs/tolerance.md).
    std::optional<double> mode;
    // Lognormal: σ of ln x (dimensionless, > 0). The median is the band centre + shift, so
    // mean = m·exp(s²/2) and σ = m·exp(s²/2)·√(exp(s²) − 1): the mean lies above the median.
    double sigma_log = 0;

    // The default (Normal, Cp = 1, no shift): "the tolerance is ±3σ of a centred normal".
    bool is_default() const {
        return kind == DistributionKind::Normal && by == NormalBy::Cp && capability == 1.0 && shift == 0 && skew == 0 &&
            !mode && sigma_log == 0;
    }
    bool operator==(const Distribution&) const = default;
};

// A contributor's link to a measured feature of a capability dataset (core/links/
// measured_links.h). Resolved, the contributor's distribution becomes a Normal with the
// feature's measured σ and shift = measured mean − the contributor's band centre; the band
// (nominal, tolerances) stays the drawing's. The declared distribution is the fallback when
// the link cannot be used.
enum class MeasuredSigma {
    Within,   // σ_within (short term, the σ behind Cpk): the default
    Overall,  // σ_overall (sample SD, the σ behind Ppk): for a stack built over a long run
};
struct MeasuredLink {
    std::string dataset_id;
    std::string feature_id;
    MeasuredSigma sigma = MeasuredSigma::Within;
    bool operator==(const MeasuredLink&) const = default;
};

struct Contributor {
    std::string id;
    std::string name;
    double nominal = 0;      // mm (degrees for an angle)
    double tol_plus = 0;     // >= 0: upper limit = nominal + tol_plus
    double tol_minus = 0;    // >= 0: lower limit = nominal - tol_minus
    double sensitivity = 1;  // d(gap)/d(dimension): +1/-1 in a 1D chain (ignored in a loop)
    std::string partner_id;  // optional: who makes it
    DimensionKind kind = DimensionKind::Length;
    Distribution distribution;
    std::string material;       // key into the material table (materials.h); empty: none
    std::optional<double> cte;  // ppm/K; overrides the material's CTE when set
    // ± ppm/K on the CTE used (its material's or its own), 2026-12-06: the CTE is taken as
    // uniform over [α − u, α + u] (σ_α = u/√3). Only the figures at the operating temperature
    // carry it (docs/tolerance.md, "Uncertain CTE"). Absent: the CTE is exact.
    std::optional<double> cte_tol;
    std::optional<double> measured_at;     // °C; overrides the stack's measurement temperature
    std::optional<MeasuredLink> measured;  // σ and mean from measured data instead of `distribution`
    bool operator==(const Contributor&) const = default;
};

// One vector of a 2D loop: its length is a fixed number or a contributor's value; its angle
// is `angle` plus, when angle_from is set, an angle contributor's value (so several vectors of
// one rigid part can share one tilt: angle 0 and 90, both angle_from "tilt").
struct LoopVector {
    std::string length_from;  // contributor id (a Length); empty: use `length`
    double length = 0;        // mm, used when length_from is empty
    std::string angle_from;   // contributor id (an Angle), added to `angle`; may be empty
    double angle = 0;         // degrees from +x, counter-clockwise (absolute)
    bool operator==(const LoopVector&) const = default;
};

// gap = d · Σ vectors (+ the contributors not used by any vector, with their own sensitivity),
// d the unit vector at `direction` degrees.
struct VectorLoop {
    double direction = 0;  // degrees: the direction the gap is measured along
    std::vector<LoopVector> vectors;
    bool operator==(const VectorLoop&) const = default;
};

struct Stack {
    std::string id;
    std::string name;
    std::vector<Contributor> contributors;
    std::optional<double> lower_limit;    // mm, requirement on the gap
    std::optional<double> upper_limit;    // mm
    double measurement_temperature = 20;  // °C: where the dimensions are true (ISO 1)
    double operating_temperature = 20;    // °C: where the gap matters
    std::optional<VectorLoop> loop;       // 2D vector loop instead of declared sensitivities
    double inflation_factor = 1.0;        // σ multiplier of the "statistical, inflated" figure (1.5 = Bender)
    double ppm_ok = 63;                   // verdict: OK when out-of-limit ppm <= this (centred Cpk 1.33)
    double ppm_fail = 2700;               // verdict: fails when out-of-limit ppm > this (centred Cpk 1.0)

    // Value equality, field by field: the GUI's Monte Carlo reruns only when the resolved
    // stack it samples changes (gui/job_runner.h). NaN never equals itself, but a stack in a
    // plan holds no NaN (validate_stack).
    bool operator==(const Stack&) const = default;
};

// Checks of a stack's values, shared by the plan-file reader, the CSV reader and every
// analysis (the GUI edits stacks in memory, so the analyses check again).
// `where` is relative to the stack: "/contributors/2/distribution/cpk", "/loop/vectors/0".
enum class StackCheck {
    InFile,       // what a saved plan may hold (an empty stack is fine while being edited)
    ForAnalysis,  // additionally: at least one contributor, finite everything
};
// `unit`: the display unit the messages write lengths in (the plan's; values stay in mm).
Issues validate_stack(const Stack& s, StackCheck check, LengthUnit unit = LengthUnit::Millimetre);

// "normal", "uniform", "triangular", "skew-normal", "lognormal"
const char* distribution_name(DistributionKind k);

}  // namespace mf
