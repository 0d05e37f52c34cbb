// [SECTION] Cells: numbers, letters, places
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
constexpr size_t kMaxErrors = 20;   // then "... and N more"

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    return std::string(s.substr(b, e - b));
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Adds an error, or counts it once the list is long.
struct ErrorSink {
    Issues& out;
    size_t dropped = 0;
    void add(std::string where, std::string msg) {
        if (out.size() < kMaxErrors) out.push_back({std::move(where), std::move(msg)});
        else ++dropped;
    }
    void finish() {
        if (dropped) out.push_back({"", "... and " + std::to_string(dropped) + " more problems of the same kind"});
    }
};
}  // namespace

// [SECTION] Cells: numbers, letters, places ---------------------------------------------------

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

CellKind parse_number_cell(std::string_view cell, char decimal, double& out) {
    const std::string s = trim(cell);
    if (s.empty()) return CellKind::Missing;
    if (s.size() > 64) return CellKind::Text;
    char buf[72];
    size_t k = 0;
    bool digit = false, point = false, exp = false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') { digit = true; buf[k++] = c; continue; }
        if ((c == '+' || c == '-') && (i == 0 || s[i - 1] == 'e' || s[i - 1] == 'E')) { buf[k++] = c; continue; }
        if (c == decimal && !point && !exp) { point = true; buf[k++] = '.'; continue; }
        if ((c == 'e' || c == 'E') && digit && !exp && i + 1 < s.size()) { exp = true; buf[k++] = 'e'; continue; }
        return CellKind::Text;
    }
    if (!digit) return CellKind::Text;
    buf[k] = '\0';
    char* end = nullptr;
    const double v = std::strtod(buf, &end);
    if (end != buf + k || !std::isfinite(v)) return CellKind::Text;
    out = v;
    return CellKind::Number;
}

// [SECTION] Reading delimited text --------------------------------------------------------------

