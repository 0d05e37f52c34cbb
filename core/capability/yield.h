// First-pass yield per process step (and per lot) and the rolled throughput yield.
//
//   YieldResult y = first_pass_yield(dataset.yield, dataset.yield_settings);
//   y.steps[i].fpy, y.steps[i].ci95; y.rty, y.rty_ci95; y.verdict
//
// FPY of a step = passed / (passed + failed), summed over its records (lots), with a 95 %
// Wilson score interval (stats/summary.h). RTY = Π FPY over the steps in order of first
// appearance. RTY's interval is the product of the steps' Wilson intervals each taken at
// confidence 1 − 0.05/m (Bonferroni, m steps): conservative, at least 95 % jointly.
// Verdict: against `target` on the rolled yield (default) or on every step, using the
// point estimates.
#pragma once
#include <string>
#include <vector>

#include "capability/dataset_model.h"
#include "base/issue.h"
#include "stats/summary.h"

namespace mf {

struct LotYield {
    std::string lot;
    int64_t passed = 0, failed = 0;
    double fpy = 0;
    Interval ci95;
};

struct StepYield {
    std::string name;
    int64_t passed = 0, failed = 0;
    double fpy = 0;
    Interval ci95;
    bool meets_target = false;
    std::vector<LotYield> lots;  // only records that name a lot
};

enum class YieldVerdict { Meets, Fails, NoData };
const char* yield_verdict_name(YieldVerdict v);  // "meets target", "below target", "no data"

struct YieldResult {
    std::vector<StepYield> steps;
    double rty = 0;
    Interval rty_ci95;
    YieldVerdict verdict = YieldVerdict::NoData;
    std::string reason;
    Issues errors;  // bad records ("/yield/3": step has no parts)
};

YieldResult first_pass_yield(const std::vector<YieldRecord>& records, const YieldSettings& settings = {});

}  // namespace mf
