// The browser benchmark (`make bench`): for each built site given on the command line, in Debian's
// Chromium,
//   - load: from navigation to the first interactive Library view (the cards drawn and the search box
//     ready), over fresh browser contexts (nothing cached);
//   - keystroke: from a key typed in the search box to the frame painted with the updated results;
//   - facet click: from a click on an outlet facet to the frame painted with the updated results;
//   - compare open: from the Library to a comparison drawn (columns, framing panels and omission matrix),
//     over the events reported by most documents and the entities named most, each with its default
//     columns (one document per outlet, at most five);
//   - compare switch: on a comparison, from choosing another event in its event menu to the new one drawn;
// each as p50 and p95.
//
// An interaction is timed inside the page, so the driver's own latency is not counted. It waits for the
// page to be idle (the work the last interaction left for after its frame, such as writing the URL, done),
// as a person's next click would, and is then delivered at the start of a frame (in an animation-frame
// callback), and the clock stops in the first task after the
// frame in which the view is complete has been rendered (style, layout, paint): when the work fits in a
// frame, that is the same frame. An event that arrives at a random moment would also wait up to a frame
// (16.7 ms at 60 Hz) for the next one to begin, a wait no page can shorten; delivering it at the start of a
// frame leaves that out, so "under 16 ms" means "painted in the next frame".
//
//   node bench.mjs NAME=DIR [NAME=DIR ...]
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';
import { fmt, installFramed, quantile, timeFacetClicks } from './bench-lib.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const LOADS = Number(process.env.BENCH_LOADS ?? 10);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 60);
// Typed one key at a time; each key is a new query. Words common in news text, so results change.
const TYPED = 'police said the government would meet officials on tuesday in the capital';


async function measure(browser, base) {
  const loads = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(base + '/', { waitUntil: 'commit' });
    const ms = await page.evaluate(
      () =>
        new Promise((done) => {
          const check = () => {
            const input = document.querySelector('#search-input');
            if (document.querySelector('.doc-card') && input && !input.disabled) {
              requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
            } else {
              requestAnimationFrame(check);
            }
          };
          check();
        }),
    );
    loads.push(ms);
    await context.close();
  }

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.locator('.doc-card').first().waitFor();
  const documents = Number((await page.locator('.results-bar .count').textContent()).match(/\d+/)[0]);
  await installFramed(page);
  // Each key appended to the query, as a typist would; the timings come back when all are done. A key
  // is done when the results bar counts the results of the query as typed so far.
  const keys = await page.evaluate(
    async ({ typed, n }) => {
      const input = document.querySelector('#search-input');
      const times = [];
      let value = '';
      for (let i = 0; i < n; i++) {
        value = i % typed.length === 0 ? typed[0] : value + typed[i % typed.length];
        const v = value;
        times.push(
          await window.framed(
            () => {
              input.value = v;
              input.dispatchEvent(new InputEvent('input', { bubbles: true, data: v.at(-1), inputType: 'insertText' }));
            },
            () => document.querySelector('ol.doc-list')?.dataset.query === v,
          ),
        );
      }
      return times;
    },
    { typed: TYPED, n: INTERACTIONS },
  );
  await page.goto(base + '/#/');
  await page.locator('.doc-card').first().waitFor();
  await installFramed(page);
  const facets = await timeFacetClicks(page, INTERACTIONS);
  const compare = await measureCompare(page, base);
  await context.close();
  return { documents, loads, keys, facets, ...compare };
}

async function measureCompare(page, base) {
  await page.goto(base + '/#/compare');
  await page.locator('.event-list a.event-link').first().waitFor();
  const events = await page.locator('.event-list a.event-link').evaluateAll((as) =>
    as.slice(0, 5).map((a) => ({ href: a.getAttribute('href'), label: a.textContent, id: a.dataset.event })),
  );
  await page.goto(base + '/#/entities');
  await page.locator('.entity-table tbody tr').first().waitFor();
  const entities = await page.locator('.entity-table tbody tr').evaluateAll((rows) =>
    rows.slice(0, 5).map((r) => ({
      href: '#/compare?' + new URLSearchParams({ entity: r.dataset.entity }),
      label: r.querySelector('.entity-name').textContent,
    })),
  );
  const focuses = [...events, ...entities];
  const opens = [];
  let columns = 0;
  for (let i = 0; i < INTERACTIONS; i++) {
    const f = focuses[i % focuses.length];
    await page.evaluate(() => (location.hash = '#/'));
    await page.locator('.doc-card').first().waitFor();
    await installFramed(page);
    const r = await page.evaluate(
      async ({ href, label }) => {
        const ms = await window.framed(
          () => (location.hash = href),
          () => document.querySelector('#compare-title')?.textContent === label && document.querySelector('.omissions') !== null,
        );
        return { ms, columns: document.querySelectorAll('.grid-head .column-head').length };
      },
      f,
    );
    opens.push(r.ms);
    columns = Math.max(columns, r.columns);
  }
  await page.evaluate((href) => (location.hash = href), events[0].href);
  await page.locator('#compare-event').waitFor();
  const switches = await page.evaluate(
    async ({ events, n }) => {
      const times = [];
      // The events the menu offers (those reported by several documents).
      const offered = new Set([...document.querySelectorAll('#compare-event option')].map((o) => o.value));
      events = events.filter((e) => offered.has(e.id));
      if (events.length < 2) return times;
      for (let i = 1; i <= n; i++) {
        const e = events[i % events.length];
        times.push(
          await window.framed(
            () => {
              const select = document.querySelector('#compare-event');
              select.value = e.id;
              select.dispatchEvent(new Event('change', { bubbles: true }));
            },
            () => document.querySelector('#compare-title')?.textContent === e.label && document.querySelector('.omissions') !== null,
          ),
        );
      }
      return times;
    },
    { events: events.filter((e) => e.id), n: INTERACTIONS },
  );
  return { opens, switches, columns };
}

const sites = process.argv.slice(2).map((arg) => {
  const [name, dir] = arg.split('=');
  return { name, dir };
});
if (sites.length === 0) throw new Error('usage: node bench.mjs NAME=DIR [NAME=DIR ...]');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
console.log(`Browser benchmark: Chromium ${browser.version()}, ${LOADS} loads and ${INTERACTIONS} interactions of each kind per site.\n`);
console.log('| corpus | documents | load to interactive p50 / p95 (ms) | search keystroke to paint p50 / p95 (ms) | facet click to paint p50 / p95 (ms) | compare open p50 / p95 (ms), most columns | compare switch event p50 / p95 (ms) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const site of sites) {
  const { base, proc } = await serveStatic(site.dir);
  try {
    const r = await measure(browser, base);
    const pair = (xs) => `${fmt(quantile(xs, 0.5))} / ${fmt(quantile(xs, 0.95))}`;
    console.log(
      `| ${site.name} | ${r.documents} | ${pair(r.loads)} | ${pair(r.keys)} | ${pair(r.facets)} | ${pair(r.opens)}, ${r.columns} | ${pair(r.switches)} |`,
    );
  } finally {
    proc.kill();
  }
}
await browser.close();
