// The partner decision view (the Decision tab): in-house vs boutique vs full-service CM.
//
//   DecisionView decision;                                   // a member of App
//   decision.draw(ctx);                                      // inside the "Decision" tab
//
// Pages (an inner tab bar): the matrix with the rankings beside it (weighted sum and TOPSIS,
// ties flagged), partners (evidence, cost model, scores with ranges), criteria and weights
// (direct or AHP with the consistency ratio live), sensitivity (flip-weight tornado and the
// rank-first Monte Carlo), cost per good part vs volume (crossovers, cheapest bands, split
// plan), the process selector and the warnings. Every number comes from
// analyse_decision() (core/decision/decision_analysis.h), cached by the document state id;
// the Monte Carlo runs in slices across frames (JobRunner), rerun only when the decision
// section or the sample count changes. Every change is a named operation of
// core/decision/decision_edit.h. The parts live in decision_*.cpp.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "decision/decision_analysis.h"
#include "edits.h"
#include "job_runner.h"
#include "parallel_rank_first_run.h"
#include "view_context.h"
#include "imgui.h"
#include "plan/plan.h"

namespace mf {

struct DecisionView {
    enum class Page { Matrix, Partners, Criteria, Sensitivity, Cost, Processes, Warnings };
    static constexpr int kPageCount = 7;

    // --- UI state ------------------------------------------------------------------------
    Page page = Page::Matrix;     // the inner page shown
    bool select_page = false;     // make `page` the selected inner tab next frame
    std::string partner_id;       // selected partner (detail panel); empty = the first
    bool show_excluded = true;    // process selector: list the processes filtered out too
    bool show_breakdown = false;  // cost page: every cost component per volume
    int mc_samples = 20000;       // rank-first Monte Carlo samples (the CLI default)

    // --- Cached results, keyed by the document state id ------------------------------------
    uint64_t cached_state = 0;
    DecisionAnalysis analysis;  // analyse_decision() without the Monte Carlo
    struct Curve {
        int partner = -1;  // partner index
        std::vector<double> volume, per_part;
        bool too_many_jumps = false;
    };
    std::vector<Curve> curves;  // cost per good part vs volume, one per costed partner

    // --- The rank-first Monte Carlo, in slices -------------------------------------------
    // Its inputs: the matrix comes from the decision section alone, so an edit elsewhere in
    // the plan (a task, a stack) keeps the result.
    struct MonteCarloInputs {
        DecisionSection decision;
        int samples = 0;
        uint64_t seed = 1;  // the CLI's default, so the numbers equal mfplan decide
        bool operator==(const MonteCarloInputs&) const = default;
    };
    JobRunner<ParallelRankFirstRun, MonteCarloInputs> mc{2048};  // on Web Workers where there are any
    // The finished run for the current inputs (null while running, after a cancel, or when
    // the matrix cannot be ranked).
    const RankFirstResult* mc_result() const { return mc.cancelled() ? nullptr : mc.result(); }

    void draw(ViewContext& ctx);

    // The matrix (and everything derived from it) is usable: no errors from core.
    bool ranked() const { return analysis.errors.empty() && !analysis.weighted_sum.ranking.order.empty(); }
    int selected_partner(const Plan& plan) const;

private:
    void refresh(const Plan& plan, uint64_t state_id);
    void run_monte_carlo(const Plan& plan);
};

}  // namespace mf
