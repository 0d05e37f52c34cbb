# mfplan schedule: CPM table, Monte Carlo summary, exports read back by independent parsers
# (Python's xml.etree, csv; /usr/bin/python3 is Debian's, with the standard library only used).
SCHED_EX="$ROOT/assets/examples/micro-gearbox.mfplan.json"
SCHED_LT="$ROOT/assets/examples/launch-timeline.mfplan.json"
SCHED_PY=/usr/bin/python3

"$MF" schedule "$SCHED_EX" --json --iterations 2000 --seed 7 >"$out" 2>"$err"
check "schedule --json exits 0" test $? -eq 0
check "schedule --json: CPM table, critical path, Monte Carlo keys, conventions" "$SCHED_PY" -c "
import json, sys
d = json.load(open('$out'))
t = {r['id']: r for r in d['cpm']['tasks']}
ok = all(k in t['t-pilot'] for k in ('es','ef','ls','lf','total_float','free_float','critical','es_date','ef_date','ls_date','lf_date'))
# DFμF review 4 days from Mon 2027-01-04: Mon–Thu; first article (10 days) starts Fri 8th.
ok &= t['t-dfmf']['es_date'] == '2027-01-04' and t['t-dfmf']['ef_date'] == '2027-01-07' and t['t-dfmf']['ef'] == 4
ok &= t['t-first-article']['es_date'] == '2027-01-08' and t['t-first-article']['ef_date'] == '2027-01-21'
ok &= d['cpm']['critical_path'] == ['t-dfmf', 't-first-article', 't-pilot', 't-ramp', 'm-production']
ok &= t['m-samples']['total_float'] == 30 and not t['m-samples']['critical']
m = d['monte_carlo']
ok &= all(k in m for k in ('p10','p50','p80','p95','probability_meet_deadline','criticality','sensitivity','buffer_working_days','merge_bias_working_days','rework_loops','milestones'))
ok &= m['iterations'] == 2000 and m['seed'] == 7 and m['p50'] <= m['p80'] <= m['p95']
ok &= 0 <= m['probability_meet_deadline'] <= 1 and m['criticality']['t-pilot'] == 1.0
ok &= set(m['sensitivity']) == set(t) and m['sensitivity']['m-production'] is None
ok &= 'day_counting' in d['conventions'] and 'percentiles' in d['conventions']
sys.exit(0 if ok else 1)"
"$MF" schedule "$SCHED_EX" --json --iterations 2000 --seed 7 >"$err.2" 2>/dev/null
check "schedule --json: same seed, same bytes" cmp -s "$out" "$err.2"
"$MF" schedule "$SCHED_EX" --json --iterations 2000 --seed 8 >"$err.2" 2>/dev/null
check "schedule --json: another seed, other percentiles" "$SCHED_PY" -c "
import json, sys
a = json.load(open('$out'))['monte_carlo']; b = json.load(open('$err.2'))['monte_carlo']
sys.exit(0 if a['p80_offset'] != b['p80_offset'] else 1)"

"$MF" schedule "$SCHED_EX" >"$out" 2>"$err"
check "schedule (text) exits 0 and prints the deadline probability" grep -q "probability of meeting the deadline" "$out"

"$MF" schedule "$ROOT/tests/data/schedule/cycle.json" >"$out" 2>"$err"
check "schedule: a dependency cycle exits 1" test $? -eq 1
check "schedule: the cycle is reported with its tasks" grep -q 'dependency cycle: "b" → "c" → "a" → "b"' "$err"
"$MF" schedule "$ROOT/tests/data/schedule/bad-values.json" >"$out" 2>"$err"
check "schedule: O > M > P and a bad link type are reported at their paths" \
  sh -c "grep -q '/schedule/tasks/0: durations must satisfy optimistic <= most_likely <= pessimistic (found 5, 4, 3)' '$err' && grep -q '/schedule/tasks/1/predecessors/0/type' '$err'"
