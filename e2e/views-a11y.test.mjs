// Every view, in light and dark, at a phone's width and a desktop's: axe-core finds no serious or critical
// accessibility violation, and a screenshot of the window is saved (`make screenshots` copies them into
// docs/screenshots/ for the README).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, shots, site } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// Each view: its address, what shows it is ready, and what to do before the check.
const VIEWS = [
  { name: 'library', path: '/#/', ready: '.doc-card' },
  { name: 'search', path: '/#/?q=%22intelligence+sharing%22&outlet=Reuters&outlet=Voice+of+America', ready: '.snippet mark' },
  { name: 'reader', path: '/#/doc/001_cfa350853c3acd34', ready: '.article-text mark.entity' },
  {
    name: 'reader-card',
    path: '/#/doc/001_cfa350853c3acd34?entity=person%3Avladimir-putin',
    ready: '.article-text mark.entity.picked',
    before: async (page) => {
      await page.locator('.article-text mark.entity.picked').first().focus();
      await page.locator('.entity-card').waitFor();
    },
  },
  { name: 'comments', path: '/#/doc/000_52189a89d9381af0', ready: '.comments' },
  { name: 'stale-link', path: '/#/doc/no-such-document', ready: '.not-found' },
  { name: 'entities', path: '/#/entities?entity=person%3Avladimir-putin', ready: '.heatmap td.cell' },
  { name: 'timeline', path: '/#/timeline?zoom=year&at=2013', ready: '.timeline-chart svg a' },
  { name: 'compare', path: '/#/compare?event=event-barack-obama-kremlin&comments=1', ready: '.matrix td.presence' },
  { name: 'compare-entity', path: '/#/compare?entity=person%3Avladimir-putin', ready: '.matrix td.presence' },
  { name: 'compare-pick', path: '/#/compare', ready: '.event-list a' },
  {
    name: 'import',
    path: '/#/import',
    ready: '.dropzone',
    before: async (page) => {
      const dir = join(import.meta.dirname, 'fixtures', 'import');
      await page.locator('#import-files').setInputFiles(readdirSync(dir).map((f) => join(dir, f)));
      await page.locator('.imported-table').waitFor({ timeout: 60000 });
      await page.locator('.import-progress').waitFor({ state: 'detached', timeout: 60000 });
    },
  },
];

for (const view of VIEWS) {
  test(`${view.name}: no serious or critical axe violations, light and dark, 390 and 1280 px`, async (t) => {
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [390, 1280]) {
        // axe is injected as a script, which the site's policy forbids: the check page bypasses it.
        const page = await openPage(t, { colorScheme, viewport: { width, height: 900 }, bypassCSP: true });
        await page.goto(site.root + view.path);
        await page.locator(view.ready).first().waitFor();
        if (view.before) await view.before(page);
        await page.addScriptTag({ path: axePath });
        const { checked, violations, minor } = await page.evaluate(async () => {
          const result = await window.axe.run(document);
          const line = (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`;
          const serious = (v) => v.impact === 'serious' || v.impact === 'critical';
          return {
            checked: result.passes.length,
            violations: result.violations.filter(serious).map(line),
            minor: result.violations.filter((v) => !serious(v)).map(line),
          };
        });
        assert.ok(checked > 10, `axe ran its rules (${checked} passed)`);
        assert.deepEqual(violations, [], `${view.name}, ${colorScheme}, ${width} px`);
        if (minor.length) t.diagnostic(`${view.name}, ${colorScheme}, ${width} px, minor: ${minor.join(' | ')}`);
        // No sideways scrolling at a phone's width.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${view.name}, ${colorScheme}, ${width} px: ${overflow} px wider than the window`);
        await page.screenshot({ path: join(shots, `${view.name}-${colorScheme}-${width}.png`) });
        await page.context().close();
      }
    }
  });
}
