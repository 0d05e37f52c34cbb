// The Decision tab in headless Chromium: open the example through the file input, open the
// tab, read the rankings on screen, type a new weight into the matrix and see the ranking
// change — every score checked against an independent computation written here from the
// formulas in docs/decision.md and the example's numbers — plus screenshots of every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, launch, serve, openApp, state, waitFor, openThroughFileInput, screenshot, distinctColours,
  clickAnchor, resizeViewport } from './lib.mjs';

const EXAMPLE = path.join(ROOT, 'assets/examples/micro-gearbox.mfplan.json');
let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser.close(); server.close(); });

// [SECTION] Independent computation (docs/decision.md) ----------------------------------------

// ⌈x⌉ forgiving relative noise of 1e-9, as documented.
const countUp = (x) => (x > 0 ? Math.ceil(x - 1e-9 * x) : 0);

// All-in cost per good part at V good parts.
function costPerGoodPart(partner, quarters, V) {
  const m = partner.cost, ev = partner.evidence || {};
  const g = (k) => m[k] ?? 0;
  const y = m.first_pass_yield ?? 1, r = g('rework_success');
  const S = V / (y + (1 - y) * r);
  const perRevision = g('revision_fixed') + g('revision_hours') * g('hourly_rate');
  let C = g('nre') * (1 + g('nre_material_uplift'));
  C += g('revisions') * (m.revision_cap !== undefined ? Math.min(perRevision, m.revision_cap) : perRevision);
  C += g('capability_study') + g('capital');
  if (g('tooling') > 0) C += g('tooling') * (g('tooling_life') > 0 ? countUp(S / g('tooling_life')) : 1);
  const perLot = g('setup_per_lot') + g('shipping_per_lot') + g('inspection_per_lot');
  if (perLot > 0) C += perLot * (g('lot_size') > 0 ? countUp(S / g('lot_size')) : 1);
  if (g('requalification_per_batch') > 0)
    C += g('requalification_per_batch') * (g('material_batch_size') > 0 ? countUp(S / g('material_batch_size')) : 1);
  const perQuarter = g('cleanroom_per_quarter') + g('staff_per_quarter');
  if (perQuarter > 0) {
    const cap = ev.monthly_capacity ?? 0;
    C += perQuarter * Math.max(quarters, cap > 0 ? countUp(S / (3 * cap)) : 0);
  }
  let price = m.price_breaks[0].unit_price;  // all-units: the highest break reached
  for (const b of m.price_breaks) if (b.quantity <= S) price = b.unit_price;
  C += S * (price + (r > 0 ? (1 - y) * g('rework_cost') : 0) + (1 - y) * (1 - r) * g('scrap_cost'));
  return C / V;
}

// The raw matrix: entered scores and the derived columns the example uses.
function rawMatrix(d) {
  const quarters = d.programme_quarters ?? 4;
  return d.partners.map((p) => d.criteria.map((c) => {
    switch (c.source ?? 'entered') {
      case 'entered': return d.scores.find((s) => s.partner === p.id && s.criterion === c.id).value;
      case 'cost-per-good-part': return costPerGoodPart(p, quarters, d.planned_volume);
      case 'first-article-days': return p.evidence.first_article_days;
      case 'monthly-capacity': return p.evidence.monthly_capacity;
      default: throw new Error('source not used by the example: ' + c.source);
    }
  }));
}

// Weighted sum: columns to 0–1 "more is better" (scale or ratio to best), weights summing to 1.
function weightedSum(d) {
  const x = rawMatrix(d);
  const wsum = d.criteria.reduce((a, c) => a + c.weight, 0);
  return d.partners.map((_, i) => d.criteria.reduce((acc, c, j) => {
    const col = x.map((row) => row[j]);
    const v = x[i][j];
    let u;
    if (c.scale_min !== undefined) u = c.benefit ? (v - c.scale_min) / (c.scale_max - c.scale_min) : (c.scale_max - v) / (c.scale_max - c.scale_min);
    else u = c.benefit ? v / Math.max(...col) : Math.min(...col) / v;
    return acc + (c.weight / wsum) * u;
  }, 0));
}

// TOPSIS with vector normalisation.
function topsis(d) {
  const x = rawMatrix(d);
  const wsum = d.criteria.reduce((a, c) => a + c.weight, 0);
  const v = x.map((row) => row.map((val, j) => {
    const norm = Math.sqrt(x.reduce((a, r) => a + r[j] * r[j], 0));
    return (d.criteria[j].weight / wsum) * val / norm;
  }));
  const best = d.criteria.map((c, j) => (c.benefit ? Math.max : Math.min)(...v.map((r) => r[j])));
  const worst = d.criteria.map((c, j) => (c.benefit ? Math.min : Math.max)(...v.map((r) => r[j])));
  const dist = (r, ref) => Math.sqrt(r.reduce((a, val, j) => a + (val - ref[j]) ** 2, 0));
  return v.map((r) => dist(r, worst) / (dist(r, best) + dist(r, worst)));
}

