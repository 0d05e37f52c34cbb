// [SECTION] Shared helpers: number and time formatting
// [SECTION] MSPDI (Microsoft Project XML)
// [SECTION] iCalendar
// [SECTION] CSV
// [SECTION] Mermaid
#include "schedule/export.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/result_table.h"
#include "base/utf8.h"
#include "schedule/calendar.h"
#include "schedule/outline.h"

namespace mf {

// [SECTION] Shared helpers -------------------------------------------------------------

static constexpr double kEps = 1e-9;
static constexpr int kMinutesPerDay = 480;

static std::string num(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", std::fabs(v) < 1e-12 ? 0.0 : v);
    return buf;
}

ScheduleExportInput schedule_export_input(const Plan& plan, const ScheduleAnalysis& analysis) {
    ScheduleExportInput in;
    in.title = plan.meta.name;
    for (const auto& p : plan.decision.partners) in.partner_names.emplace_back(p.id, p.name);
    if (analysis.problem) in.problem = *analysis.problem;
    if (analysis.cpm) {
        in.cpm = *analysis.cpm;
    } else {
        for (const Issue& e : analysis.issues)
            if (e.severity == Severity::Error) in.cpm.errors.push_back(e);
    }
    return in;
}

static std::string partner_name(const ScheduleExportInput& in, const std::string& id) {
    for (const auto& [pid, name] : in.partner_names)
        if (pid == id) return name;
    return id;
}

static std::string predecessor_text(const Task& t) {
    std::string s;
    for (const auto& d : t.predecessors) {
        if (!s.empty()) s += "; ";
        s += d.task_id;
        if (d.type != LinkType::FinishToStart || d.lag != 0) {
            s += std::string(" ") + link_type_key(d.type);
            if (d.lag != 0) s += (d.lag > 0 ? "+" : "") + num(d.lag);
        }
    }
    return s;
}

// Minutes after midnight of a position `minutes` into an 8-hour working day (lunch 12–13).
static int clock_minutes(int minutes) { return minutes <= 240 ? 480 + minutes : 780 + (minutes - 240); }

static std::string datetime(Date d, int clock) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:00", clock / 60, clock % 60);
    return format_iso_date(d) + buf;
}

// Start of work at offset t: the day ⌊t⌋, the fraction placed in working hours.
static std::string start_datetime(const WorkdayClock& c, double t) {
    const int64_t day = WorkdayClock::start_day_index(t);
    int minutes = static_cast<int>(std::lround((t - static_cast<double>(day)) * kMinutesPerDay));
    if (minutes < 0) minutes = 0;
    if (minutes >= kMinutesPerDay) minutes = kMinutesPerDay - 1;
    return datetime(c.date_of_day(day), minutes == 240 ? 780 : clock_minutes(minutes));
}

// End of work at offset t: the day ⌈t⌉ − 1 up to its fraction (17:00 for a whole day).
static std::string finish_datetime(const WorkdayClock& c, double t) {
    if (t <= kEps) return datetime(c.date_of_day(0), 480);
    const int64_t day = WorkdayClock::finish_day_index(t);
    int minutes = static_cast<int>(std::lround((t - static_cast<double>(day)) * kMinutesPerDay));
    if (minutes < 1) minutes = 1;
    if (minutes > kMinutesPerDay) minutes = kMinutesPerDay;
    return datetime(c.date_of_day(day), clock_minutes(minutes));
}

static std::string iso_duration(double days) {
    const long long minutes = std::llround(days * kMinutesPerDay);
    return "PT" + std::to_string(minutes / 60) + "H" + std::to_string(minutes % 60) + "M0S";
}

static long long tenths_of_minutes(double days) { return std::llround(days * kMinutesPerDay * 10); }

// Every export writes dates as YYYY-MM-DD (or YYYYMMDD): 0001-01-01 … 9999-12-31 (year 0 is
// refused too: calendar programs and MS Project do not take it). A schedule running past them
// is refused with the reason (export_issues), never written with a five-digit year.
static bool four_digit_year(Date d) {
    int y;
    unsigned m, day;
    ymd_from_date(d, y, m, day);
    return y >= 1 && y <= 9999;
}

// [SECTION] MSPDI -----------------------------------------------------------------------

// The one way text enters the XML: & < > " ' as entities, CR as &#13; (a parser would turn a
// raw CR into LF), and every character XML 1.0 forbids (U+0000–U+0008, U+000B, U+000C,
// U+000E–U+001F, U+FFFE, U+FFFF) and every ill-formed UTF-8 sequence (lone surrogates
// included) replaced by U+FFFD, so the file is well-formed whatever the plan holds.
static std::string xml_escape(const std::string& s) {
    std::string o;
    o.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const long c = next_code_point(s, i);
        if (c == '&')
            o += "&amp;";
        else if (c == '<')
            o += "&lt;";
        else if (c == '>')
            o += "&gt;";
        else if (c == '"')
            o += "&quot;";
        else if (c == '\'')
            o += "&apos;";
        else if (c == '\r')
            o += "&#13;";
        else if (c < 0 || (c < 0x20 && c != '\t' && c != '\n') || c == 0xFFFE || c == 0xFFFF)
            append_utf8(o, kReplacementCharacter);
        else
            append_utf8(o, c);
    }
    return o;
}

