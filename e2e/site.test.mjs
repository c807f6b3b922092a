// End-to-end tests of the built site (dist/), served over HTTP and driven in Debian's Chromium.
// Run by `make e2e` after a release build. Screenshots go to e2e/screenshots/ (git-ignored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, shots, site } from './harness.mjs';

async function libraryHeadlines(page) {
  await page.locator('.doc-card').first().waitFor();
  return page.locator('.doc-card .doc-headline').allTextContents();
}

test('the home page lists the five documents, with outlet and date', async (t) => {
  const page = await openPage(t);
  await page.goto(site.root + '/');
  const headlines = await libraryHeadlines(page);
  assert.equal(headlines.length, 5);
  assert.ok(headlines.includes('Putin Calls for US-Russia Intelligence Sharing'), headlines.join(' | '));
  assert.ok(headlines.every((h) => h.trim().length > 10 && !h.startsWith('Untitled')), headlines.join(' | '));
  const outlets = await page.locator('.doc-card .outlet').allTextContents();
  assert.equal(new Set(outlets).size, 5, `five distinct outlets: ${outlets.join(', ')}`);
  assert.ok(outlets.includes('Voice of America'));
  const dates = await page.locator('.doc-card .date').allTextContents();
  assert.ok(dates.every((d) => /^\d{4}-\d{2}(-\d{2})?$/.test(d)), `every document has a date: ${dates.join(', ')}`);
  assert.equal(await page.title(), 'Library · Parallax');
  await page.screenshot({ path: join(shots, 'library.png'), fullPage: true });
});

test('search and facets narrow the library, live in the URL, and survive back, forward and reload', async (t) => {
  const page = await openPage(t);
  await page.goto(site.root + '/');
  await libraryHeadlines(page);
  await page.locator('#search-input').fill('Boston');
  await page.waitForFunction(() => location.hash.includes('q=Boston'));
  const found = await page.locator('.doc-card .doc-headline').allTextContents();
  assert.ok(found.length >= 1 && found.length < 5, found.join(' | '));
  const marks = await page.locator('.snippet mark').allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => /^boston/i.test(m)), marks.join(', '));
  // Typing replaced the history entry; a facet click adds one (on the facets counting the search).
  await page.waitForFunction(() => document.querySelector('.facets-column')?.getAttribute('aria-busy') !== 'true');
  const outletRows = await page.locator('[data-facet="outlet"] .facet-row').count();
  await page.locator('[data-facet="outlet"] input').first().check();
  await page.waitForFunction(() => location.hash.includes('outlet='));
  const narrowed = await page.locator('.doc-card').count();
  assert.ok(narrowed >= 1 && narrowed <= found.length);
  assert.equal(await page.locator('[data-facet="outlet"] .facet-row').count(), outletRows);
  await page.screenshot({ path: join(shots, 'library-search.png'), fullPage: true });
  const link = page.url();

  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('outlet='));
  assert.equal(await page.locator('.doc-card').count(), found.length);
  await page.goForward();
  await page.waitForFunction(() => location.hash.includes('outlet='));
  assert.equal(await page.locator('.doc-card').count(), narrowed);

  // The copied link, opened afresh, is the same view.
  const other = await openPage(t);
  await other.goto(link);
  await other.locator('.library').waitFor();
  assert.equal(await other.locator('#search-input').inputValue(), 'Boston');
  assert.equal(await other.locator('.doc-card').count(), narrowed);
  await other.reload();
  await other.locator('.library').waitFor();
  assert.equal(await other.locator('.doc-card').count(), narrowed);
  // Search text is shown as text: markup typed into the box is never rendered.
  await other.locator('#search-input').fill('<img src=x onerror=alert(1)> "exact phrase" -minus prefix*');
  await other.locator('.no-results').waitFor();
  assert.equal(await other.locator('.library img').count(), 0);
});