TableReadResult read_table(std::string_view text, const TableOptions& o) {
    TableReadResult r;
    TextTable& t = r.table;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);   // UTF-8 BOM
    if (text.size() > 0xFFFFFFF0u) { r.errors.push_back({"", "the text is too large (over 4 GB)"}); return r; }

    // Delimiter: from the first line, outside quotes.
    char delim = o.delimiter;
    if (!delim) {
        size_t tabs = 0, semis = 0;
        bool q = false;
        for (char c : text) {
            if (c == '"') q = !q;
            else if (!q && (c == '\n' || c == '\r')) break;
            else if (!q && c == '\t') ++tabs;
            else if (!q && c == ';') ++semis;
        }
        delim = tabs ? '\t' : semis ? ';' : ',';
    }
    t.delimiter = delim;

    // Split into records of cells (flat), remembering each record's line-based row number.
    std::vector<TextTable::Span> spans;
    std::vector<uint32_t> record_start;   // index into spans
    std::vector<uint32_t> record_row;     // 1-based spreadsheet row
    spans.reserve(text.size() / 4 + 1);
    t.buffer_.reserve(text.size());
    size_t i = 0, row = 1;
    bool bad_quote = false;
    while (i < text.size()) {
        // A record.
        const size_t first_span = spans.size();
        bool record_has_content = false;
        for (;;) {   // a cell
            const uint32_t off = static_cast<uint32_t>(t.buffer_.size());
            if (i < text.size() && text[i] == '"') {
                ++i;
                record_has_content = true;
                for (;;) {
                    if (i >= text.size()) { bad_quote = true; break; }
                    const char c = text[i];
                    if (c == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') { t.buffer_ += '"'; i += 2; continue; }
                        ++i;
                        break;
                    }
                    t.buffer_ += c;
                    ++i;
                }
                // Text after the closing quote up to the delimiter is kept (lenient).
                while (i < text.size() && text[i] != delim && text[i] != '\n' && text[i] != '\r') t.buffer_ += text[i++];
            } else {
                while (i < text.size() && text[i] != delim && text[i] != '\n' && text[i] != '\r') {
                    t.buffer_ += text[i++];
                    record_has_content = true;
                }
            }
            spans.push_back({off, static_cast<uint32_t>(t.buffer_.size() - off)});
            if (i < text.size() && text[i] == delim) { ++i; record_has_content = true; continue; }
            break;
        }
        // End of line.
        if (i < text.size() && text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        if (!record_has_content) {
            spans.resize(first_span);   // a blank line: skipped, but it keeps its row number
        } else {
            record_start.push_back(static_cast<uint32_t>(first_span));
            record_row.push_back(static_cast<uint32_t>(row));
        }
        ++row;
        if (bad_quote) break;
    }
    if (bad_quote) {
        r.errors.push_back({"row " + std::to_string(row - 1), "a quoted field is not closed (missing \")"});
        return r;
    }
    if (record_start.empty()) { r.errors.push_back({"", "the text holds no rows"}); return r; }
    record_start.push_back(static_cast<uint32_t>(spans.size()));
    const size_t nrec = record_row.size();
    auto rec_cell = [&](size_t rec, size_t col) {
        const auto& s = spans[record_start[rec] + col];
        return std::string_view(t.buffer_).substr(s.offset, s.length);
    };
    auto rec_size = [&](size_t rec) { return static_cast<size_t>(record_start[rec + 1] - record_start[rec]); };

    t.columns = rec_size(0);
    // The documented limits (base/limits.h): a column is a feature, a record a row.
    if (t.columns > kMaxFeatures || nrec > kMaxRows + 1) {
        r.errors.push_back({"", t.columns > kMaxFeatures ? too_many("columns", t.columns, kMaxFeatures, "a table")
                                                         : too_many("rows", nrec, kMaxRows, "a table")});
        return r;
    }
    // Header: the first record holds a cell that is not a number.
    bool header = o.header == 1;
    if (o.header < 0) {
        for (size_t c = 0; c < t.columns && !header; ++c) {
            double v;
            const std::string_view cell = rec_cell(0, c);
            if (parse_number_cell(cell, '.', v) == CellKind::Text && parse_number_cell(cell, ',', v) == CellKind::Text)
                header = true;
        }
    }
    t.has_header = header;
    for (size_t c = 0; c < t.columns; ++c) {
        std::string h = header ? trim(rec_cell(0, c)) : std::string();
        if (h.empty()) h = "C" + std::to_string(c + 1);
        t.headers.push_back(std::move(h));
    }

    // Ragged rows.
    ErrorSink sink{r.errors};
    const size_t first = header ? 1 : 0;
    for (size_t rec = first; rec < nrec; ++rec)
        if (rec_size(rec) != t.columns)
            sink.add("row " + std::to_string(record_row[rec]),
                     "has " + std::to_string(rec_size(rec)) + " cells, the " + (header ? "header" : "first row") +
                         " has " + std::to_string(t.columns));
    sink.finish();
    if (!r.errors.empty()) return r;

    // Decimal mark.
    char dec = o.decimal;
    if (!dec) {
        dec = '.';
        if (delim != ',') {
            size_t commas = 0, points = 0;
            double v;
            for (size_t rec = first; rec < nrec; ++rec)
                for (size_t c = 0; c < t.columns; ++c) {
                    const std::string_view cell = rec_cell(rec, c);
                    if (cell.find(',') != std::string_view::npos && parse_number_cell(cell, ',', v) == CellKind::Number) ++commas;
                    else if (cell.find('.') != std::string_view::npos && parse_number_cell(cell, '.', v) == CellKind::Number) ++points;
                }
            if (commas > points) dec = ',';
        }
    }
    t.decimal = dec;

    // Keep the data records.
    t.rows = nrec - first;
    t.spans_.assign(spans.begin() + record_start[first], spans.end());
    // Row numbers: blank lines are skipped, so the data row → sheet row map is stored when needed.
    bool contiguous = true;
    for (size_t rec = first; rec < nrec; ++rec)
        if (record_row[rec] != rec + 1) contiguous = false;
    if (!contiguous) t.sheet_rows_.assign(record_row.begin() + first, record_row.end());
    return r;
}