// MS Project's numbering of link types (the PredecessorLink Type element).
static int mspdi_link_type(LinkType t) {
    switch (t) {
        case LinkType::FinishToFinish: return 0;
        case LinkType::FinishToStart: return 1;
        case LinkType::StartToFinish: return 2;
        case LinkType::StartToStart: return 3;
    }
    return 1;
}

// The MSPDI text as it is built: one element per line, each line indented by the caller.
struct MspdiWriter {
    std::string x;
    void el(const char* indent, const char* tag, const std::string& value) {
        x += indent;
        x += "<";
        x += tag;
        x += ">" + value + "</";
        x += tag;
        x += ">\n";
    }
};

// What every part of the file needs: the schedule, the project clock and the clocks of the
// further calendars. With task calendars (`multi`) each task is dated by its own clock
// (anchored at the project origin, as the CPM does); summaries and the project finish by the
// CPM's dates.
struct MspdiContext {
    const ScheduleExportInput& in;
    const ScheduleSection& s;
    WorkdayClock clock;
    bool multi = false;
    std::vector<WorkdayClock> clocks;  // one per ScheduleSection::calendars entry

    explicit MspdiContext(const ScheduleExportInput& in_)
        : in(in_), s(in_.problem.section), clock(s.calendar, in_.problem.start) {
        for (const auto& c : in.cpm.tasks) multi = multi || !c.calendar.empty();
        for (const auto& nc : s.calendars) clocks.emplace_back(nc.calendar, in.cpm.origin);
    }
    int calendar_index(const std::string& id) const {
        for (size_t k = 0; k < s.calendars.size(); ++k)
            if (s.calendars[k].id == id) return static_cast<int>(k);
        return -1;
    }
    std::string project_finish() const {
        return multi ? datetime(in.cpm.finish_date, 1020) : finish_datetime(clock, in.cpm.finish);
    }
};

// The project's own elements, before the calendars.
static void mspdi_project_header(MspdiWriter& w, const MspdiContext& c) {
    int per_week = 0;
    for (bool on : c.s.calendar.working) per_week += on ? 1 : 0;
    w.x += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    w.x += "<Project xmlns=\"http://schemas.microsoft.com/project\">\n";
    const char* i1 = "  ";
    w.el(i1, "SaveVersion", "14");
    w.el(i1, "Name", xml_escape(c.in.title) + ".xml");
    w.el(i1, "Title", xml_escape(c.in.title));
    w.el(i1, "ScheduleFromStart", "1");
    w.el(i1, "StartDate", start_datetime(c.clock, 0));
    w.el(i1, "FinishDate", c.project_finish());
    w.el(i1, "FYStartDate", "1");
    w.el(i1, "CriticalSlackLimit", "0");
    w.el(i1, "CalendarUID", "1");
    w.el(i1, "DefaultStartTime", "08:00:00");
    w.el(i1, "DefaultFinishTime", "17:00:00");
    w.el(i1, "MinutesPerDay", std::to_string(kMinutesPerDay));
    w.el(i1, "MinutesPerWeek", std::to_string(kMinutesPerDay * per_week));
    w.el(i1, "DaysPerMonth", "20");
    w.el(i1, "DefaultTaskType", "1");
    w.el(i1, "DurationFormat", "7");
    w.el(i1, "NewTasksEffortDriven", "0");
    w.el(i1, "HonorConstraints", "0");
}

// The holidays of a calendar, sorted, each once.
static std::vector<Date> sorted_holidays(const WorkCalendar& cal) {
    std::vector<Date> hol = cal.holidays;
    std::sort(hol.begin(), hol.end());
    hol.erase(std::unique(hol.begin(), hol.end()), hol.end());
    return hol;
}

// Holidays the Project 2007+ way (after WeekDays, before WorkWeeks in the schema's order): one
// non-working Exception per day (Type 1 = daily, one occurrence). MS Project 2007 and later read
// these and ignore the DayType 0 WeekDays; older readers (ProjectLibre, GanttProject, Project
// 2003) read the WeekDays. Both are written so every reader sees the holidays.
static void mspdi_exceptions(MspdiWriter& w, const std::vector<Date>& holidays) {
    if (holidays.empty()) return;  // the schema's Exceptions needs at least one Exception
    w.x += "      <Exceptions>\n";
    for (Date h : holidays) {
        const std::string day = format_iso_date(h);
        w.x += "        <Exception>\n";
        w.el("          ", "EnteredByOccurrences", "0");
        w.x += "          <TimePeriod><FromDate>" + day + "T00:00:00</FromDate><ToDate>" + day +
            "T23:59:00</ToDate></TimePeriod>\n";
        w.el("          ", "Occurrences", "1");
        w.el("          ", "Name", "Holiday " + day);
        w.el("          ", "Type", "1");
        w.el("          ", "DayWorking", "0");
        w.x += "        </Exception>\n";
    }
    w.x += "      </Exceptions>\n";
}

