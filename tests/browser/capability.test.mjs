// The Capability tab in headless Chromium: a column of numbers pasted through a real paste
// event becomes a dataset, limits typed on the canvas, and the Cpk shown compared with Cp/Cpk
// computed here from the same numbers (moving-range σ for individual values, pooled σ for
// subgroups of 5); a CSV file through the file input; a paste with an error names its cell.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, launch, serve, openApp, state, waitFor, openThroughFileInput, screenshot } from './lib.mjs';
import { lgamma } from './reference.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser.close(); server.close(); });

// --- independent statistics ----------------------------------------------------------------

// 125 measurements of a 10 mm feature (σ ≈ 3 µm), deterministic: an LCG and Box–Muller.
function measurements(n) {
  let s = 12345;
  const u = () => { s = (1103515245 * s + 12345) % 2147483648; return (s + 0.5) / 2147483648; };
  const out = [];
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    out.push(Math.round((10 + 0.003 * z) * 1e5) / 1e5);
  }
  return out;
}
const mean = (x) => x.reduce((a, b) => a + b, 0) / x.length;

const c4 = (n) => Math.sqrt(2 / (n - 1)) * Math.exp(lgamma(n / 2) - lgamma((n - 1) / 2));

// Individual values: σ within = average moving range / d2(2), d2(2) = 1.128379.
function sigmaMovingRange(x) {
  let mr = 0;
  for (let i = 1; i < x.length; i++) mr += Math.abs(x[i] - x[i - 1]);
  return mr / (x.length - 1) / 1.128379;
}
// Subgroups of n: pooled SD over d = Σ(nᵢ − 1) degrees of freedom, divided by c4(d + 1).
function sigmaPooled(x, n) {
  let ss = 0, d = 0;
  for (let i = 0; i < x.length; i += n) {
    const g = x.slice(i, i + n);
    const m = mean(g);
    for (const v of g) ss += (v - m) ** 2;
    d += g.length - 1;
  }
  return Math.sqrt(ss / d) / c4(d + 1);
}
function capability(x, sigma, lsl, usl) {
  const m = mean(x);
  return { cp: (usl - lsl) / (6 * sigma), cpk: Math.min(usl - m, m - lsl) / (3 * sigma) };
}

// --- page helpers ----------------------------------------------------------------------------

// A real paste: a ClipboardEvent carrying text/plain, dispatched on the document as the browser
// does for Ctrl+V; shell.html hands the text to the app, which replays Ctrl+V for ImGui.
async function paste(page, text) {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}
// Clicks the middle of a named widget the way a hand does: the pointer glides there (several
// move events), rests, then presses and releases with pauses. ImGui needs a frame with the
// widget hovered before the press, and a single move event right after the page woke from
// idle was seen not to reach it.
async function anchor(page, name) {
  const s = await waitFor(page, (q) => q.anchors[name] !== undefined);
  await page.waitForTimeout(100);
  const r = s.anchors[name];
  const x = (r[0] + r[2]) / 2, y = (r[1] + r[3]) / 2;
  await page.mouse.move(x - 6, y - 3, { steps: 3 });
  await page.waitForTimeout(60);
  await page.mouse.move(x, y, { steps: 2 });
  await page.waitForTimeout(100);
  await page.mouse.down();
  await page.waitForTimeout(60);
  await page.mouse.up();
  await page.waitForTimeout(60);
  return r;
}
async function typeInto(page, name, text) {
  await anchor(page, name);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}
