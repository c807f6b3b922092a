// End-to-end tests of the Entities and Timeline views of the built site (dist/), served over HTTP and
// driven in Debian's Chromium. Screenshots of both views, light and dark, phone and desktop widths, go to
// the screenshot folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { download, openPage, parseCsv, shots, site } from './harness.mjs';

test('entities: sort, select, follow to the Library, and back', async (t) => {
  const page = await openPage(t);
  await page.goto(site.root + '/#/entities');
  const rows = page.locator('.entity-table tbody tr');
  await rows.first().waitFor();
  assert.equal(await page.title(), 'Entities · Parallax');
  const mentions = (await page.locator('.entity-table td.mentions').allTextContents()).map(Number);
  assert.ok(mentions.every((n, i) => i === 0 || mentions[i - 1] >= n), 'most mentions first');

  await page.locator('button.sort[data-sort="name"]').click();
  await page.waitForFunction(() => location.hash.includes('sort=name'));
  const names = (await page.locator('.entity-table tbody th.name').allTextContents()).map((n) => n.toLowerCase());
  assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  assert.equal(await page.locator('th[aria-sort="ascending"] button').getAttribute('data-sort'), 'name');

  // Keyboard: the filter box narrows the list as one types, in the URL without a history entry per key.
  await page.locator('#entity-filter').fill('putin');
  await page.waitForFunction(() => location.hash.includes('q=putin'));
  const row = page.locator('.entity-table tr[data-entity="person:vladimir-putin"]');
  await row.locator('a.entity-name').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.includes('entity=person%3Avladimir-putin'));
  assert.equal(await page.locator('.co-occurrence h2').textContent(), 'Named with Vladimir Putin');
  assert.ok((await page.locator('.co-table tbody tr').count()) > 3);
  const selectedUrl = page.url();

  await page.locator('.co-occurrence a.open-library').click();
  await page.waitForFunction(() => /^#\/\?entity=person%3Avladimir-putin$/.test(location.hash));
  await page.locator('.doc-card').first().waitFor();
  const cards = await page.locator('.doc-card').count();
  assert.ok(cards >= 3 && cards <= 5, `${cards} documents name Putin`);
  assert.equal(await page.locator('[id="facet-entity-person:vladimir-putin"]').isChecked(), true);

  await page.goBack();
  await page.locator('.co-occurrence h2').waitFor();
  assert.equal(page.url(), selectedUrl);
  assert.equal(await page.locator('#entity-filter').inputValue(), 'putin');
  assert.equal(await page.locator('.entity-table tr.selected').getAttribute('data-entity'), 'person:vladimir-putin');
});

test('entities: the table and the coverage download as CSV', async (t) => {
  const page = await openPage(t, { acceptDownloads: true });
  await page.goto(site.root + '/#/entities?type=PERSON');
  await page.locator('.entity-table tbody tr').first().waitFor();
  const shown = await page.locator('.entity-table tbody tr').count();

  const entities = await download(page, 'button[data-download="entities"]');
  assert.equal(entities.name, 'parallax-entities.csv');
  assert.ok(entities.text.startsWith('id,name,type,aliases,roles,documents,outlets,mentions\r\n'));
  const rows = parseCsv(entities.text);
  assert.equal(rows.length, shown + 1, 'a header and one row per entity of the filtered table');
  assert.ok(rows.every((r) => r.length === 8), 'every row has eight fields');
  assert.ok(rows.slice(1).every((r) => r[2] === 'Person'), 'the type filter applies');
  const putin = rows.find((r) => r[0] === 'person:vladimir-putin');
  assert.ok(putin && Number(putin[7]) > 10, JSON.stringify(putin));

  const coverage = await download(page, 'button[data-download="coverage"]');
  assert.equal(coverage.name, 'parallax-coverage.csv');
  const table = parseCsv(coverage.text);
  assert.deepEqual(table[0].slice(0, 3), ['id', 'name', 'type']);
  assert.equal(table[0].at(-1), 'total');
  assert.equal(table[0].length, 3 + 5 + 1, 'one column per outlet');
  assert.equal(table.length, shown + 1);
  // Each row's outlet counts add up to its total.
  for (const r of table.slice(1)) {
    const counts = r.slice(3, -1).map(Number);
    assert.equal(counts.reduce((a, b) => a + b, 0), Number(r.at(-1)), r.join(','));
  }
});

