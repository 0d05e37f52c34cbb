// The Timeline tab in headless Chromium: load the launch-timeline example through the file
// input, type a new duration into the task table, and check the finish date and the deadline
// probability move — the dates against a working-day CPM computed here, independently of the
// app. The MS Project XML download is parsed by the browser's own XML parser and its dates
// compared with the same computation. "New from template" builds the article's path on an
// empty plan. Screenshots of the task table, the Gantt chart, the risk page and the dialog.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, launch, serve, openApp, state, waitFor, openThroughFileInput, screenshot, clickAnchor } from './lib.mjs';

const EXAMPLE = path.join(ROOT, 'assets/examples/launch-timeline.mfplan.json');
let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser.close(); server.close(); });

// ---- An independent working-day CPM (docs/schedule.md, "Day counting") --------------------
const DAY = 86400000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const parseDate = (s) => { const [y, m, d] = s.split('-').map(Number); return Date.UTC(y, m - 1, d); };
const iso = (t) => new Date(t).toISOString().slice(0, 10);

function calendar(cal, start) {
  const working = new Set(cal?.working_days ?? ['mon', 'tue', 'wed', 'thu', 'fri']);
  const holidays = new Set(cal?.holidays ?? []);
  const isWorking = (t) => working.has(WEEKDAYS[new Date(t).getUTCDay()]) && !holidays.has(iso(t));
  const days = [];  // working day i → its date
  for (let t = parseDate(start); days.length < 2000; t += DAY) if (isWorking(t)) days.push(t);
  return {
    // A task with offsets [s, f): starts on day ⌊s⌋ and finishes on day ⌈f⌉ − 1 (day 0 when f <= 0).
    startDate: (s) => iso(days[Math.floor(s + 1e-9)]),
    finishDate: (f) => iso(days[Math.max(0, Math.ceil(f - 1e-9) - 1)]),
    through: (d) => days.filter((t) => t <= parseDate(d)).length,
  };
}

function cpm(plan) {
  const tasks = plan.schedule.tasks;
  const byId = Object.fromEntries(tasks.map((t) => [t.id, t]));
  const ml = (t) => t.most_likely ?? 0;
  const dur = (t) => {
    let d = ml(t);
    if (t.kind === 'gate' && t.gate.assume_first_fails)
      d += (t.gate.rework?.most_likely ?? 0) + (t.gate.repeat ?? []).reduce((a, id) => a + ml(byId[id]), 0);
    return d;
  };
  const es = {}, ef = {};
  for (const t of tasks) { es[t.id] = 0; ef[t.id] = dur(t); }
  for (let pass = 0; pass < tasks.length + 1; ++pass) {  // relax until stable (no cycles here)
    for (const t of tasks) {
      let s = 0, fmin = 0;
      for (const p of t.predecessors) {
        const link = typeof p === 'string' ? { task: p, type: 'FS', lag: 0 } : { type: 'FS', lag: 0, ...p };
        if (link.type === 'FS') s = Math.max(s, ef[link.task] + link.lag);
        if (link.type === 'SS') s = Math.max(s, es[link.task] + link.lag);
        if (link.type === 'FF') fmin = Math.max(fmin, ef[link.task] + link.lag);
      }
      s = Math.max(s, fmin - dur(t));
      es[t.id] = s; ef[t.id] = s + dur(t);
    }
  }
  const finish = Math.max(...tasks.map((t) => ef[t.id]));
  return { es, ef, finish, dur };
}

// ---------------------------------------------------------------------------------------------

async function openTimeline(page) {
  await waitFor(page, (s) => s.anchors['tab.timeline']);
  await clickAnchor(page, 'tab.timeline');
}

const mcDone = (s) => s.values['schedule.mc.done'] === 1 && s.values['schedule.mc.state'] === s.state_id;

