#!/usr/bin/env python3
"""The stack Monte Carlo an engineer would write with NumPy, as the yardstick for ours.

The same stack as bench_tolerance.cpp's chain20 (20 normal contributors, Cp 1.33, alternating
sensitivities, limits ±0.02 mm) and the same outputs as core/tolerance/monte_carlo.cpp for 10⁶
samples: mean, σ (n − 1), skewness g1, min, max, the 0.135 / 50 / 99.865 % percentiles
(type 7, NumPy's default 'linear'), samples below/above each limit, ppm with Wilson 95 %
intervals, a 60-bin histogram over [min, max] and each contributor's squared correlation with
the gap. Vectorised as NumPy is meant to be used (one array per contributor, no Python loop
over samples). Prints one row per case in mf_bench's format, median of 5 runs after a warm-up,
so scripts/bench.sh can put it next to the native and WASM kernels measured in the same run.

    /usr/bin/python3 tests/bench/stack_mc_numpy.py          # | name | ms | rate |
    /usr/bin/python3 tests/bench/stack_mc_numpy.py --check  # also prints the outputs
"""
import math
import statistics
import sys
import time

import numpy as np

N = 1_000_000
BINS = 60
LOWER, UPPER = -0.02, 0.02
Z95 = 1.959963984540054


def chain20():
    """(nominal, tolerance, sensitivity) per contributor, as bench_tolerance.cpp builds them."""
    return [(1.0 + 0.1 * i, 0.002 + 0.0005 * (i % 5), -1.0 if i % 2 else 1.0) for i in range(20)]


def wilson_ppm(k, n):
    p = k / n
    d = 1 + Z95 * Z95 / n
    c = (p + Z95 * Z95 / (2 * n)) / d
    h = Z95 * math.sqrt(p * (1 - p) / n + Z95 * Z95 / (4 * n * n)) / d
    return (0.0 if k == 0 else (c - h) * 1e6, (c + h) * 1e6)


def analyse(rng):
    parts = chain20()
    xs = []
    gap = np.zeros(N)
    for nominal, tol, sens in parts:
        sigma = 2 * tol / (6 * 1.33)  # Cp = (USL − LSL) / 6σ, centred on the band
        x = rng.normal(nominal, sigma, N)
        xs.append(x)
        gap += sens * x
    out = {
        "mean": gap.mean(),
        "sigma": gap.std(ddof=1),
        "min": gap.min(),
        "max": gap.max(),
    }
    d = gap - out["mean"]
    m2, m3 = np.mean(d * d), np.mean(d * d * d)
    out["skewness"] = m3 / m2 ** 1.5
    out["p00135"], out["p50"], out["p99865"] = np.percentile(gap, [0.135, 50, 99.865])
    below, above = int(np.count_nonzero(gap < LOWER)), int(np.count_nonzero(gap > UPPER))
    out["ppm_below"], out["ppm_above"] = below / N * 1e6, above / N * 1e6
    out["ci95_total"] = wilson_ppm(below + above, N)
    out["histogram"] = np.histogram(gap, bins=BINS, range=(out["min"], out["max"]))[0]
    out["squared_correlation"] = [np.corrcoef(x, gap)[0, 1] ** 2 for x in xs]
    return out


def main():
    rng = np.random.default_rng(1)
    analyse(rng)  # warm-up
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        out = analyse(rng)
        runs.append((time.perf_counter() - t0) * 1000)
    ms = statistics.median(runs)
    print(f"| NumPy {np.__version__}: stack MC, 20-contributor 1D chain, 1e6 samples, same outputs | {ms:.1f} | {N / ms / 1000:.1f} M samples/s |")
    if "--check" in sys.argv:
        for k, v in out.items():
            print(f"# {k}: {v if k != 'histogram' else list(v)}")


if __name__ == "__main__":
    main()
