// The analytic tolerance-stack analyses: pure functions from a stack (or its linearisation)
// to plain result structs. Monte Carlo is in monte_carlo.h; analyse_stack() runs them all.
//
//   LinearStack lin = linearize_stack(stack, stack.measurement_temperature);
//   if (!lin.errors.empty()) ...                        // each error names the field
//   WorstCaseResult wc = worst_case(lin);
//   RssResult r = rss(lin, limits_of(stack));
//   StatisticalResult st = statistical(lin, limits_of(stack), stack.inflation_factor);
//
// Centring (stated once, docs/tolerance.md): every statistical figure is centred on the
// MID-LIMIT MEAN of each contributor (the centre of its tolerance band), plus declared mean
// shifts. With asymmetric tolerances (+0.010/−0.002) the nominal gap and the mid-limit mean
// differ by the whole asymmetry; both are reported (WorstCaseResult::nominal, ::mean).
//
// [SECTION] Linearisation   [SECTION] Worst case   [SECTION] RSS   [SECTION] Statistical
// [SECTION] Contributions   [SECTION] Thermal      [SECTION] Verdict   [SECTION] Report
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/issue.h"
#include "stats/summary.h"
#include "tolerance/exact_worst_case.h"
#include "tolerance/stack_model.h"

namespace mf {

struct MonteCarloResult;  // monte_carlo.h
struct MonteCarloSummary;

struct GapLimits {
    std::optional<double> lower;  // mm
    std::optional<double> upper;  // mm
};
inline GapLimits limits_of(const Stack& s) { return {s.lower_limit, s.upper_limit}; }

// [SECTION] Linearisation ------------------------------------------------------------------
// Each contributor resolved at one temperature: its effective sensitivity, its tolerance band
// and its declared distribution's mean and σ, all scaled by the thermal factor 1 + α·ΔT.
struct LinearTerm {
    size_t index = 0;          // into Stack::contributors
    double sensitivity = 0;    // ∂gap/∂x at nominal (computed for loop contributors)
    bool from_loop = false;    // sensitivity computed from the loop geometry
    double nominal = 0;        // at the temperature
    double lo = 0, hi = 0;     // tolerance band at the temperature
    double mid = 0, half = 0;  // band centre (mid-limit mean) and half-width T
    double mean = 0;           // declared distribution: mid + shift
    double sigma = 0;          // declared distribution's σ (table in docs/tolerance.md)
    DistributionKind kind = DistributionKind::Normal;
    double skew = 0;     // skew-normal shape α
    double scale = 1;    // 1 + α·(T − measured_at); 1 for angles and without material
    double cte = 0;      // ppm/K used (0: no material)
    double delta_t = 0;  // K: T − the contributor's measurement temperature
    // The CTE's own tolerance (± ppm/K, uniform), 2026-12-06. Set only by thermal() on the
    // stack at the operating temperature: worst_case() then takes the extreme CTE, and
    // statistical() adds (s·ΔT·L·σ_α)², σ_α = u/√3, L the nominal at measurement.
    double cte_tol = 0;
    double length_at_measurement = 0;  // nominal L the CTE acts on (mm)
    double band_lo = 0, band_hi = 0;   // band ends at measurement (unscaled)
};

struct LinearStack {
    Issues errors;            // validate_stack(ForAnalysis); when not empty nothing else is set
    double temperature = 20;  // °C
    bool is_loop = false;
    double nominal_gap = 0;  // every dimension at nominal (exact loop geometry)
    double offset = 0;       // gap ≈ offset + Σ sensitivity·x (0 for a 1D chain)
    std::vector<LinearTerm> terms;
};

// Resolves a stack at a temperature (°C). For a loop, the sensitivities are the direction
// cosines of the vectors (length contributors) and L·sin(φ − θ)·π/180 (angle contributors,
// per degree), from the nominal geometry at that temperature.
LinearStack linearize_stack(const Stack& s, double temperature);

// The exact gap of a stack for given contributor values (one per contributor, at the
// temperature the values are meant at): Σ s·x for a chain, the projected loop otherwise.
double exact_gap(const Stack& s, const std::vector<double>& values);

// [SECTION] Worst case ---------------------------------------------------------------------
struct WorstCaseResult {
    double nominal = 0;       // gap with every contributor at nominal
    double min = 0, max = 0;  // every contributor at the limit that makes the gap smallest / largest
    double mean = 0;          // mid-limit mean = (min + max) / 2: what every later figure is centred on
    double half_range = 0;    // (max − min) / 2 = Σ |s|·T
    double asymmetry = 0;     // mean − nominal (0 for symmetric tolerances)
};
WorstCaseResult worst_case(const LinearStack& lin);

// One- or two-sided normal tail prediction. ppm values are absent for a side without a limit.
struct TailPrediction {
    std::optional<double> ppm_below;  // P(gap < lower) · 10⁶
    std::optional<double> ppm_above;  // P(gap > upper) · 10⁶
    double ppm_total = 0;
    double yield = 1;  // 1 − ppm_total / 10⁶
};
TailPrediction normal_tails(double mean, double sigma, const GapLimits& limits);

// [SECTION] RSS ----------------------------------------------------------------------------
// Classical RSS at 3σ: each tolerance band is ±3σ of a normal centred on its mid-limit mean,
// σ_i = T_i / 3, σ_gap = √Σ(s_i σ_i)². min/max = mean ∓ 3σ_gap. Variants, each labelled:
// Bender (σ × 1.5) and Drake's modified RSS, T = C_f · √Σ(s_i T_i)² with
// C_f = 0.5 (T_wc − T_rss) / (T_rss (√n − 1)) + 1 (n contributors with a tolerance; C_f = 1 for n = 1).
struct RssResult {
    double mean = 0;          // mid-limit mean
    double sigma = 0;         // σ_gap
    double min = 0, max = 0;  // mean ∓ 3σ
    TailPrediction tails;     // normal tails of N(mean, σ)
    double bender_sigma = 0;  // 1.5 σ
    double bender_min = 0, bender_max = 0;
    size_t n = 0;            // contributors with s·T ≠ 0
    double mrss_factor = 1;  // C_f
    double mrss_min = 0, mrss_max = 0;
};
RssResult rss(const LinearStack& lin, const GapLimits& limits);

// [SECTION] Statistical --------------------------------------------------------------------
// Declared distributions: mean = Σ s_i (mid_i + shift_i) (+ offset), σ = √Σ s_i² σ_i², tails
// from a normal with that mean and σ (the central limit approximation; Monte Carlo gives the
// real tails). Also, each labelled: σ × inflation factor, and the long-term 1.5σ convention
// (each tail evaluated with the mean moved 1.5σ toward that limit).
struct StatisticalResult {
    double mean = 0;
    double sigma = 0;
    double min = 0, max = 0;  // mean ∓ 3σ
    TailPrediction tails;
    std::optional<double> cpk;  // min over given limits of |limit − mean| / 3σ (signed)
    double inflation_factor = 1;
    std::string inflation_label;  // "none", "Bender (σ × 1.5)", "user factor (σ × 1.3)"
    double inflated_sigma = 0;
    TailPrediction inflated_tails;
    TailPrediction long_term_tails;  // 1.5σ shift toward each limit
};
StatisticalResult statistical(const LinearStack& lin, const GapLimits& limits, double inflation_factor = 1.0);

// [SECTION] Contributions ------------------------------------------------------------------
// "Which tolerance should I tighten?" Each share in [0, 1]:
//   worst_case_share   |s_i| T_i / Σ |s_j| T_j               (share of the worst-case range)
//   rss_share          (s_i T_i)² / Σ (s_j T_j)²            (variance share, tolerance = ±3σ)
//   statistical_share  s_i² σ_i² / Σ s_j² σ_j²              (variance share, declared distributions)
//   monte_carlo_share  r_i² = corr(x_i, gap)² from the samples (linear main-effect share; equals
//                      the statistical share for a chain, up to sampling error)
// Rows are ranked by statistical_share (1 = largest), ties by index.
struct ContributionRow {
    size_t index = 0;
    std::string id, name;
    double sensitivity = 0;
    double worst_case_share = 0;
    double rss_share = 0;
    double statistical_share = 0;
    std::optional<double> monte_carlo_share;
    int rank = 0;
};
std::vector<ContributionRow> contributions(const Stack& s, const LinearStack& lin, const MonteCarloResult* mc);

// [SECTION] Thermal ------------------------------------------------------------------------
// Each length contributor grows by α·L·ΔT between the temperature it was measured at and the
// operating temperature (α from its material or its own CTE; angles do not change). The
// whole distribution scales with the length (x·(1 + αΔT)): exact for a chain.
struct ThermalRow {
    size_t index = 0;
    std::string id, name, material;
    double cte = 0;              // ppm/K (0: no material)
    double measured_at = 20;     // °C
    double delta_t = 0;          // K: operating − measured_at
    double delta_length = 0;     // mm: α·L·ΔT at nominal
    double gap_effect = 0;       // mm: s · α·L·ΔT
    double cte_tol = 0;          // ± ppm/K on α (0: exact)
    double cte_gap_sigma = 0;    // mm: |s·ΔT·L|·σ_α, σ_α = cte_tol/√3
    double cte_gap_extreme = 0;  // mm: |s·ΔT·L|·cte_tol: the worst-case widening each way
};
struct ThermalResult {
    double measurement_temperature = 20, operating_temperature = 20;
    std::vector<ThermalRow> rows;
    double nominal_at_measurement = 0;
    double nominal_at_operating = 0;
    double gap_change = 0;                    // nominal_at_operating − nominal_at_measurement
    WorstCaseResult worst_case_at_operating;  // with the extreme CTE when one carries a tolerance
    RssResult rss_at_operating;
    StatisticalResult statistical_at_operating;  // with each CTE tolerance's σ contribution
    // Uncertain CTE (2026-12-06): the same figures at the operating temperature with every CTE
    // exact, and the σ the CTE tolerances add. has_cte_tolerance false: all equal.
    bool has_cte_tolerance = false;
    WorstCaseResult worst_case_exact_cte;
    StatisticalResult statistical_exact_cte;
    double cte_sigma = 0;            // mm: √Σ (s·ΔT·L·σ_α)²
    std::vector<std::string> notes;  // e.g. contributors without a material
};
ThermalResult thermal(const Stack& s);

// [SECTION] Verdict ------------------------------------------------------------------------
// At each temperature (measurement: assembly and inspection; operating: use):
//   fails    the mean gap is outside the limits, or the out-of-limit rate is above ppm_fail
//            (Monte Carlo: the lower end of its 95 % interval);
//   OK       the worst case is inside the limits, or the rate is at most ppm_ok
//            (Monte Carlo: the upper end of its 95 % interval);
//   at risk  otherwise.
// The stack's verdict is the worse of the two; the deciding temperature is named.
// The rate is the Monte Carlo estimate when one was run, else the statistical normal model.
enum class FitVerdict { Ok, AtRisk, Fails, NoRequirement };
const char* verdict_name(FitVerdict v);  // "OK", "at risk", "fails", "no requirement"

struct ConditionVerdict {
    double temperature = 20;
    FitVerdict verdict = FitVerdict::NoRequirement;
    double mean = 0;
    double worst_min = 0, worst_max = 0;
    bool worst_case_inside = false;
    bool mean_inside = false;
    double ppm = 0;                    // out-of-limit rate used
    std::optional<Interval> ppm_ci95;  // Monte Carlo only
    std::string ppm_source;            // "monte carlo" or "normal model"
    std::string reason;                // lengths in mm, the stored unit (the JSON, the CLI's "lengths in mm")
    std::string reason_shown;          // the same in the plan's display unit (the views, the report)
};
struct FitAssessment {
    FitVerdict verdict = FitVerdict::NoRequirement;
    std::string deciding;      // "operating temperature (85 °C)"
    std::string reason;        // lengths in mm (the JSON's and the CLI's unit)
    std::string reason_shown;  // lengths in the plan's display unit (what the views show)
    ConditionVerdict at_measurement, at_operating;
    double ppm_ok = 63, ppm_fail = 2700;
};
struct ConditionInputs {
    double temperature = 20;
    WorstCaseResult worst_case;
    StatisticalResult statistical;
    const MonteCarloSummary* monte_carlo = nullptr;
};
// `shown`: the display unit of reason_shown (the plan's).
FitAssessment assess_fit(const Stack& s, const ConditionInputs& at_measurement, const ConditionInputs& at_operating,
                         LengthUnit shown = LengthUnit::Millimetre);

// [SECTION] Report -------------------------------------------------------------------------
// Every analytic result of one stack (and the verdict from the Monte Carlo result when given).
struct StackReport {
    Issues errors;       // when not empty, nothing else is meaningful
    LinearStack linear;  // at the measurement temperature
    WorstCaseResult worst_case;
    RssResult rss;
    StatisticalResult statistical;
    std::vector<ContributionRow> contributions;
    ThermalResult thermal;
    FitAssessment fit;
    // 2D loops (2026-12-06): the exact worst case beside the linearised one, at the
    // measurement and the operating temperature (computed false for a chain).
    ExactWorstCase exact_worst_case, exact_worst_case_at_operating;
};
// `shown`: the display unit of the verdict's reason_shown.
StackReport analyse_stack(const Stack& s, const MonteCarloResult* mc = nullptr,
                          LengthUnit shown = LengthUnit::Millimetre);

}  // namespace mf
