// End-to-end tests of Compare on the built site (dist/), served over HTTP and driven in Debian's Chromium:
// every event of the built-in corpus opened from the Library and from an entity card in the Reader, the
// columns checked against the documents the Library lists for the event, the omission matrix checked
// against the passages, the exports read back, and the link reloaded. Screenshots of three events, light
// and dark, phone and wide, go to the screenshot folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { download, openPage, parseCsv, shots, site } from './harness.mjs';

/** Every event of the corpus, as the Library's event facet lists them: id and label. */
async function corpusEvents(page) {
  await page.goto(site.root + '/#/');
  await page.locator('fieldset[data-facet="event"] input').first().waitFor();
  const more = page.locator('fieldset[data-facet="event"] + .facet-more');
  if (await more.count()) await more.click();
  return page.locator('fieldset[data-facet="event"] .facet-row').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.querySelector('input').id.replace(/^facet-event-/, ''),
      label: r.querySelector('.facet-label').textContent,
    })),
  );
}

/** The documents of the comparison shown, in column order. */
async function columns(page) {
  await page.locator('.compare .column-head').first().waitFor();
  return page.locator('.grid-head .column-head').evaluateAll((heads) => heads.map((h) => h.dataset.doc));
}

/** The Library's documents for an event: [id, outlet] of each card. */
async function libraryDocs(page, eventId) {
  await page.goto(site.root + '/#/?' + new URLSearchParams({ event: eventId }));
  await page.locator('.doc-card').first().waitFor();
  return page.locator('.doc-card').evaluateAll((cards) =>
    cards.map((c) => [c.dataset.id, c.querySelector('.outlet').textContent]),
  );
}

test('compare: every event from the Library, with the right documents', async (t) => {
  const page = await openPage(t);
  const events = await corpusEvents(page);
  assert.ok(events.length >= 3, `events: ${JSON.stringify(events)}`);
  for (const event of events) {
    const listed = await libraryDocs(page, event.id);
    await page.locator('a.compare-link').click();
    await page.waitForFunction(() => location.hash.startsWith('#/compare?'));
    const docs = await columns(page);
    // One column per outlet that reports it, each a document the Library lists for the event.
    const outlets = new Set(listed.map(([, o]) => o));
    assert.equal(docs.length, Math.min(5, outlets.size), `${event.id}: ${docs} from ${JSON.stringify(listed)}`);
    for (const d of docs) assert.ok(listed.some(([id]) => id === d), `${event.id}: ${d} not in the Library's list`);
    assert.equal(await page.locator('#compare-title').textContent(), event.label);
    assert.equal(await page.title(), `Compare: ${event.label} · Parallax`);
    // Every passage of every column is shown once, and each column reads in order down the rows.
    const order = await page.locator('.compare-grid .passage').evaluateAll((ps) => ps.map((p) => p.id));
    for (let k = 0; k < docs.length; k++) {
      const mine = order.filter((id) => id.startsWith(`p-${k}-`)).map((id) => Number(id.split('-')[2]));
      assert.ok(mine.length > 0, `${event.id}: column ${k} has no passage`);
      assert.deepEqual(mine, [...mine.keys()], `${event.id}: column ${k} out of reading order`);
    }
    // A framing panel under each column.
    assert.equal(await page.locator('.framing-panel').count(), docs.length);
  }
});

test('compare: every event from an entity card in the Reader', async (t) => {
  const page = await openPage(t);
  const events = await corpusEvents(page);
  for (const event of events) {
    const listed = await libraryDocs(page, event.id);
    const [doc] = listed[0];
    await page.goto(`${site.root}/#/doc/${doc}`);
    await page.locator('mark.entity').first().waitFor();
    // The first entity whose card offers this event.
    const entities = await page.locator('.article-text mark.entity[data-entity]').evaluateAll((ms) =>
      [...new Set(ms.map((m) => m.dataset.entity).filter(Boolean))],
    );
    let found = false;
    for (const id of entities) {
      await page.locator(`.article-text mark.entity[data-entity="${id}"]`).first().dispatchEvent('click');
      await page.locator('#entity-card').waitFor();
      const link = page.locator(`#entity-card a.card-compare-event[data-event="${event.id}"]`);
      if (await link.count()) {
        await link.click();
        found = true;
        break;
      }
    }
    assert.ok(found, `no entity card in ${doc} offers to compare ${event.id}`);
    await page.waitForFunction(() => location.hash.startsWith('#/compare?'));
    const docs = await columns(page);
    assert.ok(docs.includes(doc), `${event.id}: the card's document ${doc} is a column: ${docs}`);
    assert.equal(await page.locator('#compare-title').textContent(), event.label);
  }
  // An entity compared on its own: its card's "Compare outlets on it".
  await page.goto(site.root + '/#/entities');
  await page.locator('.entity-table tbody tr .entity-name').first().click();
  const entityLink = page.locator('a.compare-link');
  await entityLink.first().click();
  await page.waitForFunction(() => location.hash.includes('entity='));
  const docs = await columns(page);
  assert.ok(docs.length >= 2, `an entity named by several documents compares them: ${docs}`);
  const picked = await page.locator('.compare-grid mark.entity').count();
  assert.ok(picked > 0, 'entities are highlighted in the columns');
});