// One calendar: weekdays (MSPDI DayType 1 = Sunday … 7 = Saturday), holidays as exceptions
// twice: DayType 0 WeekDays with a TimePeriod (Project 2003 and the other readers) and the
// Exceptions element (Project 2007+).
static void mspdi_calendar(MspdiWriter& w, int uid, const std::string& name, const WorkCalendar& cal) {
    w.x += "    <Calendar>\n";
    w.el("      ", "UID", std::to_string(uid));
    w.el("      ", "Name", xml_escape(name));
    w.el("      ", "IsBaseCalendar", "1");
    w.el("      ", "BaseCalendarUID", "-1");
    w.x += "      <WeekDays>\n";
    for (int day_type = 1; day_type <= 7; ++day_type) {
        const int ours = (day_type + 5) % 7;  // Sunday (1) → 6, Monday (2) → 0 …
        const bool working = cal.working[static_cast<size_t>(ours)];
        w.x += "        <WeekDay>\n";
        w.el("          ", "DayType", std::to_string(day_type));
        w.el("          ", "DayWorking", working ? "1" : "0");
        if (working)
            w.x +=
                "          <WorkingTimes>\n"
                "            <WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>\n"
                "            <WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime>\n"
                "          </WorkingTimes>\n";
        w.x += "        </WeekDay>\n";
    }
    const std::vector<Date> hol = sorted_holidays(cal);
    for (Date h : hol) {
        w.x += "        <WeekDay>\n";
        w.el("          ", "DayType", "0");
        w.el("          ", "DayWorking", "0");
        w.x += "          <TimePeriod><FromDate>" + format_iso_date(h) + "T00:00:00</FromDate><ToDate>" +
            format_iso_date(h) + "T23:59:00</ToDate></TimePeriod>\n";
        w.x += "        </WeekDay>\n";
    }
    w.x += "      </WeekDays>\n";
    mspdi_exceptions(w, hol);
    w.x += "    </Calendar>\n";
}

// The project calendar (UID 1, "Standard") and each further calendar (UID 2, 3 … in file order).
static void mspdi_calendars(MspdiWriter& w, const ScheduleSection& s) {
    w.x += "  <Calendars>\n";
    mspdi_calendar(w, 1, "Standard", s.calendar);
    for (size_t k = 0; k < s.calendars.size(); ++k)
        mspdi_calendar(w, static_cast<int>(k) + 2,
                       s.calendars[k].name.empty() ? s.calendars[k].id : s.calendars[k].name, s.calendars[k].calendar);
    w.x += "  </Calendars>\n";
}

static constexpr const char* kTaskIndent = "      ";

// UID 0: the project summary task.
static void mspdi_project_task(MspdiWriter& w, const MspdiContext& c) {
    const char* i3 = kTaskIndent;
    w.x += "    <Task>\n";
    w.el(i3, "UID", "0");
    w.el(i3, "ID", "0");
    w.el(i3, "Name", xml_escape(c.in.title));
    w.el(i3, "Type", "1");
    w.el(i3, "IsNull", "0");
    w.el(i3, "WBS", "0");
    w.el(i3, "OutlineNumber", "0");
    w.el(i3, "OutlineLevel", "0");
    w.el(i3, "Start", start_datetime(c.clock, 0));
    w.el(i3, "Finish", c.project_finish());
    w.el(i3, "Duration", iso_duration(c.in.cpm.finish));
    w.el(i3, "DurationFormat", "7");
    w.el(i3, "Milestone", "0");
    w.el(i3, "Summary", "1");
    w.el(i3, "ConstraintType", "0");
    w.el(i3, "CalendarUID", "-1");
    w.x += "    </Task>\n";
}

// A task's four dates as MSPDI DateTimes. A milestone sits on its finish instant; a summary
// with task calendars is rolled up on the common axis, so it takes the CPM's dates (08:00 /
// 17:00); every other task is placed by its own calendar's clock.
struct MspdiTaskDates {
    std::string start, finish, late_start, late_finish;
};

static MspdiTaskDates mspdi_task_dates(const CpmTask& c, bool milestone, bool by_dates, const WorkdayClock& tc) {
    MspdiTaskDates d;
    if (by_dates) {
        d.start = datetime(c.es_date, 480);
        d.finish = datetime(c.ef_date, 1020);
        d.late_start = datetime(c.ls_date, 480);
        d.late_finish = datetime(c.lf_date, 1020);
    } else if (milestone) {
        d.start = d.finish = finish_datetime(tc, c.es);
        d.late_start = d.late_finish = finish_datetime(tc, c.ls);
    } else {
        d.start = start_datetime(tc, c.es);
        d.finish = finish_datetime(tc, c.ef);
        d.late_start = start_datetime(tc, c.ls);
        d.late_finish = finish_datetime(tc, c.lf);
    }
    return d;
}

