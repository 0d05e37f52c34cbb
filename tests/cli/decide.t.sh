# mfplan decide: partner decision matrix (sourced by tests/cli/run.sh; $MF, $ROOT, $out, $err, check).
DEC_EX="$ROOT/assets/examples/micro-gearbox.mfplan.json"
DEC_PY=/usr/bin/python3
DEC_TMP=$(mktemp -d)

"$MF" --help >"$out" 2>&1
check "decide: listed in --help" grep -q "decide FILE" "$out"

"$MF" decide "$DEC_EX" --json --samples 3000 --seed 5 >"$out" 2>"$err"
check "decide --json exits 0" test $? -eq 0
check "decide --json: methods, weights, flips, costs, crossovers, split, warnings, conventions" $DEC_PY - "$out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
c = d["conventions"]
for k in ("ranks", "weights", "weighted_sum", "topsis", "ahp", "random_index_table", "flip_weights", "rank_first",
          "volumes", "cost", "crossovers", "split", "money"):
    assert k in c, k
assert d["errors"] == []
ids = [p["id"] for p in d["matrix"]["partners"]]
assert ids == ["inhouse", "boutique", "cm"], ids
ws = {r["partner"]: r for r in d["weighted_sum"]["partners"]}
tp = {r["partner"]: r for r in d["topsis"]["partners"]}
assert sorted(r["rank"] for r in ws.values()) == [1, 2, 3]
assert d["weighted_sum"]["top"] == "cm" and d["topsis"]["top"] == "cm"
assert all(0 <= r["closeness"] <= 1 for r in tp.values())
# weighted-sum scores recomputed from the printed weights and the criteria normalisation
assert abs(sum(w["weight"] for w in d["weights"]["criteria"]) - 1) < 1e-12
assert d["weights"]["method"] == "direct" and "ahp" not in d["weights"]
assert len(d["flip_weights"]["criteria"]) == 8
for f in d["flip_weights"]["criteria"]:
    for side in ("up", "down"):
        assert f[side] == "never in [0, 1]" or 0 < f[side]["weight"] < 1
rf = d["rank_first"]
assert rf["samples"] == 3000 and rf["seed"] == 5 and rf["ranged_cells"] == 15
assert abs(sum(p["p_first"] for p in rf["partners"]) - 1) < 1e-12
assert d["cost"]["volumes"] == [100, 10000, 100000, 100000]
cm = [p for p in d["cost"]["partners"] if p["partner"] == "cm"][0]
# hand calculation in tests/core/test_decision_plan.cpp: 92 047.368 / 100 000
assert abs(cm["at"][2]["cost_per_good_part"] - 0.920473684210526) < 1e-12, cm["at"][2]
assert abs(cm["at"][0]["components"]["lot_fees"] - 5700) < 1e-9
kinds = {x["kind"] for x in d["crossovers"]["list"]}
assert kinds == {"continuous", "jump"}, kinds
assert all("cause" in x for x in d["crossovers"]["list"] if x["kind"] == "jump")
bands = d["cheapest"]
assert bands[0]["from"] == 1 and bands[-1]["cheapest"] == ["cm"]
assert all(abs(a["to"] - b["from"]) < 1e-9 for a, b in zip(bands, bands[1:]))
s = d["split"]
assert s["from"] == "boutique" and s["to"] == "cm" and s["transfer_cost"] == [10000, 15000] and s["delay_weeks"] == [4, 8]
assert s["total_at_best"]["low"] <= s["total_at_best"]["mid"] <= s["total_at_best"]["high"]
codes = {w["code"] for w in d["warnings"]}
for k in ("cm-before-design-freeze", "tolerance-without-spc", "cherry-picked-capacity", "capacity-below-demand",
          "mating-tolerance-mismatch", "ip-sensitive-outsourced"):
    assert k in codes, k
assert all(w["inputs"] and w["message"] for w in d["warnings"])
assert len(d["processes"]) == 8 and d["litho_vs_direct_write"]["cheaper_at_volume"] == "photolithography"
PY

"$MF" decide "$DEC_EX" --json --samples 3000 --seed 5 >"$err.2" 2>/dev/null
check "decide --json: same seed, same bytes" cmp -s "$out" "$err.2"

