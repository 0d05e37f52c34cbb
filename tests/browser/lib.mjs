// Shared helpers for the browser tests: a static server for dist/, Debian's Chromium driven
// by playwright-core, the app's test hook, and checks on what the canvas shows.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The tests drive the app built with test hooks (the app_test target: the shipped page plus
// Module.mf_test_state and the widget anchors); MF_DIST overrides where it was built.
export const DIST = process.env.MF_DIST ? path.resolve(process.env.MF_DIST) : path.join(ROOT, 'build/wasm/dist-test');
export const APP = path.join(DIST, 'microfab-planner.html');
// The single file we ship (no test hooks), checked on its own in shipped.test.mjs.
export const SHIPPED = process.env.MF_SHIPPED ? path.resolve(process.env.MF_SHIPPED) : path.join(ROOT, 'dist/microfab-planner.html');
export const SHOTS = process.env.MF_SHOTS ? path.resolve(process.env.MF_SHOTS) : path.join(ROOT, 'build/screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

// Flags from ../shared/TOOLCHAIN.md: WebGL through SwiftShader, no background networking.
export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

// Serves dist/ on 127.0.0.1 (an ephemeral port unless given); resolves to {url, close}.
export function serve(port = 0) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json',
    '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml' };
  const server = http.createServer((req, res) => {
    const file = path.join(DIST, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end(); return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () =>
    resolve({ url: `http://127.0.0.1:${server.address().port}/microfab-planner.html`, close: () => server.close() })));
}

// Opens the app in a fresh context; records console errors and every request.
export async function openApp(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await dismissStart(page);
  return { context, page, errors, requests };
}

// A first visit shows the start page; a user closes it to reach the tabs.
export async function dismissStart(page) {
  const s = await waitFor(page, (x) => x.frames_drawn >= 2);
  if (!s.start_open) return s;
  await clickAnchor(page, 'start.close');
  return waitFor(page, (x) => !x.start_open);
}

export async function state(page) {
  return page.evaluate(() => {
    if (!window.Module || !Module.calledRun) return null;
    return JSON.parse(Module.ccall('mf_test_state', 'string', [], []));
  });
}

// Polls the test hook until pred(state) holds (or throws after timeoutMs).
export async function waitFor(page, pred, timeoutMs = 20000) {
  const t0 = Date.now();
  let s = null;
  while (Date.now() - t0 < timeoutMs) {
    s = await state(page);
    if (s && pred(s)) return s;
    await page.waitForTimeout(50);
  }
  throw new Error('timed out waiting; last state: ' + JSON.stringify(s));
}

// Feeds a file through the page's real <input type=file> (the same path as File > Open).
export async function openThroughFileInput(page, file) {
  await page.setInputFiles('#mf-file-input', file);
}

// Counts distinct colours in a screenshot (drawn into a 2D canvas in the page): a blank or
// single-colour canvas has 1–2, an ImGui frame with text has hundreds.
export async function distinctColours(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 16) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  }, png.toString('base64'));
}

export async function screenshot(page, name) {
  const file = path.join(SHOTS, name + '.png');
  const png = await page.screenshot({ path: file });
  return png;
}

// Clicks the middle of a widget the app named with test_anchor() as a person does: hover,
// pause, press, pause, release. ImGui counts overlapping widgets (tabs, table rows) as
// hovered only from the frame after the mouse arrives, so a move-and-press in one frame
// would miss them.
export async function clickAnchor(page, name) {
  let s = await state(page);
  if (!s || !s.anchors[name]) s = await waitFor(page, (x) => x.anchors[name] !== undefined, 5000).catch(() => s);
  const r = s && s.anchors[name];
  if (!r) throw new Error('no anchor ' + name + ' in ' + Object.keys((s && s.anchors) || {}).join(', '));
  await page.mouse.move((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
  await page.waitForTimeout(80);
  await framesPass(page, 2);
  await page.mouse.down();
  await page.waitForTimeout(80);
  await framesPass(page, 1);
  await page.mouse.up();
  await page.waitForTimeout(80);
  await framesPass(page, 1);
  return r;
}

// Resizes the page as a user resizes the window, and waits for frames laid out at the new size:
// until then the anchors are those of the old layout (text that wraps at the new width moves
// everything below it), and a click aimed by them lands on the wrong widget.
export async function resizeViewport(page, width, height) {
  await page.setViewportSize({ width, height });
  await waitFor(page, (x) => x.display && x.display[0] === width && x.display[1] === height);
  await framesPass(page, 2);
}

// Waits until the page has drawn n more frames since this call. A pause of a few tens of
// milliseconds is a frame on a fast machine but not on a loaded 2-core CI runner, where a
// press could otherwise reach ImGui before the frame that sees the mouse over the widget.
// Input wakes an idle page, so frames follow; an idle page that draws none is left after 1 s.
export async function framesPass(page, n) {
  const s0 = await state(page);
  if (!s0) return;
  await waitFor(page, (x) => x.frames_drawn >= s0.frames_drawn + n, 1000).catch(() => {});
}