// The task's links, each to its predecessor's UID (file position + 1).
static void mspdi_links(MspdiWriter& w, const Task& t, const std::unordered_map<std::string, size_t>& position,
                        size_t task_count) {
    for (const auto& d : t.predecessors) {
        const auto found = position.find(d.task_id);  // a lookup, not a scan per link
        const size_t from = found == position.end() ? task_count : found->second;
        w.x += "      <PredecessorLink>\n";
        w.el("        ", "PredecessorUID", std::to_string(from + 1));
        w.el("        ", "Type", std::to_string(mspdi_link_type(d.type)));
        w.el("        ", "CrossProject", "0");
        w.el("        ", "LinkLag", std::to_string(tenths_of_minutes(d.lag)));
        w.el("        ", "LagFormat", "7");
        w.x += "      </PredecessorLink>\n";
    }
}

// One task (file index i) at outline row `row`.
static void mspdi_task(MspdiWriter& w, const MspdiContext& ctx, const Outline& outline, size_t row, size_t i,
                       const std::unordered_map<std::string, size_t>& position) {
    const char* i3 = kTaskIndent;
    const Task& t = ctx.s.tasks[i];
    const CpmTask& c = ctx.in.cpm.tasks[i];
    const bool milestone = !c.summary && (t.kind == TaskKind::Milestone || c.duration <= kEps);
    w.x += "    <Task>\n";
    w.el(i3, "UID", std::to_string(i + 1));
    w.el(i3, "ID", std::to_string(row + 1));
    w.el(i3, "Name", xml_escape(t.name.empty() ? t.id : t.name));
    w.el(i3, "Type", "1");
    w.el(i3, "IsNull", "0");
    if (!t.partner_id.empty()) w.el(i3, "Contact", xml_escape(partner_name(ctx.in, t.partner_id)));
    w.el(i3, "WBS", outline.wbs[i]);
    w.el(i3, "OutlineNumber", outline.wbs[i]);
    w.el(i3, "OutlineLevel", std::to_string(outline.depth[i] + 1));
    w.el(i3, "Priority", "500");
    const int ck = ctx.calendar_index(c.calendar);
    const WorkdayClock& tc = ck >= 0 ? ctx.clocks[static_cast<size_t>(ck)] : ctx.clock;
    const MspdiTaskDates d = mspdi_task_dates(c, milestone, ctx.multi && c.summary, tc);
    w.el(i3, "Start", d.start);
    w.el(i3, "Finish", d.finish);
    w.el(i3, "Duration", iso_duration(c.duration));
    w.el(i3, "DurationFormat", "7");
    w.el(i3, "Milestone", milestone ? "1" : "0");
    w.el(i3, "Summary", c.summary ? "1" : "0");
    w.el(i3, "Critical", c.critical ? "1" : "0");
    w.el(i3, "EarlyStart", d.start);
    w.el(i3, "EarlyFinish", d.finish);
    w.el(i3, "LateStart", d.late_start);
    w.el(i3, "LateFinish", d.late_finish);
    w.el(i3, "FreeSlack", std::to_string(tenths_of_minutes(c.free_float)));
    w.el(i3, "TotalSlack", std::to_string(tenths_of_minutes(c.total_float)));
    w.el(i3, "ConstraintType", "0");
    w.el(i3, "CalendarUID", ck >= 0 ? std::to_string(ck + 2) : std::string("-1"));  // -1: the project calendar
    if (t.target) w.el(i3, "Deadline", format_iso_date(*t.target) + "T17:00:00");
    std::string notes = "MicroFab Planner id " + t.id +
        (c.summary ? "; summary task (dates from its subtasks)"
                   : "; three-point estimate " + num(t.optimistic) + " / " + num(t.most_likely) + " / " +
                 num(t.pessimistic) + " working days (" + distribution_key(t.distribution) + ")");
    if (t.kind == TaskKind::Gate) notes += "; quality gate";
    w.el(i3, "Notes", xml_escape(notes));
    mspdi_links(w, t, position, ctx.s.tasks.size());
    w.x += "    </Task>\n";
}

