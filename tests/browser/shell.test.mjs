// The app shell in headless Chromium, against the served URL and the file:// single file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP, ROOT, launch, serve, openApp, state, waitFor, openThroughFileInput, distinctColours, screenshot,
  clickAnchor, resizeViewport } from './lib.mjs';

const EXAMPLE = path.join(ROOT, 'assets/examples/micro-gearbox.mfplan.json');
const MALFORMED = path.join(ROOT, 'tests/data/malformed/dangling-partner.json');
let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser.close(); server.close(); });

for (const target of ['served', 'file']) {
  test(`${target}: first frame renders, no console errors, no foreign requests`, async () => {
    const url = target === 'served' ? server.url : pathToFileURL(APP).href;
    const { context, page, errors, requests } = await openApp(browser, url);
    const png = await screenshot(page, `shell-${target}-first-frame`);
    assert.ok(await distinctColours(page, png) > 20, 'canvas shows more than a blank fill');
    const s = await state(page);
    assert.equal(s.name, 'Untitled plan');
    assert.equal(await page.title(), 'Untitled plan — MicroFab Planner');
    const firstFrameMs = await page.evaluate(() => Module.mfFirstFrameMs);
    console.log(`# ${target}: first frame after ${firstFrameMs.toFixed(0)} ms`);
    assert.deepEqual(errors, []);
    const own = target === 'served' ? new URL(server.url).origin : 'file://';
    const foreign = requests.filter((u) => !u.startsWith(own) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, []);
    await context.close();
  });

  test(`${target}: an example opened through the file input updates the plan; a malformed file keeps it`, async () => {
    const url = target === 'served' ? server.url : pathToFileURL(APP).href;
    const { context, page, errors } = await openApp(browser, url);
    await openThroughFileInput(page, EXAMPLE);
    let s = await waitFor(page, (x) => x.name === 'Micro-gearbox for a surgical stapler');
    assert.equal(s.sections['Partners'], 3);
    assert.equal(s.sections['Timeline tasks'] >= 4, true);
    assert.equal(s.unsaved, false);
    await page.waitForTimeout(300);
    await screenshot(page, `shell-${target}-example-open`);

    await openThroughFileInput(page, MALFORMED);
    s = await waitFor(page, (x) => x.error_window_open);
    assert.equal(s.name, 'Micro-gearbox for a surgical stapler', 'the open plan is untouched');
    assert.equal(s.errors[0].where, '/schedule/tasks/0/partner');
    assert.match(s.errors[0].message, /refers to partner "ghost"/);
    await page.waitForTimeout(300);
    await screenshot(page, `shell-${target}-load-error`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('idle: with no input the main loop stops drawing', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.waitForTimeout(1500);
  const a = (await state(page)).frames_drawn;
  await page.waitForTimeout(1500);
  const b = (await state(page)).frames_drawn;
  assert.equal(b, a, `frames drawn while idle: ${b - a}`);
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 310);
  await page.waitForTimeout(200);
  assert.ok((await state(page)).frames_drawn > b, 'input wakes the loop');
  await context.close();
});

test('HiDPI: the drawing buffer is CSS size × devicePixelRatio, and follows resizes', async () => {
  const { context, page } = await openApp(browser, server.url, { deviceScaleFactor: 2 });
  const size = () => page.evaluate(() => [canvas.width, canvas.height, innerWidth, innerHeight]);
  let [w, h, cw, ch] = await size();
  assert.equal(w, cw * 2);
  assert.equal(h, ch * 2);
  await resizeViewport(page, 1000, 700);
  [w, h] = await size();
  assert.equal(w, 2000);
  assert.equal(h, 1400);
  await screenshot(page, 'shell-hidpi-2x');
  await context.close();
});

test('typing edits the plan, the title marks it unsaved, Ctrl+Z undoes, Ctrl+S downloads, reload restores', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await openThroughFileInput(page, EXAMPLE);
  await waitFor(page, (x) => x.name.startsWith('Micro-gearbox'));
  await page.waitForTimeout(200);
  await clickAnchor(page, 'overview.name');
  await page.keyboard.press('End');
  await page.keyboard.type(' v2');
  let s = await waitFor(page, (x) => x.name === 'Micro-gearbox for a surgical stapler v2');
  assert.equal(s.unsaved, true);
  assert.equal(await page.title(), '● Micro-gearbox for a surgical stapler v2 — MicroFab Planner');
  assert.equal(await page.evaluate(() => Module.mfUnsaved), true, 'leaving the page asks first');

  await page.keyboard.press('Enter');  // leave the text field (Escape would revert it): Ctrl+Z then undoes the plan edit
  await page.keyboard.press('Control+z');
  s = await waitFor(page, (x) => x.name === 'Micro-gearbox for a surgical stapler');
  assert.equal(s.unsaved, false);
  await page.keyboard.press('Control+y');
  await waitFor(page, (x) => x.name.endsWith(' v2'));

  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  assert.equal(download.suggestedFilename(), 'micro-gearbox.mfplan.json');
  const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.project.name, 'Micro-gearbox for a surgical stapler v2');
  assert.equal(saved.format, 'microfab-plan');
  s = await waitFor(page, (x) => !x.unsaved);

  await page.waitForTimeout(1300);  // autosave runs a moment after the last change
  await page.reload();
  s = await waitFor(page, (x) => x.frames_drawn >= 2);
  assert.equal(s.name, 'Micro-gearbox for a surgical stapler v2');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file dropped on the page opens like File > Open', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const text = fs.readFileSync(EXAMPLE, 'utf8');
  await page.evaluate((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'dropped.mfplan.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
  }, text);
  const s = await waitFor(page, (x) => x.file_name === 'dropped.mfplan.json');
  assert.equal(s.name, 'Micro-gearbox for a surgical stapler');
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('mf-drop')).display), 'none');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dark theme renders and is remembered', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.mouse.click(107, 11);  // View menu
  await page.waitForTimeout(150);
  await screenshot(page, 'shell-view-menu');
  const s0 = await state(page);
  assert.equal(s0.theme, 'light');
  await page.mouse.click(130, 59);  // "Dark theme", the menu's second item (see shell-view-menu.png)
  let s = await waitFor(page, (x) => x.theme === 'dark');
  await openThroughFileInput(page, EXAMPLE);
  await waitFor(page, (x) => x.name.startsWith('Micro-gearbox'));
  await page.waitForTimeout(300);
  await screenshot(page, 'shell-dark-theme');
  await page.reload();
  s = await waitFor(page, (x) => x.frames_drawn >= 2);
  assert.equal(s.theme, 'dark');
  await context.close();
});

