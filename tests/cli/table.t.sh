# mfplan table: results tables as CSV and tab-separated text (sourced by tests/cli/run.sh; $MF, $ROOT,
# $out, $err, check). Python's csv module reads every CSV back: its cells equal the TSV's, and the
# numbers equal the --json figures of the single-tool command, rounded as the table rounds them.
TAB_PY=/usr/bin/python3
TAB_EX="$ROOT/assets/examples/micro-gearbox.mfplan.json"
TAB_TMP=$(mktemp -d)

"$MF" --help >"$out" 2>&1
check "table: listed in --help" grep -q "table FILE --name" "$out"
"$MF" table "$TAB_EX" >"$out" 2>"$err"
check "table: no --name is a usage error (exit 2)" test $? -eq 2
"$MF" table "$TAB_EX" --name roads >"$out" 2>"$err"
check "table: an unknown table is a usage error (exit 2)" test $? -eq 2
"$MF" table "$TAB_EX" --name stack-results --stack nope >"$out" 2>"$err"
check "table: an unknown stack exits 1 and names the stacks" test $? -eq 1 -a -n "$(grep s-gear-shaft "$err")"
"$MF" table "$TAB_EX" --name capability >"$out" 2>"$err"
check "table: two datasets and no --dataset exits 1" test $? -eq 1

check "table: every table reads back through Python's csv and matches the --json figures" \
  $TAB_PY - "$MF" "$TAB_EX" "$TAB_TMP" <<'PY'
import csv, io, json, math, subprocess, sys
mf, ex, tmp = sys.argv[1:4]

def run(*args):
    r = subprocess.run([mf, *args], capture_output=True)
    assert r.returncode == 0, (args, r.stderr.decode())
    return r.stdout

def table(name, *extra):
    raw = run("table", ex, "--name", name, *extra)
    assert raw.startswith(b"\xef\xbb\xbf"), name           # the BOM first
    assert raw.endswith(b"\r\n") and b"\r\n" in raw, name  # CRLF row ends
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    tsv = run("table", ex, "--name", name, "--tsv", *extra).decode("utf-8")
    assert not tsv.startswith("\ufeff")
    back = list(csv.reader(io.StringIO(tsv, newline=""), delimiter="\t"))
    assert back == rows, (name, back[:2], rows[:2])         # clipboard and file: the same cells
    assert all(len(r) == len(rows[0]) for r in rows), name
    return rows[0], rows[1:]

def col(header, name):
    return header.index(name)

def money(v):  # format_money without the digit-group spaces
    if abs(v) >= 1e9: return "%.3g" % v
    if abs(v) >= 1000: return "%.0f" % round(v)
    return "%.4g" % v

def days(v):
    return "%.0f" % v if abs(v - round(v)) < 1e-9 else "%.1f" % v

def pct(p):
    if p <= 0: return "0"
    if p >= 1: return "100"
    if p < 0.001: return "< 0.1"
    if p > 0.999: return "> 99.9"
    return "%.1f" % (100 * p)

dec = json.loads(run("decide", ex, "--json", "--samples", "3000", "--seed", "4"))
ids = [p["id"] for p in dec["matrix"]["partners"]]
names = {p["id"]: p["name"] for p in dec["matrix"]["partners"]}

# Decision matrix
h, rows = table("matrix", "--samples", "3000", "--seed", "4")
assert h[0] == "Partner" and h[-5:] == ["Weighted sum", "Weighted-sum rank", "TOPSIS closeness (vector)", "TOPSIS rank", "P(first) (%)"], h
ws = {r["partner"]: r for r in dec["weighted_sum"]["partners"]}
tp = {r["partner"]: r for r in dec["topsis"]["partners"]}
pf = {r["partner"]: r for r in dec["rank_first"]["partners"]}
assert [r[0] for r in rows] == [names[i] for i in ids]
for r, i in zip(rows, ids):
    assert r[col(h, "Weighted sum")] == "%.3f" % ws[i]["score"], (r, ws[i])
    assert r[col(h, "Weighted-sum rank")] == str(ws[i]["rank"])
    assert r[col(h, "TOPSIS closeness (vector)")] == "%.3f" % tp[i]["closeness"]
    assert r[col(h, "P(first) (%)")] == pct(pf[i]["p_first"]), (r, pf[i])

# Cost per good part: 100, 10 000, 100 000 (= the planned volume, marked)
h, rows = table("cost")
assert h == ["Partner", "Cost at 100 (per good part)", "Cost at 10 000 (per good part)",
             "Cost at 100 000, planned (per good part)"], h
cost = {p["partner"]: p for p in dec["cost"]["partners"]}
assert len(rows) == len(cost)
for r in rows:
    pid = [i for i in ids if names[i] == r[0]][0]
    for k in range(3):
        assert r[k + 1] == money(cost[pid]["at"][k]["cost_per_good_part"]), (r, k)
assert rows[2][3] == "0.9205"  # the CM at 100 000, by hand in tests/core/test_decision_plan.cpp

# Crossovers: whole parts at or past each crossing, the exact volume to 6 digits
h, rows = table("crossovers")
xs = dec["crossovers"]["list"]
assert len(rows) == len(xs) > 0
for r, x in zip(rows, xs):
    v = x["volume"]
    assert r[0] == str(math.ceil(v - 1e-9 * max(1.0, v))), (r, x)
    assert r[1] == "%.6g" % v
    assert r[2] == names[x["a"]] + " / " + names[x["b"]]
    assert r[4] == names[x["cheaper_above"]]

