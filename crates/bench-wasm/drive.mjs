// Opens the benchmark page (served by scripts/bench-wasm.sh) in Debian's headless Chromium, runs the
// timing and prints one JSON line in the shape `parallax-eval speed` writes, for `parallax-eval speed-table`.
//
//   node crates/bench-wasm/drive.mjs URL [--runs N] [--json-out FILE]
//
// playwright-core comes from e2e/node_modules (scripts/setup.sh --test installs it).
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const { chromium } = createRequire(resolve(root, 'e2e/package.json'))('playwright-core');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const args = process.argv.slice(2);
const url = args[0];
let runs = 3;
let jsonOut = null;
for (let i = 1; i < args.length; i += 2) {
  if (args[i] === '--runs') runs = Number(args[i + 1]);
  else if (args[i] === '--json-out') jsonOut = args[i + 1];
  else throw new Error(`unknown argument ${args[i]}`);
}
if (!url || !(runs >= 1)) throw new Error('usage: drive.mjs URL [--runs N] [--json-out FILE]');

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => typeof window.bench === 'function', null, { timeout: 30_000 }).catch(() => {
    throw new Error(`the benchmark page did not load: ${errors.join('; ') || 'no error reported'}`);
  });
  const r = await page.evaluate((n) => window.bench(n), runs);
  const result = {
    system: `Parallax (ingest + language, wasm, Chromium ${browser.version()})`,
    words: r.words,
    seconds: r.seconds,
    words_per_second: r.words_per_second,
    runs: r.runs,
  };
  const line = JSON.stringify(result);
  if (jsonOut) writeFileSync(jsonOut, line + '\n');
  console.error(`${result.system}: ${r.words} words, best of ${r.runs} in ${r.seconds.toFixed(3)} s: `
    + `${Math.round(r.words_per_second)} words/s (${r.found} found per run)`);
  console.log(line);
} finally {
  await browser.close();
}
