// Keyboard only, as a person without a mouse: from the start page open an example, go to the
// Decision tab, change a weight, undo, save — not a single mouse event reaches the page. Then
// screenshots at 1024×700 and at 2× (device scale factor 2) of the decision matrix and a chart
// with tick labels, to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, serve, state, waitFor, screenshot, framesPass, clickAnchor } from './lib.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser.close(); server.close(); });

// A fresh visit with every mouse event the page receives counted.
async function openCounting(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    window.mfMouseEvents = [];
    for (const t of ['mousedown', 'mouseup', 'mousemove', 'click', 'pointerdown', 'pointermove', 'wheel'])
      // Trusted events only: the download itself is the app's own a.click() (isTrusted false).
      window.addEventListener(t, (e) => { if (e.isTrusted) window.mfMouseEvents.push(t); }, true);
  });
  await page.goto(server.url);
  await waitFor(page, (x) => x.frames_drawn >= 2);
  return { context, page, errors };
}

async function key(page, k) {
  await page.keyboard.press(k);
  await page.waitForTimeout(40);
  await framesPass(page, 2);
}

// Presses Tab until the widget named `anchor` has the keyboard focus (the app reports the
// anchor of the focused widget). Tab cycles within one window (ImGui); when it comes round
// again without meeting the anchor, Down goes into the window or table below, as a person
// would. A window without focus first gets it with Ctrl+Tab.
async function tabTo(page, anchor, max = 120) {
  let seen = new Set();
  for (let i = 0; i < max; ++i) {
    const s = await state(page);
    if (s.focused === anchor) return s;
    if (i === 3 && s.focused === '') await key(page, 'Control+Tab');
    if (s.focused !== '' && seen.has(s.focused)) {
      // ImGui's Tab stays in its window; the page below is a child window, an item of this
      // one: Down reaches it, Enter goes in.
      seen = new Set();
      await key(page, 'ArrowDown');
      if ((await state(page)).focused === '') await key(page, 'Enter');
      continue;
    }
    if (s.focused !== '') seen.add(s.focused);
    await key(page, 'Tab');
  }
  throw new Error('Tab never reached ' + anchor + '; focus on ' + (await state(page)).focused);
}

test('keyboard only: open an example from the start page, change a weight, undo, save', async () => {
  const { context, page, errors } = await openCounting();
  let s = await state(page);
  assert.equal(s.start_open, true, 'a first visit shows the start page');

  await tabTo(page, 'start.example.micro-gearbox.mfplan.json');
  await key(page, 'Enter');
  s = await waitFor(page, (x) => x.name === 'Micro-gearbox for a surgical stapler' && !x.start_open);

  await tabTo(page, 'tab.decision');
  await key(page, 'Enter');
  await waitFor(page, (x) => x.values['decision.weight.c-iteration'] !== undefined);
  s = await waitFor(page, (x) => x.anchors['decision.weight.c-iteration'] !== undefined);
  const before = s.values['decision.weight.c-iteration'];

  // Tab into the weight: its text is selected, typing replaces it; Enter keeps it.
  await tabTo(page, 'decision.weight.c-iteration');
  await page.keyboard.type('0.3');
  await key(page, 'Enter');
  // The weight follows the typing ("0", "0.", "0.3"): wait for the whole number.
  s = await waitFor(page, (x) => x.unsaved && Math.abs(x.values['decision.weight.c-iteration'] - 0.3 / 1.22) < 1e-9);
  assert.ok(Math.abs(s.values['decision.weight.c-iteration'] - before) > 1e-6, 'weights 0.08 → 0.3, sum 1.22');
  assert.match(s.undo, /weight/i);
  await screenshot(page, 'keyboard-weight-changed');

  await key(page, 'Control+z');
  s = await waitFor(page, (x) => Math.abs(x.values['decision.weight.c-iteration'] - before) < 1e-12);

  const [download] = await Promise.all([page.waitForEvent('download'), key(page, 'Control+s')]);
  const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.decision.criteria.find((c) => c.id === 'c-iteration').weight, 0.08, 'the undone weight is saved');
  s = await waitFor(page, (x) => !x.unsaved);

  assert.deepEqual(await page.evaluate(() => window.mfMouseEvents), [], 'not a single mouse event');
  assert.deepEqual(errors, []);
  await context.close();
});

// Tab only (no arrow, no Enter): fails when the widget is never reached.
async function tabOnly(page, anchor, max = 160) {
  for (let i = 0; i < max; ++i) {
    const s = await state(page);
    if (s.focused === anchor) return s;
    await key(page, 'Tab');
  }
  throw new Error('Tab alone never reached ' + anchor + '; focus on ' + (await state(page)).focused);
}

test('keyboard only: Tab goes from the tab bar into the tab content (nested panes too) and changes a field', async () => {
  const { context, page, errors } = await openCounting();
  await tabTo(page, 'start.example.micro-gearbox.mfplan.json');
  await key(page, 'Enter');
  await waitFor(page, (x) => x.name === 'Micro-gearbox for a surgical stapler' && !x.start_open);
  await tabTo(page, 'tab.decision');
  await key(page, 'Enter');
  let s = await waitFor(page, (x) => x.values['decision.weight.c-iteration'] !== undefined);
  const before = s.values['decision.weight.c-iteration'];
  // The weight sits in a table, in the matrix page's child window, in the tab's child window.
  await tabOnly(page, 'decision.weight.c-iteration');
  await page.keyboard.type('0.3');
  await key(page, 'Enter');
  s = await waitFor(page, (x) => Math.abs(x.values['decision.weight.c-iteration'] - 0.3 / 1.22) < 1e-9);
  assert.ok(Math.abs(s.values['decision.weight.c-iteration'] - before) > 1e-6, 'weights 0.08 → 0.3, sum 1.22');
  // Round the ring to the tab bar, over to the Overview, into its first field.
  await tabOnly(page, 'tab.overview');
  await key(page, 'Enter');
  await tabOnly(page, 'overview.name');
  await key(page, 'Control+a');
  await page.keyboard.type('Typed by keyboard');
  await key(page, 'Enter');
  await waitFor(page, (x) => x.name === 'Typed by keyboard');
  await screenshot(page, 'keyboard-tab-into-content');
  assert.deepEqual(await page.evaluate(() => window.mfMouseEvents), [], 'not a single mouse event');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, options] of [
  ['1024x700', { viewport: { width: 1024, height: 700 } }],
  ['2x', { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 }],
]) {
  test(`screenshots at ${name}: the decision matrix with its results, the cost chart's tick labels`, async () => {
    const context = await browser.newContext({ acceptDownloads: true, ...options });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitFor(page, (x) => x.frames_drawn >= 2 && x.start_open);
    await clickAnchor(page, 'start.example.sourcing-decision.mfplan.json');
    const s = await waitFor(page, (x) => x.name === 'Zirconia micro-nozzle: sourcing decision' && !x.start_open);
    await page.waitForTimeout(300);
    await screenshot(page, `keyboard-matrix-${name}`);
    if (s.anchors['decision.page.cost']) {
      await clickAnchor(page, 'decision.page.cost');
      await page.waitForTimeout(500);
      await screenshot(page, `keyboard-cost-${name}`);
    }
    await context.close();
  });
}
