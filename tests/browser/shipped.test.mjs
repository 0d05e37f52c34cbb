// The single file we ship, as a user gets it: it opens from file:// and draws, and it carries
// no test hooks (they are compiled only into the app_test page the other tests drive).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { SHIPPED, launch, distinctColours, screenshot } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('shipped file: opens from file:// and draws, with no test hook and no test strings', async () => {
  const text = fs.readFileSync(SHIPPED, 'latin1');
  assert.ok(!text.includes('mf_test_state'), 'no test-state export in the page');
  // The .wasm inside (gzip + base64, scripts/pack_single_file.py) holds no anchor or value names.
  const packed = /<script type="application\/octet-stream" id="mf-wasm-gz">([^<]*)<\/script>/.exec(text);
  assert.ok(packed, 'the packed wasm is in the page');
  const wasm = zlib.gunzipSync(Buffer.from(packed[1], 'base64')).toString('latin1');
  for (const name of ['mf_test_state', 'stack.rss.max', 'decision.ws.top', 'schedule.warnings', 'tab.decision'])
    assert.ok(!wasm.includes(name), `no test string "${name}" in the shipped wasm`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(SHIPPED).href);
  await page.waitForFunction(() => window.Module && Module.calledRun && Module.mfFirstFrameMs !== undefined, null,
    { timeout: 20000 });
  await page.waitForTimeout(300);
  const png = await screenshot(page, 'shipped-first-frame');
  assert.ok(await distinctColours(page, png) > 20, 'canvas shows more than a blank fill');
  assert.equal(await page.evaluate(() => typeof Module._mf_test_state), 'undefined');
  // The wasm itself: its exports name no test hook.
  const exports = await page.evaluate(() => Object.keys(Module).filter((k) => k.startsWith('_mf_test')));
  assert.deepEqual(exports, []);
  assert.equal(await page.title(), 'Untitled plan — MicroFab Planner');
  assert.deepEqual(errors, []);
  await context.close();
});
