#include "links/measured_links.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

#include "capability/analysis.h"
#include "schedule/gate.h"

namespace mf {

namespace {

std::string num(double v) {
    char b[40];
    std::snprintf(b, sizeof b, "%.6g", v);
    return b;
}

// One analysis per linked feature per resolution (several links to one feature share it).
class Features {
public:
    explicit Features(const std::vector<Dataset>& d) : datasets_(d), feature_index_(d.size()) {
        for (size_t i = 0; i < d.size(); ++i) dataset_index_.emplace(d[i].id, i);  // the first of a repeated id
    }

    // Finds the link's dataset and feature and fills the names into `rep`; null (with the
    // message) when either is unknown. By index, so that many links cost no scan each.
    const FeatureAnalysis* find(const std::string& dataset_id, const std::string& feature_id, LinkReport& rep) {
        if (auto di = dataset_index_.find(dataset_id); di != dataset_index_.end()) {
            const size_t i = di->second;
            const Dataset& d = datasets_[i];
            rep.dataset_name = d.name;
            auto& features = feature_index_[i];
            if (features.empty())
                for (size_t k = 0; k < d.features.size(); ++k) features.emplace(d.features[k].id, k);
            if (auto fi = features.find(feature_id); fi != features.end()) {
                const size_t k = fi->second;
                rep.feature_name = d.features[k].name;
                rep.units = d.features[k].units;
                dataset_ = &d;
                feature_ = &d.features[k];
                auto it = cache_.find({i, k});
                if (it == cache_.end()) it = cache_.emplace(std::make_pair(i, k), analyse_feature(d, k)).first;
                return &it->second;
            }
            rep.message = "dataset \"" + d.name + "\" has no feature \"" + feature_id + "\"";
            return nullptr;
        }
        rep.message = "dataset \"" + dataset_id + "\" does not exist";
        return nullptr;
    }
    const Dataset* dataset() const { return dataset_; }
    const Feature* feature() const { return feature_; }

private:
    const std::vector<Dataset>& datasets_;
    std::unordered_map<std::string, size_t> dataset_index_;               // id → first dataset
    std::vector<std::unordered_map<std::string, size_t>> feature_index_;  // per dataset, made when first used
    std::map<std::pair<size_t, size_t>, FeatureAnalysis> cache_;
    const Dataset* dataset_ = nullptr;
    const Feature* feature_ = nullptr;
};

std::string source_name(const LinkReport& r) { return "\"" + r.dataset_name + "\" / \"" + r.feature_name + "\""; }

// The first blocking problem of an analysis, for "cannot use …" messages.
std::string first_error(const FeatureAnalysis& a) {
    return a.errors.empty() ? std::string("no figures") : a.errors.front().message;
}

void common_warnings(const FeatureAnalysis& a, const Dataset& d, LinkReport& rep) {
    for (const auto& w : a.warnings) rep.warnings.push_back(w);
    if (a.values < static_cast<size_t>(d.gate.min_values))
        rep.warnings.push_back("only " + std::to_string(a.values) + " values (the dataset's gate asks for at least " +
                               std::to_string(d.gate.min_values) + "): the measured figures are uncertain");
}

bool is_length_unit(const std::string& u) { return u == "mm"; }
bool is_angle_unit(const std::string& u) { return u == "deg" || u == "°" || u == "degree" || u == "degrees"; }

void resolve_contributor(Features& features, Contributor& c, const std::string& where, LinkReport& rep) {
    const MeasuredLink& link = *c.measured;
    rep.where = where;
    rep.target_id = c.id;
    rep.target_name = c.name;
    rep.dataset_id = link.dataset_id;
    rep.feature_id = link.feature_id;
    rep.sigma_kind = measured_sigma_key(link.sigma);
    const FeatureAnalysis* a = features.find(link.dataset_id, link.feature_id, rep);
    if (!a) return;
    const std::string src = source_name(rep);
    if (a->values > 0) rep.n = static_cast<double>(a->values);
    // Units: the plan's lengths are millimetres; a feature in another unit would be read wrongly.
    const bool angle = c.kind == DimensionKind::Angle;
    if (angle ? !is_angle_unit(a->units) : !is_length_unit(a->units)) {
        rep.message = "cannot use " + src + ": its values are in \"" + a->units + "\", the contributor is " +
            (angle ? "an angle (needs deg)" : "a length (needs mm)");
        return;
    }
    const SigmaEstimate& s = link.sigma == MeasuredSigma::Within ? a->within : a->overall;
    const bool sigma_ok =
        a->values >= 2 && s.error.empty() && std::isfinite(s.sigma) && s.sigma > 0 && std::isfinite(a->mean);
    if (!sigma_ok) {
        // The σ's own reason first (not estimable, or 0 / below the data's resolution): a missing
        // specification limit, say, does not stop a stack link, which needs no limits.
        const std::string why = !s.error.empty() ? s.error : first_error(*a);
        rep.message = "cannot use " + src + ": " + why + " (the declared distribution stays)";
        return;
    }
    const double centre = c.nominal + 0.5 * (c.tol_plus - c.tol_minus);
    rep.used = true;
    rep.mean = a->mean;
    rep.sigma = s.sigma;
    rep.sigma_method = s.method;
    rep.shift = a->mean - centre;
    if (a->cap.cpk) rep.cpk = *a->cap.cpk;
    c.distribution = Distribution{};
    c.distribution.kind = DistributionKind::Normal;
    c.distribution.by = NormalBy::Sigma;
    c.distribution.sigma = s.sigma;
    c.distribution.shift = *rep.shift;
    rep.message = "σ " + num(s.sigma) + " (" + rep.sigma_kind + ", " + s.method + ") and mean " + num(a->mean) +
        " (shift " + num(*rep.shift) + " from the band centre " + num(centre) + ") from " + src +
        ", n = " + std::to_string(a->values);
    common_warnings(*a, *features.dataset(), rep);
    const Feature& f = *features.feature();
    const double lo = c.nominal - c.tol_minus, hi = c.nominal + c.tol_plus;
    const double eps = 1e-9 * std::max(1.0, std::fabs(c.nominal));
    if (!f.lsl || !f.usl || std::fabs(*f.lsl - lo) > eps || std::fabs(*f.usl - hi) > eps)
        rep.warnings.push_back("the feature's limits (" + (f.lsl ? num(*f.lsl) : std::string("none")) + " to " +
                               (f.usl ? num(*f.usl) : std::string("none")) + ") differ from the contributor's band (" +
                               num(lo) + " to " + num(hi) + "): the band is kept, only σ and the mean are taken");
    if (a->mean < lo || a->mean > hi)
        rep.warnings.push_back("the measured mean " + num(a->mean) + " lies outside the contributor's band (" +
                               num(lo) + " to " + num(hi) + "): is the link on the right feature?");
}

void resolve_gate(Features& features, Task& t, const std::string& where, LinkReport& rep) {
    CpkCriterion& k = *t.gate.cpk;
    const CpkSource& link = *k.measured;
    rep.where = where;
    rep.target_id = t.id;
    rep.target_name = t.name;
    rep.dataset_id = link.dataset_id;
    rep.feature_id = link.feature_id;
    rep.sigma_kind = "within";
    const FeatureAnalysis* a = features.find(link.dataset_id, link.feature_id, rep);
    if (!a) {
        rep.pass_probability = pass_probability_from_cpk(k).probability;
        return;
    }
    const std::string src = source_name(rep);
    if (a->values > 0) rep.n = static_cast<double>(a->values);
    if (!a->cap.cpk || !std::isfinite(*a->cap.cpk) || !(a->within.dof > 0)) {
        rep.message = "cannot use " + src + ": " + first_error(*a) + " (the typed Cpk and sample size stay)";
        rep.pass_probability = pass_probability_from_cpk(k).probability;
        return;
    }
    const double cpk = *a->cap.cpk;
    rep.used = true;
    rep.cpk = cpk;
    rep.dof = a->within.dof;
    rep.sigma_method = a->within.method;
    rep.mean = a->mean;
    rep.sigma = a->within.sigma;
    k.estimate = std::min(std::max(cpk, 0.0), 100.0);
    k.sample_size = static_cast<double>(a->values);
    k.dof = a->within.dof;
    const CpkPassResult pr = pass_probability_from_cpk(k);
    rep.pass_probability = pr.probability;
    rep.message = "Cpk " + num(cpk) + " (σ within, " + a->within.method + ", ν = " + num(a->within.dof) + ") from " +
        src + ", n = " + std::to_string(a->values) + ": passes " + num(t.gate.cpk->threshold) + " with probability " +
        num(pr.probability);
    if (cpk < 0)
        rep.warnings.push_back("the measured Cpk " + num(cpk) + " is negative (mean outside a limit): used as 0");
    if (cpk > 100) rep.warnings.push_back("the measured Cpk " + num(cpk) + " is above 100: used as 100");
    common_warnings(*a, *features.dataset(), rep);
}

}  // namespace

const char* measured_sigma_key(MeasuredSigma s) { return s == MeasuredSigma::Overall ? "overall" : "within"; }

ResolvedStack resolve_stack_links(const std::vector<Dataset>& datasets, const Stack& stack, const std::string& where) {
    ResolvedStack out;
    out.stack = stack;
    Features features(datasets);
    for (size_t k = 0; k < out.stack.contributors.size(); ++k) {
        Contributor& c = out.stack.contributors[k];
        if (!c.measured) continue;
        LinkReport rep;
        resolve_contributor(features, c, where + "/contributors/" + std::to_string(k) + "/measured", rep);
        out.links.push_back(std::move(rep));
    }
    return out;
}

ResolvedStack resolve_stack_links(const Plan& plan, size_t stack_index) {
    if (stack_index >= plan.stacks.size()) return {};
    return resolve_stack_links(plan.datasets, plan.stacks[stack_index], "/stacks/" + std::to_string(stack_index));
}

ResolvedSchedule resolve_schedule_links(const Plan& plan) {
    ResolvedSchedule out;
    out.schedule = plan.schedule;
    Features features(plan.datasets);
    for (size_t i = 0; i < out.schedule.tasks.size(); ++i) {
        Task& t = out.schedule.tasks[i];
        if (t.kind != TaskKind::Gate || !t.gate.cpk || !t.gate.cpk->measured) continue;
        LinkReport rep;
        resolve_gate(features, t, "/schedule/tasks/" + std::to_string(i) + "/gate/cpk/measured", rep);
        out.links.push_back(std::move(rep));
    }
    return out;
}

size_t remove_measured_links(Plan& plan, const std::string& dataset_id, const std::string& feature_id) {
    auto hits = [&](const std::string& d, const std::string& f) {
        return d == dataset_id && (feature_id.empty() || f == feature_id);
    };
    size_t removed = 0;
    for (auto& s : plan.stacks)
        for (auto& c : s.contributors)
            if (c.measured && hits(c.measured->dataset_id, c.measured->feature_id)) {
                c.measured.reset();
                ++removed;
            }
    for (auto& t : plan.schedule.tasks)
        if (t.gate.cpk && t.gate.cpk->measured &&
            hits(t.gate.cpk->measured->dataset_id, t.gate.cpk->measured->feature_id)) {
            t.gate.cpk->measured.reset();
            ++removed;
        }
    return removed;
}

const LinkReport* find_link(const std::vector<LinkReport>& links, const std::string& target_id) {
    for (const auto& l : links)
        if (l.target_id == target_id) return &l;
    return nullptr;
}

}  // namespace mf