test('launch timeline: a longer critical task moves the finish date and lowers the deadline probability', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const plan = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
  await openThroughFileInput(page, EXAMPLE);
  await waitFor(page, (s) => s.name.startsWith('Micro-gearbox launch timeline'));
  await openTimeline(page);
  let s = await waitFor(page, (x) => x.values['schedule.tasks'] === 9 && mcDone(x), 60000);

  // The deterministic finish against the independent CPM on the plan's calendar (holidays included).
  const cal = calendar(plan.schedule.calendar, plan.project.start_date);
  let ref = cpm(plan);
  assert.equal(s.values['schedule.finish_offset'], ref.finish);
  assert.equal(s.values['schedule.finish_date'], cal.finishDate(ref.finish));
  assert.equal(s.values['schedule.finish_date'], '2027-06-11');
  assert.equal(s.values['schedule.deadline_offset'], cal.through(plan.project.deadline));
  const p0 = s.values['schedule.mc.p_deadline'];
  assert.ok(p0 > 0.5 && p0 < 0.62, `P(meet deadline) ${p0}`);
  await page.waitForTimeout(200);
  await screenshot(page, 'schedule-tasks');

  // Type 40 working days as the most likely duration of the second partner's ramp (critical).
  await clickAnchor(page, 'schedule.task.t-scale-ramp.most_likely');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('40');
  await page.keyboard.press('Enter');
  plan.schedule.tasks.find((t) => t.id === 't-scale-ramp').most_likely = 40;
  ref = cpm(plan);
  s = await waitFor(page, (x) => x.values['schedule.finish_offset'] === ref.finish && mcDone(x), 60000);
  assert.equal(ref.finish, 121);
  assert.equal(s.values['schedule.finish_date'], cal.finishDate(ref.finish));
  assert.equal(s.values['schedule.deadline_slack'], cal.through(plan.project.deadline) - ref.finish);
  const p1 = s.values['schedule.mc.p_deadline'];
  assert.ok(p1 < p0 - 0.1, `the deadline probability drops: ${p0} → ${p1}`);
  assert.equal(s.undo, 'Edit most likely duration of "Second partner: ramp with SPC to ≥ 95 % first-pass yield"');

  // The pilot gate's details: links, Cpk criterion, figures.
  await clickAnchor(page, 'schedule.row.t-pilot');
  await waitFor(page, (x) => x.values['schedule.selected'] === 't-pilot');
  await page.mouse.move(5, 5);
  await page.waitForTimeout(300);
  await screenshot(page, 'schedule-task-details');

  // The Gantt chart.
  await clickAnchor(page, 'schedule.page.gantt');
  await page.waitForTimeout(300);
  await page.mouse.move(5, 5);  // no tooltip over the chart
  await page.waitForTimeout(200);
  await screenshot(page, 'schedule-gantt');
  // Hover a bar: the tooltip with ES/EF/LS/LF (screenshot only).
  s = await state(page);
  const g = s.anchors['schedule.gantt'];
  const fontPx = 15;
  await page.mouse.move(g[0] + 0.6 * (g[2] - g[0]), g[1] + fontPx * (2.6 + 1.6 * 6.5) + 2 * (fontPx + 2) + 2);
  await page.waitForTimeout(300);
  await screenshot(page, 'schedule-gantt-tooltip');
  await clickAnchor(page, 'schedule.gantt.zoom_in');
  s = await waitFor(page, (x) => x.values['schedule.gantt.day_px'] > 0);
  await page.mouse.move(5, 5);
  await page.waitForTimeout(200);
  await screenshot(page, 'schedule-gantt-zoomed');

  // MS Project XML: parsed by the browser's XML parser; every task's dates match the CPM here.
  const [download] = await Promise.all([page.waitForEvent('download'), clickAnchor(page, 'schedule.export.mspdi')]);
  assert.match(download.suggestedFilename(), /-timeline\.xml$/);
  const xml = fs.readFileSync(await download.path(), 'utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.querySelector('parsererror')) return null;
    const val = (el, tag) => el.getElementsByTagName(tag)[0]?.textContent;
    return {
      finish: val(doc.documentElement, 'FinishDate'),
      tasks: [...doc.getElementsByTagName('Task')].map((t) => ({
        uid: val(t, 'UID'), name: val(t, 'Name'), start: val(t, 'Start'), finish: val(t, 'Finish'),
        milestone: val(t, 'Milestone'),
      })),
    };
  }, xml);
  assert.ok(parsed, 'the MSPDI file is well-formed XML');
  assert.equal(parsed.finish.slice(0, 10), cal.finishDate(ref.finish));
  for (const t of plan.schedule.tasks) {
    const x = parsed.tasks.find((e) => e.name === t.name);
    assert.ok(x, `task ${t.name} in the MSPDI file`);
    const zero = ref.dur(t) === 0;
    assert.equal(x.finish.slice(0, 10), cal.finishDate(ref.ef[t.id]), `finish of ${t.id}`);
    assert.equal(x.start.slice(0, 10), zero ? cal.finishDate(ref.es[t.id]) : cal.startDate(ref.es[t.id]), `start of ${t.id}`);
  }

  // The risk page: histogram, S-curve with the deadline, tornado, rework loops.
  await clickAnchor(page, 'schedule.page.risk');
  await page.waitForTimeout(300);
  await page.mouse.move(5, 5);
  await page.waitForTimeout(200);
  await screenshot(page, 'schedule-risk');

  // Idle: with the Monte Carlo done and no input, the page stops drawing.
  await page.waitForTimeout(1200);
  const a = (await state(page)).frames_drawn;
  await page.waitForTimeout(1200);
  assert.equal((await state(page)).frames_drawn, a, 'no frames drawn while idle on the Timeline tab');
  assert.deepEqual(errors, []);
  await context.close();
});