"$MF" schedule "$ROOT/tests/data/schedule/no-start.json" >"$out" 2>"$err"
check "schedule: a plan without a start date exits 1 with a message" grep -q "no start date" "$err"
"$MF" schedule "$SCHED_EX" --iterations 0 >"$out" 2>"$err"
check "schedule: --iterations 0 is a usage error (exit 2)" test $? -eq 2
"$MF" schedule "$SCHED_EX" --export pdf >"$out" 2>"$err"
check "schedule: unknown export format is a usage error (exit 2)" test $? -eq 2

# MSPDI read back by xml.etree: dates, durations, links and lags agree with the CPM table.
"$MF" schedule "$SCHED_LT" --json --iterations 200 >"$err.2" 2>/dev/null
"$MF" schedule "$SCHED_LT" --export mspdi >"$out" 2>"$err"
check "export mspdi exits 0" test $? -eq 0
check "export mspdi: read back by xml.etree, dates/durations/links match the CPM" "$SCHED_PY" -c "
import json, sys, xml.etree.ElementTree as ET
ns = {'p': 'http://schemas.microsoft.com/project'}
root = ET.parse('$out').getroot()
cpm = json.load(open('$err.2'))['cpm']
rows = cpm['tasks']
tasks = [t for t in root.find('p:Tasks', ns) if t.find('p:UID', ns).text != '0']
ok = len(tasks) == len(rows)
uid_of = {}
for t, r in zip(tasks, rows):
    uid_of[r['id']] = t.find('p:UID', ns).text
for t, r in zip(tasks, rows):
    g = lambda k: t.find('p:' + k, ns).text
    ms = g('Milestone') == '1'
    ok &= g('Start')[:10] == r['es_date'] and g('Finish')[:10] == r['ef_date']
    ok &= g('Finish')[11:] == '17:00:00' and (ms or g('Start')[11:] == '08:00:00')
    ok &= g('Duration') == 'PT%dH0M0S' % round(r['duration'] * 8)
    ok &= (g('Critical') == '1') == r['critical'] and ms == (r['kind'] == 'milestone')
    ok &= int(g('TotalSlack')) == round(r['total_float'] * 4800)
    ok &= g('OutlineLevel') == '1' and g('Summary') == '0' and g('WBS') == g('UID')   # a flat plan
links = {(uid_of[r['id']], l.find('p:PredecessorUID', ns).text): (l.find('p:Type', ns).text, l.find('p:LinkLag', ns).text, l.find('p:LagFormat', ns).text)
         for t, r in zip(tasks, rows) for l in t.findall('p:PredecessorLink', ns)}
ok &= links[(uid_of['t-fixture'], uid_of['t-pilot'])] == ('3', '24000', '7')            # SS + 5 days
ok &= links[(uid_of['t-scale-first-article'], uid_of['t-fixture'])] == ('1', '-14400', '7')  # FS - 3 days
ok &= links[(uid_of['t-ramp'], uid_of['t-pilot'])] == ('1', '0', '7')
ok &= root.find('p:FinishDate', ns).text[:10] == cpm['finish_date']
hol = [w.find('p:TimePeriod/p:FromDate', ns).text[:10] for w in root.find('p:Calendars/p:Calendar/p:WeekDays', ns) if w.find('p:DayType', ns).text == '0']
ok &= hol == ['2027-03-26', '2027-03-29', '2027-05-06', '2027-05-17']
sys.exit(0 if ok else 1)"