/** A differing row of the matrix: a fact or entity one column has and another leaves out. */
async function differingRow(page) {
  return page.locator('.matrix tbody tr.differs').evaluateAll((rows) =>
    rows
      .map((r) => ({
        key: r.dataset.key,
        label: r.querySelector('th').textContent,
        kind: r.querySelector('td.kind').textContent,
        cells: [...r.querySelectorAll('td.presence')].map((c) => c.dataset.presence),
      }))
      .filter((r) => r.cells.includes('present') && r.cells.includes('absent')),
  );
}

test('compare: the omission matrix marks what one outlet reports and another leaves out', async (t) => {
  const page = await openPage(t);
  const events = await corpusEvents(page);
  let checked = 0;
  for (const event of events) {
    await page.goto(`${site.root}/#/compare?event=${event.id}`);
    await columns(page);
    const rows = (await differingRow(page)).filter((r) => r.kind === 'fact' || r.kind === 'entity');
    for (const row of rows.slice(0, 3)) {
      const present = row.cells.indexOf('present');
      const absent = row.cells.indexOf('absent');
      // The present cell opens the passage that has it; the absent column's passages lack it.
      const tr = page.locator(`.matrix tbody tr[data-key="${row.key}"]`);
      await tr.locator('td.presence').nth(present).locator('button').click();
      const focused = await page.evaluate(() => document.activeElement?.id ?? '');
      assert.ok(focused.startsWith(`p-${present}-`), `${event.id} ${row.label}: focus on ${focused}`);
      const word = row.kind === 'fact' ? row.label.split(' ')[0] : row.label;
      const opened = await page.locator(`#${focused}`).textContent();
      if (row.kind === 'fact') assert.ok(opened.includes(word), `${row.label} in “${opened}”`);
      const absentText = await page
        .locator(`.compare-grid .passage[id^="p-${absent}-"]`)
        .evaluateAll((ps) => ps.map((p) => p.querySelector('.passage-text').textContent).join('\n'));
      if (row.kind === 'fact') assert.ok(!absentText.includes(row.label), `${row.label} is in column ${absent}`);
      else assert.ok(!absentText.includes(word), `${word} is in column ${absent}: ${absentText.slice(0, 200)}`);
      checked++;
    }
  }
  assert.ok(checked > 0, 'some event has an item one outlet reports and another leaves out');
});