test('timeline: zoom to a month, open a document, come back to the same zoom', async (t) => {
  const page = await openPage(t);
  await page.goto(site.root + '/#/timeline');
  await page.locator('svg.timeline-svg').waitFor();
  assert.equal(await page.title(), 'Timeline · Parallax');
  // One column per year, from the earliest dated event (2011) to the latest document (2017).
  assert.equal(await page.locator('svg.timeline-svg').getAttribute('data-columns'), '7');

  await page.locator('svg.timeline-svg g[data-column="2013"] a.tl-tick-link').click();
  await page.waitForFunction(() => location.hash.includes('zoom=year&at=2013'));
  assert.equal(await page.locator('svg.timeline-svg').getAttribute('data-columns'), '12');
  // A tick is a link into its month.
  await page.locator('svg.timeline-svg g[data-column="2013-04"] a.tl-tick-link').click();
  await page.waitForFunction(() => location.hash.includes('zoom=month&at=2013-04'));
  assert.equal(await page.locator('svg.timeline-svg').getAttribute('data-columns'), '30');
  const monthUrl = page.url();

  const mark = page.locator('svg.timeline-svg a[href="#/doc/001_cfa350853c3acd34"]');
  assert.match(await mark.locator('title').textContent(), /Reuters, 2013-04-20/);
  await mark.click();
  await page.locator('.reader h1.headline').waitFor();
  assert.match(page.url(), /#\/doc\/001_cfa350853c3acd34$/);

  await page.goBack();
  await page.locator('svg.timeline-svg').waitFor();
  assert.equal(page.url(), monthUrl);
  assert.equal(await page.locator('svg.timeline-svg').getAttribute('data-columns'), '30');
  assert.match(await page.locator('.timeline-controls .period').textContent(), /^April 2013/);

  // The keyboard reaches a mark and opens it.
  await page.locator('svg.timeline-svg a[href="#/doc/000_52189a89d9381af0"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('.reader h1.headline').waitFor();
  assert.match(page.url(), /#\/doc\/000_52189a89d9381af0$/);
});

test('timeline: a malformed link shows a message and a way back', async (t) => {
  const page = await openPage(t);
  await page.goto(site.root + '/#/timeline?zoom=bogus');
  const problem = page.locator('.timeline-view .link-problem');
  await problem.waitFor();
  assert.match(await problem.textContent(), /“bogus” is not a zoom level/);
  assert.equal(await page.locator('svg.timeline-svg').count(), 0);
  await page.getByRole('link', { name: 'Show every year' }).click();
  await page.locator('svg.timeline-svg').waitFor();
  assert.match(page.url(), /#\/timeline$/);
});

test('entities: a stale entity link says so, under a sub-path too', async (t) => {
  const page = await openPage(t);
  await page.goto(site.sub + '#/entities?entity=person:no-such-person');
  await page.locator('.co-occurrence .stale').waitFor();
  assert.match(await page.locator('.co-occurrence .stale').textContent(), /person:no-such-person/);
  await page.getByRole('link', { name: 'Clear the selection' }).click();
  await page.waitForFunction(() => !location.hash.includes('entity='));
  assert.ok(page.url().startsWith(site.sub), page.url());
});

for (const scheme of ['light', 'dark']) {
  for (const width of [390, 1280]) {
    test(`screenshots: ${scheme}, ${width} px`, async (t) => {
      const page = await openPage(t, { viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(site.root + '/#/entities?entity=person:vladimir-putin');
      await page.locator('.co-table').waitFor();
      // Nothing is wider than the window: wide tables scroll inside their own frames.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the entities page is ${overflow} px wider than the window`);
      await page.screenshot({ path: join(shots, `entities-${scheme}-${width}.png`), fullPage: false });
      await page.locator('.coverage').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `entities-coverage-${scheme}-${width}.png`), fullPage: false });

      await page.goto(site.root + '/#/timeline?zoom=year&at=2013');
      await page.locator('svg.timeline-svg').waitFor();
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(wide <= 0, `the timeline page is ${wide} px wider than the window`);
      await page.screenshot({ path: join(shots, `timeline-${scheme}-${width}.png`), fullPage: true });
    });
  }
}
