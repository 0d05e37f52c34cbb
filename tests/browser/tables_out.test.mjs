// Tables out in headless Chromium: Copy over the stack results table puts tab-separated text on
// the clipboard (navigator.clipboard.writeText, recorded here), which pasted into the capability
// data grid lands cell by cell in the grid's columns and rows (read back from the saved plan);
// Save CSV… downloads a file that starts with the UTF-8 BOM and holds the same cells.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, launch, serve, dismissStart, state, waitFor, clickAnchor, framesPass, openThroughFileInput, screenshot } from './lib.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser.close(); server.close(); });

// The example with a first dataset whose grid starts with four text columns (time, machine,
// operator, cavity) and one feature: a place where any 4-column table can land as typed.
function planWithTextGrid() {
  const plan = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/examples/micro-gearbox.mfplan.json'), 'utf8'));
  plan.datasets.unshift({ id: 'd-paste', name: 'Pasted table', times: ['-'], machines: ['-'], operators: ['-'], cavities: ['-'],
    features: [{ id: 'x', name: 'x', values: [1] }] });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mf-tables-')), 'tables.mfplan.json');
  fs.writeFileSync(file, JSON.stringify(plan));
  return file;
}

// Splits tab-separated (or comma-separated) text as RFC 4180 does: quoted fields may hold the
// separator, quotes (doubled) and line breaks.
function parseDelimited(text, sep) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { /* CRLF: the \n ends the row */ }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function paste(page, text) {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

test('Copy on the stack results pastes into the data grid cell by cell; Save CSV… downloads it with a BOM', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  // What the app writes to the system clipboard, recorded (headless Chromium has no clipboard to read back).
  await context.addInitScript(() => {
    window.mfCopied = [];
    if (navigator.clipboard) navigator.clipboard.writeText = (t) => { window.mfCopied.push(t); return Promise.resolve(); };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(server.url);
  await dismissStart(page);
  await openThroughFileInput(page, planWithTextGrid());
  await waitFor(page, (s) => s.name === 'Micro-gearbox for a surgical stapler');
  await clickAnchor(page, 'tab.tolerances');
  await waitFor(page, (x) => x.values['stack.mc.done'] === 1, 30000);

  await clickAnchor(page, 'table.stack.results.copy');
  await page.waitForFunction(() => window.mfCopied.length > 0);
  const copied = await page.evaluate(() => window.mfCopied.at(-1));
  const cells = parseDelimited(copied, '\t');
  assert.deepEqual(cells[0], ['Figure', 'Unit', 'At 20 °C (measurement)', 'At 37 °C (operating)']);
  const wc = cells.find((r) => r[0] === 'Worst case, min');
  // Bore 1.020 min − shaft 1.015 max, the shaft gauged at 26 °C (16 ppm/K): 1.020 − 1.015·(1 − 96e-6) mm
  // = 5.09744 µm → 4 significant digits.
  assert.deepEqual(wc.slice(1, 3), ['µm', '5.097']);
  await screenshot(page, 'tables-out-stack-results');

  const [download] = await Promise.all([page.waitForEvent('download'), clickAnchor(page, 'table.stack.results.csv')]);
  assert.equal(download.suggestedFilename(), 'micro-gearbox-for-a-surgical-stapler-stack-results.csv');
  const bytes = fs.readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with the UTF-8 BOM');
  const csv = bytes.subarray(3).toString('utf8');
  assert.ok(csv.endsWith('\r\n'), 'CRLF row ends');
  assert.deepEqual(parseDelimited(csv, ','), cells, 'the file holds the cells that were copied');

  // Into the data grid: the first dataset's first cell of x, then left to the Time column.
  await clickAnchor(page, 'tab.capability');
  await clickAnchor(page, 'capability.tab.data');
  await clickAnchor(page, 'capability.grid.first_cell');
  // One key at a time, each seen by a frame before the next (a loaded machine can drop a press
  // that arrives with the previous one).
  for (let k = 0; k < 12; k++) {
    const q = await state(page);
    if (q.values['capability.grid.col'] === 0) break;
    await page.keyboard.press('ArrowLeft');
    await framesPass(page, 2);
  }
  await waitFor(page, (s) => s.values['capability.grid.col'] === 0 && s.values['capability.grid.row'] === 0);
  await paste(page, copied);
  await waitFor(page, (s) => s.unsaved && s.values['capability.grid.sel_rows'] === cells.length);
  const s = await state(page);
  assert.equal(s.values['capability.grid.message'], '');
  await screenshot(page, 'tables-out-pasted-into-grid');

  const [saved] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  const plan = JSON.parse(fs.readFileSync(await saved.path(), 'utf8'));
  const d = plan.datasets.find((x) => x.id === 'd-paste');
  const columns = [d.times, d.machines, d.operators, d.cavities];
  for (let r = 0; r < cells.length; r++)
    for (let k = 0; k < 4; k++) assert.equal(columns[k][r], cells[r][k], `row ${r + 1}, column ${k + 1}`);
  assert.deepEqual(errors, []);
  await context.close();
});
