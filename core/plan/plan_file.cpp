// [SECTION] Guards: size and nesting depth before parsing
// [SECTION] Migrations: older versions upgraded step by step to the current one
// [SECTION] Load and save
// [SECTION] Checks across sections: unique ids, dangling references
#include "plan/plan_file.h"

#include <map>
#include <set>

#include "base/issue_cap.h"
#include "base/json_reader.h"
#include "plan/section_json.h"
#include "roads/roads_json.h"
#include "schedule/outline.h"

namespace mf {

// [SECTION] Guards ---------------------------------------------------------------------

// Deepest [ or { nesting outside strings; stops counting once past the limit. Checked before
// parsing so that a hostile file cannot exhaust the stack of a recursive consumer.
static int max_nesting(const std::string& text) {
    int depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"')
            in_string = true;
        else if (c == '[' || c == '{') {
            if (++depth > deepest) deepest = depth;
            if (deepest > kMaxJsonDepth) break;
        } else if (c == ']' || c == '}')
            --depth;
    }
    return deepest;
}

// [SECTION] Migrations -----------------------------------------------------------------
// Each entry upgrades a document from version `from` to `from + 1`, in place. Version 1 is
// the first version, so the list is empty; from version 2 on every format change adds an
// entry here and a before/after example to docs/plan-format.md.
struct Migration {
    int from;
    void (*upgrade)(json& doc);
};
static const Migration kMigrations[] = {{0, nullptr}};  // sentinel: no migrations yet

static bool migrate(json& doc, int version, JsonReader& r) {
    while (version < kPlanFormatVersion) {
        const Migration* step = nullptr;
        for (const auto& m : kMigrations)
            if (m.upgrade && m.from == version) step = &m;
        if (!step) {
            r.error("/version", "no upgrade path from version " + std::to_string(version));
            return false;
        }
        step->upgrade(doc);
        ++version;
    }
    return true;
}

// [SECTION] Load and save --------------------------------------------------------------

static const std::initializer_list<std::pair<const char*, LengthUnit>> kUnits = {
    {"um", LengthUnit::Micrometre}, {"mm", LengthUnit::Millimetre}, {"in", LengthUnit::Inch}};

static const char* unit_key(LengthUnit u) {
    for (const auto& [name, value] : kUnits)
        if (value == u) return name;
    return "mm";
}

static void read_meta(const json& meta, JsonReader& r, PlanMeta& out) {
    const std::string p = "/project";
    if (!r.begin_object(meta, p)) return;
    r.string(meta, p, "name", out.name, Need::Required, 200);
    r.enumeration(meta, p, "units", out.units, Need::Required, kUnits);
    r.string(meta, p, "decider", out.decider, Need::Optional, 200);
    r.date(meta, p, "start_date", out.start_date, Need::Optional);
    r.date(meta, p, "deadline", out.deadline, Need::Optional);
    r.string(meta, p, "notes", out.notes, Need::Optional);
    if (out.start_date && out.deadline && *out.deadline < *out.start_date)
        r.error("/project/deadline", "deadline is before the start date");
    r.end_object(meta, p);
}

static json write_meta(const PlanMeta& m) {
    json meta = {{"name", m.name}, {"units", unit_key(m.units)}};
    if (!m.decider.empty()) meta["decider"] = m.decider;
    if (m.start_date) meta["start_date"] = format_iso_date(*m.start_date);
    if (m.deadline) meta["deadline"] = format_iso_date(*m.deadline);
    if (!m.notes.empty()) meta["notes"] = m.notes;
    return meta;
}

