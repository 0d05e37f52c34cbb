// The decision on one page in headless Chromium: open the micro-gearbox example, see the roads
// side by side on the Overview (one row per partner and the split plan, the dates filled in once
// the roads' Monte Carlo has run), check a figure against `mfplan compare --json`'s, and follow
// one link to the tab it comes from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, launch, serve, openApp, waitFor, openThroughFileInput, screenshot, clickAnchor } from './lib.mjs';

const GEARBOX = path.join(ROOT, 'assets/examples/micro-gearbox.mfplan.json');
const MFPLAN = process.env.MF_MFPLAN || path.join(ROOT, 'build/native/mfplan');
let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser.close(); server.close(); });

test('roads: the Overview shows the roads side by side and a figure links to its tab', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await openThroughFileInput(page, GEARBOX);
  await waitFor(page, (s) => s.name === 'Micro-gearbox for a surgical stapler');
  await clickAnchor(page, 'tab.overview');
  const s = await waitFor(page, (x) => x.values['overview.roads.count'] === 4 && x.values['overview.roads.running'] === 0, 90000);
  for (const road of ['inhouse', 'boutique', 'cm', 'split']) assert.ok(s.values[`overview.roads.${road}.name`], road);
  assert.equal(s.values['overview.recommended'], 'cm');  // no decider's choice: the weighted-sum top
  // The CM's production P80 equals the command line's (same seed and iterations, same plan).
  let cli = null;
  try { cli = JSON.parse(execFileSync(MFPLAN, ['compare', GEARBOX, '--json'], { encoding: 'utf8' })); } catch { /* no native build */ }
  if (cli) {
    const cm = cli.roads.find((r) => r.road === 'cm');
    assert.equal(s.values['overview.roads.cm.p80'], cm.production.p80);
  } else {
    assert.match(s.values['overview.roads.cm.p80'], /^\d{4}-\d{2}-\d{2}$/);
  }
  await screenshot(page, 'roads-overview');
  // Follow the CM's production date to the Timeline tab.
  await clickAnchor(page, 'overview.roads.cm.p80');
  await waitFor(page, (x) => x.values['schedule.measured.t-pilot.used'] !== undefined, 30000);
  await screenshot(page, 'roads-link-timeline');
  assert.deepEqual(errors, []);
});
