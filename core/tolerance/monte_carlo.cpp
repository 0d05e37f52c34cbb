// Monte Carlo of a tolerance stack (see monte_carlo.h).
// [SECTION] Setup   [SECTION] Sampling   [SECTION] Blocks   [SECTION] Summary
#include "tolerance/monte_carlo.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "base/limits.h"
#include "stats/fast_normal.h"
#include "stats/portable_math.h"
#include "stats/select.h"
#include "tolerance/stack_analysis.h"
#include "tolerance/stack_internal.h"

namespace mf {

static constexpr double kDegree = 3.14159265358979323846 / 180.0;
static constexpr double kPi = 3.14159265358979323846;

// [SECTION] Setup ------------------------------------------------------------------------

MonteCarloRun::MonteCarloRun(const Stack& s, const MonteCarloOptions& o) : stack_(s), options_(o) {
    errors_ = validate_stack(s, StackCheck::ForAnalysis);
    if (o.samples < 1 || o.samples > kMaxSamples)
        errors_.push_back({"samples",
                           "the number of Monte Carlo samples must be between 1 and 20 000 000 (got " +
                               std::to_string(o.samples) + ")"});
    if (errors_.empty() && static_cast<double>(o.samples) * static_cast<double>(s.contributors.size()) > kMaxStackDraws)
        errors_.push_back({"samples",
                           "too many Monte Carlo draws: samples × contributors = " + std::to_string(o.samples) + " × " +
                               std::to_string(s.contributors.size()) +
                               " must stay below 500 000 000 (docs/plan-format.md, \"Limits\"): ask for "
                               "fewer samples"});
    if (o.histogram_bins < 1 || o.histogram_bins > 10000)
        errors_.push_back({"histogram_bins",
                           "the number of histogram bins must be between 1 and 10 000 (got " +
                               std::to_string(o.histogram_bins) + ")"});
    if (!errors_.empty()) return;
    total_ = o.samples;

    const size_t nc = s.contributors.size();
    const detail::LoopUse use = detail::loop_use(s);
    in_loop_ = use.in_loop;
    for (size_t i = 0; i < nc; ++i) {
        const Contributor& c = s.contributors[i];
        const detail::ResolvedDistribution d = detail::resolve_distribution(c);
        Sampler sm;
        sm.kind = c.distribution.kind;
        switch (sm.kind) {
            case DistributionKind::Normal:
                sm.a = d.mean;
                sm.b = d.sigma;
                break;
            case DistributionKind::Uniform:
                sm.a = d.mean;
                sm.b = d.half;
                break;
            case DistributionKind::Triangular:
                // Symmetric: the band centre + shift ± T. With a mode: the same frame, the mode
                // at the standardised position (mode − mid)/T in [−1, 1].
                sm.a = d.mid + c.distribution.shift;
                sm.b = d.half;
                if (c.distribution.mode) {
                    sm.mode_triangle = true;
                    sm.shape = d.half > 0 ? std::clamp((*c.distribution.mode - d.mid) / d.half, -1.0, 1.0) : 0.0;
                }
                break;
            case DistributionKind::Lognormal:
                // x = m·exp(s·z), z ~ N(0, 1): the variate is exp(s·z), the scale the median m.
                sm.a = 0;
                sm.b = d.mid + c.distribution.shift;
                sm.shape = c.distribution.sigma_log;
                break;
            case DistributionKind::SkewNormal: {
                // Azzalini: Z = δ|U0| + √(1−δ²) U1 has mean δ√(2/π) and variance 1 − 2δ²/π.
                const double alpha = c.distribution.skew;
                sm.delta = alpha / std::sqrt(1.0 + alpha * alpha);
                sm.delta_c = std::sqrt(1.0 - sm.delta * sm.delta);
                const double omega = d.sigma / std::sqrt(1.0 - 2.0 * sm.delta * sm.delta / kPi);
                sm.a = d.mean - omega * sm.delta * std::sqrt(2.0 / kPi);
                sm.b = omega;
                break;
            }
        }
        samplers_.push_back(sm);
        scale_meas_.push_back(detail::thermal_scale(s, c, s.measurement_temperature));
        scale_op_.push_back(detail::thermal_scale(s, c, s.operating_temperature));
        if (scale_op_.back() != scale_meas_.back()) thermal_differs_ = true;
        const double cm = in_loop_[i] ? 0.0 : c.sensitivity * scale_meas_.back();
        const double co = in_loop_[i] ? 0.0 : c.sensitivity * scale_op_.back();
        base_meas_ += cm * sm.a;
        base_op_ += co * sm.a;
        slope_meas_.push_back(cm * sm.b);
        slope_op_.push_back(co * sm.b);
    }
    // CTE streams are numbered after every contributor's (seeded per block in sample_block),
    // so adding a CTE tolerance does not change any contributor's samples.
    cte_slot_.assign(nc, -1);
    for (size_t i = 0; i < nc; ++i) {
        const Contributor& c = s.contributors[i];
        const double dt = s.operating_temperature - detail::measured_at(s, c);
        if (!c.cte_tol || !(*c.cte_tol > 0) || c.kind != DimensionKind::Length || dt == 0) continue;
        cte_slot_[i] = static_cast<int>(cte_jitter_.size());
        cte_jitter_.push_back({i, *c.cte_tol * 1e-6 * dt, Rng(0)});
        thermal_differs_ = true;
    }
    cte_block_.assign(cte_jitter_.size() * kBlock, 0.0);
    if (s.loop) {
        direction_ = s.loop->direction;
        for (size_t v = 0; v < s.loop->vectors.size(); ++v) {
            loop_length_.push_back(use.length_of[v]);
            loop_angle_.push_back(use.angle_of[v]);
            loop_fixed_length_.push_back(s.loop->vectors[v].length);
            loop_fixed_angle_.push_back(s.loop->vectors[v].angle);
            loop_fixed_proj_.push_back(portable_cos((s.loop->vectors[v].angle - direction_) * kDegree));
        }
    }
    // Centre of the correlation sums: the gap with every contributor at its typical value
    // (z = 0, a lognormal's median). Any nearby value works, it only keeps the sums small;
    // this one is computed with the kernel's own portable arithmetic, so the sums have the
    // same bits natively and in the browser.
    centre_g_ = base_meas_;
    for (size_t v = 0; v < loop_length_.size(); ++v) {
        const int li = loop_length_[v], ai = loop_angle_[v];
        auto typical = [&](int c) {
            const Sampler& sm = samplers_[static_cast<size_t>(c)];
            return sm.a + sm.b * (sm.kind == DistributionKind::Lognormal ? 1.0 : 0.0);
        };
        const double len = li >= 0 ? typical(li) : loop_fixed_length_[v];
        const double proj =
            ai >= 0 ? portable_cos((loop_fixed_angle_[v] + typical(ai) - direction_) * kDegree) : loop_fixed_proj_[v];
        centre_g_ += (li >= 0 ? scale_meas_[static_cast<size_t>(li)] : 1.0) * len * proj;
    }
    for (size_t i = 0; i < nc; ++i)
        if (!in_loop_[i] && samplers_[i].kind == DistributionKind::Lognormal) centre_g_ += slope_meas_[i];
    sum_dx_.assign(nc, 0.0);
    sum_dx2_.assign(nc, 0.0);
    sum_dxdg_.assign(nc, 0.0);

    values_.assign(nc * kBlock, 0.0);
    gap_block_.assign(kBlock, 0.0);
    gap_op_block_.assign(kBlock, 0.0);
    dg_block_.assign(kBlock, 0.0);
    block_sums_.assign(sums_per_block(), 0.0);
}

// [SECTION] Sampling ---------------------------------------------------------------------

// The standard variate z of a contributor (its value is a + b·z): N(0,1), U[−1,1),
// the triangle on (−1,1) (with its mode at `shape` when given), Azzalini's standard
// skew-normal, or exp(s·N(0,1)) for a lognormal.
void MonteCarloRun::fill(Sampler& sm, double* out, size_t n) {
    switch (sm.kind) {
        case DistributionKind::Normal:
            if (options_.fast_normal)
                normal_ziggurat_fill(sm.rng, out, n);
            else
                for (size_t j = 0; j < n; ++j) out[j] = sm.rng.normal();
            break;
        case DistributionKind::Uniform:
            for (size_t j = 0; j < n; ++j) out[j] = 2.0 * sm.rng.uniform() - 1.0;
            break;
        case DistributionKind::Triangular:
            if (sm.mode_triangle) {
                // Inverse CDF of the triangle (−1, c, 1): F(c) = (c + 1)/2; below it
                // z = −1 + √(2u(c + 1)), above it z = 1 − √(2(1 − u)(1 − c)).
                const double c = sm.shape, fc = 0.5 * (c + 1.0);
                for (size_t j = 0; j < n; ++j) {
                    const double u = sm.rng.uniform();
                    out[j] =
                        u < fc ? -1.0 + std::sqrt(2.0 * u * (c + 1.0)) : 1.0 - std::sqrt(2.0 * (1.0 - u) * (1.0 - c));
                }
                break;
            }
            // The sum of two uniforms on [0, 1) minus 1 is the symmetric triangle on (−1, 1).
            for (size_t j = 0; j < n; ++j) {
                const double u1 = sm.rng.uniform();
                const double u2 = sm.rng.uniform();
                out[j] = u1 + u2 - 1.0;
            }
            break;
        case DistributionKind::Lognormal:
            if (options_.fast_normal)
                normal_ziggurat_fill(sm.rng, out, n);
            else
                for (size_t j = 0; j < n; ++j) out[j] = sm.rng.normal();
            for (size_t j = 0; j < n; ++j) out[j] = portable_exp(sm.shape * out[j]);
            break;
        case DistributionKind::SkewNormal:
            for (size_t j = 0; j < n; ++j) {
                const double u0 = options_.fast_normal ? normal_ziggurat(sm.rng) : sm.rng.normal();
                const double u1 = options_.fast_normal ? normal_ziggurat(sm.rng) : sm.rng.normal();
                out[j] = sm.delta * std::fabs(u0) + sm.delta_c * u1;
            }
            break;
    }
}

// [SECTION] Blocks -----------------------------------------------------------------------

// The kLanes partial sums of a block, added in lane order.
static double lane_total(const double* lanes) {
    double t = 0;
    for (size_t l = 0; l < MonteCarloRun::kLanes; ++l) t += lanes[l];
    return t;
}

void MonteCarloRun::sample_block(size_t block, double* sums) {
    const size_t n = block_size(block);
    const size_t nc = samplers_.size();
    // Each stream of this block seeded from (seed, block, stream) alone: contributors 0 … nc−1,
    // then the uncertain CTEs.
    for (size_t i = 0; i < nc; ++i) samplers_[i].rng = Rng(block_stream_seed(options_.seed, block, i));
    for (size_t q = 0; q < cte_jitter_.size(); ++q)
        cte_jitter_[q].rng = Rng(block_stream_seed(options_.seed, block, nc + q));
    double* g = gap_block_.data();
    double* go = gap_op_block_.data();
    // gap = Σ c_i (a_i + b_i z_i) = Σ c_i a_i + Σ (c_i b_i) z_i: the constant once, then one
    // multiply-add per contributor and sample.
    std::fill(g, g + n, base_meas_);
    std::fill(go, go + n, base_op_);
    for (size_t i = 0; i < nc; ++i) {
        double* z = values_.data() + i * kBlock;
        fill(samplers_[i], z, n);
        if (in_loop_[i]) continue;
        const double sm = slope_meas_[i], so = slope_op_[i];
        for (size_t j = 0; j < n; ++j) g[j] += sm * z[j];
        if (thermal_differs_)
            for (size_t j = 0; j < n; ++j) go[j] += so * z[j];
    }
    // Uncertain CTEs: each such contributor's operating scale moves by δα·ΔT per sample; a
    // contributor outside the loop adds s·x·δα·ΔT (its share in the loop is added below).
    for (size_t q = 0; q < cte_jitter_.size(); ++q) {
        CteJitter& cj = cte_jitter_[q];
        double* d = cte_block_.data() + q * kBlock;
        for (size_t j = 0; j < n; ++j) d[j] = cj.half * (2.0 * cj.rng.uniform() - 1.0);
        if (in_loop_[cj.index]) continue;
        const double* z = values_.data() + cj.index * kBlock;
        const double sens = stack_.contributors[cj.index].sensitivity;
        const double a = samplers_[cj.index].a, b = samplers_[cj.index].b;
        for (size_t j = 0; j < n; ++j) go[j] += sens * (a + b * z[j]) * d[j];
    }
    // The loop, exactly: gap += L · cos(θ − φ) per vector, with L and θ as sampled.
    for (size_t v = 0; v < loop_length_.size(); ++v) {
        const int li = loop_length_[v], ai = loop_angle_[v];
        const double* L = li >= 0 ? values_.data() + static_cast<size_t>(li) * kBlock : nullptr;
        const double* A = ai >= 0 ? values_.data() + static_cast<size_t>(ai) * kBlock : nullptr;
        const double la = li >= 0 ? samplers_[static_cast<size_t>(li)].a : 0,
                     lb = li >= 0 ? samplers_[static_cast<size_t>(li)].b : 0;
        const double aa = ai >= 0 ? samplers_[static_cast<size_t>(ai)].a : 0,
                     ab = ai >= 0 ? samplers_[static_cast<size_t>(ai)].b : 0;
        const double km = li >= 0 ? scale_meas_[static_cast<size_t>(li)] : 1.0;
        const double ko = li >= 0 ? scale_op_[static_cast<size_t>(li)] : 1.0;
        const double fixed_len = loop_fixed_length_[v], fixed_proj = loop_fixed_proj_[v];
        const double fixed_angle = loop_fixed_angle_[v];
        const int slot = li >= 0 ? cte_slot_[static_cast<size_t>(li)] : -1;
        const double* D = slot >= 0 ? cte_block_.data() + static_cast<size_t>(slot) * kBlock : nullptr;
        for (size_t j = 0; j < n; ++j) {
            const double len = L ? la + lb * L[j] : fixed_len;
            const double proj = A ? portable_cos((fixed_angle + aa + ab * A[j] - direction_) * kDegree) : fixed_proj;
            g[j] += km * len * proj;
            if (thermal_differs_) go[j] += (D ? ko + D[j] : ko) * len * proj;
        }
    }
    // Sums for the squared correlations. Block-local, in kLanes interleaved partial sums
    // (independent add chains the compiler can keep in SIMD registers), reduced to one sum per
    // block; absorb_block adds the block sums in block order, so no sum depends on the slicing
    // or on where the block was computed.
    double* dg = dg_block_.data();
    for (size_t j = 0; j < n; ++j) dg[j] = g[j] - centre_g_;
    for (size_t j = n; j < kBlock; ++j) dg[j] = 0;  // a short last block: pad with zeros
    const size_t padded = (n + kLanes - 1) / kLanes * kLanes;
    {
        double s1[kLanes] = {}, s2[kLanes] = {};
        for (size_t j = 0; j < padded; j += kLanes)
            for (size_t l = 0; l < kLanes; ++l) {
                s1[l] += dg[j + l];
                s2[l] += dg[j + l] * dg[j + l];
            }
        sums[0] = lane_total(s1);
        sums[1] = lane_total(s2);
    }
    // corr(x, gap)² = corr(z, gap)² since x = a + b·z: the sums run over z.
    for (size_t i = 0; i < nc; ++i) {
        double* z = values_.data() + i * kBlock;
        for (size_t j = n; j < padded; ++j) z[j] = 0;  // padding contributes nothing
        double s1[kLanes] = {}, s2[kLanes] = {}, s3[kLanes] = {};
        for (size_t j = 0; j < padded; j += kLanes)
            for (size_t l = 0; l < kLanes; ++l) {
                const double dz = z[j + l];
                s1[l] += dz;
                s2[l] += dz * dz;
                s3[l] += dz * dg[j + l];
            }
        sums[2 + 3 * i] = lane_total(s1);
        sums[3 + 3 * i] = lane_total(s2);
        sums[4 + 3 * i] = lane_total(s3);
    }
}

void MonteCarloRun::absorb_block(const double* g, const double* go, size_t n, const double* sums) {
    // Room for every sample at the first block absorbed, not before: a run that only computes
    // blocks for another (a Web Worker's) never holds the whole sample.
    if (done_ == 0) {
        gaps_.reserve(total_);
        if (thermal_differs_) gaps_op_.reserve(total_);
    }
    sum_dg_ += sums[0];
    sum_dg2_ += sums[1];
    for (size_t i = 0; i < samplers_.size(); ++i) {
        sum_dx_[i] += sums[2 + 3 * i];
        sum_dx2_[i] += sums[3 + 3 * i];
        sum_dxdg_[i] += sums[4 + 3 * i];
    }
    gaps_.insert(gaps_.end(), g, g + n);
    running_.add(g, n, stack_.lower_limit, stack_.upper_limit);
    if (thermal_differs_) {
        gaps_op_.insert(gaps_op_.end(), go, go + n);
        running_op_.add(go, n, stack_.lower_limit, stack_.upper_limit);
    }
    done_ += n;
}

void MonteCarloRun::Running::add(const double* x, size_t n, std::optional<double> lower, std::optional<double> upper) {
    if (n == 0) return;
    const bool first = !bins;
    if (first) lo = hi = x[0];
    for (size_t j = 0; j < n; ++j) {
        const double v = x[j];
        sum += v;
        lo = std::fmin(lo, v);
        hi = std::fmax(hi, v);
        if (lower && v < *lower) ++below;
        if (upper && v > *upper) ++above;
    }
    if (first) {
        // Bins over the first block's range widened by its width on each side: a normal
        // gap's first 1024 samples span about ±3.2σ, so this covers ±9.6σ, and any sample
        // outside still counts in an end bin (the percentiles stay exact).
        double width = hi - lo;
        if (!(width > 0) || !std::isfinite(width)) width = std::fmax(std::fabs(lo), 1.0);
        double from = lo - width, to = hi + width;
        if (!std::isfinite(from) || !std::isfinite(to) || !(to > from)) from = -1, to = 1;  // never for a valid stack
        bins.emplace(from, to);
    }
    bins->add(x, n);
}

StackBlocks MonteCarloRun::sample_blocks(size_t first, size_t count) {
    StackBlocks out;
    out.first = std::min(first, blocks());
    out.count = std::min(count, blocks() - out.first);
    const size_t k = sums_per_block();
    out.sums.resize(out.count * k);
    // Sized once and filled by memcpy: growing them block by block cost a worker about a
    // tenth of its sampling time in copies.
    size_t samples = 0;
    for (size_t b = 0; b < out.count; ++b) samples += block_size(out.first + b);
    out.gaps.resize(samples);
    if (thermal_differs_) out.gaps_op.resize(samples);
    size_t at = 0;
    for (size_t b = 0; b < out.count; ++b) {
        const size_t n = block_size(out.first + b);
        sample_block(out.first + b, out.sums.data() + b * k);
        std::memcpy(out.gaps.data() + at, gap_block_.data(), n * sizeof(double));
        if (thermal_differs_) std::memcpy(out.gaps_op.data() + at, gap_op_block_.data(), n * sizeof(double));
        at += n;
    }
    return out;
}

bool MonteCarloRun::absorb(const StackBlocks& b) {
    if (b.first != blocks_done() || done_ % kBlock != 0 || b.count > blocks() - b.first) return false;
    size_t samples = 0;
    for (size_t k = 0; k < b.count; ++k) samples += block_size(b.first + k);
    const size_t k = sums_per_block();
    if (b.gaps.size() != samples || b.gaps_op.size() != (thermal_differs_ ? samples : 0) ||
        b.sums.size() != b.count * k)
        return false;
    size_t at = 0;
    for (size_t i = 0; i < b.count; ++i) {
        const size_t n = block_size(b.first + i);
        absorb_block(b.gaps.data() + at, thermal_differs_ ? b.gaps_op.data() + at : nullptr, n, b.sums.data() + i * k);
        at += n;
    }
    return true;
}

bool MonteCarloRun::step(size_t n) {
    const size_t target = std::min(total_, done_ + std::max<size_t>(n, 1));  // total_ is 0 when refused
    while (done_ < target) {
        const size_t block = done_ / kBlock;
        sample_block(block, block_sums_.data());
        absorb_block(gap_block_.data(), gap_op_block_.data(), block_size(block), block_sums_.data());
    }
    return finished();
}

// [SECTION] Summary ----------------------------------------------------------------------

// Wilson interval in ppm; exactly 0 at the lower end when nothing was counted.
static Interval ci_ppm(double k, double n) {
    const Interval ci = wilson_interval(k, n);
    return {k == 0 ? 0.0 : ci.lower * 1e6, ci.upper * 1e6};
}

static MonteCarloSummary summarise(const std::vector<double>& x, const MonteCarloRun::Running& run, double temperature,
                                   const GapLimits& limits, int bins) {
    MonteCarloSummary s;
    s.temperature = temperature;
    s.n = x.size();
    if (x.empty() || !run.bins) return s;
    const double n = static_cast<double>(x.size());
    const double sum = run.sum, lo = run.lo, hi = run.hi;
    const size_t below = run.below, above = run.above;
    const double mean = sum / n;
    Histogram& h = s.histogram;
    h.counts.assign(static_cast<size_t>(bins), 0);
    h.lo = lo;
    h.width = (hi - lo) / bins;
    double m2 = 0, m3 = 0;
    for (double v : x) {
        const double d = v - mean;
        m2 += d * d;
        m3 += d * d * d;
        size_t k = h.width > 0 ? static_cast<size_t>((v - lo) / h.width) : 0;
        if (k >= h.counts.size()) k = h.counts.size() - 1;
        ++h.counts[k];
    }
    s.mean = mean;
    s.sigma = x.size() > 1 ? std::sqrt(m2 / (n - 1)) : 0.0;
    const double var = m2 / n;  // var·√var for var^1.5: sqrt is exact in IEEE, pow is not portable
    s.skewness = m2 > 0 ? (m3 / n) / (var * std::sqrt(var)) : 0.0;
    s.min = lo;
    s.max = hi;
    s.below = below;
    s.above = above;
    double out = 0;
    if (limits.lower) {
        s.ppm_below = static_cast<double>(below) / n * 1e6;
        s.ci95_below = ci_ppm(static_cast<double>(below), n);
        out += static_cast<double>(below);
    }
    if (limits.upper) {
        s.ppm_above = static_cast<double>(above) / n * 1e6;
        s.ci95_above = ci_ppm(static_cast<double>(above), n);
        out += static_cast<double>(above);
    }
    s.ppm_total = out / n * 1e6;
    if (limits.lower || limits.upper) s.ci95_total = ci_ppm(out, n);  // without limits: [0, 0]

    const std::vector<double> p = run.bins->percentiles(x, {0.00135, 0.5, 0.99865});
    s.p00135 = p[0];
    s.p50 = p[1];
    s.p99865 = p[2];
    return s;
}

MonteCarloResult MonteCarloRun::result() const {
    MonteCarloResult r;
    r.errors = errors_;
    if (!errors_.empty()) return r;
    r.seed = options_.seed;
    r.samples = done_;
    r.thermal_differs = thermal_differs_;
    const GapLimits limits = limits_of(stack_);
    // Squared correlations (moment sums were taken about fixed centres); none before a sample.
    const double n = static_cast<double>(done_);
    const double mg = done_ ? sum_dg_ / n : 0.0, vg = done_ ? sum_dg2_ / n - mg * mg : 0.0;
    for (size_t i = 0; i < samplers_.size(); ++i) {
        const double mx = done_ ? sum_dx_[i] / n : 0.0, vx = done_ ? sum_dx2_[i] / n - mx * mx : 0.0;
        const double cov = done_ ? sum_dxdg_[i] / n - mx * mg : 0.0;
        const bool varies = samplers_[i].b != 0 && vx > 0 && vg > 0;
        r.squared_correlation.push_back(varies ? std::fmin(1.0, cov * cov / (vx * vg)) : 0.0);
    }
    r.at_measurement = summarise(gaps_, running_, stack_.measurement_temperature, limits, options_.histogram_bins);
    if (thermal_differs_) {
        r.at_operating =
            summarise(gaps_op_, running_op_, stack_.operating_temperature, limits, options_.histogram_bins);
    } else {
        r.at_operating = r.at_measurement;
        r.at_operating.temperature = stack_.operating_temperature;
    }
    return r;
}

Stack sampled_stack(const Stack& s) {
    Stack out = s;
    out.name.clear();
    for (Contributor& c : out.contributors) {
        c.name.clear();
        c.partner_id.clear();
    }
    return out;
}

MonteCarloResult run_monte_carlo(const Stack& s, const MonteCarloOptions& options) {
    MonteCarloRun run(s, options);
    return run_to_end(run);
}

}  // namespace mf
