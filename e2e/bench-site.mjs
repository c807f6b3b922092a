// The built-site benchmark (`make bench-site`, part of `make bench`): for each size, in one run on one
// machine,
//   - `parallax build` on that many generated pages: wall time, peak memory, bytes on disk per document;
//   - Pagefind (the peer) indexing the same pages rendered as HTML: wall time, peak memory, index bytes;
//   - in Chromium, the built Parallax site: bytes transferred and time to the first interactive Library
//     view; the first search (bytes fetched, time to the results painted with their snippets); then, over
//     the same words, p50 / p95 from the keystroke that completes a word to the results painted with their
//     snippets, and from a facet click to the results painted; main-thread tasks over 50 ms;
//   - Compare opened on the built site: time to the list of events, then from a click on the first event
//     to its comparison painted (its first omission-matrix cell), the bytes fetched for each, and
//     main-thread tasks over 50 ms;
//   - in the same Chromium, Pagefind's own JS API on its site: the first search (its script, wasm, metadata,
//     index chunks and the first results' fragments) and the latency of the same words, each from
//     `search()` to the first page of results' data written into a list and painted.
// The searches are `ROUNDS` sessions on each site, alternated; the first search's figures are the first
// session's, and p50 / p95 are over every session's searches.
// Results go to standard output as Markdown, to WORK/results.json, and as a chart to docs/site-growth.svg
// (not with BENCH_CHART=0, for a run of one size).
//
//   node bench-site.mjs --cli PARALLAX --app DIST --pagefind PAGEFIND --work DIR N [N ...]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';
import { fmt, installFramed, installPagefindSearch, quantile, timeFacetClicks, timeSearch, wordsOf } from './bench-lib.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const WORDS = Number(process.env.BENCH_WORDS ?? 50);
// Search sessions per site, alternated between the two (each in a fresh browser context, so each fetches
// its index chunks and texts or fragments again): one session's p50 moves by a quarter from one minute to
// the next on this machine, for Pagefind as for Parallax, and a ratio of two single sessions a few minutes
// apart measures that as much as the sites. Each pair of sessions (one on each site, back to back) gives a
// ratio of its own, and the spread of those ratios is reported beside the ratio of the pooled p50s.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
// The results both are timed to paint with their snippets: a first screenful (the Library draws 6 cards in
// the frame that answers a search; 5 are visible at 1280 × 900 and 6 at 1920 × 1080). The Library draws the
// rest of its page of 20 when the browser is idle, and Pagefind's own UI loads results 5 at a time.
const PAGE = 6;
const PEER_MEMORY_CAP = Math.floor((totalmem() * 4) / 5);

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0 || !args[i + 1]) throw new Error(`${name} is required`);
  const v = args[i + 1];
  args.splice(i, 2);
  return resolve(v);
};
const cli = flag('--cli');
const app = flag('--app');
const pagefind = flag('--pagefind');
const work = flag('--work');
// Results of sizes measured in an earlier run, shown beside these (`--merge WORK/results.json`).
const mergeAt = args.indexOf('--merge');
const earlier = mergeAt >= 0 ? JSON.parse(readFileSync(args.splice(mergeAt, 2)[1], 'utf8')) : [];
const sizes = args.map(Number);

/** Runs a command under /usr/bin/time -v: its wall time (s), peak memory (kB) and standard error. */
function timed(cmd, argv) {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...argv], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed:\n${r.stderr}`);
  const wall = r.stderr.match(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const peak = Number(r.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/)[1]);
  return { seconds, peak, stderr: r.stderr };
}

function bytesUnder(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((n, f) => n + bytesUnder(join(path, f)), 0);
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The pages as HTML, one file each: the first paragraph as title and heading, the rest as paragraphs. */
function renderHtml(pages, out) {
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(pages).filter((f) => f.endsWith('.txt'))) {
    const [head, ...rest] = readFileSync(join(pages, f), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    writeFileSync(
      join(out, f.replace(/\.txt$/, '.html')),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(head)}</title></head>` +
        `<body><main><h1>${esc(head)}</h1>${rest.map((p) => `<p>${esc(p)}</p>`).join('')}</main></body></html>`,
    );
  }
  // The page the benchmark opens to use Pagefind's API.
  writeFileSync(join(out, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title></head><body><ol id="results"></ol></body></html>');
}

/** Counts the bytes of every response the page receives while `f` runs. */
async function counting(page, f) {
  const sizes = [];
  const on = (r) => sizes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize).catch(() => 0));
  page.on('requestfinished', on);
  const value = await f();
  await page.waitForLoadState('networkidle').catch(() => {});
  page.off('requestfinished', on);
  return { value, bytes: (await Promise.all(sizes)).reduce((a, b) => a + b, 0), requests: sizes.length };
}

