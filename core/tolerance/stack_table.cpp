// parse_contributor_table: CSV/TSV rows into contributors, each error naming its row and column.
#include "tolerance/stack_table.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "base/issue_cap.h"

namespace mf {

const std::vector<std::string>& contributor_table_columns() {
    static const std::vector<std::string> cols = {
        "name", "nominal", "tol", "tol_plus", "tol_minus", "id", "sensitivity", "kind", "distribution", "cp", "cpk",
        "sigma", "shift", "skew", "material", "cte_ppm_per_K", "measured_at", "partner"};
    return cols;
}

static std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

static std::string trim(const std::string& s) {
    size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return s.substr(a, b - a);
}

// Splits one line into cells; "quoted" cells may hold the separator and "" for a quote.
static bool split_line(const std::string& line, char sep, std::vector<std::string>& cells) {
    cells.clear();
    std::string cell;
    bool quoted = false, was_quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char ch = line[i];
        if (quoted) {
            if (ch == '"') {
                if (i + 1 < line.size() && line[i + 1] == '"') { cell += '"'; ++i; }
                else quoted = false;
            } else cell += ch;
        } else if (ch == '"' && trim(cell).empty()) {
            quoted = was_quoted = true;
            cell.clear();
        } else if (ch == sep) {
            cells.push_back(was_quoted ? cell : trim(cell));
            cell.clear();
            was_quoted = false;
        } else cell += ch;
    }
    if (quoted) return false;
    cells.push_back(was_quoted ? cell : trim(cell));
    return true;
}

