// Time from an edit to the final Monte Carlo figure in the real page (headless Chromium, the
// test build of the app): what a user waits for, next to the kernel times mf_bench measures on
// the same inputs (scripts/bench.sh prints both in one run, with their ratios).
//
//   node tests/bench/edit_to_figure.mjs PLANS_DIR [FILTER]   # plans written by `mf_bench --write-plans`
//
// For each case: open the plan, open its tab, wait for the first Monte Carlo to finish, then
// 5 times type a new value into one field. A field applies its value as it is typed, so the
// edit is the last key: everything before it is typed first and left to settle, and the clock
// starts in the page at that key's keydown (performance.now()). It stops in the first
// animation frame whose published figures show the Monte Carlo finished for the edited plan
// (a finished run seen only after a frame in which it was running), so the figure includes
// the edit, the workers or the slices, and the frames between them; its resolution is one
// frame (about 16 ms). Prints one mf_bench-style row per case with the median. Each case runs
// on the page (0 workers: the sliced path where workers cannot start) and on 1 and 2 Web
// Workers ("?workers=N").
//
// Paired with each edit, 300 ms before its last key, the same Monte Carlo is computed once in
// one call on the page's thread (test hook mf_test_time_kernel): the single-thread kernel in
// this browser, in the same minute. A second row per case gives the median of the five
// ratios edit / that kernel: on a machine whose speed drifts from minute to minute, figures
// from different minutes (node's kernel, the page's edits) can differ by a third.
import { launch, serve, clickAnchor } from '../browser/lib.mjs';
import { openBenchPage, openBenchPlan, armFinishedRunClock, BENCH_STACK } from './bench_page.mjs';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node tests/bench/edit_to_figure.mjs PLANS_DIR');

const stackCase = (workers) => ({
  name: `edit → final stack MC figure in the Tolerances tab, 20 contributors × 10⁶ samples, ${workers} worker${workers === 1 ? '' : 's'}`,
  ...BENCH_STACK, tool: 'stack', workers,
  field: 'stack.row0.tol_plus', values: ['2.1', '2'],  // µm (the plan's display unit)
});
const scheduleCase = (workers) => ({
  name: `edit → final schedule MC figure in the Timeline tab, 201 tasks × 10 000 iterations, ${workers} worker${workers === 1 ? '' : 's'}`,
  plan: 'bench-schedule.mfplan.json', title: 'Benchmark: 201-task network', tab: 'tab.timeline', tool: 'schedule',
  field: 'schedule.task.s0t0.most_likely', values: ['4', '3'],  // working days
  done: 'schedule.mc.done', running: 'schedule.mc.running', workers,
});
const CASES = [stackCase(0), stackCase(1), stackCase(2), scheduleCase(0), scheduleCase(1), scheduleCase(2)];
const only = process.argv[3];  // optional: only the cases whose name contains this

const browser = await launch();
const server = await serve();
try {
  for (const c of CASES.filter((x) => !only || x.name.includes(only))) {
    const { context, page } = await openBenchPage(browser, server.url, c.workers);
    await openBenchPlan(page, dir, c);
    const ms = [], kernels = [];
    for (let i = 0; i < 5; ++i) {
      const text = c.values[i % 2];
      await clickAnchor(page, c.field);
      await page.keyboard.press('Control+a');
      await page.keyboard.type(text.slice(0, -1));  // the same value as before: nothing runs
      await page.waitForTimeout(200);
      kernels.push(await page.evaluate((tool) => Module.ccall('mf_test_time_kernel', 'number', ['string'], [tool]), c.tool));
      await page.waitForTimeout(300);
      const figure = await armFinishedRunClock(page, { event: 'keydown', done: c.done, running: c.running });
      await page.keyboard.type(text.slice(-1));
      ms.push(await figure());
      await page.keyboard.press('Enter');  // leaves the field with the value typed
      await page.waitForTimeout(300);
    }
    const median = (v) => [...v].sort((a, b) => a - b)[2];
    const ratios = ms.map((x, i) => x / kernels[i]);
    console.log(`| ${c.name} | ${median(ms).toFixed(1)} | ${ms.map((x) => x.toFixed(0)).join(' / ')} ms |`);
    console.log(`| paired: ${c.tool}, edit → final figure / the page's kernel just before, ${c.workers} worker${c.workers === 1 ? '' : 's'} | ` +
      `${median(ratios).toFixed(2)} | ${ratios.map((x) => x.toFixed(2)).join(' / ')} (kernel ${kernels.map((x) => x.toFixed(0)).join(' / ')} ms) |`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
