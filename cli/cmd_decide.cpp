// mfplan decide FILE [--samples N] [--seed S] [--max-volume V] [--json]
// The partner decision: weighted sum and TOPSIS side by side, AHP weights and consistency,
// flip weights, rank-first probabilities, cost per good part at 100 / 10 000 / 100 000 and
// the planned volume, exact crossovers, cheapest band per volume, the split plan, the
// process selector and the warnings. Exit 1 when the plan is invalid or the matrix cannot
// be scored (the reasons are in "errors" and on stderr).
#include <cmath>
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "decision/decision_analysis.h"
#include "decision/decision_analysis_json.h"

namespace mf::cli {

int cmd_decide(int argc, char** argv) {
    Args a = parse_args(argc, argv, {"samples", "seed", "max-volume", "road"});
    if (!a.error.empty() || a.positional.size() != 1) {
        std::fprintf(stderr,
                     "usage: mfplan decide FILE [--road R] [--samples N] [--seed S] [--max-volume V] [--json]\n%s%s",
                     a.error.c_str(), a.error.empty() ? "" : "\n");
        return 2;
    }
    DecisionOptions o;
    long long samples = static_cast<long long>(o.mc_samples), seed = static_cast<long long>(o.seed);
    if (!option_integer(a, "samples", samples, 1, 10000000) || !option_integer(a, "seed", seed, 0, 9007199254740991LL))
        return 2;
    double max_volume = 0;
    if (a.option("max-volume")) {
        if (!option_number(a, "max-volume", max_volume)) return 2;
        if (!(max_volume > 1)) {
            std::fprintf(stderr, "error: --max-volume must be above 1\n");
            return 2;
        }
        o.max_volume = max_volume;
    }
    o.mc_samples = static_cast<size_t>(samples);
    o.seed = static_cast<uint64_t>(seed);
    auto plan = load_plan_or_report(a.positional[0]);
    if (!plan) return 1;
    if (!take_road(a.option("road").value_or(""), *plan, a.positional[0])) return 1;
    const DecisionSection& s = plan->decision;
    const DecisionAnalysis r = analyse_decision(*plan, o);
    const bool ranked = r.errors.empty();

    auto cp = [&](int k) { return s.partners[static_cast<size_t>(r.cost_partners[static_cast<size_t>(k)])].id; };
    for (const auto& e : r.errors) std::fprintf(stderr, "%s: %s\n", a.positional[0].c_str(), e.c_str());
    if (a.flag("json")) {
        std::fputs(
            (decision_json(*plan, r, o).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n").c_str(),
            stdout);
        return ranked ? 0 : 1;
    }

    // Text summary.
    std::printf("%s — partner decision at %g parts\n", plan->meta.name.c_str(), s.planned_volume);
    if (ranked) {
        std::printf("\n  %-40s %10s %5s %10s %5s %8s\n", "partner", "wsum", "rank", "TOPSIS", "rank", "P(first)");
        for (size_t i = 0; i < s.partners.size(); ++i)
            std::printf("  %-40s %10.4f %4d%s %10.4f %4d%s %8.3f\n", s.partners[i].name.c_str(),
                        r.weighted_sum.ranking.score[i], r.weighted_sum.ranking.rank[i],
                        r.weighted_sum.ranking.tied[i] ? "=" : " ", r.topsis.ranking.score[i], r.topsis.ranking.rank[i],
                        r.topsis.ranking.tied[i] ? "=" : " ", r.rank_first.p_first[i]);
    }
    if (r.ahp)
        std::printf("\n  AHP: lambda_max %.4f, CI %.4f, CR %.4f (%s)\n", r.ahp->lambda_max, r.ahp->ci, r.ahp->cr,
                    r.ahp->random_index_table);
    if (!r.cost_partners.empty()) {
        std::printf("\n  cost per good part at");
        for (double v : r.volumes) std::printf(" %12g", v);
        std::printf("\n");
        for (size_t k = 0; k < r.cost_partners.size(); ++k) {
            std::printf("  %-21s", s.partners[r.cost_partners[k]].id.c_str());
            for (const auto& c : r.costs[k]) std::printf(" %12.4g", c.per_good_part);
            std::printf("\n");
        }
        for (const auto& c : r.crossovers.crossings)
            std::printf("  crossover %s/%s at %.6g parts (%s%s%s)\n", cp(c.a).c_str(), cp(c.b).c_str(), c.volume,
                        c.jump ? "jump: " : "continuous", c.jump ? describe_jumps(c.causes).c_str() : "", "");
    }
    if (r.split)
        std::printf(
            "\n  split %s -> %s: best transfer after N = %g parts, total %.6g (mid transfer cost); %s only %.6g, "
            "%s only %.6g; cheapest road: N = %g\n",
            s.partners[r.split_from].id.c_str(), s.partners[r.split_to].id.c_str(), r.split->best_n,
            r.split->total_best_mid, s.partners[r.split_from].id.c_str(), r.split->from_only_total,
            s.partners[r.split_to].id.c_str(), r.split->to_only_total, r.split->recommended_n);
    if (!r.warnings.empty()) {
        std::printf("\n  warnings:\n");
        for (const auto& w : r.warnings) std::printf("  - [%s] %s\n", w.code.c_str(), w.message.c_str());
    }
    return ranked ? 0 : 1;
}

}  // namespace mf::cli
