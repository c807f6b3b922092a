// The built site as a visitor keeps it: offline after the first visit, updated on the next visit after a
// new build, and under its Content-Security-Policy (no inline script runs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dist, openPage, serve, shots, site } from './harness.mjs';

test('after the first visit the site works with the network off, and a new build is picked up on the next visit', async (t) => {
  // A copy of the site of its own, so the test can deploy a "new build" over it.
  const dir = mkdtempSync(join(tmpdir(), 'parallax-offline-'));
  cpSync(dist, dir, { recursive: true });
  const base = await serve(dir);
  const page = await openPage(t);
  const context = page.context();
  await page.goto(base + '/');
  await page.locator('.doc-card').first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });

  await context.setOffline(true);
  await page.reload();
  await page.locator('.doc-card').first().waitFor();
  assert.equal(await page.locator('.doc-card').count(), 5, 'the library, offline');
  await page.locator('.doc-card a.doc-link').first().click();
  await page.locator('.reader .article-text p.body').first().waitFor();
  // A deep link opened offline in another tab.
  const other = await context.newPage();
  await other.goto(base + '/#/doc/001_cfa350853c3acd34?hide=place');
  await other.locator('.reader .article-text').waitFor();
  assert.equal(await other.locator('.entity-legend button.place').getAttribute('aria-pressed'), 'false');
  await other.screenshot({ path: join(shots, 'offline-reader.png') });
  await other.close();
  await context.setOffline(false);

  // A new build: its page and its worker differ from the ones cached.
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  writeFileSync(join(dir, 'index.html'), html.replace('<title>', '<meta name="parallax-build" content="next" /><title>'));
  const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
  writeFileSync(join(dir, 'sw.js'), worker.replace(/const VERSION = "[^"]+"/, 'const VERSION = "next-build"'));
  await page.goto(base + '/');
  await page.locator('.doc-card').first().waitFor();
  assert.equal(await page.locator('meta[name="parallax-build"]').count(), 1, 'the next visit gets the new page');
  // The new worker installs, caches the new build and takes over from the old one.
  const caught = async () =>
    page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      const names = await caches.keys();
      return r?.active?.state === 'activated' && names.join() === 'parallax-next-build';
    });
  for (let i = 0; !(await caught()); i++) {
    assert.ok(i < 120, 'the new build\'s worker took over within 30 s');
    await page.waitForTimeout(250);
  }
  // ... and offline, the new build's cached page.
  await context.setOffline(true);
  await page.reload();
  await page.locator('.doc-card').first().waitFor();
  assert.equal(await page.locator('meta[name="parallax-build"]').count(), 1, 'offline, the new build is cached');
  await context.setOffline(false);
});

test('the page forbids inline script: the loader is a file, and script put into the page does not run', async (t) => {
  const built = readFileSync(join(dist, 'index.html'), 'utf8');
  assert.match(built, /http-equiv="Content-Security-Policy"/);
  assert.match(built, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(built, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline script in the built page');
  const page = await openPage(t, {}, { expected: /Content Security Policy/ });
  await page.goto(site.root + '/');
  await page.locator('.doc-card').first().waitFor();
  // An injected inline script is refused by the policy (the refusal is a console error; it is expected here).
  const violations = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/.test(m.text())) violations.push(m.text());
  });
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.parallaxInjected = true;';
    document.body.append(s);
    return window.parallaxInjected === true;
  });
  assert.equal(ran, false, 'the inline script did not run');
  await page.waitForTimeout(200);
  assert.ok(violations.length >= 1, 'the browser reported the refusal');
});
