// The Timeline's Mermaid export, downloaded from the real page for a plan whose every name is
// hostile (markup, formulas, a Mermaid comment, control characters, U+FFFF), read back by
// Mermaid itself (the npm package, loaded from node_modules into a blank page with no network):
// it parses as a gantt, every task is drawn once and no name became markup.
// (MSPDI is read back by the browser's XML parser in schedule.test.mjs, CSV by Python's csv
// module and iCalendar by python3-icalendar in tests/cli/schedule.t.sh.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, launch, serve, openApp, waitFor, openThroughFileInput, clickAnchor } from './lib.mjs';

const MERMAID = path.join(ROOT, 'tests/browser/node_modules/mermaid/dist/mermaid.min.js');
const NAMES = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '=HYPERLINK("x")', '+1', '@SUM(A1)',
  '%%hidden', 'a\u0001b', 'x\uffffy', 'line\nbreak', 'semi;colon,comma\\back', 'µ–≥a'.repeat(22)];

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

function hostilePlan() {
  const tasks = NAMES.map((name, k) => ({
    id: `t${k}`, name, kind: k === 5 ? 'milestone' : 'task', partner: `p${k % 2}`,
    predecessors: k ? [`t${k - 1}`] : [],
    ...(k === 5 ? {} : { optimistic: 1, most_likely: 2, pessimistic: 3 }),
  }));
  return {
    format: 'microfab-plan', version: 1,
    project: { name: '=cmd|" /C calc"!A0 <x> & %%y', units: 'mm', start_date: '2027-01-04', deadline: '2027-06-30' },
    decision: { partners: [{ id: 'p0', name: '@SUM(A1)', kind: 'boutique' }, { id: 'p1', name: '<p1> & "q"', kind: 'boutique' }], criteria: [] },
    schedule: { tasks },
  };
}

test('Mermaid export of hostile names: Mermaid parses it, draws every task once, no name becomes markup', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mf-')), 'hostile.mfplan.json');
  fs.writeFileSync(file, JSON.stringify(hostilePlan()));
  const { context, page, errors } = await openApp(browser, server.url);
  await openThroughFileInput(page, file);
  await waitFor(page, (s) => s.name.startsWith('=cmd'));
  await clickAnchor(page, 'tab.timeline');
  await waitFor(page, (s) => s.anchors['schedule.export.mermaid']);
  const [download] = await Promise.all([page.waitForEvent('download'), clickAnchor(page, 'schedule.export.mermaid')]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  assert.deepEqual(errors, []);

  // A blank page that may not fetch anything: Mermaid from node_modules, the export as data.
  const reader = await context.newPage();
  const requests = [];
  reader.on('request', (r) => { if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url()); });
  await reader.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
  await reader.addScriptTag({ path: MERMAID });
  const r = await reader.evaluate(async (t) => {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    const parsed = await mermaid.parse(t);
    const { svg } = await mermaid.render('gantt', t);
    const out = document.getElementById('out');
    out.innerHTML = svg;
    return {
      type: parsed.diagramType,
      bars: out.querySelectorAll('rect.task, rect[class*="task"]').length,
      labels: [...out.querySelectorAll('text[class*="taskText"]')].map((e) => e.textContent),
      markup: out.querySelectorAll('script, img, foreignObject, [onerror]').length,
    };
  }, text);
  console.log(`# mermaid read back ${r.labels.length} task labels, ${r.bars} bars`);
  assert.equal(r.type, 'gantt');
  assert.equal(r.labels.length, NAMES.length, 'every task drawn once (none vanished into a %% comment)');
  assert.equal(r.markup, 0, 'no name became markup');
  for (const plain of ['+1', '@SUM(A1)', 'µ–≥a'.repeat(22), '=HYPERLINK("x")'])
    assert.ok(r.labels.some((l) => l.trim() === plain), `"${plain}" drawn as text: ${JSON.stringify(r.labels)}`);
  assert.ok(r.labels.some((l) => l.includes('<script>alert(1)</script>')), 'markup drawn as text');
  assert.deepEqual(requests, [], 'the reader page fetched nothing');
  await context.close();
});