test('File > Share link makes a link that opens the same plan in another browser', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await openThroughFileInput(page, EXAMPLE);
  await waitFor(page, (x) => x.name.startsWith('Micro-gearbox'));
  await page.mouse.click(22, 11);  // File menu
  await page.waitForTimeout(150);
  await screenshot(page, 'shell-file-menu');
  await page.mouse.click(50, 101);  // "Share link…", the fourth item (see shell-file-menu.png)
  const s = await waitFor(page, (x) => x.share_link.includes('#plan='));
  await page.waitForTimeout(200);
  await screenshot(page, 'shell-share-link');
  assert.ok(s.share_link.startsWith(server.url + '#plan='));
  const compact = JSON.stringify(JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'))).length;
  assert.ok(s.share_link.length < compact / 2, `the link is compressed (${s.share_link.length} vs ${compact} characters)`);

  const other = await browser.newContext();  // another browser profile: no autosave to lean on
  const recipient = await other.newPage();
  await recipient.goto(s.share_link);
  const r = await waitFor(recipient, (x) => x.file_name === 'shared-plan.mfplan.json');
  assert.equal(r.name, 'Micro-gearbox for a surgical stapler');
  assert.equal(r.unsaved, true, 'a plan from a link is a copy not yet saved anywhere');
  assert.equal(r.sections['Timeline tasks'], s.sections['Timeline tasks']);
  assert.equal(await recipient.evaluate(() => location.hash), '', 'the plan leaves the address once opened');
  assert.deepEqual(errors, []);
  await other.close();
  await context.close();
});
