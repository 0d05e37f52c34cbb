# mfplan capability / yield (sourced by tests/cli/run.sh; $MF, $ROOT, $out, $err, check).
# Reference numbers: tests/core/test_capability_pistonrings.cpp (numpy/scipy, qcc, Montgomery).
CAP_PY=/usr/bin/python3
CAP_RINGS="$ROOT/tests/data/capability/pistonrings.csv"
CAP_EX="$ROOT/assets/examples/micro-gearbox.mfplan.json"
CAP_TMP=$(mktemp -d)

"$MF" --help >"$out" 2>&1
check "capability: listed in --help" grep -q "capability FILE.csv" "$out"
check "yield: listed in --help" grep -q "yield FILE.csv" "$out"

"$MF" capability "$CAP_RINGS" --feature diameter --lsl 73.95 --usl 74.05 --target 74 --json >"$out" 2>"$err"
check "capability CSV --json exits 0" test $? -eq 0
check "capability: piston rings, Minitab defaults (pooled σ), X̄–R chart, A–D, verdict" $CAP_PY - "$out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
close = lambda a, b, rel=1e-7: abs(a - b) <= rel * abs(b)
assert d["n"] == 125 and d["subgroups"] == 25 and d["subgroup_size"] == 5
assert close(d["sigma_within"], 0.00988754721) and close(d["sigma_overall"], 0.01006996813)
assert close(d["cp"], 1.685621956) and close(d["cpk"], 1.645976127)
assert close(d["pp"], 1.655086338) and close(d["ppk"], 1.616158707) and close(d["cpm"], 1.643825069)
assert close(d["cpk_ci95"]["lower"], 1.410494175) and close(d["cpk_ci95"]["upper"], 1.88145808)
assert close(d["ppm_expected_within"], 0.5082503227, 1e-6) and close(d["ppm_expected_overall"], 0.8087670215, 1e-6)
assert d["ppm_observed"] == 0
c = d["chart"]
assert c["type"] == "xbar-r" and close(c["center"], 74.001176)
assert close(c["ucl"], 74.01430441) and close(c["lcl"], 73.98804759)
assert d["violations"] == [] and d["dispersion_violations"] == []
assert close(d["ad"]["stat"], 0.1910193833) and close(d["ad"]["p"], 0.8958342621)
assert d["verdict"] == "capable" and d["errors"] == []
for k in ("sigma_within", "sigma_overall", "width", "cpm", "cpk_interval", "gate", "ppm_expected", "rules",
          "normality", "constants", "indices"):
    assert k in d["conventions"], k
PY

"$MF" capability "$CAP_RINGS" --lsl 73.95 --usl 74.05 --sigma rbar --json >"$out" 2>"$err"
check "capability --sigma rbar: σ = R̄/d2 = 0.009785337 (qcc)" $CAP_PY -c "import json,sys; d=json.load(open('$out')); sys.exit(0 if abs(d['sigma_within']-0.009785337386)<1e-12 and d['sigma_within_method']=='Rbar/d2' else 1)"

# The same data without the subgroup column: --subgroup 5 forms the same subgroups.
cut -d, -f2 "$CAP_RINGS" >"$CAP_TMP/diam.csv"
"$MF" capability "$CAP_TMP/diam.csv" --lsl 73.95 --usl 74.05 --subgroup 5 --json >"$out" 2>"$err"
check "capability --subgroup 5 equals the subgroup column" $CAP_PY -c "import json,sys; d=json.load(open('$out')); sys.exit(0 if abs(d['cpk']-1.645976127)<1e-8 and d['subgroups']==25 else 1)"
"$MF" capability "$CAP_TMP/diam.csv" --lsl 73.95 --usl 74.05 --json >"$out" 2>"$err"
check "capability without subgroups: I–MR chart" $CAP_PY -c "import json,sys; d=json.load(open('$out')); sys.exit(0 if d['chart']['type']=='i-mr' and d['sigma_within_method']=='MRbar/d2(2)' else 1)"

