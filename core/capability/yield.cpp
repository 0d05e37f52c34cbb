#include "capability/yield.h"

#include <cmath>
#include <cstdio>

#include "stats/distributions.h"

namespace mf {

const char* yield_verdict_name(YieldVerdict v) {
    switch (v) {
        case YieldVerdict::Meets: return "meets target";
        case YieldVerdict::Fails: return "below target";
        case YieldVerdict::NoData: return "no data";
    }
    return "no data";
}

static std::string percent(double p) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f %%", 100.0 * p);
    return b;
}

YieldResult first_pass_yield(const std::vector<YieldRecord>& records, const YieldSettings& settings) {
    YieldResult r;
    for (size_t i = 0; i < records.size(); ++i) {
        const auto& rec = records[i];
        const std::string where = "/yield/" + std::to_string(i);
        if (rec.step.empty()) {
            r.errors.push_back({where + "/step", "the step needs a name"});
            continue;
        }
        if (rec.passed < 0 || rec.failed < 0) {
            r.errors.push_back({where, "counts cannot be negative"});
            continue;
        }
        StepYield* step = nullptr;
        for (auto& s : r.steps)
            if (s.name == rec.step) step = &s;
        if (!step) {
            r.steps.push_back({});
            step = &r.steps.back();
            step->name = rec.step;
        }
        step->passed += rec.passed;
        step->failed += rec.failed;
        if (!rec.lot.empty()) {
            LotYield* lot = nullptr;
            for (auto& l : step->lots)
                if (l.lot == rec.lot) lot = &l;
            if (!lot) {
                step->lots.push_back({});
                lot = &step->lots.back();
                lot->lot = rec.lot;
            }
            lot->passed += rec.passed;
            lot->failed += rec.failed;
        }
    }
    if (r.steps.empty()) {
        r.reason = "no first-pass-yield records";
        return r;
    }
    const double m = static_cast<double>(r.steps.size());
    const double z_bonf = normal_quantile(1.0 - 0.05 / (2.0 * m));
    r.rty = 1.0;
    r.rty_ci95 = {1.0, 1.0};
    bool all_meet = true;
    std::string worst;
    double worst_fpy = 2;
    for (auto& s : r.steps) {
        const double n = static_cast<double>(s.passed + s.failed);
        if (n <= 0) {
            r.errors.push_back({"step \"" + s.name + "\"", "no parts counted (passed + failed = 0)"});
            continue;
        }
        s.fpy = static_cast<double>(s.passed) / n;
        s.ci95 = wilson_interval(static_cast<double>(s.passed), n);
        s.meets_target = s.fpy >= settings.target;
        all_meet = all_meet && s.meets_target;
        if (s.fpy < worst_fpy) {
            worst_fpy = s.fpy;
            worst = s.name;
        }
        for (auto& l : s.lots) {
            const double ln = static_cast<double>(l.passed + l.failed);
            if (ln <= 0) continue;
            l.fpy = static_cast<double>(l.passed) / ln;
            l.ci95 = wilson_interval(static_cast<double>(l.passed), ln);
        }
        r.rty *= s.fpy;
        const Interval b = wilson_interval(static_cast<double>(s.passed), n, z_bonf);
        r.rty_ci95.lower *= b.lower;
        r.rty_ci95.upper *= b.upper;
    }
    if (!r.errors.empty()) {
        r.verdict = YieldVerdict::NoData;
        r.reason = "some steps have no counts";
        return r;
    }
    if (settings.applies_to == YieldTarget::Rolled) {
        r.verdict = r.rty >= settings.target ? YieldVerdict::Meets : YieldVerdict::Fails;
        r.reason = "rolled throughput yield " + percent(r.rty) + (r.rty >= settings.target ? " ≥ " : " < ") +
            "target " + percent(settings.target);
    } else {
        r.verdict = all_meet ? YieldVerdict::Meets : YieldVerdict::Fails;
        r.reason = all_meet
            ? "every step's first-pass yield ≥ target " + percent(settings.target)
            : "step \"" + worst + "\" first-pass yield " + percent(worst_fpy) + " < target " + percent(settings.target);
    }
    return r;
}

}  // namespace mf
