// The first analysis after loading against a warm one, in the real page (headless Chromium,
// the test build): issue 17's "first analysis after load ≤ 1.3× a warm one".
//
//   node tests/bench/first_analysis.mjs PLANS_DIR [LOADS]   # plans written by `mf_bench --write-plans`
//
// Per page load (0, 1 and 2 workers, LOADS loads each, default 4): wait for the kernels' and
// views' warm-up and 1.5 s more, open the benchmark stack (20 contributors × 10⁶ samples)
// through the file input, click the Tolerances tab and time, in the page, from the click's
// mousedown to the first frame that shows its Monte Carlo finished ("first"). Then three times:
// back to the Overview, open the same plan with the first tolerance changed (a new Monte Carlo;
// the same plan again would keep its finished run), click the Tolerances tab, time the same
// ("again"). Prints the medians and their ratio.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, serve, waitFor, openThroughFileInput, clickAnchor } from '../browser/lib.mjs';
import { openBenchPage, armFinishedRunClock, BENCH_STACK } from './bench_page.mjs';

const [dir, loadsArg = '4'] = process.argv.slice(2);
if (!dir) throw new Error('usage: node tests/bench/first_analysis.mjs PLANS_DIR [LOADS]');
const loads = Number(loadsArg);
const plan = path.join(dir, BENCH_STACK.plan);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mf-first-'));
const variants = [0.0021, 0.0022, 0.0023].map((tol, i) => {  // mm, against 0.002 in the plan
  const p = JSON.parse(fs.readFileSync(plan, 'utf8'));
  p.stacks[0].contributors[0].tol_plus = tol;
  const file = path.join(tmp, `bench-stack-${i}.mfplan.json`);
  fs.writeFileSync(file, JSON.stringify(p));
  return file;
});

// Clicks the Tolerances tab; resolves to the ms from the mousedown to the finished run's frame.
async function timeTolerancesTab(page) {
  const finished = await armFinishedRunClock(page, { event: 'mousedown', ...BENCH_STACK });
  await clickAnchor(page, BENCH_STACK.tab);
  return finished();
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const browser = await launch();
const server = await serve();
try {
  console.log('| workers | first (ms, each load) | again (ms) | median first / again |');
  console.log('|---|---|---|---:|');
  for (const workers of [0, 1, 2]) {
    const first = [], again = [];
    for (let load = 0; load < loads; ++load) {
      const { context, page } = await openBenchPage(browser, server.url, workers, { width: 1280, height: 800 });
      await page.waitForTimeout(1500);
      await openThroughFileInput(page, plan);
      await waitFor(page, (s) => s.name === BENCH_STACK.title);
      first.push(await timeTolerancesTab(page));
      for (const file of variants) {
        await clickAnchor(page, 'tab.overview');
        await page.waitForTimeout(300);
        await openThroughFileInput(page, file);
        await page.waitForTimeout(600);
        again.push(await timeTolerancesTab(page));
        await page.waitForTimeout(400);
      }
      await context.close();
    }
    const list = (v) => v.map((x) => x.toFixed(0)).join(', ');
    console.log(`| ${workers} | ${list(first)} | ${list(again)} | ${median(first).toFixed(1)} / ${median(again).toFixed(1)} = ` +
      `${(median(first) / median(again)).toFixed(2)} |`);
  }
} finally {
  await browser.close();
  server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
