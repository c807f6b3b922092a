// What the browser benchmarks share: the search words, timing an interaction inside the page, a search on
// the Parallax site and on Pagefind's, and quantiles.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** `n` search words drawn from the pages themselves, spread over the corpus: what people look for. */
export function wordsOf(pages, n) {
  const files = readdirSync(pages).filter((f) => f.endsWith('.txt')).sort();
  const out = new Set();
  for (let i = 0; out.size < n && i < 10 * n; i++) {
    const text = readFileSync(join(pages, files[(i * 7919) % files.length]), 'utf8');
    const words = text.split(/[^A-Za-z]+/).filter((w) => w.length >= 6);
    if (words.length) out.add(words[(i * 31) % words.length].toLowerCase());
  }
  return [...out];
}

// Installs `framed(act, ready)` in the page: once the page is quiet (an idle period, as when a person's next
// click comes), it calls `act` at the start of a frame and resolves with the milliseconds until the task
// after the frame that paints what `ready()` waits for.
//   - What `act` and its microtasks draw is painted in its own frame: if `ready()` holds in the task after
//     that frame, that is the end.
//   - Otherwise the page's changes are watched (a `MutationObserver`, called in the task that made them),
//     and once `ready()` holds the end is the task after the next frame, as for Pagefind's results
//     (written, then a frame, then a task). The page is not polled frame by frame: a poll would keep the
//     browser making frames, and a change would then wait for the next tick of a running frame clock
//     rather than ask for a frame of its own, as it does on a quiet page.
export const installFramed = (page) =>
  page.evaluate(() => {
    window.framed = (act, ready) =>
      new Promise((done) =>
        requestIdleCallback(
          () =>
            requestAnimationFrame(() => {
              const t0 = performance.now();
              let first = true;
              let ended = false;
              const end = (painted) => {
                if (ended) return;
                ended = true;
                watch.disconnect();
                if (painted) done(performance.now() - t0);
                else requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
              };
              const watch = new MutationObserver(() => !first && ready() && end(false));
              watch.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
              act();
              setTimeout(() => {
                first = false;
                if (ready()) end(true);
              }, 0);
            }),
          { timeout: 1000 },
        ),
      );
  });

export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
export const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

// Times `n` clicks on the Library's outlet facet (the page has `framed` installed): on, then off again,
// alternating between two outlets, so each click changes the result list. A click is done when the box
// drawn says what was clicked and the count of results has changed. The clicks start once the facets
// count the list on screen (after a search they follow its cards by a frame), on the first two outlets
// then listed, named by their boxes' ids (rows are rewritten in place when their order changes).
export const timeFacetClicks = (page, n) =>
  page.evaluate(async (n) => {
    await new Promise((done) => {
      const current = () =>
        document.querySelector('.facets-column')?.getAttribute('aria-busy') !== 'true' ? done() : requestAnimationFrame(current);
      current();
    });
    const ids = [...document.querySelectorAll('fieldset[data-facet="outlet"] input[type="checkbox"]')].slice(0, 2).map((b) => b.id);
    const times = [];
    for (let i = 0; i < n; i++) {
      const id = ids[Math.floor(i / 2) % ids.length];
      const before = document.querySelector('.results-bar .count').textContent;
      const want = !document.getElementById(id).checked;
      times.push(
        await window.framed(
          () => document.getElementById(id).click(),
          () => document.getElementById(id)?.checked === want && document.querySelector('.results-bar .count').textContent !== before,
        ),
      );
    }
    return times;
  }, n);

// Times one search typed into the Library (the page has `framed` installed), in ms. A search is done when
// the list names the query, is not waiting for index chunks, and its first `n` cards (the frame that
// answers draws min(n, results) cards at once) are drawn with their snippets.
export const timeSearch = (page, v, n) =>
  page.evaluate(
    ([v, n]) =>
      window.framed(
        () => {
          const input = document.querySelector('#search-input');
          input.value = v;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, data: v.at(-1), inputType: 'insertText' }));
        },
        () => {
          const list = document.querySelector('ol.doc-list');
          if (!list || list.dataset.query !== v || list.getAttribute('aria-busy') === 'true') return false;
          const cards = [...list.querySelectorAll('.doc-card')].slice(0, n);
          const none = document.querySelector('.no-results');
          return !v || none || (cards.length > 0 && cards.every((c) => c.querySelector('.snippet')));
        },
      ),
    [v, n],
  );

// Installs `pfSearch(word)` on the page of Pagefind's site: search(), the first `n` results' data, written
// into the list, to the task after the next frame; it resolves with the ms taken, and notes in
// `window.pfPhases` when search() answered, when the data came and when the list was written.
export const installPagefindSearch = (page, n) =>
  page.evaluate((n) => {
    window.pfPhases = [];
    window.pfSearch = async (w) => {
      const t0 = performance.now();
      window.pf ??= await import('./pagefind/pagefind.js');
      const found = await window.pf.search(w);
      const searched = performance.now() - t0;
      const data = await Promise.all(found.results.slice(0, n).map((r) => r.data()));
      const came = performance.now() - t0;
      const list = document.getElementById('results');
      list.replaceChildren(
        ...data.map((d) => {
          const li = document.createElement('li');
          li.textContent = `${d.meta.title}: ${d.excerpt.replace(/<[^>]+>/g, '')}`;
          return li;
        }),
      );
      const written = performance.now() - t0;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const ms = performance.now() - t0;
      window.pfPhases.push({ searched, came, written, ms });
      return ms;
    };
  }, n);
