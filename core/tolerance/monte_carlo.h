// Monte Carlo of a tolerance stack: every contributor sampled from its declared distribution,
// the gap evaluated exactly (the nonlinear loop for 2D stacks, thermal scaling per sample),
// at the measurement and the operating temperature from the same samples. No sample is ever
// discarded: tails, ppm and percentiles come from all of them.
//
//   One call:                      In slices (a GUI frame at a time, core/base/job.h):
//     MonteCarloResult r =           MonteCarloRun run(stack, options);
//         run_monte_carlo(s, o);     while (!run.step(50000)) draw(run.progress());
//                                    MonteCarloResult r = run.result();
// Both give identical results: samples are generated in fixed blocks of kBlock, and in each
// block every contributor draws from its own generator stream seeded from (seed, block,
// contributor) alone (stats/random.h, block_stream_seed), and every sum is taken per block and
// then added in block order. So neither the slicing nor where a block is computed changes a
// figure: in the browser, Web Workers compute ranges of blocks with sample_blocks() on their
// own run and the page absorb()s them in order (gui/parallel_blocks_run.h), giving the same
// result as the CLI. MonteCarloRun follows the sliced-job contract (core/base/job.h):
// gui/job_runner.h runs it across frames.
#pragma once
#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "base/issue.h"
#include "base/job.h"
#include "stats/random.h"
#include "stats/select.h"
#include "stats/summary.h"
#include "tolerance/stack_model.h"

namespace mf {

// Every sample is kept (8 bytes, twice with a thermal difference): 20 million samples are
// 320 MB, the most a browser tab should be asked for.
constexpr size_t kMaxSamples = 20000000;

struct MonteCarloOptions {
    uint64_t seed = 1;         // same seed, same result (natively and in WASM)
    size_t samples = 1000000;  // 1 … kMaxSamples
    int histogram_bins = 60;   // 1 … 10 000, equal width over [min, max] of the samples
    bool fast_normal = true;   // ziggurat (stats/fast_normal.h); false: Rng::normal (polar), for comparison

    bool operator==(const MonteCarloOptions&) const = default;  // a view reruns when they change
};

struct Histogram {
    double lo = 0;     // left edge of bin 0 (mm)
    double width = 0;  // bin width (mm); bin k is [lo + k·width, lo + (k+1)·width), the last bin closed
    std::vector<uint32_t> counts;
};

// Summary of the gap samples at one temperature.
struct MonteCarloSummary {
    double temperature = 20;  // °C
    size_t n = 0;
    double mean = 0;
    double sigma = 0;     // sample standard deviation, n − 1 denominator
    double skewness = 0;  // g1 = m3 / m2^1.5 (moment estimator, no small-sample correction)
    double min = 0, max = 0;
    double p00135 = 0, p50 = 0, p99865 = 0;      // percentiles 0.135 %, 50 %, 99.865 % (type 7)
    size_t below = 0, above = 0;                 // samples strictly below the lower / above the upper limit
    std::optional<double> ppm_below, ppm_above;  // absent without that limit
    double ppm_total = 0;
    std::optional<Interval> ci95_below, ci95_above;  // ppm, Wilson score 95 %
    Interval ci95_total;                             // ppm
    Histogram histogram;
};

struct MonteCarloResult {
    Issues errors;  // when not empty, nothing else is set
    uint64_t seed = 0;
    size_t samples = 0;            // samples summarised (fewer than asked for in a partial result)
    bool thermal_differs = false;  // false: at_operating repeats at_measurement
    MonteCarloSummary at_measurement;
    MonteCarloSummary at_operating;
    // Per contributor: corr(x_i, gap)² at the measurement temperature (contribution share).
    std::vector<double> squared_correlation;
};

// Consecutive blocks computed by one run and absorbed by another (a Web Worker's run and the
// page's): their samples and their per-block correlation sums.
struct StackBlocks {
    size_t first = 0;             // index of the first block
    size_t count = 0;             // number of blocks
    std::vector<double> gaps;     // samples at the measurement temperature, in block order
    std::vector<double> gaps_op;  // at the operating temperature (empty when it does not differ)
    // Per block, sums_per_block() values: Σdg, Σdg², then per contributor Σz, Σz², Σz·dg
    // (dg = gap − a fixed centre; z the contributor's standard variate).
    std::vector<double> sums;
};

class MonteCarloRun {
public:
    static constexpr size_t kBlock = 1024;  // samples per block (a multiple of kLanes)
    static constexpr size_t kLanes = 4;     // interleaved partial sums

    // Checks the stack and the options and allocates; draws nothing yet. Refused inputs
    // leave the run finished at once, with the reasons in errors() and result().errors.
    MonteCarloRun(const Stack& s, const MonteCarloOptions& options = {});
    const Issues& errors() const { return errors_; }
    size_t done() const { return done_; }    // samples drawn so far
    size_t total() const { return total_; }  // samples asked for (0 when refused)

