# Measured links (sourced by tests/cli/run.sh; $MF, $ROOT, $out, $err, check): a feature's σ and
# mean drive a stack contributor, its Cpk drives a gate. References computed here with numpy/scipy
# straight from the example's raw values, not from mfplan's capability output.
LK_EX="$ROOT/assets/examples/micro-gearbox.mfplan.json"
LK_PY=/usr/bin/python3
LK_REF=$(mktemp)
$LK_PY - "$LK_EX" >"$LK_REF" <<'PY'
import json, sys, math
import numpy as np
from scipy.special import gammaln
from scipy.stats import norm
plan = json.load(open(sys.argv[1]))
ds = next(d for d in plan["datasets"] if d["id"] == "d-pilot-run")
f = next(f for f in ds["features"] if f["id"] == "f-run-bore")
x = np.array(f["values"], dtype=float)
g = ds["subgroup_size"]
groups = x.reshape(-1, g)
d = sum(len(s) - 1 for s in groups)
sp = math.sqrt(sum(((s - s.mean()) ** 2).sum() for s in groups) / d)
c4 = math.sqrt(2.0 / d) * math.exp(gammaln((d + 1) / 2) - gammaln(d / 2))   # c4(d + 1)
sw = sp / c4                                       # Minitab's pooled σ_within
mean = x.mean()
cpk = min(f["usl"] - mean, mean - f["lsl"]) / (3 * sw)
n = len(x)
se = math.sqrt(1 / (9 * n) + cpk ** 2 / (2 * d))
p = norm.cdf((cpk - 1.33) / se)
k20 = 1 - 16e-6 * 6                                # the shaft is gauged at 26 °C, the stack is at 20 °C
gap_sigma = math.hypot(sw, 0.005 * k20)
gap_mean = mean - 1.005 * k20
print(json.dumps({"sw": sw, "mean": mean, "cpk": cpk, "n": n, "dof": d, "p": p, "gap_sigma": gap_sigma, "gap_mean": gap_mean}))
PY

"$MF" stack "$LK_EX" --stack s-gear-shaft-running --no-mc --json >"$out" 2>"$err"
check "links: stack with a measured contributor exits 0" test $? -eq 0
check "links: stack JSON lists the link and analyses the measured σ and mean (numpy)" $LK_PY - "$out" "$LK_REF" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); ref = json.load(open(sys.argv[2]))
assert "measured_links" in d["conventions"]
s = d["stacks"][0]
assert len(s["links"]) == 1, s["links"]
l = s["links"][0]
assert l["used"] and l["where"] == "/stacks/1/contributors/0/measured" and l["target"] == "k-bore-run", l
assert l["sigma"] == "within" and l["n"] == ref["n"]
assert abs(l["sigma_value"] - ref["sw"]) < 1e-9 * ref["sw"] * 1e3, (l["sigma_value"], ref["sw"])
assert abs(l["mean"] - ref["mean"]) < 1e-12
assert abs(l["shift"] - (ref["mean"] - 1.025)) < 1e-12
assert abs(s["statistical"]["sigma"] - ref["gap_sigma"]) < 1e-6 * ref["gap_sigma"], (s["statistical"]["sigma"], ref["gap_sigma"])
assert abs(s["statistical"]["mean"] - ref["gap_mean"]) < 1e-9
PY
"$MF" stack "$LK_EX" --stack s-gear-shaft --no-mc --json >"$out" 2>"$err"
check "links: a stack without links has an empty list" $LK_PY -c "import json,sys; sys.exit(0 if json.load(open('$out'))['stacks'][0]['links'] == [] else 1)"

"$MF" stack "$LK_EX" --stack s-gear-shaft-running --no-mc >"$out" 2>"$err"
check "links: stack text names the link and what it supplied" grep -q "link k-bore-run: σ 0.00086" "$out"

"$MF" schedule "$LK_EX" --iterations 500 --seed 2 --json >"$out" 2>"$err"
check "links: schedule with a linked gate exits 0" test $? -eq 0
check "links: the gate takes the feature's Cpk, n and ν; pass probability by Bissell (scipy)" $LK_PY - "$out" "$LK_REF" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); ref = json.load(open(sys.argv[2]))
assert "measured_links" in d["conventions"]
(l,) = d["links"]
assert l["used"] and l["target"] == "t-pilot" and l["where"].endswith("/gate/cpk/measured"), l
assert abs(l["cpk"] - ref["cpk"]) < 1e-6 * ref["cpk"], (l["cpk"], ref["cpk"])
assert l["n"] == ref["n"] and l["dof"] == ref["dof"]
assert abs(l["pass_probability"] - ref["p"]) < 1e-7, (l["pass_probability"], ref["p"])
assert abs(d["monte_carlo"]["rework_loops"]["gates"]["t-pilot"]["pass_probability"] - ref["p"]) < 1e-7
PY

# Bad links: a dangling one is a plan error naming the place; an unusable one keeps the declared figures.
LK_BAD=$(mktemp --suffix=.json)
$LK_PY - "$LK_EX" "$LK_BAD" ghost <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["stacks"][1]["contributors"][0]["measured"]["dataset"] = "d-ghost"
p["schedule"]["tasks"][2]["gate"]["cpk"]["measured"]["feature"] = "f-ghost"
json.dump(p, open(sys.argv[2], "w"))
PY
"$MF" validate "$LK_BAD" >"$out" 2>"$err"
check "links: a link to an unknown dataset fails validation (exit 1)" test $? -eq 1
check "links: the error names the link's JSON Pointer" grep -q "/stacks/1/contributors/0/measured/dataset: refers to dataset \"d-ghost\"" "$err"
check "links: an unknown feature is named too" grep -q "measured/feature: refers to feature \"f-ghost\", which is not in dataset \"d-pilot-run\"" "$err"

$LK_PY - "$LK_EX" "$LK_BAD" flat <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
ds = next(d for d in p["datasets"] if d["id"] == "d-pilot-run")
f = next(f for f in ds["features"] if f["id"] == "f-run-bore")
f["values"] = [1.025] * len(f["values"])       # σ = 0: nothing to take
json.dump(p, open(sys.argv[2], "w"))
PY
"$MF" stack "$LK_BAD" --stack s-gear-shaft-running --no-mc --json >"$out" 2>"$err"
check "links: an unusable link still analyses (exit 0) with the declared distribution" $LK_PY - "$out" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["stacks"][0]
(l,) = s["links"]
assert not l["used"] and ("σ = 0" in l["message"] or "σ is 0" in l["message"]) and l["sigma_value"] is None, l
# declared: bore Cpk 1.33 → σ 0.005/(3·1.33); shaft σ 0.005 at 26 °C scaled to 20 °C
import math
k20 = 1 - 16e-6 * 6
assert abs(s["statistical"]["sigma"] - math.hypot(0.005 / (3 * 1.33), 0.005 * k20)) < 1e-12
PY
"$MF" schedule "$LK_BAD" --iterations 200 --json >"$out" 2>"$err"
check "links: an unusable gate link keeps the typed Cpk 1.5 / 60 parts" $LK_PY - "$out" <<'PY'
import json, sys, math
from scipy.stats import norm
(l,) = json.load(open(sys.argv[1]))["links"]
se = math.sqrt(1 / 540 + 1.5 ** 2 / 118)
assert not l["used"] and abs(l["pass_probability"] - norm.cdf((1.5 - 1.33) / se)) < 1e-9, l
PY
rm -f "$LK_REF" "$LK_BAD"
