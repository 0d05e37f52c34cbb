// The kernel warm-up (gui/warm_up.h) in headless Chromium: after the first frames the app runs
// each Monte Carlo kernel once while idle, then stops drawing; the first real stack Monte Carlo
// after loading is timed (printed, like stack.test.mjs: the machine's load makes a strict
// bound flaky).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, launch, serve, openApp, state, waitFor, openThroughFileInput, clickAnchor } from './lib.mjs';

const GEARBOX = path.join(ROOT, 'assets/examples/micro-gearbox.mfplan.json');
let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser.close(); server.close(); });

test('warm-up: runs once after the first frames, then the main loop stops drawing', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const s = await waitFor(page, (x) => x.warm_up_done === true, 20000);
  assert.ok(s.frames_drawn >= 4, `frame 1, then a frame per kernel at least (${s.frames_drawn})`);
  await page.waitForTimeout(1500);
  const a = (await state(page)).frames_drawn;
  await page.waitForTimeout(1500);
  const b = (await state(page)).frames_drawn;
  assert.equal(b, a, `frames drawn while idle after the warm-up: ${b - a}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('warm-up: the first stack Monte Carlo after loading runs after it, and is timed', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await waitFor(page, (x) => x.warm_up_done === true, 20000);
  await openThroughFileInput(page, GEARBOX);
  await waitFor(page, (s) => s.name === 'Micro-gearbox for a surgical stapler');
  const t0 = Date.now();
  await clickAnchor(page, 'tab.tolerances');
  const s = await waitFor(page, (x) => x.values['stack.mc.done'] === 1, 60000);
  console.log(`# first stack Monte Carlo after load (1 000 000 samples, in slices): ${Date.now() - t0} ms`);
  assert.equal(s.values['stack.id'], 's-gear-shaft');
  assert.deepEqual(errors, []);
  await context.close();
});