# AHP weighting: Saaty's house matrix is 8×8 like our criteria; put it in as judgements.
$DEC_PY - "$DEC_EX" "$DEC_TMP/ahp.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
A = [[1, 5, 3, 7, 6, 6, 1/3, 1/4], [1/5, 1, 1/3, 5, 3, 3, 1/5, 1/7], [1/3, 3, 1, 6, 3, 4, 6, 1/5],
     [1/7, 1/5, 1/6, 1, 1/3, 1/4, 1/7, 1/8], [1/6, 1/3, 1/3, 3, 1, 1/2, 1/5, 1/6], [1/6, 1/3, 1/4, 4, 2, 1, 1/5, 1/6],
     [3, 5, 1/6, 7, 5, 5, 1, 1/2], [4, 7, 5, 8, 6, 6, 2, 1]]
ids = [c["id"] for c in d["decision"]["criteria"]]
d["decision"]["weighting"] = "ahp"
d["decision"]["pairwise"] = [{"a": ids[i], "b": ids[j], "ratio": A[i][j]} for i in range(8) for j in range(i + 1, 8)]
json.dump(d, open(sys.argv[2], "w"))
PY
"$MF" decide "$DEC_TMP/ahp.json" --json --samples 500 >"$out" 2>"$err"
check "decide --json with AHP exits 0" test $? -eq 0
check "decide --json: AHP weights, lambda_max, CI, CR as Saaty published (9.669, 0.238, 0.169)" $DEC_PY - "$out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
h = d["weights"]["ahp"]
assert round(h["lambda_max"], 3) == 9.669 and round(h["ci"], 3) == 0.238 and round(h["cr"], 3) == 0.169, h
assert h["ri"] == 1.41 and not h["consistent"] and "Saaty (1980)" in h["random_index_table"]
w = [x["weight"] for x in d["weights"]["criteria"]]
assert [round(x, 3) for x in w] == [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], w
assert any(x["code"] == "ahp-inconsistent" for x in d["warnings"])
PY

$DEC_PY - "$DEC_EX" "$DEC_TMP/yield0.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["decision"]["partners"][1]["cost"]["first_pass_yield"] = 0
json.dump(d, open(sys.argv[2], "w"))
PY
"$MF" decide "$DEC_TMP/yield0.json" --json >"$out" 2>"$err"
check "decide: yield 0 exits 1" test $? -eq 1
check "decide: yield 0 message names the field" grep -q "/decision/partners/1/cost/first_pass_yield: first-pass yield must be above 0" "$err"

$DEC_PY - "$DEC_EX" "$DEC_TMP/noscore.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["decision"]["scores"] = d["decision"]["scores"][1:]
json.dump(d, open(sys.argv[2], "w"))
PY
"$MF" decide "$DEC_TMP/noscore.json" --json >"$out" 2>"$err"
check "decide: a missing score exits 1" test $? -eq 1
check "decide: the missing score is named" grep -q 'partner "In-house micro-fab line", criterion "Tolerance capability & process qualification": no score entered' "$err"
check "decide: costs still reported without a ranking" $DEC_PY -c "
import json, sys
d = json.load(open('$out'))
sys.exit(0 if d['errors'] and 'weighted_sum' not in d and len(d['cost']['partners']) == 3 else 1)"

"$MF" decide "$DEC_EX" --samples 500 >"$out" 2>"$err"
check "decide: text summary" grep -q "crossover boutique/cm" "$out"
"$MF" decide "$DEC_EX" --samples 0 >"$out" 2>"$err"
check "decide: --samples 0 is a usage error (exit 2)" test $? -eq 2
"$MF" decide >"$out" 2>"$err"
check "decide: no file is a usage error (exit 2)" test $? -eq 2

"$MF" decide "$ROOT/assets/examples/sourcing-decision.mfplan.json" --json --samples 2000 >"$out" 2>"$err"
check "decide: the AHP example runs (exit 0)" test $? -eq 0
check "decide: AHP example is consistent, the decider's choice is used, its warnings fire" $DEC_PY - "$out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
h = d["weights"]["ahp"]
assert h["consistent"] and h["cr"] < 0.1 and abs(sum(w["weight"] for w in d["weights"]["criteria"]) - 1) < 1e-12
assert d["chosen"] == {"partner": "boutique", "by": "decider (/decision/chosen)"}
assert d["topsis"]["normalisation"] == "min-max"
codes = [w["code"] for w in d["warnings"]]
for k in ("material-process-failure", "cte-mismatch", "partner-failed-material", "photolithography-low-yield",
          "first-pass-yield-below-95", "no-transfer-docs"):
    assert k in codes, k
f = [w for w in d["warnings"] if w["code"] == "cte-mismatch"][0]
assert f["inputs"] == ["/decision/part/bonded/0"]
lasers = [p for p in d["processes"] if p["key"].startswith("laser")]
assert all(not p["passes"] and any("microcracks" in r for r in p["reasons"]) for p in lasers)
PY

rm -rf "$DEC_TMP"
