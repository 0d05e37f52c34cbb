// Fuzzes the share-link decoder of the real page (mfDecodeShareFragment in shell.html: base64url,
// then the browser's own DecompressionStream, bounded). The codec is JavaScript over a browser
// API, which libFuzzer cannot reach; this is a seeded mutation fuzzer in headless Chromium
// instead. What the decoder lets through goes to the plan loader, which tests/fuzz/fuzz_plan
// fuzzes with libFuzzer; here a sample of it is also delivered to the running module.
//
// Promise checked for every input: within 2 s it either yields at most 16 MiB of bytes or throws
// one of the decoder's own messages (never a raw browser exception); the module never aborts.
//   FUZZ_SECONDS=60 node --test share_link_fuzz.test.mjs     (default 15 s)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, launch, serve, openApp, state, waitFor } from './lib.mjs';

const SECONDS = Number(process.env.FUZZ_SECONDS || 15);
const base64url = (buf) => buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const KNOWN = /^(the link is \d+ characters long|it holds characters a share link never has|it is damaged|the plan inside is larger than 16 MB)/;

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

// xorshift32: the same inputs on every run for a given seed.
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
}

function seeds() {
  const dir = path.join(ROOT, 'assets/examples');
  const plans = fs.readdirSync(dir).filter((f) => f.endsWith('.mfplan.json')).map((f) => fs.readFileSync(path.join(dir, f)));
  return [
    ...plans.map((p) => zlib.deflateRawSync(p)),
    zlib.deflateRawSync(Buffer.alloc(40 * 1024 * 1024, 32)),        // a deflate bomb: 40 MB of spaces
    zlib.deflateRawSync(Buffer.from('{"format":"microfab-plan"')),  // a cut plan
    Buffer.alloc(0),
  ];
}

// One mutation of a seed, either of its compressed bytes or of its base64url text.
function mutate(r, all) {
  const pick = (n) => Math.floor(r() * n);
  let bytes = Buffer.from(all[pick(all.length)]);
  const op = pick(8);
  if (op === 0 && bytes.length) bytes[pick(bytes.length)] ^= 1 << pick(8);               // flip a bit
  if (op === 1) bytes = bytes.subarray(0, pick(bytes.length + 1));                        // cut
  if (op === 2) bytes = Buffer.concat([bytes, all[pick(all.length)]]);                    // splice two
  if (op === 3 && bytes.length) { const i = pick(bytes.length); bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i, i + pick(64)), bytes.subarray(i)]); }
  if (op === 4) bytes = Buffer.from(Array.from({ length: pick(512) }, () => pick(256)));  // noise
  let text = base64url(bytes);
  if (op === 5 && text.length) text = text.slice(0, pick(text.length)) + ALPHABET[pick(64)] + text.slice(pick(text.length)); // text edit
  if (op === 6) text = text.slice(0, pick(text.length + 1)) + '%=+/ .é'[pick(7)] + text.slice(pick(text.length));   // a foreign character
  if (op === 7 && text.length) text = text.slice(0, text.length - 1 - pick(Math.min(3, text.length)));              // cut mid-quad
  return '#plan=' + text;
}

test(`share-link decoder: ${SECONDS} s of mutated links, each answered in bounded time with its own message`, async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const all = seeds();
  const r = rng(20261206);
  const t0 = Date.now();
  let runs = 0, decoded = 0, delivered = 0;
  const outcomes = {};
  while (Date.now() - t0 < SECONDS * 1000) {
    const batch = Array.from({ length: 20 }, () => mutate(r, all));
    const results = await page.evaluate(async (hashes) => {
      const out = [];
      for (const h of hashes) {
        const t = performance.now();
        try {
          const bytes = await mfDecodeShareFragment(h);
          out.push({ ok: true, size: bytes.length, ms: performance.now() - t, text: bytes.length < 200000 ? new TextDecoder().decode(bytes) : '' });
        } catch (e) {
          out.push({ ok: false, message: String(e && e.message), ms: performance.now() - t });
        }
      }
      return out;
    }, batch);
    for (let i = 0; i < results.length; ++i) {
      const x = results[i];
      ++runs;
      assert.ok(x.ms < 2000, `decoding took ${x.ms} ms: ${batch[i].slice(0, 80)}`);
      if (x.ok) {
        ++decoded;
        assert.ok(x.size <= 16 * 1024 * 1024);
        // A sample of what got through goes to the module's loader, as an opened link does.
        if (x.text && delivered < 25) {
          ++delivered;
          await page.evaluate((t) => mfHeapCall('mf_deliver_file', [mfUtf8('fuzzed link.mfplan.json'), mfUtf8(t)]), x.text);
          await waitFor(page, (s) => s.frames_drawn > 0, 5000);
        }
      } else {
        assert.match(x.message, KNOWN, `a raw message for ${batch[i].slice(0, 80)}`);
        const key = x.message.replace(/\d+/g, 'N').slice(0, 40);
        outcomes[key] = (outcomes[key] || 0) + 1;
      }
    }
  }
  console.log(`# ${runs} links in ${SECONDS} s: ${decoded} decoded (${delivered} delivered to the module); refused: ${JSON.stringify(outcomes)}`);
  assert.ok(runs >= 100, 'the fuzzer ran');
  assert.ok(Object.keys(outcomes).length >= 3, 'the mutations reach several refusals');
  assert.ok(await state(page), 'the module is alive');
  assert.deepEqual(errors, []);
  await context.close();
});