# CPM table
sch = json.loads(run("schedule", ex, "--json", "--iterations", "100"))
h, rows = table("cpm")
tasks = {t["name"]: t for t in sch["cpm"]["tasks"]}
assert len(rows) == len(tasks)
for r in rows:
    t = tasks[r[col(h, "Task")]]
    assert r[col(h, "Early start")] == t["es_date"] and r[col(h, "Late finish")] == t["lf_date"]
    assert r[col(h, "Total float (working days)")] == days(t["total_float"]), (r, t)
    assert r[col(h, "Free float (working days)")] == days(t["free_float"])
    assert r[col(h, "Duration (working days)")] == days(t["duration"])
    assert r[col(h, "Critical")] == ("yes" if t["critical"] else "no")

# Stack results (the plan's display unit is µm)
st = json.loads(run("stack", ex, "--json", "--stack", "s-gear-shaft", "--samples", "20000", "--seed", "3"))["stacks"][0]
h, rows = table("stack-results", "--stack", "s-gear-shaft", "--samples", "20000", "--seed", "3")
assert h == ["Figure", "Unit", "At 20 °C (measurement)", "At 37 °C (operating)"], h
fig = {r[0]: r for r in rows}
um = lambda mm: "%.4g" % (mm * 1000)
assert fig["Nominal gap"][1] == "µm" and fig["Nominal gap"][2] == um(st["nominal"])
assert fig["Worst case, min"][2] == um(st["worst_case"]["min"])
assert fig["Worst case, max"][2] == um(st["worst_case"]["max"])
assert fig["RSS (3σ), max"][2] == um(st["rss"]["max"])
assert fig["Monte Carlo mean"][2] == um(st["monte_carlo"]["mean"]), (fig["Monte Carlo mean"], st["monte_carlo"]["mean"])

# Capability indices
cap = json.loads(run("capability", ex, "--json", "--dataset", "d-pilot-run"))["datasets"][0]
h, rows = table("capability", "--dataset", "d-pilot-run")
assert h == ["Feature", "Unit", "LSL", "USL", "Target", "n", "Cp", "Cpk", "Cpk lower bound", "Ppk", "Verdict"], h
feats = {f["feature"]: f for f in cap["features"]}
assert len(rows) == len(feats)
two = lambda v: "—" if v is None else "%.2f" % v
for r in rows:
    f = feats[r[0]]
    assert r[col(h, "n")] == str(f["n"])
    assert r[col(h, "Cp")] == two(f["cp"]) and r[col(h, "Cpk")] == two(f["cpk"]), (r, f["cp"], f["cpk"])
    assert r[col(h, "Cpk lower bound")] == two(f["cpk_lower_bound"]) and r[col(h, "Ppk")] == two(f["ppk"])
PY

check "table: hostile names come out neutralised and read back exactly" \
  $TAB_PY - "$MF" "$TAB_EX" "$TAB_TMP" <<'PY'
import csv, io, json, subprocess, sys
mf, ex, tmp = sys.argv[1:4]
plan = json.load(open(ex, encoding="utf-8"))
hostile = ['=HYPERLINK("x")', "+1", "-2", "@x", 'say "hi", then', "two\r\nlines", "<script>alert(1)</script>"]
for p, n in zip(plan["decision"]["partners"], hostile):
    p["name"] = n
task_names = []
for t, n in zip(plan["schedule"]["tasks"], hostile[3:] + hostile[:3]):
    t["name"] = n
    task_names.append(n)
for f, n in zip(plan["datasets"][1]["features"], hostile):
    f["name"] = n
path = tmp + "/hostile.mfplan.json"
json.dump(plan, open(path, "w", encoding="utf-8"), ensure_ascii=False)
shown = lambda n: "'" + n if n[0] in "=+-@" else n
def read(name, *extra, tsv=False):
    r = subprocess.run([mf, "table", path, "--name", name, *extra] + (["--tsv"] if tsv else []), capture_output=True)
    assert r.returncode == 0, r.stderr.decode()
    text = r.stdout.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter="\t" if tsv else ","))
for tsv in (False, True):
    rows = read("cost", tsv=tsv)
    assert [r[0] for r in rows[1:]] == [shown(n) for n in hostile[:3]], rows
    assert all(r[1][0] not in "'=" for r in rows[1:])          # numbers are never prefixed
    rows = read("matrix", "--samples", "100", tsv=tsv)
    assert [r[0] for r in rows[1:]] == [shown(n) for n in hostile[:3]], rows
    names = [r[1] for r in read("cpm", tsv=tsv)[1:]]
    for n in task_names:
        assert shown(n) in names, (n, names)
    names = [r[0] for r in read("capability", "--dataset", plan["datasets"][1]["id"], tsv=tsv)[1:]]
    for n in hostile[:len(names)]:
        assert shown(n) in names, (n, names)
# The raw bytes: the formula is quoted with its quotes doubled and its apostrophe inside.
raw = subprocess.run([mf, "table", path, "--name", "cost"], capture_output=True).stdout
assert b'"\'=HYPERLINK(""x"")"' in raw, raw[:200]
PY

rm -rf "$TAB_TMP"
