// An edit that would make the plan unopenable is refused at the field: entering a first-pass
// yield of 150 % leaves the plan exactly as it was and says where and why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, launch, serve, openApp, state, waitFor, openThroughFileInput, clickAnchor, screenshot } from './lib.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser.close(); server.close(); });

// Scrolls the page under the mouse until the named widget is inside the window.
async function scrollTo(page, name) {
  for (let i = 0; i < 40; i++) {
    const s = await state(page);
    const r = s.anchors[name];
    if (r && r[1] > 60 && r[3] < 760) return r;
    await page.mouse.move(640, 500);
    await page.mouse.wheel(0, r && r[1] <= 60 ? -200 : 200);
    await page.waitForTimeout(120);
  }
  throw new Error('could not scroll to ' + name);
}

test('150 pasted into a first-pass yield: refused at the field, the plan unchanged', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await openThroughFileInput(page, path.join(ROOT, 'assets/examples/micro-gearbox.mfplan.json'));
  await waitFor(page, (s) => s.name.startsWith('Micro-gearbox'));
  await clickAnchor(page, 'tab.decision');
  for (let i = 0; i < 5 && (await state(page)).values['decision.page'] !== 'partners'; i++) {
    await page.waitForTimeout(300);   // the tab's first frames: a click may land before it is laid out
    await clickAnchor(page, 'decision.page.partners');
  }
  await waitFor(page, (s) => s.values['decision.page'] === 'partners' && s.anchors['decision.partner.name'] !== undefined);
  await scrollTo(page, 'decision.cost.first_pass_yield');
  const before = await state(page);
  await clickAnchor(page, 'decision.cost.first_pass_yield');
  await page.keyboard.press('Control+a');
  // The value arrives whole, pasted (Ctrl+V) into the field. Typed key by key, "1" and "15"
  // are valid percentages and each applies live (undoable), as every field here does.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', '150');
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForTimeout(300);
  await page.keyboard.press('Tab');
  const s = await waitFor(page, (x) => /first_pass_yield/.test(x.status));
  assert.match(s.status, /^Not applied: .*\/decision\/partners\/\d+\/cost\/first_pass_yield: /);
  assert.equal(s.state_id, before.state_id, 'the plan did not change');
  assert.equal(s.unsaved, false);
  assert.equal(s.undo, before.undo, 'no undo step for a refused edit');
  await page.waitForTimeout(200);
  await screenshot(page, 'refused-yield');
  assert.deepEqual(errors, []);
  await context.close();
});