"$MF" schedule "$SCHED_LT" --export ics >"$out" 2>"$err"
check "export ics: RFC 5545 shape (CRLF, lines <= 75 octets, one all-day event per milestone/gate + deadline)" "$SCHED_PY" -c "
import sys
raw = open('$out', 'rb').read()
lines = raw.split(b'\r\n')
ok = raw.startswith(b'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n') and raw.endswith(b'END:VCALENDAR\r\n')
ok &= b'\n' not in raw.replace(b'\r\n', b'') and all(len(l) <= 75 for l in lines)
unfolded = raw.replace(b'\r\n ', b'').decode('utf-8').split('\r\n')
ok &= sum(l == 'BEGIN:VEVENT' for l in unfolded) == 6
ok &= 'DTSTART;VALUE=DATE:20270301' in unfolded and 'DTEND;VALUE=DATE:20270302' in unfolded
ok &= 'SUMMARY:Gate: Pilot run\\\\, 100–500 parts\\\\, every 5th measured (Cpk ≥ 1.33 gate)' in unfolded
ok &= all(l.startswith('DTSTAMP:') and l.endswith('Z') for l in unfolded if l.startswith('DTSTAMP'))
sys.exit(0 if ok else 1)"

"$MF" schedule "$SCHED_LT" --export csv >"$out" 2>"$err"
check "export csv: read back by the csv module, dates match the CPM" "$SCHED_PY" -c "
import csv, json, sys
raw = open('$out', 'rb').read()
rows = list(csv.DictReader(open('$out', newline='', encoding='utf-8-sig')))
cpm = {r['id']: r for r in json.load(open('$err.2'))['cpm']['tasks']}
ok = len(rows) == len(cpm) and raw.startswith(b'\xef\xbb\xbfid,name,')
for r in rows:
    c = cpm[r['id']]
    ok &= r['early_start'] == c['es_date'] and r['early_finish'] == c['ef_date'] and float(r['total_float']) == c['total_float']
ok &= rows[1]['name'] == 'Tooling, process development & first-article inspection'
ok &= [r for r in rows if r['id'] == 't-scale-first-article'][0]['predecessors'] == 't-pilot; t-fixture FS-3'
sys.exit(0 if ok else 1)"

"$MF" schedule "$SCHED_LT" --export mermaid >"$out" 2>"$err"
check "export mermaid: a gantt block with excluded days and critical tasks" \
  sh -c "head -1 '$out' | grep -qx gantt && grep -q 'excludes weekends, 2027-03-26' '$out' && grep -q ':crit, t_dfmf, 2027-01-04, 2027-01-08$' '$out'"

# Task outline: summary tasks roll up (hand values in tests/core/test_schedule_outline.cpp),
# MSPDI carries OutlineLevel/WBS/Summary in outline order, bad parents are named by pointer.
SCHED_OL="$ROOT/tests/data/schedule/outline.json"
"$MF" schedule "$SCHED_OL" --json --iterations 100 >"$err.2" 2>"$err"
check "schedule outline: summary rows roll up (s: 2027-01-05 .. 2027-01-08, float 5), wbs, parent" "$SCHED_PY" -c "
import json, sys
d = json.load(open('$err.2'))
t = {r['id']: r for r in d['cpm']['tasks']}
ok = t['s']['summary'] and t['s']['es_date'] == '2027-01-05' and t['s']['ef_date'] == '2027-01-08'
ok &= t['s']['duration'] == 4 and t['s']['total_float'] == 5 and t['s2']['total_float'] == 7
ok &= t['c']['wbs'] == '2.2.1' and t['c']['parent'] == 's2' and t['a']['parent'] is None and not t['a']['summary']
ok &= d['cpm']['critical_path'] == ['x', 'd'] and 'outline' in d['conventions']
ok &= d['monte_carlo']['criticality']['s'] == 0.0 and d['monte_carlo']['criticality']['x'] == 1.0
sys.exit(0 if ok else 1)"
"$MF" schedule "$SCHED_OL" --export mspdi >"$out" 2>"$err"
check "export mspdi outline: read back by xml.etree, OutlineLevel/WBS/Summary and rolled-up dates" "$SCHED_PY" -c "
import json, sys, xml.etree.ElementTree as ET
ns = {'p': 'http://schemas.microsoft.com/project'}
root = ET.parse('$out').getroot()
rows = {r['id']: r for r in json.load(open('$err.2'))['cpm']['tasks']}
tasks = [t for t in root.find('p:Tasks', ns) if t.find('p:UID', ns).text != '0']
g = lambda t, k: t.find('p:' + k, ns).text
got = [(g(t, 'ID'), g(t, 'WBS'), g(t, 'OutlineLevel'), g(t, 'Summary')) for t in tasks]
ok = got == [('1', '1', '1', '0'), ('2', '2', '1', '1'), ('3', '2.1', '2', '0'), ('4', '2.2', '2', '1'),
             ('5', '2.2.1', '3', '0'), ('6', '3', '1', '0'), ('7', '4', '1', '0')]