// A number as typed in a spreadsheet: optional sign (also U+2212 "−"), digits, exponent.
static bool parse_number(std::string s, double& out) {
    const std::string minus = "\xE2\x88\x92";
    if (s.compare(0, minus.size(), minus) == 0) s = "-" + s.substr(minus.size());
    if (s.empty()) return false;
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v)) return false;
    // strtod also reads "nan", "inf" and hex: accept only decimal notation.
    for (char ch : s)
        if (!(std::isdigit(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E'))
            return false;
    out = v;
    return true;
}

ContributorTable parse_contributor_table(const std::string& text, double mm_per_unit) {
    ContributorTable t;
    auto where = [](size_t row, const std::string& col) { return "row " + std::to_string(row) + ", column \"" + col + "\""; };
    if (!(mm_per_unit > 0) || !std::isfinite(mm_per_unit)) {
        t.errors.push_back({"", "the length unit must be a positive number of millimetres"});
        return t;
    }
    // Lines (CRLF, LF or CR), skipping blank lines and lines starting with '#'.
    std::vector<std::pair<size_t, std::string>> lines;
    {
        size_t start = 0, number = 1;
        std::string body = text;
        if (body.compare(0, 3, "\xEF\xBB\xBF") == 0) body = body.substr(3);   // UTF-8 byte-order mark
        for (size_t i = 0; i <= body.size(); ++i) {
            if (i == body.size() || body[i] == '\n' || body[i] == '\r') {
                std::string line = body.substr(start, i - start);
                if (!trim(line).empty() && trim(line)[0] != '#') lines.emplace_back(number, line);
                if (i < body.size() && body[i] == '\r' && i + 1 < body.size() && body[i + 1] == '\n') ++i;
                start = i + 1;
                ++number;
            }
        }
    }
    if (lines.empty()) {
        t.errors.push_back({"row 1", "the table is empty: expected a header row (name, nominal, tol_plus, tol_minus, ...)"});
        return t;
    }
    const std::string& header_line = lines[0].second;
    t.separator = header_line.find('\t') != std::string::npos ? '\t'
                  : (header_line.find(';') != std::string::npos && header_line.find(',') == std::string::npos) ? ';'
                                                                                                              : ',';
    std::vector<std::string> header;
    if (!split_line(header_line, t.separator, header)) {
        t.errors.push_back({"row " + std::to_string(lines[0].first), "unterminated quote in the header"});
        return t;
    }
    std::map<std::string, size_t> col;   // canonical name -> cell index
    for (size_t k = 0; k < header.size(); ++k) {
        const std::string h = lower(trim(header[k]));
        std::string canonical;
        for (const auto& c : contributor_table_columns())
            if (lower(c) == h) canonical = c;
        if (canonical.empty()) {
            std::string known;
            for (const auto& c : contributor_table_columns()) known += (known.empty() ? "" : ", ") + c;
            t.errors.push_back({where(lines[0].first, header[k]), "unknown column (accepted: " + known + ")"});
            continue;
        }
        if (col.count(canonical)) {
            t.errors.push_back({where(lines[0].first, header[k]), "column given twice"});
            continue;
        }
        col[canonical] = k;
    }
    const size_t hrow = lines[0].first;
    for (const char* need : {"name", "nominal"})
        if (!col.count(need)) t.errors.push_back({"row " + std::to_string(hrow), std::string("missing column \"") + need + "\""});
    const bool sym = col.count("tol") != 0;
    if (sym && (col.count("tol_plus") || col.count("tol_minus")))
        t.errors.push_back({"row " + std::to_string(hrow), "give either \"tol\" (±) or \"tol_plus\" and \"tol_minus\", not both"});
    else if (!sym && (!col.count("tol_plus") || !col.count("tol_minus")))
        t.errors.push_back({"row " + std::to_string(hrow), "missing tolerance columns: \"tol\" (±) or \"tol_plus\" and \"tol_minus\""});
    if (!t.errors.empty()) {
        cap_issues(t.errors);  // a header of thousands of unknown columns
        return t;
    }

    std::vector<std::string> cells;
    for (size_t li = 1; li < lines.size(); ++li) {
        const size_t row = lines[li].first;
        if (!split_line(lines[li].second, t.separator, cells)) {
            t.errors.push_back({"row " + std::to_string(row), "unterminated quote"});
            continue;
        }
        if (cells.size() > header.size()) {
            t.errors.push_back({"row " + std::to_string(row), "has " + std::to_string(cells.size()) +
                                                                  " cells, the header has " + std::to_string(header.size())});
            continue;
        }
        cells.resize(header.size());
        auto cell = [&](const char* name) -> std::string {
            auto it = col.find(name);
            return it == col.end() ? std::string() : cells[it->second];
        };
        auto number = [&](const char* name, double& out, bool required) -> bool {
            const std::string v = cell(name);
            if (v.empty()) {
                if (required) t.errors.push_back({where(row, name), "missing value"});
                return false;
            }
            if (!parse_number(v, out)) {
                t.errors.push_back({where(row, name), "expected a number, found \"" + v.substr(0, 40) + "\""});
                return false;
            }
            return true;
        };
        Contributor c;
        c.name = cell("name");
        if (c.name.empty()) t.errors.push_back({where(row, "name"), "missing value"});
        c.id = cell("id").empty() ? "row" + std::to_string(row) : cell("id");
        c.partner_id = cell("partner");
        const std::string kind = lower(cell("kind"));
        if (kind == "angle") c.kind = DimensionKind::Angle;
        else if (!kind.empty() && kind != "length")
            t.errors.push_back({where(row, "kind"), "unknown value \"" + cell("kind") + "\" (accepted: length, angle)"});
        const double unit = c.kind == DimensionKind::Angle ? 1.0 : mm_per_unit;
        if (number("nominal", c.nominal, true)) c.nominal *= unit;
        if (sym) {
            double tol = 0;
            if (number("tol", tol, true)) c.tol_plus = c.tol_minus = tol * unit;
        } else {
            if (number("tol_plus", c.tol_plus, true)) c.tol_plus *= unit;
            if (number("tol_minus", c.tol_minus, true)) c.tol_minus *= unit;
        }
        number("sensitivity", c.sensitivity, false);
        Distribution& d = c.distribution;
        const std::string dist = lower(cell("distribution"));
        if (dist.empty() || dist == "normal") d.kind = DistributionKind::Normal;
        else if (dist == "uniform") d.kind = DistributionKind::Uniform;
        else if (dist == "triangular") d.kind = DistributionKind::Triangular;
        else if (dist == "skew-normal") d.kind = DistributionKind::SkewNormal;
        else
            t.errors.push_back({where(row, "distribution"), "unknown value \"" + cell("distribution") +
                                                                "\" (accepted: normal, uniform, triangular, skew-normal)"});
        const bool normal_like = d.kind == DistributionKind::Normal || d.kind == DistributionKind::SkewNormal;
        double v = 0;
        int given = 0;
        for (const char* key : {"cp", "cpk", "sigma"}) {
            if (!number(key, v, false)) continue;
            if (!normal_like) {
                t.errors.push_back({where(row, key), std::string(key) + " applies to normal and skew-normal distributions, not to " +
                                                         distribution_name(d.kind)});
                continue;
            }
            if (++given > 1) {
                t.errors.push_back({where(row, key), "give one of cp, cpk or sigma, not several"});
                continue;
            }
            const std::string k = key;
            if (k == "cpk") { d.by = NormalBy::Cpk; d.capability = v; }
            else if (k == "cp") { d.by = NormalBy::Cp; d.capability = v; }
            else { d.by = NormalBy::Sigma; d.sigma = v * unit; }
        }
        if (number("shift", v, false)) d.shift = v * unit;
        if (number("skew", v, false)) {
            if (d.kind == DistributionKind::SkewNormal) d.skew = v;
            else t.errors.push_back({where(row, "skew"), "skew applies only to the skew-normal distribution"});
        }
        c.material = cell("material");
        if (number("cte_ppm_per_K", v, false)) c.cte = v;
        if (number("measured_at", v, false)) c.measured_at = v;
        t.contributors.push_back(std::move(c));
        t.rows.push_back(row);
    }
    if (t.contributors.size() > kMaxContributors) {
        t.errors.push_back({"", too_many("rows", t.contributors.size(), kMaxContributors, "a contributor table")});
        cap_issues(t.errors);
        return t;
    }
    // A repeated id is reported once per repeat, naming the row where the id first appears.
    std::unordered_map<std::string, size_t> first_row;
    for (size_t k = 0; k < t.contributors.size(); ++k) {
        auto [it, inserted] = first_row.emplace(t.contributors[k].id, t.rows[k]);
        if (!inserted)
            t.errors.push_back({where(t.rows[k], "id"), "duplicate id \"" + t.contributors[k].id + "\" (also on row " +
                                                            std::to_string(it->second) + ")"});
    }
    // The value checks every analysis makes, reported by row and column.
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
        if (field == "id") continue;   // duplicates are reported above, with row numbers
        if (sym && (field == "tol_plus" || field == "tol_minus")) field = "tol";
        t.errors.push_back({k < t.rows.size() ? where(t.rows[k], field) : e.where, e.message});
    }
    cap_issues(t.errors);
    return t;
}

}  // namespace mf
