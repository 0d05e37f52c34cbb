// Spreadsheet edits of a dataset (see dataset_edit.h for the conventions).
#include "capability/dataset_edit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "base/delimited_text.h"

namespace mf {

namespace {

constexpr size_t kMaxRows = 10'000'000;  // as the plan-file reader allows

TextColumn* text_column(Dataset& d, SheetColumnKind k) {
    switch (k) {
        case SheetColumnKind::Subgroup: return &d.subgroups;
        case SheetColumnKind::Time: return &d.times;
        case SheetColumnKind::Machine: return &d.machines;
        case SheetColumnKind::Operator: return &d.operators;
        case SheetColumnKind::Cavity: return &d.cavities;
        case SheetColumnKind::Feature: break;
    }
    return nullptr;
}
const TextColumn* text_column(const Dataset& d, SheetColumnKind k) { return text_column(const_cast<Dataset&>(d), k); }

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
    return std::string(s.substr(b, e - b));
}

double scale_of(const std::vector<double>& scale, size_t feature) {
    return feature < scale.size() ? scale[feature] : 1.0;
}

// A copy of a feature's column with `rows` rows (missing cells where it had none).
std::shared_ptr<std::vector<double>> number_copy(const Feature& f, size_t rows) {
    auto v = f.values ? std::make_shared<std::vector<double>>(*f.values) : std::make_shared<std::vector<double>>();
    v->resize(rows, std::nan(""));
    return v;
}
std::shared_ptr<std::vector<std::string>> text_copy(const TextColumn& c, size_t rows) {
    auto v = c ? std::make_shared<std::vector<std::string>>(*c) : std::make_shared<std::vector<std::string>>();
    v->resize(rows);
    return v;
}

}  // namespace

std::vector<SheetColumn> sheet_columns(const Dataset& d) {
    std::vector<SheetColumn> cols;
    const size_t rows = d.rows();
    for (SheetColumnKind k : {SheetColumnKind::Subgroup, SheetColumnKind::Time, SheetColumnKind::Machine,
                              SheetColumnKind::Operator, SheetColumnKind::Cavity}) {
        const TextColumn* c = text_column(d, k);
        if (*c && (*c)->size() == rows) cols.push_back({k, 0});
    }
    for (size_t i = 0; i < d.features.size(); ++i) cols.push_back({SheetColumnKind::Feature, i});
    return cols;
}

std::string sheet_column_name(const Dataset& d, const SheetColumn& c) {
    switch (c.kind) {
        case SheetColumnKind::Subgroup: return "Subgroup";
        case SheetColumnKind::Time: return "Time";
        case SheetColumnKind::Machine: return "Machine";
        case SheetColumnKind::Operator: return "Operator";
        case SheetColumnKind::Cavity: return "Cavity";
        case SheetColumnKind::Feature: break;
    }
    return c.feature < d.features.size() ? d.features[c.feature].name : std::string();
}

CellBlock read_cell_block(std::string_view text) {
    CellBlock b;
    DelimitedOptions o;
    o.header = HeaderRow::No;  // the cells land where they are pasted: a header row is cells too
    const DelimitedText t = read_delimited(text, o);
    b.decimal = t.decimal;
    if (!t.errors.empty()) {
        b.error = "pasted " + to_string(t.errors.front());
        return b;
    }
    if (t.rows.empty()) {  // no text (or only line breaks): one empty cell, as when an empty cell is typed
        b.rows = b.cols = 1;
        b.cells.emplace_back();
        return b;
    }
    if (t.rows.size() > kMaxRows) {
        b.error = "more than 10 000 000 rows";
        return b;
    }
    b.cols = t.columns;
    for (const TextRow& row : t.rows)
        if (row.cells != b.cols) {
            b.error = "pasted line " + std::to_string(row.number) + " has " + std::to_string(row.cells) +
                " cells, the first line has " + std::to_string(b.cols) + " (the cells must form a rectangle)";
            b.cols = 0;
            return b;
        }
    b.rows = t.rows.size();
    b.cells.reserve(b.rows * b.cols);
    for (const TextRow& row : t.rows)
        for (size_t c = 0; c < b.cols; ++c) b.cells.emplace_back(t.cell(row, c));
    return b;
}

