// Measured links in headless Chromium: the micro-gearbox example links the running-clearance
// stack's bore to the pilot-run data and the pilot gate's Cpk to the same feature. The figures
// on screen (test values) are checked against a calculation written out here from the plan's
// raw values (pooled SD / c4, Bissell's standard error); screenshots of the contributor's
// "Measured data" popup and the gate's details.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, launch, serve, openApp, state, waitFor, openThroughFileInput, screenshot, clickAnchor } from './lib.mjs';
import { lgamma, erfc, Phi, near } from './reference.mjs';

const GEARBOX = path.join(ROOT, 'assets/examples/micro-gearbox.mfplan.json');
let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser.close(); server.close(); });

// Minitab's pooled σ_within of consecutive subgroups of g: s_p / c4(d + 1), d = Σ(nᵢ − 1).
function pilotBore() {
  const plan = JSON.parse(fs.readFileSync(GEARBOX, 'utf8'));
  const ds = plan.datasets.find((d) => d.id === 'd-pilot-run');
  const f = ds.features.find((x) => x.id === 'f-run-bore');
  const x = f.values, g = ds.subgroup_size;
  let ss = 0, d = 0;
  for (let i = 0; i + g <= x.length; i += g) {
    const s = x.slice(i, i + g), m = s.reduce((a, b) => a + b, 0) / g;
    for (const v of s) ss += (v - m) ** 2;
    d += g - 1;
  }
  const c4 = Math.sqrt(2 / d) * Math.exp(lgamma((d + 1) / 2) - lgamma(d / 2));
  const sigma = Math.sqrt(ss / d) / c4;
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const n = x.length;
  const cpk = Math.min(f.usl - mean, mean - f.lsl) / (3 * sigma);
  const se = Math.sqrt(1 / (9 * n) + cpk * cpk / (2 * d));
  return { sigma, mean, n, dof: d, cpk, p: Phi((cpk - 1.33) / se) };
}

test('measured links: the bore contributor and the pilot gate take the pilot-run figures', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const ref = pilotBore();
  await openThroughFileInput(page, GEARBOX);
  await waitFor(page, (s) => s.name === 'Micro-gearbox for a surgical stapler');

  // Tolerances: pick the running-clearance stack.
  await clickAnchor(page, 'tab.tolerances');
  await waitFor(page, (s) => s.anchors['stack.selector']);
  await clickAnchor(page, 'stack.selector');
  await waitFor(page, (s) => s.anchors['stack.pick.s-gear-shaft-running']);
  await clickAnchor(page, 'stack.pick.s-gear-shaft-running');
  let s = await waitFor(page, (x) => x.values['stack.id'] === 's-gear-shaft-running' && x.values['stack.mc.done'] === 1, 60000);
  const k20 = 1 - 16e-6 * 6;  // the shaft is gauged at 26 °C, the stack is at 20 °C
  assert.equal(s.values['stack.measured.k-bore-run.used'], 1);
  assert.equal(s.values['stack.measured.k-bore-run.n'], ref.n);
  near(s.values['stack.measured.k-bore-run.sigma'], ref.sigma, 1e-9, 'measured σ within');
  near(s.values['stack.stat.sigma'], Math.hypot(ref.sigma, 0.005 * k20), 1e-9, 'statistical σ of the gap');
  near(s.values['stack.stat.mean'], ref.mean - 1.005 * k20, 1e-9, 'statistical mean of the gap');
  await clickAnchor(page, 'stack.row0.dist');
  await waitFor(page, (x) => x.anchors['stack.measured.k-bore-run.clear']);
  await page.waitForTimeout(200);
  await screenshot(page, 'links-stack-measured');
  await page.mouse.click(640, 790);  // a click outside closes the popup
  await page.waitForTimeout(100);

  // Timeline: the pilot gate.
  await clickAnchor(page, 'tab.timeline');
  s = await waitFor(page, (x) => x.values['schedule.measured.t-pilot.used'] === 1);
  near(s.values['schedule.measured.t-pilot.cpk'], ref.cpk, 1e-9, 'measured Cpk');
  assert.equal(s.values['schedule.measured.t-pilot.n'], ref.n);
  assert.equal(s.values['schedule.measured.t-pilot.dof'], ref.dof);
  near(s.values['schedule.measured.t-pilot.p'], ref.p, 1e-6, 'gate pass probability');
  await clickAnchor(page, 'schedule.row.t-pilot');
  await waitFor(page, (x) => x.values['schedule.selected'] === 't-pilot' && x.anchors['schedule.gate.measured']);
  // Bring the gate's details into view.
  const a = (await state(page)).anchors['schedule.gate.measured'];
  if (a[3] > 760) {
    await page.mouse.move(400, 700);
    for (let i = 0; i < 20 && (await state(page)).anchors['schedule.gate.measured'][3] > 760; i++) {
      await page.mouse.wheel(0, 200);
      await page.waitForTimeout(60);
    }
  }
  await page.mouse.move(1200, 700);
  await page.waitForTimeout(300);
  await screenshot(page, 'links-gate-measured');

  // Clear the gate's link: the typed Cpk 1.5 / 60 parts decides again.
  await clickAnchor(page, 'schedule.gate.measured_clear');
  s = await waitFor(page, (x) => x.values['schedule.measured.t-pilot.used'] === undefined);
  assert.match(s.undo, /Clear measured link/);
  assert.deepEqual(errors, []);
  await context.close();
});
