// The four schedule exports of a plan whose every name is hostile (markup, formulas, Mermaid
// comments, control characters, U+FFFF, bad UTF-8, line breaks, a 200-character name): each
// file still parses in its format and no task is lost (docs/schedule.md, "Exports").
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "schedule/export.h"
#include "test_support.h"

using namespace mf;

namespace {

// 200 characters, 100 of them two-byte (µ) and some three-byte (–, ≥).
std::string long_name() {
    std::string s;
    for (int k = 0; k < 50; ++k) s += "µ–≥a";
    return s;
}

const std::vector<std::string>& hostile_names() {
    static const std::vector<std::string> names = {
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "=HYPERLINK(\"x\")",
        "+1",
        "@SUM(A1)",
        "%%hidden",
        "a\x01"
        "b",
        "x\xEF\xBF\xBFy",
        "line\nbreak",
        "semi;colon,comma\\back",
        long_name(),
        "-2+3",
        "\tTab",
        "bad \xC3 utf8 \xED\xA0\x80 surrogate",
        "Section name",
        "a%%b #c: d",
    };
    return names;
}

// Tasks t0 … in a chain, each named by one hostile string, partners named by others; a
// milestone and a gate carry hostile names into the iCalendar; ids that collide for Mermaid.
ScheduleExportInput hostile_export() {
    ScheduleExportInput in;
    in.title = "<Plan> & \"=cmd\" %%title\n;#";
    in.problem.start = date_from_ymd(2027, 1, 4);
    in.problem.deadline = date_from_ymd(2027, 6, 30);
    const auto& names = hostile_names();
    for (size_t k = 0; k < names.size(); ++k) {
        Task t;
        t.id = k == 0 ? "crit" : k == 1 ? "a-b" : k == 2 ? "a_b" : "t" + std::to_string(k);
        t.name = names[k];
        t.kind = k == 5 ? TaskKind::Milestone : k == 8 ? TaskKind::Gate : TaskKind::Task;
        t.optimistic = t.most_likely = t.pessimistic = t.kind == TaskKind::Milestone ? 0 : 1;
        if (k > 0) t.predecessors = {{in.problem.section.tasks.back().id, LinkType::FinishToStart, k == 3 ? -0.5 : 0}};
        if (t.kind == TaskKind::Gate) t.gate.pass_probability = 0.9;
        t.partner_id = "p" + std::to_string(k % 3);
        in.problem.section.tasks.push_back(std::move(t));
    }
    in.partner_names = {{"p0", names[0]}, {"p1", names[5]}, {"p2", names[9]}};
    in.dtstamp = "20270101T120000Z";
    in.cpm = run_cpm({in.problem});
    return in;
}

std::vector<std::string> split(const std::string& s, const std::string& sep) {
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos <= s.size()) {
        size_t e = s.find(sep, pos);
        if (e == std::string::npos) e = s.size();
        out.push_back(s.substr(pos, e - pos));
        pos = e + sep.size();
    }
    if (!out.empty() && out.back().empty()) out.pop_back();
    return out;
}

// Code points of well-formed UTF-8; -1 for a byte that is not (the test's own decoder).
std::vector<long> code_points(const std::string& s) {
    std::vector<long> cps;
    for (size_t i = 0; i < s.size();) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        const int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
            cps.push_back(-1);
            ++i;
            continue;
        }
        long cp = len == 1 ? b : b & (0x7F >> len);
        bool ok = true;
        for (int k = 1; k < len; ++k) {
            const unsigned char c = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
            ok = ok && (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (!ok || (cp >= 0xD800 && cp <= 0xDFFF)) {
            cps.push_back(-1);
            ++i;
            continue;
        }
        cps.push_back(cp);
        i += static_cast<size_t>(len);
    }
    return cps;
}

}  // namespace

