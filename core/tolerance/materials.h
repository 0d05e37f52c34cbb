// The material table of the thermal analysis: linear coefficients of thermal expansion near
// room temperature. Each entry names where its value comes from (materials.cpp); a
// contributor may override the CTE with its own value (Contributor::cte) when its grade
// differs.
//
//   const Material* m = find_material("inconel-718");   // nullptr when unknown
//   double dL = m->cte * 1e-6 * length_mm * (t_op - t_meas);
#pragma once
#include <string>
#include <vector>

namespace mf {

struct Material {
    const char* key;     // the plan-file value: "silicon", "inconel-718", ...
    const char* name;    // for display: "Inconel 718"
    double cte;          // ppm/K (10⁻⁶/K), mean over the range in `range`
    const char* range;   // temperature range of the value: "20–100 °C"
    const char* source;  // where the value comes from
};

const std::vector<Material>& materials();
const Material* find_material(const std::string& key);
// "silicon, alumina-96, ..." for error messages.
std::string material_keys();

}  // namespace mf
