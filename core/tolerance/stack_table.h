// Contributors as a table: CSV (comma), semicolon-separated or tab-separated text with a
// header row, as exported by a spreadsheet or pasted from one. Used by `mfplan stack --csv`
// and by the GUI's paste. The text is split by read_delimited (base/delimited_text.h) as every
// table reader splits it — separator, quotes, decimal mark, row numbers (docs/tolerance.md,
// "Reading pasted or CSV text"); lines starting with '#' are comments and rows of empty cells
// are skipped. Columns (header names, any order, case-insensitive; docs/tolerance.md):
//   name (required), nominal (required), tol | tol_plus + tol_minus (required),
//   id, sensitivity, kind, distribution, cp, cpk, sigma, shift, skew, material,
//   cte_ppm_per_K, measured_at, partner
// Lengths (nominal, tolerances, sigma, shift) are in the unit given by mm_per_unit (1 = mm,
// 0.001 = µm, 25.4 = in) and converted to mm; angles stay in degrees.
//
//   ContributorTable t = parse_contributor_table(text, 0.001);   // a table in µm
//   for (auto& e : t.errors) ...   // e.where = "row 4, column \"cpk\""
//   t = parse_contributor_table(pasted, 1.0, StackTableHeader::Optional);   // rows without a header
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/issue.h"
#include "tolerance/stack_model.h"

namespace mf {

struct ContributorTable {
    std::vector<Contributor> contributors;  // one per data row, in order
    std::vector<size_t> rows;               // the 1-based row number of each contributor
    char separator = ',';                   // as read_delimited sniffed it
    char decimal = '.';                     // as read_delimited sniffed it
    bool has_header = true;                 // false: the cells were read in the default column order
    Issues errors;                          // when not empty, `contributors` must not be used
};

// Required: the first row is the header (`mfplan stack --csv`). Optional: the first row is
// the header when it names "name" or "nominal"; otherwise every row is a contributor whose
// cells are read in contributor_table_default_columns() order (the paste into the app).
enum class StackTableHeader { Required, Optional };

ContributorTable parse_contributor_table(std::string_view text, double mm_per_unit = 1.0,
                                         StackTableHeader header = StackTableHeader::Required);

// The column names accepted, in the documented order.
const std::vector<std::string>& contributor_table_columns();
// The columns of a table without a header row: name, nominal, tol_plus, tol_minus,
// sensitivity, distribution, material, partner (as many as the first row has cells, at least 4).
const std::vector<std::string>& contributor_table_default_columns();

}  // namespace mf
