#include "roads/roads_edit.h"

#include <algorithm>
#include <map>
#include <set>

#include "roads/plan_for_road.h"

namespace mf {

namespace {

struct Item {
    const Task* task = nullptr;
    const Contributor* contributor = nullptr;
};

std::map<std::string, Item> items_of(const Plan& plan) {
    std::map<std::string, Item> items;
    for (const auto& t : plan.schedule.tasks) items.emplace(t.id, Item{&t, nullptr});
    for (const auto& s : plan.stacks)
        for (const auto& c : s.contributors) items.emplace(c.id, Item{nullptr, &c});
    return items;
}

// Removes the fields that no longer fit the item; true when something is left to change.
bool fit_change(RoadChange& c, const Item& item) {
    if (item.task) {
        const Task& t = *item.task;
        if (t.kind == TaskKind::Milestone) c.optimistic = c.most_likely = c.pessimistic = std::nullopt;
        c.tol_plus = c.tol_minus = std::nullopt;
        if (!(t.kind == TaskKind::Gate && t.gate.pass_probability)) c.pass_probability.reset();
        if (!(t.kind == TaskKind::Gate && t.gate.cpk)) c.cpk.reset();
    } else if (item.contributor) {
        c.optimistic = c.most_likely = c.pessimistic = std::nullopt;
        c.pass_probability.reset();
        if (item.contributor->kind == DimensionKind::Angle) c.cpk.reset();
    }
    return c.optimistic || c.pass_probability || c.cpk || c.tol_plus || c.tol_minus;
}

}  // namespace

void prune_roads(Plan& plan) {
    RoadsSection& s = plan.roads;
    const std::map<std::string, Item> items = items_of(plan);
    if (s.follow) {
        std::set<std::string> seen;
        auto& f = *s.follow;
        f.erase(
            std::remove_if(f.begin(), f.end(),
                           [&](const RoadFollower& x) { return !items.count(x.item) || !seen.insert(x.item).second; }),
            f.end());
        for (auto& x : f)
            if (items.at(x.item).contributor) x.phase = RoadPhase::Develop;
    }
    std::set<std::string> followers;
    for (const auto& x : road_followers(plan)) followers.insert(x.item);
    std::set<std::string> partners;
    for (const auto& p : plan.decision.partners) partners.insert(p.id);
    auto& ch = s.changes;
    ch.erase(std::remove_if(ch.begin(), ch.end(),
                            [&](RoadChange& c) {
                                auto it = items.find(c.item);
                                return !partners.count(c.road) || it == items.end() || !followers.count(c.item) ||
                                    !fit_change(c, it->second);
                            }),
             ch.end());
    auto task_kind = [&](const std::string& id) -> const Task* {
        auto it = items.find(id);
        return it == items.end() ? nullptr : it->second.task;
    };
    if (!s.first_article.empty() && !task_kind(s.first_article)) s.first_article.clear();
    if (!s.production.empty() && !task_kind(s.production)) s.production.clear();
    if (!s.pilot_gate.empty()) {
        const Task* t = task_kind(s.pilot_gate);
        if (!t || t->kind != TaskKind::Gate) s.pilot_gate.clear();
    }
}

std::string set_follows_road(Plan& plan, const std::string& item, bool follows) {
    const auto items = items_of(plan);
    if (!items.count(item)) return "no task or contributor \"" + item + "\"";
    if (!plan.roads.follow) plan.roads.follow = road_followers(plan);
    auto& f = *plan.roads.follow;
    auto it = std::find_if(f.begin(), f.end(), [&](const RoadFollower& x) { return x.item == item; });
    if (follows && it == f.end()) f.push_back({item, RoadPhase::Develop});
    if (!follows && it != f.end()) f.erase(it);
    prune_roads(plan);
    return "";
}

}  // namespace mf