std::string slug(const std::string& name, const char* fallback) {
    std::string s;
    for (char c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) s += static_cast<char>(std::tolower(u));
        else if (!s.empty() && s.back() != '-') s += '-';
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
    for (size_t r = 0; r < t.rows; ++r) v->push_back(trim(t.cell(r, col)));
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
    const std::pair<const std::string*, Role> explicit_roles[] = {
        {&o.subgroup_column, Role::Subgroup}, {&o.time_column, Role::Time}, {&o.machine_column, Role::Machine},
        {&o.operator_column, Role::Operator}, {&o.cavity_column, Role::Cavity}};
    for (const auto& [name, role] : explicit_roles) {
        if (name->empty()) continue;
        const long c = find(*name);
        if (c < 0) { out.errors.push_back({"column \"" + *name + "\"", "no such column in the table"}); continue; }
        for (auto& rl : roles)
            if (rl == role) rl = Role::Identifier;   // only one column per role
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
    if (feature_cols.empty()) { out.errors.push_back({"", "no measurement column in the table"}); return out; }

    for (size_t c = 0; c < t.columns; ++c) {
        const std::string label = "column " + column_letter(c) + " (\"" + t.headers[c] + "\")";
        switch (roles[c]) {
            case Role::Subgroup: d.subgroups = text_column(t, c); out.notes.push_back(label + ": subgroup labels"); break;
            case Role::Time: d.times = text_column(t, c); out.notes.push_back(label + ": time"); break;
            case Role::Machine: d.machines = text_column(t, c); out.notes.push_back(label + ": machine"); break;
            case Role::Operator: d.operators = text_column(t, c); out.notes.push_back(label + ": operator"); break;
            case Role::Cavity: d.cavities = text_column(t, c); out.notes.push_back(label + ": cavity"); break;
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
                    sink.add(cell_where(t, r, c), "\"" + trim(cell).substr(0, 40) + "\" is not a number" +
                                                      (t.decimal == ',' ? " (decimal comma expected)" : ""));
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
        if (h == "step" || h == "process step" || h == "operation") step = static_cast<long>(c);
        else if (h == "lot" || h == "batch") lot = static_cast<long>(c);
        else if (h == "passed" || h == "pass" || h == "good" || h == "ok") passed = static_cast<long>(c);
        else if (h == "failed" || h == "fail" || h == "rejected" || h == "scrap" || h == "ng") failed = static_cast<long>(c);
        else if (h == "tested" || h == "total" || h == "inspected") tested = static_cast<long>(c);
    }
    if (!t.has_header || step < 0 || (passed < 0 && failed < 0) || (tested < 0 && (passed < 0 || failed < 0))) {
        out.errors.push_back({"header", "needs the columns step, passed and failed (or tested with passed or failed); "
                                        "lot is optional"});
        return out;
    }
    ErrorSink sink{out.errors};
    auto count = [&](size_t r, long c, int64_t& v) {
        double x = 0;
        const std::string_view cell = t.cell(r, static_cast<size_t>(c));
        if (parse_number_cell(cell, t.decimal, x) != CellKind::Number || x < 0 || x != std::floor(x) || x > 1e12) {
            sink.add(cell_where(t, r, static_cast<size_t>(c)), "\"" + trim(cell).substr(0, 40) + "\" is not a whole number of parts");
            return false;
        }
        v = static_cast<int64_t>(x);
        return true;
    };
    for (size_t r = 0; r < t.rows; ++r) {
        YieldRecord y;
        y.step = trim(t.cell(r, static_cast<size_t>(step)));
        if (y.step.empty()) { sink.add(cell_where(t, r, static_cast<size_t>(step)), "the step needs a name"); continue; }
        if (lot >= 0) y.lot = trim(t.cell(r, static_cast<size_t>(lot)));
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
