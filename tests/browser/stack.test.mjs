// The tolerance-stack view ("Tolerances" tab) in headless Chromium: load the example through
// the file input, let the Monte Carlo finish, check the figures on screen (test values, mm)
// against hand calculations written out below, type a tolerance, paste spreadsheet rows,
// switch units, and screenshot the view and a 2D loop stack.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, launch, serve, openApp, state, waitFor, openThroughFileInput, screenshot,
  clickAnchor } from './lib.mjs';
import { erfc, Phi, near } from './reference.mjs';

const GEARBOX = path.join(ROOT, 'assets/examples/micro-gearbox.mfplan.json');
const SILICON = path.join(ROOT, 'assets/examples/silicon-on-inconel.mfplan.json');
let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser.close(); server.close(); });

// The gear/shaft clearance by hand (mm). Bore 1.025 ± 0.005, +1, zirconia 10.5 ppm/K, Cpk 1.33.
// Shaft 1.000 ± 0.015, −1, 316L 16 ppm/K, Cp 1 with the process 5 µm large, gauged at 26 °C.
// Limits 0 … 50 µm; measured at 20 °C, operating at 37 °C.
function gearShaft(shaftMinus = 0.015) {
  const kShaft20 = 1 + 16e-6 * (20 - 26), kShaft37 = 1 + 16e-6 * (37 - 26), kBore37 = 1 + 10.5e-6 * (37 - 20);
  const at = (kb, ks) => {
    const wcMin = 1.020 * kb - 1.015 * ks, wcMax = 1.030 * kb - (1.000 - shaftMinus) * ks;
    const mid = 1.025 * kb - (1.000 + (0.015 - shaftMinus) / 2) * ks;
    const rssHalf = Math.hypot(0.005 * kb, ((0.015 + shaftMinus) / 2) * ks);
    const sBore = 0.005 / (3 * 1.33) * kb, sShaft = (0.015 + shaftMinus) / 2 / 3 * ks;
    const mean = mid - 0.005 * ks;  // the shaft runs 5 µm large: the gap is 5 µm smaller
    const sigma = Math.hypot(sBore, sShaft);
    return {
      nominal: 1.025 * kb - 1.000 * ks, wcMin, wcMax, rssMin: mid - rssHalf, rssMax: mid + rssHalf, mean, sigma,
      ppmBelow: Phi((0 - mean) / sigma) * 1e6, ppmAbove: Phi((mean - 0.050) / sigma) * 1e6,
    };
  };
  return { meas: at(1, kShaft20), op: at(kBore37, kShaft37) };
}

async function openTab(page, file, name) {
  await openThroughFileInput(page, file);
  await waitFor(page, (s) => s.name === name);
  await clickAnchor(page, 'tab.tolerances');
  const t0 = Date.now();
  const s = await waitFor(page, (x) => x.values['stack.mc.done'] === 1, 30000);
  console.log(`# Monte Carlo of ${s.values['stack.id']} (1 000 000 samples, in slices) shown after ${Date.now() - t0} ms`);
  return s;
}

