#!/usr/bin/env bash
# Builds the benchmarks natively (preset native: Release) and for WebAssembly in the
# configuration the app ships (preset wasm: MinSizeRel with -O3 numeric kernels), runs both
# and prints one Markdown table: benchmark | native ms | WASM ms | WASM/native.
# Then, in the same run (no filter given): the NumPy script with the stack kernel's outputs
# (tests/bench/stack_mc_numpy.py) and the time from an edit to the final Monte Carlo figure
# in the real page in headless Chromium (tests/bench/edit_to_figure.mjs, on the benchmarks'
# own stack and network), a table of the ratios the targets in docs/benchmarks.md name, and
# the page's frames while the stack's Monte Carlo runs and without (tests/bench/ui_frames.mjs),
# and the first analysis after loading against warm ones (tests/bench/first_analysis.mjs).
# The figures in docs/benchmarks.md are copied from this output (with the date and the
# machine's load average, printed at the end). Usage: bash scripts/bench.sh [name filter]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export NODE_PATH=/usr/share/nodejs
filter=${1:-}
# The NumPy yardstick needs Debian's NumPy (the test command does not install it).
/usr/bin/python3 -c 'import numpy' 2>/dev/null || apt-get install -y -qq --no-install-recommends python3-numpy
cmake --preset native >/dev/null && cmake --build --preset native --target mf_bench >/dev/null
cmake --preset wasm >/dev/null && cmake --build --preset wasm --target mf_bench >/dev/null
native=$(mktemp) wasm=$(mktemp) page=$(mktemp) numpy=$(mktemp) frames=$(mktemp) first=$(mktemp) plans=$(mktemp -d)
trap 'rm -rf "$native" "$wasm" "$page" "$numpy" "$frames" "$first" "$plans"' EXIT
build/native/mf_bench "$filter" >"$native"
node --no-experimental-fetch build/wasm/mf_bench.js "$filter" >"$wasm"
if [ -z "$filter" ]; then
  cmake --build --preset wasm --target app_test >/dev/null
  build/native/mf_bench --write-plans "$plans"
  /usr/bin/python3 tests/bench/stack_mc_numpy.py >"$numpy"
  node tests/bench/edit_to_figure.mjs "$plans" >"$page"
  node tests/bench/ui_frames.mjs "$plans" >"$frames"
  node tests/bench/first_analysis.mjs "$plans" >"$first"
fi
/usr/bin/python3 - "$native" "$wasm" "$numpy" "$page" <<'PY'
import sys
def rows(path):
    out = {}
    for line in open(path):
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) == 3 and cells[1].replace('.', '', 1).isdigit():
            out[cells[0]] = float(cells[1])
    return out
n, w = rows(sys.argv[1]), rows(sys.argv[2])
print("| benchmark | native Release (ms) | WASM as shipped, node (ms) | WASM / native |")
print("|---|---:|---:|---:|")
for name, ms in n.items():
    if name in w:
        ratio = f"{w[name] / ms:.2f}" if ms >= 0.5 else "–"   # too short to compare
        print(f"| {name} | {ms:.1f} | {w[name]:.1f} | {ratio} |")
numpy, page = rows(sys.argv[3]), rows(sys.argv[4])
if numpy or page:
    print()
    print("| measured in this run | ms |")
    print("|---|---:|")
    for name, ms in {**numpy, **page}.items():
        if not name.startswith("paired"):  # ratios: in the table below
            print(f"| {name} | {ms:.1f} |")
    def find(table, words):
        return next((v for k, v in table.items() if all(x in k for x in words)), None)
    stack_wasm = find(w, ["stack MC, 20-contributor 1D chain", "ziggurat"])
    sched_native, sched_wasm = find(n, ["schedule MC, 201 tasks with 20 gates"]), find(w, ["schedule MC, 201 tasks with 20 gates"])
    # edit_to_figure.mjs times the stack and the schedule on the page (0 workers) and on 1 and 2 Web Workers.
    stack_tab = {w: find(page, ["stack MC", f"{w} worker"]) for w in (0, 1, 2)}
    sched_tab = {w: find(page, ["schedule MC", f"{w} worker"]) for w in (0, 1, 2)}
    stack_numpy = find(numpy, ["stack MC"])
    print()
    print("| ratio (same run) | value | target |")
    print("|---|---:|---|")
    def ratio(label, a, b, target):
        if a is not None and b is not None and b > 0:
            print(f"| {label} | {a / b:.2f} | {target} |")
    ratio("stack: edit → final figure in the tab on the page (0 workers) / WASM kernel", stack_tab[0], stack_wasm, "–")
    ratio("stack: edit → final figure in the tab, 1 worker / WASM kernel", stack_tab[1], stack_wasm, "≤ 1.5")
    ratio("stack: edit → final figure in the tab, 2 workers / WASM kernel", stack_tab[2], stack_wasm, "≤ 0.65")
    ratio("stack: NumPy script / edit → final figure in the tab (2 workers)", stack_numpy, stack_tab[2], "≥ 3")
    ratio("schedule: WASM kernel / native kernel", sched_wasm, sched_native, "≤ 1.3 (native ≤ 120 ms)")
    ratio("schedule: edit → final figure in the tab on the page (0 workers) / WASM kernel", sched_tab[0], sched_wasm, "–")
    ratio("schedule: edit → final figure in the tab, 1 worker / WASM kernel", sched_tab[1], sched_wasm, "–")
    ratio("schedule: edit → final figure in the tab, 2 workers / WASM kernel", sched_tab[2], sched_wasm, "–")
    # Paired in the page (edit_to_figure.mjs): each edit over the same kernel computed on the
    # page's thread just before it, median of the five; robust to the machine's drift.
    for tool, targets in (("stack", ("–", "≤ 1.5", "≤ 0.65")), ("schedule", ("–", "–", "–"))):
        for w in (0, 1, 2):
            v = find(page, ["paired", tool + ",", f"{w} worker"])
            if v is not None:
                print(f"| {tool}: edit → final figure, {w} worker{'' if w == 1 else 's'} / the page's kernel just before (paired) | {v:.2f} | {targets[w]} |")
PY
if [ -s "$frames" ]; then
  echo
  echo "UI frames while the stack's Monte Carlo runs, and without one (tests/bench/ui_frames.mjs):"
  echo
  cat "$frames"
fi
if [ -s "$first" ]; then
  echo
  echo "First analysis after loading against warm ones, target ≤ 1.3 (tests/bench/first_analysis.mjs):"
  echo
  cat "$first"
fi
echo "measured $(date -u +%Y-%m-%d), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
