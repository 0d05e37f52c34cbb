// Never lose work, in the real page: replacing an unsaved plan asks; a share link opened in a
// later session leaves the earlier plan in Recent; the store refusing a write is said and the
// plan keeps its name; a 20 MB paste reaches the app without freezing it; crafted share links
// give a clear message in bounded time; served over http the app reopens with no network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, launch, serve, openApp, state, waitFor, openThroughFileInput, clickAnchor, screenshot, dismissStart } from './lib.mjs';

const GEARBOX = path.join(ROOT, 'assets/examples/micro-gearbox.mfplan.json');
const TIMELINE = fs.readFileSync(path.join(ROOT, 'assets/examples/launch-timeline.mfplan.json'), 'utf8');
let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser.close(); server.close(); });

const base64url = (buf) => buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const linkFor = (text) => '#plan=' + base64url(zlib.deflateRawSync(Buffer.from(text, 'utf8')));

async function renameProject(page, name) {
  await clickAnchor(page, 'tab.overview');
  await clickAnchor(page, 'overview.name');
  await page.keyboard.press('Control+a');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  return waitFor(page, (s) => s.name === name && s.unsaved);
}

test('edit, then New: the question appears; Escape cancels and the plan is kept', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await openThroughFileInput(page, GEARBOX);
  await waitFor(page, (s) => s.name === 'Micro-gearbox for a surgical stapler');
  await renameProject(page, 'Gearbox, my edits');
  await page.evaluate(() => Module.ccall('mf_test_new_plan', null, [], []));
  await waitFor(page, (s) => s.asking_to_replace);
  await page.waitForTimeout(200);
  await screenshot(page, 'replace-question');
  await page.keyboard.press('Escape');
  const s = await waitFor(page, (q) => !q.asking_to_replace);
  assert.equal(s.name, 'Gearbox, my edits');
  assert.equal(s.unsaved, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('edit, then a share link opened next session: asked first; after Discard the old plan is in Recent', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let page = await context.newPage();
  await page.goto(server.url);
  await dismissStart(page);
  await openThroughFileInput(page, GEARBOX);
  await waitFor(page, (s) => s.name === 'Micro-gearbox for a surgical stapler');
  await renameProject(page, 'Yesterday');
  await page.waitForTimeout(1500);              // past the autosave delay
  await page.close();                           // the tab is closed (pagehide flushes too)

  page = await context.newPage();               // the next day, a link arrives
  await page.goto(server.url + linkFor(TIMELINE));
  let s = await waitFor(page, (q) => q.asking_to_replace);
  assert.equal(s.name, 'Yesterday');
  await page.waitForTimeout(400);               // the dialog sizes itself on its first frames
  await clickAnchor(page, 'replace.discard');
  s = await waitFor(page, (q) => !q.asking_to_replace && q.name !== 'Yesterday');
  assert.ok(s.recent.some((r) => r.name === 'Yesterday' && r.unsaved), JSON.stringify(s.recent));
  assert.equal(s.unsaved, true, 'a plan from a link is an unsaved copy');
  await context.close();
});

test('the store refusing a write: a clear message, the plan and its name unchanged', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Every IndexedDB write fails as a full disk makes it fail.
  await context.addInitScript(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await dismissStart(page);
  await openThroughFileInput(page, GEARBOX);
  await waitFor(page, (s) => s.name === 'Micro-gearbox for a surgical stapler');
  const s = await waitFor(page, (q) => q.error_window_open);
  assert.match(s.errors[0].message, /QuotaExceededError/);
  assert.equal(s.file_name, 'micro-gearbox.mfplan.json');
  await screenshot(page, 'store-refused');
  await context.close();
});

test('a 20 MB paste reaches the app through the heap: no freeze, no crash', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await clickAnchor(page, 'tab.capability');
  const line = '1.02345\t2.34567\t3.45678\t4.56789\n';
  const text = line.repeat(Math.ceil(20e6 / line.length));
  const t0 = Date.now();
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  const s = await waitFor(page, (q) => q.values['capability.import_open'] === 1, 60000);
  console.log(`# 20 MB paste: import dialog after ${Date.now() - t0} ms`);
  assert.ok(s.frames_drawn > 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 64 MB plan file opens; one byte more, or 64 MB of noise, gives a clear message and keeps the plan', async () => {
  const MB64 = 64 * 1024 * 1024;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mf-'));
  // A real plan padded with whitespace (legal JSON) to exactly the limit, and to one byte over it.
  const plan = Buffer.from(fs.readFileSync(GEARBOX, 'utf8').replace(/\s+$/, ''));
  const padded = (size) => Buffer.concat([plan, Buffer.alloc(size - plan.length, 32)]);
  const noise = Buffer.alloc(MB64);
  for (let i = 0, x = 7; i < noise.length; i += 4) { x = (x * 1103515245 + 12345) >>> 0; noise.writeUInt32LE(x, i); }
  const files = { exact: padded(MB64), over: padded(MB64 + 1), noise };
  for (const [k, b] of Object.entries(files)) fs.writeFileSync(path.join(dir, k + '.mfplan.json'), b);

  const { context, page, errors } = await openApp(browser, server.url);
  let t0 = Date.now();
  await openThroughFileInput(page, path.join(dir, 'exact.mfplan.json'));
  let s = await waitFor(page, (q) => q.name === 'Micro-gearbox for a surgical stapler', 60000);
  console.log(`# 64 MB plan opened after ${Date.now() - t0} ms`);
  assert.equal(s.file_name, 'exact.mfplan.json');

  await openThroughFileInput(page, path.join(dir, 'over.mfplan.json'));
  s = await waitFor(page, (q) => q.error_window_open && q.errors_file === 'over.mfplan.json', 30000);
  assert.match(s.errors.map((e) => e.message).join(' '), /64\.0 MB; the app reads files of at most 64 MB/);
  assert.equal(s.name, 'Micro-gearbox for a surgical stapler', 'the open plan is kept');

  t0 = Date.now();
  await openThroughFileInput(page, path.join(dir, 'noise.mfplan.json'));
  s = await waitFor(page, (q) => q.error_window_open && q.errors_file === 'noise.mfplan.json', 60000);
  console.log(`# 64 MB of noise refused after ${Date.now() - t0} ms: ${s.errors.map((e) => e.message).join(' ').slice(0, 120)}`);
  assert.equal(s.name, 'Micro-gearbox for a surgical stapler', 'the open plan is kept');
  assert.ok((await state(page)).frames_drawn > 2, 'the module is alive');
  assert.deepEqual(errors, []);
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('crafted share links (garbage, a deflate bomb, a malformed plan) give a clear message in bounded time', async () => {
  const bomb = '#plan=' + base64url(zlib.deflateRawSync(Buffer.alloc(200 * 1024 * 1024, 32)));  // 200 MB of spaces
  const cases = [
    ['#plan=%%%not-base64', /cannot be opened/],
    [bomb, /larger than 16 MB/],
    [linkFor('{"format":"microfab-plan","version":1,"project":{"name":1}}'), /name|string/],
  ];
  for (const [hash, expected] of cases) {
    const { context, page, errors } = await openApp(browser, server.url);
    const t0 = Date.now();
    await page.evaluate((h) => { location.hash = h; }, hash);   // pasted into the address bar: hashchange
    const s = await waitFor(page, (q) => q.error_window_open, 30000);
    const ms = Date.now() - t0;
    console.log(`# share link ${hash.slice(0, 16)}…: message after ${ms} ms`);
    assert.match(s.errors.map((e) => e.message).join(' '), expected);
    assert.equal(s.name, 'Untitled plan', 'nothing replaced');
    assert.ok(ms < 20000);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('served: after the first load the app reopens with the network blocked', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitFor(page, (s) => s.frames_drawn >= 2);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();                          // now controlled by the service worker
  await waitFor(page, (s) => s.frames_drawn >= 2);
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller));
  await context.setOffline(true);
  await page.reload();
  const s = await waitFor(page, (q) => q.frames_drawn >= 2);
  assert.equal(s.name, 'Untitled plan');
  await screenshot(page, 'offline-reopen');
  await context.close();
});
