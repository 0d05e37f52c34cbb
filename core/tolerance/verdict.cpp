// The assembly-fit verdict: OK / at risk / fails, at the measurement and the operating
// temperature, with the numbers that decide it (rule in stack_analysis.h and docs/tolerance.md).
#include <cstdio>

#include "tolerance/monte_carlo.h"
#include "tolerance/stack_analysis.h"

namespace mf {

const char* verdict_name(FitVerdict v) {
    switch (v) {
        case FitVerdict::Ok: return "OK";
        case FitVerdict::AtRisk: return "at risk";
        case FitVerdict::Fails: return "fails";
        case FitVerdict::NoRequirement: return "no requirement";
    }
    return "no requirement";
}

static int severity(FitVerdict v) {
    switch (v) {
        case FitVerdict::NoRequirement: return 0;
        case FitVerdict::Ok: return 1;
        case FitVerdict::AtRisk: return 2;
        case FitVerdict::Fails: return 3;
    }
    return 0;
}

// A length stored in mm, written in `u` (4 significant digits).
static std::string len(double v_mm, LengthUnit u) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.4g %s", v_mm / mm_per_unit(u), unit_symbol(u));
    return buf;
}
static std::string ppm(double v) {
    char buf[48];
    if (v >= 1000)
        std::snprintf(buf, sizeof buf, "%.0f ppm", v);
    else
        std::snprintf(buf, sizeof buf, "%.3g ppm", v);
    return buf;
}
static std::string limits_text(const GapLimits& l, LengthUnit u) {
    return "[" + (l.lower ? len(*l.lower, u) : std::string("−∞")) + ", " +
        (l.upper ? len(*l.upper, u) : std::string("+∞")) + "]";
}

static ConditionVerdict assess(const GapLimits& limits, const ConditionInputs& in, double ppm_ok, double ppm_fail,
                               LengthUnit u) {
    auto mm = [u](double v) { return len(v, u); };
    ConditionVerdict cv;
    cv.temperature = in.temperature;
    cv.mean = in.monte_carlo ? in.monte_carlo->mean : in.statistical.mean;
    cv.worst_min = in.worst_case.min;
    cv.worst_max = in.worst_case.max;
    if (!limits.lower && !limits.upper) {
        cv.verdict = FitVerdict::NoRequirement;
        cv.reason = "no lower or upper limit on the gap";
        return cv;
    }
    cv.mean_inside = (!limits.lower || cv.mean >= *limits.lower) && (!limits.upper || cv.mean <= *limits.upper);
    cv.worst_case_inside =
        (!limits.lower || cv.worst_min >= *limits.lower) && (!limits.upper || cv.worst_max <= *limits.upper);
    double lo = 0, hi = 0;
    if (in.monte_carlo) {
        cv.ppm = in.monte_carlo->ppm_total;
        cv.ppm_ci95 = in.monte_carlo->ci95_total;
        cv.ppm_source = "monte carlo";
        lo = cv.ppm_ci95->lower;
        hi = cv.ppm_ci95->upper;
    } else {
        cv.ppm = in.statistical.tails.ppm_total;
        cv.ppm_source = "normal model";
        lo = hi = cv.ppm;
    }
    const std::string rate = ppm(cv.ppm) + " out of limits (" + cv.ppm_source +
        (cv.ppm_ci95 ? ", 95 % CI " + ppm(lo) + "–" + ppm(hi) : std::string()) + ")";
    if (!cv.mean_inside) {
        cv.verdict = FitVerdict::Fails;
        cv.reason = "the mean gap " + mm(cv.mean) + " is outside the limits " + limits_text(limits, u);
    } else if (cv.worst_case_inside) {
        cv.verdict = FitVerdict::Ok;
        cv.reason = "worst case " + mm(cv.worst_min) + " to " + mm(cv.worst_max) + " is inside the limits " +
            limits_text(limits, u) + ": every assembly of in-tolerance parts fits";
    } else if (lo > ppm_fail) {
        cv.verdict = FitVerdict::Fails;
        cv.reason = rate + " is above the fail threshold " + ppm(ppm_fail);
    } else if (hi <= ppm_ok) {
        cv.verdict = FitVerdict::Ok;
        cv.reason = rate + " is within the OK threshold " + ppm(ppm_ok) + " (worst case " + mm(cv.worst_min) + " to " +
            mm(cv.worst_max) + " exceeds the limits)";
    } else {
        cv.verdict = FitVerdict::AtRisk;
        cv.reason = rate + " is between the OK threshold " + ppm(ppm_ok) + " and the fail threshold " + ppm(ppm_fail);
    }
    return cv;
}

// The condition's verdict with its reason in mm (reason) and in the display unit (reason_shown).
static ConditionVerdict assess_both(const GapLimits& limits, const ConditionInputs& in, double ppm_ok, double ppm_fail,
                                    LengthUnit shown) {
    ConditionVerdict cv = assess(limits, in, ppm_ok, ppm_fail, LengthUnit::Millimetre);
    cv.reason_shown = assess(limits, in, ppm_ok, ppm_fail, shown).reason;
    return cv;
}

FitAssessment assess_fit(const Stack& s, const ConditionInputs& at_measurement, const ConditionInputs& at_operating,
                         LengthUnit shown) {
    FitAssessment f;
    f.ppm_ok = s.ppm_ok;
    f.ppm_fail = s.ppm_fail;
    const GapLimits limits = limits_of(s);
    f.at_measurement = assess_both(limits, at_measurement, s.ppm_ok, s.ppm_fail, shown);
    f.at_operating = assess_both(limits, at_operating, s.ppm_ok, s.ppm_fail, shown);
    const int sm = severity(f.at_measurement.verdict), so = severity(f.at_operating.verdict);
    const bool meas_decides = sm > so || (sm == so && f.at_measurement.ppm > f.at_operating.ppm);
    const ConditionVerdict& d = meas_decides ? f.at_measurement : f.at_operating;
    f.verdict = d.verdict;
    char buf[96];
    if (s.measurement_temperature == s.operating_temperature)
        std::snprintf(buf, sizeof buf, "%.4g °C (measurement = operating temperature)", d.temperature);
    else
        std::snprintf(buf, sizeof buf, "%s temperature (%.4g °C)", meas_decides ? "measurement" : "operating",
                      d.temperature);
    f.deciding = buf;
    f.reason = std::string(verdict_name(d.verdict)) + " at " + f.deciding + ": " + d.reason;
    f.reason_shown = std::string(verdict_name(d.verdict)) + " at " + f.deciding + ": " + d.reason_shown;
    return f;
}

}  // namespace mf