for t in tasks:
    r = rows[g(t, 'Notes').split(' ')[3].rstrip(';')]
    ok &= g(t, 'Start')[:10] == r['es_date'] and g(t, 'Finish')[:10] == r['ef_date']
sys.exit(0 if ok else 1)"
"$MF" schedule "$SCHED_OL" --export csv >"$out" 2>"$err"
check "export csv outline: parent and wbs columns" "$SCHED_PY" -c "
import csv, sys
rows = {r['id']: r for r in csv.DictReader(open('$out', newline='', encoding='utf-8-sig'))}
sys.exit(0 if rows['c']['parent'] == 's2' and rows['c']['wbs'] == '2.2.1' and rows['a']['parent'] == '' else 1)"
"$MF" schedule "$ROOT/tests/data/schedule/outline-bad.json" >"$out" 2>"$err"
check "schedule outline: bad parents exit 1" test $? -eq 1
check "schedule outline: cycle, milestone parent and unknown parent named by JSON Pointer" sh -c "
grep -q '/schedule/tasks/0/parent: parent cycle: \"a\" → \"b\" → \"a\"' '$err' &&
grep -q '/schedule/tasks/3/parent: parent \"m\" is a milestone' '$err' &&
grep -q '/schedule/tasks/4/parent: parent \"ghost\" does not exist' '$err'"

# Per-task / per-partner calendars (hand-worked in tests/core/test_schedule_calendars.cpp):
# the partner works Mon–Sat with a holiday of its own on Wed 2027-01-06.
SCHED_CAL="$ROOT/tests/data/schedule/calendars.json"
"$MF" schedule "$SCHED_CAL" --json --iterations 200 >"$err.2" 2>"$err"
check "schedule calendars: dates on two calendars, floats in each task's calendar, deadline by date" "$SCHED_PY" -c "
import json, sys
d = json.load(open('$err.2'))
c = d['cpm']; t = {r['id']: r for r in c['tasks']}
ok = t['b']['calendar'] == 'shop' and t['a']['calendar'] is None and t['d']['calendar'] == 'shop'
ok &= (t['b']['es_date'], t['b']['ef_date']) == ('2027-01-07', '2027-01-11')
ok &= (t['c']['es_date'], t['c']['ef_date']) == ('2027-01-13', '2027-01-14')
ok &= t['d']['ef_date'] == '2027-01-09' and t['d']['total_float'] == 3 and t['e']['total_float'] == 3
ok &= c['finish_date'] == '2027-01-14' and c['finish_offset'] == 9 and c['deadline_met'] is True
ok &= c['critical_path'] == ['a', 'b', 'c'] and 'calendars' in d['conventions']
ok &= d['monte_carlo']['p50'] == '2027-01-14' and d['monte_carlo']['probability_meet_deadline'] == 1.0
sys.exit(0 if ok else 1)"
"$MF" schedule "$SCHED_CAL" --export mspdi >"$out" 2>"$err"
check "export mspdi calendars: read back by xml.etree, a Calendar per calendar, each task's CalendarUID and dates" "$SCHED_PY" -c "
import json, sys, xml.etree.ElementTree as ET
ns = {'p': 'http://schemas.microsoft.com/project'}
root = ET.parse('$out').getroot()
rows = {r['id']: r for r in json.load(open('$err.2'))['cpm']['tasks']}
cals = {c.find('p:UID', ns).text: c for c in root.find('p:Calendars', ns)}
ok = sorted(cals) == ['1', '2'] and cals['2'].find('p:Name', ns).text == 'Shop Mon-Sat'
sat = [w for w in cals['2'].find('p:WeekDays', ns) if w.find('p:DayType', ns).text == '7'][0]
ok &= sat.find('p:DayWorking', ns).text == '1'
hol = [w.find('p:TimePeriod/p:FromDate', ns).text[:10] for w in cals['2'].find('p:WeekDays', ns) if w.find('p:DayType', ns).text == '0']
ok &= hol == ['2027-01-06']
for t in root.find('p:Tasks', ns):
    if t.find('p:UID', ns).text == '0': continue
    r = rows[t.find('p:Notes', ns).text.split(' ')[3].rstrip(';')]
    ok &= t.find('p:CalendarUID', ns).text == ('2' if r['calendar'] == 'shop' else '-1')
    ok &= t.find('p:Start', ns).text[:10] == r['es_date'] and t.find('p:Finish', ns).text[:10] == r['ef_date']