test('compare: exports, copy link, and a reloaded link gives the same view', async (t) => {
  const page = await openPage(t);
  const events = await corpusEvents(page);
  // The event with most documents.
  let best = null;
  for (const e of events) {
    const n = (await libraryDocs(page, e.id)).length;
    if (!best || n > best.n) best = { ...e, n };
  }
  await page.goto(`${site.root}/#/compare?event=${best.id}`);
  const docs = await columns(page);
  // Choices go into the URL: free scrolling, only differences, comments, a picked entity.
  await page.locator('#compare-linked').uncheck();
  await page.waitForFunction(() => location.hash.includes('scroll=free'));
  await page.locator('.compare-free .free-column').first().waitFor();
  await page.locator('#matrix-differences').check();
  await page.waitForFunction(() => location.hash.includes('matrix=differences'));
  await page.locator('#compare-comments').check();
  await page.waitForFunction(() => location.hash.includes('comments=1'));
  await page.locator('.compare-comments .comments-column').first().waitFor();
  const entity = await page.locator('.compare-free mark.entity[data-entity]').first().getAttribute('data-entity');
  await page.locator('.compare-free mark.entity[data-entity]').first().click();
  await page.waitForFunction(() => location.hash.includes('hl='));
  const picked = await page.locator('mark.entity.picked').evaluateAll((ms) => [...new Set(ms.map((m) => m.dataset.entity))]);
  assert.deepEqual(picked, [entity]);
  const before = {
    url: page.url(),
    columns: await page.locator('.free-column .column-head').evaluateAll((h) => h.map((x) => x.dataset.doc)),
    matrix: await page.locator('.matrix tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.key)),
    picked: await page.locator('mark.entity.picked').count(),
  };
  assert.deepEqual(before.columns, docs);

  const csv = await download(page, '.export-csv');
  assert.match(csv.name, /^compare-event-.*\.csv$/);
  const rows = parseCsv(csv.text);
  assert.deepEqual(rows[0], ['part', 'row', 'document', 'outlet', 'published', 'headline', 'kind', 'item', 'value', 'text']);
  assert.deepEqual(rows.filter((r) => r[0] === 'document').map((r) => r[2]), docs);
  const passages = await page.locator('.compare-free .passage').count();
  assert.equal(rows.filter((r) => r[0] === 'passage').length, passages, 'every passage shown is exported once');
  assert.ok(rows.some((r) => r[0] === 'matrix' && r[8] === 'absent'), 'the omissions are exported');
  const md = await download(page, '.export-md');
  assert.match(md.name, /\.md$/);
  assert.ok(md.text.startsWith(`# Compare: ${best.label}`), md.text.slice(0, 120));
  assert.ok(md.text.includes(page.url()), 'the Markdown cites the link');
  assert.ok(md.text.includes('| Item | Kind |') && md.text.includes('**absent**'));

  // Reload the link in a new page: the same view.
  const again = await openPage(t);
  await again.goto(before.url);
  await again.locator('.free-column .column-head').first().waitFor();
  assert.deepEqual(await again.locator('.free-column .column-head').evaluateAll((h) => h.map((x) => x.dataset.doc)), before.columns);
  assert.deepEqual(await again.locator('.matrix tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.key)), before.matrix);
  assert.equal(await again.locator('mark.entity.picked').count(), before.picked);
  assert.ok(await again.locator('#compare-comments').isChecked());
  // The documents to choose from are listed once asked for; unchecking one drops its column, in the URL too.
  assert.equal(await page.locator('.pick-row').count(), 0, 'the list is drawn only when opened');
  await page.locator('.pick-docs summary').click();
  assert.ok(await page.locator(`#pick-${docs[0]}`).isChecked());
  await page.locator(`#pick-${docs[docs.length - 1]}`).uncheck();
  await page.waitForFunction((n) => document.querySelectorAll('.free-column').length === n, docs.length - 1);
  assert.ok(!page.url().includes(docs[docs.length - 1]));
});

test('compare: a stale link says what is wrong and offers a way back', async (t) => {
  const page = await openPage(t);
  await page.goto(`${site.root}/#/compare?event=event-that-never-happened`);
  await page.locator('.compare .banner').waitFor();
  assert.match(await page.locator('.compare .banner').textContent(), /No event “event-that-never-happened”/);
  assert.ok(await page.locator('.event-list a.event-link').count() > 0, 'the events to pick from are listed');
  const events = await corpusEvents(page);
  await page.goto(`${site.root}/#/compare?event=${events[0].id}&doc=nope`);
  await page.locator('.compare .banner').waitFor();
  assert.match(await page.locator('.compare .banner').textContent(), /No document “nope”/);
});

for (const scheme of ['light', 'dark']) {
  for (const width of [390, 1280]) {
    test(`compare screenshots: ${scheme}, ${width} px`, async (t) => {
      const page = await openPage(t, { viewport: { width, height: 1000 }, colorScheme: scheme });
      await page.goto(`${site.root}/#/compare`);
      // The list is drawn once the corpus is read, after the page has loaded.
      await page.locator('.event-list a.event-link').first().waitFor();
      const ids = await page.locator('.event-list a.event-link').evaluateAll((as) => as.map((a) => a.dataset.event));
      assert.ok(ids.length >= 3, `three events to show: ${ids}`);
      for (const [i, id] of ids.slice(0, 3).entries()) {
        await page.goto(`${site.root}/#/compare?event=${id}`);
        await columns(page);
        await page.screenshot({ path: join(shots, `compare-${i + 1}-${scheme}-${width}.png`), fullPage: true });
      }
    });
  }
}
