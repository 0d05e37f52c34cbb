#!/usr/bin/env bash
# Prints every figure the CLI gives on the examples and the test corpus, one block per call,
# so a restructuring can be checked byte for byte:
#   bash scripts/cli_snapshot.sh build/native/mfplan > before.txt   (then after, and diff)
set -uo pipefail
MF=${1:?usage: cli_snapshot.sh MFPLAN}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
run() { printf '\n### mfplan %s\n' "$*"; "$MF" "$@" 2>&1 | sed 's/^DTSTAMP:.*/DTSTAMP:(now)/'; printf '### exit %s\n' "${PIPESTATUS[0]}"; }
plans=(assets/examples/*.mfplan.json tests/data/malformed/*.json tests/data/schedule/*.json tests/data/tolerance/*.json)
for f in "${plans[@]}"; do
  run validate "$f"
  run show "$f" --json
  run decide "$f" --json
  run decide "$f"
  run schedule "$f" --json
  run schedule "$f"
  for e in mspdi ics csv mermaid; do run schedule "$f" --export "$e"; done
  run stack "$f" --json
  run stack "$f"
  run capability "$f" --json
  run capability "$f"
  run yield "$f" --json
done
for t in tests/data/tolerance/*.csv tests/data/tolerance/*.tsv; do run stack --csv "$t" --json; run stack --csv "$t"; done
run capability assets/examples/pilot-run.csv --feature bore_d --lsl 1.020 --usl 1.030 --subgroup-column subgroup --json
run capability assets/examples/pilot-run.csv --feature bore_d --lsl 1.020 --usl 1.030 --subgroup-column subgroup
run capability tests/data/capability/pistonrings.csv --json
run yield assets/examples/pilot-yield.csv --json
run yield assets/examples/pilot-yield.csv --per-step
R=tests/data/capability/pistonrings.csv
run capability "$R" --feature diameter --lsl 73.95 --usl 74.05 --target 74 --json
run capability "$R" --lsl 73.95 --usl 74.05 --sigma median
run capability "$R" --lsl 73.95 --usl 74.05 --sigma rbar --json
run capability "$R" --lsl 74.05 --usl 73.95 --json
run decide assets/examples/sourcing-decision.mfplan.json --json --samples 3000 --seed 5
run decide assets/examples/sourcing-decision.mfplan.json --samples 0
run schedule assets/examples/launch-timeline.mfplan.json --json --iterations 2000 --seed 7
run schedule assets/examples/micro-gearbox.mfplan.json --iterations 0
run stack assets/examples/micro-gearbox.mfplan.json --stack s-gear-shaft --samples 20000 --seed 3 --json
run stack assets/examples/micro-gearbox.mfplan.json --samples 0
run stack assets/examples/silicon-on-inconel.mfplan.json --samples 50000 --json
run stack assets/examples/micro-gearbox.mfplan.json --stack s-gear-shaft-running --no-mc --json
run stack --csv tests/data/tolerance/gear-shaft.csv --unit um --lower 0 --upper 50 --operate-temp 37 --samples 10000 --json
for f in assets/examples/*.mfplan.json; do run compare "$f" --json; run compare "$f" --iterations 500 --seed 3; done
