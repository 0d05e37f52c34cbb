// What the page benchmarks share (edit_to_figure, ui_frames, cpu_per_edit, first_analysis):
// opening the test build with a number of Web Workers, opening a benchmark plan in its tab,
// and the in-page clock from an input to the first frame that shows a run finished.
import path from 'node:path';
import { openApp, waitFor, openThroughFileInput, clickAnchor } from '../browser/lib.mjs';

// The app on `url` with "?workers=N" (0: on the page), past the kernels' and views' warm-up,
// with the workers asked for ready; `viewport` ({width, height}) if given.
export async function openBenchPage(browser, url, workers, viewport) {
  const { context, page } = await openApp(browser, `${url}?workers=${workers}`);
  if (viewport) await page.setViewportSize(viewport);
  await waitFor(page, (x) => x.warm_up_done === true, 60000);
  for (let t0 = Date.now(); Date.now() - t0 < 30000;) {
    if ((await page.evaluate(() => mfWorkers.ready)) >= workers) break;
    await page.waitForTimeout(50);
  }
  return { context, page };
}

// Opens PLANS_DIR/`plan` (written by `mf_bench --write-plans`) through the file input, titled
// `title`, then its tab `tab` (an anchor), and waits for that tab's Monte Carlo (`done`, a
// published value) to finish.
export async function openBenchPlan(page, dir, { plan, title, tab, done }) {
  await openThroughFileInput(page, path.join(dir, plan));
  await waitFor(page, (s) => s.name === title);
  await clickAnchor(page, tab);
  await waitFor(page, (x) => x.values[done] === 1, 120000);
}

// Installs, in the page, a clock from the next `event` ('keydown', 'mousedown') to the first
// animation frame whose published `done` is 1 after one in which the run was going (`running`
// is 1, `done` is 0, or not published yet: the tab not drawn). It reads the two values only
// (mf_test_value), not the whole state. Resolves once installed, with a function that waits
// for the ms.
export async function armFinishedRunClock(page, { event, done, running }) {
  await page.evaluate(({ event, done, running }) => {
    const value = (name) => Module.ccall('mf_test_value', 'number', ['string'], [name]);
    window.mfFinishedRunClock = new Promise((resolve) => {
      let t0 = null, sawRun = false;
      window.addEventListener(event, () => { t0 = performance.now(); }, { capture: true, once: true });
      const frame = () => {
        if (t0 !== null) {
          const d = value(done);
          if (value(running) === 1 || d === 0 || Number.isNaN(d)) sawRun = true;
          else if (sawRun && d === 1) return resolve(performance.now() - t0);
        }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  }, { event, done, running });
  return () => page.evaluate(() => window.mfFinishedRunClock);
}

// The benchmark stack (20 contributors × 10⁶ samples) in the Tolerances tab.
export const BENCH_STACK = {
  plan: 'bench-stack.mfplan.json', title: 'Benchmark: 20-contributor chain', tab: 'tab.tolerances',
  done: 'stack.mc.done', running: 'stack.mc.running',
};
