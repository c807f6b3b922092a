// What every end-to-end test file shares: the built site (dist/) served over HTTP at a root and under a
// sub-path, one Chromium for the file, and pages that fail their test on any script or console error.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

const root = resolve(import.meta.dirname, '..');
export const dist = resolve(process.env.DIST_DIR ?? join(root, 'dist'));
export const shots = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, 'screenshots'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let browser;
const servers = [];

// Serves `dir` until the file's tests are done.
export async function serve(dir) {
  const { base, proc } = await serveStatic(dir);
  servers.push(proc);
  return base;
}

/** The site's address at a root, and under the sub-path /parallax/, once `before` has run. */
export const site = { root: '', sub: '' };

before(async () => {
  assert.ok(existsSync(join(dist, 'index.html')), `no built site at ${dist}: run a release build first`);
  mkdirSync(shots, { recursive: true });
  site.root = await serve(dist);
  // The same site under a sub-path, as on a project page of a static host.
  const host = mkdtempSync(join(tmpdir(), 'parallax-host-'));
  symlinkSync(dist, join(host, 'parallax'));
  site.sub = (await serve(host)) + '/parallax/';
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  for (const s of servers) s.kill();
});

// A page that fails the test on any script error or console error, except console errors matching
// `expected` (a test that provokes one on purpose).
export async function openPage(t, options = {}, { expected } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected?.test(m.text())) errors.push(`console error: ${m.text()}`);
  });
  t.after(async () => {
    await context.close();
    assert.deepEqual(errors, [], 'the page reported errors');
  });
  return page;
}

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks) into rows of fields. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Clicks `selector` and returns the file it downloads: its suggested name and its text. */
export async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}
