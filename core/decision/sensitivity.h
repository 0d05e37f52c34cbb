// How robust is the weighted-sum winner?
//
// Weight flips (closed form). Vary one criterion's weight t in [0, 1] and rescale the others
// proportionally, w_j(t) = w_j (1 − t)/(1 − w_k). Every score is then linear in t:
//   S_i(t) = t u_ik + (1 − t) R_ik,   R_ik = Σ_{j≠k} w_j u_ij / (1 − w_k)
// so the top partner i* and a rival m tie where t (u_i*k − u_mk) + (1 − t)(R_i*k − R_mk) = 0,
//   t* = b / (b − a),  a = u_i*k − u_mk,  b = R_i*k − R_mk.
// The flip weight upward is the smallest such t* above the current weight; downward the
// largest below; "never" when no rival overtakes strictly inside (0, 1) (a rival that only
// ties at exactly 0 or 1 never leads, so it is no flip).
//
// Top tied (2026-12-06; before, "never in [0, 1]" was reported, which was false). The tied
// partners' scores are lines in t through one point at the current weight w_k: just above w_k
// the tied partner(s) with the largest slope u_ik − R_ik lead, just below it those with the
// smallest. So the tie breaks at w_k itself, upward to one partner and downward to another;
// `up`/`down` = w_k with `up_new_top`/`down_new_top` = who leads beyond it, `*_tie_breaks` set,
// and `up_then`/`down_then` = where that leader is overtaken in turn (none: it stays first to
// the end). When every tied partner has the same slope the tie holds in that direction and
// `up`/`down` is where an outsider overtakes the tied group (as for a single winner).
//
// Rank-first Monte Carlo. Entered scores with a low/likely/high range are drawn from the
// triangular distribution on [low, high] with mode likely (independently), re-normalised and
// re-scored each sample; a tie for first splits that sample equally among the tied.
// Samples run in fixed blocks of RankFirstRun::kBlock (1024); block b draws from its own stream
// Rng(block_stream_seed(seed, b, 0)) (stats/random.h), and each block's sums are taken apart and
// then added in block order: so the result is the same in one call, in slices, or with blocks
// computed by Web Workers and absorbed in order (2026-12-06; before, one stream ran through
// every sample, and the figures moved by sampling noise only).
#pragma once
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "decision/matrix.h"
#include "stats/random.h"
#include "stats/summary.h"

namespace mf {

struct WeightFlip {
    size_t criterion = 0;
    double weight = 0;            // current weight, normalised (sum 1)
    bool applicable = true;       // false: this criterion carries all the weight
    std::optional<double> up;     // weight above the current one where the top changes (top tied: = weight)
    std::vector<int> up_new_top;  // partner(s) on top just beyond it
    std::optional<double> down;   // weight below the current one where the top changes (top tied: = weight)
    std::vector<int> down_new_top;
    // Top tied only: the tie breaks at the current weight in this direction (`up` = weight) ...
    bool up_tie_breaks = false, down_tie_breaks = false;
    // ... and the partner that then leads is overtaken here in turn (none: first to the end).
    std::optional<double> up_then, down_then;
    std::vector<int> up_then_new_top, down_then_new_top;
};

struct WeightFlipResult {
    std::vector<std::string> errors;
    int top = -1;  // current weighted-sum winner (-1 if tied)
    bool top_tied = false;
    std::vector<int> tied_top;      // the partners tied for first (empty without a tie)
    std::vector<WeightFlip> flips;  // one per criterion
};

WeightFlipResult weight_flips(const MatrixInput& m);

struct RankFirstResult {
    std::vector<std::string> errors;
    size_t samples = 0;
    uint64_t seed = 0;
    size_t ranged_cells = 0;        // cells with low < high; 0 makes the result certain
    std::vector<double> p_first;    // per alternative, sums to 1
    std::vector<Interval> ci95;     // Wilson 95 % interval of each p_first
    std::vector<double> mean_rank;  // per alternative, competition ranks averaged
    const char* distribution = "triangular(low, likely, high), cells independent";
    const char* tie_rule = "a tie for first splits the sample equally among the tied";
};

RankFirstResult rank_first_probability(const MatrixInput& m, size_t samples, uint64_t seed);

// The same Monte Carlo as a sliced job (core/base/job.h): the GUI runs it across frames,
// rank_first_probability() in one go. Sliced or not, the numbers are identical for the seed.
//
//   RankFirstRun run(m, 20000, 1);          // checks the matrix; a bad one is finished at once
//   while (!run.step(1000)) show(run.progress());
//   RankFirstResult r = run.result();       // partial before finished, with the samples so far
// Consecutive blocks computed by one run and absorbed by another (a Web Worker's run and the
// page's): per block, each partner's share of firsts, then each partner's rank sum.
struct RankFirstBlocks {
    size_t first = 0;          // index of the first block
    size_t count = 0;          // number of blocks
    std::vector<double> sums;  // count × 2 × partners
};

class RankFirstRun {
public:
    static constexpr size_t kBlock = 1024;  // samples per block

    RankFirstRun(const MatrixInput& m, size_t samples, uint64_t seed);
    bool step(size_t n);  // at least n more samples (whole blocks); true once finished
    bool finished() const { return !result_.errors.empty() || next_ >= runs_; }
    double progress() const { return runs_ ? static_cast<double>(next_) / static_cast<double>(runs_) : 1.0; }
    RankFirstResult result() const;

    // Block-parallel use (see the top of this file); blocks are numbered from 0, each of
    // kBlock samples except the last (a matrix without ranges: one block of one evaluation).
    size_t blocks() const { return (runs_ + kBlock - 1) / kBlock; }
    size_t blocks_done() const { return (next_ + kBlock - 1) / kBlock; }
    // Computes blocks [first, first + count) (clamped to the run) without absorbing them.
    RankFirstBlocks sample_blocks(size_t first, size_t count);
    // Absorbs blocks computed by another run of the same matrix, samples and seed: only the
    // next ones, sized as this run's; otherwise nothing happens and the result is false.
    bool absorb(const RankFirstBlocks& b);

private:
    struct Cell {
        size_t i, j;
        double lo, mode, hi;
    };
    size_t block_size(size_t block) const { return std::min(kBlock, runs_ - block * kBlock); }
    // One block's sums: sums[i] the share of firsts of partner i, sums[na + i] its rank sum.
    void sample_block(size_t block, double* sums);
    void add_block(const double* sums, size_t samples);
    MatrixInput m_;
    RankFirstResult result_;
    std::vector<Cell> cells_;
    std::vector<double> w_, first_, rank_sum_, score_, block_sums_;
    std::vector<int> rank_;
    std::vector<std::vector<double>> value_, u_;
    size_t runs_ = 0, next_ = 0;
    double weight_ = 1;
};

}  // namespace mf
