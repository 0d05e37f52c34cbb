#include "decision/decision_analysis.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "base/limits.h"
#include "plan/plan.h"

namespace mf {

CostInputs cost_inputs(const DecisionSection& s, const Partner& p) {
    CostInputs c;
    c.name = p.name;
    if (p.cost) c.model = *p.cost;
    c.monthly_capacity = p.evidence.monthly_capacity.value_or(0);
    c.programme_quarters = s.programme_quarters;
    return c;
}

static double audit_value(AuditRights a) {
    switch (a) {
        case AuditRights::Unannounced: return 3;
        case AuditRights::Notice24h: return 2;
        case AuditRights::ByAppointment: return 1;
        case AuditRights::None: return 0;
        case AuditRights::Unknown: return std::nan("");
    }
    return std::nan("");
}

BuiltMatrix build_matrix(const DecisionSection& s, const std::vector<double>& weights) {
    BuiltMatrix b;
    MatrixInput& m = b.matrix;
    const size_t na = s.partners.size(), nc = s.criteria.size();
    for (const auto& p : s.partners) m.alternatives.push_back(p.name);
    for (const auto& c : s.criteria) {
        m.criteria.push_back(c.name);
        m.benefit.push_back(c.benefit);
        m.scale_min.push_back(c.scale_min);
        m.scale_max.push_back(c.scale_max);
        b.sources.push_back(score_source_key(c.source));
    }
    m.weights = weights;
    const double nan = std::nan("");
    m.value.assign(na, std::vector<double>(nc, nan));
    m.low.assign(na, std::vector<double>(nc, nan));
    m.high.assign(na, std::vector<double>(nc, nan));
    std::map<std::pair<std::string, std::string>, const Score*> entered;
    for (const auto& x : s.scores) entered[{x.partner_id, x.criterion_id}] = &x;
    for (size_t j = 0; j < nc; ++j) {
        const Criterion& c = s.criteria[j];
        if (c.source == ScoreSource::AuditRights && !c.scale_min) {
            m.scale_min[j] = 0.0;  // the mapping's own scale: 0 none … 3 unannounced
            m.scale_max[j] = 3.0;
        }
        for (size_t i = 0; i < na; ++i) {
            const Partner& p = s.partners[i];
            const std::string cell = "partner \"" + p.name + "\", criterion \"" + c.name + "\": ";
            double v = nan;
            std::optional<double> lo, hi;
            switch (c.source) {
                case ScoreSource::Entered: {
                    auto it = entered.find({p.id, c.id});
                    if (it == entered.end()) {
                        b.errors.push_back(cell + "no score entered (every partner needs a score on every criterion)");
                    } else {
                        v = it->second->value;
                        lo = it->second->low;
                        hi = it->second->high;
                    }
                    break;
                }
                case ScoreSource::CostPerGoodPart:
                    if (!p.cost)
                        b.errors.push_back(cell + "derived from the cost model, but the partner has none");
                    else
                        v = programme_cost(cost_inputs(s, p), s.planned_volume).per_good_part;
                    break;
                case ScoreSource::FirstArticleDays:
                    if (!p.evidence.first_article_days)
                        b.errors.push_back(cell + "derived from evidence.first_article_days, which is not given");
                    else
                        v = *p.evidence.first_article_days;
                    break;
                case ScoreSource::ProductionLeadDays:
                    if (!p.evidence.production_lead_days)
                        b.errors.push_back(cell + "derived from evidence.production_lead_days, which is not given");
                    else
                        v = *p.evidence.production_lead_days;
                    break;
                case ScoreSource::MonthlyCapacity:
                    if (!p.evidence.monthly_capacity)
                        b.errors.push_back(cell + "derived from evidence.monthly_capacity, which is not given");
                    else
                        v = *p.evidence.monthly_capacity;
                    break;
                case ScoreSource::DemonstratedCpk:
                    if (!p.evidence.cpk)
                        b.errors.push_back(cell + "derived from evidence.cpk, which is not given");
                    else
                        v = *p.evidence.cpk;
                    break;
                case ScoreSource::AuditRights:
                    v = audit_value(p.evidence.audit);
                    if (std::isnan(v)) b.errors.push_back(cell + "derived from evidence.audit, which is unknown");
                    break;
            }
            m.value[i][j] = v;
            m.low[i][j] = lo.value_or(v);
            m.high[i][j] = hi.value_or(v);
        }
    }
    return b;
}

std::vector<MatingPair> mating_pairs(const Plan& plan) {
    std::vector<MatingPair> out;
    for (size_t si = 0; si < plan.stacks.size(); ++si) {
        const Stack& st = plan.stacks[si];
        // Pairs (a < b, in order) of contributors with different partners. Pairs grow with the
        // square of the contributors, so the first kMaxMatingPairs are taken (a real stack has a
        // few dozen contributors), and a run of contributors of a's own partner is skipped in
        // one step: the walk costs the pairs it makes, not every pair of the stack.
        std::vector<size_t> with;  // contributors that name a partner
        for (size_t a = 0; a < st.contributors.size(); ++a)
            if (!st.contributors[a].partner_id.empty()) with.push_back(a);
        auto partner = [&](size_t k) -> const std::string& { return st.contributors[with[k]].partner_id; };
        std::vector<size_t> run_end(with.size());  // first position past the run of partner(k)
        for (size_t k = with.size(); k-- > 0;)
            run_end[k] = k + 1 < with.size() && partner(k + 1) == partner(k) ? run_end[k + 1] : k + 1;
        for (size_t ka = 0; ka < with.size(); ++ka)
            for (size_t kb = ka + 1; kb < with.size();) {
                if (partner(kb) == partner(ka)) {
                    kb = run_end[kb];
                    continue;
                }
                if (out.size() >= kMaxMatingPairs) return out;
                const size_t a = with[ka], b = with[kb];
                const Contributor& x = st.contributors[a];
                const Contributor& y = st.contributors[b];
                MatingPair m;
                m.stack = st.name;
                m.name_a = x.name;
                m.name_b = y.name;
                m.partner_a = x.partner_id;
                m.partner_b = y.partner_id;
                m.tol_a = 0.5 * (x.tol_plus + x.tol_minus);
                m.tol_b = 0.5 * (y.tol_plus + y.tol_minus);
                const std::string sp = "/stacks/" + std::to_string(si) + "/contributors/";
                m.where_a = sp + std::to_string(a);
                m.where_b = sp + std::to_string(b);
                out.push_back(std::move(m));
                ++kb;
            }
    }
    return out;
}

static int first_of_kind(const DecisionSection& s, PartnerKind k) {
    for (size_t i = 0; i < s.partners.size(); ++i)
        if (s.partners[i].kind == k && s.partners[i].cost) return static_cast<int>(i);
    return -1;
}

static int index_of(const DecisionSection& s, const std::string& id) {
    for (size_t i = 0; i < s.partners.size(); ++i)
        if (s.partners[i].id == id) return static_cast<int>(i);
    return -1;
}

DecisionAnalysis analyse_decision(const Plan& plan, const DecisionOptions& o) {
    DecisionAnalysis a;
    const DecisionSection& s = plan.decision;
    a.weighting = s.weighting;
    if (s.partners.size() > kMaxPartners || s.criteria.size() > kMaxCriteria) {  // only a plan built in code
        a.errors.push_back(s.partners.size() > kMaxPartners
                               ? too_many("partners", s.partners.size(), kMaxPartners, "a plan")
                               : too_many("criteria", s.criteria.size(), kMaxCriteria, "a plan"));
        return a;
    }

    // Weights.
    std::vector<double> raw;
    if (s.weighting == Weighting::AHP) {
        AhpMatrix am = ahp_matrix(s.criteria, s.pairwise);
        if (!am.errors.empty()) {
            for (auto& e : am.errors) a.errors.push_back("AHP: " + e);
        } else {
            a.ahp = ahp_weights(am.a);
            for (auto& e : a.ahp->errors) a.errors.push_back("AHP: " + e);
            raw = a.ahp->weights;
        }
    } else {
        for (const auto& c : s.criteria) raw.push_back(c.weight);
    }
    if (raw.size() != s.criteria.size()) raw.assign(s.criteria.size(), 1.0);
    a.weights = normalised_weights(raw);

    // Matrix and rankings.
    a.built = build_matrix(s, raw);
    for (const auto& e : a.built.errors) a.errors.push_back(e);
    if (a.errors.empty()) {
        a.weighted_sum = weighted_sum(a.built.matrix);
        for (const auto& e : a.weighted_sum.errors) a.errors.push_back(e);
    }
    if (a.errors.empty()) {
        a.topsis = topsis(a.built.matrix, s.topsis_normalisation);
        a.flips = weight_flips(a.built.matrix);
        if (o.mc_samples > 0) a.rank_first = rank_first_probability(a.built.matrix, o.mc_samples, o.seed);
        for (const auto& e : a.topsis.errors) a.errors.push_back(e);
    }
    if (!s.chosen.empty()) {
        a.chosen = index_of(s, s.chosen);
        a.chosen_by_decider = a.chosen >= 0;
    } else if (a.errors.empty() && !a.weighted_sum.ranking.top_tied && !a.weighted_sum.ranking.order.empty()) {
        a.chosen = a.weighted_sum.ranking.order[0];
    }

    // Costs.
    a.volumes = o.volumes;
    a.volumes.push_back(s.planned_volume);
    std::vector<CostInputs> inputs;
    for (size_t i = 0; i < s.partners.size(); ++i) {
        if (!s.partners[i].cost) continue;
        a.cost_partners.push_back(static_cast<int>(i));
        inputs.push_back(cost_inputs(s, s.partners[i]));
        std::vector<CostBreakdown> row;
        for (double v : a.volumes) row.push_back(programme_cost(inputs.back(), v));
        a.costs.push_back(std::move(row));
    }
    if (!inputs.empty()) {
        const double hi = o.max_volume.value_or(std::max(1e6, 10 * s.planned_volume));
        a.crossovers = cost_crossovers(inputs, 1, hi);
    }
    a.split_from = s.split.from.empty() ? first_of_kind(s, PartnerKind::Boutique) : index_of(s, s.split.from);
    a.split_to = s.split.to.empty() ? first_of_kind(s, PartnerKind::FullServiceCM) : index_of(s, s.split.to);
    if (a.split_from >= 0 && a.split_to >= 0 && a.split_from != a.split_to && s.partners[a.split_from].cost &&
        s.partners[a.split_to].cost) {
        SplitInput si;
        si.from = cost_inputs(s, s.partners[a.split_from]);
        si.to = cost_inputs(s, s.partners[a.split_to]);
        si.volume = s.planned_volume;
        si.settings = s.split;
        // At most kMaxSplitBreakpoints per partner: each gives four candidates of two evaluations.
        a.split = best_split(si, kMaxSplitBreakpoints);
    }

    // Processes.
    ProcessFilter f;
    f.min_feature_mm = s.part.min_feature_mm;
    f.materials = s.part.materials;
    f.volume = s.planned_volume;
    f.vertical_sidewalls = s.part.vertical_sidewalls;
    a.processes = select_processes(f);
    if (s.litho_vs_direct_write) a.litho = litho_vs_direct_write(*s.litho_vs_direct_write, s.planned_volume);

    // Warnings.
    WarningInput w;
    w.section = s;
    w.chosen = a.chosen;
    w.chosen_by_decider = a.chosen_by_decider;
    w.ahp = a.ahp;
    w.mating = mating_pairs(plan);
    if (a.errors.empty()) {
        w.ranking_top_tied = a.weighted_sum.ranking.top_tied;
        w.weighted_sum_top = a.weighted_sum.ranking.top_tied ? -1 : a.weighted_sum.ranking.order[0];
        w.topsis_top = a.topsis.ranking.top_tied ? -1 : a.topsis.ranking.order[0];
    }
    if (a.split) w.split_from = a.split_from;
    w.split_pays = a.split && a.split->split_pays;
    a.warnings = decision_warnings(w);
    return a;
}

}  // namespace mf