const LONG_TASKS = () => {
  window.longTasks = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
};

async function parallaxLoads(browser, base) {
  const loads = [];
  let firstView;
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(LONG_TASKS);
    const { value: ms, bytes } = await counting(page, async () => {
      await page.goto(base + '/', { waitUntil: 'commit' });
      return page.evaluate(
        () =>
          new Promise((done) => {
            const check = () =>
              document.querySelector('.doc-card') && !document.querySelector('#search-input')?.disabled
                ? requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0))
                : requestAnimationFrame(check);
            check();
          }),
      );
    });
    loads.push(ms);
    if (i === 0) firstView = { bytes, long: await page.evaluate(() => window.longTasks) };
    await context.close();
  }
  return { loads, firstView };
}

/** One search session on the Parallax site: the words, then (if `facets`) the facet clicks. */
async function parallaxSearch(browser, base, words, facets) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(LONG_TASKS);
  await page.goto(base + '/');
  await page.locator('.doc-card').first().waitFor();
  await installFramed(page);
  // Tasks from here on are the searches' and facet clicks'.
  await page.evaluate(() => (window.longTasks = []));
  const type = (v) => timeSearch(page, v, PAGE);
  const first = await counting(page, () => type(words[0]));
  const keys = [];
  for (const w of words.slice(1)) keys.push(await type(w));
  // Facet clicks on the whole list, on then off, alternating between two outlets.
  let clicks = [];
  if (facets) {
    await type('');
    clicks = await timeFacetClicks(page, WORDS);
  }
  const long = await page.evaluate(() => window.longTasks);
  await context.close();
  return { first: { ms: first.value, bytes: first.bytes, requests: first.requests }, keys, facets: clicks, long };
}

/** Waits, in the page, for `selector` and then a frame and a task (the frame that paints it). */
const painted = (page, selector) =>
  page.evaluate(
    (selector) =>
      new Promise((done) => {
        const check = () =>
          document.querySelector(selector) ? requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0)) : requestAnimationFrame(check);
        check();
      }),
    selector,
  );

/** Compare opened on the site: the list of events, then the first event compared. */
async function parallaxCompare(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(LONG_TASKS);
  const list = await counting(page, async () => {
    await page.goto(base + '/#/compare', { waitUntil: 'commit' });
    return painted(page, '.event-list a');
  });
  const listLong = await page.evaluate(() => window.longTasks.splice(0));
  const compared = await counting(page, async () => {
    const clicked = await page.evaluate(() => {
      document.querySelector('.event-list a').click();
      return performance.now();
    });
    return (await painted(page, '.matrix td.presence')) - clicked;
  });
  const long = await page.evaluate(() => window.longTasks);
  await context.close();
  return { list: { ms: list.value, bytes: list.bytes, long: listLong }, compared: { ms: compared.value, bytes: compared.bytes, long } };
}

/** The loads, then `ROUNDS` search sessions on each site, alternated (which goes first alternates too). */
async function measure(browser, ourBase, theirBase, words) {
  const ours = await parallaxLoads(browser, ourBase);
  ours.compare = await parallaxCompare(browser, ourBase);
  const sessions = [];
  const theirSessions = [];
  for (let r = 0; r < ROUNDS; r++) {
    const peer = async () => theirBase && theirSessions.push(await pagefindSearch(browser, theirBase, words));
    if (r % 2) await peer();
    sessions.push(await parallaxSearch(browser, ourBase, words, r === 0));
    if (r % 2 === 0) await peer();
  }
  Object.assign(ours, {
    rounds: ROUNDS,
    first: sessions[0].first,
    keys: sessions.flatMap((s) => s.keys),
    sessionP50: sessions.map((s) => quantile(s.keys, 0.5)),
    facets: sessions[0].facets,
    long: sessions.flatMap((s) => s.long),
  });
  const theirs = theirBase
    ? {
        rounds: ROUNDS,
        first: theirSessions[0].first,
        times: theirSessions.flatMap((s) => s.times),
        sessionP50: theirSessions.map((s) => quantile(s.times, 0.5)),
        long: theirSessions.flatMap((s) => s.long),
      }
    : null;
  return { ours, theirs };
}

