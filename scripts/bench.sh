#!/usr/bin/env bash
# Builds the benchmarks natively (preset native: Release) and for WebAssembly in the
# configuration the app ships (preset wasm: MinSizeRel with -O3 numeric kernels), runs both
# and prints one Markdown table: benchmark | native ms | WASM ms | WASM/native.
# The figures in docs/benchmarks.md are copied from this output (with the date and the
# machine's load average, printed at the end). Usage: bash scripts/bench.sh [name filter]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export NODE_PATH=/usr/share/nodejs
filter=${1:-}
cmake --preset native >/dev/null && cmake --build --preset native --target mf_bench >/dev/null
cmake --preset wasm >/dev/null && cmake --build --preset wasm --target mf_bench >/dev/null
native=$(mktemp) wasm=$(mktemp)
trap 'rm -f "$native" "$wasm"' EXIT
build/native/mf_bench "$filter" >"$native"
node --no-experimental-fetch build/wasm/mf_bench.js "$filter" >"$wasm"
/usr/bin/python3 - "$native" "$wasm" <<'PY'
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
PY
echo "measured $(date -u +%Y-%m-%d), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
