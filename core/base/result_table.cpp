// Results tables as CSV and as tab-separated clipboard text (base/result_table.h).
#include "base/result_table.h"

#include "base/utf8.h"

namespace mf {

TableCell text_cell(std::string text) { return TableCell{std::move(text), false}; }
TableCell number_cell(std::string shown) { return TableCell{std::move(shown), true}; }

std::string quote_field(const std::string& s, char separator) {
    const char special[] = {separator, '"', '\r', '\n', '\0'};
    if (s.find_first_of(special) == std::string::npos) return s;
    std::string o = "\"";
    for (char c : s) o += c == '"' ? std::string("\"\"") : std::string(1, c);
    return o + "\"";
}

std::string neutralise_formula(std::string s) {
    s = valid_utf8(s);
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
        s.insert(0, 1, '\'');
    return s;
}

static std::string cell_field(const TableCell& c, char separator) {
    return quote_field(c.is_number ? c.text : neutralise_formula(c.text), separator);
}

static std::string delimited(const ResultTable& t, char separator, const char* row_end) {
    std::string o;
    auto row = [&](const std::vector<TableCell>& cells) {
        for (size_t i = 0; i < cells.size(); ++i) {
            if (i) o += separator;
            o += cell_field(cells[i], separator);
        }
        o += row_end;
    };
    std::vector<TableCell> header;
    for (const std::string& c : t.columns) header.push_back(text_cell(c));
    row(header);
    for (const auto& r : t.rows) row(r);
    return o;
}

std::string table_csv(const ResultTable& t) { return "\xEF\xBB\xBF" + delimited(t, ',', "\r\n"); }
std::string table_tsv(const ResultTable& t) { return delimited(t, '\t', "\n"); }

}  // namespace mf
