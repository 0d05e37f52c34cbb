# mfplan stack: tolerance stacks (sourced by tests/cli/run.sh; $MF, $ROOT, $out, $err, check).
EX="$ROOT/assets/examples"
TD="$ROOT/tests/data/tolerance"
py=/usr/bin/python3

"$MF" --help >"$out" 2>&1
check "stack: listed in --help" grep -q "stack FILE" "$out"

"$MF" stack "$EX/micro-gearbox.mfplan.json" --stack s-gear-shaft --samples 20000 --seed 3 --json >"$out" 2>"$err"
check "stack --json exits 0" test $? -eq 0
check "stack --json: required fields, conventions, article figures" $py - "$out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s = d["stacks"][0]
c = d["conventions"]
for k in ("percentile_method", "ci_method", "centring", "sigma_estimator", "verdict"):
    assert k in c, k
assert s["id"] == "s-gear-shaft"
# nominal clearance 25 µm at 20 °C (the shaft gauged at 26 °C is 0.096 µm smaller at 20 °C)
assert abs(s["nominal"] - 0.025096) < 1e-9, s["nominal"]
assert abs(s["worst_case"]["min"] - (1.020 - 1.015 * (1 - 16e-6 * 6))) < 1e-9
assert abs(s["worst_case"]["max"] - (1.030 - 0.985 * (1 - 16e-6 * 6))) < 1e-9
# RSS: sqrt(5² + 15²)/3 µm
assert abs(s["rss"]["sigma"] - (0.005**2 + (0.015 * (1 - 16e-6 * 6))**2) ** 0.5 / 3) < 1e-12
for k in ("min", "max"): assert k in s["rss"]
for k in ("mean", "sigma", "ppm_below", "ppm_above"): assert k in s["statistical"], k
mc = s["monte_carlo"]
for k in ("mean", "sigma", "ppm_below", "ppm_above", "ci95", "percentiles", "histogram"): assert k in mc, k
assert mc["samples"] == 20000 and mc["seed"] == 3
assert sum(mc["histogram"]["counts"]) == 20000
assert len(s["contributions"]) == 2 and s["contributions"][0]["rank"] == 1
assert s["thermal"]["operating_temperature"] == 37
assert s["verdict"]["verdict"] == "OK"
PY

"$MF" stack "$EX/micro-gearbox.mfplan.json" --stack s-gear-shaft --samples 20000 --seed 3 --json >"$err.2" 2>/dev/null
check "stack: same seed, same output" cmp -s "$out" "$err.2"

"$MF" stack "$EX/silicon-on-inconel.mfplan.json" --samples 50000 --json >"$out" 2>"$err"
check "stack: silicon-on-Inconel exits 0" test $? -eq 0
check "stack: the CTE mismatch decides the silicon-on-Inconel verdict (fails at −55 °C)" $py - "$out" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["stacks"][0]
v = s["verdict"]
assert v["verdict"] == "fails", v
assert v["at_measurement"]["verdict"] == "OK", v
assert v["deciding"].startswith("operating temperature"), v
# Pocket closes by 13.0e-6·25.028·75 − 2.6e-6·25·75 = 19.5273 µm
assert abs(s["thermal"]["gap_change"] + 0.0195273) < 1e-9, s["thermal"]["gap_change"]
PY
check "stack: the 2D loop reports computed sensitivities" $py - "$out" <<'PY'
import json, sys, math
s = json.load(open(sys.argv[1]))["stacks"][1]
assert s["is_loop"]
sens = {x["id"]: x["sensitivity"] for x in s["sensitivities"]}
assert abs(sens["k-bond"] + 1) < 1e-12            # cos(90° − 270°) = −1
assert abs(sens["k-die-w"]) < 1e-12               # horizontal vector, vertical gap
assert abs(sens["k-tilt"] + 25 * math.pi / 180) < 1e-9   # L·sin(φ − θ)·π/180 = 25·sin(270°)·π/180
PY

"$MF" stack --csv "$TD/gear-shaft.csv" --unit um --lower 0 --upper 50 --operate-temp 37 --samples 10000 --json >"$out" 2>"$err"
check "stack --csv exits 0" test $? -eq 0
check "stack --csv: µm table converted to mm" $py -c "import json,sys; s=json.load(open('$out'))['stacks'][0]; sys.exit(0 if abs(s['nominal']-0.025)<1e-12 and s['limits']['upper']==0.05 else 1)"

"$MF" stack --csv "$TD/two-uniform.tsv" --samples 10000 >"$out" 2>"$err"
check "stack --csv: tab-separated table, text output" grep -q "worst case  *0 .. 0.04" "$out"

"$MF" stack --csv "$TD/bad-rows.csv" >"$out" 2>"$err"
check "stack --csv: bad table exits 1" test $? -eq 1
check "stack --csv: error names row and column" grep -q 'row 3, column "tol_plus": expected a number, found "abc"' "$err"
check "stack --csv: Cpk <= 0 named by row" grep -q 'row 2, column "cpk": Cpk of "Bore" must be greater than 0' "$err"

"$MF" stack "$TD/bad-stack.json" >"$out" 2>"$err"
check "stack: bad plan exits 1" test $? -eq 1
check "stack: Cpk <= 0 with its JSON path" grep -q "/stacks/0/contributors/0/distribution/cpk: Cpk of \"A\" must be greater than 0" "$err"
check "stack: unknown material with its JSON path" grep -q "/stacks/0/contributors/1/material: unknown material \"unobtainium\"" "$err"

"$MF" stack "$TD/empty-stack.json" --json >"$out" 2>"$err"
check "stack: a stack without contributors exits 1" test $? -eq 1
check "stack: ... and says so" grep -q "no contributors" "$err"

"$MF" stack "$EX/micro-gearbox.mfplan.json" --stack nope >"$out" 2>"$err"
check "stack: unknown --stack exits 1 and lists the stacks" grep -q 'no stack with id or name "nope" (stacks: s-gear-shaft' "$err"

"$MF" stack "$EX/micro-gearbox.mfplan.json" --samples 0 >"$out" 2>"$err"
check "stack: --samples 0 is a usage error" test $? -eq 2

"$MF" stack >"$out" 2>"$err"
check "stack: no file is a usage error" test $? -eq 2
