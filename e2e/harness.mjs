// What every end-to-end test file shares: the built site (dist/) served over HTTP at a root and under a
// sub-path, one Chromium for the file, and pages that fail their test on any script or console error.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
export const dist = resolve(process.env.DIST_DIR ?? join(root, 'dist'));
export const shots = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, 'screenshots'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let browser;
const servers = [];

async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

// Serves `dir` on 127.0.0.1 with Python's standard static file server, as a plain static host would.
export async function serve(dir) {
  const port = await freePort();
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: 'ignore',
  });
  servers.push(proc);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(base + '/');
      if (r.ok) return base;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the static server for ${dir} did not start`);
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