    // The sliced-job contract (core/base/job.h).
    // Draws at least n more samples (whole blocks, at most up to the total); true when finished.
    bool step(size_t n);
    bool finished() const { return done_ >= total_; }
    double progress() const { return total_ ? static_cast<double>(done_) / static_cast<double>(total_) : 1.0; }
    // The summary of the samples drawn so far (`samples` says how many): partial before
    // finished, final after. Sum, range, tail counts and the percentiles' bins are kept as
    // samples arrive (Running); each call adds the two passes that need the mean or the final
    // range (moments and histogram, the percentiles' selection): sorting-free, O(samples).
    MonteCarloResult result() const;

    // Block-parallel use (see the top of this file). Blocks are numbered from 0; every block
    // holds kBlock samples except the last.
    size_t blocks() const { return (total_ + kBlock - 1) / kBlock; }
    size_t blocks_done() const { return (done_ + kBlock - 1) / kBlock; }
    size_t sums_per_block() const { return 2 + 3 * samplers_.size(); }
    // Computes blocks [first, first + count) (clamped to the run) without absorbing them.
    StackBlocks sample_blocks(size_t first, size_t count);
    // Absorbs blocks computed by another run of the same stack and options. They must be the
    // next ones (first == blocks_done()) and sized as this run's; otherwise nothing happens
    // and the result is false.
    bool absorb(const StackBlocks& b);

    // The summary's first pass, taken as the samples are absorbed, in their order, so it has the
    // bits a pass over all of them has: the sum, the range, the samples past each limit, and
    // the percentiles' bins (over a range set by the first block, PercentileBins).
    struct Running {
        double sum = 0, lo = 0, hi = 0;
        size_t below = 0, above = 0;
        std::optional<PercentileBins> bins;
        void add(const double* x, size_t n, std::optional<double> lower, std::optional<double> upper);
    };

private:
    struct Sampler {
        DistributionKind kind = DistributionKind::Normal;
        double a = 0, b = 0;            // x = a + b·z, z the standard variate of `kind`
        double delta = 0, delta_c = 0;  // skew-normal: δ and √(1 − δ²)
        double shape = 0;               // triangle with a mode: its place in [−1, 1]; lognormal: σ of ln x
        bool mode_triangle = false;     // triangle drawn by its inverse CDF (a mode was given)
        Rng rng{0};
    };
    // Uncertain CTE (2026-12-06): a contributor whose CTE carries a tolerance and whose
    // temperature changes to the operating one gets its own stream of CTE deviations,
    // uniform on ±u; `half` = u·10⁻⁶·ΔT, so each draw adds (2v − 1)·half to its operating scale.
    struct CteJitter {
        size_t index = 0;
        double half = 0;
        Rng rng{0};
    };
    void fill(Sampler& sm, double* out, size_t n);
    size_t block_size(size_t block) const { return std::min(kBlock, total_ - block * kBlock); }
    // Draws block `block` into gap_block_ / gap_op_block_ and writes its sums_per_block() sums.
    void sample_block(size_t block, double* sums);
    // Appends n samples and one block's sums to the run.
    void absorb_block(const double* g, const double* go, size_t n, const double* sums);

    Issues errors_;
    Stack stack_;
    MonteCarloOptions options_;
    size_t total_ = 0, done_ = 0;
    std::vector<Sampler> samplers_;
    double base_meas_ = 0, base_op_ = 0;         // Σ s·scale·a over the declared-sensitivity contributors
    std::vector<double> slope_meas_, slope_op_;  // s·scale·b: the gap's slope in each z
    std::vector<double> scale_meas_, scale_op_;  // thermal scale per contributor
    std::vector<bool> in_loop_;
    std::vector<int> loop_length_, loop_angle_;  // per vector: contributor index or -1
    std::vector<double> loop_fixed_length_, loop_fixed_angle_, loop_fixed_proj_;
    double direction_ = 0;  // degrees
    bool thermal_differs_ = false;
    std::vector<CteJitter> cte_jitter_;
    std::vector<int> cte_slot_;      // per contributor: its index in cte_jitter_, or -1
    std::vector<double> cte_block_;  // cte_jitter_.size() × kBlock scale deviations
    // Block buffers (allocated once).
    std::vector<double> values_;  // contributors × kBlock standard variates z
    std::vector<double> gap_block_, gap_op_block_, dg_block_, block_sums_;
    // All samples (for percentiles and tails).
    std::vector<double> gaps_, gaps_op_;
    Running running_, running_op_;  // of gaps_, gaps_op_
    // Sums for the squared correlations (of z, and of the gap about a fixed centre).
    double centre_g_ = 0;
    std::vector<double> sum_dx_, sum_dx2_, sum_dxdg_;
    double sum_dg_ = 0, sum_dg2_ = 0;
};

static_assert(is_sliced_job<MonteCarloRun>::value, "MonteCarloRun follows core/base/job.h");

// The whole run in one call: run_to_end(MonteCarloRun(s, options)).
MonteCarloResult run_monte_carlo(const Stack& s, const MonteCarloOptions& options = {});

// What the Monte Carlo samples of a stack: `s` without its name and its contributors' names
// and partners, on which no sample depends (ids stay: a loop's vectors name contributors by
// id). A run of sampled_stack(s) equals a run of s to the last bit, so a tab that keeps its
// run while this stays equal does not rerun it for a rename or a partner assigned.
Stack sampled_stack(const Stack& s);

}  // namespace mf
