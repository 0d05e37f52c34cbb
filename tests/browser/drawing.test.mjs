// Partial images (gui/damage_tiles.h): a frame clears and draws only the rectangles where it
// differs from the last one drawn, on a canvas that keeps its pixels. What the canvas then
// shows must be, pixel for pixel, what drawing the whole frame shows. After each step of a
// session (edits that start Monte Carlo runs, a popup opened and closed, a tab switch, a
// resize) the canvas is read, the test hook mf_test_redraw_whole draws the same frame whole,
// and the canvas is read again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SHOTS, launch, serve, openApp, waitFor, openThroughFileInput, clickAnchor,
  resizeViewport } from './lib.mjs';

const GEARBOX = path.join(ROOT, 'assets/examples/micro-gearbox.mfplan.json');
let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser.close(); server.close(); });

const images = (page) => page.evaluate(() => ({ whole: 0, partial: 0, pixels: 0, ...Module.mfImages }));

// Waits until the page has drawn no image for 600 ms (a tooltip's delay, a table refitting).
async function settled(page) {
  let last = JSON.stringify(await images(page));
  for (let quiet = 0; quiet < 600; quiet += 100) {
    await page.waitForTimeout(100);
    const now = JSON.stringify(await images(page));
    if (now !== last) { last = now; quiet = -100; }
  }
}

// Reads the canvas, draws the same frame whole, reads again: the two must be equal.
async function sameAsWhole(page, step) {
  await settled(page);
  // The canvas's pixels (the context keeps them between frames: they can be read any time).
  const read = () => page.evaluate(() => {
    const gl = Module.canvas.getContext('webgl2');
    const w = gl.drawingBufferWidth, h = gl.drawingBufferHeight;
    const px = new Uint8Array(w * h * 4);
    gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, px);
    let s = '';
    for (let i = 0; i < px.length; i += 0x8000) s += String.fromCharCode.apply(null, px.subarray(i, i + 0x8000));
    return { w, h, b64: btoa(s) };
  });
  const before = await read();
  const n = (await images(page)).whole;
  await page.evaluate(() => Module.ccall('mf_test_redraw_whole', null, [], []));
  for (let t0 = Date.now(); (await images(page)).whole === n;) {
    if (Date.now() - t0 > 5000) throw new Error(`${step}: no whole image drawn`);
    await page.waitForTimeout(50);
  }
  await settled(page);
  const after = await read();
  assert.equal(after.w, before.w, step);
  const a = Buffer.from(before.b64, 'base64'), b = Buffer.from(after.b64, 'base64');
  let differ = 0, first = -1;
  for (let i = 0; i < a.length; i += 4) {
    if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) { ++differ; if (first < 0) first = i / 4; }
  }
  if (differ) {
    fs.writeFileSync(path.join(SHOTS, 'drawing-partial.rgba'), a);
    fs.writeFileSync(path.join(SHOTS, 'drawing-whole.rgba'), b);
  }
  const x = first % before.w, y = before.h - 1 - Math.floor(first / before.w);
  assert.equal(differ, 0, `${step}: ${differ} pixels differ from the whole image (first at x ${x}, y ${y})`);
}

test('partial images: after edits, runs, a popup, a tab switch and a resize the canvas equals the whole image', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await openThroughFileInput(page, GEARBOX);
  await waitFor(page, (s) => s.name === 'Micro-gearbox for a surgical stapler');
  await clickAnchor(page, 'tab.tolerances');
  await waitFor(page, (x) => x.values['stack.mc.done'] === 1, 30000);
  await sameAsWhole(page, 'the Tolerances tab');

  // Typing a name: each key redraws the field and the stack selector that shows the name,
  // not the canvas.
  await clickAnchor(page, 'stack.name');
  await page.keyboard.press('End');
  await settled(page);
  const start = await images(page);
  await page.keyboard.type(' (rev B)', { delay: 150 });
  await page.keyboard.press('Enter');
  await sameAsWhole(page, 'a name typed');
  const typed = await images(page);
  const size = await page.evaluate(() => Module.canvas.width * Module.canvas.height);
  // typed counts the whole image sameAsWhole drew after the keys
  assert.equal(typed.whole - start.whole, 1, 'every key was drawn in part');
  assert.ok(typed.partial - start.partial >= 8, `${typed.partial - start.partial} partial images for 8 keys`);
  const perKey = (typed.pixels - start.pixels - size) / (typed.partial - start.partial);
  assert.ok(perKey < 0.1 * size, `a key cleared ${perKey} of the canvas's ${size} pixels`);

  await clickAnchor(page, 'stack.row1.tol_minus');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await waitFor(page, (x) => x.values['stack.mc.done'] === 1, 30000);
  await sameAsWhole(page, 'a tolerance typed, its Monte Carlo finished');

  await clickAnchor(page, 'stack.row1.dist');  // a popup over the table
  await sameAsWhole(page, 'a popup open');
  await clickAnchor(page, 'stack.results');    // a click outside closes it
  await sameAsWhole(page, 'the popup closed');
  await page.keyboard.press('Control+z');
  await waitFor(page, (x) => x.values['stack.mc.done'] === 1, 30000);
  await sameAsWhole(page, 'the edit undone');

  await clickAnchor(page, 'tab.timeline');
  await waitFor(page, (x) => x.values['schedule.mc.done'] === 1, 30000);
  await sameAsWhole(page, 'the Timeline tab');
  await page.mouse.move(400, 500);  // hover the chart
  await sameAsWhole(page, 'the mouse over the Timeline');

  await resizeViewport(page, 1100, 760);
  await sameAsWhole(page, 'the window resized');
  assert.deepEqual(errors, []);
  await context.close();
});
