#!/usr/bin/env node
/**
 * Fails the build when the initial load (what index.html pulls in before the app can paint:
 * its scripts, stylesheets and module preloads) exceeds the budget, gzip -9. Lazy chunks
 * (e.g. the event-bus client) are listed but not counted.
 */
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_KB = 200;
const root = new URL('../target/classes/webroot/', import.meta.url).pathname;
const html = await readFile(join(root, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]),
);
const gz = async (file) => gzipSync(await readFile(join(root, file)), { level: 9 }).length;

let total = (await gz('index.html')) / 1024;
const lines = [`index.html ${total.toFixed(1)} KB`];
for (const file of initial) {
  const kb = (await gz(file)) / 1024;
  total += kb;
  lines.push(`${file} ${kb.toFixed(1)} KB`);
}
for (const file of await readdir(join(root, 'assets'))) {
  if (!initial.has(`assets/${file}`) && /\.(js|css)$/.test(file)) {
    lines.push(`assets/${file} ${((await gz(`assets/${file}`)) / 1024).toFixed(1)} KB (lazy, not counted)`);
  }
}
console.log(`Initial load (gzip): ${total.toFixed(1)} KB of ${BUDGET_KB} KB\n  ${lines.join('\n  ')}`);
if (total > BUDGET_KB) {
  console.error(`The initial load is over its budget of ${BUDGET_KB} KB gzip.`);
  process.exit(1);
}