async function pagefindSearch(browser, base, words) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(LONG_TASKS);
  await page.goto(base + '/index.html');
  await page.evaluate(() => (window.longTasks = []));
  await installPagefindSearch(page, PAGE);
  const first = await counting(page, () => page.evaluate((w) => window.pfSearch(w), words[0]));
  const times = [];
  for (const w of words.slice(1)) times.push(await page.evaluate((w) => window.pfSearch(w), w));
  const long = await page.evaluate(() => window.longTasks);
  await context.close();
  return { first: { ms: first.value, bytes: first.bytes, requests: first.requests }, times, long };
}

const results = [...earlier];
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
try {
  for (const n of sizes) {
    const pages = join(work, `pages-${n}`);
    const site = join(work, `site-${n}`);
    const html = join(work, `html-${n}`);
    for (const d of [pages, site, html]) rmSync(d, { recursive: true, force: true });
    spawnSync(cli, ['synth', '--docs', String(n), '--out', pages], { stdio: 'ignore' });
    renameSync(join(pages, 'truth.jsonl'), join(work, `truth-${n}.jsonl`));
    process.stderr.write(`[${n}] parallax build\n`);
    const build = timed(cli, ['build', pages, '--out', site, '--app', app]);
    const data = readdirSync(site).find((f) => f.startsWith('data-'));
    const built = {
      seconds: build.seconds,
      peak: build.peak,
      dataBytes: bytesUnder(join(site, data)),
      indexBytes: bytesUnder(join(site, data, 'index')),
      catalogBytes: bytesUnder(join(site, data, 'catalog.plx')),
      textBytes: bytesUnder(join(site, data, 'text')),
      docBytes: bytesUnder(join(site, data, 'doc')),
      tablesBytes: ['canonical', 'events', 'framing', 'entities'].reduce((n, t) => n + bytesUnder(join(site, data, `${t}.plx`)), 0) + bytesUnder(join(site, data, 'framing')),
      coBytes: bytesUnder(join(site, data, 'co')),
    };
    process.stderr.write(`[${n}] pagefind\n`);
    renderHtml(pages, html);
    let peer;
    try {
      // Under a cap of four fifths of the machine's memory (address space): at 100,000 pages Pagefind
      // outgrows the machine, and capped it fails at once instead of driving it into reclaim for minutes.
      const pf = timed('prlimit', [`--as=${PEER_MEMORY_CAP}`, pagefind, '--site', html]);
      const pfDir = join(html, 'pagefind');
      const meta = readdirSync(pfDir).filter((f) => f.endsWith('.pf_meta')).map((f) => join(pfDir, f));
      peer = {
        seconds: pf.seconds,
        peak: pf.peak,
        indexBytes: bytesUnder(join(pfDir, 'index')) + meta.reduce((a, f) => a + bytesUnder(f), 0),
        fragmentBytes: bytesUnder(join(pfDir, 'fragment')),
        totalBytes: bytesUnder(pfDir),
      };
    } catch (e) {
      // The peer could not index this many pages (at 100,000 it runs out of memory on 24 GB): say so.
      const peak = e.message.match(/Maximum resident set size \(kbytes\): (\d+)/);
      const wall = e.message.match(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/);
      peer = { failed: `exit status ${e.message.match(/Exit status: (\d+)/)?.[1]} after ${wall?.[1]}, peak memory ${peak ? (peak[1] / 1048576).toFixed(1) : '?'} GB` };
      process.stderr.write(`[${n}] pagefind failed: ${peer.failed}\n`);
    }
    const words = wordsOf(pages, WORDS);
    process.stderr.write(`[${n}] browser\n`);
    const a = await serveStatic(site);
    const b = await serveStatic(html);
    try {
      const { ours, theirs } = await measure(browser, a.base, peer.failed ? null : b.base, words);
      results.push({ n, built, peer, ours, theirs });
    } finally {
      a.proc.kill();
      b.proc.kill();
    }
    writeFileSync(join(work, 'results.json'), JSON.stringify(results, null, 1));
    // Each size's folders are large: keep only what was measured (unless BENCH_KEEP is set, to look
    // into a run afterwards).
    if (!process.env.BENCH_KEEP) for (const d of [pages, html]) rmSync(d, { recursive: true, force: true });
  }
} finally {
  await browser.close();
}

