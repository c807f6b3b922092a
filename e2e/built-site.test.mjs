// A site built by `parallax build` from 10,000 generated pages: the first view fetches the catalog only,
// a search fetches the index chunks its words are in and the texts of the cards it draws, a document its
// own file, and nothing is fetched twice. BUILT_SITE names the site and BUILT_SITE_PAGES the folder it
// was built from (the Makefile's e2e target builds both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dist, openPage, serve } from './harness.mjs';

const SITE = process.env.BUILT_SITE;
const PAGES = process.env.BUILT_SITE_PAGES;
const skip = !SITE || !existsSync(`${SITE}/index.html`) ? 'no built site: run `make e2e` (it builds one)' : false;

/** Every data file the page asks for, by path below the data folder, with how many times. */
function recordData(page) {
  const fetched = new Map();
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/\/data-[0-9a-f]+\/(.*)$/);
    if (m) fetched.set(m[1], (fetched.get(m[1]) ?? 0) + 1);
  });
  return fetched;
}

/** A distinctive body word of a page of the folder: what a person would search for. */
/** Holds back the page's requests for texts until the function it resolves to is called. */
async function holdTexts(page) {
  let release;
  const released = new Promise((r) => (release = r));
  await page.route(/\/text\//, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

function wordOf(file) {
  const text = readFileSync(`${PAGES}/${file}`, 'utf8');
  const words = text.split(/[^A-Za-z]+/).filter((w) => w.length >= 9);
  return words[Math.floor(words.length / 2)].toLowerCase();
}

test('a built 10,000-document site opens with its catalog only, and searches by fetching what the query needs', { skip }, async (t) => {
  const base = await serve(SITE);
  const page = await openPage(t);
  const fetched = recordData(page);
  const workers = [];
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  await page.goto(base + '/');
  await page.locator('.doc-card').first().waitFor();
  assert.match(await page.locator('.count').innerText(), /^10000 documents/);
  assert.deepEqual([...fetched.keys()], ['catalog.plx'], 'the first view fetches the catalog and nothing else');
  // The catalog's request and body are a worker's, not the page's.
  assert.deepEqual(workers, ['/fetch-worker.js'], `the catalog is fetched in a worker: ${workers}`);
  // No Import on a site built from a folder.
  assert.equal(await page.locator('nav a', { hasText: 'Import' }).count(), 0);

  const files = readdirSync(PAGES).filter((f) => f.endsWith('.txt')).sort();
  const word = wordOf(files[4321]);
  await page.fill('#search-input', word);
  // The answer, no longer busy (a card's snippet can come while the others' texts are still on their way).
  await page.waitForFunction((q) => {
    const list = document.querySelector('ol.doc-list');
    return list?.dataset.query === q && list.getAttribute('aria-busy') !== 'true';
  }, word, { timeout: 20_000 });
  await page.locator('.doc-card .snippet mark').first().waitFor({ timeout: 20_000 });
  const count = await page.locator('.count').innerText();
  assert.match(count, /^\d+ of 10000 documents/, `a search narrows the list: ${count}`);
  const marks = await page.locator('.doc-card .snippet mark').allTextContents();
  assert.ok(marks.every((m) => m.toLowerCase() === word), `highlights are the word ${word}: ${marks.filter((m) => m.toLowerCase() !== word)}`);
  const chunks = [...fetched.keys()].filter((k) => k.startsWith('index/'));
  assert.equal(chunks.length, 1, `one word, one index chunk: ${chunks}`);
  assert.equal([...fetched.keys()].filter((k) => k.startsWith('doc/')).length, 0, 'no whole document for a search');
  const texts = [...fetched.keys()].filter((k) => k.startsWith('text/')).length;
  assert.ok(texts > 0 && texts <= 25, `the texts of the cards drawn: ${texts}`);

  // Open the first result: its document file and the corpus's entities come, then its events (an entity's
  // card names them); not the framing table, which the Reader does not use. Back returns to the search.
  const tables = () => ['canonical.plx', 'events.plx', 'framing.plx'].filter((t) => fetched.has(t));
  const headline = await page.locator('.doc-card .doc-headline').first().innerText();
  await page.locator('.doc-card a.doc-link').first().click();
  await page.locator('h1.headline').waitFor({ timeout: 20_000 });
  assert.equal((await page.locator('h1.headline').innerText()).trim(), headline.trim());
  // Its entities are marked, from the document's own file.
  assert.ok((await page.locator('article mark, article .mention, [data-entity]').count()) > 0, 'entities highlighted');
  assert.equal([...fetched.keys()].filter((k) => k.startsWith('doc/')).length, 1);
  for (let i = 0; i < 200 && !fetched.has('events.plx'); i++) await page.waitForTimeout(100);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(tables(), ['canonical.plx', 'events.plx'], 'the Reader fetches the entities and events, not the framing');
  // An entity's card, once the events are here, says no more that it is finding them.
  await page.locator('.article-text mark.entity').first().focus();
  await page.locator('#entity-card').waitFor();
  assert.equal(await page.locator('#entity-card .card-events-loading').count(), 0);
  // Its annotations, saved from the Reader, carry the framing: the table is fetched for them first.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.locator('button.download-json').click(),
  ]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.documents.length, 1);
  assert.ok(saved.documents[0].framing, 'the saved document has its framing');
  assert.ok(fetched.has('framing.plx'), 'the framing table was fetched for the download');
  // With the parts of the events the document reports: its event framings are saved.
  const eventParts = [...fetched.keys()].filter((k) => k.startsWith('framing/'));
  assert.ok(saved.events.length > 0, 'the document reports or mentions events');
  assert.equal(eventParts.length, saved.events.length, `the parts of the events it reports or mentions: ${eventParts}`);
  assert.ok(saved.documents[0].event_framing.length <= eventParts.length);
  // Each event's passages come with its part (the events table has none), the document's own among them.
  assert.ok(saved.events.every((e) => e.passages.length > 0), 'every saved event has its passages');
  const id = saved.documents[0].id;
  assert.ok(saved.events.some((e) => e.passages.some((p) => p.document === id && p.text.length > 0)), `a passage of ${id}`);
  await page.goBack();
  await page.locator('.doc-card .snippet mark').first().waitFor();

  // A prefix and a facet on top of the search. While the new search is answered (its index chunks and
  // its first cards' texts come), the cards of the last one stay, marked busy: the list never blinks empty.
  await page.evaluate(() => {
    window.emptied = false;
    window.busySeen = false;
    new MutationObserver(() => {
      const list = document.querySelector('ol.doc-list');
      if (list?.getAttribute('aria-busy') === 'true') window.busySeen = true;
      if (!list || !list.querySelector('.doc-card')) window.emptied = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  // The new cards' texts are held back until the list is drawn busy: a search answered within a blink is
  // not drawn as under way at all.
  const prefix = `${word.slice(0, 4)}*`;
  await page.route(/\/text\//, async (route) => {
    await page.waitForFunction(() => window.busySeen, null, { timeout: 20_000 }).catch(() => {});
    await route.continue();
  });
  await page.fill('#search-input', prefix);
  await page.waitForFunction((q) => {
    const list = document.querySelector('ol.doc-list');
    return list?.dataset.query === q && list.getAttribute('aria-busy') !== 'true';
  }, prefix, { timeout: 20_000 });
  await page.locator('.doc-card .snippet mark').first().waitFor({ timeout: 20_000 });
  await page.unroute(/\/text\//);
  assert.equal(await page.evaluate(() => window.busySeen), true, 'the list was marked busy while the new search was answered');
  assert.equal(await page.evaluate(() => window.emptied), false, 'the last cards stay until the new ones are drawn');
  const before = await page.locator('.count').innerText();
  // A facet click on a search already answered is drawn at once: the list never goes back to
  // "Searching…" while the new cards' texts come.
  await page.evaluate(() => {
    window.searchingAgain = false;
    new MutationObserver(() => {
      if (document.querySelector('.loading') || document.querySelector('ol.doc-list[aria-busy="true"]')) window.searchingAgain = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.locator('fieldset[data-facet="outlet"] input[type="checkbox"]').first().check();
  await page.waitForFunction((b) => document.querySelector('.count')?.innerText !== b, before);
  await page.locator('.doc-card .snippet').first().waitFor();
  assert.equal(await page.evaluate(() => window.searchingAgain), false, 'a facet click does not search again');

  // The Timeline draws from the cards and the tables: no document is fetched for it.
  const docs = () => [...fetched.keys()].filter((k) => k.startsWith('doc/')).length;
  await page.goto(base + '/#/timeline');
  await page.locator('.timeline-chart svg').first().waitFor({ timeout: 20_000 });
  assert.equal(docs(), 1, 'the Timeline fetches no document');
  // Compare on an event fetches the documents of its columns, and only those.
  await page.goto(base + '/#/compare');
  await page.locator('.event-list a').first().click();
  await page.locator('.matrix td.presence').first().waitFor({ timeout: 20_000 });
  const columns = Number(await page.locator('.compare-grid').getAttribute('data-columns'));
  assert.ok(columns >= 2, `columns: ${columns}`);
  assert.ok(docs() <= 1 + columns, `Compare fetched ${docs() - 1} documents for ${columns} columns`);

  // Entities reads the counts made at build time, and who is named with a chosen entity from its own
  // small file: no document.
  const before_entities = docs();
  await page.goto(base + '/#/entities');
  await page.locator('.entity-table tbody tr').first().waitFor({ timeout: 20_000 });
  assert.ok((await page.locator('.entity-table tbody tr').count()) >= 25, 'a full entity table');
  assert.ok((await page.locator('.heatmap td.cell:not(.zero)').count()) > 0, 'a coverage heat map with counts');
  assert.ok(fetched.has('entities.plx'));
  const first = page.locator('.entity-table tbody tr').first();
  const name = (await first.locator('.entity-name').innerText()).trim();
  const mentions = Number(await first.locator('.mentions').innerText());
  await first.locator('.entity-name').click();
  await page.locator('.co-table tbody tr').first().waitFor({ timeout: 20_000 });
  assert.equal((await page.locator('#co-title').innerText()).trim(), `Named with ${name}`);
  assert.match(await page.locator('.co-facts').innerText(), new RegExp(`${mentions} mentions in \\d+ documents`));
  assert.equal(await page.locator('.co-table tbody tr').count(), 20, 'the first twenty named with it');
  assert.match(await page.locator('.co-occurrence .note').innerText(), /^and \d+ more$/);
  assert.equal([...fetched.keys()].filter((k) => k.startsWith('co/')).length, 1, 'one co-occurrence file');
  // Counting reader comments reads the same files.
  await page.locator('#entity-comments').check();
  await page.waitForFunction(() => /comments/.test(location.hash));
  await page.locator('.co-table tbody tr').first().waitFor();
  assert.equal(docs(), before_entities, 'Entities fetches no document');

  for (const [path, times] of fetched) assert.equal(times, 1, `${path} fetched ${times} times`);
});

test('on a built site whose host lacks the fetching worker, the page fetches the catalog and tables itself', { skip }, async (t) => {
  const base = await serve(SITE);
  // Without the service worker, whose fetches a route does not see.
  const page = await openPage(t, { serviceWorkers: 'block' });
  const fetched = recordData(page);
  let asked = 0;
  await page.route(/fetch-worker\.js$/, (route) => {
    asked += 1;
    return route.fulfill({ status: 404, body: 'not here' });
  });
  await page.goto(base + '/#/timeline');
  await page.locator('.timeline-chart svg').first().waitFor({ timeout: 20_000 });
  assert.ok(asked >= 1, 'the worker was asked for');
  assert.deepEqual([...fetched.keys()].sort(), ['catalog.plx', 'events.plx']);
  await page.goto(base + '/#/');
  await page.locator('.doc-card').first().waitFor();
  assert.match(await page.locator('.count').innerText(), /^10000 documents/);
  assert.equal(await page.locator('.banner.error').count(), 0, 'no error is shown');
});

test('on a built site, the cards below the fold ask for their texts as they near the viewport', { skip }, async (t) => {
  const base = await serve(SITE);
  const page = await openPage(t);
  const fetched = recordData(page);
  const texts = () => [...fetched.keys()].filter((k) => k.startsWith('text/')).length;
  await page.goto(base + '/');
  await page.locator('.doc-card').first().waitFor();
  // A common word: a full page of cards, most of them below the fold.
  await page.fill('#search-input', 'said');
  await page.locator('.doc-card .snippet mark').first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => document.querySelectorAll('ol.doc-list .doc-card').length === 20);
  await page.waitForLoadState('networkidle');
  const early = texts();
  assert.ok(early >= 6 && early < 20, `the first screenful's texts, and not the page's: ${early}`);
  const last = page.locator('.doc-card').nth(19);
  assert.equal(await last.locator('.snippet').count(), 0, 'the last card has no snippet before it nears the viewport');
  // Scrolled down as a reader would, a wheel's turn at a time.
  await page.mouse.move(900, 500);
  for (let i = 0; i < 40 && !(await last.locator('.snippet').count()); i++) {
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(100);
  }
  await last.locator('.snippet mark').first().waitFor({ timeout: 20_000 });
  assert.ok(texts() > early, 'scrolling down asks for the texts of the cards it brings near');
  // Every card scrolled past has its snippets, and no text was asked for twice.
  await page.waitForLoadState('networkidle');
  for (let i = 0; i < 20; i++) assert.ok(await page.locator('.doc-card').nth(i).locator('.snippet').count() > 0, `card ${i + 1}`);
  for (const [path, times] of fetched) assert.equal(times, 1, `${path} fetched ${times} times`);
});

test("on a built site, a search asks for its index chunk before it is drawn as under way, its cards come in one frame before their texts and their counts once the texts are here, and its address is written after", { skip }, async (t) => {
  const base = await serve(SITE);
  // Without the service worker, whose fetches a route does not see.
  const page = await openPage(t, { serviceWorkers: 'block' });
  // Each request for an index chunk notes whether the list was already drawn as searching when it left.
  await page.addInitScript(() => {
    window.chunkAsked = [];
    // And each address written, whether the list was drawn as searching then.
    window.urlWrites = [];
    for (const name of ['pushState', 'replaceState']) {
      const write = history[name].bind(history);
      history[name] = (state, title, url) => {
        window.urlWrites.push({ url: String(url), busy: document.querySelector('ol.doc-list')?.getAttribute('aria-busy') === 'true' });
        return write(state, title, url);
      };
    }
    const fetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      if (String(input).includes('/index/')) {
        window.chunkAsked.push(document.querySelector('ol.doc-list')?.getAttribute('aria-busy') === 'true');
      }
      return fetch(input, init);
    };
  });
  await page.goto(base + '/');
  await page.waitForFunction(() => document.querySelectorAll('ol.doc-list .doc-card').length === 20);
  await page.evaluate(() => (window.chunkAsked = []));
  // The outlets' counts as the facet shows them.
  await page.evaluate(() => {
    window.outletCounts = () =>
      [...document.querySelectorAll('fieldset[data-facet="outlet"] .facet-row')]
        .map((r) => `${r.querySelector('input').dataset.value}=${r.querySelector('.facet-count').textContent}`)
        .join('|');
  });
  const before = await page.evaluate(() => window.outletCounts());
  // Every state the page is painted in from here (sampled at each frame, as the reader sees it; the page
  // draws its views one after another within a task, and a sample between them would show a state never
  // painted): the list's query, whether it is busy, its cards, the outlets' counts.
  await page.evaluate(() => {
    window.states = [];
    // When the search was typed, and when each state was first painted.
    window.typedAt = undefined;
    document.addEventListener('input', () => (window.typedAt ??= performance.now()), true);
    const sample = () => {
      const list = document.querySelector('ol.doc-list');
      const state = {
        query: list?.dataset.query,
        busy: list?.getAttribute('aria-busy') === 'true',
        cards: list?.querySelectorAll('.doc-card').length ?? 0,
        rooms: list?.querySelectorAll('.doc-card .snippet-room').length ?? 0,
        snippets: list?.querySelectorAll('.doc-card .snippet').length ?? 0,
        outlets: window.outletCounts(),
      };
      const last = window.states.at(-1);
      if (!last || JSON.stringify({ ...last, at: 0 }) !== JSON.stringify({ ...state, at: 0 })) window.states.push({ ...state, at: performance.now() });
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  // The cards' texts are held back a while, so that the answer waits for them.
  const release = await holdTexts(page);
  const word = wordOf(readdirSync(PAGES).filter((f) => f.endsWith('.txt')).sort()[1234]);
  await page.fill('#search-input', word);
  await page.waitForFunction((q) => {
    const list = document.querySelector('ol.doc-list');
    return list?.dataset.query === q && list.getAttribute('aria-busy') !== 'true';
  }, word, { timeout: 20_000 });
  release();
  await page.locator('.doc-card .snippet mark').first().waitFor({ timeout: 20_000 });
  const asked = await page.evaluate(() => window.chunkAsked);
  assert.ok(asked.length >= 1, 'the search asked for an index chunk');
  assert.deepEqual(asked, asked.map(() => false), 'each chunk was asked for before the list was drawn as searching');
  const states = await page.evaluate(() => window.states);
  const busy = states.filter((s) => s.busy);
  assert.ok(busy.length > 0, 'the list was drawn as searching');
  // Not at once: the last cards stay as they were for the first 100 ms (a timer never fires early), in
  // case the answer comes within them.
  const typedAt = await page.evaluate(() => window.typedAt);
  assert.ok(busy[0].at - typedAt >= 95, `drawn busy ${(busy[0].at - typedAt).toFixed(1)} ms after the keystroke`);
  for (const s of busy) {
    assert.ok(s.cards > 0 && s.cards <= 6, `while searching, a screenful of the last cards stays: ${s.cards}`);
    assert.equal(s.outlets, before, 'while searching, the facets keep their last counts');
  }
  // The answer's cards are drawn while their texts are held back, each keeping a snippet's room, and the
  // view stays busy until they come.
  const early = busy.find((s) => s.query === word);
  assert.ok(early, `the answer's cards were drawn before their texts came: ${JSON.stringify(states)}`);
  assert.equal(early.rooms, early.cards, "each card keeps its snippet's room");
  assert.equal(early.snippets, 0, 'no snippet before its text');
  const answered = states.find((s) => s.query === word && !s.busy);
  assert.ok(answered, 'the answer was drawn');
  await page.waitForFunction(() => document.querySelector('.facets-column')?.getAttribute('aria-busy') !== 'true');
  const after = await page.evaluate(() => window.outletCounts());
  assert.notEqual(after, before, "the facets count the search's results");
  // The cards come first, and the facets count them in the frame after: never the new counts beside the
  // last search's cards.
  const counted = states.findIndex((s) => s.outlets === after);
  assert.ok(counted >= states.indexOf(answered), 'the counts are drawn once the cards that answer are');
  assert.equal(states[counted].query, word, 'the counts are drawn beside the cards they count');
  // The typed search's address is written once its answer is drawn, not while it is on its way.
  await page.waitForFunction((q) => location.href.includes(`q=${q}`), word);
  const writes = await page.evaluate(() => window.urlWrites);
  const ours = writes.filter((w) => w.url.includes(`q=${word}`));
  assert.ok(ours.length >= 1, `the address was written: ${JSON.stringify(writes)}`);
  assert.deepEqual(ours.filter((w) => w.busy), [], 'no address was written while the search was on its way');
});

test('on a built site, a facet clicked while a typed search waits for its texts keeps the words typed', { skip }, async (t) => {
  const base = await serve(SITE);
  const page = await openPage(t, { serviceWorkers: 'block' });
  await page.goto(base + '/');
  await page.locator('fieldset[data-facet="outlet"] input[type="checkbox"]').first().waitFor();
  // The texts are held back, so the typed search is not drawn yet when the box is clicked.
  const release = await holdTexts(page);
  const word = wordOf(readdirSync(PAGES).filter((f) => f.endsWith('.txt')).sort()[777]);
  const outlet = await page.evaluate((word) => {
    const input = document.querySelector('#search-input');
    input.value = word;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: word.at(-1) }));
    const box = document.querySelector('fieldset[data-facet="outlet"] input[type="checkbox"]');
    box.click();
    return box.dataset.value;
  }, word);
  release();
  await page.waitForFunction((q) => {
    const list = document.querySelector('ol.doc-list');
    return list?.dataset.query === q && list.getAttribute('aria-busy') !== 'true';
  }, word, { timeout: 20_000 });
  await page.waitForFunction((o) => new URL(location.href.replace('#/', '')).searchParams.get('outlet') === o, outlet, { timeout: 20_000 });
  const url = new URL(page.url().replace('#/', ''));
  assert.equal(url.searchParams.get('q'), word, `the words typed stay: ${page.url()}`);
  assert.equal(url.searchParams.get('outlet'), outlet);
  assert.equal(await page.inputValue('#search-input'), word);
  assert.ok(await page.locator(`fieldset[data-facet="outlet"] input[data-value="${outlet}"]`).isChecked());
  const outlets = await page.$$eval('.doc-card .outlet', (els) => els.map((e) => e.textContent.trim()));
  assert.ok(outlets.length > 0 && outlets.every((o) => o === outlet), `the cards are the outlet's: ${outlets}`);
});

test('on a built site, a word in most documents is counted apart from its search, and its counts are its own', { skip }, async (t) => {
  const base = await serve(SITE);
  const page = await openPage(t);
  await page.goto(base + '/');
  await page.locator('.doc-card').first().waitFor();
  const outlets = () =>
    page.$$eval('fieldset[data-facet="outlet"] .facet-row', (rows) =>
      rows.map((r) => [r.querySelector('input').dataset.value, Number(r.querySelector('.facet-count').textContent)]),
    );
  const settled = (want) =>
    page.waitForFunction(
      (want) => {
        const count = document.querySelector('.results-bar .count');
        const list = document.querySelector('ol.doc-list');
        const facets = document.querySelector('.facets-column');
        return count && !count.classList.contains('loading') && list?.getAttribute('aria-busy') !== 'true' && facets?.getAttribute('aria-busy') !== 'true' && new RegExp(want).test(count.textContent);
      },
      want.source,
      { timeout: 20_000 },
    );
  await settled(/^10000 documents/);
  const unsearched = await outlets();
  assert.ok(unsearched.length >= 2, 'the outlet facet lists outlets');

  // A word most pages have (not all: the counts must differ from the whole corpus's): its answer is
  // counted in a task after the one that searched.
  await page.fill('#search-input', 'statement');
  await settled(/^\d+ of 10000 documents/);
  const total = Number((await page.locator('.results-bar .count').innerText()).match(/^(\d+)/)[1]);
  assert.ok(total > 5000 && total < 10000, `a word in more than 5,000 documents and not all: ${total}`);
  const searched = await outlets();
  assert.notDeepEqual(searched, unsearched, "the facets count the search's results, not the whole corpus");
  for (const [, n] of searched) assert.ok(n <= total, `an outlet's count is at most the results': ${n} of ${total}`);
  // Choosing the first outlet lists as many documents as its count said.
  const [value, n] = searched[0];
  await page.locator(`fieldset[data-facet="outlet"] input[data-value="${value}"]`).click();
  await settled(new RegExp(`^${n} of 10000 documents`));
  await page.locator(`fieldset[data-facet="outlet"] input[data-value="${value}"]`).click();
  await settled(new RegExp(`^${total} of 10000 documents`));

  // Clearing the search box lists every document again, with the counts of the first view.
  await page.fill('#search-input', '');
  await settled(/^10000 documents/);
  assert.deepEqual(await outlets(), unsearched, 'the first view\'s counts again');
  await page.fill('#search-input', 'statement');
  await settled(new RegExp(`^${total} of 10000 documents`));
  assert.deepEqual(await outlets(), searched, 'the same search, the same counts');
});

test('on a built site, annotations whose framing table cannot be had are not saved, and the Reader says why', { skip }, async (t) => {
  const base = await serve(SITE);
  // Without the service worker, whose fetches a route does not see.
  const page = await openPage(t, { serviceWorkers: 'block' }, { expected: /framing\.plx|Failed to load resource/ });
  // The framing table cannot be had (the host drops it).
  await page.route(/framing\.plx$/, (route) => route.abort());
  await page.goto(base + '/');
  await page.locator('.doc-card a.doc-link').first().click();
  await page.locator('h1.headline').waitFor({ timeout: 20_000 });
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.locator('button.download-json').click();
  await page.waitForFunction(() => /^Not saved: .*framing\.plx/.test(document.querySelector('.doc-tools .tool-status')?.textContent ?? ''), null, { timeout: 20_000 });
  await page.waitForTimeout(500);
  assert.equal(downloads, 0, 'nothing saved without the framing');
  // The document stays readable.
  assert.ok((await page.locator('.article-text mark.entity').count()) > 0);
});

test('on a built site, Compare lists the events at once, and compares an event with its own part (its passages and framing), not the whole tables', { skip }, async (t) => {
  const base = await serve(SITE);
  // Without the service worker, whose fetches a route does not see.
  const page = await openPage(t, { serviceWorkers: 'block' });
  const fetched = recordData(page);
  // The host holds the events' parts back until the test lets them go.
  let release;
  const released = new Promise((r) => (release = r));
  await page.route(/framing\/\d+\/\d+\.plx$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(base + '/#/compare');
  await page.locator('.event-list a').first().waitFor({ timeout: 20_000 });
  assert.ok((await page.locator('.event-list li').count()) > 5, 'the events are listed');
  // An event told by many outlets names the first five and counts the rest.
  const meta = await page.locator('.event-list .event-meta').first().innerText();
  const many = meta.match(/· (\d+) outlets: (.*) and (\d+) more$/);
  assert.ok(many, `the outlets are counted: ${meta}`);
  assert.equal(many[2].split(', ').length, 5, meta);
  assert.equal(Number(many[1]), 5 + Number(many[3]), meta);
  // Thousands of events: the most reported are listed, and a filter reaches the others.
  const total = Number((await page.locator('.event-count').innerText()).match(/^The 60 most reported of (\d+) events/)?.[1]);
  assert.ok(total > 1000, `the events are counted: ${await page.locator('.event-count').innerText()}`);
  const lastMeta = await page.locator('.event-list .event-meta').last().innerText();
  const day = lastMeta.match(/\d{4}-\d{2}-\d{2}/)?.[0];
  assert.ok(day, `an event's date: ${lastMeta}`);
  await page.fill('#event-filter', day);
  await page.locator('.event-count', { hasText: /match/ }).waitFor();
  const dated = await page.locator('.event-list .event-meta').allInnerTexts();
  assert.ok(dated.length > 0 && dated.every((m) => m.includes(day)), `only events of ${day}: ${dated.slice(0, 3)}`);
  await page.fill('#event-filter', 'zzqx nothing');
  await page.locator('.event-count', { hasText: 'No event matches.' }).waitFor();
  assert.equal(await page.locator('.event-list li').count(), 0);
  await page.fill('#event-filter', '');
  await page.locator('.event-list li').nth(59).waitFor();
  // Once the list is drawn, the entities are asked for; no framing yet.
  for (let i = 0; i < 100 && !fetched.has('canonical.plx'); i++) await page.waitForTimeout(50);
  assert.ok(fetched.has('canonical.plx'), `asked for: ${[...fetched.keys()]}`);
  const parts = () => [...fetched.keys()].filter((k) => k.startsWith('framing/'));
  assert.deepEqual(parts(), [], 'no event is compared yet');
  // An event chosen waits for its part, and says so. The part's passages say which documents the
  // comparison opens with, so no document is asked for before it comes.
  const documents = () => [...fetched.keys()].filter((k) => k.startsWith('doc/'));
  assert.deepEqual(documents(), [], 'no document yet');
  await page.locator('.event-list a').first().click();
  await page.locator('.loading', { hasText: "Loading the event's passages" }).waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('.matrix').count(), 0);
  for (let i = 0; i < 100 && parts().length === 0; i++) await page.waitForTimeout(50);
  assert.equal(parts().length, 1, `the event's part is asked for: ${parts()}`);
  assert.deepEqual(documents(), [], 'no document before the part');
  release();
  await page.locator('.matrix td.presence').first().waitFor({ timeout: 30_000 });
  assert.ok(Number(await page.locator('.compare-grid').getAttribute('data-columns')) >= 2);
  // Each column's framing panel is drawn from the part: its voices or a plain "nobody", and its tone.
  assert.ok((await page.locator('.framing-panel .tone').count()) >= 2, 'framing panels drawn');
  assert.match(await page.locator('.framing-panel .tone').first().textContent(), /mean compound over \d+ sentences/);
  assert.equal(parts().length, 1, `one event, one part: ${parts()}`);
  // The columns' documents, and only those, came after the part.
  const columns = Number(await page.locator('.compare-grid').getAttribute('data-columns'));
  assert.equal(documents().length, columns, `the columns' documents: ${documents()}`);
  // The chooser above the comparison offers the most reported events, not thousands.
  const offered = await page.locator('#compare-event option').count();
  assert.ok(offered > 10 && offered <= 201, `events offered: ${offered}`);
  assert.match(await page.locator('.pick-event .pick-hint').innerText(), /The 200 most reported of \d+ events; filter them all/);
  assert.equal(fetched.get(parts()[0]), 1, 'the part is fetched once');
  // Another event fetches its own part; back to the first fetches nothing again. The whole framing
  // table never comes.
  await page.goto(base + '/#/compare');
  await page.locator('.event-list a').nth(1).click();
  await page.locator('.matrix td.presence').first().waitFor({ timeout: 30_000 });
  assert.equal(parts().length, 2, `two events, two parts: ${parts()}`);
  await page.goBack();
  await page.goBack();
  await page.locator('.matrix td.presence').first().waitFor({ timeout: 30_000 });
  assert.equal(parts().length, 2);
  assert.ok(parts().every((p) => fetched.get(p) === 1), 'each part fetched once');
  assert.ok(!fetched.has('framing.plx'), 'Compare does not fetch the framing table');
  // A link that names its documents, opened afresh: those documents and the event's part, and only them.
  const named = await page.locator('.column-head').evaluateAll((hs) => [...new Set(hs.map((h) => h.dataset.doc))].slice(0, 2));
  const event = new URL(page.url().replace('#/', '')).searchParams.get('event');
  const fresh = await openPage(t, { serviceWorkers: 'block' });
  const again = recordData(fresh);
  await fresh.goto(`${base}/#/compare?event=${encodeURIComponent(event)}&${named.map((d) => `doc=${encodeURIComponent(d)}`).join('&')}`);
  await fresh.locator('.matrix td.presence').first().waitFor({ timeout: 30_000 });
  assert.deepEqual(await fresh.locator('.column-head').evaluateAll((hs) => [...new Set(hs.map((h) => h.dataset.doc))]), named);
  const data = [...again.keys()].filter((k) => !k.startsWith('text/'));
  assert.equal(data.filter((k) => k.startsWith('doc/')).length, 2, `the two documents named: ${data}`);
  assert.equal(data.filter((k) => k.startsWith('framing/')).length, 1, `the event's part: ${data}`);
});

test('on a built site, Timeline and Entities fetch only the tables they show', { skip }, async (t) => {
  const base = await serve(SITE);
  const page = await openPage(t);
  const fetched = recordData(page);
  await page.goto(base + '/#/timeline');
  await page.locator('.timeline-chart svg').first().waitFor({ timeout: 20_000 });
  assert.deepEqual([...fetched.keys()].sort(), ['catalog.plx', 'events.plx']);
  // Under the axis, the first 60 documents by date, in order, and how many more there are.
  const onAxis = Number((await page.locator('.timeline-controls .period').innerText()).match(/: (\d+) documents/)[1]);
  const dates = await page.locator('.tl-docs time').allInnerTexts();
  assert.equal(dates.length, 60);
  assert.deepEqual(dates, [...dates].sort(), 'listed by date');
  assert.equal(await page.locator('.timeline-list .note').last().innerText(), `and ${onAxis - 60} more: zoom in to list them`);
  await page.goto(base + '/#/entities');
  await page.locator('.entity-table tbody tr').first().waitFor({ timeout: 20_000 });
  assert.deepEqual([...fetched.keys()].sort(), ['canonical.plx', 'catalog.plx', 'entities.plx', 'events.plx']);
});

test('a site built from a folder of mixed and hostile files names each bad file, and every view works on it', {
  skip: !process.env.PARALLAX_CLI ? 'PARALLAX_CLI names the parallax command (the Makefile sets it)' : false,
}, async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'parallax-built-'));
  const built = spawnSync(process.env.PARALLAX_CLI, ['build', 'fixtures/import', '--out', out, '--app', dist], {
    encoding: 'utf8',
  });
  assert.equal(built.status, 0, built.stderr);
  const said = built.stderr;
  assert.match(said, /photo\.txt: .*binary/, said);
  assert.match(said, /empty\.txt: is empty/, said);
  assert.match(said, /wire\.jsonl: line 2 is not valid JSON/, said);
  assert.match(said, /bomb\.zip: huge\.txt: .*expands to more than/, said);
  assert.match(said, /built .* from 9 documents/, said);
  // A second build replaces the first's data rather than adding to it.
  assert.equal(spawnSync(process.env.PARALLAX_CLI, ['build', 'fixtures/import', '--out', out, '--app', dist]).status, 0);
  assert.equal(readdirSync(out).filter((f) => f.startsWith('data-')).length, 1);

  const base = await serve(out);
  const page = await openPage(t, {}, { expected: /404/ });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  page.on('dialog', (d) => assert.fail(`a dialog opened: ${d.message()}`));
  await page.goto(base + '/');
  await page.locator('.doc-card').first().waitFor();
  assert.match(await page.locator('.count').innerText(), /^9 documents/);

  // The hostile page: found by search, read as text.
  await page.fill('#search-input', 'dockworkers');
  await page.locator('.doc-card .snippet mark').first().waitFor();
  await page.locator('.doc-card a.doc-link', { hasText: 'Dockworkers walk out' }).click();
  await page.locator('.reader .article-text').waitFor();
  const text = await page.locator('.reader .article-text').textContent();
  assert.match(text, /Thousands of dockworkers walked off the job/);
  assert.doesNotMatch(text, /alert|document\.cookie|evil\.example/);
  assert.equal(await page.locator('.reader script, .reader [onload], .reader [onerror], .reader [onmouseover]').count(), 0);
  assert.equal(await page.locator('.reader a[href^="javascript:"]').count(), 0);
  assert.ok(await page.locator('.reader .article-text mark, .reader .article-text .entity').count() > 0, 'entities highlighted');

  // Entities from the tables made at build time. The file of who is named with whom has gone missing
  // from the host: the panel says so, and the rest of the view stays.
  const data = readdirSync(out).find((f) => f.startsWith('data-'));
  rmSync(join(out, data, 'co', '0.plx'));
  await page.goto(base + '/#/entities');
  await page.locator('.entity-table tbody tr').first().waitFor({ timeout: 20_000 });
  assert.ok((await page.locator('.entity-table tbody tr').count()) > 5);
  assert.equal(fetched.filter((p) => p.includes('/doc/')).length, 1, 'Entities fetches no document (the Reader fetched one)');
  await page.locator('.entity-table .entity-name').first().click();
  await page.locator('.co-occurrence .banner.error').waitFor();
  assert.match(await page.locator('.co-occurrence .banner.error').innerText(), /could not be loaded: .*co\/0\.plx.*404/);
  assert.ok((await page.locator('.heatmap td.cell').count()) > 0, 'the heat map stays');
  await page.goto(base + '/#/timeline');
  await page.locator('svg').first().waitFor();
  await page.goto(base + '/#/compare');
  await page.locator('.event-list a', { hasText: /Rotterdam|dockworkers|FNV/i }).first().click();
  await page.locator('.matrix td.presence').first().waitFor();
  assert.match((await page.locator('.column-head').allTextContents()).join(' | '), /Lowland Courier/);
  // On a site built from a folder, Import says how documents are added instead.
  await page.goto(base + '/#/import');
  assert.match(await page.locator('main').innerText(), /add them to the folder and build the site again/);
});