test('gear/shaft: the figures shown match the hand calculation; typing a tolerance updates them', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  let s = await openTab(page, GEARBOX, 'Micro-gearbox for a surgical stapler');
  let v = s.values;
  assert.equal(v['stack.id'], 's-gear-shaft');
  assert.equal(v['stack.unit'], 'µm');
  let h = gearShaft();
  near(v['stack.nominal'], h.meas.nominal, 1e-12, 'nominal gap at 20 °C');
  near(v['stack.wc.min'], h.meas.wcMin, 1e-12, 'worst case min');
  near(v['stack.wc.max'], h.meas.wcMax, 1e-12, 'worst case max');
  near(v['stack.rss.min'], h.meas.rssMin, 1e-9, 'RSS min');
  near(v['stack.rss.max'], h.meas.rssMax, 1e-9, 'RSS max');
  near(v['stack.stat.mean'], h.meas.mean, 1e-9, 'statistical mean');
  near(v['stack.stat.sigma'], h.meas.sigma, 1e-9, 'statistical σ');
  near(v['stack.stat.ppm_below'], h.meas.ppmBelow, 1e-5, 'predicted ppm below 0');
  near(v['stack.stat.ppm_above'], h.meas.ppmAbove, 1e-4, 'predicted ppm above 50 µm');
  near(v['stack.op.nominal'], h.op.nominal, 1e-12, 'nominal gap at 37 °C');
  near(v['stack.op.wc.min'], h.op.wcMin, 1e-12, 'worst case min at 37 °C');
  near(v['stack.op.wc.max'], h.op.wcMax, 1e-12, 'worst case max at 37 °C');
  near(v['stack.op.stat.sigma'], h.op.sigma, 1e-9, 'statistical σ at 37 °C');
  near(v['stack.op.gap_change'], h.op.nominal - h.meas.nominal, 1e-9, 'thermal change of the gap');
  // Monte Carlo: 1 000 000 samples, seed 1; its mean within 5 standard errors of the model's.
  assert.equal(v['stack.mc.samples'], 1000000);
  assert.ok(Math.abs(v['stack.mc.mean'] - h.meas.mean) < 5 * h.meas.sigma / 1000, `MC mean ${v['stack.mc.mean']}`);
  near(v['stack.mc.sigma'], h.meas.sigma, 0.01, 'MC σ');
  // ≈ 52 ppm expected below 0: the Monte Carlo's 95 % interval must hold the normal model's figure.
  assert.ok(v['stack.mc.ci95.lower'] <= h.meas.ppmBelow + h.meas.ppmAbove && h.meas.ppmBelow + h.meas.ppmAbove <= v['stack.mc.ci95.upper'],
    `MC interval ${v['stack.mc.ci95.lower']}–${v['stack.mc.ci95.upper']} vs ${h.meas.ppmBelow}`);
  assert.equal(v['stack.verdict'], 'OK');
  assert.ok(v['stack.share.k-shaft'] > 0.9, 'the shaft carries most of the variance');
  await page.waitForTimeout(200);
  await screenshot(page, 'stack-gear-shaft');

  // The shaft's distribution and its details, as a user opens them.
  await clickAnchor(page, 'stack.row1.dist');
  await page.waitForTimeout(200);
  await screenshot(page, 'stack-distribution-popup');
  await clickAnchor(page, 'stack.results');  // a click outside closes a popup
  await clickAnchor(page, 'stack.row1.more');
  await page.waitForTimeout(200);
  await screenshot(page, 'stack-row-details-popup');
  await clickAnchor(page, 'stack.results');
  await page.waitForTimeout(100);

  // Type the shaft's − tolerance: 15 → 5 µm. The worst-case maximum drops by 10 µm (scaled).
  const before = s.state_id;
  await clickAnchor(page, 'stack.row1.tol_minus');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  h = gearShaft(0.005);
  s = await waitFor(page, (x) => x.state_id !== before && Math.abs(x.values['stack.wc.max'] - h.meas.wcMax) < 1e-12);
  v = s.values;
  near(v['stack.wc.min'], h.meas.wcMin, 1e-12, 'worst case min after the edit');
  near(v['stack.rss.max'], h.meas.rssMax, 1e-9, 'RSS max after the edit');
  near(v['stack.stat.sigma'], h.meas.sigma, 1e-9, 'statistical σ after the edit');
  assert.equal(s.undo, 'Set − tolerance');
  s = await waitFor(page, (x) => x.values['stack.mc.done'] === 1, 30000);  // the Monte Carlo reran
  near(s.values['stack.mc.sigma'], h.meas.sigma, 0.01, 'MC σ after the edit');
  await page.waitForTimeout(200);
  await screenshot(page, 'stack-gear-shaft-edited');

  // Lengths in mm: the view shows other numbers, the plan keeps its values.
  await clickAnchor(page, 'stack.unit.mm');
  s = await waitFor(page, (x) => x.values['stack.unit'] === 'mm');
  near(s.values['stack.wc.max'], h.meas.wcMax, 1e-12, 'worst case max after the unit switch');
  await page.waitForTimeout(200);
  await screenshot(page, 'stack-gear-shaft-mm');
  assert.deepEqual(errors, []);
  await context.close();
});

