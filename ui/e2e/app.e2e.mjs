/**
 * End-to-end: the real fat jar (embedded PostgreSQL, fresh data directory) with a fake Anthropic,
 * driven in Debian's Chromium through playwright-core. Screenshots of every screen, light and
 * dark, desktop and phone, go to target/screenshots/.
 *
 *   npm run e2e        (after `mvn -B -q package -DskipTests`; CHROMIUM overrides /usr/bin/chromium)
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { startFakeAnthropic } from './fake-anthropic.mjs';

const SHOTS = new URL('../target/screenshots/', import.meta.url).pathname;
const ACTIVITY_FILE = new URL('../../../shared/data/activity-files/2019-02-17-062644-ELEMNT-297E-195-0.fit', import.meta.url).pathname;
const EMAIL = 'ana@example.com';
const PASSWORD = 'correct horse battery';

let server;
let fake;
let browser;
let page;
const pageErrors = [];

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  fake = await startFakeAnthropic();
  server = await startServer({ ANTHROPIC_BASE_URL: fake.url, CLAUDE_API_KEY: 'sk-ant-e2e-fake' });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('dialog', (d) => {
    pageErrors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

async function signIn(p) {
  await p.goto(`${server.base}/login`);
  await p.getByLabel('Email').fill(EMAIL);
  await p.getByLabel('Password').fill(PASSWORD);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
}

describe('FitCoach in a browser', { concurrency: false }, () => {
  it('first run: creates the account and lands on the dashboard', async () => {
    await page.goto(server.base);
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/setup');
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByRole('heading', { name: /bring in your training/ }).waitFor();
  });

  it('loads the demo athlete: numbers, the chart and recent activities appear', async () => {
    await page.getByRole('button', { name: 'Try it with a demo athlete' }).click();
    await page.getByRole('link', { name: /View all/ }).waitFor({ timeout: 60_000 });
    const fitness = await page.locator('.stat-value.ctl').innerText();
    assert.match(fitness, /^\d+$/);
    assert.ok(Number(fitness) > 0, `fitness ${fitness}`);
    await page.locator('.pmc canvas').first().waitFor();
    assert.match(await page.locator('.zone-words').innerText(), /\w+: /);
    await page.getByText('Rule-based').waitFor();
  });

  it('streams the coach’s answer progressively, rendered as safe Markdown', async () => {
    await page.getByRole('button', { name: 'Ask the coach' }).click();
    const lengths = [];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const n = await page.evaluate(() => document.querySelector('.ai .markdown')?.textContent?.length ?? 0);
      if (n !== lengths.at(-1)) lengths.push(n);
      if (await page.getByRole('button', { name: 'Ask the coach again' }).count()) break;
      await page.waitForTimeout(50);
    }
    assert.ok(lengths.filter((n) => n > 0).length >= 3, `text grew in ${lengths.length} steps: ${lengths}`);
    await page.locator('.ai .markdown h2', { hasText: 'Plan' }).waitFor();
    assert.equal(await page.locator('.ai .markdown img').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });

  it('stops an answer part way and keeps what was written', async () => {
    await page.getByRole('button', { name: 'Ask the coach again' }).click();
    await page.waitForFunction(() => (document.querySelector('.ai .markdown')?.textContent?.length ?? 0) > 20);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText('stopped part way').waitFor({ timeout: 10_000 });
    const kept = await page.locator('.ai .markdown').innerText();
    assert.ok(kept.length > 0 && !kept.includes('cool-down'), kept);
  });

  it('shows a new activity live, without a reload, when a file is imported', async () => {
    await page.getByRole('link', { name: 'Activities', exact: true }).click();
    await page.getByRole('heading', { name: 'Activities', level: 1 }).waitFor();
    await page.waitForFunction(() => document.querySelector('.live-open') !== null, null, { timeout: 20_000 });
    const before = await page.locator('.page-head .sub').innerText();
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const form = new FormData();
    form.append('files', new Blob([await readFile(ACTIVITY_FILE)]), 'ride.fit');
    const r = await fetch(`${server.base}/api/imports`, { method: 'POST', body: form, headers: { cookie, origin: server.base } });
    assert.equal(r.status, 202);
    await page.waitForFunction((b) => document.querySelector('.page-head .sub')?.textContent?.trim() !== b.trim(), before, { timeout: 30_000 });
  });

  it('filters the table and opens an activity with its route and streams', async () => {
    await page.getByLabel('Search').fill('ride.fit');
    await page.waitForURL(/q=ride\.fit/);
    await page.getByRole('link', { name: /ride\.fit/ }).first().click();
    await page.getByRole('img', { name: /Route of this activity/ }).waitFor();
    await page.getByRole('heading', { name: 'Heart-rate zones' }).waitFor();
    assert.ok((await page.locator('.stream canvas').count()) >= 2);
  });

  it('shows weekly trends on the analytics screen', async () => {
    await page.getByRole('link', { name: 'Analytics' }).click();
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
    await page.locator('.week-chart canvas').nth(3).waitFor();
    await page.getByRole('radio', { name: '26 w' }).check();
    await page.waitForURL(/weeks=26/);
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
  });

  it('takes screenshots of every screen, light and dark, desktop and phone', async () => {
    const first = await (async () => {
      const p = await browser.newPage();
      await signIn(p);
      const href = await p.getByRole('link', { name: /^Demo · / }).first().getAttribute('href');
      await p.close();
      return href;
    })();
    const screens = [
      ['dashboard', '/'],
      ['activities', '/activities'],
      ['activity', first],
      ['analytics', '/analytics'],
      ['coach', '/coach'],
      ['reports', '/reports'],
      ['import', '/import'],
      ['settings', '/settings'],
    ];
    for (const scheme of ['light', 'dark']) {
      for (const [width, height, device] of [[1280, 900, 'desktop'], [360, 780, 'phone']]) {
        const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
        const p = await context.newPage();
        p.on('pageerror', (e) => pageErrors.push(e.message));
        await p.goto(`${server.base}/login`);
        await p.screenshot({ path: `${SHOTS}login-${device}-${scheme}.png` });
        await signIn(p);
        for (const [name, path] of screens) {
          await p.goto(server.base + path);
          await p.locator('main h1').first().waitFor();
          await p.waitForLoadState('networkidle').catch(() => {});
          await p.waitForTimeout(300);
          await p.screenshot({ path: `${SHOTS}${name}-${device}-${scheme}.png`, fullPage: true });
        }
        await context.close();
      }
    }
  });

  it('raised no page error anywhere', () => {
    assert.deepEqual(pageErrors, []);
  });
});
