// The Monte Carlo on Web Workers (gui/parallel_blocks_run.h, shell.html [Workers]) in headless
// Chromium: with 0 (on the page), 1, 2 and 4 workers the Tolerances tab (stack) and the Timeline
// tab (schedule) show the same figures, bit for bit, and they equal the native CLI's for the
// same seed; the workers start from file:// too; a worker that stops mid-run leaves the
// figures unchanged; a cancelled run's requests a worker has not started are never computed;
// a reply that lands just before an animation frame is taken in after it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, APP, launch, serve, openApp, state, waitFor, openThroughFileInput, clickAnchor } from './lib.mjs';

const GEARBOX = path.join(ROOT, 'assets/examples/micro-gearbox.mfplan.json');
const MFPLAN = process.env.MF_CLI ? path.resolve(process.env.MF_CLI) : path.join(ROOT, 'build/native/mfplan');
const FIGURES = ['mean', 'sigma', 'p00135', 'p99865', 'ppm_total', 'ci95.lower', 'ci95.upper',
  'op.mean', 'op.sigma', 'op.p00135', 'op.p99865', 'op.ppm_total'];

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser.close(); server.close(); });

// A 4-core machine as far as the page can tell, so 4 workers may start on the 2-core runner.
const fourCores = { init: () => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 4 }) };

// The stack Monte Carlo's figures the page shows now.
async function stackFigures(page) {
  const s = await state(page);
  return Object.fromEntries(FIGURES.map((f) => [f, s.values['stack.mc.' + f]]));
}

// Opens `url` in a new context, waits for `workers` ready workers and past the start page.
async function openWithWorkers(url, workers) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(fourCores.init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await waitFor(page, (x) => x.frames_drawn >= 2);
  const pool = () => page.evaluate(() => ({ ready: mfWorkers.ready, delivered: mfWorkers.delivered }));
  const t0 = Date.now();
  while ((await pool()).ready < workers && Date.now() - t0 < 30000) await page.waitForTimeout(50);
  assert.equal((await pool()).ready, workers, `${workers} workers ready`);
  const s0 = await state(page);
  if (s0.start_open) await clickAnchor(page, 'start.close');
  return { context, page, errors, pool };
}

// Opens the gearbox example on `url`, waits for `workers` ready workers, runs the shaft stack's
// Monte Carlo in the Tolerances tab; returns its figures and how many results workers delivered.
async function runGearShaft(url, workers, { midRun } = {}) {
  const { context, page, errors, pool } = await openWithWorkers(url, workers);
  await openThroughFileInput(page, GEARBOX);
  await waitFor(page, (s) => s.name === 'Micro-gearbox for a surgical stapler');
  await clickAnchor(page, 'tab.tolerances');
  if (midRun) await midRun(page);
  const s = await waitFor(page, (x) => x.values['stack.id'] === 's-gear-shaft' && x.values['stack.mc.done'] === 1, 120000);
  const figures = Object.fromEntries(FIGURES.map((f) => [f, s.values['stack.mc.' + f]]));
  const result = { figures, samples: s.values['stack.mc.samples'], delivered: (await pool()).delivered, errors };
  await context.close();
  return result;
}

// The launch-timeline example's schedule Monte Carlo (10 000 iterations, seed 1) in the
// Timeline tab: its figures, every task's criticality and P80 finish, and what workers delivered.
const LAUNCH = path.join(ROOT, 'assets/examples/launch-timeline.mfplan.json');
const LAUNCH_TASKS = ['t-dfmf', 't-fixture', 't-first-article', 't-pilot', 't-ramp', 't-scale-first-article',
  't-scale-ramp', 'm-samples', 'm-production'];
async function runLaunchTimeline(url, workers, { midRun } = {}) {
  const { context, page, errors, pool } = await openWithWorkers(url, workers);
  await openThroughFileInput(page, LAUNCH);
  await waitFor(page, (s) => s.name.startsWith('Micro-gearbox launch timeline'));
  await clickAnchor(page, 'tab.timeline');
  if (midRun) await midRun(page);
  const s = await waitFor(page, (x) => x.values['schedule.mc.done'] === 1 && x.values['schedule.mc.state'] === x.state_id,
    120000);
  const v = (k) => s.values['schedule.mc.' + k];
  const figures = {
    p10: v('p10'), p50: v('p50'), p80: v('p80'), p95: v('p95'), sd: v('sd'), buffer: v('buffer'),
    merge_bias: v('merge_bias'), p_deadline: v('p_deadline'), p50_date: v('p50_date'), p80_date: v('p80_date'),
    iterations: v('iterations'),
  };
  for (const t of LAUNCH_TASKS) {
    figures[t + '.criticality'] = v(`task.${t}.criticality`);
    figures[t + '.p80_finish'] = v(`task.${t}.p80_finish`);
  }
  const result = { figures, delivered: (await pool()).delivered, errors };
  await context.close();
  return result;
}

