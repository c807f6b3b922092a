// The import benchmark (`make bench`): in Debian's Chromium, a folder of generated pages imported into the
// built site on its Import page, in a fresh profile each run:
//   - documents per second, from the files given to the picker to the import's summary (reading the
//     files, processing them in the worker, assembling the corpus with the built-in documents, keeping
//     them in IndexedDB, showing them);
//   - the page's main thread meanwhile: its tasks over 50 ms (the Long Tasks API), how many and the longest,
//     and how long decoding the assembled corpus took (the app's `parallax:decode-corpus` User Timing);
//   - a reload after it: from navigation to the Library drawn with the imported documents (read back from
//     IndexedDB's cached corpus, nothing processed again).
//
//   node bench-import.mjs SITE_DIR NAME=FOLDER [NAME=FOLDER ...]
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
const [siteDir, ...folders] = process.argv.slice(2);
if (!siteDir || folders.length === 0) throw new Error('usage: node bench-import.mjs SITE_DIR NAME=FOLDER [NAME=FOLDER ...]');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
const { base, proc } = await serveStatic(siteDir);
console.log(`Import benchmark: Chromium ${browser.version()}, median of ${RUNS} runs, each in a fresh profile.\n`);
console.log('| folder | documents | import (s) | documents per second | main-thread tasks over 50 ms: count, longest (ms) | of which decoding the corpus (ms) | reload to Library with them (ms) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
try {
  for (const arg of folders) {
    const [name, dir] = arg.split('=');
    // The generator's truth.jsonl is what is true of the pages, not a page.
    const files = readdirSync(dir).filter((f) => f !== 'truth.jsonl').sort().map((f) => join(dir, f));
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(base + '/#/');
      const builtin = Number(/(\d+) documents/.exec(await page.locator('p.count').textContent())[1]);
      await page.goto(base + '/#/import');
      await page.locator('.imported .empty').waitFor({ timeout: 60000 });
      await page.evaluate(() => {
        window.longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.longTasks.push(e.duration);
        }).observe({ type: 'longtask' });
      });
      const t0 = Date.now();
      await page.locator('#import-files').setInputFiles(files);
      await page.locator('.import-summary').waitFor({ timeout: 30 * 60 * 1000 });
      await page.locator('.import-progress').waitFor({ state: 'detached', timeout: 30 * 60 * 1000 });
      const seconds = (Date.now() - t0) / 1000;
      const summary = await page.locator('.import-summary').textContent();
      const documents = Number(/Imported (\d+)/.exec(summary)?.[1] ?? 0);
      const long = await page.evaluate(() => window.longTasks);
      const decode = await page.evaluate(() => performance.getEntriesByName('parallax:decode-corpus').map((e) => e.duration));
      const r0 = Date.now();
      await page.goto(base + '/#/');
      await page.reload();
      await page.locator('p.count', { hasText: `${builtin + documents} documents` }).waitFor({ timeout: 120000 });
      const reload = Date.now() - r0;
      runs.push({ documents, seconds, long, reload, decode: Math.max(0, ...decode) });
      await context.close();
    }
    const documents = runs[0].documents;
    const seconds = median(runs.map((r) => r.seconds));
    const count = median(runs.map((r) => r.long.length));
    const longest = median(runs.map((r) => Math.max(0, ...r.long)));
    console.log(
      `| ${name} | ${documents} | ${seconds.toFixed(1)} | ${(documents / seconds).toFixed(0)} | ${count}, ${longest.toFixed(0)} | ${median(runs.map((r) => r.decode)).toFixed(0)} | ${median(runs.map((r) => r.reload)).toFixed(0)} |`,
    );
  }
} finally {
  await browser.close();
  proc.kill();
}