TEST_CASE("hostile names: MSPDI is well-formed XML 1.0") {
    const ScheduleExportInput in = hostile_export();
    for (const auto& e : in.cpm.errors) MESSAGE(e.where << ": " << e.message);
    REQUIRE(in.cpm.ok());
    const std::string x = export_mspdi(in);
    REQUIRE(!x.empty());
    for (long c : code_points(x)) {
        CHECK(c >= 0);
        CHECK_FALSE(((c < 0x20 && c != '\t' && c != '\n') || c == 0xFFFE || c == 0xFFFF));
    }
    // Every < opens one of our tags, every & one of our entities.
    CHECK(x.find("<script") == std::string::npos);
    CHECK(x.find("<img") == std::string::npos);
    for (size_t p = x.find('&'); p != std::string::npos; p = x.find('&', p + 1)) {
        const std::string rest = x.substr(p, 6);
        CHECK((rest.rfind("&amp;", 0) == 0 || rest.rfind("&lt;", 0) == 0 || rest.rfind("&gt;", 0) == 0 ||
               rest.rfind("&quot;", 0) == 0 || rest.rfind("&apos;", 0) == 0 || rest.rfind("&#13;", 0) == 0));
    }
    CHECK(x.find("<Name>&lt;script&gt;alert(1)&lt;/script&gt;</Name>") != std::string::npos);
    CHECK(x.find("<Name>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</Name>") != std::string::npos);
    CHECK(x.find("<Name>x\xEF\xBF\xBDy</Name>") != std::string::npos);  // U+FFFF → U+FFFD
    CHECK(x.find("<Name>a\xEF\xBF\xBD"
                 "b</Name>") != std::string::npos);  // U+0001 → U+FFFD
    CHECK(x.find("<Name>" + long_name() + "</Name>") != std::string::npos);
    CHECK(x.find("<Contact>&lt;script&gt;alert(1)&lt;/script&gt;</Contact>") != std::string::npos);
}

TEST_CASE("hostile names: iCalendar lines, escapes, no control characters") {
    const ScheduleExportInput in = hostile_export();
    CHECK(ics_export_issues(in).empty());
    const std::string ics = export_ics(in);
    REQUIRE(!ics.empty());
    CHECK(ics.size() >= 2);
    CHECK(ics.substr(ics.size() - 2) == "\r\n");
    std::string unfolded;
    for (const std::string& l : split(ics, "\r\n")) {
        CHECK(l.size() <= 75);
        if (l.size() > 1 && l[0] == ' ') CHECK((static_cast<unsigned char>(l[1]) & 0xC0) != 0x80);
        for (char ch : l) {
            const unsigned char c = static_cast<unsigned char>(ch);
            CHECK_FALSE(((c < 0x20 && c != '\t') || c == 0x7F));
        }
        if (!l.empty() && l[0] == ' ')
            unfolded += l.substr(1);
        else
            unfolded += (unfolded.empty() ? "" : "\n") + l;
    }
    for (long c : code_points(unfolded)) CHECK(c >= 0);
    CHECK(unfolded.find("SUMMARY:Milestone: %%hidden\n") != std::string::npos);
    CHECK(unfolded.find("SUMMARY:Gate: line\\nbreak\n") != std::string::npos);
    CHECK(unfolded.find("X-WR-CALNAME:<Plan> & \"=cmd\" %%title\\n\\;#\n") != std::string::npos);
    CHECK(unfolded.find("Partner: semi\\;colon\\,comma\\\\back.") != std::string::npos);

    // A deadline of 9999-12-31 needs an event ending 10000-01-01: refused with the reason.
    ScheduleExportInput late = in;
    late.problem.deadline = date_from_ymd(9999, 12, 31);
    const Issues issues = ics_export_issues(late);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].where == "/project/deadline");
    CHECK(issues[0].message ==
          "cannot export to iCalendar: the deadline 9999-12-31 needs an all-day event ending 10000-01-01, "
          "and RFC 5545 dates run from 0001-01-01 to 9999-12-31");
    CHECK(export_ics(late).empty());
    late.problem.deadline = date_from_ymd(9999, 12, 30);  // the last one it can write
    CHECK(ics_export_issues(late).empty());
    CHECK(export_ics(late).find("DTEND;VALUE=DATE:99991231\r\n") != std::string::npos);
}