std::string export_mspdi(const ScheduleExportInput& in) {
    if (!in.cpm.ok() || in.cpm.tasks.size() != in.problem.section.tasks.size()) return "";
    if (!export_issues(in, ScheduleExportFormat::Mspdi).empty()) return "";
    const MspdiContext ctx(in);
    MspdiWriter w;
    mspdi_project_header(w, ctx);
    mspdi_calendars(w, ctx.s);
    w.x += "  <Tasks>\n";
    mspdi_project_task(w, ctx);
    // Tasks in outline order: ID = row (1-based), UID = position in the file + 1 (the same for a
    // flat plan); OutlineLevel 1 at the top, WBS/OutlineNumber the outline number.
    const Outline outline = build_outline(ctx.s);
    std::unordered_map<std::string, size_t> position;  // task id → its first place in the file
    for (size_t i = 0; i < ctx.s.tasks.size(); ++i) position.emplace(ctx.s.tasks[i].id, i);
    for (size_t row = 0; row < outline.order.size(); ++row)
        mspdi_task(w, ctx, outline, row, static_cast<size_t>(outline.order[row]), position);
    w.x += "  </Tasks>\n</Project>\n";
    return w.x;
}

// [SECTION] iCalendar -------------------------------------------------------------------

// RFC 5545 TEXT (§3.3.11): backslash, semicolon and comma escaped; a line break (CRLF, LF or a
// lone CR) written as \n; every other control character (CONTROL in §3.1: U+0000–U+0008,
// U+000A–U+001F, U+007F; the tab stays) removed; ill-formed UTF-8 as U+FFFD.
static std::string ics_text(const std::string& s) {
    std::string o;
    for (size_t i = 0; i < s.size();) {
        const long c = next_code_point(s, i);
        if (c == '\\')
            o += "\\\\";
        else if (c == ';')
            o += "\\;";
        else if (c == ',')
            o += "\\,";
        else if (c == '\n')
            o += "\\n";
        else if (c == '\r') {
            o += "\\n";
            if (i < s.size() && s[i] == '\n') ++i;  // CRLF is one line break
        } else if (c < 0)
            append_utf8(o, kReplacementCharacter);
        else if ((c < 0x20 && c != '\t') || c == 0x7F)
            continue;
        else
            append_utf8(o, c);
    }
    return o;
}

// Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence.
static void ics_line(std::string& out, const std::string& line) {
    size_t pos = 0, limit = 75;
    while (line.size() - pos > limit) {
        size_t cut = pos + limit;
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        out += line.substr(pos, cut - pos) + "\r\n ";
        pos = cut;
        limit = 74;  // the leading space counts
    }
    out += line.substr(pos) + "\r\n";
}

// A DATE value (§3.3.4) has a four-digit year, like every date the exports write
// (four_digit_year).
static bool ics_can_write(Date d) { return four_digit_year(d); }

static std::string ics_date(Date d) {
    std::string s = format_iso_date(d);
    return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2);
}

static std::string slug(const std::string& s) {
    std::string o;
    for (char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            o += c;
        else if (c >= 'A' && c <= 'Z')
            o += static_cast<char>(c - 'A' + 'a');
        else if (!o.empty() && o.back() != '-')
            o += '-';
    }
    while (!o.empty() && o.back() == '-') o.pop_back();
    return o.empty() ? "plan" : o.substr(0, 60);
}

// The events the export writes: each milestone and gate on its early finish date, then the deadline.
struct IcsEvent {
    size_t task;  // index in the schedule; npos for the deadline
    Date day;
};

static std::vector<IcsEvent> ics_events(const ScheduleExportInput& in) {
    std::vector<IcsEvent> ev;
    const ScheduleSection& s = in.problem.section;
    for (size_t i = 0; i < s.tasks.size(); ++i)
        if (s.tasks[i].kind != TaskKind::Task) ev.push_back({i, in.cpm.tasks[i].ef_date});
    if (in.problem.deadline) ev.push_back({std::string::npos, *in.problem.deadline});
    return ev;
}

Issues ics_export_issues(const ScheduleExportInput& in) {
    Issues out;
    if (!in.cpm.ok() || in.cpm.tasks.size() != in.problem.section.tasks.size()) return out;
    for (const IcsEvent& e : ics_events(in)) {
        const Date end{e.day.days + 1};  // DTEND, exclusive
        if (ics_can_write(e.day) && ics_can_write(end)) continue;
        const bool deadline = e.task == std::string::npos;
        out.push_back({deadline ? "/project/deadline" : "/schedule/tasks/" + std::to_string(e.task),
                       std::string("cannot export to iCalendar: ") + (deadline ? "the deadline " : "the date ") +
                           format_iso_date(e.day) + " needs an all-day event ending " + format_iso_date(end) +
                           ", and RFC 5545 dates run from 0001-01-01 to 9999-12-31"});
    }
    return out;
}