LoadResult load_plan(const std::string& text) {
    LoadResult result;
    JsonReader r;
    if (text.size() > kMaxPlanFileBytes) {
        r.error(
            "/",
            "file is too large (" + std::to_string(text.size() / (1024 * 1024)) + " MB; a plan file is at most 64 MB)");
        result.errors = r.take_errors();
        return result;
    }
    if (max_nesting(text) > kMaxJsonDepth) {
        r.error("/", "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels: not a plan file");
        result.errors = r.take_errors();
        return result;
    }
    json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        // Re-parse through the SAX interface only to learn where it failed.
        struct Where : nlohmann::json_sax<json> {
            size_t pos = 0;
            std::string what;
            bool null() override { return true; }
            bool boolean(bool) override { return true; }
            bool number_integer(number_integer_t) override { return true; }
            bool number_unsigned(number_unsigned_t) override { return true; }
            bool number_float(number_float_t, const string_t&) override { return true; }
            bool string(string_t&) override { return true; }
            bool binary(binary_t&) override { return true; }
            bool start_object(std::size_t) override { return true; }
            bool key(string_t&) override { return true; }
            bool end_object() override { return true; }
            bool start_array(std::size_t) override { return true; }
            bool end_array() override { return true; }
            bool parse_error(std::size_t p, const std::string&, const nlohmann::detail::exception& ex) override {
                pos = p;
                what = ex.what();
                return false;
            }
        } where;
        json::sax_parse(text, &where, json::input_format_t::json, /*strict=*/true, /*ignore_comments=*/false);
        // Translate the byte offset into a line and column a person can find.
        size_t line = 1, col = 1;
        for (size_t i = 0; i + 1 < where.pos && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                col = 1;
            } else
                ++col;
        }
        // nlohmann's text reads "[json.exception.parse_error.101] parse error at line 1, column 5:
        // syntax error while parsing value - ..."; keep the part after the last "]" or ": ".
        std::string detail = where.what;
        const auto syntax = detail.find("syntax error");
        if (syntax != std::string::npos)
            detail = detail.substr(syntax);
        else if (const auto bracket = detail.find("] "); bracket != std::string::npos)
            detail = detail.substr(bracket + 2);
        r.error("/",
                "not valid JSON (line " + std::to_string(line) + ", column " + std::to_string(col) +
                    "): " + (detail.empty() ? "unexpected end of file" : detail));
        result.errors = r.take_errors();
        return result;
    }
    if (!r.begin_object(doc, "")) {
        result.errors = r.take_errors();
        return result;
    }
    std::string format;
    if (!r.string(doc, "", "format", format, Need::Required, 100) || format != kPlanFormatTag) {
        if (r.ok())
            r.error("/format", "\"" + format + "\" is not a MicroFab plan (expected \"" + kPlanFormatTag + "\")");
        result.errors = r.take_errors();
        return result;
    }
    int64_t version = 0;
    if (!r.integer(doc, "", "version", version, Need::Required, 1, 1000000)) {
        result.errors = r.take_errors();
        return result;
    }
    result.file_version = static_cast<int>(version);
    if (version > kPlanFormatVersion) {
        r.error("/version",
                "file version " + std::to_string(version) + " is newer than this app reads (" +
                    std::to_string(kPlanFormatVersion) + "): update MicroFab Planner to open it");
        result.errors = r.take_errors();
        return result;
    }
    if (!migrate(doc, static_cast<int>(version), r)) {
        result.errors = r.take_errors();
        return result;
    }

    Plan plan;
    if (const json* meta = r.member(doc, "", "project", Need::Required)) read_meta(*meta, r, plan.meta);
    if (const json* s = r.member(doc, "", "decision", Need::Optional)) read_decision(*s, "/decision", r, plan.decision);
    if (const json* s = r.member(doc, "", "schedule", Need::Optional)) read_schedule(*s, "/schedule", r, plan.schedule);
    if (const json* s = r.member(doc, "", "stacks", Need::Optional)) read_stacks(*s, "/stacks", r, plan.stacks);
    if (const json* s = r.member(doc, "", "datasets", Need::Optional)) read_datasets(*s, "/datasets", r, plan.datasets);
    if (const json* s = r.member(doc, "", "roads", Need::Optional)) read_roads(*s, "/roads", r, plan.roads);
    r.end_object(doc, "");

    if (r.ok()) {
        for (auto& e : check_plan_references(plan)) r.error(e.where, std::move(e.message));
    }
    result.errors = r.take_errors();
    if (result.errors.empty()) result.plan = std::move(plan);
    return result;
}

