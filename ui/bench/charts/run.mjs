#!/usr/bin/env node
/**
 * Chart library measurement for the PMC (issue 7): bundle size (JS + CSS, gzip) of what each
 * library adds, and the time to render a 10-year PMC (3,650 days) in headless Chromium.
 *
 *   PLAYWRIGHT_CORE=/path/to/node_modules/playwright-core node bench/charts/run.mjs
 *
 * playwright-core is not a dependency of the UI: install it in a scratch folder and point
 * PLAYWRIGHT_CORE at it. Chromium is Debian's /usr/bin/chromium (CHROMIUM to override).
 */
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '../../target/bench-charts');

async function gzipSizes(dir) {
  let js = 0;
  let css = 0;
  for (const f of await readdir(dir, { recursive: true })) {
    const ext = extname(f);
    if (ext !== '.js' && ext !== '.css') continue;
    const size = gzipSync(await readFile(join(dir, f)), { level: 9 }).length;
    if (ext === '.js') js += size;
    else css += size;
  }
  return { jsGzip: js, cssGzip: css, totalKB: +((js + css) / 1024).toFixed(1) };
}

const sizes = {};
for (const lib of ['uplot', 'chartjs']) {
  const dir = join(out, `size-${lib}`);
  await build({
    configFile: false,
    logLevel: 'warn',
    root: here,
    build: {
      outDir: dir,
      emptyOutDir: true,
      lib: { entry: join(here, `${lib}-entry.ts`), formats: ['es'], fileName: lib },
      minify: 'esbuild',
      cssCodeSplit: false,
    },
  });
  sizes[lib] = await gzipSizes(dir);
}

const pageDir = join(out, 'page');
// The svelte plugin compiles the app's runes modules (.svelte.ts) that the app's chart code imports.
await build({ configFile: false, logLevel: 'warn', root: here, base: './', plugins: [svelte({ configFile: false })], build: { outDir: pageDir, emptyOutDir: true, rollupOptions: { input: join(here, 'bench.html') } } });

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  try {
    const path = req.url === '/' ? '/bench.html' : req.url.split('?')[0];
    const body = await readFile(join(pageDir, path));
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const require = createRequire(process.env.PLAYWRIGHT_CORE ? join(process.env.PLAYWRIGHT_CORE, 'x.js') : import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE ? process.env.PLAYWRIGHT_CORE : 'playwright-core');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  // Cold: a fresh page per sample, so the first render pays for parsing and compiling the
  // library like an athlete's first visit does. Warm: later renders in the same page.
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const render = {};
  for (const lib of ['app', 'uplot', 'chartjs']) {
    const cold = [];
    const warm = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('pageerror', (e) => console.error('page error:', e.message));
      await page.goto(`http://127.0.0.1:${port}/bench.html?lib=${lib}&rounds=5`);
      const r = await page.waitForFunction(() => window.__results, null, { timeout: 120_000 }).then((h) => h.jsonValue());
      cold.push(r.times[0]);
      warm.push(...r.times.slice(1));
      await page.close();
    }
    render[lib] = { coldMedian: median(cold), warmMedian: median(warm), cold, warm };
  }
  console.log(JSON.stringify({ days: 3650, sizes, render }, null, 2));
} finally {
  await browser.close();
  server.close();
}