std::string export_ics(const ScheduleExportInput& in) {
    if (!in.cpm.ok() || in.cpm.tasks.size() != in.problem.section.tasks.size()) return "";
    if (!ics_export_issues(in).empty()) return "";
    const ScheduleSection& s = in.problem.section;
    const std::string domain = slug(in.title) + ".microfab-planner";
    std::string o;
    ics_line(o, "BEGIN:VCALENDAR");
    ics_line(o, "VERSION:2.0");
    ics_line(o, "PRODID:-//MicroFab Planner//Schedule export//EN");
    ics_line(o, "CALSCALE:GREGORIAN");
    ics_line(o, "METHOD:PUBLISH");
    ics_line(o, "X-WR-CALNAME:" + ics_text(in.title));
    auto event = [&](const std::string& uid, Date day, const std::string& summary, const std::string& description,
                     const char* category) {
        ics_line(o, "BEGIN:VEVENT");
        ics_line(o, "UID:" + ics_text(uid) + "@" + domain);
        ics_line(o, "DTSTAMP:" + in.dtstamp);
        ics_line(o, "DTSTART;VALUE=DATE:" + ics_date(day));
        ics_line(o, "DTEND;VALUE=DATE:" + ics_date(Date{day.days + 1}));
        ics_line(o, "SUMMARY:" + ics_text(summary));
        ics_line(o, "DESCRIPTION:" + ics_text(description));
        ics_line(o, std::string("CATEGORIES:") + category);
        ics_line(o, "TRANSP:TRANSPARENT");
        ics_line(o, "END:VEVENT");
    };
    for (const IcsEvent& e : ics_events(in)) {
        if (e.task == std::string::npos) {
            event("deadline", e.day, "Deadline (market window)",
                  "Planned finish " + format_iso_date(in.cpm.finish_date) + " (deterministic plan).", "DEADLINE");
            continue;
        }
        const Task& t = s.tasks[e.task];
        const CpmTask& c = in.cpm.tasks[e.task];
        const bool gate = t.kind == TaskKind::Gate;
        std::string d = std::string(gate ? "Quality gate" : "Milestone") + " (deterministic plan): early finish " +
            format_iso_date(c.ef_date) + ", late finish " + format_iso_date(c.lf_date) + ", total float " +
            num(c.total_float) + " working days" + (c.critical ? ", on the critical path" : "") + ".";
        if (t.target) d += " Target: " + format_iso_date(*t.target) + ".";
        if (!t.partner_id.empty()) d += " Partner: " + partner_name(in, t.partner_id) + ".";
        event(t.id, e.day, std::string(gate ? "Gate: " : "Milestone: ") + (t.name.empty() ? t.id : t.name), d,
              gate ? "GATE" : "MILESTONE");
    }
    ics_line(o, "END:VCALENDAR");
    return o;
}

// [SECTION] CSV -------------------------------------------------------------------------

// RFC 4180 quoting (base/result_table.h). A text cell (an id, a name, a partner, the links)
// is also made valid UTF-8 and neutralised against formula evaluation; numbers and dates are
// ours and never prefixed.
static std::string csv_field(const std::string& s) { return quote_field(s, ','); }
static std::string csv_text(const std::string& s) { return quote_field(neutralise_formula(s), ','); }

std::string export_csv(const ScheduleExportInput& in) {
    if (!in.cpm.ok() || in.cpm.tasks.size() != in.problem.section.tasks.size()) return "";
    if (!export_issues(in, ScheduleExportFormat::Csv).empty()) return "";
    const ScheduleSection& s = in.problem.section;
    // The UTF-8 byte-order mark first: without it Excel reads the file as ANSI (µ, –, ≥ garbled).
    std::string o =
        "\xEF\xBB\xBF"
        "id,name,kind,partner,distribution,optimistic,most_likely,pessimistic,duration,predecessors,"
        "es,ef,ls,lf,total_float,free_float,critical,early_start,early_finish,late_start,late_finish,target,parent,"
        "wbs\r\n";
    const Outline outline = build_outline(s);
    for (size_t i = 0; i < s.tasks.size(); ++i) {
        const Task& t = s.tasks[i];
        const CpmTask& c = in.cpm.tasks[i];
        // Text cells through csv_text; the others (numbers, dates, keys) are written by us.
        const std::string fields[] = {csv_text(t.id),
                                      csv_text(t.name),
                                      csv_field(task_kind_key(t.kind)),
                                      csv_text(t.partner_id.empty() ? "" : partner_name(in, t.partner_id)),
                                      csv_field(distribution_key(t.distribution)),
                                      num(t.optimistic),
                                      num(t.most_likely),
                                      num(t.pessimistic),
                                      num(c.duration),
                                      csv_text(predecessor_text(t)),
                                      num(c.es),
                                      num(c.ef),
                                      num(c.ls),
                                      num(c.lf),
                                      num(c.total_float),
                                      num(c.free_float),
                                      c.critical ? "yes" : "no",
                                      format_iso_date(c.es_date),
                                      format_iso_date(c.ef_date),
                                      format_iso_date(c.ls_date),
                                      format_iso_date(c.lf_date),
                                      t.target ? format_iso_date(*t.target) : "",
                                      csv_text(t.parent),
                                      outline.wbs[i]};
        bool first = true;
        for (const auto& f : fields) {
            if (!first) o += ',';
            o += f;
            first = false;
        }
        o += "\r\n";
    }
    return o;
}