test('going elsewhere in the library before a view reaches the URL keeps where the reader went', async (t) => {
  const page = await openPage(t);
  await page.goto(site.root + '/');
  await libraryHeadlines(page);
  await page.locator('#search-input').fill('Boston');
  await page.waitForFunction(() => location.hash.includes('q=Boston'));
  // A keystroke, then at once (before its view is written into the URL, when the browser is next idle)
  // the bare Library's address: that address stands, with every document, not the query typed.
  await page.evaluate(() => {
    const input = document.querySelector('#search-input');
    input.value = 'Bostonx';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    location.hash = '#/';
  });
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => setTimeout(done, 300))));
  assert.equal(await page.evaluate(() => location.hash), '#/');
  assert.equal(await page.locator('#search-input').inputValue(), '');
  assert.equal(await page.locator('.doc-card').count(), 5);
});

test('open a document, go back, go forward', async (t) => {
  const page = await openPage(t);
  await page.goto(site.root + '/');
  await libraryHeadlines(page);
  await page.locator('.doc-card[data-id="003_c56cdf79381bd2d4"] a.doc-link').click();
  await page.locator('.reader h1.headline').waitFor();
  assert.match(page.url(), /#\/doc\/003_c56cdf79381bd2d4$/);
  assert.equal(await page.locator('.reader h1.headline').textContent(),
    "Putin's Spokesman Says 'Exemplary' CIA Tip-Off Helped Save Many Lives");
  assert.ok((await page.locator('.reader p.body').count()) > 10);
  await page.screenshot({ path: join(shots, 'reader.png'), fullPage: false });

  await page.goBack();
  await page.locator('.library').waitFor();
  assert.equal((await libraryHeadlines(page)).length, 5);
  assert.ok(!page.url().includes('/doc/'));

  await page.goForward();
  await page.locator('.reader h1.headline').waitFor();
  assert.match(page.url(), /#\/doc\/003_c56cdf79381bd2d4$/);
});

test("a document's URL opens it directly, and survives a reload", async (t) => {
  const page = await openPage(t);
  await page.goto(site.root + '/#/doc/001_cfa350853c3acd34');
  const headline = page.locator('.reader h1.headline');
  await headline.waitFor();
  assert.equal(await headline.textContent(), 'Boston bombings: a chance for U.S.-Russia cooperation');
  await page.reload();
  await headline.waitFor();
  assert.equal(await headline.textContent(), 'Boston bombings: a chance for U.S.-Russia cooperation');
  // What the engine removed from the page is there, labelled, on request.
  await page.locator('.removed summary').click();
  const removed = await page.locator('.removed li').allTextContents();
  assert.ok(removed.some((r) => r.includes('narrow-browser-and-phone')), removed.join(' | '));
});

test('a stale link says so and leads back to the library', async (t) => {
  const page = await openPage(t);
  await page.goto(site.root + '/#/doc/does-not-exist');
  await page.locator('.not-found').waitFor();
  assert.match(await page.locator('.not-found p').first().textContent(), /does-not-exist/);
  await page.getByRole('link', { name: 'Back to the Library' }).click();
  assert.equal((await libraryHeadlines(page)).length, 5);
});

test('the site works under a sub-path', async (t) => {
  const page = await openPage(t);
  await page.goto(site.sub);
  assert.equal((await libraryHeadlines(page)).length, 5);
  await page.locator('.doc-card[data-id="004_ae0952dab8ca1e97"] a.doc-link').click();
  await page.locator('.reader h1.headline').waitFor();
  assert.ok(page.url().startsWith(site.sub + '#/doc/'), page.url());
  await page.reload();
  assert.equal(await page.locator('.reader h1.headline').textContent(), 'Putin wants dialogue with US intel agencies');
});

test('dark theme and phone width render the library', async (t) => {
  const page = await openPage(t, { viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  await page.goto(site.root + '/');
  assert.equal((await libraryHeadlines(page)).length, 5);
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(bg, 'rgb(21, 23, 26)');
  await page.screenshot({ path: join(shots, 'library-dark-phone.png'), fullPage: false });
});

test('reader comments are threaded, collapsible and apart from the article', async (t) => {
  const page = await openPage(t);
  await page.goto(site.root + '/#/doc/000_52189a89d9381af0');
  const comments = page.locator('section.comments');
  await comments.waitFor();
  assert.equal(await comments.locator('h2').textContent(), 'Reader comments (4)');
  assert.equal(await comments.locator('li.comment').count(), 4);
  // The reply sits inside the comment it answers.
  const reply = comments.locator('li.comment li.comment');
  assert.equal(await reply.locator('.author').textContent(), 'Nirivichara');
  const parent = comments.locator('li.comment:has(li.comment) > details > summary .author');
  assert.equal(await parent.textContent(), 'Gennady');
  // No comment text in the article.
  const body = await page.locator('.article-text p.body').allTextContents();
  assert.ok(!body.some((p) => p.includes('Childish nonsense')));
  await comments.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'reader-comments.png'), fullPage: false });
  // Collapsing a comment hides its text and its replies.
  await comments.locator('li.comment:has(li.comment) > details > summary').click();
  assert.equal(await reply.isVisible(), false);
});

test('the reader highlights entities by type, with a card on focus, in light and dark', async (t) => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await openPage(t, { colorScheme });
    await page.goto(site.root + '/#/doc/001_cfa350853c3acd34');
    await page.locator('.entity-legend').waitFor();
    const person = page.locator('.article-text mark.entity.person[data-entity="person:vladimir-putin"]').first();
    assert.equal(await person.textContent(), 'Vladimir Putin');
    // Keyboard focus reaches a mention, and its card names the canonical entity and where else it appears.
    await person.focus();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Vladimir Putin');
    const card = page.locator('.entity-card');
    await card.waitFor();
    assert.equal(await card.locator('.card-name').textContent(), 'Vladimir Putin');
    assert.match(await card.textContent(), /in \d of 5 documents, by \d outlets/);
    // The tint is readable: dark text on a light tint, or light text on a dark one.
    const [fg, bg] = await person.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
    assert.notEqual(fg, bg);
    assert.ok((await page.locator('.article-text .quote').count()) > 3, 'quotes are marked');
    await page.screenshot({ path: join(shots, `reader-entities-${colorScheme}.png`), fullPage: false });
    // Turning places off removes their tint and says so to assistive technology.
    const places = page.locator('.entity-legend button.place');
    await places.click();
    assert.equal(await places.getAttribute('aria-pressed'), 'false');
    const tint = await page.locator('.article-text mark.entity.place').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(tint, 'rgba(0, 0, 0, 0)');
    // The toggle is in the URL, so a reload keeps it.
    assert.match(page.url(), /hide=place/);
    await page.reload();
    await page.locator('.entity-legend').waitFor();
    assert.equal(await page.locator('.entity-legend button.place').getAttribute('aria-pressed'), 'false');
  }
});

