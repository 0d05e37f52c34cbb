// Reading, writing and checking the roads section (roads_json.h).
#include "roads/roads_json.h"

#include <map>
#include <set>
#include <utility>

#include "base/limits.h"
#include "schedule/network.h"

namespace mf {

static const std::initializer_list<std::pair<const char*, RoadPhase>> kPhases = {{"develop", RoadPhase::Develop},
                                                                                 {"produce", RoadPhase::Produce}};

const char* road_phase_key(RoadPhase p) { return p == RoadPhase::Produce ? "produce" : "develop"; }

// The largest duration a road may set: a task's own bound (kMaxScheduleDays, working days).
static constexpr double kMaxRoadDays = kMaxScheduleDays;

static void read_change(const json& e, const std::string& p, JsonReader& r, RoadChange& c) {
    r.id(e, p, "road", c.road, Need::Required);
    r.id(e, p, "item", c.item, Need::Required);
    r.optional_number(e, p, "optimistic", c.optimistic, 0, kMaxRoadDays);
    r.optional_number(e, p, "most_likely", c.most_likely, 0, kMaxRoadDays);
    r.optional_number(e, p, "pessimistic", c.pessimistic, 0, kMaxRoadDays);
    r.optional_number(e, p, "pass_probability", c.pass_probability, 0, 1);
    r.optional_number(e, p, "cpk", c.cpk, 1e-6, 1e6);
    r.optional_number(e, p, "tol_plus", c.tol_plus, 0, 1e6);
    r.optional_number(e, p, "tol_minus", c.tol_minus, 0, 1e6);
    const int given = (c.optimistic ? 1 : 0) + (c.most_likely ? 1 : 0) + (c.pessimistic ? 1 : 0);
    if (given != 0 && given != 3)
        r.error(p, "a road changes all three durations (optimistic, most_likely, pessimistic) or none");
    else if (given == 3 && !(*c.optimistic <= *c.most_likely && *c.most_likely <= *c.pessimistic))
        r.error(JsonReader::child(p, "most_likely"), "durations must satisfy optimistic <= most_likely <= pessimistic");
    if (given == 0 && !c.pass_probability && !c.cpk && !c.tol_plus && !c.tol_minus)
        r.error(p, "the change changes nothing (give durations, pass_probability, cpk, tol_plus or tol_minus)");
}

void read_roads(const json& j, const std::string& path, JsonReader& r, RoadsSection& out) {
    if (!r.begin_object(j, path)) return;
    if (const json* arr = r.array(j, path, "follow", Need::Optional, kMaxTasks + kMaxContributors, "followers",
                                  "the roads section")) {
        out.follow.emplace();
        const std::string ap = JsonReader::child(path, "follow");
        for (size_t i = 0; i < arr->size(); ++i) {
            const json& e = (*arr)[i];
            const std::string p = JsonReader::child(ap, i);
            if (!r.begin_object(e, p)) continue;
            RoadFollower f;
            r.id(e, p, "item", f.item, Need::Required);
            r.enumeration(e, p, "phase", f.phase, Need::Optional, kPhases);
            r.end_object(e, p);
            out.follow->push_back(std::move(f));
        }
    }
    if (const json* arr =
            r.array(j, path, "changes", Need::Optional, kMaxScores, "road changes", "the roads section")) {
        const std::string ap = JsonReader::child(path, "changes");
        for (size_t i = 0; i < arr->size(); ++i) {
            const json& e = (*arr)[i];
            const std::string p = JsonReader::child(ap, i);
            if (!r.begin_object(e, p)) continue;
            RoadChange c;
            read_change(e, p, r, c);
            r.end_object(e, p);
            out.changes.push_back(std::move(c));
        }
    }
    r.id(j, path, "first_article", out.first_article, Need::Optional);
    r.id(j, path, "production", out.production, Need::Optional);
    r.id(j, path, "pilot_gate", out.pilot_gate, Need::Optional);
    r.end_object(j, path);
}

json write_roads(const RoadsSection& s) {
    json out = json::object();
    if (s.follow) {
        json follow = json::array();
        for (const auto& f : *s.follow) {
            json e = {{"item", f.item}};
            if (f.phase != RoadPhase::Develop) e["phase"] = road_phase_key(f.phase);
            follow.push_back(std::move(e));
        }
        out["follow"] = std::move(follow);
    }
    if (!s.changes.empty()) {
        json changes = json::array();
        for (const auto& c : s.changes) {
            json e = {{"road", c.road}, {"item", c.item}};
            auto put = [&](const char* key, const std::optional<double>& v) {
                if (v) e[key] = *v;
            };
            put("optimistic", c.optimistic);
            put("most_likely", c.most_likely);
            put("pessimistic", c.pessimistic);
            put("pass_probability", c.pass_probability);
            put("cpk", c.cpk);
            put("tol_plus", c.tol_plus);
            put("tol_minus", c.tol_minus);
            changes.push_back(std::move(e));
        }
        out["changes"] = std::move(changes);
    }
    if (!s.first_article.empty()) out["first_article"] = s.first_article;
    if (!s.production.empty()) out["production"] = s.production;
    if (!s.pilot_gate.empty()) out["pilot_gate"] = s.pilot_gate;
    return out;
}

// [SECTION] Checks across sections -----------------------------------------------------

namespace {

// Where an item id is defined: a task (with its kind and gate) or a contributor.
struct ItemRef {
    const Task* task = nullptr;
    const Contributor* contributor = nullptr;
};

std::map<std::string, ItemRef> items_of(const Plan& plan) {
    std::map<std::string, ItemRef> items;
    for (const auto& t : plan.schedule.tasks) items.emplace(t.id, ItemRef{&t, nullptr});
    for (const auto& s : plan.stacks)
        for (const auto& c : s.contributors) items.emplace(c.id, ItemRef{nullptr, &c});
    return items;
}

// The rules of one change against the item it names (docs/roads.md, "Checks").
void check_change(const RoadChange& c, const ItemRef& item, const std::string& p, Issues& errors) {
    const bool durations = c.optimistic.has_value();
    if (item.task) {
        const Task& t = *item.task;
        if (durations && t.kind == TaskKind::Milestone)
            errors.push_back({p, "task \"" + t.id + "\" is a milestone: a road cannot give it durations"});
        if (c.tol_plus || c.tol_minus)
            errors.push_back({p, "item \"" + t.id + "\" is a task: tolerances belong to stack contributors"});
        if (c.pass_probability && !(t.kind == TaskKind::Gate && t.gate.pass_probability))
            errors.push_back(
                {p + "/pass_probability", "task \"" + t.id + "\" is not a gate with a typed pass probability"});
        if (c.cpk && !(t.kind == TaskKind::Gate && t.gate.cpk))
            errors.push_back({p + "/cpk", "task \"" + t.id + "\" is not a gate with a Cpk criterion"});
    } else if (item.contributor) {
        const Contributor& k = *item.contributor;
        if (durations) errors.push_back({p, "item \"" + k.id + "\" is a stack contributor: durations belong to tasks"});
        if (c.pass_probability)
            errors.push_back({p + "/pass_probability", "item \"" + k.id + "\" is a stack contributor, not a gate"});
        if (c.cpk && k.kind == DimensionKind::Angle)
            errors.push_back({p + "/cpk", "contributor \"" + k.id + "\" is an angle: a road sets the Cpk of lengths"});
        const double plus = c.tol_plus.value_or(k.tol_plus), minus = c.tol_minus.value_or(k.tol_minus);
        if ((c.tol_plus || c.tol_minus) && !(plus + minus > 0))
            errors.push_back({p, "the road leaves contributor \"" + k.id + "\" with no tolerance band"});
    }
}

}  // namespace

void check_roads(const Plan& plan, Issues& errors) {
    const RoadsSection& s = plan.roads;
    const std::string path = "/roads";
    const std::map<std::string, ItemRef> items = items_of(plan);
    std::set<std::string> partners;
    for (const auto& p : plan.decision.partners) partners.insert(p.id);

    std::set<std::string> followers;
    if (s.follow) {
        for (size_t i = 0; i < s.follow->size(); ++i) {
            const RoadFollower& f = (*s.follow)[i];
            const std::string p = path + "/follow/" + std::to_string(i);
            auto it = items.find(f.item);
            if (it == items.end()) {
                errors.push_back(
                    {p + "/item",
                     "refers to item \"" + f.item + "\", which is neither a schedule task nor a stack contributor"});
                continue;
            }
            if (!followers.insert(f.item).second)
                errors.push_back({p + "/item", "item \"" + f.item + "\" is listed twice"});
            if (it->second.contributor && f.phase != RoadPhase::Develop)
                errors.push_back({p + "/phase",
                                  "contributor \"" + f.item +
                                      "\": a phase applies to tasks only (contributors are the "
                                      "production parts)"});
        }
    } else {
        for (const auto& t : plan.schedule.tasks)
            if (!t.partner_id.empty()) followers.insert(t.id);
        for (const auto& st : plan.stacks)
            for (const auto& c : st.contributors)
                if (!c.partner_id.empty()) followers.insert(c.id);
    }

    std::set<std::pair<std::string, std::string>> seen;
    for (size_t i = 0; i < s.changes.size(); ++i) {
        const RoadChange& c = s.changes[i];
        const std::string p = path + "/changes/" + std::to_string(i);
        if (!partners.count(c.road)) {
            errors.push_back({p + "/road",
                              "refers to partner \"" + c.road + "\", which does not exist" +
                                  (c.road == "split" ? " (the split road takes the changes of its "
                                                       "two partners)"
                                                     : "")});
            continue;
        }
        auto it = items.find(c.item);
        if (it == items.end()) {
            errors.push_back(
                {p + "/item",
                 "refers to item \"" + c.item + "\", which is neither a schedule task nor a stack contributor"});
            continue;
        }
        if (!followers.count(c.item)) {
            errors.push_back({p + "/item",
                              "item \"" + c.item + "\" does not follow the road (list it in /roads/follow" +
                                  std::string(s.follow ? "" : ", or give it a partner") + ")"});
            continue;
        }
        if (!seen.insert({c.road, c.item}).second)
            errors.push_back({p, "a second change of item \"" + c.item + "\" on road \"" + c.road + "\""});
        check_change(c, it->second, p, errors);
    }

    auto must_be_task = [&](const std::string& id, const char* key, bool gate) {
        if (id.empty()) return;
        auto it = items.find(id);
        if (it == items.end() || !it->second.task)
            errors.push_back({path + "/" + key, "refers to task \"" + id + "\", which does not exist"});
        else if (gate && it->second.task->kind != TaskKind::Gate)
            errors.push_back({path + "/" + key, "task \"" + id + "\" is not a gate"});
    };
    must_be_task(s.first_article, "first_article", false);
    must_be_task(s.production, "production", false);
    must_be_task(s.pilot_gate, "pilot_gate", true);
}

}  // namespace mf