sys.exit(0 if ok else 1)"
sed 's/"partner_calendars": {"p-shop": "shop"}/"partner_calendars": {"p-shop": "nope"}/' "$SCHED_CAL" >"$err.3"
"$MF" schedule "$err.3" >"$out" 2>"$err"
check "schedule calendars: an unknown partner calendar is named by JSON Pointer (exit 1)" \
  sh -c "test $? -eq 1 && grep -q '/schedule/partner_calendars/p-shop: refers to calendar \"nope\", which does not exist' '$err'"

# Hostile names (2026-12-06, "exports that parse anywhere"): a plan whose every name, partner
# and note is markup, a formula, a Mermaid comment, a control character or U+FFFF; each export
# still parses (xml.etree, the csv module) and a 9999-12-31 deadline is refused for iCalendar.
"$SCHED_PY" -c "
import json
# (names are at most 200 bytes in a plan file: the long one is 22 × 'µ–≥a', 198 bytes)
names = ['<script>alert(1)</script>', '\"><img src=x onerror=alert(1)>', '=HYPERLINK(\"x\")', '+1', '@SUM(A1)',
         '%%hidden', 'a\u0001b', 'x\uffffy', 'line\nbreak', 'semi;colon,comma\\\\back', 'µ–≥a' * 22]
tasks = []
for k, n in enumerate(names):
    t = {'id': 't%d' % k, 'name': n, 'kind': 'milestone' if k == 5 else 'task', 'partner': 'p%d' % (k % 2),
         'predecessors': ['t%d' % (k - 1)] if k else []}
    if k != 5: t.update(optimistic=1, most_likely=2, pessimistic=3)
    tasks.append(t)
plan = {'format': 'microfab-plan', 'version': 1,
        'project': {'name': '=cmd|\" /C calc\"!A0 <x> & %%y', 'units': 'mm', 'start_date': '2027-01-04',
                    'deadline': '2027-06-30', 'notes': '<b>x\u0002</b>'},
        'decision': {'partners': [{'id': 'p0', 'name': '@SUM(A1)', 'kind': 'boutique', 'notes': '=1+1'},
                                  {'id': 'p1', 'name': '<p1> & \"q\"', 'kind': 'boutique', 'notes': '%%n'}],
                     'criteria': []},
        'schedule': {'tasks': tasks}}