test('stack Monte Carlo: 0, 1, 2 and 4 workers give the same figures, equal to the CLI', async () => {
  const runs = {};
  for (const n of [0, 1, 2, 4]) runs[n] = await runGearShaft(`${server.url}?workers=${n}`, n);
  assert.equal(runs[0].delivered, 0, 'no worker: the page computes');
  for (const n of [1, 2, 4]) {
    assert.ok(runs[n].delivered >= n, `${n} workers delivered ${runs[n].delivered} results`);
    assert.deepEqual(runs[n].figures, runs[0].figures, `${n} workers`);
    assert.deepEqual(runs[n].errors, []);
  }
  assert.equal(runs[0].samples, 1000000);
  // The native CLI, same stack, seed 1 and 10⁶ samples (both defaults).
  const cli = JSON.parse(execFileSync(MFPLAN, ['stack', GEARBOX, '--stack', 's-gear-shaft', '--json'], { encoding: 'utf8' }));
  const mc = cli.stacks.find((x) => x.id === 's-gear-shaft').monte_carlo;
  assert.equal(runs[2].figures.mean, mc.mean);
  assert.equal(runs[2].figures.sigma, mc.sigma);
  assert.equal(runs[2].figures.p00135, mc.percentiles['0.135']);
  assert.equal(runs[2].figures.p99865, mc.percentiles['99.865']);
  assert.equal(runs[2].figures.ppm_total, mc.ppm_total);
});

test('stack Monte Carlo: workers start from file://, and a worker that stops mid-run changes nothing', async () => {
  const url = pathToFileURL(APP).href;
  const local = await runGearShaft(`${url}?workers=2`, 2);
  assert.ok(local.delivered >= 2, `from file:// workers delivered ${local.delivered} results`);
  const reference = await runGearShaft(`${server.url}?workers=0`, 0);
  assert.deepEqual(local.figures, reference.figures);
  // Stop every worker as soon as the run has started: what they held comes back not done and
  // the page computes the rest.
  const stopped = await runGearShaft(`${server.url}?workers=2`, 2, {
    midRun: async (page) => {
      await waitFor(page, (x) => x.values['stack.mc.running'] === 1 || x.values['stack.mc.done'] === 1, 60000);
      await page.evaluate(() => mfWorkers.all.slice().forEach((w) => mfWorkerFailed(w, 'stopped by the test')));
    },
  });
  assert.deepEqual(stopped.figures, reference.figures);
  assert.deepEqual(stopped.errors, []);
});

test('schedule Monte Carlo: 0, 1, 2 and 4 workers give the same figures, equal to the CLI', async () => {
  const runs = {};
  for (const n of [0, 1, 2, 4]) runs[n] = await runLaunchTimeline(`${server.url}?workers=${n}`, n);
  assert.equal(runs[0].delivered, 0, 'no worker: the page computes');
  for (const n of [1, 2, 4]) {
    assert.ok(runs[n].delivered >= n, `${n} workers delivered ${runs[n].delivered} results`);
    assert.deepEqual(runs[n].figures, runs[0].figures, `${n} workers`);
    assert.deepEqual(runs[n].errors, []);
  }
  assert.equal(runs[0].figures.iterations, 10000);
  // t-fixture is critical in some iterations only: a sampled criticality, not a 0 or 1.
  assert.ok(runs[0].figures['t-fixture.criticality'] > 0.1 && runs[0].figures['t-fixture.criticality'] < 0.5);
  // The native CLI, same plan, 10 000 iterations and seed 1 (both defaults).
  const cli = JSON.parse(execFileSync(MFPLAN, ['schedule', LAUNCH, '--json'], { encoding: 'utf8' })).monte_carlo;
  const f = runs[2].figures;
  assert.equal(f.p10, cli.p10_offset);
  assert.equal(f.p50, cli.p50_offset);
  assert.equal(f.p80, cli.p80_offset);
  assert.equal(f.p95, cli.p95_offset);
  assert.equal(f.sd, cli.sd);
  assert.equal(f.buffer, cli.buffer_working_days);
  assert.equal(f.p_deadline, cli.probability_meet_deadline);
  assert.equal(f.p50_date, cli.p50);
  assert.equal(f.p80_date, cli.p80);
  for (const t of LAUNCH_TASKS) {
    assert.equal(f[t + '.criticality'], cli.criticality[t], `${t} criticality`);
    assert.equal(f[t + '.p80_finish'], cli.task_finish[t].p80_offset, `${t} P80 finish`);
  }
});

