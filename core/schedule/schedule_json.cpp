// Plan-file form of the timeline section:
//   "schedule": {
//     "calendar": {"working_days": ["mon", "tue", "wed", "thu", "fri"], "holidays": ["2027-01-01"]},
//     "calendars": [{"id", "name", "working_days", "holidays"}],   (optional: per task / partner)
//     "partner_calendars": {"partner id": "calendar id"},           (optional)
//     "tasks": [ {"id", "name", "kind": "task"|"milestone"|"gate", "partner", "parent", "calendar",
//                 "optimistic", "most_likely", "pessimistic", "distribution": "pert"|"triangular",
//                 "predecessors": ["id", {"task": "id", "type": "FS"|"SS"|"FF"|"SF", "lag": -2}],
//                 "target": "YYYY-MM-DD",
//                 "gate": {"pass_probability": 0.8  |  "cpk": {"estimate", "sample_size", "threshold",
//                                                              "measured": {"dataset", "feature"}},  (optional link)
//                          "repeat": ["id"], "rework": {"optimistic", "most_likely", "pessimistic"},
//                          "max_loops": 3, "assume_first_fails": false}} ] }
// A predecessor written as a plain id is finish-to-start with zero lag (and is written back
// that way); durations are optional (0) for milestones, gates and summary tasks (named as
// another task's "parent"; their durations are ignored), required for other tasks.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "plan/section_json.h"

