// The tolerance stack's results table (tolerance/stack_tables.h).
#include "tolerance/stack_tables.h"

#include <cmath>
#include <cstdio>
#include <optional>

#include "base/format.h"

namespace mf {

namespace {

struct Rows {
    ResultTable& t;
    LengthUnit unit;

    void length(const std::string& figure, double at_measurement, double at_operating) const {
        t.rows.push_back({text_cell(figure), text_cell(unit_symbol(unit)),
                          shown_number_cell(format_length_number(at_measurement, unit)),
                          shown_number_cell(format_length_number(at_operating, unit))});
    }
    // A rate as format_ppm writes it, without " ppm" (the Unit column says ppm).
    static TableCell ppm(const std::optional<double>& v) {
        if (!v) return text_cell("—");
        std::string s = format_ppm(*v);
        if (s.size() > 4 && s.compare(s.size() - 4, 4, " ppm") == 0) s.resize(s.size() - 4);
        return shown_number_cell(s);
    }
    void rate(const std::string& figure, const std::optional<double>& at_measurement,
              const std::optional<double>& at_operating) const {
        t.rows.push_back({text_cell(figure), text_cell("ppm"), ppm(at_measurement), ppm(at_operating)});
    }
};

std::string temperature_header(double celsius, const char* condition) {
    char b[64];
    std::snprintf(b, sizeof b, "At %.4g °C (%s)", celsius, condition);
    return b;
}

}  // namespace

ResultTable stack_results_table(const Stack& stack, const StackReport& r, const MonteCarloResult* mc, LengthUnit unit) {
    ResultTable t{"Stack results",
                  "stack-results",
                  {"Figure", "Unit", temperature_header(stack.measurement_temperature, "measurement"),
                   temperature_header(stack.operating_temperature, "operating")},
                  {}};
    if (!r.errors.empty()) return t;
    const ThermalResult& th = r.thermal;
    const Rows rows{t, unit};
    rows.length("Nominal gap", th.nominal_at_measurement, th.nominal_at_operating);
    rows.length("Mid-limit mean", r.worst_case.mean, th.worst_case_at_operating.mean);
    rows.length("Worst case, min", r.worst_case.min, th.worst_case_at_operating.min);
    rows.length("Worst case, max", r.worst_case.max, th.worst_case_at_operating.max);
    if (stack.loop) {
        const ExactWorstCase& m = r.exact_worst_case;
        const ExactWorstCase& o = r.exact_worst_case_at_operating;
        rows.length("Exact worst case (loop), min", m.computed ? m.min : NAN, o.computed ? o.min : NAN);
        rows.length("Exact worst case (loop), max", m.computed ? m.max : NAN, o.computed ? o.max : NAN);
    }
    rows.length("RSS (3σ), min", r.rss.min, th.rss_at_operating.min);
    rows.length("RSS (3σ), max", r.rss.max, th.rss_at_operating.max);
    rows.length("Statistical mean − 3σ", r.statistical.min, th.statistical_at_operating.min);
    rows.length("Statistical mean + 3σ", r.statistical.max, th.statistical_at_operating.max);
    rows.length("σ (statistical)", r.statistical.sigma, th.statistical_at_operating.sigma);
    rows.rate("Predicted out below (normal)", r.statistical.tails.ppm_below,
              th.statistical_at_operating.tails.ppm_below);
    rows.rate("Predicted out above (normal)", r.statistical.tails.ppm_above,
              th.statistical_at_operating.tails.ppm_above);
    if (!mc) return t;
    const MonteCarloSummary& m = mc->at_measurement;
    const MonteCarloSummary& o = mc->at_operating;
    rows.length("Monte Carlo mean", m.mean, o.mean);
    rows.length("Monte Carlo σ", m.sigma, o.sigma);
    rows.length("Monte Carlo 0.135 %", m.p00135, o.p00135);
    rows.length("Monte Carlo 99.865 %", m.p99865, o.p99865);
    rows.rate("Monte Carlo out below", m.ppm_below, o.ppm_below);
    rows.rate("Monte Carlo out above", m.ppm_above, o.ppm_above);
    return t;
}

}  // namespace mf
