// Trunk's post_build hook (Trunk.toml): runs on the staged site before it is copied to dist/.
//
// 1. Moves Trunk's inline scripts (its loader; its live-reload client under `trunk serve`) into files, so the Content-Security-Policy in
//    index.html can forbid inline script (script-src 'self').
// 2. Writes the service worker (www/sw.js) with the list of the built files and a version that changes
//    whenever any of them does.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk (trunk build or trunk serve)');

const sha = (data) => createHash('sha256').update(data).digest('hex');
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// Every inline script (the loader; under `trunk serve`, also the live-reload client) becomes a file.
html = html.replace(/<script((?:(?!\ssrc=)[^>])*)>([\s\S]*?)<\/script>/g, (_, attrs, body) => {
  const kind = attrs.includes('type="module"') ? 'boot' : 'script';
  // Trunk fills the live-reload client's placeholders only in an inline script: in a file, the page's own
  // address stands in for them (the server trunk serve runs is the one that served the page).
  body = body
    .replace("'{{__TRUNK_ADDRESS__}}'", 'window.location.host')
    .replace("'{{__TRUNK_WS_BASE__}}'", "window.location.pathname.replace(/[^/]*$/, '')")
    .replace("'{{__TRUNK_WS_PROTOCOL__}}'", "''");
  const name = `${kind}-${sha(body).slice(0, 16)}.js`;
  writeFileSync(join(staging, name), body.trim() + '\n');
  return `<script${attrs} src="./${name}"></script>`;
});
if (/<script(?![^>]*\ssrc=)[^>]*>/.test(html)) {
  throw new Error('index.html still has an inline script, which the Content-Security-Policy forbids');
}
writeFileSync(indexPath, html);

const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else if (entry !== 'sw.js') files.push(path);
  }
};
walk(staging);
const version = sha(files.map((f) => sha(readFileSync(f))).join('')).slice(0, 16);
const list = ['./', ...files.map((f) => './' + relative(staging, f).split('\\').join('/'))];
const worker = readFileSync(join(source, 'www', 'sw.js'), 'utf8')
  .replace("'__PARALLAX_VERSION__'", JSON.stringify(version))
  .replace('__PARALLAX_FILES__', JSON.stringify(list));
writeFileSync(join(staging, 'sw.js'), worker);
console.log(`postbuild: loader moved out of index.html; service worker ${version} caches ${list.length} files`);
