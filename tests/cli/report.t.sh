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
"$MF" decide "$REP_EX" --json >"$rep_json" 2>/dev/null
check "report: P(ranks first) equals mfplan decide --json" "$REP_PY" -c "
import json, sys
h = open('$rep_html', encoding='utf-8').read(); d = json.load(open('$rep_json'))
def prob(p):
    if p <= 0: return '0 %'
    if p >= 1: return '100 %'
    if p < 0.001: return '&lt; 0.1 %'
    if p > 0.999: return '&gt; 99.9 %'
    return '%.1f %%' % (100 * p)
r = d['rank_first']
ok = r['samples'] == 20000 and r['seed'] == 1
for p in r['partners']:
    ok &= '<td class=\"n\">%s</td>' % prob(p['p_first']) in h
sys.exit(0 if ok else 1)"
"$MF" stack "$REP_EX" --json >"$rep_json" 2>/dev/null
check "report: stack verdicts and Monte Carlo ppm equal mfplan stack --json" "$REP_PY" -c "
import json, sys
h = open('$rep_html', encoding='utf-8').read(); d = json.load(open('$rep_json'))
ok = len(d['stacks']) > 0
for s in d['stacks']:
    m = s['monte_carlo']
    ok &= m['samples'] == 1000000 and m['seed'] == 1
    ok &= '<td class=\"n\">%s</td></tr>' % ('%.4g' % m['ppm_total']) in h
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