const kb = (b) => `${(b / 1024).toFixed(b >= 10240 ? 0 : 1)} KB`;
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
const pair = (xs) => `${fmt(quantile(xs, 0.5))} / ${fmt(quantile(xs, 0.95))}`;
const ratio = (a, b) => (a / b).toFixed(2);
const over50 = (xs) => `${xs.filter((d) => d > 50).length} (longest ${fmt(Math.max(0, ...xs))} ms)`;
const lines = [];
lines.push('| documents | build time | peak memory | data on disk | per document | index per document | catalog |');
lines.push('|---:|---:|---:|---:|---:|---:|---:|');
for (const { n, built: b } of results) {
  lines.push(`| ${n.toLocaleString('en')} | ${b.seconds.toFixed(1)} s | ${mb(b.peak * 1024)} | ${mb(b.dataBytes)} | ${kb(b.dataBytes / n)} | ${kb(b.indexBytes / n)} | ${mb(b.catalogBytes)} |`);
}
lines.push('');
lines.push('| documents | first view: bytes, ms (p50 of loads) | keystroke p50 / p95 ms | facet click p50 / p95 ms | tasks over 50 ms: first view; searching and filtering |');
lines.push('|---:|---|---|---|---|');
for (const { n, ours: o } of results) {
  lines.push(`| ${n.toLocaleString('en')} | ${kb(o.firstView.bytes)}, ${fmt(quantile(o.loads, 0.5))} | ${pair(o.keys)} | ${pair(o.facets)} | ${over50(o.firstView.long)}; ${over50(o.long)} |`);
}
lines.push('');
lines.push('| documents | Compare: list of events (ms, bytes) | then the first event compared (ms, bytes) | tasks over 50 ms: to the list; then |');
lines.push('|---:|---|---|---|');
for (const { n, ours: o } of results) {
  const c = o.compare;
  if (!c) continue;
  lines.push(`| ${n.toLocaleString('en')} | ${fmt(c.list.ms)} ms, ${kb(c.list.bytes)} | ${fmt(c.compared.ms)} ms, ${kb(c.compared.bytes)} | ${over50(c.list.long)}; ${over50(c.compared.long)} |`);
}
lines.push('');
lines.push('| documents | index bytes per document: Parallax / Pagefind (ratio) | first search bytes: Parallax / Pagefind (ratio) | search p50 / p95 ms: Parallax; Pagefind (ratio of p50) | index time: Parallax / Pagefind |');
lines.push('|---:|---|---|---|---|');
for (const { n, built: b, peer: p, ours: o, theirs: t } of results) {
  if (p.failed) {
    lines.push(`| ${n.toLocaleString('en')} | ${kb(b.indexBytes / n)} / Pagefind failed: ${p.failed} | ${kb(o.first.bytes)} / – | ${pair(o.keys)}; – | ${b.seconds.toFixed(1)} s / – |`);
    continue;
  }
  lines.push(
    `| ${n.toLocaleString('en')} | ${kb(b.indexBytes / n)} / ${kb(p.indexBytes / n)} (${ratio(b.indexBytes, p.indexBytes)}) | ` +
      `${kb(o.first.bytes)} / ${kb(t.first.bytes)} (${ratio(o.first.bytes, t.first.bytes)}) | ` +
      `${pair(o.keys)}; ${pair(t.times)} (${ratio(quantile(o.keys, 0.5), quantile(t.times, 0.5))}) | ${b.seconds.toFixed(1)} s / ${p.seconds.toFixed(1)} s |`,
  );
}
lines.push('');
lines.push('| documents | search sessions on each site | p50 of each pair of sessions: Parallax / Pagefind (ratio) | ratios of the pairs: median (lowest to highest) | pairs with Parallax at or below |');
lines.push('|---:|---:|---|---|---:|');
for (const { n, ours: o, theirs: t } of results) {
  if (!t?.sessionP50 || !o.sessionP50) continue;
  const pairs = o.sessionP50.map((a, i) => [a, t.sessionP50[i]]).filter(([, b]) => b != null);
  const ratios = pairs.map(([a, b]) => a / b).sort((a, b) => a - b);
  const mid = ratios.length / 2;
  const median = ratios.length % 2 ? ratios[Math.floor(mid)] : (ratios[mid - 1] + ratios[mid]) / 2;
  lines.push(
    `| ${n.toLocaleString('en')} | ${pairs.length} | ${pairs.map(([a, b]) => `${fmt(a)} / ${fmt(b)} (${ratio(a, b)})`).join(', ')} | ` +
      `${median.toFixed(2)} (${ratios[0].toFixed(2)} to ${ratios.at(-1).toFixed(2)}) | ${ratios.filter((r) => r <= 1).length} of ${ratios.length} |`,
  );
}
console.log(lines.join('\n'));
if (process.env.BENCH_CHART !== '0') writeFileSync(resolve(import.meta.dirname, '../docs/site-growth.svg'), chart(results));

