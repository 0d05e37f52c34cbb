// File › Report… in the real page: the download equals `mfplan report` for the same plan and
// day; the report opens with the network blocked and JavaScript off and still shows every
// section and chart; it prints to A4 and Letter with every section (pdftotext from
// poppler-utils reads the PDF); a plan whose every name is markup runs no script in the app,
// in the report or in any timeline export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SHOTS, launch, serve, openApp, waitFor, openThroughFileInput, clickAnchor } from './lib.mjs';

const MFPLAN = process.env.MF_MFPLAN ? path.resolve(process.env.MF_MFPLAN) : path.join(ROOT, 'build/native/mfplan');
const EXAMPLE = path.join(ROOT, 'assets/examples/micro-gearbox.mfplan.json');
const SECTIONS = ['Decision', 'Roads', 'Cost against volume', 'Timeline', 'Tolerance stacks', 'Capability',
  'Warnings', 'Conventions'];
const BAD = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mf-report-'));
const today = () => new Date().toISOString().slice(0, 10);  // UTC, as the app and mfplan write it

// The example with every name, note and decider replaced by markup, in turn.
function hostilePlanFile() {
  const plan = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
  let i = 0;
  const walk = (x) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object')
      for (const k of Object.keys(x)) {
        if (['name', 'notes', 'decider'].includes(k) && typeof x[k] === 'string') x[k] = BAD[i++ % 2];
        else walk(x[k]);
      }
  };
  walk(plan);
  const file = path.join(tmp(), 'hostile.mfplan.json');
  fs.writeFileSync(file, JSON.stringify(plan));
  return file;
}

// Opens a plan in the app and downloads File › Report…; returns the page's bytes.
async function reportFromApp(page, file, name) {
  await openThroughFileInput(page, file);
  await waitFor(page, (s) => s.name === name);
  await clickAnchor(page, 'menu.file');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }),
    clickAnchor(page, 'menu.file.report')]);
  assert.match(download.suggestedFilename(), /-report\.html$/);
  return fs.readFileSync(await download.path());
}

// A page that may load nothing (every request aborted and counted), JavaScript as asked.
async function reader(javaScriptEnabled) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1000, height: 1300 } });
  const page = await context.newPage();
  const requests = [], errors = [], dialogs = [];
  await page.route('**/*', (r) => { requests.push(r.request().url()); return r.abort(); });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  return { context, page, requests, errors, dialogs };
}

test('File › Report… downloads the page mfplan report writes; it reads with no network and no script, and prints', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const bytes = await reportFromApp(page, EXAMPLE, 'Micro-gearbox for a surgical stapler');
  assert.deepEqual(errors, []);
  await context.close();
  const cli = execFileSync(MFPLAN, ['report', EXAMPLE, '--date', today()], { maxBuffer: 1 << 26 });
  assert.ok(bytes.equals(cli), `the app's report (${bytes.length} bytes) equals mfplan report (${cli.length} bytes)`);
  assert.ok(bytes.length < 1000000, `under 1 MB: ${bytes.length}`);

  const r = await reader(false);
  await r.page.setContent(bytes.toString('utf8'));
  const seen = await r.page.evaluate(() => ({
    headings: [...document.querySelectorAll('section > h2')].map((h) => h.textContent),
    charts: [...document.querySelectorAll('figure svg')].map((s) => s.getBoundingClientRect().height),
    scripts: document.querySelectorAll('script, img, iframe, object, embed, link').length,
  }));
  assert.deepEqual(seen.headings, SECTIONS);
  assert.ok(seen.charts.length >= 7 && seen.charts.every((h) => h > 50), `charts drawn: ${seen.charts}`);
  assert.equal(seen.scripts, 0);
  await r.page.screenshot({ path: path.join(SHOTS, 'report.png') });
  await r.page.evaluate(() => document.getElementById('timeline').scrollIntoView());
  await r.page.screenshot({ path: path.join(SHOTS, 'report-timeline.png') });
  for (const [format, name] of [['A4', 'a4'], ['Letter', 'letter']]) {
    const pdf = path.join(tmp(), `report-${name}.pdf`);
    await r.page.pdf({ path: pdf, format, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
    // Each section starts a page: its heading is the first line of a page, in order.
    const firsts = text.split('\f').map((pg) => (pg.split('\n').find((l) => l.trim()) || '').trim());
    assert.deepEqual(firsts.filter((l) => SECTIONS.includes(l)), SECTIONS, `${format}: page tops ${firsts}`);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())[1]);
    assert.ok(pages >= SECTIONS.length + 1, `${format}: each section on its own page (${pages} pages)`);
    assert.match(text, /P80/);
    console.log(`# ${format}: ${pages} pages`);
  }
  assert.deepEqual(r.requests, [], 'the report loads nothing');
  assert.deepEqual(r.errors, []);
  await r.context.close();
});

test('a plan named with markup runs no script in the app, the report or the timeline exports', async () => {
  const file = hostilePlanFile();
  const { context, page, errors } = await openApp(browser, server.url);
  const dialogs = [];
  context.on('page', (p) => p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); }));
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const bytes = await reportFromApp(page, file, BAD[0]);
  await clickAnchor(page, 'tab.timeline');
  const dir = tmp();
  const exports = [];
  for (const what of ['mspdi', 'ics', 'csv', 'mermaid']) {
    await waitFor(page, (s) => s.anchors[`schedule.export.${what}`]);
    const [d] = await Promise.all([page.waitForEvent('download'), clickAnchor(page, `schedule.export.${what}`)]);
    const to = path.join(dir, d.suggestedFilename());
    await d.saveAs(to);
    exports.push(to);
  }
  assert.deepEqual(errors, []);
  await context.close();

  // The report with JavaScript ON: nothing in it may run.
  const r = await reader(true);
  await r.page.setContent(bytes.toString('utf8'));
  await r.page.waitForTimeout(300);
  const shown = await r.page.evaluate(() => ({
    title: document.querySelector('h1').textContent,
    markup: document.querySelectorAll('script, img, iframe, [onerror], [onload]').length,
  }));
  assert.equal(shown.title, BAD[0], 'the name shown as text');
  assert.equal(shown.markup, 0);
  assert.deepEqual(r.dialogs, [], 'no alert() ran in the report');
  await r.context.close();
  // Each export opened in the browser as a file, JavaScript on (XML rendered, text shown, or
  // offered as a download): none may run anything.
  const viewer = await browser.newContext({ acceptDownloads: true });
  const v = await viewer.newPage();
  const opened = [];
  v.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  for (const f of exports) {
    try {
      await v.goto('file://' + f);
      await v.waitForTimeout(200);
      opened.push(path.basename(f));
    } catch (e) {
      if (!/Download is starting/.test(String(e))) throw e;  // a type the browser does not show
    }
  }
  console.log(`# exports shown by the browser: ${opened.join(', ')}`);
  assert.ok(opened.some((f) => f.endsWith('.xml')), 'the MS Project XML was rendered');
  await viewer.close();
  assert.deepEqual(dialogs, [], 'no alert() ran in the app or an export');
});
