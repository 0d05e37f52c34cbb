# mfplan on extreme-but-legal inputs (sourced by tests/cli/run.sh; $MF, $ROOT, $out, $err, check):
# each finishes (a timeout fails the check instead of hanging the suite), refuses with the
# reason or answers, prints no NaN or infinity, and every --json output parses.
# docs/plan-format.md, "Limits"; the same cases in code: tests/core/test_hostile_inputs.cpp.
H=$(mktemp -d)
py=/usr/bin/python3
$py - "$H" <<'PY'
import json, sys
d = sys.argv[1]
base = {"format": "microfab-plan", "version": 1, "project": {"name": "hostile", "units": "mm", "start_date": "2027-01-04"}}
def plan(**kw):
    p = dict(base); p.update(kw); return p
def task(i, **kw):
    t = {"id": i, "name": i, "optimistic": 1, "most_likely": 2, "pessimistic": 3}; t.update(kw); return t
def partner(i, kind, cost):
    return {"id": i, "name": i, "kind": kind, "cost": cost}
def cost(lot):
    return {"setup_per_lot": 500, "lot_size": lot, "price_breaks": [{"quantity": 1, "unit_price": 10}]}
def contributor(i, **kw):
    c = {"id": i, "name": i, "nominal": 1, "tol_plus": 0.01, "tol_minus": 0.01, "sensitivity": 1}; c.update(kw); return c
json.dump(plan(schedule={"tasks": [task("a"), task("b", predecessors=["a"] * 2000)]}), open(d + "/preds.json", "w"))
json.dump(plan(decision={"partners": [partner("p", "boutique", cost(1e-16))], "criteria": []}), open(d + "/lot.json", "w"))
json.dump(plan(decision={"planned_volume": 1e12,
                         "criteria": [{"id": "c", "name": "cost", "source": "cost-per-good-part", "benefit": False}],
                         "partners": [partner("p", "boutique", cost(1)), partner("q", "full-service-cm", cost(7))]}),
          open(d + "/volume.json", "w"))
json.dump(plan(stacks=[{"id": "s", "name": "s", "lower_limit": 0, "upper_limit": 2,
                        "contributors": [contributor("k", distribution={"type": "normal", "cpk": 5e-324})]}]),
          open(d + "/cpk.json", "w"))
json.dump(plan(stacks=[{"id": "s", "name": "s", "lower_limit": 0, "upper_limit": 20000,
                        "contributors": [contributor("k%d" % i) for i in range(10000)]}]), open(d + "/many.json", "w"))
open(d + "/latin1.csv", "wb").write(b"bore \xd8 \xb5m,x\n1.0,2\n1.1,2\n1.2,3\n1.0,2\n1.05,2\n")
PY
nonfinite() { ! grep -qiE '(^|[^A-Za-z0-9_."-])[-+]?(nan|inf)([^A-Za-z0-9_"-]|$)' "$@"; }

timeout 60 "$MF" validate "$H/preds.json" >"$out" 2>"$err"
check "hostile: a predecessor listed 2000 times: exit 1" test $? -eq 1
check "hostile: ... 100 problems and one \"and N more\"" test "$(wc -l <"$err")" -eq 101
check "hostile: ... the last line says how many more" grep -q "and 1899 more problems (only the first 100 are listed)" "$err"

timeout 60 "$MF" decide "$H/lot.json" --json >"$out" 2>"$err"
check "hostile: lot size 1e-16 refused at load (exit 1)" test $? -eq 1
check "hostile: ... naming the field" grep -q "/decision/partners/0/cost/lot_size: the lot size must be 0 (one for the whole programme) or at least 1 part (found 1e-16)" "$err"

timeout 60 "$MF" decide "$H/volume.json" --samples 100 --json >"$out" 2>"$err"
check "hostile: 10^12 parts in lots of 1: decide finishes (exit 0)" test $? -eq 0
check "hostile: ... JSON parses, crossovers marked truncated" $py -c "import json,sys; d=json.load(open('$out')); sys.exit(0 if d['crossovers']['truncated'] else 1)"
check "hostile: ... no NaN or infinity" nonfinite "$out" "$err"

timeout 60 "$MF" stack "$H/cpk.json" >"$out" 2>"$err"
check "hostile: Cpk 5e-324 refused (exit 1)" test $? -eq 1
check "hostile: ... with the reason at the field" grep -q "/stacks/0/contributors/0/distribution/cpk: Cpk of \"k\" must be at least 1e-06" "$err"
check "hostile: ... no NaN or infinity" nonfinite "$out" "$err"

timeout 60 "$MF" stack "$H/many.json" >"$out" 2>"$err"
check "hostile: 10^4 contributors: the analytic figures (exit 0)" test $? -eq 0
check "hostile: ... the Monte Carlo refused with the limit named" grep -q "Monte Carlo not run: samples: too many Monte Carlo draws: samples × contributors = 1000000 × 10000 must stay below 500 000 000" "$err"
timeout 60 "$MF" stack "$H/many.json" --samples 1000 --json >"$out" 2>"$err"
check "hostile: ... with 1000 samples it runs and the JSON parses" $py -c "import json; d=json.load(open('$out')); assert d['stacks'][0]['monte_carlo']['samples'] == 1000"
check "hostile: ... no NaN or infinity" nonfinite "$out"

timeout 60 "$MF" capability "$H/latin1.csv" --json >"$out" 2>"$err"
check "hostile: a table header that is not UTF-8: capability --json exits normally" test $? -lt 2
check "hostile: ... and its JSON parses" $py -c "import json; json.load(open('$out'))"
rm -rf "$H"