/** Build time and bytes per document against corpus size (log scale), Parallax beside Pagefind. */
function chart(rows) {
  const W = 640, H = 300, L = 60, R = 20, T = 30, B = 50;
  const xs = rows.map((r) => Math.log10(r.n));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs) === Math.min(...xs) ? Math.min(...xs) + 1 : Math.max(...xs)];
  const x = (n) => L + ((Math.log10(n) - x0) / (x1 - x0)) * (W - L - R);
  const series = [
    ['Parallax build (s)', rows.map((r) => r.built.seconds), '#1f5fa8'],
    ['Pagefind index (s)', rows.map((r) => r.peer.seconds ?? NaN), '#b5542b'],
  ];
  const ymax = Math.max(1, ...series.flatMap((s) => s[1]).filter((v) => !Number.isNaN(v)));
  const ylog = (v) => T + (1 - Math.log10(Math.max(v, 0.1) / 0.1) / Math.log10(ymax / 0.1)) * (H - T - B);
  const path = (vals) =>
    vals
      .map((v, i) => [v, i])
      .filter(([v]) => !Number.isNaN(v))
      .map(([v, i], k) => `${k ? 'L' : 'M'}${x(rows[i].n).toFixed(1)},${ylog(v).toFixed(1)}`)
      .join(' ');
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`];
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${L}" y="18" font-size="14">Time to build or index against documents (both axes logarithmic)</text>`);
  out.push(`<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#333"/><line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#333"/>`);
  for (const r of rows) out.push(`<text x="${x(r.n)}" y="${H - B + 18}" text-anchor="middle">${r.n.toLocaleString('en')}</text>`);
  for (const v of [1, 10, 100, 1000].filter((v) => v <= ymax * 1.5)) out.push(`<text x="${L - 6}" y="${ylog(v) + 4}" text-anchor="end">${v} s</text><line x1="${L}" y1="${ylog(v)}" x2="${W - R}" y2="${ylog(v)}" stroke="#ddd"/>`);
  series.forEach(([name, vals, colour], i) => {
    out.push(`<path d="${path(vals)}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    vals.forEach((v, j) => Number.isNaN(v) || out.push(`<circle cx="${x(rows[j].n)}" cy="${ylog(v)}" r="3" fill="${colour}"/>`));
    out.push(`<text x="${L + 10 + i * 200}" y="${H - 12}" fill="${colour}">${name}</text>`);
  });
  out.push(`<text x="${W - R}" y="${H - 12}" text-anchor="end">documents</text></svg>`);
  return out.join('\n') + '\n';
}