TEST_CASE("hostile names: CSV has the BOM, quotes by RFC 4180, no formula in a text cell") {
    const ScheduleExportInput in = hostile_export();
    const std::string csv = export_csv(in);
    REQUIRE(csv.rfind("\xEF\xBB\xBF"
                      "id,name,",
                      0) == 0);
    // An RFC 4180 reader (quoted fields may hold CR, LF, commas; "" is a quote).
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool in_quotes = false;
    for (size_t i = 3; i < csv.size(); ++i) {
        const char c = csv[i];
        if (in_quotes) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"')
                in_quotes = false;
            else
                cell += c;
        } else if (c == '"') {
            in_quotes = true;
        } else if (c == ',') {
            rows.back().push_back(cell);
            cell.clear();
        } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
            rows.back().push_back(cell);
            cell.clear();
            rows.emplace_back();
            ++i;
        } else {
            cell += c;
        }
    }
    if (rows.back().empty()) rows.pop_back();
    const auto& names = hostile_names();
    REQUIRE(rows.size() == names.size() + 1);
    for (const auto& r : rows) REQUIRE(r.size() == 24);
    const std::vector<size_t> text_columns = {0, 1, 3, 9, 22};  // id, name, partner, predecessors, parent
    for (size_t k = 0; k < names.size(); ++k) {
        const auto& r = rows[k + 1];
        for (size_t col = 0; col < r.size(); ++col) {
            const std::string& v = r[col];
            if (v.empty()) continue;
            const bool risky = v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r';
            if (std::find(text_columns.begin(), text_columns.end(), col) != text_columns.end()) {
                CHECK_FALSE(risky);
            } else if (risky) {
                char* end = nullptr;
                std::strtod(v.c_str(), &end);
                CHECK(*end == '\0');  // only a number may start with a sign
            }
        }
        // The name read back, apostrophe removed, is the name (valid UTF-8 kept as it is).
        std::string name = r[1];
        if (!name.empty() && name[0] == '\'' && names[k][0] != '\'') name.erase(0, 1);
        if (k != 13)
            CHECK(name == names[k]);
        else
            CHECK(name == "bad \xEF\xBF\xBD utf8 \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD surrogate");
    }
    CHECK(rows[3][1] == "'=HYPERLINK(\"x\")");
    CHECK(rows[4][1] == "'+1");
    CHECK(rows[5][1] == "'@SUM(A1)");
    CHECK(rows[4][9] == "a_b FS-0.5");  // a lead stays a link, not a formula (it starts with the id)
}

TEST_CASE("hostile names: Mermaid keeps every task on its own line, once") {
    const ScheduleExportInput in = hostile_export();
    const std::string m = export_mermaid(in);
    const auto lines = split(m, "\n");
    REQUIRE(!lines.empty());
    CHECK(lines[0] == "gantt");
    for (long c : code_points(m)) CHECK(c >= 0);
    std::vector<std::string> ids;
    size_t task_lines = 0;
    for (const std::string& l : lines) {
        const std::string body = l.substr(std::min(l.find_first_not_of(' '), l.size()));
        CHECK(body.rfind("%%", 0) != 0);
        CHECK(l.find("%%") == std::string::npos);
        CHECK(l.find('#') == std::string::npos);
        CHECK(l.find(';') == std::string::npos);
        for (char ch : l) CHECK(static_cast<unsigned char>(ch) >= 0x20);
        if (body.rfind("section ", 0) == 0 || body.rfind("title ", 0) == 0 || body.rfind("dateFormat ", 0) == 0 ||
            body.rfind("axisFormat ", 0) == 0 || body.rfind("excludes ", 0) == 0 || body == "gantt")
            continue;
        ++task_lines;
        // One ':' per task line, then the tags, the id and the dates.
        REQUIRE(std::count(l.begin(), l.end(), ':') == 1);
        std::vector<std::string> data = split(l.substr(l.find(':') + 1), ", ");
        std::string id;
        for (const auto& d : data)
            if (d != "crit" && d != "milestone") {
                id = d;
                break;
            }
        ids.push_back(id);
    }
    CHECK(task_lines == in.problem.section.tasks.size());
    std::vector<std::string> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());  // every id once
    CHECK(std::find(ids.begin(), ids.end(), "crit_") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "a_b") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "a_b_2") != ids.end());
    CHECK(m.find("    - % hidden :") != std::string::npos);      // %% → "% ", and a leading % gets "- "
    CHECK(m.find("    - Section name :") != std::string::npos);  // a keyword start gets "- "
    CHECK(m.find("    Gate - line break :") != std::string::npos);
    CHECK(m.find("    semi colon,comma\\back :") != std::string::npos);
    CHECK(m.find("    a% b  c  d :") != std::string::npos);
    CHECK(m.find("    title <Plan> & \"=cmd\" % title\n") != std::string::npos);
}