const near = (a, b, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

// --- tests ---------------------------------------------------------------------------------

test('a pasted column becomes a dataset; the Cpk shown matches Cp/Cpk computed here (I–MR, then subgroups of 5)', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await anchor(page, 'tab.capability');
  await waitFor(page, (s) => s.anchors['capability.empty'] !== undefined);

  const x = measurements(125);
  await paste(page, x.map((v) => v.toFixed(5)).join('\n') + '\n');
  let s = await waitFor(page, (q) => q.values['capability.import_open'] === 1 && q.anchors['capability.import.new']);
  assert.equal(s.values['capability.import.error'], '');
  await page.waitForTimeout(200);
  await screenshot(page, 'capability-paste-dialog');
  await anchor(page, 'capability.import.new');
  s = await waitFor(page, (q) => q.values['capability.datasets'] === 1 && q.values['capability.rows'] === 125);
  assert.equal(s.values['capability.feature'], 'C1');
  assert.equal(s.unsaved, true);

  // Limits in the plan's display unit (µm); the pasted numbers were millimetres.
  await anchor(page, 'capability.tab.analysis');
  await waitFor(page, (q) => q.values['capability.page'] === 'analysis');
  await typeInto(page, 'capability.lsl', '9990');
  await typeInto(page, 'capability.usl', '10010');
  s = await waitFor(page, (q) => q.values['capability.cp'] !== null && q.values['capability.chart_type'] === 'i-mr');   // both limits in
  const imr = capability(x, sigmaMovingRange(x), 9.990, 10.010);
  console.log(`# I–MR: Cpk shown ${s.values['capability.cpk']}, computed here ${imr.cpk}`);
  assert.ok(near(s.values['capability.sigma_within'], sigmaMovingRange(x)), 'σ within = MR̄/d2(2)');
  assert.ok(near(s.values['capability.cp'], imr.cp), `Cp ${s.values['capability.cp']} vs ${imr.cp}`);
  assert.ok(near(s.values['capability.cpk'], imr.cpk), `Cpk ${s.values['capability.cpk']} vs ${imr.cpk}`);
  assert.ok(s.values['capability.cpk_lower'] < s.values['capability.cpk']);
  await page.mouse.move(640, 792);   // the status bar: nothing hovered
  await page.waitForTimeout(300);
  await screenshot(page, 'capability-analysis-imr');

  // Hover the first point that breaks a test: the tooltip names the test.
  s = await state(page);
  assert.ok(s.values['capability.violations'] > 0, 'this series has signals');
  await page.mouse.move(s.values['capability.signal_x'], s.values['capability.signal_y']);
  await page.waitForTimeout(120);
  await page.mouse.move(s.values['capability.signal_x'] + 1, s.values['capability.signal_y']);
  s = await waitFor(page, (q) => /✗ Test \d: /.test(q.values['capability.hover'] || ''));
  console.log('# hover: ' + s.values['capability.hover'].replace(/\n/g, ' | '));
  await page.waitForTimeout(300);
  await screenshot(page, 'capability-chart-hover');

  // Subgroups of 5: the pooled σ within (Minitab's default) and an Xbar–R chart.
  await anchor(page, 'capability.tab.settings');
  await typeInto(page, 'capability.subgroup_size', '5');
  s = await waitFor(page, (q) => q.values['capability.chart_type'] === 'xbar-r');
  const pooled = capability(x, sigmaPooled(x, 5), 9.990, 10.010);
  console.log(`# subgroups of 5: Cpk shown ${s.values['capability.cpk']}, computed here ${pooled.cpk}`);
  assert.ok(near(s.values['capability.sigma_within'], sigmaPooled(x, 5)), 'σ within = pooled SD / c4(d + 1)');
  assert.ok(near(s.values['capability.cpk'], pooled.cpk), `Cpk ${s.values['capability.cpk']} vs ${pooled.cpk}`);
  assert.ok(near(s.values['capability.ppk'], Math.min(10.010 - mean(x), mean(x) - 9.990) /
    (3 * Math.sqrt(x.reduce((a, v) => a + (v - mean(x)) ** 2, 0) / (x.length - 1)))), 'Ppk with the sample SD');
  await anchor(page, 'capability.tab.analysis');
  await page.mouse.move(640, 792);   // the status bar: nothing hovered
  await page.waitForTimeout(300);
  await screenshot(page, 'capability-analysis-xbar-r');
  await anchor(page, 'capability.tab.summary');
  await page.waitForTimeout(300);
  await screenshot(page, 'capability-summary');
  await anchor(page, 'capability.tab.data');
  await page.waitForTimeout(300);
  await screenshot(page, 'capability-data-grid');

  // Paste at a cell of the grid: two values in µm at row 2 of C1 (one with a decimal comma);
  // the Cpk shown follows, computed here from the changed column.
  await anchor(page, 'capability.grid.cell_1_0');
  await waitFor(page, (q) => q.values['capability.grid.row'] === 1 && q.values['capability.grid.col'] === 0);
  await paste(page, '9995\n10005,0\n');
  const y = x.slice();
  y[1] = 9.995;
  y[2] = 10.005;
  const changed = capability(y, sigmaPooled(y, 5), 9.990, 10.010);
  s = await waitFor(page, (q) => q.values['capability.rows'] === 125 && near(q.values['capability.cpk'], changed.cpk));
  console.log(`# pasted at row 2: Cpk shown ${s.values['capability.cpk']}, computed here ${changed.cpk}`);
  assert.equal(s.values['capability.import_open'], 0, 'pasted at the cell, not imported');
  assert.equal(s.values['capability.grid.sel_rows'], 2);
  // Text in a number cell: refused, the message names the row and column.
  await paste(page, 'abc\n');
  s = await waitFor(page, (q) => q.values['capability.grid.message'] !== '');
  assert.equal(s.values['capability.grid.message'], 'row 2, column "C1": "abc" is not a number');
  assert.ok(near(s.values['capability.cpk'], changed.cpk));
  // Shift+arrows extend the selection (the screenshot shows it and the message).
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
  await waitFor(page, (q) => q.values['capability.grid.sel_rows'] === 5);   // rows 2–6
  await page.mouse.move(640, 792);
  await page.waitForTimeout(300);
  await screenshot(page, 'capability-grid-selection');
  // Right-click in the selection: the menu deletes rows 2–6; the Cpk follows.
  s = await state(page);
  const c = s.anchors['capability.grid.cell_1_0'];
  await page.mouse.move((c[0] + c[2]) / 2, (c[1] + c[3]) / 2, { steps: 3 });
  await page.waitForTimeout(100);
  await page.mouse.down({ button: 'right' });
  await page.waitForTimeout(60);
  await page.mouse.up({ button: 'right' });
  await waitFor(page, (q) => q.anchors['capability.grid.menu.delete_rows'] !== undefined);
  await page.waitForTimeout(300);
  await screenshot(page, 'capability-grid-menu');
  await anchor(page, 'capability.grid.menu.delete_rows');
  const z = [y[0], ...y.slice(6)];
  const fewer = capability(z, sigmaPooled(z, 5), 9.990, 10.010);
  s = await waitFor(page, (q) => q.values['capability.rows'] === 120 && near(q.values['capability.cpk'], fewer.cpk));
  console.log(`# rows 2–6 deleted: Cpk shown ${s.values['capability.cpk']}, computed here ${fewer.cpk}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a CSV file through the file input becomes a dataset; the example pilot run shows its charts', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await openThroughFileInput(page, path.join(ROOT, 'assets/examples/micro-gearbox.mfplan.json'));
  await waitFor(page, (q) => q.name.startsWith('Micro-gearbox'));
  await openThroughFileInput(page, path.join(ROOT, 'assets/examples/pilot-run.csv'));
  let s = await waitFor(page, (q) => q.values['capability.import_open'] === 1 && q.anchors['capability.import.new']);
  assert.equal(s.name, 'Micro-gearbox for a surgical stapler', 'a CSV is not opened as a plan');
  const before = s.values['capability.datasets'];
  await page.waitForTimeout(200);
  await screenshot(page, 'capability-import-csv');
  await anchor(page, 'capability.import.new');
  s = await waitFor(page, (q) => q.values['capability.datasets'] === before + 1 && q.values['capability.rows'] === 125);
  assert.equal(s.values['capability.dataset_name'], 'pilot-run');
  assert.equal(s.values['capability.features'], 3);
  await page.waitForTimeout(300);
  await screenshot(page, 'capability-csv-summary');

  // The example's pilot run (dataset 2): Xbar–R charts, settings, and its first-pass yield.
  const plan = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/examples/micro-gearbox.mfplan.json'), 'utf8'));
  const run = plan.datasets.find((d) => d.id === 'd-pilot-run');
  await anchor(page, 'capability.dataset');
  await page.waitForTimeout(400);   // the combo's list places itself on its first frames
  await anchor(page, 'capability.dataset.1');
  await anchor(page, 'capability.tab.analysis');
  s = await waitFor(page, (q) => q.values['capability.dataset_name'] === run.name && q.values['capability.chart_type'] === 'xbar-r');
  await page.mouse.move(640, 792);
  await page.waitForTimeout(300);
  await screenshot(page, 'capability-pilot-run-analysis');
  await anchor(page, 'capability.tab.settings');
  await page.waitForTimeout(300);
  await screenshot(page, 'capability-settings');
  await anchor(page, 'capability.tab.yield');
  s = await waitFor(page, (q) => q.values['capability.rty'] !== null && q.values['capability.rty'] !== undefined);
  const steps = new Map();   // FPY per step = Σ passed / Σ (passed + failed); RTY = their product
  for (const y of run.yield) {
    const t = steps.get(y.step) || [0, 0];
    steps.set(y.step, [t[0] + y.passed, t[1] + y.passed + y.failed]);
  }
  const rty = [...steps.values()].reduce((a, [p, n]) => a * p / n, 1);
  assert.ok(near(s.values['capability.rty'], rty), `RTY ${s.values['capability.rty']} vs ${rty}`);
  await page.waitForTimeout(300);
  await screenshot(page, 'capability-yield');

  // Nothing computing: the page goes idle.
  await page.waitForTimeout(1200);
  const a = (await state(page)).frames_drawn;
  await page.waitForTimeout(1200);
  assert.equal((await state(page)).frames_drawn, a, 'no frames while idle');
  assert.deepEqual(errors, []);
  await context.close();
});

test('pasted cells with text in a number column: the error names the row and column, nothing is imported', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await anchor(page, 'tab.capability');
  await waitFor(page, (s) => s.anchors['capability.empty'] !== undefined);
  await anchor(page, 'capability.paste');   // Paste data…: an empty dialog waiting for Ctrl+V
  await waitFor(page, (q) => q.values['capability.import_open'] === 1);
  await paste(page, 'OD\tbore\n1.02\t2.01\n1.03\t2.0x\n');
  // Before the paste the empty text has its own error ("no rows"): wait for the pasted one's.
  const s = await waitFor(page, (q) => q.values['capability.import_open'] === 1 && /2\.0x/.test(q.values['capability.import.error'] || ''));
  assert.match(s.values['capability.import.error'], /^row 3, column B \("bore"\): "2\.0x" is not a number/);
  await page.waitForTimeout(200);
  await screenshot(page, 'capability-paste-error');
  await anchor(page, 'capability.import.new');   // disabled
  await page.waitForTimeout(200);
  assert.equal((await state(page)).values['capability.datasets'], 0);
  assert.deepEqual(errors, []);
  await context.close();
});