json.dump(plan, open('$err.3', 'w'))
json.dump(dict(plan, project=dict(plan['project'], deadline='9999-12-31')), open('$err.4', 'w'))
"
"$MF" schedule "$err.3" --export mspdi >"$out" 2>"$err"
check "export mspdi, hostile names: exit 0 and read back by xml.etree with the names intact" "$SCHED_PY" -c "
import sys, xml.etree.ElementTree as ET
ns = {'p': 'http://schemas.microsoft.com/project'}
root = ET.parse('$out').getroot()
names = [t.find('p:Name', ns).text for t in root.find('p:Tasks', ns)]
ok = names[1] == '<script>alert(1)</script>' and names[2] == '\"><img src=x onerror=alert(1)>'
ok &= names[7] == 'a\ufffdb' and names[8] == 'x\ufffdy' and names[9] == 'line\nbreak' and names[11] == 'µ–≥a' * 22
ok &= root.find('p:Title', ns).text == '=cmd|\" /C calc\"!A0 <x> & %%y'
sys.exit(0 if ok else 1)"
"$MF" schedule "$err.3" --export csv >"$out" 2>"$err"
check "export csv, hostile names: BOM, read back by the csv module, formulas neutralised by an apostrophe" "$SCHED_PY" -c "
import csv, sys
raw = open('$out', 'rb').read()
rows = list(csv.reader(open('$out', newline='', encoding='utf-8-sig')))
ok = raw.startswith(b'\xef\xbb\xbfid,name,') and len(rows) == 12 and all(len(r) == 24 for r in rows)
names = [r[1] for r in rows[1:]]
ok &= names[2] == \"'=HYPERLINK(\\\"x\\\")\" and names[3] == \"'+1\" and names[4] == \"'@SUM(A1)\"
ok &= [n[1:] if n[:1] == \"'\" else n for n in names][8:] == ['line\nbreak', 'semi;colon,comma\\\\back', 'µ–≥a' * 22]
ok &= rows[1][3] == \"'@SUM(A1)\"
for r in rows[1:]:
    for col, v in enumerate(r):
        if v[:1] in ('=', '+', '-', '@'):
            try: float(v); ok &= col not in (0, 1, 3, 9, 22)
            except ValueError: ok = False
sys.exit(0 if ok else 1)"
"$MF" schedule "$err.3" --export ics >"$out" 2>"$err"
check "export ics, hostile names: lines <= 75 octets, no control characters, TEXT escaped" "$SCHED_PY" -c "
import sys
raw = open('$out', 'rb').read()
lines = raw.split(b'\r\n')
ok = raw.endswith(b'END:VCALENDAR\r\n') and all(len(l) <= 75 for l in lines)
ok &= not any(b < 32 and b != 9 for l in lines for b in l) and b'\x7f' not in raw
u = raw.replace(b'\r\n ', b'').decode('utf-8').split('\r\n')
ok &= 'SUMMARY:Milestone: %%hidden' in u and 'X-WR-CALNAME:=cmd|\" /C calc\"!A0 <x> & %%y' in u
sys.exit(0 if ok else 1)"
# Read back by a standard iCalendar parser (Debian's python3-icalendar): every hostile name as a
# milestone (only milestones, gates and the deadline become events), unfolded and unescaped.
"$SCHED_PY" -c "
import json
p = json.load(open('$err.3'))
for t in p['schedule']['tasks']:
    t['kind'] = 'milestone'
    for k in ('optimistic', 'most_likely', 'pessimistic'): t.pop(k, None)
json.dump(p, open('$err.5', 'w'))
"
"$MF" schedule "$err.5" --export ics >"$out" 2>"$err"
check "export ics, hostile names: icalendar reads every event back with its name and date" "$SCHED_PY" -c "
import sys, datetime, icalendar
c = icalendar.Calendar.from_ical(open('$out', 'rb').read())
ev = [(str(e['SUMMARY']), e['DTSTART'].dt, e['DTEND'].dt) for e in c.walk('VEVENT')]
want = ['<script>alert(1)</script>', '\"><img src=x onerror=alert(1)>', '=HYPERLINK(\"x\")', '+1', '@SUM(A1)',
        '%%hidden', 'ab', 'x\uffffy', 'line\nbreak', 'semi;colon,comma\\\\back', 'µ–≥a' * 22]
day = datetime.date(2027, 1, 4)
ok = [s for s, _, _ in ev[:-1]] == ['Milestone: ' + n for n in want]
ok &= all(a == day and b == day + datetime.timedelta(days=1) for _, a, b in ev[:-1])
ok &= ev[-1] == ('Deadline (market window)', datetime.date(2027, 6, 30), datetime.date(2027, 7, 1))
ok &= str(c['X-WR-CALNAME']) == '=cmd|\" /C calc\"!A0 <x> & %%y'
sys.exit(0 if ok else 1)"
rm -f "$err.5"
"$MF" schedule "$err.4" --export ics >"$out" 2>"$err"
check "export ics: a 9999-12-31 deadline is refused with the reason (exit 1, nothing on stdout)" \
  sh -c "test $? -eq 1 && test ! -s '$out' && grep -qF ': (project.deadline): cannot export to iCalendar: the deadline 9999-12-31 needs an all-day event ending 10000-01-01' '$err'"
# Every format refuses a schedule past 9999-12-31 (issue 18): start Mon 9999-12-20, a 5 + 5 + 1
# working-day chain; c starts Mon 10000-01-03 (after Fri 9999-12-31, Sat, Sun).
cat >"$err.5" <<'PLAN'
{"format": "microfab-plan", "version": 1, "project": {"name": "Late", "units": "mm", "start_date": "9999-12-20"},
 "schedule": {"tasks": [{"id": "a", "name": "A", "optimistic": 5, "most_likely": 5, "pessimistic": 5},
  {"id": "b", "name": "B", "optimistic": 5, "most_likely": 5, "pessimistic": 5, "predecessors": ["a"]},
  {"id": "c", "name": "C", "optimistic": 1, "most_likely": 1, "pessimistic": 1, "predecessors": ["b"]}]}}
PLAN
for e in mspdi csv; do
  "$MF" schedule "$err.5" --export $e >"$out" 2>"$err"
  check "export $e: a task starting 10000-01-03 is refused with the task and the date (exit 1, nothing on stdout)" \
    sh -c "test $? -eq 1 && test ! -s '$out' && grep -qF ': task \"c\": cannot export to ' '$err' && grep -qF 'the early start 10000-01-03 is past 9999-12-31' '$err'"
done
"$MF" schedule "$err.5" --export mermaid >"$out" 2>"$err"
check "export mermaid: a bar ending 10000-01-01 is refused (Mermaid end dates are exclusive)" \
  sh -c "test $? -eq 1 && test ! -s '$out' && grep -qF 'task \"b\": cannot export to Mermaid: the early finish 9999-12-31 needs a bar ending 10000-01-01' '$err'"
rm -f "$err.5"
"$MF" schedule "$err.3" --export mermaid >"$out" 2>"$err"
check "export mermaid, hostile names: one line per task, each id once, no %% comment" "$SCHED_PY" -c "
import sys
lines = open('$out', encoding='utf-8').read().split('\n')[:-1]
tasks = [l for l in lines if ' :' in l and not l.strip().startswith(('title', 'section'))]
ids = [[p for p in l.split(':', 1)[1].split(', ') if p not in ('crit', 'milestone')][0] for l in tasks]
ok = len(tasks) == 11 and sorted(ids) == sorted(set(ids)) == sorted('t%d' % k for k in range(11))
ok &= not any('%%' in l or ';' in l or '#' in l for l in lines)
ok &= all(l.count(':') == 1 for l in tasks) and '    - % hidden :milestone, t5, ' in ''.join(l + '\n' for l in lines).replace('crit, ', '')
sys.exit(0 if ok else 1)"
rm -f "$err.4"
rm -f "$err.2" "$err.3"
