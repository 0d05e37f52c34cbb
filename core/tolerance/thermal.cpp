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
    const LinearStack at_op = linearize_stack(s, s.operating_temperature);
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
    r.worst_case_at_operating = worst_case(at_op);
    r.rss_at_operating = rss(at_op, limits);
    r.statistical_at_operating = statistical(at_op, limits, s.inflation_factor);
    return r;
}

}  // namespace mf
