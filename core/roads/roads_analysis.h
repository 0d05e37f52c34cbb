// The roads side by side: for every road (each partner, and the split plan when defined),
// what the plan implies if that road is taken — cost per good part at 100, 10 000, 100 000
// and the planned volume, the first-article and production dates at P50/P80 and the odds of
// meeting the deadline, each stack's verdict and ppm, the pilot gate's pass probability, the
// decision score and rank, and the decision's warnings (red flags) for that choice.
//
//   RoadsAnalysis a = analyse_roads(plan, RoadsOptions{});        // Monte Carlo to the end
//   for (const RoadFigures& r : a.roads) ...
//   ResultTable t = roads_table(a);                                // for the view, CSV, report
//
// Each figure comes from a tool's own facade on plan_for_road(plan, road) with that tool's
// command-line defaults (schedule: 10 000 iterations, seed 1; stacks: analytic, no Monte Carlo;
// decision: its deterministic rankings and costs), so it equals what `mfplan schedule|stack|
// decide --road ROAD` prints (docs/roads.md). The GUI asks for no Monte Carlo here
// (schedule.iterations = 0), runs RoadsMonteCarlo in slices through its JobRunner and passes the
// result to with_schedule_monte_carlo.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/job.h"
#include "base/result_table.h"
#include "decision/decision_analysis.h"
#include "schedule/monte_carlo.h"
#include "schedule/schedule_analysis.h"
#include "tolerance/stack_analysis.h"

namespace mf {

struct RoadsOptions {
    ScheduleOptions schedule{10000, 1};                  // `mfplan schedule`'s defaults; iterations 0: dates left unset
    std::vector<double> volumes = {100, 10000, 100000};  // the planned volume is added after these
};

struct RoadStackFigure {
    std::string id, name;
    std::string error;  // why the stack has no figures on this road (empty: analysed)
    FitVerdict verdict = FitVerdict::NoRequirement;
    double ppm = 0;  // the larger of the two: out-of-limit ppm of the normal model (capability based)
    double ppm_at_measurement = 0, ppm_at_operating = 0;
};

struct RoadFigures {
    std::string road;  // partner id or "split"
    std::string name;
    std::string partner;                                    // the partner chosen (split: split.from)
    std::vector<std::optional<double>> cost_per_good_part;  // at RoadsAnalysis::volumes; unset: no cost model

    // Schedule: set when the Monte Carlo ran on a valid schedule (schedule_error says why not).
    std::string schedule_error;
    std::optional<Date> first_article_p50, first_article_p80;  // of roads.first_article (unset when none named)
    std::optional<Date> production_p50, production_p80;        // of roads.production, else the project finish
    std::optional<double> probability_meet_deadline;           // the project finish by the plan's deadline
    std::string pilot_gate;                                    // task id, empty: no gate with a Cpk criterion
    std::optional<double> pilot_gate_pass;                     // the gate's pass probability (gate.h)

    std::vector<RoadStackFigure> stacks;

    // Decision: the partner's weighted-sum and TOPSIS score and rank (unset for the split road or
    // when the matrix cannot be ranked), and the warnings of taking this road.
    std::optional<double> score, topsis_score;
    int rank = 0, topsis_rank = 0;
    bool tied = false;
    std::vector<DecisionWarning> warnings;
    size_t red_warnings() const { return warnings.size(); }
};

struct RoadsAnalysis {
    RoadsOptions options;
    std::vector<double> volumes;  // options.volumes + the planned volume
    std::optional<Date> deadline;
    std::string first_article_task, production_task;  // roads.first_article / roads.production (may be empty)
    std::vector<RoadFigures> roads;
    // The recommendation, from the decision analysis of the plan as it is.
    std::vector<std::string> decision_errors;  // the matrix cannot be ranked (no recommendation)
    std::string recommended;                   // road id: the decider's choice, else the weighted-sum top
    bool chosen_by_decider = false;
    std::string weighted_sum_top, topsis_top;  // partner ids
    bool ahp_weights = false;                  // the weights come from AHP judgements
    bool methods_agree = false;                // weighted sum and TOPSIS put the same partner first
    bool split_pays = false;                   // the split plan is cheaper than either partner alone
    std::string why;                           // one sentence: who is first by which method, who chose
    // Per road (same order as roads): the schedule problem the Monte Carlo runs on (unset when
    // the schedule of that road cannot be analysed), for the GUI's sliced run.
    std::vector<std::optional<ScheduleProblem>> problems;
};

RoadsAnalysis analyse_roads(const Plan& plan, const RoadsOptions& options = {});

// The schedule Monte Carlo of every road as one sliced job (core/base/job.h): the roads one
// after another, each exactly the ScheduleMonteCarlo `mfplan schedule` runs.
struct RoadsMcInputs {
    std::vector<std::optional<McInput>> runs;  // one per road; unset: nothing to run for it
    bool operator==(const RoadsMcInputs&) const = default;
};
RoadsMcInputs roads_mc_inputs(const RoadsAnalysis& a);

class RoadsMonteCarlo {
public:
    explicit RoadsMonteCarlo(RoadsMcInputs in);
    bool step(size_t n);
    bool finished() const { return next_ >= in_.runs.size(); }
    double progress() const;
    std::vector<std::optional<McResult>> result() const;  // finished roads (and the running one, partial)

private:
    void open_next();
    RoadsMcInputs in_;
    size_t next_ = 0;
    std::optional<ScheduleMonteCarlo> job_;
    std::vector<std::optional<McResult>> done_;
};
static_assert(is_sliced_job<RoadsMonteCarlo>::value, "the roads Monte Carlo is a sliced job (core/base/job.h)");

// Fills the dates and the deadline odds of every road from its Monte Carlo result.
void with_schedule_monte_carlo(RoadsAnalysis& a, const std::vector<std::optional<McResult>>& mc);

// The comparison as a results table (one row per road), for the view, the CSV and the report.
ResultTable roads_table(const RoadsAnalysis& a);

}  // namespace mf
