// Contributors as a table: CSV (comma), semicolon-separated or tab-separated text with a
// header row, as exported by a spreadsheet or pasted from one. Used by `mfplan stack --csv`
// and by the GUI's paste. Columns (header names, any order, case-insensitive; docs/tolerance.md):
//   name (required), nominal (required), tol | tol_plus + tol_minus (required),
//   id, sensitivity, kind, distribution, cp, cpk, sigma, shift, skew, material,
//   cte_ppm_per_K, measured_at, partner
// Lengths (nominal, tolerances, sigma, shift) are in the unit given by mm_per_unit (1 = mm,
// 0.001 = µm, 25.4 = in) and converted to mm; angles stay in degrees.
//
//   ContributorTable t = parse_contributor_table(text, 0.001);   // a table in µm
//   for (auto& e : t.errors) ...   // e.where = "row 4, column \"cpk\""
#pragma once
#include <string>
#include <vector>

#include "base/issue.h"
#include "tolerance/stack_model.h"

namespace mf {

struct ContributorTable {
    std::vector<Contributor> contributors;   // one per data row, in order
    std::vector<size_t> rows;                // the 1-based line number of each contributor
    char separator = ',';                    // detected from the header line
    Issues errors;                       // when not empty, `contributors` must not be used
};

ContributorTable parse_contributor_table(const std::string& text, double mm_per_unit = 1.0);

// The column names accepted, in the documented order.
const std::vector<std::string>& contributor_table_columns();

}  // namespace mf