test('outline and calendars: indent with Alt+Shift+Right draws a summary; the CM on a Mon–Sat calendar finishes earlier', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await openThroughFileInput(page, EXAMPLE);
  await waitFor(page, (s) => s.name.startsWith('Micro-gearbox launch timeline'));
  await openTimeline(page);
  let s = await waitFor(page, (x) => x.values['schedule.tasks'] === 9 && mcDone(x), 60000);
  // Two new tasks after the DFμF review; the second indented under the first (MS Project's key).
  await clickAnchor(page, 'schedule.row.t-dfmf');
  await clickAnchor(page, 'schedule.add_task');
  const n1 = (await waitFor(page, (x) => x.values['schedule.tasks'] === 10 && mcDone(x), 60000)).values['schedule.selected'];
  await clickAnchor(page, 'schedule.add_task');
  s = await waitFor(page, (x) => x.values['schedule.tasks'] === 11, 5000).catch(async () => {
    // This second click was lost once in CI and once on a loaded machine (2026-12-06; cause not
    // found, both times under heavy load); say so in the log and click once more, so that the
    // outline checks below still run.
    const q = await state(page);
    console.log(`# lost click on schedule.add_task at ${JSON.stringify(q.anchors['schedule.add_task'])}, frames ${q.frames_drawn}; clicking again`);
    await clickAnchor(page, 'schedule.add_task');
    return waitFor(page, (x) => x.values['schedule.tasks'] === 11);
  });
  const n2 = s.values['schedule.selected'];
  await page.keyboard.press('Alt+Shift+ArrowRight');
  s = await waitFor(page, (x) => x.values[`schedule.task.${n2}.depth`] === 1);
  assert.equal(s.values['schedule.outline_message'], '');
  assert.equal(s.values['schedule.errors'], 0);
  assert.ok(n1 !== n2);
  // The CM on a calendar working Saturdays (a copy of the project calendar: same holidays).
  await clickAnchor(page, 'schedule.calendar');
  await waitFor(page, (x) => x.anchors['schedule.calendar.new']);
  // The editor opens below the table: scroll the page's content up to reach it.
  const vh = page.viewportSize().height;
  await page.mouse.move(1000, vh - 40);  // over the details, not the table (it scrolls itself)
  await page.mouse.wheel(0, 800);
  await page.waitForTimeout(300);
  await waitFor(page, (x) => x.anchors['schedule.calendar.new'][3] < vh - 20);
  await clickAnchor(page, 'schedule.calendar.new');
  await waitFor(page, (x) => x.anchors['schedule.calendar.partner.cm']);
  await clickAnchor(page, 'schedule.calendar.sat');
  await page.mouse.move(1000, vh - 40);
  await page.mouse.wheel(0, 800);  // the partner row appeared below
  await waitFor(page, (x) => x.anchors['schedule.calendar.partner.cm'] && x.anchors['schedule.calendar.partner.cm'][3] < vh - 10);
  await clickAnchor(page, 'schedule.calendar.partner.cm');
  // Counted by hand (Python datetime, Mon–Sat minus 26 and 29 March and 6, 17 May): the CM's
  // first article (40 d) from Tue 2 March ends Mon 19 April — the two new 5-day tasks do not
  // touch the CM path, which starts after the pilot — and its ramp (30 d) Tue 20 April – Wed 26 May.
  s = await waitFor(page, (x) => x.values['schedule.finish_date'] === '2027-05-26', 20000);
  await page.waitForTimeout(300);
  await screenshot(page, 'schedule-outline-calendars');
  await clickAnchor(page, 'schedule.page.gantt');
  await page.waitForTimeout(400);
  await screenshot(page, 'schedule-gantt-outline');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an empty plan: New from template builds the path, dated from today on a Monday–Friday calendar', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await openTimeline(page);
  await waitFor(page, (s) => s.anchors['schedule.template.empty']);
  await clickAnchor(page, 'schedule.template.empty');
  await waitFor(page, (s) => s.anchors['schedule.template.build']);
  await clickAnchor(page, 'schedule.template.first_fails');
  await clickAnchor(page, 'schedule.template.second');
  await page.waitForTimeout(200);
  await screenshot(page, 'schedule-template-dialog');
  await clickAnchor(page, 'schedule.template.build');
  const s = await waitFor(page, (x) => x.values['schedule.tasks'] === 8 && mcDone(x), 60000);
  // 4 (review) + 10 + 7 (first article, one planned rework loop) + 20 (pilot) + 40 + 30 (second partner).
  assert.equal(s.values['schedule.finish_offset'], 111);
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const cal = calendar(null, today);
  assert.equal(s.values['schedule.origin_date'], cal.startDate(0));
  assert.equal(s.values['schedule.finish_date'], cal.finishDate(111));
  assert.equal(s.sections['Partners'], 2, 'a boutique and a CM partner were added');
  await page.waitForTimeout(300);
  await screenshot(page, 'schedule-template-gantt');
  assert.deepEqual(errors, []);
  await context.close();
});