// [SECTION] Mermaid ---------------------------------------------------------------------

// Mermaid's gantt lexer matches its keywords before a task's text (case-insensitively, without
// needing a word boundary), so a name starting with one would be read as that statement.
static bool starts_like_mermaid_statement(const std::string& s) {
    static const char* const kKeywords[] = {
        "gantt",    "dateformat", "inclusiveenddates", "topaxis", "axisformat", "tickinterval",
        "includes", "excludes",   "todaymarker",       "weekday", "weekend",    "title",
        "accdescr", "acctitle",   "section",           "click",   "call",       "href"};
    std::string lower;
    for (size_t k = 0; k < s.size() && k < 20; ++k)
        lower += (s[k] >= 'A' && s[k] <= 'Z') ? static_cast<char>(s[k] - 'A' + 'a') : s[k];
    for (const char* kw : kKeywords)
        if (lower.rfind(kw, 0) == 0) return true;
    // Mermaid 12 drops a task line that starts with a single '%' too, not only with "%%" (found
    // by reading the export back with Mermaid itself: tests/browser/export_readback.test.mjs).
    if (!s.empty() && s[0] == '%') return true;
    // A leading date (2027-01-04) is a date token.
    return s.size() >= 5 && std::all_of(s.begin(), s.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
        s[4] == '-';
}

// A name on one Mermaid line: line breaks, other control characters, `:` (starts the task's
// data), `;` and `#` (end a statement, start an entity) become spaces; a `%` right after a `%`
// becomes a space (`%%` starts a comment anywhere on a line, which would swallow the task);
// ill-formed UTF-8 becomes U+FFFD; spaces at both ends are trimmed; a name that reads as a
// Mermaid statement gets "- " in front. `fallback` stands in for a name left empty.
static std::string mermaid_text(const std::string& s, const std::string& fallback = "") {
    std::string o;
    const std::string v = valid_utf8(s);
    for (char c : v) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (c == ':' || c == ';' || c == '#' || u < 0x20 || u == 0x7F)
            o += ' ';
        else if (c == '%' && !o.empty() && o.back() == '%')
            o += ' ';
        else
            o += c;
    }
    const size_t a = o.find_first_not_of(' ');
    if (a == std::string::npos) return fallback;
    o = o.substr(a, o.find_last_not_of(' ') - a + 1);
    return starts_like_mermaid_statement(o) ? "- " + o : o;
}

// Task ids: letters, digits and '_' only; one that Mermaid reads as a tag (crit, done, active,
// milestone) or the `after` keyword gets a trailing '_'; a repeat gets _2, _3 …
static std::vector<std::string> mermaid_ids(const std::vector<Task>& tasks) {
    std::vector<std::string> ids;
    for (const Task& t : tasks) {
        std::string o;
        for (char c : t.id) o += ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ? c : '_';
        if (o.empty()) o = "task";
        std::string lower = o;
        for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if (lower == "crit" || lower == "done" || lower == "active" || lower == "milestone" || lower == "after")
            o += '_';
        std::string unique = o;
        for (int n = 2; std::find(ids.begin(), ids.end(), unique) != ids.end(); ++n)
            unique = o + "_" + std::to_string(n);
        ids.push_back(unique);
    }
    return ids;
}

std::string export_mermaid(const ScheduleExportInput& in) {
    if (!in.cpm.ok() || in.cpm.tasks.size() != in.problem.section.tasks.size()) return "";
    if (!export_issues(in, ScheduleExportFormat::Mermaid).empty()) return "";
    const ScheduleSection& s = in.problem.section;
    static const char* const kDayNames[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                             "friday", "saturday", "sunday"};
    std::string o = "gantt\n";
    o += "    title " + mermaid_text(in.title, "Timeline") + "\n";
    o += "    dateFormat YYYY-MM-DD\n";
    o += "    axisFormat %d %b\n";
    const auto& w = s.calendar.working;
    std::vector<std::string> ex;
    if (w[0] && w[1] && w[2] && w[3] && w[4] && !w[5] && !w[6]) {
        ex.push_back("weekends");
    } else {
        for (int k = 0; k < 7; ++k)
            if (!w[static_cast<size_t>(k)]) ex.push_back(kDayNames[k]);
    }
    std::vector<Date> hol = s.calendar.holidays;
    std::sort(hol.begin(), hol.end());
    hol.erase(std::unique(hol.begin(), hol.end()), hol.end());
    for (Date h : hol) ex.push_back(format_iso_date(h));
    if (!ex.empty()) {
        o += "    excludes ";
        for (size_t k = 0; k < ex.size(); ++k) o += (k ? ", " : "") + ex[k];
        o += "\n";
    }
    const std::vector<std::string> ids = mermaid_ids(s.tasks);
    // Sections by partner, in order of first appearance; tasks without a partner under "Programme".
    std::vector<std::string> sections;
    for (const auto& t : s.tasks)
        if (std::find(sections.begin(), sections.end(), t.partner_id) == sections.end())
            sections.push_back(t.partner_id);
    for (const auto& sec : sections) {
        o += "    section " + mermaid_text(sec.empty() ? "Programme" : partner_name(in, sec), "Partner") + "\n";
        for (size_t i = 0; i < s.tasks.size(); ++i) {
            const Task& t = s.tasks[i];
            if (t.partner_id != sec) continue;
            const CpmTask& c = in.cpm.tasks[i];
            const bool milestone = t.kind == TaskKind::Milestone || c.duration <= kEps;
            std::string tags;
            if (c.critical) tags += "crit, ";
            if (milestone) tags += "milestone, ";
            const std::string name = mermaid_text(t.name.empty() ? t.id : t.name, ids[i]);
            o += "    " + (t.kind == TaskKind::Gate ? "Gate - " + name : name) + " :" + tags + ids[i] + ", ";
            if (milestone)
                o += format_iso_date(c.ef_date) + ", 0d\n";
            else
                o += format_iso_date(c.es_date) + ", " + format_iso_date(Date{c.ef_date.days + 1}) + "\n";
        }
    }
    return o;
}