test('schedule Monte Carlo: a worker that stops mid-run changes nothing', async () => {
  const reference = await runLaunchTimeline(`${server.url}?workers=0`, 0);
  const stopped = await runLaunchTimeline(`${server.url}?workers=2`, 2, {
    midRun: async (page) => {
      await waitFor(page, (x) => x.values['schedule.mc.running'] === 1 || x.values['schedule.mc.done'] === 1, 60000);
      await page.evaluate(() => mfWorkers.all.slice().forEach((w) => mfWorkerFailed(w, 'stopped by the test')));
    },
  });
  assert.deepEqual(stopped.figures, reference.figures);
  assert.deepEqual(stopped.errors, []);
});

test('rank-first Monte Carlo: 0, 1 and 2 workers give the same P(first), equal to the CLI', async () => {
  const cli = JSON.parse(execFileSync(MFPLAN, ['decide', GEARBOX, '--json'], { encoding: 'utf8' })).rank_first;
  for (const n of [0, 1, 2]) {
    const { context, page, errors, pool } = await openWithWorkers(`${server.url}?workers=${n}`, n);
    await openThroughFileInput(page, GEARBOX);
    await waitFor(page, (s) => s.name === 'Micro-gearbox for a surgical stapler');
    await clickAnchor(page, 'tab.decision');
    const s = await waitFor(page, (x) => x.values['decision.mc.done'] === 1, 60000);
    for (const p of cli.partners) assert.equal(s.values['decision.mc.p_first.' + p.partner], p.p_first, `${n} workers, ${p.partner}`);
    const delivered = (await pool()).delivered;
    if (n === 0) assert.equal(delivered, 0);
    else assert.ok(delivered >= n, `${n} workers delivered ${delivered} results`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('workers: a cancelled run\'s requests not yet started are dropped by the worker, never computed', async () => {
  const { context, page, errors } = await openWithWorkers(`${server.url}?workers=1`, 1);
  // A real request, as the Tolerances tab sends it: the shaft stack's 10⁶ samples (tens of ms
  // to compute the whole range), caught on its way to the worker.
  await page.evaluate(() => {
    const post = mfWorkersPost;
    window.mfSeen = [];
    mfWorkersPost = (t) => { window.mfSeen.push(t); post(t); };
  });
  await openThroughFileInput(page, GEARBOX);
  await waitFor(page, (s) => s.name === 'Micro-gearbox for a surgical stapler');
  await clickAnchor(page, 'tab.tolerances');
  await waitFor(page, (x) => x.values['stack.mc.done'] === 1, 120000);
  const request = await page.evaluate(() => window.mfSeen.find((t) => t.kind === 'stack').request);
  const answered = () => page.evaluate(() => mfWorkers.answered);
  const base = await answered();
  // The control: three requests of all 977 blocks, not cancelled, come back. Their job number
  // is no run's, so the page keeps them from the app (dropped).
  await page.evaluate((text) => {
    mfWorkers.dropped.add(1e9);
    for (let i = 0; i < 3; i++) mfWorkersPost({ job: 1e9, kind: 'stack', request: text, first: 0, count: 977 });
  }, request);
  for (let t0 = Date.now(); (await answered()) < base + 3 && Date.now() - t0 < 20000;) await page.waitForTimeout(20);
  assert.equal(await answered(), base + 3, 'the control: 3 requests, 3 answers');
  // Ten such requests and their cancel in one task: the cancel reaches the worker while it
  // computes the first (tens of ms), and the other nine are never computed.
  await page.evaluate((text) => {
    for (let i = 0; i < 10; i++) mfWorkersPost({ job: 1e9 + 1, kind: 'stack', request: text, first: 0, count: 977 });
    mfWorkersCancel(1e9 + 1);
  }, request);
  await page.waitForTimeout(1500);
  const computed = (await answered()) - base - 3;
  assert.ok(computed <= 1, `at most the request already started is computed: ${computed} of 10`);
  assert.equal(await page.evaluate(() => mfWorkers.usable[0].mfTasks.length), 0, 'the page holds none of them either');
  assert.deepEqual(errors, []);
  await context.close();
});

// shell.html [Workers]: while the user moves the pointer during a run, the page gives the last
// worker no new request (a core stays free for its frames); the others compute the rest, and
// the figures are the ones two workers give undisturbed.
test('workers: while the pointer moves during a run, the last worker is given no new request', async () => {
  const { context, page, errors } = await editingShaftTolerance(2, 800);
  const figures = () => stackFigures(page);
  // Every request handed to a worker, by worker; from the edit's key on, a pointer move every
  // 4 ms for 400 ms (as from a mouse: the page sees no difference).
  await page.evaluate(() => {
    window.mfPosts = [];
    mfWorkers.usable.forEach((w, i) => {
      const post = w.postMessage.bind(w);
      w.postMessage = (m) => { if (m && m.kind) window.mfPosts.push({ worker: i, t: performance.now() }); post(m); };
    });
    window.addEventListener('keydown', () => {
      const t0 = performance.now();
      window.mfFirstMove = null;
      const id = setInterval(() => {
        if (performance.now() - t0 > 400) return clearInterval(id);
        const e = new PointerEvent('pointermove', { clientX: 300, clientY: 300 });
        if (window.mfFirstMove === null) window.mfFirstMove = e.timeStamp;
        window.dispatchEvent(e);
      }, 4);
    }, { capture: true, once: true });
  });
  await page.keyboard.type('1');  // 7.31
  await waitFor(page, (x) => x.values['stack.mc.done'] === 1, 20000);
  const held = await figures();
  const { posts, firstMove } = await page.evaluate(() => ({ posts: window.mfPosts, firstMove: window.mfFirstMove }));
  assert.ok(firstMove !== null);
  const after = posts.filter((p) => p.t > firstMove);
  assert.ok(after.some((p) => p.worker === 0), `the first worker is given requests meanwhile: ${JSON.stringify(posts)}`);
  assert.deepEqual(after.filter((p) => p.worker === 1), [], `none to the last: ${JSON.stringify(posts)}`);
  // The same value again after another, with no pointer moving: the same figures.
  await page.keyboard.press('Backspace');  // 7.3
  await waitFor(page, (x) => x.values['stack.mc.done'] === 1 && x.values['stack.mc.mean'] !== held.mean, 20000);
  await page.keyboard.type('1');  // 7.31
  await waitFor(page, (x) => x.values['stack.mc.done'] === 1 && x.values['stack.mc.mean'] === held.mean, 20000);
  assert.deepEqual(await figures(), held);
  assert.deepEqual(errors, []);
  await context.close();
});

// gui/frame_clock.h, web/main_web.cpp: a reply that arrives less than 4 ms before the next
// animation frame is taken in just after that frame, not before it (where it would delay it);
// a run's last reply at once.
// The page's worker messages are held back here to land about 2 ms before a frame; right after
// each is handed over, the test reads whether the run took it in (no reply left waiting) or
// not. Mouse moves keep the page's loop running meanwhile (a paused loop takes replies in at once).
test('workers: a reply that arrives just before an animation frame is taken in after that frame', async () => {
  const { context, page, errors } = await editingShaftTolerance(1, 800);
  const figures = () => stackFigures(page);
  await page.evaluate(() => {
    const interval = 1000 / 60;
    // As gui/frame_clock.h: a frame past its time begins once the thread is free; after two
    // intervals without one, frames are not running (the page takes replies in at once) and
    // the reply is left out below (null), with a margin for the page deciding a moment later.
    const toNextFrame = () => {
      const since = performance.now() - document.timeline.currentTime;
      if (since > 2 * interval - 2) return null;
      return since < interval ? interval - since : 0;
    };
    const hand = mfWorkerMessage;
    window.mfTakenIn = [];
    window.mfAim = false;
    let aimed = 0;
    mfWorkerMessage = function (w, m) {
      if (m.type !== 'done' || !window.mfAim) return hand(w, m);
      let wait = (toNextFrame() ?? 0) - (++aimed % 2 ? 2 : 9);  // 2 ms before a frame, or 9
      if (wait < 0.5) wait += interval;
      setTimeout(() => {
        const left = toNextFrame(), since = performance.now() - document.timeline.currentTime;
        const last = !mfWorkers.queue.some((t) => t.job === m.job) &&
          !w.mfTasks.some((t) => t.job === m.job && t.first !== m.first);
        hand(w, m);
        window.mfTakenIn.push({ left, since, last, waiting: Module.ccall('mf_test_worker_replies_waiting', 'number', [], []) });
      }, wait);
    };
    const canvas = document.getElementById('canvas');
    let x = 300;
    window.mfMoving = setInterval(() => canvas.dispatchEvent(new MouseEvent('mousemove', { clientX: (x ^= 1), clientY: 300, bubbles: true })), 8);
  });
  let inside = [], outside = [], last = [];
  let value = '7.3';
  for (let round = 0; round < 10 && (inside.length < 4 || outside.length < 4); ++round) {
    await page.evaluate(() => { window.mfAim = true; });
    value = round % 2 ? '7.3' : '7.31';
    if (round % 2) await page.keyboard.press('Backspace'); else await page.keyboard.type('1');
    await waitFor(page, (x) => x.values['stack.mc.done'] === 1 && x.values['stack.mc.running'] === 0, 20000);
    const log = await page.evaluate(() => window.mfTakenIn.splice(0));
    // The page decides a moment later than this log (it first copies the reply): a margin.
    inside = inside.concat(log.filter((x) => !x.last && x.left !== null && x.left < 3.5));
    outside = outside.concat(log.filter((x) => !x.last && x.left !== null && x.left > 5.5));
    last = last.concat(log.filter((x) => x.last));
  }
  const seen = `just before a frame: ${JSON.stringify(inside)}; further: ${JSON.stringify(outside)}`;
  assert.ok(inside.length >= 4 && outside.length >= 4, seen);
  // Each is still waiting when it has been handed over; one further from a frame is taken in
  // at once. The page decides a moment after this log; on a loaded machine that moment can
  // fall on the other side of the 4 ms (or past two frame intervals, where the page takes it
  // in at once), so three in four, not all.
  assert.ok(inside.filter((x) => x.waiting >= 1).length >= 0.75 * inside.length, seen);
  assert.ok(outside.filter((x) => x.waiting === 0).length >= 0.75 * outside.length, seen);
  // A run's last reply is taken in at once wherever it lands: the frame it delays shows the result.
  assert.ok(last.length >= 1);
  assert.deepEqual(last.filter((x) => x.waiting !== 0), [], 'a run\'s last reply is taken in at once');
  // The same value typed again with the replies as they come: the same figures.
  const aimed = await figures();
  await page.evaluate(() => { window.mfAim = false; });
  await page.keyboard.press(value === '7.31' ? 'Backspace' : 'Digit1');
  await waitFor(page, (x) => x.values['stack.mc.done'] === 1 && x.values['stack.mc.mean'] !== aimed.mean, 20000);
  await page.keyboard.press(value === '7.31' ? 'Digit1' : 'Backspace');
  await waitFor(page, (x) => x.values['stack.mc.done'] === 1 && x.values['stack.mc.mean'] === aimed.mean, 20000);
  assert.deepEqual(await figures(), aimed);
  await page.evaluate(() => clearInterval(window.mfMoving));
  assert.deepEqual(errors, []);
  await context.close();
});

// gui/frame_settle.h: in a browser without a GPU each drawn image costs ~60 ms of CPU, so an
// edit that starts a run on workers draws one settled image (the typed value, the progress
// bar, the table refitted), then at most a progress image every 0.25 s, then the result once.
// The gearbox's shaft stack in the Tolerances tab on `workers` workers, its first tolerance
// field being edited with 7.3 typed (applied as typed: that value's run has finished), and the
// page left alone for `settle` ms; the next key typed changes the value.
async function editingShaftTolerance(workers, settle) {
  const opened = await openWithWorkers(`${server.url}?workers=${workers}`, workers);
  const { page } = opened;
  await openThroughFileInput(page, GEARBOX);
  await waitFor(page, (s) => s.name === 'Micro-gearbox for a surgical stapler');
  await clickAnchor(page, 'tab.tolerances');
  await waitFor(page, (x) => x.values['stack.mc.done'] === 1, 120000);
  await clickAnchor(page, 'stack.row0.tol_plus');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('7.3');
  await waitFor(page, (x) => x.values['stack.mc.done'] === 1, 120000);
  await page.waitForTimeout(settle);
  return opened;
}

test('frames: an edit that starts a run draws one settled image, then the finished result once', async () => {
  const { context, page, errors } = await editingShaftTolerance(2, 800);
  // Every image drawn from the next key on, with the run's state as that image shows it. An
  // image drawn in part clears each of its rectangles: they are one image, numbered by the
  // test build's count of images (Module.mfImages, web/main_web.cpp), taken before its clears.
  await page.evaluate(() => {
    window.mfImages = [];
    const value = (name) => Module.ccall('mf_test_value', 'number', ['string'], [name]);
    const clear = WebGL2RenderingContext.prototype.clear;
    WebGL2RenderingContext.prototype.clear = function (mask) {
      const n = Module.mfImages.whole + Module.mfImages.partial;
      if (window.mfImages.length === 0 || window.mfImages.at(-1).n !== n)
        window.mfImages.push({ n, t: performance.now(), running: value('stack.mc.running'), done: value('stack.mc.done') });
      return clear.call(this, mask);
    };
  });
  await page.keyboard.type('1');
  await waitFor(page, (x) => x.values['stack.mc.done'] === 1, 120000);
  await page.waitForTimeout(800);
  const images = await page.evaluate(() => window.mfImages);
  assert.ok(images.length >= 2, `images drawn: ${JSON.stringify(images)}`);
  assert.equal(images[0].running, 1, 'the first image already shows the run (not the key press alone)');
  const final = images.findIndex((x) => x.done === 1);
  assert.equal(final, images.length - 1, `the result is drawn once, settled: ${JSON.stringify(images)}`);
  for (let i = 1; i < final; ++i) {
    assert.equal(images[i].running, 1);
    assert.ok(images[i].t - images[i - 1].t >= 200, `progress images at most 4 a second: ${JSON.stringify(images)}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// web/main_web.cpp: the first input after the page was idle, and a run's last reply, start a
// frame in a task of their own instead of waiting for the next animation frame (up to 16.7 ms,
// and the result showed one animation frame after that). With animation frames withheld
// altogether, a typed value is taken and its Monte Carlo's result published by those alone.
test('frames: an edit on an idle page and its result on workers need no animation frame', async () => {
  const { context, page, errors } = await editingShaftTolerance(1, 1200);  // the loop has stopped: the page is idle
  const before = await state(page);
  await page.evaluate(() => { window.requestAnimationFrame = () => 0; });  // none from now on
  await page.keyboard.type('1');
  const after = await waitFor(page, (x) => x.state_id > before.state_id && x.values['stack.mc.done'] === 1, 20000);
  assert.notEqual(after.values['stack.mc.mean'], before.values['stack.mc.mean'], 'the result is the new value\'s');
  assert.deepEqual(errors, []);
  await context.close();
});

// web/main_web.cpp: a typed key is taken in a frame run as soon as the browser has dispatched
// its event (a microtask), not at the next animation frame: after input Chromium runs no other
// task until that frame. So the Monte Carlo the edit starts is already on its way to the
// workers when the key's own event dispatch ends, before any other task: checked in a
// microtask queued after the app's by a listener that runs after the app's.
test('frames: a typed key starts its Monte Carlo within the key\'s own event, before the next task', async () => {
  const { context, page, errors } = await editingShaftTolerance(1, 1200);  // idle, nothing running
  await page.evaluate(() => {
    const value = (name) => Module.ccall('mf_test_value', 'number', ['string'], [name]);
    window.mfAtKey = null;
    window.addEventListener('keypress', () => {
      queueMicrotask(() => { window.mfAtKey = { running: value('stack.mc.running'), requests: mfWorkers.usable[0].mfTasks.length }; });
    }, { once: true });
  });
  await page.keyboard.type('1');
  const atKey = await page.evaluate(() => window.mfAtKey);
  assert.deepEqual(atKey && { running: atKey.running, sent: atKey.requests > 0 }, { running: 1, sent: true },
    `when the key's event ends: ${JSON.stringify(atKey)}`);
  await waitFor(page, (x) => x.values['stack.mc.done'] === 1, 20000);
  assert.deepEqual(errors, []);
  await context.close();
});
