// [SECTION] Cells: letters, places
// [SECTION] Reading delimited text
// [SECTION] Measurement datasets
// [SECTION] First-pass-yield counts
#include "capability/table_import.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>

#include "base/limits.h"

namespace mf {

namespace {
constexpr size_t kMaxErrors = 20;  // then "... and N more"

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Adds an error, or counts it once the list is long.
struct ErrorSink {
    Issues& out;
    size_t dropped = 0;
    void add(std::string where, std::string msg) {
        if (out.size() < kMaxErrors)
            out.push_back({std::move(where), std::move(msg)});
        else
            ++dropped;
    }
    void finish() {
        if (dropped) out.push_back({"", "... and " + std::to_string(dropped) + " more problems of the same kind"});
    }
};
}  // namespace

// [SECTION] Cells: letters, places ---------------------------------------------------

std::string column_letter(size_t col) {
    std::string s;
    size_t n = col + 1;
    while (n > 0) {
        const size_t r = (n - 1) % 26;
        s.insert(s.begin(), static_cast<char>('A' + r));
        n = (n - 1) / 26;
    }
    return s;
}

std::string cell_where(const TextTable& t, size_t row, size_t col) {
    std::string w = "row " + std::to_string(t.sheet_row(row)) + ", column " + column_letter(col);
    if (col < t.headers.size() && t.has_header) w += " (\"" + t.headers[col] + "\")";
    return w;
}

// [SECTION] Reading delimited text --------------------------------------------------------------

TableReadResult read_table(std::string_view text, const TableOptions& o) {
    TableReadResult r;
    TextTable& t = r.table;
    DelimitedOptions d;
    d.separator = o.delimiter;
    d.decimal = o.decimal;
    d.header = o.header < 0 ? HeaderRow::Auto : o.header ? HeaderRow::Yes : HeaderRow::No;
    DelimitedText text_rows = read_delimited(text, d);
    if (!text_rows.errors.empty()) {
        r.errors = std::move(text_rows.errors);
        return r;
    }
    if (text_rows.columns == 0) {
        r.errors.push_back({"", "the text holds no rows"});
        return r;
    }
    t.delimiter = text_rows.separator;
    t.decimal = text_rows.decimal;
    t.has_header = text_rows.has_header;
    t.columns = text_rows.columns;
    // The documented limits (base/limits.h): a column is a feature, a record a row.
    if (t.columns > kMaxFeatures || text_rows.rows.size() > kMaxRows) {
        r.errors.push_back({"",
                            t.columns > kMaxFeatures ? too_many("columns", t.columns, kMaxFeatures, "a table")
                                                     : too_many("rows", text_rows.rows.size(), kMaxRows, "a table")});
        return r;
    }
    for (size_t c = 0; c < t.columns; ++c) {
        std::string h = t.has_header ? trim_cell(text_rows.cell(text_rows.header, c)) : std::string();
        if (h.empty()) h = "C" + std::to_string(c + 1);
        t.headers.push_back(std::move(h));
    }

    // Ragged rows.
    ErrorSink sink{r.errors};
    for (const TextRow& row : text_rows.rows)
        if (row.cells != t.columns)
            sink.add("row " + std::to_string(row.number),
                     "has " + std::to_string(row.cells) + " cells, the " + (t.has_header ? "header" : "first row") +
                         " has " + std::to_string(t.columns));
    sink.finish();
    if (!r.errors.empty()) return r;

    // Keep the data rows: a rectangle of spans over the reader's buffer.
    t.rows = text_rows.rows.size();
    t.spans_.reserve(t.rows * t.columns);
    t.sheet_rows_.reserve(t.rows);
    for (const TextRow& row : text_rows.rows) {
        t.spans_.insert(t.spans_.end(), text_rows.spans.begin() + row.first,
                        text_rows.spans.begin() + row.first + row.cells);
        t.sheet_rows_.push_back(row.number);
    }
    t.buffer_ = std::move(text_rows.buffer);
    return r;
}

std::string slug(const std::string& name, const char* fallback) {
    std::string s;
    for (char c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            s += static_cast<char>(std::tolower(u));
        else if (!s.empty() && s.back() != '-')
            s += '-';
    }
    while (!s.empty() && s.back() == '-') s.pop_back();
    if (s.size() > 40) s.resize(40);
    return s.empty() ? fallback : s;
}

// [SECTION] Measurement datasets -------------------------------------------------------------------

namespace {

enum class Role { Feature, Subgroup, Time, Machine, Operator, Cavity, Identifier };

Role role_by_name(const std::string& header) {
    const std::string h = lower(header);
    if (h == "subgroup" || h == "subgroup id" || h == "sample" || h == "subgroup_id") return Role::Subgroup;
    if (h == "time" || h == "timestamp" || h == "date" || h == "datetime" || h == "date/time") return Role::Time;
    if (h == "machine") return Role::Machine;
    if (h == "operator") return Role::Operator;
    if (h == "cavity") return Role::Cavity;
    if (h == "part" || h == "part no" || h == "part number" || h == "serial" || h == "id" || h == "row" ||
        h == "index" || h == "order")
        return Role::Identifier;
    return Role::Feature;
}

TextColumn text_column(const TextTable& t, size_t col) {
    auto v = std::make_shared<std::vector<std::string>>();
    v->reserve(t.rows);
    for (size_t r = 0; r < t.rows; ++r) v->push_back(trim_cell(t.cell(r, col)));
    return v;
}

}  // namespace

DatasetImportResult dataset_from_table(const TextTable& t, const DatasetImportOptions& o) {
    DatasetImportResult out;
    Dataset& d = out.dataset;
    d.id = o.id;
    d.name = o.name;
    d.subgroup_size = o.subgroup_size < 1 ? 1 : o.subgroup_size;

    auto find = [&](const std::string& name) -> long {
        for (size_t c = 0; c < t.headers.size(); ++c)
            if (t.headers[c] == name || lower(t.headers[c]) == lower(name)) return static_cast<long>(c);
        return -1;
    };
    std::vector<Role> roles(t.columns, Role::Feature);
    for (size_t c = 0; c < t.columns; ++c) roles[c] = t.has_header ? role_by_name(t.headers[c]) : Role::Feature;
    // Explicit role columns override the names.
    const std::pair<const std::string*, Role> explicit_roles[] = {{&o.subgroup_column, Role::Subgroup},
                                                                  {&o.time_column, Role::Time},
                                                                  {&o.machine_column, Role::Machine},
                                                                  {&o.operator_column, Role::Operator},
                                                                  {&o.cavity_column, Role::Cavity}};
    for (const auto& [name, role] : explicit_roles) {
        if (name->empty()) continue;
        const long c = find(*name);
        if (c < 0) {
            out.errors.push_back({"column \"" + *name + "\"", "no such column in the table"});
            continue;
        }
        for (auto& rl : roles)
            if (rl == role) rl = Role::Identifier;  // only one column per role
        roles[static_cast<size_t>(c)] = role;
    }
    std::vector<size_t> feature_cols;
    if (!o.features.empty()) {
        for (const auto& name : o.features) {
            const long c = find(name);
            if (c < 0) {
                std::string have;
                for (const auto& h : t.headers) have += (have.empty() ? "" : ", ") + h;
                out.errors.push_back({"column \"" + name + "\"", "no such column (the table has: " + have + ")"});
                continue;
            }
            roles[static_cast<size_t>(c)] = Role::Feature;
            feature_cols.push_back(static_cast<size_t>(c));
        }
    } else {
        for (size_t c = 0; c < t.columns; ++c)
            if (roles[c] == Role::Feature) feature_cols.push_back(c);
    }
    if (!out.errors.empty()) return out;
    if (feature_cols.empty()) {
        out.errors.push_back({"", "no measurement column in the table"});
        return out;
    }

    for (size_t c = 0; c < t.columns; ++c) {
        const std::string label = "column " + column_letter(c) + " (\"" + t.headers[c] + "\")";
        switch (roles[c]) {
            case Role::Subgroup:
                d.subgroups = text_column(t, c);
                out.notes.push_back(label + ": subgroup labels");
                break;
            case Role::Time:
                d.times = text_column(t, c);
                out.notes.push_back(label + ": time");
                break;
            case Role::Machine:
                d.machines = text_column(t, c);
                out.notes.push_back(label + ": machine");
                break;
            case Role::Operator:
                d.operators = text_column(t, c);
                out.notes.push_back(label + ": operator");
                break;
            case Role::Cavity:
                d.cavities = text_column(t, c);
                out.notes.push_back(label + ": cavity");
                break;
            case Role::Identifier: out.notes.push_back(label + ": not analysed"); break;
            case Role::Feature: break;
        }
    }
    if (d.subgroups) {
        bool blank = false;
        for (const auto& s : *d.subgroups) blank = blank || s.empty();
        if (blank) out.errors.push_back({"subgroup column", "has empty cells: every row needs a subgroup label"});
    }

    ErrorSink sink{out.errors};
    std::map<std::string, int> used_ids;
    for (size_t c : feature_cols) {
        auto values = std::make_shared<std::vector<double>>(t.rows);
        for (size_t r = 0; r < t.rows; ++r) {
            double v = 0;
            const std::string_view cell = t.cell(r, c);
            switch (parse_number_cell(cell, t.decimal, v)) {
                case CellKind::Number: (*values)[r] = v; break;
                case CellKind::Missing: (*values)[r] = std::nan(""); break;
                case CellKind::Text:
                    (*values)[r] = std::nan("");
                    sink.add(
                        cell_where(t, r, c),
                        quoted_cell(cell) + " is not a number" + (t.decimal == ',' ? " (decimal comma expected)" : ""));
                    break;
            }
        }
        Feature f;
        f.name = t.headers[c];
        std::string id = "f-" + slug(f.name, "col");
        const int k = used_ids[id]++;
        if (k) id += "-" + std::to_string(k + 1);
        f.id = id;
        f.values = std::move(values);
        d.features.push_back(std::move(f));
    }
    sink.finish();
    return out;
}

// [SECTION] First-pass-yield counts ------------------------------------------------------------------

YieldImportResult yield_from_table(const TextTable& t) {
    YieldImportResult out;
    long step = -1, lot = -1, passed = -1, failed = -1, tested = -1;
    for (size_t c = 0; c < t.columns; ++c) {
        const std::string h = lower(t.headers[c]);
        if (h == "step" || h == "process step" || h == "operation")
            step = static_cast<long>(c);
        else if (h == "lot" || h == "batch")
            lot = static_cast<long>(c);
        else if (h == "passed" || h == "pass" || h == "good" || h == "ok")
            passed = static_cast<long>(c);
        else if (h == "failed" || h == "fail" || h == "rejected" || h == "scrap" || h == "ng")
            failed = static_cast<long>(c);
        else if (h == "tested" || h == "total" || h == "inspected")
            tested = static_cast<long>(c);
    }
    if (!t.has_header || step < 0 || (passed < 0 && failed < 0) || (tested < 0 && (passed < 0 || failed < 0))) {
        out.errors.push_back({"header",
                              "needs the columns step, passed and failed (or tested with passed or failed); "
                              "lot is optional"});
        return out;
    }
    ErrorSink sink{out.errors};
    auto count = [&](size_t r, long c, int64_t& v) {
        double x = 0;
        const std::string_view cell = t.cell(r, static_cast<size_t>(c));
        if (parse_number_cell(cell, t.decimal, x) != CellKind::Number || x < 0 || x != std::floor(x) || x > 1e12) {
            sink.add(cell_where(t, r, static_cast<size_t>(c)), quoted_cell(cell) + " is not a whole number of parts");
            return false;
        }
        v = static_cast<int64_t>(x);
        return true;
    };
    for (size_t r = 0; r < t.rows; ++r) {
        YieldRecord y;
        y.step = trim_cell(t.cell(r, static_cast<size_t>(step)));
        if (y.step.empty()) {
            sink.add(cell_where(t, r, static_cast<size_t>(step)), "the step needs a name");
            continue;
        }
        if (lot >= 0) y.lot = trim_cell(t.cell(r, static_cast<size_t>(lot)));
        int64_t p = 0, f = 0, n = 0;
        bool ok = true;
        if (passed >= 0) ok = count(r, passed, p) && ok;
        if (failed >= 0) ok = count(r, failed, f) && ok;
        if (tested >= 0) ok = count(r, tested, n) && ok;
        if (!ok) continue;
        if (tested >= 0) {
            if (passed < 0) p = n - f;
            if (failed < 0) f = n - p;
            if (p < 0 || f < 0 || p + f != n) {
                sink.add("row " + std::to_string(t.sheet_row(r)), "passed + failed must equal tested");
                continue;
            }
        }
        y.passed = p;
        y.failed = f;
        out.records.push_back(std::move(y));
    }
    sink.finish();
    return out;
}

}  // namespace mf
