#!/usr/bin/env bash
# CLI tests: exit codes and messages of mfplan, against the example plans and the corpus.
set -u
MF=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
pass=0; fail=0
check() { # description, then a command whose success means the check passed
  local what=$1; shift
  if "$@"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $what"; fi
}
out=$(mktemp); err=$(mktemp)

"$MF" --help >"$out" 2>&1
check "--help lists validate and show" grep -q "validate FILE" "$out"

"$MF" validate "$ROOT/assets/examples/micro-gearbox.mfplan.json" >"$out" 2>"$err"
check "validate: example is valid (exit 0)" test $? -eq 0

"$MF" validate "$ROOT/tests/data/malformed/dangling-partner.json" >"$out" 2>"$err"
check "validate: dangling reference exits 1" test $? -eq 1
check "validate: error names the JSON path" grep -q "/schedule/tasks/0/partner: refers to partner \"ghost\"" "$err"

"$MF" validate "$ROOT/tests/data/malformed/unknown-field.json" >"$out" 2>"$err"
check "validate: every error printed" test "$(wc -l <"$err")" -eq 2

"$MF" show "$ROOT/assets/examples/micro-gearbox.mfplan.json" --json >"$out" 2>"$err"
check "show --json exits 0" test $? -eq 0
check "show --json prints the normalized plan" python3 -c "import json,sys; d=json.load(open('$out')); sys.exit(0 if d['format']=='microfab-plan' and d['project']['units']=='um' else 1)"
"$MF" show "$out" --json >"$err.2" 2>/dev/null
check "show --json is a fixed point (normalized output reloads to the same bytes)" cmp -s "$out" "$err.2"

"$MF" frobnicate >"$out" 2>"$err"
check "unknown command exits 2" test $? -eq 2

for t in "$ROOT"/tests/cli/*.t.sh; do
  [ -e "$t" ] || continue
  # shellcheck source=/dev/null
  . "$t"
done

rm -f "$out" "$err" "$err.2"
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
