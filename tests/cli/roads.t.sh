# Roads side by side (sourced by tests/cli/run.sh; $MF, $ROOT, $out, $err, check): every figure of
# `mfplan compare --json` equals what `mfplan schedule|stack|decide --road R --json` prints for
# that road, on every example plan, and --road refuses an unknown road with the list of roads.
RD_PY=/usr/bin/python3
for RD_EX in "$ROOT"/assets/examples/*.mfplan.json; do
  RD_NAME=$(basename "$RD_EX")
  "$MF" compare "$RD_EX" --json >"$out" 2>"$err"
  check "compare: $RD_NAME exits 0" test $? -eq 0
  RD_DIR=$(mktemp -d)
  for RD_ROAD in $($RD_PY -c "import json,sys; print(' '.join(r['road'] for r in json.load(open(sys.argv[1]))['roads']))" "$out"); do
    "$MF" schedule "$RD_EX" --road "$RD_ROAD" --json >"$RD_DIR/schedule.$RD_ROAD.json" 2>/dev/null
    "$MF" stack "$RD_EX" --road "$RD_ROAD" --no-mc --json >"$RD_DIR/stack.$RD_ROAD.json" 2>/dev/null
    "$MF" decide "$RD_EX" --road "$RD_ROAD" --json >"$RD_DIR/decide.$RD_ROAD.json" 2>/dev/null
  done
  check "compare: $RD_NAME figures equal schedule/stack/decide --road" $RD_PY - "$out" "$RD_DIR" <<'PY'
import json, os, sys
cmp = json.load(open(sys.argv[1])); d = sys.argv[2]
def load(kind, road):
    p = os.path.join(d, f"{kind}.{road}.json")
    try:
        return json.load(open(p))
    except ValueError:
        return None
bad = []
def same(what, a, b):
    if a != b: bad.append(f"{what}: compare {a!r} != single tool {b!r}")
for r in cmp["roads"]:
    road = r["road"]
    s = load("schedule", road)
    mc = s.get("monte_carlo") if s else None
    if mc:
        prod = r["production"]["task"]
        fin = mc["task_finish"]
        same(f"{road} production p50", r["production"]["p50"], fin[prod]["p50"] if prod else mc["p50"])
        same(f"{road} production p80", r["production"]["p80"], fin[prod]["p80"] if prod else mc["p80"])
        fa = r["first_article"]["task"]
        if fa:
            same(f"{road} first article p50", r["first_article"]["p50"], fin[fa]["p50"])
            same(f"{road} first article p80", r["first_article"]["p80"], fin[fa]["p80"])
        same(f"{road} P(meet deadline)", r["probability_meet_deadline"], mc["probability_meet_deadline"])
        g = r["pilot_gate"]["task"]
        if g:
            same(f"{road} pilot gate", r["pilot_gate"]["pass_probability"], mc["rework_loops"]["gates"][g]["pass_probability"])
    else:
        same(f"{road} no schedule", r["production"]["p50"], None)
    st = load("stack", road)
    for a, b in zip(r["stacks"], st["stacks"] if st else []):
        same(f"{road} stack {a['id']} id", a["id"], b["id"])
        if a["verdict"] is None: continue
        v = b["verdict"]
        same(f"{road} stack {a['id']} verdict", a["verdict"], v["verdict"])
        same(f"{road} stack {a['id']} ppm at measurement", a["ppm_at_measurement"], v["at_measurement"]["ppm"])
        same(f"{road} stack {a['id']} ppm at operating", a["ppm_at_operating"], v["at_operating"]["ppm"])
    dec = load("decide", road)
    same(f"{road} warnings", [w["code"] for w in r["warnings"]], [w["code"] for w in dec["warnings"]])
    costs = {c["partner"]: c for c in dec["cost"]["partners"]}
    if road in costs:
        same(f"{road} cost per good part", [c["value"] for c in r["cost_per_good_part"]],
             [x["cost_per_good_part"] for x in costs[road]["at"]])
    elif road != "split":
        same(f"{road} no cost model", [c["value"] for c in r["cost_per_good_part"]], [None] * len(r["cost_per_good_part"]))
    if road != "split" and r["decision"]["score"] is not None:
        ws = {p["partner"]: p for p in dec["weighted_sum"]["partners"]}
        same(f"{road} score", r["decision"]["score"], ws[road]["score"])
        same(f"{road} rank", r["decision"]["rank"], ws[road]["rank"])
if bad:
    print("\n".join(bad[:20])); sys.exit(1)
PY
  rm -rf "$RD_DIR"
done

"$MF" schedule "$ROOT/assets/examples/micro-gearbox.mfplan.json" --road ghost >"$out" 2>"$err"
check "--road: an unknown road exits 1" test $? -eq 1
check "--road: the message lists the plan's roads" grep -q 'no road "ghost" (roads: inhouse, boutique, cm, split)' "$err"
"$MF" stack --csv "$ROOT/tests/data/tolerance/gear-shaft.csv" --road cm >"$out" 2>"$err"
check "--road with --csv is a usage error" test $? -eq 2
"$MF" compare "$ROOT/assets/examples/micro-gearbox.mfplan.json" >"$out" 2>"$err"
check "compare (text): one block per road with the split" grep -q "Split: Boutique micro-machining shop" "$out"
