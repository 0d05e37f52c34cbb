// [SECTION] Cells: trimming, numbers, places
// [SECTION] Sniffing the separator
// [SECTION] Splitting rows into cells
// [SECTION] read_delimited: blank lines, header row, decimal mark
#include "base/delimited_text.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace mf {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kUnicodeMinus = "\xE2\x88\x92";  // U+2212, as word processors write a minus

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_line_break(char c) { return c == '\n' || c == '\r'; }

std::string_view trim_view(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && is_blank(s[b])) ++b;
    while (e > b && is_blank(s[e - 1])) --e;
    return s.substr(b, e - b);
}

}  // namespace

// [SECTION] Cells: trimming, numbers, places ----------------------------------------------------

std::string trim_cell(std::string_view cell) { return std::string(trim_view(cell)); }

std::string cell_place(size_t row, std::string_view column) {
    return "row " + std::to_string(row) + ", column \"" + std::string(column) + "\"";
}

std::string quoted_cell(std::string_view cell) { return "\"" + trim_cell(cell).substr(0, 40) + "\""; }

CellKind parse_number_cell(std::string_view cell, char decimal, double& out) {
    const std::string_view s = trim_view(cell);
    if (s.empty()) return CellKind::Missing;
    if (s.size() > 64) return CellKind::Text;
    // Copied into a C locale number for strtod: the decimal mark becomes '.', "−" becomes '-'.
    char buf[72];
    size_t k = 0;
    bool digit = false, point = false, exp = false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool at_sign = k == 0 || buf[k - 1] == 'e';
        if (c >= '0' && c <= '9') {
            digit = true;
            buf[k++] = c;
            continue;
        }
        if ((c == '+' || c == '-') && at_sign) {
            buf[k++] = c;
            continue;
        }
        if (at_sign && s.substr(i, kUnicodeMinus.size()) == kUnicodeMinus) {
            buf[k++] = '-';
            i += kUnicodeMinus.size() - 1;
            continue;
        }
        if (c == decimal && !point && !exp) {
            point = true;
            buf[k++] = '.';
            continue;
        }
        if ((c == 'e' || c == 'E') && digit && !exp && i + 1 < s.size()) {
            exp = true;
            buf[k++] = 'e';
            continue;
        }
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

// [SECTION] Sniffing the separator ----------------------------------------------------------------

namespace {

// Skips a line whose first non-blank character is `comment`; returns the position after it,
// or `i` when the line is not a comment.
size_t skip_comment(std::string_view text, size_t i, char comment) {
    if (!comment) return i;
    size_t j = i;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    if (j >= text.size() || text[j] != comment) return i;
    while (j < text.size() && !is_line_break(text[j])) ++j;
    if (j < text.size() && text[j] == '\r') ++j;
    if (j < text.size() && text[j] == '\n') ++j;
    return j;
}

// True for a single column of numbers written with a decimal comma: no quote, no tab or
// semicolon, and every line with a comma holds exactly one number with one decimal comma.
bool decimal_comma_column(std::string_view text, char comment) {
    if (text.find('"') != std::string_view::npos) return false;
    bool any = false;
    size_t i = 0;
    while (i < text.size()) {
        const size_t after_comment = skip_comment(text, i, comment);
        if (after_comment != i) {
            i = after_comment;
            continue;
        }
        size_t e = i;
        while (e < text.size() && !is_line_break(text[e])) ++e;
        const std::string_view line = text.substr(i, e - i);
        if (line.find_first_of("\t;") != std::string_view::npos) return false;
        const size_t commas = static_cast<size_t>(std::count(line.begin(), line.end(), ','));
        if (commas > 1) return false;
        double v;
        if (commas == 1) {
            if (parse_number_cell(line, ',', v) != CellKind::Number) return false;
            any = true;
        }
        i = e;
        if (i < text.size() && text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
    }
    return any;
}

// The separator of the first row that is not blank: tab, else semicolon, else comma (or a
// single column of decimal-comma numbers, read as tab-separated). Quotes are followed as the
// splitter follows them, with every candidate separator starting a cell.
char sniff_separator(std::string_view text, char comment) {
    size_t i = 0;
    for (;;) {  // the first line that is neither a comment nor blank
        const size_t after_comment = skip_comment(text, i, comment);
        if (after_comment != i) {
            i = after_comment;
            continue;
        }
        size_t e = i;
        while (e < text.size() && (text[e] == ' ' || text[e] == '\t')) ++e;
        if (e < text.size() && is_line_break(text[e])) {
            i = e + 1;
            continue;
        }
        break;
    }
    size_t tabs = 0, semicolons = 0, commas = 0;
    bool quoted = false, cell_start = true;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"')
                    ++i;
                else
                    quoted = false;
            }
            continue;
        }
        if (is_line_break(c)) break;
        if (c == '"' && cell_start) {
            quoted = true;
            cell_start = false;
            continue;
        }
        if (c == '\t') {
            ++tabs;
            cell_start = true;
            continue;
        }
        if (c == ';') {
            ++semicolons;
            cell_start = true;
            continue;
        }
        if (c == ',') {
            ++commas;
            cell_start = true;
            continue;
        }
        if (c != ' ') cell_start = false;
    }
    if (tabs) return '\t';
    if (semicolons) return ';';
    return decimal_comma_column(text, comment) ? '\t' : ',';
}

