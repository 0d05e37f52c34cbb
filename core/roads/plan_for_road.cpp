#include "roads/plan_for_road.h"

#include <map>
#include <set>

namespace mf {

std::vector<RoadFollower> road_followers(const Plan& plan) {
    if (plan.roads.follow) return *plan.roads.follow;
    // The older-file meaning (docs/roads.md, "Older files"): whoever names a partner follows.
    std::vector<RoadFollower> out;
    for (const auto& t : plan.schedule.tasks)
        if (!t.partner_id.empty()) out.push_back({t.id, RoadPhase::Develop});
    for (const auto& s : plan.stacks)
        for (const auto& c : s.contributors)
            if (!c.partner_id.empty()) out.push_back({c.id, RoadPhase::Develop});
    return out;
}

static int index_of(const DecisionSection& s, const std::string& id) {
    for (size_t i = 0; i < s.partners.size(); ++i)
        if (s.partners[i].id == id) return static_cast<int>(i);
    return -1;
}
static int first_of_kind(const DecisionSection& s, PartnerKind k) {
    for (size_t i = 0; i < s.partners.size(); ++i)
        if (s.partners[i].kind == k) return static_cast<int>(i);
    return -1;
}

// The same resolution as analyse_decision (decision_analysis.cpp, "split").
SplitPartners split_partners(const DecisionSection& s) {
    SplitPartners sp;
    sp.from = s.split.from.empty() ? first_of_kind(s, PartnerKind::Boutique) : index_of(s, s.split.from);
    sp.to = s.split.to.empty() ? first_of_kind(s, PartnerKind::FullServiceCM) : index_of(s, s.split.to);
    return sp;
}

std::vector<std::string> road_ids(const Plan& plan) {
    std::vector<std::string> ids;
    for (const auto& p : plan.decision.partners) ids.push_back(p.id);
    if (split_partners(plan.decision).defined()) ids.push_back(kSplitRoad);
    return ids;
}

bool is_road(const Plan& plan, const std::string& road) {
    for (const auto& id : road_ids(plan))
        if (id == road) return true;
    return false;
}

std::string road_name(const Plan& plan, const std::string& road) {
    const DecisionSection& s = plan.decision;
    if (road == kSplitRoad) {
        const SplitPartners sp = split_partners(s);
        if (!sp.defined()) return road;
        return "Split: " + s.partners[static_cast<size_t>(sp.from)].name + " \xE2\x86\x92 " +
            s.partners[static_cast<size_t>(sp.to)].name;
    }
    const int i = index_of(s, road);
    return i < 0 ? road : s.partners[static_cast<size_t>(i)].name;
}

namespace {

const RoadChange* change_for(const RoadsSection& roads, const std::string& partner, const std::string& item) {
    for (const auto& c : roads.changes)
        if (c.road == partner && c.item == item) return &c;
    return nullptr;
}

void apply_to_task(Task& t, const std::string& partner, const ScheduleSection& schedule, const RoadChange* c) {
    t.partner_id = partner;
    if (auto cal = schedule.partner_calendars.find(partner); cal != schedule.partner_calendars.end())
        t.calendar = cal->second;
    if (!c) return;
    if (c->optimistic && c->most_likely && c->pessimistic) {
        t.optimistic = *c->optimistic;
        t.most_likely = *c->most_likely;
        t.pessimistic = *c->pessimistic;
    }
    if (c->pass_probability && t.gate.pass_probability) t.gate.pass_probability = *c->pass_probability;
    if (c->cpk && t.gate.cpk) {
        t.gate.cpk->estimate = *c->cpk;
        t.gate.cpk->measured.reset();  // the measured pilot was another partner's parts
    }
}

void apply_to_contributor(Contributor& k, const std::string& partner, const RoadChange* c) {
    k.partner_id = partner;
    if (!c) return;
    if (c->tol_plus) k.tol_plus = *c->tol_plus;
    if (c->tol_minus) k.tol_minus = *c->tol_minus;
    if (c->cpk) {
        const double shift = k.distribution.shift;
        k.distribution = Distribution{};
        k.distribution.kind = DistributionKind::Normal;
        k.distribution.by = NormalBy::Cpk;
        k.distribution.capability = *c->cpk;
        k.distribution.shift = shift;
        k.measured.reset();
    }
}

// Working days a week of the calendar a task works on (task calendar, else the project's).
double working_days_a_week(const ScheduleSection& s, const Task& t) {
    const WorkCalendar* cal = &s.calendar;
    for (const auto& nc : s.calendars)
        if (nc.id == t.calendar) cal = &nc.calendar;
    int n = 0;
    for (bool w : cal->working) n += w ? 1 : 0;
    return n > 0 ? n : 5;
}

// Under the split road: the transfer delay on the first produce-phase tasks.
void add_transfer_delay(Plan& p, const std::set<std::string>& produce) {
    const SplitSettings& sp = p.decision.split;
    const double mid = 0.5 * (sp.delay_weeks_low + sp.delay_weeks_high);
    std::set<std::string> parents;
    for (const auto& t : p.schedule.tasks)
        if (!t.parent.empty()) parents.insert(t.parent);
    for (auto& t : p.schedule.tasks) {
        if (!produce.count(t.id) || t.kind == TaskKind::Milestone || parents.count(t.id)) continue;
        bool entry = true;
        for (const auto& d : t.predecessors)
            if (produce.count(d.task_id)) entry = false;
        if (!entry) continue;
        const double w = working_days_a_week(p.schedule, t);
        t.optimistic += sp.delay_weeks_low * w;
        t.most_likely += mid * w;
        t.pessimistic += sp.delay_weeks_high * w;
    }
}

}  // namespace

Plan plan_for_road(const Plan& plan, const std::string& road) {
    if (!is_road(plan, road)) return plan;
    Plan p = plan;
    const bool split = road == kSplitRoad;
    std::string develop = road, produce = road;
    if (split) {
        const SplitPartners sp = split_partners(plan.decision);
        develop = plan.decision.partners[static_cast<size_t>(sp.from)].id;
        produce = plan.decision.partners[static_cast<size_t>(sp.to)].id;
    }
    std::map<std::string, RoadPhase> follows;
    for (const auto& f : road_followers(plan)) follows.emplace(f.item, f.phase);

    std::set<std::string> produce_tasks;
    for (auto& t : p.schedule.tasks) {
        auto f = follows.find(t.id);
        if (f == follows.end()) continue;
        const std::string& partner = f->second == RoadPhase::Produce ? produce : develop;
        if (f->second == RoadPhase::Produce) produce_tasks.insert(t.id);
        apply_to_task(t, partner, plan.schedule, change_for(plan.roads, partner, t.id));
    }
    for (auto& s : p.stacks)
        for (auto& k : s.contributors)
            if (follows.count(k.id)) apply_to_contributor(k, produce, change_for(plan.roads, produce, k.id));
    if (split) add_transfer_delay(p, produce_tasks);
    p.decision.chosen = develop;
    return p;
}

}  // namespace mf
