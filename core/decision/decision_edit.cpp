// [SECTION] Finding by id
// [SECTION] Partners
// [SECTION] Criteria
// [SECTION] Scores
// [SECTION] Weights: direct or AHP
#include "decision/decision_edit.h"

#include <algorithm>
#include <cmath>

#include "roads/roads_edit.h"
#include "plan/plan.h"

namespace mf {

// [SECTION] Finding by id --------------------------------------------------------------------

namespace {

template <class T>
T* find_by_id(std::vector<T>& items, const std::string& id) {
    for (auto& x : items)
        if (x.id == id) return &x;
    return nullptr;
}

bool id_taken(const Plan& p, const std::string& id) {
    const auto ids = all_ids(p);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string check_new_id(const Plan& p, const std::string& id) {
    if (id.empty()) return "the new item needs an id";
    if (id_taken(p, id)) return "the id \"" + id + "\" is already used in the plan";
    return "";
}

template <class T>
void move_by_id(std::vector<T>& items, const std::string& id, int delta) {
    for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].id != id) continue;
        const long j = std::clamp(static_cast<long>(i) + delta, 0L, static_cast<long>(items.size()) - 1);
        const auto from = items.begin() + static_cast<long>(i);
        if (j < static_cast<long>(i))
            std::rotate(items.begin() + j, from, from + 1);
        else
            std::rotate(from, from + 1, items.begin() + j + 1);
        return;
    }
}

template <class T, class Pred>
void erase_if(std::vector<T>& items, Pred pred) {
    items.erase(std::remove_if(items.begin(), items.end(), pred), items.end());
}

}  // namespace

// [SECTION] Partners -------------------------------------------------------------------------

std::string add_partner(Plan& p, const std::string& id) {
    if (std::string why = check_new_id(p, id); !why.empty()) return why;
    Partner x;
    x.id = id;
    x.name = "New partner";
    x.kind = PartnerKind::Other;
    p.decision.partners.push_back(std::move(x));
    return "";
}

std::string duplicate_partner(Plan& p, const std::string& id, const std::string& copy_id) {
    auto& ps = p.decision.partners;
    const auto it = std::find_if(ps.begin(), ps.end(), [&](const Partner& x) { return x.id == id; });
    if (it == ps.end()) return "no partner \"" + id + "\"";
    if (std::string why = check_new_id(p, copy_id); !why.empty()) return why;
    Partner copy = *it;
    copy.id = copy_id;
    copy.name += " (copy)";
    ps.insert(it + 1, std::move(copy));
    // Its entered scores come along, so the matrix stays complete (and the two tie).
    std::vector<Score> added;
    for (const auto& s : p.decision.scores)
        if (s.partner_id == id) {
            added.push_back(s);
            added.back().partner_id = copy_id;
        }
    p.decision.scores.insert(p.decision.scores.end(), added.begin(), added.end());
    auto& cal = p.schedule.partner_calendars;
    if (const auto c = cal.find(id); c != cal.end()) cal[copy_id] = c->second;
    return "";
}

void delete_partner(Plan& p, const std::string& id_ref) {
    const std::string id = id_ref;  // a copy: the caller's may live in the partner erased below
    DecisionSection& d = p.decision;
    erase_if(d.partners, [&](const Partner& x) { return x.id == id; });
    erase_if(d.scores, [&](const Score& x) { return x.partner_id == id; });
    if (d.chosen == id) d.chosen.clear();
    if (d.split.from == id) d.split.from.clear();
    if (d.split.to == id) d.split.to.clear();
    for (auto& t : p.schedule.tasks)
        if (t.partner_id == id) t.partner_id.clear();
    for (auto& st : p.stacks)
        for (auto& c : st.contributors)
            if (c.partner_id == id) c.partner_id.clear();
    p.schedule.partner_calendars.erase(id);
    prune_roads(p);  // the partner's road changes go with it
}

void move_partner(DecisionSection& s, const std::string& id, int delta) { move_by_id(s.partners, id, delta); }

void set_has_cost_model(DecisionSection& s, const std::string& partner_id, bool has) {
    Partner* x = find_by_id(s.partners, partner_id);
    if (!x || x->cost.has_value() == has) return;
    if (!has) {
        x->cost.reset();
        return;
    }
    CostModel m;
    m.price_breaks = {{100, 10.0}, {10000, 1.0}, {100000, 0.2}};
    x->cost = m;
}

void add_price_break(DecisionSection& s, const std::string& partner_id) {
    Partner* x = find_by_id(s.partners, partner_id);
    if (!x || !x->cost) return;
    auto& pb = x->cost->price_breaks;
    PriceBreak b;
    b.quantity = pb.empty() ? 1 : pb.back().quantity * 10;
    b.unit_price = pb.empty() ? 1 : pb.back().unit_price;
    pb.push_back(b);
}

void delete_price_break(DecisionSection& s, const std::string& partner_id, size_t k) {
    Partner* x = find_by_id(s.partners, partner_id);
    if (!x || !x->cost || k >= x->cost->price_breaks.size()) return;
    x->cost->price_breaks.erase(x->cost->price_breaks.begin() + static_cast<long>(k));
}

// [SECTION] Criteria -------------------------------------------------------------------------