const argmax = (xs) => xs.indexOf(Math.max(...xs));
const close = (a, b, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

// [SECTION] The test ---------------------------------------------------------------------------

test('Decision tab: rankings on screen match an independent computation; typing a weight changes the ranking', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await openThroughFileInput(page, EXAMPLE);
  await waitFor(page, (x) => x.name === 'Micro-gearbox for a surgical stapler');
  await page.waitForTimeout(200);

  await clickAnchor(page, 'tab.decision');
  let s = await waitFor(page, (x) => x.values['decision.page'] === 'matrix' && x.values['decision.mc.done'] === 1);
  const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')).decision;
  const ids = example.partners.map((p) => p.id);

  // Before: the CM leads both methods; every score equals the independent one.
  let ws = weightedSum(example), tp = topsis(example);
  assert.equal(ids[argmax(ws)], 'cm');
  assert.equal(s.values['decision.ws.top'], 'cm');
  assert.equal(s.values['decision.topsis.top'], ids[argmax(tp)]);
  ids.forEach((id, i) => {
    assert.ok(close(s.values['decision.ws.' + id], ws[i]), `weighted sum of ${id}: page ${s.values['decision.ws.' + id]}, JS ${ws[i]}`);
    assert.ok(close(s.values['decision.topsis.' + id], tp[i]), `TOPSIS of ${id}: page ${s.values['decision.topsis.' + id]}, JS ${tp[i]}`);
  });
  assert.equal(s.values['decision.problems'], 0);
  await page.waitForTimeout(200);
  const png = await screenshot(page, 'decision-matrix');
  assert.ok(await distinctColours(page, png) > 50);

  // Type 0.3 into the weight of "Iteration flexibility" (0.08 in the file).
  await clickAnchor(page, 'decision.weight.c-iteration');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('0.3');
  await page.keyboard.press('Enter');
  s = await waitFor(page, (x) => x.values['decision.ws.top'] !== 'cm');

  const edited = structuredClone(example);
  edited.criteria.find((c) => c.id === 'c-iteration').weight = 0.3;
  ws = weightedSum(edited);
  tp = topsis(edited);
  assert.equal(ids[argmax(ws)], 'boutique', 'by hand, the boutique now leads the weighted sum');
  assert.equal(s.values['decision.ws.top'], 'boutique');
  ids.forEach((id, i) => {
    assert.ok(close(s.values['decision.ws.' + id], ws[i]), `weighted sum of ${id} after the edit: page ${s.values['decision.ws.' + id]}, JS ${ws[i]}`);
    assert.ok(close(s.values['decision.topsis.' + id], tp[i]), `TOPSIS of ${id} after the edit`);
  });
  assert.ok(close(s.values['decision.weight.c-iteration'], 0.3 / 1.22));
  assert.equal(s.undo, 'Set weight of Iteration flexibility');
  assert.equal(s.unsaved, true);
  await page.waitForTimeout(300);
  await screenshot(page, 'decision-matrix-edited');

  // Ctrl+Z (outside the field) brings the CM back on top.
  await page.keyboard.press('Control+z');
  s = await waitFor(page, (x) => x.values['decision.ws.top'] === 'cm');
  assert.equal(s.unsaved, false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Decision tab: every page renders (screenshots)', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await openThroughFileInput(page, EXAMPLE);
  await waitFor(page, (x) => x.name === 'Micro-gearbox for a surgical stapler');
  await page.waitForTimeout(200);
  await clickAnchor(page, 'tab.decision');
  await waitFor(page, (x) => x.values['decision.page'] === 'matrix');
  for (const name of ['partners', 'criteria', 'sensitivity', 'cost', 'processes', 'warnings']) {
    await clickAnchor(page, 'decision.page.' + name);
    await waitFor(page, (x) => x.values['decision.page'] === name);
    await page.waitForTimeout(250);
    const png = await screenshot(page, 'decision-' + name);
    assert.ok(await distinctColours(page, png) > 50, name + ' shows something');
    if (['partners', 'sensitivity', 'cost', 'processes'].includes(name)) {  // and the rest of the page
      await page.mouse.move(640, 500);
      await page.mouse.wheel(0, 3000);
      await page.waitForTimeout(300);
      await screenshot(page, 'decision-' + name + '-bottom');
    }
  }
  // A smaller window: the matrix squeezes (names and headers wrap) rather than clipping.
  await resizeViewport(page, 1000, 700);
  await clickAnchor(page, 'decision.page.matrix');
  await waitFor(page, (x) => x.values['decision.page'] === 'matrix');
  await page.waitForTimeout(300);
  await screenshot(page, 'decision-matrix-narrow');
  await resizeViewport(page, 1280, 800);
  // The cost chart with a hover readout.
  await clickAnchor(page, 'decision.page.cost');
  const s = await waitFor(page, (x) => x.values['decision.page'] === 'cost' && x.anchors['decision.cost_chart']);
  const r = s.anchors['decision.cost_chart'];
  await page.mouse.move(r[0] + (r[2] - r[0]) * 0.55, r[1] + (r[3] - r[1]) * 0.5);
  await page.waitForTimeout(250);
  await screenshot(page, 'decision-cost-hover');
  // AHP: switching fills the judgements from the direct weights: consistent, CR 0, the CM on top.
  await clickAnchor(page, 'decision.page.criteria');
  await waitFor(page, (x) => x.values['decision.page'] === 'criteria');
  await clickAnchor(page, 'decision.weighting.ahp');
  const b = await waitFor(page, (x) => x.values['decision.ahp.cr'] !== undefined && x.values['decision.problems'] === 0 &&
                                       x.values['decision.ws.top'] === 'cm');
  assert.ok(Math.abs(b.values['decision.ahp.cr']) < 1e-9);
  assert.ok(close(b.values['decision.weight.c-capability'], 0.25));
  await page.mouse.move(640, 500);
  await page.mouse.wheel(0, 3000);
  await page.waitForTimeout(300);
  await screenshot(page, 'decision-ahp');
  assert.deepEqual(errors, []);
  await context.close();
});
