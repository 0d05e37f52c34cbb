// Decision matrix benchmarks: the rank-first Monte Carlo and the exact crossover search.
#include "bench.h"
#include "decision/crossover.h"
#include "decision/decision_analysis.h"
#include "decision/decision_template.h"
#include "plan/plan.h"

namespace {

mf::MatrixInput template_matrix() {
    const mf::DecisionSection s = mf::article_template();
    std::vector<double> w;
    for (const auto& c : s.criteria) w.push_back(c.weight);
    return mf::build_matrix(s, w).matrix;
}

std::vector<mf::CostInputs> template_costs() {
    const mf::DecisionSection s = mf::article_template();
    std::vector<mf::CostInputs> out;
    for (const auto& p : s.partners) out.push_back(mf::cost_inputs(s, p));
    return out;
}

}  // namespace

MF_BENCHMARK("decision rank-first MC, 3 partners x 8 criteria (15 ranged), 1e5 samples", "samples", 1e5) {
    static const mf::MatrixInput m = template_matrix();
    const auto r = mf::rank_first_probability(m, 100000, 7);
    mf::bench::keep(r.p_first[0]);
}

MF_BENCHMARK("decision crossovers + bands, article partners, volumes 1..1e6", "searches", 1) {
    static const std::vector<mf::CostInputs> ps = template_costs();
    const auto r = mf::cost_crossovers(ps, 1, 1e6);
    mf::bench::keep(static_cast<double>(r.crossings.size() + r.segments));
}

MF_BENCHMARK("decision crossovers + bands, lots of 100, volumes 1..1e7 (~3e5 breakpoints)", "searches", 1) {
    static std::vector<mf::CostInputs> ps = [] {
        auto v = template_costs();
        v[1].model.lot_size = 100;  // boutique lots of 100: 1e5 lot boundaries per 1e7 parts
        return v;
    }();
    const auto r = mf::cost_crossovers(ps, 1, 1e7);
    mf::bench::keep(static_cast<double>(r.crossings.size() + r.segments));
}

MF_BENCHMARK("decision split search, article boutique -> CM, 100 000 parts", "searches", 1) {
    static const std::vector<mf::CostInputs> ps = template_costs();
    mf::SplitInput in;
    in.from = ps[1];
    in.to = ps[2];
    in.volume = 100000;
    const auto r = mf::best_split(in);
    mf::bench::keep(r.best_n);
}
