// Measured links: figures of a capability dataset (core/capability) driving the other tools.
//
//   ResolvedStack rs = resolve_stack_links(plan, 0);        // stacks[0] with its links applied
//   StackReport rep = analyse_stack(rs.stack);               // analyse the resolved copy
//   for (const LinkReport& l : rs.links) show(l.where, l.message);   // what each link supplied
//
//   ResolvedSchedule sc = resolve_schedule_links(plan);      // gates with Cpk links applied
//   Plan p = plan; p.schedule = sc.schedule;  run_cpm({*schedule_problem(p).problem}) ...
//
// The plan keeps the links and the declared figures; the analyses take the resolved copy,
// made fresh from the current data each time (so editing the data moves the stack and the
// gate). A link that cannot be used leaves the declared figures in place and says why.
//
// What a link takes (docs/capability.md, "Links"):
// - A stack contributor's `measured` link: the feature's mean and σ (σ_within by default,
//   σ_overall on request) from analyse_feature() with the dataset's own settings. The
//   contributor's distribution becomes Normal, given by σ, with shift = mean − the centre of
//   the contributor's band (nominal + (tol_plus − tol_minus)/2). The band itself (the
//   drawing's tolerance) is kept: worst case and RSS do not change, the statistical figures
//   and the Monte Carlo do. The feature's limits are not needed (one-sided features work);
//   when they differ from the band, a warning says so.
// - A gate's Cpk criterion with a `measured` link: estimate = the feature's Cpk (from
//   σ_within), sample_size = its number of non-missing values, dof = the ν of σ_within; the
//   gate's threshold stays. The pass probability is then gate.h's Bissell mapping.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "plan/plan.h"

namespace mf {

struct LinkReport {
    std::string where;      // JSON Pointer of the link: /stacks/0/contributors/1/measured
    std::string target_id;  // the contributor or the gate task
    std::string target_name;
    std::string dataset_id, feature_id;      // as written in the link
    std::string dataset_name, feature_name;  // empty when the id is unknown
    bool used = false;                       // false: the declared figures stay
    std::string sigma_kind;                  // "within" or "overall": which σ was taken
    std::string sigma_method;                // the estimator ("pooled SD / c4(d+1)", "MRbar/d2(2)", ...)
    // What was used (set when used; n also when the data were found but could not be used):
    std::optional<double> n;                 // non-missing values
    std::optional<double> mean;              // stack links: the measured mean (mm, or degrees)
    std::optional<double> sigma;             // stack links: the σ taken
    std::optional<double> shift;             // stack links: mean − band centre
    std::optional<double> cpk;               // gate links: the measured Cpk (stack links: for information)
    std::optional<double> dof;               // gate links: ν of σ_within
    std::optional<double> pass_probability;  // gate links: the resolved gate's pass probability
    std::string units;                       // the feature's units
    std::string message;                     // one line: what was used, or why it could not be
    std::vector<std::string> warnings;       // used, but read with care (not normal, unstable, few values ...)
};

struct ResolvedStack {
    Stack stack;                    // the stack with every usable link applied
    std::vector<LinkReport> links;  // one per linked contributor, in contributor order
};
// `where` is the stack's JSON Pointer ("/stacks/2"): the reports name "<where>/contributors/k/measured".
ResolvedStack resolve_stack_links(const std::vector<Dataset>& datasets, const Stack& stack, const std::string& where);
ResolvedStack resolve_stack_links(const Plan& plan, size_t stack_index);

struct ResolvedSchedule {
    ScheduleSection schedule;       // the section with every usable gate link applied
    std::vector<LinkReport> links;  // one per linked gate, in task order
};
ResolvedSchedule resolve_schedule_links(const Plan& plan);

// The report of the link at this contributor / task id, or null.
const LinkReport* find_link(const std::vector<LinkReport>& links, const std::string& target_id);

// Removes the links to a dataset (every feature when feature_id is empty) or to one of its
// features, so that deleting measured data never leaves a dangling reference: the stack
// contributors and gates fall back to their declared figures. Returns how many were removed.
size_t remove_measured_links(Plan& plan, const std::string& dataset_id, const std::string& feature_id = "");

const char* measured_sigma_key(MeasuredSigma s);  // "within", "overall"

}  // namespace mf