test("an entity card is reached by keyboard and its link opens the Library filtered on the entity", async (t) => {
  const page = await openPage(t);
  await page.goto(site.root + '/#/doc/001_cfa350853c3acd34');
  const person = page.locator('.article-text mark.entity.person[data-entity="person:vladimir-putin"]').first();
  await person.focus();
  await page.locator('.entity-card').waitFor();
  await page.screenshot({ path: join(shots, 'reader-entity-card.png') });
  // The card comes right after the mention in the tab order: Tab, Tab past the close button, Enter.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'card-close');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Documents naming it');
  await page.keyboard.press('Enter');
  await page.locator('.library').waitFor();
  assert.match(page.url(), /#\/\?entity=person%3Avladimir-putin$/);
  const ids = await page.locator('.doc-card').evaluateAll((cards) => cards.map((c) => c.dataset.id));
  assert.ok(ids.includes('001_cfa350853c3acd34'), ids.join(', '));
  assert.ok(await page.locator('#facet-entity-person\\:vladimir-putin').isChecked(), 'the entity facet is chosen');
  // Back returns to the document.
  await page.goBack();
  await page.locator('.reader').waitFor();
});

test('copy link and copy citation put the view on the clipboard; the annotations download as parallax/1 JSON', async (t) => {
  const page = await openPage(t, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(site.root + '/#/doc/001_cfa350853c3acd34?hide=date');
  await page.locator('.doc-tools').waitFor();
  await page.locator('.doc-tools .copy-link').click();
  await page.locator('.tool-status', { hasText: 'Link copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  await page.locator('.doc-tools .copy-citation').click();
  await page.locator('.tool-status', { hasText: 'Citation copied.' }).waitFor();
  const citation = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(citation.startsWith('“Boston bombings: a chance for U.S.-Russia cooperation.” Reuters, 2013-04-20.'), citation);
  assert.ok(citation.includes('Source file: 001_cfa350853c3acd34.txt.'), citation);
  assert.ok(citation.endsWith(page.url()), citation);
  // The copied link reproduces the view in a fresh page.
  const other = await openPage(t);
  await other.goto(citation.slice(citation.indexOf('http')));
  await other.locator('.entity-legend').waitFor();
  assert.equal(await other.locator('.entity-legend button.date').getAttribute('aria-pressed'), 'false');

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.doc-tools .download-json').click()]);
  assert.equal(download.suggestedFilename(), '001_cfa350853c3acd34.json');
  const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(json.schema, 'parallax/1');
  assert.equal(json.documents.length, 1);
  const doc = json.documents[0];
  assert.equal(doc.outlet, 'Reuters');
  assert.ok(doc.mentions.length > 50 && doc.quotes.length > 3, `${doc.mentions.length} mentions, ${doc.quotes.length} quotes`);
  const ids = new Set(json.entities.map((e) => e.id));
  assert.ok(doc.mentions.every((m) => ids.has(m.entity)), 'every mention resolves to a listed entity');
  assert.ok(json.events.length > 0 && json.events.every((e) => e.documents.includes(doc.id) || e.mentioned_in.includes(doc.id)));
});

test('the result list downloads as CSV, in the order shown', async (t) => {
  const page = await openPage(t);
  await page.goto(site.root + '/#/?q=%22intelligence+sharing%22&sort=outlet');
  await page.locator('.doc-card').first().waitFor();
  const shown = await page.locator('.doc-card').evaluateAll((cards) => cards.map((c) => c.dataset.id));
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.download-csv').click()]);
  assert.equal(download.suggestedFilename(), 'parallax-results.csv');
  const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(lines[0], 'rank,id,outlet,published,headline,byline,words,comments,matches,score,source');
  assert.equal(lines.length - 1, shown.length);
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[1]), shown);
  assert.ok(lines.slice(1).every((l) => /,\d+,\d+\.\d{3},[^,]+\.txt$/.test(l)), lines.join('\n'));
});

test('the reader prints the document without the controls, light whatever the theme', async (t) => {
  const page = await openPage(t, { colorScheme: 'dark' });
  await page.goto(site.root + '/#/doc/001_cfa350853c3acd34');
  await page.locator('.doc-tools').waitFor();
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  assert.equal(await page.locator('.doc-tools').isVisible(), false);
  assert.equal(await page.locator('.entity-legend').isVisible(), false);
  assert.equal(await page.locator('header.top nav').isVisible(), false);
  assert.ok(await page.locator('.article-text p.body').first().isVisible());
  assert.ok(await page.locator('.reader .headline').isVisible());
  const [fg, bg] = await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.documentElement).backgroundColor]);
  assert.equal(fg, 'rgb(0, 0, 0)');
  assert.equal(bg, 'rgb(255, 255, 255)');
  await page.screenshot({ path: join(shots, 'reader-print.png') });
});

test('on a phone the results come before the filters, and the Filters button takes the reader to them', async (t) => {
  const page = await openPage(t, { viewport: { width: 390, height: 844 } });
  await page.goto(site.root + '/#/?outlet=Reuters');
  await page.locator('.doc-card').first().waitFor();
  const top = (sel) => page.locator(sel).first().evaluate((e) => e.getBoundingClientRect().top);
  const card = await top('.doc-card');
  const facets = await top('aside.facets');
  assert.ok(card < 844 && card < facets, `first card at ${card} px, filters at ${facets} px`);
  const button = page.locator('.to-filters');
  assert.equal((await button.textContent()).trim(), 'Filters (1 chosen)');
  await button.click();
  await page.waitForFunction(() => Math.abs(document.querySelector('aside.facets').getBoundingClientRect().top) < 5);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'filters');
  // On a wide screen the filters sit beside the results and the button is not shown.
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await button.isVisible(), false);
});