std::string save_plan(const Plan& plan, int indent) {
    // nlohmann::json keeps object keys sorted, so the output is deterministic.
    json doc = json::object();
    doc["format"] = kPlanFormatTag;
    doc["version"] = kPlanFormatVersion;
    doc["project"] = write_meta(plan.meta);
    doc["decision"] = write_decision(plan.decision);
    doc["schedule"] = write_schedule(plan.schedule);
    doc["stacks"] = write_stacks(plan.stacks);
    doc["datasets"] = write_datasets(plan.datasets);
    if (!plan.roads.empty()) doc["roads"] = write_roads(plan.roads);  // older plans keep their bytes
    return doc.dump(indent, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace) + "\n";
}

// [SECTION] Checks of a plan value -----------------------------------------------------

// Why a round trip: the rules a file must pass live in the section readers (JSON ranges and
// enumerations) and in the model checks they call (check_decision, validate_stack, ...).
// Writing each section and reading it back through its own reader applies exactly those
// rules, so a plan that passes here is a plan load_plan accepts, by construction, and no
// rule can be added to the reader and forgotten here. The datasets are the exception: their
// columns can hold millions of numbers, so check_datasets states their rules directly (the
// reader calls the same function).
Issues check_plan(const Plan& p) {
    JsonReader r;
    PlanMeta meta;
    read_meta(write_meta(p.meta), r, meta);
    DecisionSection decision;
    read_decision(write_decision(p.decision), "/decision", r, decision);
    ScheduleSection schedule;
    read_schedule(write_schedule(p.schedule), "/schedule", r, schedule);
    std::vector<Stack> stacks;
    read_stacks(write_stacks(p.stacks), "/stacks", r, stacks);
    RoadsSection roads;
    read_roads(write_roads(p.roads), "/roads", r, roads);
    Issues errors = r.take_errors();
    if (!errors.empty()) return errors;  // the references below assume well-formed sections
    errors = check_plan_references(p);
    cap_issues(errors);  // load_plan caps them in its reader
    return errors;
}

// [SECTION] Checks across sections -----------------------------------------------------

