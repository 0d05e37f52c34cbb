// Where the CPU goes while an edit's stack Monte Carlo runs in the real page (headless
// Chromium, the test build): the CPU time of every thread of every Chromium process (Linux
// /proc/<pid>/task/<tid>/stat, utime + stime, in clock ticks of 10 ms), summed over the
// edits and divided by their number, next to the wall time from the key to the finished run.
// The ticks are coarse; over 8 edits a thread's share is good to about 1.3 ms an edit.
//
//   node tests/bench/cpu_per_edit.mjs PLANS_DIR [WORKERS] [EDITS]   # plans: `mf_bench --write-plans`
//
// The benchmark stack (20 contributors × 10⁶ samples) in the Tolerances tab, its first
// tolerance edited by one key at a time; the page's own check of the finished run runs in its
// animation frames (no polling from here while an edit runs).
import fs from 'node:fs';
import { launch, serve, clickAnchor } from '../browser/lib.mjs';
import { openBenchPage, openBenchPlan, armFinishedRunClock, BENCH_STACK } from './bench_page.mjs';

const [dir, workersArg = '2', editsArg = '8'] = process.argv.slice(2);
if (!dir) throw new Error('usage: node tests/bench/cpu_per_edit.mjs PLANS_DIR [WORKERS] [EDITS]');
const workers = Number(workersArg), edits = Number(editsArg);

// Ticks by "process type:thread name" over every Chromium process.
function cpuTicks() {
  const ticks = {};
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chromium')) continue;
      const type = (cmd.match(/--type=([a-z-]+)/) || [null, 'browser'])[1];
      for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
        const s = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')'));
        const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
        const key = `${type}: ${name}`;
        ticks[key] = (ticks[key] || 0) + Number(f[11]) + Number(f[12]);
      }
    } catch { /* a process or thread that ended meanwhile */ }
  }
  return ticks;
}

const browser = await launch();
const server = await serve();
try {
  const { context, page } = await openBenchPage(browser, server.url, workers, { width: 1280, height: 800 });
  await openBenchPlan(page, dir, BENCH_STACK);
  await clickAnchor(page, 'stack.row0.tol_plus');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('2.1');
  await page.waitForTimeout(800);
  const total = {};
  let wall = 0;
  for (let i = 0; i < edits; ++i) {
    const finished = await armFinishedRunClock(page, { event: 'keydown', ...BENCH_STACK });
    const before = cpuTicks();
    await page.keyboard.press(i % 2 ? 'Digit1' : 'Backspace');  // 2.1 → 2. → 2.1 ...
    wall += await finished();
    const after = cpuTicks();
    for (const k of Object.keys(after)) total[k] = (total[k] || 0) + after[k] - (before[k] || 0);
    await page.waitForTimeout(700);
  }
  const ms = (ticks) => (ticks * 10) / edits;
  const rows = Object.entries(total).filter(([, t]) => t > 0).sort((a, b) => b[1] - a[1]);
  console.log(`stack, ${workers} worker(s), ${edits} edits: key → finished run ${(wall / edits).toFixed(1)} ms an edit`);
  console.log('| thread (process: name) | CPU ms an edit |');
  console.log('|---|---:|');
  for (const [k, t] of rows) console.log(`| ${k} | ${ms(t).toFixed(1)} |`);
  console.log(`| all | ${ms(rows.reduce((s, [, t]) => s + t, 0)).toFixed(1)} |`);
  await context.close();
} finally {
  await browser.close();
  server.close();
}
