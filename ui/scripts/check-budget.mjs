#!/usr/bin/env node
/**
 * Fails the build when the UI grows past its budgets (gzip -9):
 * - the sign-in page's JavaScript: what index.html pulls in before the app can paint (the entry and its module
 *   preloads). Every signed-in screen is its own chunk (src/lib/screens/loaders.ts), so this is all the sign-in
 *   page loads, and it must stay clear of chart.js, uPlot, marked and DOMPurify;
 * - everything the app can load, every lazy chunk and stylesheet included, so a screen cannot grow unnoticed.
 */
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const SIGN_IN_JS_BUDGET_KB = 60;
// Every screen together (each screen loads only its own chunks): a ceiling on growth, not what one page costs.
// 290 since maps: Leaflet and its stylesheet are about 46 KB, loaded only where a map on tiles is shown.
const TOTAL_BUDGET_KB = 290;
const root = new URL('../target/classes/webroot/', import.meta.url).pathname;
const html = await readFile(join(root, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]),
);
const gz = async (file) => gzipSync(await readFile(join(root, file)), { level: 9 }).length / 1024;

let signInJs = 0;
let total = await gz('index.html');
const lines = [`index.html ${total.toFixed(1)} KB`];
const assets = (await readdir(join(root, 'assets'))).filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`);
for (const file of assets.sort((a, b) => Number(initial.has(b)) - Number(initial.has(a)))) {
  const kb = await gz(file);
  total += kb;
  if (initial.has(file) && file.endsWith('.js')) signInJs += kb;
  lines.push(`${file} ${kb.toFixed(1)} KB${initial.has(file) ? ' (sign-in page)' : ''}`);
}
console.log(`Sign-in page JS (gzip): ${signInJs.toFixed(1)} KB of ${SIGN_IN_JS_BUDGET_KB} KB; `
  + `everything (gzip): ${total.toFixed(1)} KB of ${TOTAL_BUDGET_KB} KB\n  ${lines.join('\n  ')}`);
let over = false;
if (signInJs > SIGN_IN_JS_BUDGET_KB) {
  console.error(`The sign-in page's JavaScript is over its budget of ${SIGN_IN_JS_BUDGET_KB} KB gzip.`);
  over = true;
}
if (total > TOTAL_BUDGET_KB) {
  console.error(`The UI's assets together are over their budget of ${TOTAL_BUDGET_KB} KB gzip.`);
  over = true;
}
if (over) process.exit(1);