CellBlock read_typed_cell(std::string_view text) {
    CellBlock b;
    b.rows = b.cols = 1;
    b.cells.emplace_back(text);
    double v;
    b.decimal =
        parse_number_cell(text, '.', v) != CellKind::Number && parse_number_cell(text, ',', v) == CellKind::Number
        ? ','
        : '.';
    return b;
}

std::string paste_block(Dataset& d, size_t row, size_t col, const CellBlock& b, const std::vector<double>& scale) {
    if (!b.error.empty()) return b.error;
    if (b.rows == 0 || b.cols == 0) return "nothing to paste";
    const std::vector<SheetColumn> cols = sheet_columns(d);
    const size_t rows = d.rows();
    if (col >= cols.size())
        return "there is no column " + std::to_string(col + 1) + " (the table has " + std::to_string(cols.size()) + ")";
    if (col + b.cols > cols.size())
        return "the pasted cells are " + std::to_string(b.cols) + " columns wide, but from column \"" +
            sheet_column_name(d, cols[col]) + "\" on the table has only " + std::to_string(cols.size() - col) +
            ": add features in Settings first";
    if (row > rows)
        return "row " + std::to_string(row + 1) + " is past the end of the table (" + std::to_string(rows) + " rows)";
    if (b.rows > kMaxRows || row + b.rows > kMaxRows) return "the table would have more than 10 000 000 rows";
    const size_t new_rows = std::max(rows, row + b.rows);

    // Numbers first: one bad cell refuses the whole paste.
    std::vector<double> numbers(b.rows * b.cols, std::nan(""));
    for (size_t j = 0; j < b.cols; ++j) {
        const SheetColumn& sc = cols[col + j];
        if (sc.kind != SheetColumnKind::Feature) continue;
        const double s = scale_of(scale, sc.feature);
        for (size_t i = 0; i < b.rows; ++i) {
            double v = 0;
            const std::string& cell = b.cell(i, j);
            const CellKind k = parse_number_cell(cell, b.decimal, v);
            if (k == CellKind::Text)
                return cell_place(row + i + 1, sheet_column_name(d, sc)) + ": " + quoted_cell(cell) +
                    " is not a number";
            if (k == CellKind::Number) numbers[i * b.cols + j] = v * s;
        }
    }

    for (size_t k = 0; k < cols.size(); ++k) {
        const bool inside = k >= col && k < col + b.cols;
        if (!inside && new_rows == rows) continue;
        const SheetColumn& sc = cols[k];
        if (sc.kind == SheetColumnKind::Feature) {
            Feature& f = d.features[sc.feature];
            auto v = number_copy(f, new_rows);
            if (inside)
                for (size_t i = 0; i < b.rows; ++i) (*v)[row + i] = numbers[i * b.cols + (k - col)];
            f.values = std::move(v);
        } else {
            TextColumn* c = text_column(d, sc.kind);
            auto v = text_copy(*c, new_rows);
            if (inside)
                for (size_t i = 0; i < b.rows; ++i) (*v)[row + i] = trim(b.cell(i, k - col));
            *c = std::move(v);
        }
    }
    return {};
}

void clear_block(Dataset& d, const CellRange& r) {
    const std::vector<SheetColumn> cols = sheet_columns(d);
    const size_t rows = d.rows();
    if (rows == 0 || cols.empty() || r.row0 > r.row1 || r.col0 > r.col1 || r.row0 >= rows || r.col0 >= cols.size())
        return;
    const size_t row1 = std::min(r.row1, rows - 1), col1 = std::min(r.col1, cols.size() - 1);
    for (size_t k = r.col0; k <= col1; ++k) {
        const SheetColumn& sc = cols[k];
        if (sc.kind == SheetColumnKind::Feature) {
            Feature& f = d.features[sc.feature];
            auto v = number_copy(f, rows);
            std::fill(v->begin() + static_cast<std::ptrdiff_t>(r.row0),
                      v->begin() + static_cast<std::ptrdiff_t>(row1 + 1), std::nan(""));
            f.values = std::move(v);
        } else {
            TextColumn* c = text_column(d, sc.kind);
            auto v = text_copy(*c, rows);
            for (size_t i = r.row0; i <= row1; ++i) (*v)[i].clear();
            *c = std::move(v);
        }
    }
}