namespace mf {

static const std::initializer_list<std::pair<const char*, TaskKind>> kKinds = {
    {"task", TaskKind::Task}, {"milestone", TaskKind::Milestone}, {"gate", TaskKind::Gate}};
static const std::initializer_list<std::pair<const char*, LinkType>> kLinkTypes = {{"FS", LinkType::FinishToStart},
                                                                                   {"SS", LinkType::StartToStart},
                                                                                   {"FF", LinkType::FinishToFinish},
                                                                                   {"SF", LinkType::StartToFinish}};
static const std::initializer_list<std::pair<const char*, DurationDistribution>> kDistributions = {
    {"pert", DurationDistribution::Pert}, {"triangular", DurationDistribution::Triangular}};
static const char* const kWeekdayKeys[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

const char* task_kind_key(TaskKind k) {
    for (const auto& [name, value] : kKinds)
        if (value == k) return name;
    return "task";
}
const char* link_type_key(LinkType t) {
    for (const auto& [name, value] : kLinkTypes)
        if (value == t) return name;
    return "FS";
}
const char* distribution_key(DurationDistribution d) {
    for (const auto& [name, value] : kDistributions)
        if (value == d) return name;
    return "pert";
}

// Largest duration or |lag| accepted, in working days (about 40 years).
static constexpr double kMaxDays = 10000;

static std::string num(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

static void read_three_point(const json& e, const std::string& p, JsonReader& r, Need need, double& o, double& m,
                             double& pe) {
    const size_t before = r.error_count();
    r.number(e, p, "optimistic", o, need, 0, kMaxDays);
    r.number(e, p, "most_likely", m, need, 0, kMaxDays);
    r.number(e, p, "pessimistic", pe, need, 0, kMaxDays);
    if (r.error_count() == before && !(o <= m && m <= pe))
        r.error(p,
                "durations must satisfy optimistic <= most_likely <= pessimistic (found " + num(o) + ", " + num(m) +
                    ", " + num(pe) + ")");
}

static void read_id_list(const json& e, const std::string& p, const char* key, JsonReader& r,
                         std::vector<std::string>& out) {
    const json* arr = r.array(e, p, key, Need::Optional, kMaxTasks, "tasks", "a gate's list");
    if (!arr) return;
    const std::string ap = JsonReader::child(p, key);
    for (size_t k = 0; k < arr->size(); ++k) {
        const json& d = (*arr)[k];
        if (!d.is_string()) {
            r.error(JsonReader::child(ap, k), std::string("expected a task id, found ") + json_type_name(d));
            continue;
        }
        out.push_back(d.get<std::string>());
    }
}

static void read_predecessors(const json& e, const std::string& p, JsonReader& r, Task& t) {
    const json* arr = r.array(e, p, "predecessors", Need::Optional);
    if (!arr) return;
    const std::string ap = JsonReader::child(p, "predecessors");
    std::unordered_set<std::string> listed;  // a repeat is reported once, at the repeat
    for (size_t k = 0; k < arr->size(); ++k) {
        const json& d = (*arr)[k];
        const std::string dp = JsonReader::child(ap, k);
        Dependency dep;
        if (d.is_string()) {
            dep.task_id = d.get<std::string>();
        } else if (d.is_object()) {
            if (!r.begin_object(d, dp)) continue;
            r.id(d, dp, "task", dep.task_id, Need::Required);
            r.enumeration(d, dp, "type", dep.type, Need::Optional, kLinkTypes);
            r.number(d, dp, "lag", dep.lag, Need::Optional, -kMaxDays, kMaxDays);
            r.end_object(d, dp);
        } else {
            r.error(dp, std::string("expected a task id or {\"task\", \"type\", \"lag\"}, found ") + json_type_name(d));
            continue;
        }
        if (!dep.task_id.empty() && !listed.insert(dep.task_id).second)
            r.error(dp, "task \"" + dep.task_id + "\" is listed twice as a predecessor");
        t.predecessors.push_back(std::move(dep));
    }
}

static void read_gate(const json& g, const std::string& gp, JsonReader& r, GateSpec& out) {
    if (!r.begin_object(g, gp)) return;
    const bool has_p = r.member(g, gp, "pass_probability", Need::Optional) != nullptr;
    const bool has_cpk = r.member(g, gp, "cpk", Need::Optional) != nullptr;
    if (has_p == has_cpk)
        r.error(gp,
                has_p ? "give either pass_probability or cpk, not both"
                      : "a gate needs pass_probability (0 to 1) or cpk {estimate, sample_size, threshold}");
    if (has_p) {
        double v = 1;
        if (r.number(g, gp, "pass_probability", v, Need::Required, 0, 1)) out.pass_probability = v;
    }
    if (has_cpk) {
        const json* c = r.member(g, gp, "cpk", Need::Required);
        const std::string cp = JsonReader::child(gp, "cpk");
        if (c && r.begin_object(*c, cp)) {
            CpkCriterion k;
            const bool ok = r.number(*c, cp, "estimate", k.estimate, Need::Required, 0, 100) &&
                r.number(*c, cp, "sample_size", k.sample_size, Need::Required, 2, 1e9);
            r.number(*c, cp, "threshold", k.threshold, Need::Optional, 0, 100);
            if (const json* m = r.member(*c, cp, "measured", Need::Optional)) {  // link: core/links/measured_links.h
                const std::string mp = JsonReader::child(cp, "measured");
                if (r.begin_object(*m, mp)) {
                    CpkSource src;
                    bool linked = r.id(*m, mp, "dataset", src.dataset_id, Need::Required);
                    linked = r.id(*m, mp, "feature", src.feature_id, Need::Required) && linked;
                    r.end_object(*m, mp);
                    if (linked) k.measured = std::move(src);
                }
            }
            r.end_object(*c, cp);
            if (ok) out.cpk = k;
        }
    }
    read_id_list(g, gp, "repeat", r, out.repeat);
    if (const json* rw = r.member(g, gp, "rework", Need::Optional)) {
        const std::string rp = JsonReader::child(gp, "rework");
        if (r.begin_object(*rw, rp)) {
            read_three_point(*rw, rp, r, Need::Required, out.rework.optimistic, out.rework.most_likely,
                             out.rework.pessimistic);
            r.end_object(*rw, rp);
        }
    }
    int64_t loops = out.max_loops;
    if (r.integer(g, gp, "max_loops", loops, Need::Optional, 0, 100)) out.max_loops = static_cast<int>(loops);
    r.boolean(g, gp, "assume_first_fails", out.assume_first_fails, Need::Optional);
    if (out.assume_first_fails && out.max_loops < 1)
        r.error(JsonReader::child(gp, "max_loops"), "assume_first_fails needs max_loops >= 1");
    r.end_object(g, gp);
}

static void read_calendar_fields(const json& c, const std::string& cp, JsonReader& r, WorkCalendar& out) {
    if (const json* wd = r.array(c, cp, "working_days", Need::Optional)) {
        const std::string wp = JsonReader::child(cp, "working_days");
        out.working.fill(false);
        for (size_t k = 0; k < wd->size(); ++k) {
            const json& d = (*wd)[k];
            int found = -1;
            if (d.is_string())
                for (int w = 0; w < 7; ++w)
                    if (d.get<std::string>() == kWeekdayKeys[w]) found = w;
            if (found < 0)
                r.error(JsonReader::child(wp, k), "expected a weekday (mon, tue, wed, thu, fri, sat, sun)");
            else
                out.working[static_cast<size_t>(found)] = true;
        }
        if (std::none_of(out.working.begin(), out.working.end(), [](bool b) { return b; }))
            r.error(wp, "at least one weekday must be a working day");
    }
    if (const json* hol = r.array(c, cp, "holidays", Need::Optional, kMaxHolidays, "holidays", "a calendar")) {
        const std::string hp = JsonReader::child(cp, "holidays");
        for (size_t k = 0; k < hol->size(); ++k) {
            const json& d = (*hol)[k];
            std::optional<Date> date;
            if (d.is_string()) date = parse_iso_date(d.get<std::string>());
            if (!date)
                r.error(JsonReader::child(hp, k), "expected a date of the form YYYY-MM-DD");
            else
                out.holidays.push_back(*date);
        }
    }
}

static void read_calendar(const json& c, const std::string& cp, JsonReader& r, WorkCalendar& out) {
    if (!r.begin_object(c, cp)) return;
    read_calendar_fields(c, cp, r, out);
    r.end_object(c, cp);
}

// "calendars": [{"id", "name", "working_days", "holidays"}], "partner_calendars": {"partner": "calendar"}
static void read_named_calendars(const json& j, const std::string& path, JsonReader& r, ScheduleSection& out) {
    if (const json* arr = r.array(j, path, "calendars", Need::Optional, kMaxCalendars, "calendars", "a schedule")) {
        const std::string ap = JsonReader::child(path, "calendars");
        for (size_t i = 0; i < arr->size(); ++i) {
            const json& e = (*arr)[i];
            const std::string p = JsonReader::child(ap, i);
            if (!r.begin_object(e, p)) continue;
            NamedCalendar nc;
            r.id(e, p, "id", nc.id, Need::Required);
            r.string(e, p, "name", nc.name, Need::Optional, 200);
            read_calendar_fields(e, p, r, nc.calendar);
            r.end_object(e, p);
            out.calendars.push_back(std::move(nc));
        }
    }
    if (const json* m = r.member(j, path, "partner_calendars", Need::Optional)) {
        const std::string mp = JsonReader::child(path, "partner_calendars");
        if (!m->is_object()) {
            r.error(mp,
                    std::string("expected an object {\"partner id\": \"calendar id\"}, found ") + json_type_name(*m));
        } else {
            for (const auto& [partner, cal] : m->items()) {
                if (!cal.is_string() || cal.get<std::string>().empty())
                    r.error(JsonReader::child(mp, partner), "expected a calendar id");
                else
                    out.partner_calendars[partner] = cal.get<std::string>();
            }
        }
    }
}

void read_schedule(const json& j, const std::string& path, JsonReader& r, ScheduleSection& out) {
    if (!r.begin_object(j, path)) return;
    if (const json* c = r.member(j, path, "calendar", Need::Optional))
        read_calendar(*c, JsonReader::child(path, "calendar"), r, out.calendar);
    read_named_calendars(j, path, r, out);
    if (const json* arr = r.array(j, path, "tasks", Need::Optional, kMaxTasks, "tasks", "a schedule")) {
        const std::string apath = JsonReader::child(path, "tasks");
        // Summary tasks (named as some task's parent) may leave their durations out: they are ignored.
        std::unordered_set<std::string> parents;
        for (const json& e : *arr)
            if (e.is_object() && e.contains("parent") && e["parent"].is_string())
                parents.insert(e["parent"].get<std::string>());
        for (size_t i = 0; i < arr->size(); ++i) {
            const json& e = (*arr)[i];
            const std::string p = JsonReader::child(apath, i);
            if (!r.begin_object(e, p)) continue;
            Task t;
            r.id(e, p, "id", t.id, Need::Required);
            r.string(e, p, "name", t.name, Need::Required, 200);
            r.enumeration(e, p, "kind", t.kind, Need::Optional, kKinds);
            if (r.member(e, p, "partner", Need::Optional)) r.id(e, p, "partner", t.partner_id, Need::Optional);
            if (r.member(e, p, "parent", Need::Optional)) r.id(e, p, "parent", t.parent, Need::Optional);
            if (r.member(e, p, "calendar", Need::Optional)) r.id(e, p, "calendar", t.calendar, Need::Optional);
            const bool summary = !t.id.empty() && parents.count(t.id) != 0;
            read_three_point(e, p, r, t.kind == TaskKind::Task && !summary ? Need::Required : Need::Optional,
                             t.optimistic, t.most_likely, t.pessimistic);
            if (t.kind == TaskKind::Milestone && (t.optimistic != 0 || t.most_likely != 0 || t.pessimistic != 0))
                r.error(p, "a milestone has zero duration (optimistic, most_likely and pessimistic must be 0)");
            r.enumeration(e, p, "distribution", t.distribution, Need::Optional, kDistributions);
            read_predecessors(e, p, r, t);
            r.date(e, p, "target", t.target, Need::Optional);
            const json* g = r.member(e, p, "gate", Need::Optional);
            if (t.kind == TaskKind::Gate) {
                if (!g)
                    r.error(JsonReader::child(p, "gate"), "a gate needs a \"gate\" object (pass probability, rework)");
                else
                    read_gate(*g, JsonReader::child(p, "gate"), r, t.gate);
            } else if (g) {
                r.error(JsonReader::child(p, "gate"), "only a task of kind \"gate\" has a \"gate\" object");
            }
            r.end_object(e, p);
            out.tasks.push_back(std::move(t));
        }
    }
    r.end_object(j, path);
}

static json three_point_json(double o, double m, double p) {
    return {{"optimistic", o}, {"most_likely", m}, {"pessimistic", p}};
}

static json calendar_json(const WorkCalendar& c) {
    json cal = json::object();
    cal["working_days"] = json::array();
    for (int w = 0; w < 7; ++w)
        if (c.working[static_cast<size_t>(w)]) cal["working_days"].push_back(kWeekdayKeys[w]);
    std::vector<Date> hol = c.holidays;
    std::sort(hol.begin(), hol.end());
    hol.erase(std::unique(hol.begin(), hol.end()), hol.end());
    cal["holidays"] = json::array();
    for (Date d : hol) cal["holidays"].push_back(format_iso_date(d));
    return cal;
}

json write_schedule(const ScheduleSection& s) {
    json j = json::object();
    j["calendar"] = calendar_json(s.calendar);
    if (!s.calendars.empty()) {  // written only when used: files without them stay as they were
        j["calendars"] = json::array();
        for (const auto& nc : s.calendars) {
            json c = calendar_json(nc.calendar);
            c["id"] = nc.id;
            if (!nc.name.empty()) c["name"] = nc.name;
            j["calendars"].push_back(std::move(c));
        }
    }
    if (!s.partner_calendars.empty()) j["partner_calendars"] = s.partner_calendars;

    j["tasks"] = json::array();
    for (const auto& t : s.tasks) {
        json e = {{"id", t.id}, {"name", t.name}, {"kind", task_kind_key(t.kind)}};
        if (t.kind != TaskKind::Milestone) {
            e.update(three_point_json(t.optimistic, t.most_likely, t.pessimistic));
            e["distribution"] = distribution_key(t.distribution);
        }
        json preds = json::array();
        for (const auto& d : t.predecessors) {
            if (d.type == LinkType::FinishToStart && d.lag == 0)
                preds.push_back(d.task_id);
            else
                preds.push_back({{"task", d.task_id}, {"type", link_type_key(d.type)}, {"lag", d.lag}});
        }
        e["predecessors"] = std::move(preds);
        if (!t.partner_id.empty()) e["partner"] = t.partner_id;
        if (!t.parent.empty()) e["parent"] = t.parent;
        if (!t.calendar.empty()) e["calendar"] = t.calendar;
        if (t.target) e["target"] = format_iso_date(*t.target);
        if (t.kind == TaskKind::Gate) {
            const GateSpec& g = t.gate;
            json gj = json::object();
            if (g.cpk) {
                gj["cpk"] = {{"estimate", g.cpk->estimate},
                             {"sample_size", g.cpk->sample_size},
                             {"threshold", g.cpk->threshold}};
                if (g.cpk->measured)
                    gj["cpk"]["measured"] = {{"dataset", g.cpk->measured->dataset_id},
                                             {"feature", g.cpk->measured->feature_id}};
            } else
                gj["pass_probability"] = g.pass_probability.value_or(1.0);
            gj["repeat"] = g.repeat;
            gj["rework"] = three_point_json(g.rework.optimistic, g.rework.most_likely, g.rework.pessimistic);
            gj["max_loops"] = g.max_loops;
            gj["assume_first_fails"] = g.assume_first_fails;
            e["gate"] = std::move(gj);
        }
        j["tasks"].push_back(std::move(e));
    }
    return j;
}

}  // namespace mf