Issues check_plan_references(const Plan& p) {
    Issues errors;
    // Where each id is defined, as a JSON Pointer, to name both places of a duplicate.
    std::map<std::string, std::string> defined;
    auto define = [&](const std::string& id, const std::string& where) {
        auto [it, inserted] = defined.emplace(id, where);
        if (!inserted)
            errors.push_back({where + "/id", "duplicate id \"" + id + "\" (also used at " + it->second + ")"});
    };
    for (size_t i = 0; i < p.decision.partners.size(); ++i)
        define(p.decision.partners[i].id, "/decision/partners/" + std::to_string(i));
    for (size_t i = 0; i < p.decision.criteria.size(); ++i)
        define(p.decision.criteria[i].id, "/decision/criteria/" + std::to_string(i));
    for (size_t i = 0; i < p.schedule.tasks.size(); ++i)
        define(p.schedule.tasks[i].id, "/schedule/tasks/" + std::to_string(i));
    for (size_t i = 0; i < p.schedule.calendars.size(); ++i)
        define(p.schedule.calendars[i].id, "/schedule/calendars/" + std::to_string(i));
    for (size_t i = 0; i < p.stacks.size(); ++i) {
        define(p.stacks[i].id, "/stacks/" + std::to_string(i));
        for (size_t k = 0; k < p.stacks[i].contributors.size(); ++k)
            define(p.stacks[i].contributors[k].id,
                   "/stacks/" + std::to_string(i) + "/contributors/" + std::to_string(k));
    }
    for (size_t i = 0; i < p.datasets.size(); ++i) {
        define(p.datasets[i].id, "/datasets/" + std::to_string(i));
        for (size_t k = 0; k < p.datasets[i].features.size(); ++k)
            define(p.datasets[i].features[k].id, "/datasets/" + std::to_string(i) + "/features/" + std::to_string(k));
    }

    check_datasets(p.datasets, "/datasets", errors);
    check_schedule_outline(p.schedule, "/schedule", errors);  // task parents: exist, no cycle, no gate/milestone

    std::set<std::string> partners, tasks;
    for (const auto& x : p.decision.partners) partners.insert(x.id);
    for (const auto& x : p.schedule.tasks) tasks.insert(x.id);
    std::set<std::string> calendars;
    for (const auto& x : p.schedule.calendars) calendars.insert(x.id);
    auto must_name = [&](const std::set<std::string>& known, const std::string& id, const std::string& where,
                         const char* what) {
        if (!id.empty() && !known.count(id))
            errors.push_back({where, "refers to " + std::string(what) + " \"" + id + "\", which does not exist"});
    };
    for (const auto& [partner, cal] : p.schedule.partner_calendars) {
        must_name(partners, partner, "/schedule/partner_calendars/" + partner, "partner");
        must_name(calendars, cal, "/schedule/partner_calendars/" + partner, "calendar");
    }
    for (size_t i = 0; i < p.schedule.tasks.size(); ++i) {
        const auto& t = p.schedule.tasks[i];
        const std::string tp = "/schedule/tasks/" + std::to_string(i);
        must_name(partners, t.partner_id, tp + "/partner", "partner");
        must_name(calendars, t.calendar, tp + "/calendar", "calendar");
        for (size_t k = 0; k < t.predecessors.size(); ++k)
            must_name(tasks, t.predecessors[k].task_id, tp + "/predecessors/" + std::to_string(k), "task");
        for (size_t k = 0; k < t.gate.repeat.size(); ++k)
            must_name(tasks, t.gate.repeat[k], tp + "/gate/repeat/" + std::to_string(k), "task");
    }
    for (size_t i = 0; i < p.stacks.size(); ++i)
        for (size_t k = 0; k < p.stacks[i].contributors.size(); ++k)
            must_name(partners, p.stacks[i].contributors[k].partner_id,
                      "/stacks/" + std::to_string(i) + "/contributors/" + std::to_string(k) + "/partner", "partner");
    // Measured links (core/links/measured_links.h) name a dataset and one of its features:
    // looked up in a set of (first dataset of an id, feature id) pairs, not by a scan per link.
    std::map<std::string, size_t> dataset_at;
    for (size_t i = 0; i < p.datasets.size(); ++i) dataset_at.emplace(p.datasets[i].id, i);
    std::set<std::pair<size_t, std::string>> features;
    for (const auto& [id, i] : dataset_at)
        for (const auto& f : p.datasets[i].features) features.emplace(i, f.id);
    auto must_name_feature = [&](const std::string& dataset_id, const std::string& feature_id,
                                 const std::string& where) {
        auto d = dataset_at.find(dataset_id);
        if (d == dataset_at.end()) {
            errors.push_back({where + "/dataset", "refers to dataset \"" + dataset_id + "\", which does not exist"});
        } else if (!features.count({d->second, feature_id})) {
            errors.push_back(
                {where + "/feature",
                 "refers to feature \"" + feature_id + "\", which is not in dataset \"" + dataset_id + "\""});
        }
    };
    for (size_t i = 0; i < p.stacks.size(); ++i)
        for (size_t k = 0; k < p.stacks[i].contributors.size(); ++k)
            if (const auto& m = p.stacks[i].contributors[k].measured)
                must_name_feature(m->dataset_id, m->feature_id,
                                  "/stacks/" + std::to_string(i) + "/contributors/" + std::to_string(k) + "/measured");
    for (size_t i = 0; i < p.schedule.tasks.size(); ++i)
        if (const auto& c = p.schedule.tasks[i].gate.cpk; c && c->measured)
            must_name_feature(c->measured->dataset_id, c->measured->feature_id,
                              "/schedule/tasks/" + std::to_string(i) + "/gate/cpk/measured");
    check_roads(p, errors);  // followers, road changes and the named tasks (roads/roads_json.h)
    return errors;
}

}  // namespace mf
