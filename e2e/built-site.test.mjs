// A site built by `parallax build` from 10,000 generated pages: the first view fetches the catalog only,
// a search fetches the index chunks its words are in and the texts of the cards it draws, a document its
// own file, and nothing is fetched twice. BUILT_SITE names the site and BUILT_SITE_PAGES the folder it
// was built from (the Makefile's e2e target builds both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { openPage, serve } from './harness.mjs';

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
function wordOf(file) {
  const text = readFileSync(`${PAGES}/${file}`, 'utf8');
  const words = text.split(/[^A-Za-z]+/).filter((w) => w.length >= 9);
  return words[Math.floor(words.length / 2)].toLowerCase();
}

test('a built 10,000-document site opens with its catalog only, and searches by fetching what the query needs', { skip }, async (t) => {
  const base = await serve(SITE);
  const page = await openPage(t);
  const fetched = recordData(page);
  await page.goto(base + '/');
  await page.locator('.doc-card').first().waitFor();
  assert.match(await page.locator('.count').innerText(), /^10000 documents/);
  assert.deepEqual([...fetched.keys()], ['catalog.plx'], 'the first view fetches the catalog and nothing else');
  // No Import on a site built from a folder.
  assert.equal(await page.locator('nav a', { hasText: 'Import' }).count(), 0);

  const files = readdirSync(PAGES).filter((f) => f.endsWith('.txt')).sort();
  const word = wordOf(files[4321]);
  await page.fill('#search-input', word);
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

  // Open the first result: its document file, and the corpus tables, come; Back returns to the search.
  const headline = await page.locator('.doc-card .doc-headline').first().innerText();
  await page.locator('.doc-card a.doc-link').first().click();
  await page.locator('h1.headline').waitFor({ timeout: 20_000 });
  assert.equal((await page.locator('h1.headline').innerText()).trim(), headline.trim());
  // Its entities are marked, from the document's own file.
  assert.ok((await page.locator('article mark, article .mention, [data-entity]').count()) > 0, 'entities highlighted');
  assert.equal([...fetched.keys()].filter((k) => k.startsWith('doc/')).length, 1);
  assert.ok(fetched.has('tables.plx'));
  await page.goBack();
  await page.locator('.doc-card .snippet mark').first().waitFor();

  // A prefix and a facet on top of the search.
  await page.fill('#search-input', `${word.slice(0, 4)}*`);
  await page.locator('.doc-card .snippet mark').first().waitFor({ timeout: 20_000 });
  const before = await page.locator('.count').innerText();
  await page.locator('fieldset[data-facet="outlet"] input[type="checkbox"]').first().check();
  await page.waitForFunction((b) => document.querySelector('.count')?.innerText !== b, before);

  for (const [path, times] of fetched) assert.equal(times, 1, `${path} fetched ${times} times`);
});
