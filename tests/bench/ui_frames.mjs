// UI frames while a Monte Carlo computes, against frames without one, in the real page
// (headless Chromium, the test build): the issue-17 target "UI frames during a Monte Carlo no
// slower than without one".
//
//   node tests/bench/ui_frames.mjs PLANS_DIR   # plans written by `mf_bench --write-plans`
//
// The benchmark stack (20 contributors × 10⁶ samples) in the Tolerances tab. Each trial types
// a key into a tolerance field, then moves the mouse over the contributors table 12 times,
// 8 ms apart (every move asks for a frame). Half the trials type a key that changes the value
// (its Monte Carlo starts: "during a run", only frames while it runs count), half one that
// leaves it equal (no run). Every trial has the key's own frame, so the two differ only by the
// run. Per frame the script records the app's animation-frame callback (the page's thread, ms)
// and the time since the previous one; frames that return at once (< 0.5 ms: nothing to do)
// are left out. Prints medians and 90th percentiles (rank ⌊0.9·n⌋ of the sorted values,
// 0-based) for 0 (on the page), 1 and 2 workers.
import { launch, serve, clickAnchor, state } from '../browser/lib.mjs';
import { openBenchPage, openBenchPlan, BENCH_STACK } from './bench_page.mjs';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node tests/bench/ui_frames.mjs PLANS_DIR');

const sorted = (v) => [...v].sort((x, y) => x - y);
const median = (v) => sorted(v)[Math.floor(v.length / 2)];
const p90 = (v) => sorted(v)[Math.floor(v.length * 0.9)];

async function measure(browser, url, workers) {
  const { context, page } = await openBenchPage(browser, url, workers, { width: 1280, height: 800 });
  await page.evaluate(() => {  // every animation-frame callback: start, ms, run state after it
    const raf = window.requestAnimationFrame.bind(window);
    window.mfFrames = [];
    window.requestAnimationFrame = (cb) => raf((t) => {
      const a = performance.now();
      cb(t);
      window.mfFrames.push([a, performance.now() - a, Module.ccall('mf_test_value', 'number', ['string'], ['stack.mc.running'])]);
    });
  });
  await openBenchPlan(page, dir, BENCH_STACK);
  const field = (await state(page)).anchors['stack.row0.tol_plus'];
  const frames = { without: [], during: [] };
  for (let i = 0; i < 12; ++i) {
    const during = i % 2 === 1;
    await clickAnchor(page, 'stack.row0.tol_plus');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2.5');
    await page.waitForTimeout(900);
    await page.evaluate(() => { window.mfFrames = []; });
    await page.keyboard.type(during ? '1' : '0');  // 2.51: a run starts; 2.50: the same value
    for (let k = 0; k < 12; ++k) {
      await page.mouse.move(field[0] + 20 + k * 25, field[1] + 40 + (k % 3) * 20);
      await page.waitForTimeout(8);
    }
    const log = await page.evaluate(() => window.mfFrames);
    for (let k = 1; k < log.length; ++k) {
      if (log[k][1] < 0.5 || (during && log[k][2] !== 1)) continue;
      frames[during ? 'during' : 'without'].push({ ms: log[k][1], gap: log[k][0] - log[k - 1][0] });
    }
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
  }
  await context.close();
  return frames;
}

const browser = await launch();
const server = await serve();
try {
  console.log('| workers | frames | page\'s thread per frame, median / p90 (ms) | frame interval, median / p90 (ms) |');
  console.log('|---|---:|---:|---:|');
  for (const workers of [0, 1, 2]) {
    const f = await measure(browser, server.url, workers);
    for (const k of ['without', 'during']) {
      const ms = f[k].map((x) => x.ms), gap = f[k].map((x) => x.gap);
      console.log(`| ${workers}, ${k === 'during' ? 'during a run' : 'no run'} | ${f[k].length} | ` +
        `${median(ms).toFixed(1)} / ${p90(ms).toFixed(1)} | ${median(gap).toFixed(1)} / ${p90(gap).toFixed(1)} |`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