# Bad input: reversed limits, no limits, text in a number column, ragged rows, usage errors.
"$MF" capability "$CAP_RINGS" --lsl 74.05 --usl 73.95 --json >"$out" 2>"$err"
check "capability: LSL >= USL exits 1" test $? -eq 1
check "capability: LSL >= USL is named" grep -q "LSL must be below USL" "$err"
"$MF" capability "$CAP_RINGS" --json >"$out" 2>"$err"
check "capability: no limits exits 1 with a message" grep -q "no specification limits" "$err"
printf 'part,bore\n1,1.025\n2,1.02x\n3,1.026\n' >"$CAP_TMP/text.csv"
"$MF" capability "$CAP_TMP/text.csv" --lsl 1.02 --usl 1.03 >"$out" 2>"$err"
check "capability: text in a number column exits 1" test $? -eq 1
check "capability: ... naming row 3, column B" grep -q 'row 3, column B ("bore"): "1.02x" is not a number' "$err"
printf 'a,b\n1,2\n3\n' >"$CAP_TMP/ragged.csv"
"$MF" capability "$CAP_TMP/ragged.csv" --lsl 0 --usl 5 >"$out" 2>"$err"
check "capability: ragged row is named" grep -q "row 3: has 1 cells, the header has 2" "$err"
printf 'x\n1.5\n' >"$CAP_TMP/one.csv"
"$MF" capability "$CAP_TMP/one.csv" --lsl 0 --usl 5 >"$out" 2>"$err"
check "capability: one value is refused" grep -q "only one value" "$err"
"$MF" capability "$CAP_RINGS" --lsl 73.95 --usl 74.05 --sigma median >"$out" 2>"$err"
check "capability: unknown --sigma exits 2" test $? -eq 2
"$MF" capability "$CAP_RINGS" --feature height --lsl 0 --usl 1 >"$out" 2>"$err"
check "capability: unknown feature is named" grep -q 'column "height": no such column' "$err"

# The example plan: every dataset and feature, the pilot run's verdicts.
"$MF" capability "$CAP_EX" --json >"$out" 2>"$err"
check "capability PLAN.json --json exits 0" test $? -eq 0
check "capability PLAN.json: pilot run verdicts (bore capable; OD 1.38 but bound < 1.33; hub not normal)" $CAP_PY - "$out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
run = [x for x in d["datasets"] if x["id"] == "d-pilot-run"][0]
f = {x["id"]: x for x in run["features"]}
assert f["f-run-bore"]["verdict"] == "capable"
od = f["f-run-od"]
assert od["verdict"] == "not capable" and od["cpk"] >= 1.33 and od["cpk_lower_bound"] < 1.33
assert od["drift"]["significant"] and od["drift"]["slope_per_100_parts"] > 0
hub = f["f-run-hub"]
assert not hub["normal"] and "percentile" in hub and "lognormal" in hub and hub["cp"] is None
assert "conventions" in run
PY

# Yield.
"$MF" yield "$ROOT/assets/examples/pilot-yield.csv" --json >"$out" 2>"$err"
check "yield --json exits 0" test $? -eq 0
check "yield: FPY per step with Wilson interval, RTY and the rolled verdict" $CAP_PY - "$out" <<'PY'
import json, sys, math
d = json.load(open(sys.argv[1]))
s = {x["name"]: x for x in d["steps"]}
m = s["micro-moulding"]
assert m["passed"] == 489 and m["failed"] == 11 and abs(m["fpy"] - 489 / 500) < 1e-12
# Wilson 95 %: independent re-computation
z = 1.959963984540054; n = 500; p = 489 / n
c = (p + z * z / (2 * n)) / (1 + z * z / n); h = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
assert abs(m["ci95"]["lower"] - (c - h)) < 1e-12 and abs(m["ci95"]["upper"] - (c + h)) < 1e-12
assert len(m["lots"]) == 2
rty = (489 / 500) * (492 / 495) * (478 / 492) * (470 / 473)
assert abs(d["rty"] - rty) < 1e-12 and d["rty_ci95"]["lower"] < rty < d["rty_ci95"]["upper"]
assert d["applies_to"] == "rolled" and d["verdict"] == "below target"
assert "fpy_interval" in d["conventions"]
PY
"$MF" yield "$ROOT/assets/examples/pilot-yield.csv" --per-step --json >"$out" 2>"$err"
check "yield --per-step: every step >= 95 % meets the target" $CAP_PY -c "import json,sys; d=json.load(open('$out')); sys.exit(0 if d['verdict']=='meets target' else 1)"
"$MF" yield "$CAP_EX" --json >"$out" 2>"$err"
check "yield PLAN.json reads the dataset's records" $CAP_PY -c "import json,sys; d=json.load(open('$out')); sys.exit(0 if len(d['steps'])==4 else 1)"
printf 'step,passed,failed\nmould,10,x\n' >"$CAP_TMP/y.csv"
"$MF" yield "$CAP_TMP/y.csv" >"$out" 2>"$err"
check "yield: a bad count is named" grep -q 'row 2, column C ("failed")' "$err"

rm -rf "$CAP_TMP"
