// parse_contributor_table: rows of delimited text into contributors, each error naming its row and column.
#include "tolerance/stack_table.h"

#include "base/delimited_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "base/issue_cap.h"

namespace mf {

const std::vector<std::string>& contributor_table_columns() {
    static const std::vector<std::string> cols = {
        "name", "nominal", "tol",   "tol_plus", "tol_minus", "id",       "sensitivity",   "kind",        "distribution",
        "cp",   "cpk",     "sigma", "shift",    "skew",      "material", "cte_ppm_per_K", "measured_at", "partner"};
    return cols;
}

static std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

const std::vector<std::string>& contributor_table_default_columns() {
    static const std::vector<std::string> cols = {"name",        "nominal",      "tol_plus", "tol_minus",
                                                  "sensitivity", "distribution", "material", "partner"};
    return cols;
}

namespace {

// The header row is the one that names "name" or "nominal" (a contributor's row holds its
// name and numbers, never these words).
bool names_a_column(const DelimitedText& text, const TextRow& row) {
    for (size_t c = 0; c < row.cells; ++c) {
        const std::string cell = lower(trim_cell(text.cell(row, c)));
        if (cell == "name" || cell == "nominal") return true;
    }
    return false;
}

// The column names: the header row's cells, or without one the default columns, as many as the
// first row has cells (at least 4).
std::vector<std::string> header_names(const DelimitedText& text_rows, bool has_header) {
    std::vector<std::string> header;
    if (has_header) {
        for (size_t k = 0; k < text_rows.rows[0].cells; ++k) header.push_back(trim_cell(text_rows.cell(0, k)));
    } else {
        const auto& names = contributor_table_default_columns();
        const size_t n = std::min(names.size(), std::max<size_t>(text_rows.rows[0].cells, 4));
        header.assign(names.begin(), names.begin() + static_cast<long>(n));
    }
    return header;
}

// Canonical column name → cell index; unknown and repeated columns are errors.
std::map<std::string, size_t> map_columns(const std::vector<std::string>& header, size_t hrow, Issues& errors) {
    std::map<std::string, size_t> col;
    for (size_t k = 0; k < header.size(); ++k) {
        const std::string h = lower(trim_cell(header[k]));
        std::string canonical;
        for (const auto& c : contributor_table_columns())
            if (lower(c) == h) canonical = c;
        if (canonical.empty()) {
            std::string known;
            for (const auto& c : contributor_table_columns()) known += (known.empty() ? "" : ", ") + c;
            errors.push_back({cell_place(hrow, header[k]), "unknown column (accepted: " + known + ")"});
            continue;
        }
        if (col.count(canonical)) {
            errors.push_back({cell_place(hrow, header[k]), "column given twice"});
            continue;
        }
        col[canonical] = k;
    }
    return col;
}

// The columns every table needs: name, nominal and the tolerance (± or plus and minus).
void check_required_columns(const std::map<std::string, size_t>& col, size_t hrow, Issues& errors) {
    for (const char* need : {"name", "nominal"})
        if (!col.count(need))
            errors.push_back({"row " + std::to_string(hrow), std::string("missing column \"") + need + "\""});
    const bool sym = col.count("tol") != 0;
    if (sym && (col.count("tol_plus") || col.count("tol_minus")))
        errors.push_back(
            {"row " + std::to_string(hrow), "give either \"tol\" (±) or \"tol_plus\" and \"tol_minus\", not both"});
    else if (!sym && (!col.count("tol_plus") || !col.count("tol_minus")))
        errors.push_back({"row " + std::to_string(hrow),
                          "missing tolerance columns: \"tol\" (±) or \"tol_plus\" and \"tol_minus\""});
}

// The cells of one row by column name; a shorter row leaves the last columns empty.
struct RowCells {
    const DelimitedText& text_rows;
    const TextRow& text_row;
    const std::map<std::string, size_t>& col;
    Issues& errors;
    size_t row;  // its line number

