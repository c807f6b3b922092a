// Where a search's time goes at one size, Parallax against Pagefind, on the sites `bench-site.mjs` leaves
// in its work folder (BENCH_KEEP=1): the same words, sessions alternated, each in a fresh browser context.
//   - Per search: whether it fetched an index chunk, how many texts (Parallax) or fragments (Pagefind) it
//     fetched, and its time, as `bench-site.mjs` measures it; for Pagefind, also when search() answered
//     and when the results' data came.
//   - Per request, from the browser's own timing: waiting for a connection, connecting, from the request
//     sent to the first byte of the answer, and the body.
// Both sites are served by the same static server (Python's); with PIN=1 the servers run on processor 1
// and Chromium on processor 0, to see the servers' times without the browser's load on the same cores.
//
//   node bench-requests.mjs WORK N   (WORK/site-N, WORK/html-N and WORK/pages-N)
import { chmodSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';
import { fmt, installFramed, installPagefindSearch, quantile, timeSearch, wordsOf } from './bench-lib.mjs';

const [workArg, n] = process.argv.slice(2);
if (!workArg || !n) throw new Error('usage: node bench-requests.mjs WORK N');
const work = resolve(workArg);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PAGE = 6;
const pin = process.env.PIN === '1';
const words = wordsOf(join(work, `pages-${n}`), Number(process.env.BENCH_WORDS ?? 50));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
let executablePath = CHROMIUM;
if (pin) {
  executablePath = join(work, 'chromium-on-cpu0.sh');
  writeFileSync(executablePath, `#!/bin/sh\nexec taskset -c 0 ${CHROMIUM} "$@"\n`);
  chmodSync(executablePath, 0o755);
}
const cpus = pin ? '1' : undefined;
const ours = await serveStatic(join(work, `site-${n}`), { cpus });
const theirs = await serveStatic(join(work, `html-${n}`), { cpus });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });

/** Runs `search(word)` for each word on `page`, noting the requests each made (by kind). */
async function session(context, page, search, kinds) {
  let requests = [];
  context.on('requestfinished', (r) => {
    const kind = kinds.find(([, re]) => re.test(r.url()));
    if (kind) requests.push({ kind: kind[0], timing: r.timing() });
  });
  await search(words[0]);
  const out = [];
  for (const w of words.slice(1)) {
    requests = [];
    const ms = await search(w);
    // Requests finished by the end of the search are noted in the tasks after it.
    await new Promise((r) => setTimeout(r, 20));
    out.push({ ms, requests });
  }
  return out;
}

async function parallax() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(ours.base + '/');
  await page.locator('.doc-card').first().waitFor();
  await installFramed(page);
  const out = await session(context, page, (w) => timeSearch(page, w, PAGE), [['index', /\/index\/\d+\.plx$/], ['text', /\/text\//]]);
  await context.close();
  return out;
}

async function pagefind() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(theirs.base + '/index.html');
  await installPagefindSearch(page, PAGE);
  const out = await session(context, page, (w) => page.evaluate((w) => window.pfSearch(w), w), [['index', /\/pagefind\/index\//], ['text', /\/pagefind\/fragment\//]]);
  const phases = await page.evaluate(() => window.pfPhases.slice(1));
  await context.close();
  return out.map((s, i) => ({ ...s, phases: phases[i] }));
}

const runs = { Parallax: [], Pagefind: [] };
for (let r = 0; r < ROUNDS; r++) {
  if (r % 2) runs.Pagefind.push(...(await pagefind()));
  runs.Parallax.push(...(await parallax()));
  if (r % 2 === 0) runs.Pagefind.push(...(await pagefind()));
}
await browser.close();
ours.proc.kill();
theirs.proc.kill();

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
console.log(`${Number(n).toLocaleString('en')} documents, ${ROUNDS} sessions of ${words.length - 1} searches on each site${pin ? '; servers on processor 1, Chromium on processor 0' : ''}\n`);
console.log('| site | searches | with an index chunk | texts or fragments per search | p50 / mean ms | search() answered | data came |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, searches] of Object.entries(runs)) {
  for (const chunk of [true, false]) {
    const xs = searches.filter((s) => s.requests.some((q) => q.kind === 'index') === chunk);
    if (!xs.length) continue;
    const ms = xs.map((s) => s.ms);
    const ph = xs.map((s) => s.phases).filter(Boolean);
    console.log(
      `| ${name} | ${chunk ? 'fetching an index chunk' : 'with their chunks here'} | ${xs.length} of ${searches.length} | ${mean(xs.map((s) => s.requests.filter((q) => q.kind === 'text').length)).toFixed(1)} | ${fmt(quantile(ms, 0.5))} / ${fmt(mean(ms))} | ${ph.length ? fmt(mean(ph.map((p) => p.searched))) : '–'} | ${ph.length ? fmt(mean(ph.map((p) => p.came))) : '–'} |`,
    );
  }
  const all = searches.map((s) => s.ms);
  console.log(`| ${name} | all | ${searches.length} | | ${fmt(quantile(all, 0.5))} / ${fmt(mean(all))} | | |`);
}
console.log('\nPer request (ms, means; from the browser\'s timing of each):\n');
console.log('| site | file | requests | waiting | connecting | sent → first byte | body | total |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [name, searches] of Object.entries(runs)) {
  for (const kind of ['index', 'text']) {
    const ts = searches.flatMap((s) => s.requests.filter((q) => q.kind === kind).map((q) => q.timing));
    if (!ts.length) continue;
    const m = (f) => fmt(mean(ts.map(f)));
    const file = kind === 'index' ? 'index chunk' : name === 'Parallax' ? 'text' : 'fragment';
    console.log(`| ${name} | ${file} | ${ts.length} | ${m((t) => t.connectStart)} | ${m((t) => t.connectEnd - t.connectStart)} | ${m((t) => t.responseStart - t.requestStart)} | ${m((t) => t.responseEnd - t.responseStart)} | ${m((t) => t.responseEnd)} |`);
  }
}
