// Usable at first sight (issue 15) and units everywhere (issue 14), in the real page: a long
// plan note wraps onto several lines; a name cut by its column shows whole in a tooltip on
// hover; every chart at 2× (device scale factor 2) is screenshotted with its tick labels, to
// look at; the currency picked on the Overview marks the money.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, state, waitFor, screenshot, clickAnchor, framesPass } from './lib.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser.close(); server.close(); });

// A fresh visit that opens an example from the start page.
async function openExample(options, file, name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await waitFor(page, (x) => x.frames_drawn >= 2 && x.start_open);
  await clickAnchor(page, 'start.example.' + file);
  await waitFor(page, (x) => x.name === name && !x.start_open);
  return { context, page, errors };
}

async function calm(page) {
  await page.mouse.move(5, 795);  // the status bar: nothing hovered
  await page.waitForTimeout(300);
  await framesPass(page, 2);
}

test('notes: the plan note wraps onto several lines; Edit opens the field', async () => {
  // The launch timeline's note: 392 characters, about three lines at 1280 px.
  const { context, page, errors } = await openExample({}, 'launch-timeline.mfplan.json',
    'Micro-gearbox launch timeline: boutique pilot, CM for scale');
  await clickAnchor(page, 'tab.overview');
  let s = await waitFor(page, (x) => x.anchors['note##plan-notes.text'] !== undefined);
  const r = s.anchors['note##plan-notes.text'];
  const line = 15 * 1.15;  // the UI font is 15 CSS px; a line of text is a little taller
  assert.ok(r[3] - r[1] > 2 * line, `the note is on several lines: ${r[3] - r[1]} px tall`);
  assert.ok(r[2] <= 1280, 'and within the window');
  await calm(page);
  await screenshot(page, 'ux-notes-wrapped');
  await clickAnchor(page, 'note##plan-notes.edit');
  s = await waitFor(page, (x) => x.anchors['note##plan-notes.field'] !== undefined);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Typed here.');
  await page.keyboard.press('Tab');
  s = await waitFor(page, (x) => x.unsaved && /notes/i.test(x.undo));
  await calm(page);
  await screenshot(page, 'ux-notes-edited');
  assert.deepEqual(errors, []);
  await context.close();
});

test('names: hovering a name cut by its column shows the whole name as a tooltip', async () => {
  // A narrow window: the timeline's partner column and the task names are cut.
  const { context, page, errors } = await openExample({ viewport: { width: 900, height: 700 } },
    'launch-timeline.mfplan.json', 'Micro-gearbox launch timeline: boutique pilot, CM for scale');
  await clickAnchor(page, 'tab.timeline');
  await page.waitForTimeout(400);
  let s = await state(page);
  const cut = Object.entries(s.anchors).filter(([k, r]) => k.startsWith('cut:') && r[1] > 60 && r[3] < 680 && r[0] >= 0 && r[2] <= 890);
  assert.ok(cut.length > 0, 'some name is cut at 900 px: ' + Object.keys(s.anchors).filter((k) => k.startsWith('cut:')));
  const [key, r] = cut[0];
  const full = key.slice(4);
  await page.mouse.move((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
  s = await waitFor(page, (x) => x.values.tooltip === full, 5000);
  assert.equal(s.values.tooltip, full);
  await screenshot(page, 'ux-name-tooltip');
  assert.deepEqual(errors, []);
  await context.close();
});

test('currency: EUR picked on the Overview marks the cost table and the cost chart', async () => {
  const { context, page, errors } = await openExample({}, 'sourcing-decision.mfplan.json',
    'Zirconia micro-nozzle: sourcing decision');
  await clickAnchor(page, 'tab.overview');
  await clickAnchor(page, 'overview.currency');
  await page.waitForTimeout(200);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await waitFor(page, (x) => x.unsaved && /currency/i.test(x.undo));
  await clickAnchor(page, 'tab.decision');
  await clickAnchor(page, 'decision.page.cost');
  await calm(page);
  await screenshot(page, 'ux-cost-eur');
  assert.deepEqual(errors, []);
  await context.close();
});

// Every chart at 2×, to open and look at: tick labels inside the chart area, never cut.
test('2x screenshots of every chart: cost, sensitivity, Gantt, risk (histogram, S-curve, tornado), stack, capability', async () => {
  const hi = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 };
  let { context, page, errors } = await openExample(hi, 'sourcing-decision.mfplan.json', 'Zirconia micro-nozzle: sourcing decision');
  await clickAnchor(page, 'tab.decision');
  await clickAnchor(page, 'decision.page.cost');
  await calm(page);
  await screenshot(page, 'ux-2x-decision-cost');
  await clickAnchor(page, 'decision.page.sensitivity');
  await calm(page);
  await screenshot(page, 'ux-2x-decision-sensitivity');
  assert.deepEqual(errors, []);
  await context.close();

  ({ context, page, errors } = await openExample(hi, 'micro-gearbox.mfplan.json', 'Micro-gearbox for a surgical stapler'));
  await clickAnchor(page, 'tab.timeline');
  await clickAnchor(page, 'schedule.page.gantt');
  await calm(page);
  await screenshot(page, 'ux-2x-gantt');
  await clickAnchor(page, 'schedule.page.risk');
  await waitFor(page, (x) => x.anchors['schedule.risk.scurve'] !== undefined, 30000);
  await page.waitForTimeout(1500);
  await calm(page);
  await screenshot(page, 'ux-2x-schedule-risk');
  await clickAnchor(page, 'tab.tolerances');
  await waitFor(page, (x) => x.values['stack.mc.done'] === 1, 60000);
  await calm(page);
  await screenshot(page, 'ux-2x-stack');
  await clickAnchor(page, 'tab.capability');
  await clickAnchor(page, 'capability.tab.analysis');
  await waitFor(page, (x) => x.anchors['capability.histogram'] !== undefined, 30000);
  await calm(page);
  await screenshot(page, 'ux-2x-capability');
  await page.mouse.wheel(0, 600);
  await calm(page);
  await screenshot(page, 'ux-2x-capability-charts');
  assert.deepEqual(errors, []);
  await context.close();
});
