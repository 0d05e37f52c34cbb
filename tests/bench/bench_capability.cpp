// Capability benchmarks: the whole per-feature study (σ within/overall, indices, control
// chart, Nelson rules, Anderson–Darling with its sort, drift, gate) on 20 features ×
// 100 000 rows, as subgroups of 5 and as individual values. Target: < 200 ms in WASM.
#include <memory>

#include "bench.h"
#include "capability/analysis.h"
#include "capability/normality.h"
#include "capability/run_rules.h"
#include "capability/sort_values.h"
#include "stats/random.h"

namespace {

const mf::Dataset& dataset(size_t subgroup) {
    static mf::Dataset d[2];
    mf::Dataset& ds = d[subgroup == 1 ? 0 : 1];
    if (ds.features.empty()) {
        mf::Rng rng(2024);
        ds.id = "bench";
        ds.name = "bench";
        ds.subgroup_size = static_cast<int64_t>(subgroup);
        for (int f = 0; f < 20; ++f) {
            auto v = std::make_shared<std::vector<double>>(100000);
            for (size_t i = 0; i < v->size(); ++i) (*v)[i] = 10.0 + 0.01 * rng.normal() + 1e-8 * static_cast<double>(i);
            mf::Feature feat;
            feat.id = "f" + std::to_string(f);
            feat.name = feat.id;
            feat.lsl = 9.95;
            feat.usl = 10.05;
            feat.nominal = 10.0;
            feat.values = v;
            ds.features.push_back(feat);
        }
    }
    return ds;
}

}  // namespace

MF_BENCHMARK("capability: 20 features x 100 000 rows, subgroups of 5 (Xbar-R, rules, A-D, drift)", "rows", 2e6) {
    const auto r = mf::analyse_dataset(dataset(5));
    mf::bench::keep(*r[0].cap.cpk + r[19].ad.a2);
}

MF_BENCHMARK("capability: 20 features x 100 000 rows, individuals (I-MR, rules, A-D, drift)", "rows", 2e6) {
    const auto r = mf::analyse_dataset(dataset(1));
    mf::bench::keep(*r[0].cap.cpk + r[19].ad.a2);
}

// The parts, for finding where the time goes (one 100 000-value feature each, × 20).
MF_BENCHMARK("capability part: sort 20 x 100 000 values (radix)", "values", 2e6) {
    const auto& d = dataset(1);
    double s = 0;
    for (const auto& f : d.features) {
        std::vector<double> v = *f.values;
        mf::sort_values(v);
        s += v[50000];
    }
    mf::bench::keep(s);
}

MF_BENCHMARK("capability part: Anderson-Darling 20 x 100 000 sorted values", "values", 2e6) {
    static std::vector<std::vector<double>> sorted;
    if (sorted.empty())
        for (const auto& f : dataset(1).features) {
            sorted.push_back(*f.values);
            mf::sort_values(sorted.back());
        }
    double s = 0;
    for (const auto& v : sorted) s += mf::anderson_darling_normal(v, 10.0, 0.01).a2;
    mf::bench::keep(s);
}

MF_BENCHMARK("capability part: Nelson rules 20 x 100 000 points", "points", 2e6) {
    double s = 0;
    for (const auto& f : dataset(1).features)
        s += static_cast<double>(mf::run_rules(*f.values, 10.0, 0.01, {}, mf::RuleSettings::nelson()).size());
    mf::bench::keep(s);
}