// [SECTION] Splitting rows into cells ---------------------------------------------------------------

struct RawRow {
    TextRow row;
    bool blank = false;  // one unquoted cell of nothing but spaces
};

// Splits the text into rows of cells (out.buffer, out.spans); false (with the error in out)
// when a quoted cell is not closed.
bool split_rows(std::string_view text, char sep, char comment, DelimitedText& out, std::vector<RawRow>& rows) {
    std::string& buf = out.buffer;
    buf.reserve(text.size());
    out.spans.reserve(text.size() / 4 + 1);
    size_t i = 0;
    uint32_t number = 1;
    while (i < text.size()) {
        const size_t after_comment = skip_comment(text, i, comment);
        if (after_comment != i) {
            i = after_comment;
            ++number;
            continue;
        }
        const size_t first = out.spans.size();
        bool quoted_any = false;
        for (;;) {  // a cell
            const size_t offset = buf.size();
            size_t j = i;
            while (j < text.size() && (text[j] == ' ' || (text[j] == '\t' && sep != '\t'))) ++j;
            if (j < text.size() && text[j] == '"') {
                quoted_any = true;
                i = j + 1;
                for (;;) {
                    if (i >= text.size()) {
                        out.errors.push_back(
                            {"row " + std::to_string(number), "a quoted cell is not closed (a \" is missing)"});
                        return false;
                    }
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            buf += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    buf += text[i++];
                }
            }
            // Unquoted text, or text after the closing quote, up to the separator or the line's end.
            while (i < text.size() && text[i] != sep && !is_line_break(text[i])) buf += text[i++];
            out.spans.push_back({static_cast<uint32_t>(offset), static_cast<uint32_t>(buf.size() - offset)});
            if (i < text.size() && text[i] == sep) {
                ++i;
                continue;
            }
            break;
        }
        if (i < text.size() && text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        RawRow r;
        r.row = {static_cast<uint32_t>(first), static_cast<uint32_t>(out.spans.size() - first), number++};
        r.blank = r.row.cells == 1 && !quoted_any && trim_view(out.cell(r.row, 0)).empty();
        rows.push_back(r);
    }
    return true;
}

// True when one of the row's cells is text in both decimal conventions.
bool has_text_cell(const DelimitedText& t, const TextRow& row) {
    double v;
    for (size_t c = 0; c < row.cells; ++c) {
        const std::string_view cell = t.cell(row, c);
        if (parse_number_cell(cell, '.', v) == CellKind::Text && parse_number_cell(cell, ',', v) == CellKind::Text)
            return true;
    }
    return false;
}

char sniff_decimal(const DelimitedText& t) {
    if (t.separator == ',') return '.';
    size_t commas = 0, points = 0;
    double v;
    for (const TextRow& row : t.rows)
        for (size_t c = 0; c < row.cells; ++c) {
            const std::string_view cell = t.cell(row, c);
            if (cell.find(',') != std::string_view::npos && parse_number_cell(cell, ',', v) == CellKind::Number)
                ++commas;
            else if (cell.find('.') != std::string_view::npos && parse_number_cell(cell, '.', v) == CellKind::Number)
                ++points;
        }
    return commas > points ? ',' : '.';
}

}  // namespace

// [SECTION] read_delimited: blank lines, header row, decimal mark -----------------------------------

DelimitedText read_delimited(std::string_view text, const DelimitedOptions& o) {
    DelimitedText t;
    if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
    if (text.size() > 0xFFFFFFF0u) {
        t.errors.push_back({"", "the text is too large (over 4 GB)"});
        return t;
    }
    t.separator = o.separator ? o.separator : sniff_separator(text, o.comment);
    std::vector<RawRow> raw;
    if (!split_rows(text, t.separator, o.comment, t, raw)) return t;

    // Blank lines: cells of a one-column table, gaps in a wider one; none after the last row.
    size_t first = 0, end = raw.size();
    while (first < end && raw[first].blank) ++first;
    while (end > first && raw[end - 1].blank) --end;
    const bool one_column = first < end && raw[first].row.cells == 1;
    for (size_t k = one_column ? 0 : first; k < end; ++k)
        if (one_column || !raw[k].blank) t.rows.push_back(raw[k].row);

    if (!t.rows.empty()) {
        t.columns = t.rows.front().cells;
        t.has_header = o.header == HeaderRow::Yes || (o.header == HeaderRow::Auto && has_text_cell(t, t.rows.front()));
        if (t.has_header) {
            t.header = t.rows.front();
            t.rows.erase(t.rows.begin());
        }
    }
    t.decimal = o.decimal ? o.decimal : sniff_decimal(t);
    return t;
}

}  // namespace mf