std::string copy_block(const Dataset& d, const CellRange& r, const std::vector<double>& scale) {
    const std::vector<SheetColumn> cols = sheet_columns(d);
    const size_t rows = d.rows();
    std::string out;
    if (rows == 0 || cols.empty() || r.row0 > r.row1 || r.col0 > r.col1 || r.row0 >= rows || r.col0 >= cols.size())
        return out;
    const size_t row1 = std::min(r.row1, rows - 1), col1 = std::min(r.col1, cols.size() - 1);
    char buf[40];
    for (size_t i = r.row0; i <= row1; ++i) {
        for (size_t k = r.col0; k <= col1; ++k) {
            if (k > r.col0) out += '\t';
            const SheetColumn& sc = cols[k];
            if (sc.kind == SheetColumnKind::Feature) {
                const Feature& f = d.features[sc.feature];
                const double v = f.values && i < f.values->size() ? (*f.values)[i] : std::nan("");
                if (std::isfinite(v)) {
                    std::snprintf(buf, sizeof buf, "%.12g", v / scale_of(scale, sc.feature));
                    out += buf;
                }
            } else {
                for (char c : (**text_column(d, sc.kind))[i]) out += c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
            }
        }
        out += '\n';
    }
    return out;
}

std::string insert_rows(Dataset& d, size_t at, size_t count) {
    const std::vector<SheetColumn> cols = sheet_columns(d);
    const size_t rows = d.rows();
    if (cols.empty()) return "the dataset has no columns: add a feature first";
    if (at > rows)
        return "row " + std::to_string(at + 1) + " is past the end of the table (" + std::to_string(rows) + " rows)";
    if (count == 0) return {};
    if (count > kMaxRows || rows + count > kMaxRows) return "the table would have more than 10 000 000 rows";
    for (const SheetColumn& sc : cols) {
        if (sc.kind == SheetColumnKind::Feature) {
            Feature& f = d.features[sc.feature];
            auto v = number_copy(f, rows);
            v->insert(v->begin() + static_cast<std::ptrdiff_t>(at), count, std::nan(""));
            f.values = std::move(v);
        } else {
            TextColumn* c = text_column(d, sc.kind);
            auto v = text_copy(*c, rows);
            v->insert(v->begin() + static_cast<std::ptrdiff_t>(at), count, std::string());
            *c = std::move(v);
        }
    }
    return {};
}

std::string delete_rows(Dataset& d, size_t first, size_t count) {
    const std::vector<SheetColumn> cols = sheet_columns(d);
    const size_t rows = d.rows();
    if (first >= rows)
        return "row " + std::to_string(first + 1) + " is past the end of the table (" + std::to_string(rows) + " rows)";
    const size_t last = first + std::min(count, rows - first);  // one past
    if (last == first) return {};
    const auto b = static_cast<std::ptrdiff_t>(first), e = static_cast<std::ptrdiff_t>(last);
    for (const SheetColumn& sc : cols) {
        if (sc.kind == SheetColumnKind::Feature) {
            Feature& f = d.features[sc.feature];
            auto v = number_copy(f, rows);
            v->erase(v->begin() + b, v->begin() + e);
            f.values = std::move(v);
        } else {
            TextColumn* c = text_column(d, sc.kind);
            auto v = text_copy(*c, rows);
            v->erase(v->begin() + b, v->begin() + e);
            *c = std::move(v);
        }
    }
    return {};
}

}  // namespace mf