    std::string cell(const char* name) const {
        auto it = col.find(name);
        return it == col.end() ? std::string() : trim_cell(text_rows.cell(text_row, it->second));
    }
    // True with `out` set when the cell holds a number; an error when it holds text, or is
    // empty and `required`.
    bool number(const char* name, double& out, bool required) const {
        const std::string v = cell(name);
        switch (parse_number_cell(v, text_rows.decimal, out)) {
            case CellKind::Number: return true;
            case CellKind::Missing:
                if (required) errors.push_back({cell_place(row, name), "missing value"});
                return false;
            case CellKind::Text: break;
        }
        errors.push_back({cell_place(row, name), "expected a number, found " + quoted_cell(v)});
        return false;
    }
};

// The distribution columns: its kind, then one of cp, cpk or sigma, shift and skew.
void read_distribution(const RowCells& r, Distribution& d, double unit) {
    const size_t row = r.row;
    Issues& errors = r.errors;
    const std::string dist = lower(r.cell("distribution"));
    if (dist.empty() || dist == "normal")
        d.kind = DistributionKind::Normal;
    else if (dist == "uniform")
        d.kind = DistributionKind::Uniform;
    else if (dist == "triangular")
        d.kind = DistributionKind::Triangular;
    else if (dist == "skew-normal")
        d.kind = DistributionKind::SkewNormal;
    else
        errors.push_back(
            {cell_place(row, "distribution"),
             "unknown value \"" + r.cell("distribution") + "\" (accepted: normal, uniform, triangular, skew-normal)"});
    const bool normal_like = d.kind == DistributionKind::Normal || d.kind == DistributionKind::SkewNormal;
    double v = 0;
    int given = 0;
    for (const char* key : {"cp", "cpk", "sigma"}) {
        if (!r.number(key, v, false)) continue;
        if (!normal_like) {
            errors.push_back({cell_place(row, key),
                              std::string(key) + " applies to normal and skew-normal distributions, not to " +
                                  distribution_name(d.kind)});
            continue;
        }
        if (++given > 1) {
            errors.push_back({cell_place(row, key), "give one of cp, cpk or sigma, not several"});
            continue;
        }
        const std::string k = key;
        if (k == "cpk") {
            d.by = NormalBy::Cpk;
            d.capability = v;
        } else if (k == "cp") {
            d.by = NormalBy::Cp;
            d.capability = v;
        } else {
            d.by = NormalBy::Sigma;
            d.sigma = v * unit;
        }
    }
    if (r.number("shift", v, false)) d.shift = v * unit;
    if (r.number("skew", v, false)) {
        if (d.kind == DistributionKind::SkewNormal)
            d.skew = v;
        else
            errors.push_back({cell_place(row, "skew"), "skew applies only to the skew-normal distribution"});
    }
}

// One row as a contributor (lengths converted to mm); its problems go to r.errors.
Contributor read_contributor(const RowCells& r, bool sym, double mm_per_unit) {
    const size_t row = r.row;
    Issues& errors = r.errors;
    Contributor c;
    c.name = r.cell("name");
    if (c.name.empty()) errors.push_back({cell_place(row, "name"), "missing value"});
    c.id = r.cell("id").empty() ? "row" + std::to_string(row) : r.cell("id");
    c.partner_id = r.cell("partner");
    const std::string kind = lower(r.cell("kind"));
    if (kind == "angle")
        c.kind = DimensionKind::Angle;
    else if (!kind.empty() && kind != "length")
        errors.push_back(
            {cell_place(row, "kind"), "unknown value \"" + r.cell("kind") + "\" (accepted: length, angle)"});
    const double unit = c.kind == DimensionKind::Angle ? 1.0 : mm_per_unit;
    if (r.number("nominal", c.nominal, true)) c.nominal *= unit;
    if (sym) {
        double tol = 0;
        if (r.number("tol", tol, true)) c.tol_plus = c.tol_minus = tol * unit;
    } else {
        if (r.number("tol_plus", c.tol_plus, true)) c.tol_plus *= unit;
        if (r.number("tol_minus", c.tol_minus, true)) c.tol_minus *= unit;
    }
    r.number("sensitivity", c.sensitivity, false);
    read_distribution(r, c.distribution, unit);
    double v = 0;
    c.material = r.cell("material");
    if (r.number("cte_ppm_per_K", v, false)) c.cte = v;
    if (r.number("measured_at", v, false)) c.measured_at = v;
    return c;
}

// A repeated id is reported once per repeat, naming the row where the id first appears.
void report_duplicate_ids(ContributorTable& t) {
    std::unordered_map<std::string, size_t> first_row;
    for (size_t k = 0; k < t.contributors.size(); ++k) {
        auto [it, inserted] = first_row.emplace(t.contributors[k].id, t.rows[k]);
        if (!inserted)
            t.errors.push_back(
                {cell_place(t.rows[k], "id"),
                 "duplicate id \"" + t.contributors[k].id + "\" (also on row " + std::to_string(it->second) + ")"});
    }
}

// The value checks every analysis makes, reported by row and column.
void report_value_problems(ContributorTable& t, bool sym) {
    Stack probe;
    probe.contributors = t.contributors;
    for (const auto& e : validate_stack(probe, StackCheck::InFile)) {
        // e.where = "/contributors/<k>/<field>[/<sub>]"
        const std::string prefix = "/contributors/";
        if (e.where.empty()) {  // "and N more problems"
            t.errors.push_back(e);
            continue;
        }
        if (e.where.compare(0, prefix.size(), prefix) != 0) continue;
        const size_t k = std::strtoul(e.where.c_str() + prefix.size(), nullptr, 10);
        std::string field = e.where.substr(e.where.rfind('/') + 1);
        if (field == "id") continue;  // duplicates are reported above, with row numbers
        if (sym && (field == "tol_plus" || field == "tol_minus")) field = "tol";
        t.errors.push_back({k < t.rows.size() ? cell_place(t.rows[k], field) : e.where, e.message});
    }
}

}  // namespace

ContributorTable parse_contributor_table(std::string_view text, double mm_per_unit, StackTableHeader header_rule) {
    ContributorTable t;
    if (!(mm_per_unit > 0) || !std::isfinite(mm_per_unit)) {
        t.errors.push_back({"", "the length unit must be a positive number of millimetres"});
        return t;
    }
    // Rows of cells as every table reader splits text (base/delimited_text.h); lines starting
    // with '#' are comments. The header is decided here, by its names.
    DelimitedOptions options;
    options.header = HeaderRow::No;
    options.comment = '#';
    const DelimitedText text_rows = read_delimited(text, options);
    t.separator = text_rows.separator;
    t.decimal = text_rows.decimal;
    if (!text_rows.errors.empty()) {
        t.errors = text_rows.errors;
        return t;
    }
    if (text_rows.rows.empty()) {
        t.errors.push_back(
            {"row 1", "the table is empty: expected a header row (name, nominal, tol_plus, tol_minus, ...)"});
        return t;
    }
    t.has_header = header_rule == StackTableHeader::Required || names_a_column(text_rows, text_rows.rows[0]);
    const std::vector<std::string> header = header_names(text_rows, t.has_header);
    const size_t hrow = text_rows.rows[0].number;
    const std::map<std::string, size_t> col = map_columns(header, hrow, t.errors);  // canonical name -> cell index
    check_required_columns(col, hrow, t.errors);
    const bool sym = col.count("tol") != 0;
    if (!t.errors.empty()) {
        cap_issues(t.errors);  // a header of thousands of unknown columns
        return t;
    }

    for (size_t li = t.has_header ? 1 : 0; li < text_rows.rows.size(); ++li) {
        const TextRow& text_row = text_rows.rows[li];
        const size_t row = text_row.number;
        bool empty = true;  // a row of empty cells (a spreadsheet's empty row) is no contributor
        for (size_t k = 0; k < text_row.cells && empty; ++k) empty = trim_cell(text_rows.cell(text_row, k)).empty();
        if (empty) continue;
        if (text_row.cells > header.size()) {
            t.errors.push_back({"row " + std::to_string(row),
                                "has " + std::to_string(text_row.cells) + " cells, the " +
                                    (t.has_header ? "header has " : "columns without a header row are ") +
                                    std::to_string(header.size())});
            continue;
        }
        const RowCells cells{text_rows, text_row, col, t.errors, row};
        t.contributors.push_back(read_contributor(cells, sym, mm_per_unit));
        t.rows.push_back(row);
    }
    if (t.contributors.size() > kMaxContributors) {
        t.errors.push_back({"", too_many("rows", t.contributors.size(), kMaxContributors, "a contributor table")});
        cap_issues(t.errors);
        return t;
    }
    report_duplicate_ids(t);
    report_value_problems(t, sym);
    cap_issues(t.errors);
    return t;
}

}  // namespace mf
