# mfplan report: one self-contained HTML page; its SVG parsed as XML by Python's xml.etree; its
# figures those of `mfplan decide|schedule|stack --json` run with their defaults; a hostile plan.
REP_EX="$ROOT/assets/examples/micro-gearbox.mfplan.json"
REP_PY=/usr/bin/python3
rep_html=$(mktemp); rep_json=$(mktemp); rep_bad=$(mktemp --suffix=.json)

"$MF" report "$REP_EX" --date 2026-12-06 >"$rep_html" 2>"$err"
check "report exits 0" test $? -eq 0
check "report: sections in order, every SVG well-formed XML, no script, under 1 MB" "$REP_PY" -c "
import re, sys, xml.etree.ElementTree as ET
h = open('$rep_html', encoding='utf-8').read()
ids = re.findall(r'<section id=\"([a-z]+)\">', h)
ok = ids == ['decision', 'roads', 'cost', 'timeline', 'stacks', 'capability', 'warnings', 'conventions']
svgs = re.findall(r'<svg.*?</svg>', h, re.S)
ok &= len(svgs) >= 7
for s in svgs:
    root = ET.fromstring(s)
    ok &= root.tag == '{http://www.w3.org/2000/svg}svg'
ok &= '<script' not in h.lower() and 'written 2026-12-06' in h
ok &= len(h.encode('utf-8')) < 1000000
sys.exit(0 if ok else 1)"
"$MF" report "$REP_EX" --date 2026-12-06 >"$err.2" 2>/dev/null
check "report: same plan and date, same bytes" cmp -s "$rep_html" "$err.2"

# The figures: the CLI's own JSON (default seeds and sample counts) printed in the page.
"$MF" schedule "$REP_EX" --json >"$rep_json" 2>/dev/null
check "report: P80 date and deadline odds equal mfplan schedule --json" "$REP_PY" -c "
import json, sys
h = open('$rep_html', encoding='utf-8').read(); m = json.load(open('$rep_json'))['monte_carlo']
ok = m['iterations'] == 10000 and '<td>%s</td>' % m['p80'] in h and '<td>%s</td>' % m['p50'] in h
ok &= 'Probability of meeting the deadline: %.1f %%' % (100 * m['probability_meet_deadline']) in h
sys.exit(0 if ok else 1)"
# Every results table, as `mfplan table` writes it with the same runs, is in the page row for row.
rep_tables=$(mktemp -d)
"$MF" table "$REP_EX" --name matrix --tsv >"$rep_tables/matrix.tsv" 2>/dev/null
"$MF" table "$REP_EX" --name cost --tsv >"$rep_tables/cost.tsv" 2>/dev/null
"$MF" table "$REP_EX" --name cpm --iterations 10000 --tsv >"$rep_tables/cpm.tsv" 2>/dev/null
for id in $("$REP_PY" -c "import json; print(' '.join(s['id'] for s in json.load(open('$REP_EX'))['stacks']))"); do
  "$MF" table "$REP_EX" --name stack-results --stack "$id" --tsv >"$rep_tables/stack-$id.tsv" 2>/dev/null
done
for id in $("$REP_PY" -c "import json; print(' '.join(s['id'] for s in json.load(open('$REP_EX'))['datasets']))"); do
  "$MF" table "$REP_EX" --name capability --dataset "$id" --tsv >"$rep_tables/cap-$id.tsv" 2>/dev/null
done
check "report: every mfplan table (matrix, cost, cpm, stack results, capability) is in the page, row for row" "$REP_PY" -c "
import csv, glob, html, re, sys
page = open('$rep_html', encoding='utf-8').read()
rows = set()
for table in re.findall(r'<table.*?</table>', page, re.S):
    cells = [tuple(html.unescape(c) for c in re.findall(r'<t[dh][^>]*>(.*?)</t[dh]>', tr, re.S))
             for tr in re.findall(r'<tr>(.*?)</tr>', table, re.S)]
    rows.update(cells)
    if cells and all(len(r) == len(cells[0]) for r in cells):
        rows.update(zip(*cells))  # a wide table is printed turned: its columns are the app's rows
ok = True; n = 0
for f in sorted(glob.glob('$rep_tables/*.tsv')):
    for row in list(csv.reader(open(f, encoding='utf-8'), delimiter='\t'))[1:]:
        n += 1
        if tuple(row) not in rows: print('missing from the report:', f, row); ok = False
sys.exit(0 if ok and n >= 10 else 1)"
rm -rf "$rep_tables"
"$MF" stack "$REP_EX" --json >"$rep_json" 2>/dev/null
check "report: stack verdicts and runs as mfplan stack --json" "$REP_PY" -c "
import json, sys
h = open('$rep_html', encoding='utf-8').read(); d = json.load(open('$rep_json'))
ok = len(d['stacks']) > 0
for s in d['stacks']:
    ok &= s['monte_carlo']['samples'] == 1000000 and s['monte_carlo']['seed'] == 1
    ok &= ('Verdict: ' + s['verdict']['verdict']) in h
sys.exit(0 if ok else 1)"

# A plan whose every name is markup: the page shows it as text and runs nothing.
"$REP_PY" -c "
import json
d = json.load(open('$REP_EX'))
bad = ['<script>alert(1)</script>', '\"><img src=x onerror=alert(1)>']
i = 0
def walk(x):
    global i
    if isinstance(x, dict):
        for k in list(x):
            if k in ('name', 'notes', 'decider') and isinstance(x[k], str):
                x[k] = bad[i % 2]; i += 1
            else:
                walk(x[k])
    elif isinstance(x, list):
        for v in x: walk(v)
walk(d)
json.dump(d, open('$rep_bad', 'w'))"
"$MF" report "$rep_bad" --date 2026-12-06 >"$rep_html" 2>"$err"
check "report: a hostile plan still reports (exit 0)" test $? -eq 0
check "report: a hostile plan's names are text, no <script, <img or onerror=" "$REP_PY" -c "
import re, sys, xml.etree.ElementTree as ET
h = open('$rep_html', encoding='utf-8').read(); l = h.lower()
ok = '<script' not in l and '<img' not in l and 'onerror=' not in l
ok &= '&lt;script&gt;alert(1)&lt;/script&gt;' in h
for s in re.findall(r'<svg.*?</svg>', h, re.S): ET.fromstring(s)
sys.exit(0 if ok else 1)"

"$MF" report "$REP_EX" --date 2026-13-01 >"$rep_html" 2>"$err"
check "report: a bad --date exits 2 and says why" test $? -eq 2 -a -n "$(grep -- '--date must be a date' "$err")"
"$MF" report "$ROOT/tests/data/malformed/dangling-partner.json" >"$rep_html" 2>"$err"
check "report: a plan that does not load exits 1 with its errors" test $? -eq 1 -a -s "$err"
rm -f "$rep_html" "$rep_json" "$rep_bad"
