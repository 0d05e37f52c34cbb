// Thermal analysis: α·L·ΔT per contributor and the stack at the operating temperature.
#include <cmath>

#include "tolerance/materials.h"
#include "tolerance/stack_analysis.h"
#include "tolerance/stack_internal.h"

namespace mf {

ThermalResult thermal(const Stack& s) {
    ThermalResult r;
    r.measurement_temperature = s.measurement_temperature;
    r.operating_temperature = s.operating_temperature;
    const LinearStack at_meas = linearize_stack(s, s.measurement_temperature);
    LinearStack at_op = linearize_stack(s, s.operating_temperature);
    if (!at_meas.errors.empty() || !at_op.errors.empty()) return r;
    const GapLimits limits = limits_of(s);
    for (size_t i = 0; i < s.contributors.size(); ++i) {
        const Contributor& c = s.contributors[i];
        if (c.kind != DimensionKind::Length) continue;
        ThermalRow row;
        row.index = i;
        row.id = c.id;
        row.name = c.name;
        row.material = c.material;
        row.cte = detail::contributor_cte(c);
        row.measured_at = detail::measured_at(s, c);
        row.delta_t = s.operating_temperature - row.measured_at;
        row.delta_length = row.cte * 1e-6 * c.nominal * row.delta_t;
        // The change of this term of the gap between the two temperatures (sensitivity at the
        // measurement temperature; exact for a chain).
        row.gap_effect = at_meas.terms[i].sensitivity * (at_op.terms[i].nominal - at_meas.terms[i].nominal);
        if (c.cte_tol && *c.cte_tol > 0 && row.delta_t != 0) {
            const double lever = std::fabs(at_op.terms[i].sensitivity * row.delta_t * c.nominal) * 1e-6;
            row.cte_tol = *c.cte_tol;
            row.cte_gap_sigma = lever * row.cte_tol / std::sqrt(3.0);
            row.cte_gap_extreme = lever * row.cte_tol;
        }
        if (row.cte == 0 && s.operating_temperature != s.measurement_temperature)
            r.notes.push_back("\"" + c.name +
                              "\" has no material or CTE: its size is taken as independent of temperature");
        if (c.measured_at && *c.measured_at != s.measurement_temperature && row.cte != 0)
            r.notes.push_back("\"" + c.name + "\" was measured at " + std::to_string(*c.measured_at).substr(0, 6) +
                              " °C: its size is corrected to every temperature from there");
        r.rows.push_back(std::move(row));
    }
    r.nominal_at_measurement = at_meas.nominal_gap;
    r.nominal_at_operating = at_op.nominal_gap;
    r.gap_change = at_op.nominal_gap - at_meas.nominal_gap;
    r.rss_at_operating = rss(at_op, limits);  // classical: the bands only
    r.worst_case_exact_cte = worst_case(at_op);
    r.statistical_exact_cte = statistical(at_op, limits, s.inflation_factor);
    // Uncertain CTEs enter only here, at the operating temperature: at the measurement
    // temperature the dimensions are what was measured.
    double cte_var = 0;
    for (const auto& row : r.rows)
        if (row.cte_tol > 0) {
            at_op.terms[row.index].cte_tol = row.cte_tol;
            cte_var += row.cte_gap_sigma * row.cte_gap_sigma;
            r.has_cte_tolerance = true;
        }
    r.cte_sigma = std::sqrt(cte_var);
    if (r.has_cte_tolerance) {
        r.worst_case_at_operating = worst_case(at_op);
        r.statistical_at_operating = statistical(at_op, limits, s.inflation_factor);
    } else {
        r.worst_case_at_operating = r.worst_case_exact_cte;
        r.statistical_at_operating = r.statistical_exact_cte;
    }
    return r;
}

}  // namespace mf