std::string add_criterion(Plan& p, const std::string& id) {
    if (std::string why = check_new_id(p, id); !why.empty()) return why;
    Criterion c;
    c.id = id;
    c.name = "New criterion";
    c.weight = 0.1;
    c.scale_min = 1.0;
    c.scale_max = 10.0;
    c.unit = "1–10";
    DecisionSection& s = p.decision;
    s.criteria.push_back(std::move(c));
    if (s.weighting == Weighting::AHP) {  // AHP needs every pair: the new ones from the direct weights
        const Criterion& added = s.criteria.back();
        for (size_t i = 0; i + 1 < s.criteria.size(); ++i)
            s.pairwise.push_back(
                {s.criteria[i].id, added.id, judgement_from_weights(s.criteria[i].weight, added.weight)});
    }
    return "";
}

void delete_criterion(DecisionSection& s, const std::string& id_ref) {
    const std::string id = id_ref;  // a copy: the caller's may live in the criterion erased below
    erase_if(s.criteria, [&](const Criterion& x) { return x.id == id; });
    erase_if(s.scores, [&](const Score& x) { return x.criterion_id == id; });
    erase_if(s.pairwise, [&](const Judgement& j) { return j.a == id || j.b == id; });
    if (s.weighting == Weighting::AHP && s.criteria.size() < 2) s.weighting = Weighting::Direct;
}

void move_criterion(DecisionSection& s, const std::string& id, int delta) { move_by_id(s.criteria, id, delta); }

// The direction a derived source implies (a cost or a lead time: less is better).
static std::optional<bool> natural_benefit(ScoreSource s) {
    switch (s) {
        case ScoreSource::CostPerGoodPart:
        case ScoreSource::FirstArticleDays:
        case ScoreSource::ProductionLeadDays: return false;
        case ScoreSource::MonthlyCapacity:
        case ScoreSource::DemonstratedCpk:
        case ScoreSource::AuditRights: return true;
        case ScoreSource::Entered: return std::nullopt;
    }
    return std::nullopt;
}

void set_criterion_source(DecisionSection& s, const std::string& id, ScoreSource source) {
    Criterion* c = find_by_id(s.criteria, id);
    if (!c || c->source == source) return;
    c->source = source;
    if (const auto b = natural_benefit(source)) c->benefit = *b;
    if (source == ScoreSource::Entered) return;
    c->scale_min = c->scale_max = std::nullopt;
    erase_if(s.scores, [&](const Score& x) { return x.criterion_id == id; });
}

// [SECTION] Scores ---------------------------------------------------------------------------

const Score* find_score(const DecisionSection& s, const std::string& partner_id, const std::string& criterion_id) {
    for (const auto& x : s.scores)
        if (x.partner_id == partner_id && x.criterion_id == criterion_id) return &x;
    return nullptr;
}

void set_score(DecisionSection& s, const std::string& partner_id, const std::string& criterion_id,
               std::optional<double> value, std::optional<std::optional<double>> low,
               std::optional<std::optional<double>> high) {
    Score* sc = nullptr;
    for (auto& x : s.scores)
        if (x.partner_id == partner_id && x.criterion_id == criterion_id) sc = &x;
    if (!sc) {
        Score n;
        n.partner_id = partner_id;
        n.criterion_id = criterion_id;
        n.value = value.value_or(0);
        s.scores.push_back(n);
        sc = &s.scores.back();
    }
    if (value) sc->value = *value;
    if (low) sc->low = *low;
    if (high) sc->high = *high;
}

// [SECTION] Weights: direct or AHP -----------------------------------------------------------

double judgement_from_weights(double w_a, double w_b) {
    if (!(w_a > 0) && !(w_b > 0)) return 1.0;
    if (!(w_b > 0)) return 9.0;
    if (!(w_a > 0)) return 1.0 / 9.0;
    return std::clamp(w_a / w_b, 1.0 / 9.0, 9.0);
}

// True when the pair (a, b) is judged, either way round.
static bool judged(const DecisionSection& s, const std::string& a, const std::string& b) {
    for (const auto& j : s.pairwise)
        if ((j.a == a && j.b == b) || (j.a == b && j.b == a)) return true;
    return false;
}

static void fill_missing(DecisionSection& s, bool from_weights, double ratio) {
    const auto& c = s.criteria;
    for (size_t i = 0; i < c.size(); ++i)
        for (size_t k = i + 1; k < c.size(); ++k)
            if (!judged(s, c[i].id, c[k].id))
                s.pairwise.push_back(
                    {c[i].id, c[k].id, from_weights ? judgement_from_weights(c[i].weight, c[k].weight) : ratio});
}

void set_weighting(DecisionSection& s, Weighting w) {
    s.weighting = w;
    if (w == Weighting::AHP) fill_missing(s, /*from_weights=*/true, 1.0);
}

void set_judgement(DecisionSection& s, const std::string& a, const std::string& b, double ratio) {
    erase_if(s.pairwise, [&](const Judgement& j) { return (j.a == a && j.b == b) || (j.a == b && j.b == a); });
    s.pairwise.push_back({a, b, ratio});
}

void fill_missing_judgements(DecisionSection& s, double ratio) { fill_missing(s, /*from_weights=*/false, ratio); }

void judgements_from_weights(DecisionSection& s) {
    s.pairwise.clear();
    fill_missing(s, /*from_weights=*/true, 1.0);
}

}  // namespace mf
