import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';
const { base, proc } = await serveStatic(process.argv[2]);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await page.goto(base + '/#/compare');
await page.locator('.event-list a').first().waitFor();
const evs = await page.locator('.event-list a').evaluateAll((as) => as.slice(0, 5).map((a) => a.dataset.event));
console.log('options', await page.evaluate(() => 0));
await page.goto(base + '/#/compare?event=' + evs[0]);
await page.locator('.omissions').waitFor({ state: 'attached' });
console.log('options', await page.locator('#compare-event option').count(), 'pick rows', await page.locator('.pick-row').count(), 'nodes', await page.evaluate(() => document.querySelectorAll('*').length));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < 20; i++) {
  const id = evs[(i + 1) % evs.length];
  await page.evaluate(async (id) => {
    const s = document.querySelector('#compare-event'); s.value = id; s.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }, id);
}
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber})`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000); });
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${k}`).join('\n'));
await browser.close(); proc.kill();