test('paste spreadsheet rows into the table with Ctrl+V; a bad cell is named by row and column', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await openTab(page, GEARBOX, 'Micro-gearbox for a surgical stapler');
  await clickAnchor(page, 'stack.row1');  // select the shaft row: the table has the focus
  const paste = (text) => page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  await paste('name\tnominal\ttol\tsensitivity\tdistribution\tpartner\nSpacer\t200\t2\t-1\tuniform\tBoutique micro-machining shop\n');
  let s = await waitFor(page, (x) => x.values['stack.contributors'] === 3);
  // By hand: the spacer (0.200 ± 0.002 mm, no material, −1) lowers the gap by 0.198 … 0.202.
  const h = gearShaft();
  near(s.values['stack.wc.min'], h.meas.wcMin - 0.202, 1e-12, 'worst case min with the spacer');
  near(s.values['stack.wc.max'], h.meas.wcMax - 0.198, 1e-12, 'worst case max with the spacer');
  assert.equal(s.undo, 'Paste 1 row');
  assert.equal(s.values['stack.verdict'], 'fails');
  await page.waitForTimeout(300);
  await screenshot(page, 'stack-pasted-row');
  await page.keyboard.press('Control+z');
  s = await waitFor(page, (x) => x.values['stack.contributors'] === 2);

  await clickAnchor(page, 'stack.row0');
  await paste('name\tnominal\ttol\nSpacer\t200\tabc\n');
  s = await waitFor(page, (x) => x.values['stack.paste.errors'] === 1);
  assert.equal(s.values['stack.paste.error0'], 'row 2, column "tol": expected a number, found "abc"');
  assert.equal(s.values['stack.contributors'], 2);
  await page.waitForTimeout(300);
  await screenshot(page, 'stack-paste-error');
  assert.deepEqual(errors, []);
  await context.close();
});

test('silicon on Inconel: the CTE mismatch fails the pocket at −55 °C; the 2D loop is drawn', async () => {
  const { context, page, errors } = await openApp(browser, server.url, { viewport: { width: 1280, height: 1200 } });
  let s = await openTab(page, SILICON, 'Silicon pressure die bonded in an Inconel 718 carrier');
  let v = s.values;
  assert.equal(v['stack.id'], 's-pocket');
  // Pocket 25.028 +0.010/−0 (Inconel 13 ppm/K), die 25.000 ± 0.010 (silicon 2.6 ppm/K): at −55 °C
  // both shrink over 75 K, the pocket five times as much.
  const kP = 1 - 13e-6 * 75, kD = 1 - 2.6e-6 * 75;
  near(v['stack.wc.min'], 25.028 - 25.010, 1e-9, 'worst case min at 20 °C');
  near(v['stack.wc.max'], 25.038 - 24.990, 1e-9, 'worst case max at 20 °C');
  near(v['stack.op.wc.min'], 25.028 * kP - 25.010 * kD, 1e-9, 'worst case min at −55 °C');
  near(v['stack.op.nominal'] - v['stack.nominal'], 25.028 * (kP - 1) - 25.0 * (kD - 1), 1e-9, 'the pocket closes');
  assert.equal(v['stack.verdict.measurement'], 'OK');
  assert.equal(v['stack.verdict.operating'], 'fails');
  assert.equal(v['stack.verdict'], 'fails');
  await page.waitForTimeout(200);
  await screenshot(page, 'stack-silicon-pocket');

  await clickAnchor(page, 'stack.selector');
  await page.waitForTimeout(150);
  await screenshot(page, 'stack-selector-open');
  await clickAnchor(page, 'stack.pick.s-lid');
  s = await waitFor(page, (x) => x.values['stack.id'] === 's-lid' && x.values['stack.mc.done'] === 1, 30000);
  v = s.values;
  // The tilt's sensitivity from the geometry: a 25 mm die edge, gap measured downwards (270°):
  // L·sin(φ − θ)·π/180 = 25·sin(270° − 0°)·π/180 = −25·π/180 mm per degree.
  near(v['stack.sens.k-tilt'], -25 * Math.PI / 180, 1e-9, 'tilt sensitivity');
  near(v['stack.sens.k-bond'], -1, 1e-12, 'bond line sensitivity (straight up, gap down)');
  await page.waitForTimeout(200);
  await screenshot(page, 'stack-silicon-lid');
  // Scroll down to the loop: its drawing and the vectors with their computed sensitivities.
  await page.mouse.move(300, 700);
  for (let i = 0; i < 20; i++) {
    const r = (await state(page)).anchors['stack.loop.add'];
    if (r && r[3] < 700) break;
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(80);
  }
  const r = (await state(page)).anchors['stack.loop'];
  assert.ok(r && r[1] > 60 && r[3] < 1150, 'the loop drawing is on screen');
  await page.waitForTimeout(200);
  await screenshot(page, 'stack-silicon-lid-loop');
  assert.deepEqual(errors, []);
  await context.close();
});