// [SECTION] Dates the formats can hold ----------------------------------------------------

static const char* format_name(ScheduleExportFormat f) {
    switch (f) {
        case ScheduleExportFormat::Mspdi: return "MS Project XML";
        case ScheduleExportFormat::Ics: return "iCalendar";
        case ScheduleExportFormat::Csv: return "CSV";
        case ScheduleExportFormat::Mermaid: return "Mermaid";
    }
    return "";
}

// A date a format writes for a task, by the name the message gives it. `day` is the date
// written; `shown` the schedule's date it comes from when they differ (a Mermaid bar ends the
// day after the early finish).
struct WrittenDate {
    const char* what;
    Date day;
    std::optional<Date> shown;
};

// The dates `f` writes for task i: MSPDI and CSV the four CPM dates and the target; Mermaid a
// milestone's day, or a bar from the early start to the day after the early finish.
static std::vector<WrittenDate> written_dates(const ScheduleExportInput& in, size_t i, ScheduleExportFormat f) {
    const Task& t = in.problem.section.tasks[i];
    const CpmTask& c = in.cpm.tasks[i];
    if (f == ScheduleExportFormat::Mermaid) {
        if (t.kind == TaskKind::Milestone || c.duration <= kEps) return {{"milestone date", c.ef_date, {}}};
        return {{"early start", c.es_date, {}}, {"early finish", Date{c.ef_date.days + 1}, c.ef_date}};
    }
    std::vector<WrittenDate> out = {{"early start", c.es_date, {}},
                                    {"early finish", c.ef_date, {}},
                                    {"late start", c.ls_date, {}},
                                    {"late finish", c.lf_date, {}}};
    if (t.target) out.push_back({"target date", *t.target, {}});
    return out;
}

// "the early finish 10000-01-03 is past 9999-12-31" or, for a Mermaid bar whose early finish
// itself can be written, "the early finish 9999-12-31 needs a bar ending 10000-01-01 (Mermaid
// end dates are exclusive)".
static std::string refusal(ScheduleExportFormat f, const WrittenDate& d) {
    std::string s = std::string("cannot export to ") + format_name(f) + ": the " + d.what + " ";
    const Date named = d.shown ? *d.shown : d.day;  // the schedule's date
    if (d.shown && four_digit_year(named))
        s += format_iso_date(named) + " needs a bar ending " + format_iso_date(d.day) +
            " (Mermaid end dates are exclusive)";
    else
        s +=
            format_iso_date(named) + (named < date_from_ymd(1, 1, 1) ? " is before 0001-01-01" : " is past 9999-12-31");
    return s + ", and the file's dates run from 0001-01-01 to 9999-12-31";
}

Issues export_issues(const ScheduleExportInput& in, ScheduleExportFormat f) {
    switch (f) {
        case ScheduleExportFormat::Ics: return ics_export_issues(in);
        case ScheduleExportFormat::Mspdi:
        case ScheduleExportFormat::Csv:
        case ScheduleExportFormat::Mermaid: break;
    }
    Issues out;
    if (!in.cpm.ok() || in.cpm.tasks.size() != in.problem.section.tasks.size()) return out;
    if (f == ScheduleExportFormat::Mspdi && !four_digit_year(in.cpm.origin))  // the project's StartDate
        out.push_back({"/project/start_date", refusal(f, {"first working day", in.cpm.origin, {}})});
    for (size_t i = 0; i < in.cpm.tasks.size(); ++i)
        for (const WrittenDate& d : written_dates(in, i, f))
            if (!four_digit_year(d.day)) {
                out.push_back({"/schedule/tasks/" + std::to_string(i), refusal(f, d)});
                break;  // one reason per task: its first date out of range
            }
    return out;
}

}  // namespace mf
