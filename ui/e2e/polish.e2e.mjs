/**
 * Issue 16, layout, units and locale, in Debian's Chromium against the real fat jar with the demo athlete: no screen
 * is wider than the window at 1280 and 390 px, no table is wider than its card, the phone header is one compact row,
 * the coach's message box is on screen on a phone, threshold pace is typed as m:ss, and a new account takes the
 * browser's time zone. Screenshots go to target/screenshots/polish-*.png.
 *
 *   E2E_ONLY=polish npm run e2e      (after `mvn -B -q package -DskipTests`)
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { startFakeLlm } from './fakes.mjs';
import {
  DESKTOP, PHONE, SHOTS, analysisIdle, collectErrors, launchBrowser, loadDemoFromDashboard, newPage, screenshotsDir,
  showScreen, signIn, signUp,
} from './browser.mjs';

const EMAIL = 'polish@example.com';
const ZONE = 'America/Denver';
// A device file name as long as some watches write them, which fails to import (it is no FIT file).
const BAD_FILE = 'garmin-forerunner-965-2026-11-24-07-30-00-morning-threshold-intervals-with-warmup-and-cooldown.fit';
const VIEWPORTS = [
  { name: 'desktop', ...DESKTOP },
  { name: 'phone', ...PHONE },
];

let tmp;
let llm;
let server;
let browser;
let page;
let longRide;
const pageErrors = [];

before(async () => {
  await screenshotsDir();
  tmp = await mkdtemp(join(tmpdir(), 'fitcoach-e2e-polish-'));
  llm = await startFakeLlm({ tokenDelayMs: 5 });
  server = await startServer({ ANTHROPIC_BASE_URL: llm.anthropicUrl, CLAUDE_API_KEY: llm.anthropicKey });
  browser = await launchBrowser();
  page = await openPage(VIEWPORTS[0]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await llm?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/**
 * A page in the athlete's time zone (America/Denver, which the new account takes from the browser) and, unlike the
 * other files, a US English locale unless the test asks for another: units and dates must follow the browser.
 */
async function openPage(viewport, options = {}) {
  const p = await newPage(browser, { viewport, timezoneId: ZONE, locale: 'en-US', ...options });
  collectErrors(p, pageErrors);
  return p;
}

/** A page signed in as the athlete. */
async function signedInPage(viewport, options = {}) {
  const p = await openPage(viewport, options);
  await signIn(p, server.base, EMAIL);
  return p;
}

const show = (p, path) => showScreen(p, server.base + path);

/** How far the page, and each table in `selectors`, reaches past the window or past its card (px; 0 is right). */
async function overflow(p, selectors) {
  return p.evaluate((sels) => {
    const out = { page: document.scrollingElement.scrollWidth - window.innerWidth, tables: [] };
    for (const sel of sels) {
      for (const table of document.querySelectorAll(sel)) {
        const card = table.closest('.panel, .card');
        const box = card.getBoundingClientRect();
        const style = getComputedStyle(card);
        const inner = { left: box.left + parseFloat(style.borderLeftWidth), right: box.right - parseFloat(style.borderRightWidth) };
        let worst = 0;
        for (const el of [table, ...table.querySelectorAll('*')]) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || getComputedStyle(el).position === 'absolute') continue;
          worst = Math.max(worst, r.right - inner.right, inner.left - r.left);
        }
        // Text cut by an ellipsis or a hidden overflow is not seen either.
        for (const el of table.querySelectorAll('td, th')) {
          if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible') worst = Math.max(worst, el.scrollWidth - el.clientWidth);
        }
        out.tables.push({ sel, worst: Math.round(worst * 10) / 10 });
      }
    }
    return out;
  }, selectors);
}

describe('Layout, units and locale (issue 16)', { concurrency: false }, () => {
  it('creates the account, which takes the browser’s time zone, and loads the demo athlete', async () => {
    await signUp(page, server.base, EMAIL);
    const profile = await page.evaluate(async () => (await fetch('/api/settings/profile')).json());
    assert.equal(profile.timeZone, ZONE);

    await loadDemoFromDashboard(page);
    await analysisIdle(page);
    // A ride with more than an hour in one heart-rate zone: the row that used to push the table out of its card.
    longRide = await page.evaluate(async () => {
      const list = await (await fetch('/api/activities?limit=100&sport=ride&sort=date_desc')).json();
      for (const a of list.items) {
        if ((a.movingTimeS ?? 0) < 2 * 3600) continue;
        const r = await fetch(`/api/activities/${a.id}/analysis`);
        if (!r.ok) continue;
        const an = await r.json();
        if ((an.zones?.heartRate?.seconds ?? []).some((s) => s >= 3600)) return a.id;
      }
      return null;
    });
    assert.ok(longRide, 'no demo ride with an hour in one heart-rate zone');
  });

  it('reports an import that failed, with its long file name and the reason', async () => {
    const file = join(tmp, BAD_FILE);
    await writeFile(file, 'this is not a FIT file, it only has its name '.repeat(20));
    await show(page, '/import');
    await page.locator('input[type="file"]').setInputFiles(file);
    const report = page.locator('table.per-file');
    await report.getByText(BAD_FILE).waitFor({ timeout: 60_000 });
    await report.locator('.err').first().waitFor({ timeout: 60_000 });
  });

  for (const vp of VIEWPORTS) {
    it(`no screen is wider than the window, nor any table than its card, at ${vp.width} px`, async () => {
      const p = await signedInPage(vp);
      const screens = [
        ['dashboard', '/', []],
        ['activities', '/activities', []],
        ['activity', `/activities/${longRide}`, ['table.zones']],
        ['analytics', '/analytics', ['table.by-sport']],
        ['coach', '/coach', []],
        ['reports', '/reports', []],
        ['import', '/import', ['table.per-file']],
        ['settings', '/settings', []],
      ];
      const problems = [];
      for (const [name, path, tables] of screens) {
        await show(p, path);
        for (const sel of tables) await p.locator(sel).first().waitFor({ timeout: 30_000 });
        const o = await overflow(p, tables);
        await p.screenshot({ path: `${SHOTS}polish-${name}-${vp.name}.png`, fullPage: true });
        for (const sel of tables) {
          const card = p.locator(sel).first().locator('xpath=ancestor::*[contains(@class, "panel")][1]');
          await card.screenshot({ path: `${SHOTS}polish-${name}-${sel.replace(/\W+/g, '-')}-${vp.name}.png` });
        }
        if (o.page > 0) problems.push(`${name}: the page is ${o.page} px wider than the window`);
        for (const t of o.tables) if (t.worst > 0.5) problems.push(`${name}: ${t.sel} reaches ${t.worst} px past its card`);
        for (const sel of tables) assert.ok(o.tables.some((t) => t.sel === sel), `${name}: no ${sel}`);
      }
      assert.deepEqual(problems, []);
      await p.context().close();
    });
  }

  // The Progress screen's tables scroll inside their cards; their hidden cell text once widened the page by 233 px.
  for (const vp of VIEWPORTS) {
    it(`Progress is no wider than the window at ${vp.width} px`, async () => {
      const p = await signedInPage(vp);
      await show(p, '/progress');
      const o = await overflow(p, []);
      await p.screenshot({ path: `${SHOTS}polish-progress-${vp.name}.png`, fullPage: true });
      await p.context().close();
      assert.ok(o.page <= 0, `the page is ${o.page} px wider than the window`);
    });
  }

  it('on a phone the header is one row of at most 64 px, and every section is reachable from it', async () => {
    const p = await signedInPage(VIEWPORTS[1]);
    const header = await p.locator('header.app-header').boundingBox();
    assert.ok(header.height <= 64, `header ${header.height} px high`);
    const nav = p.getByRole('navigation', { name: 'Main' });
    // The last link is off to the side until the keyboard gets there: tabbing to it brings it into view.
    const settings = nav.getByRole('link', { name: 'Settings', exact: true });
    await settings.focus();
    const box = await settings.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= VIEWPORTS[1].width + 0.5, `Settings link at ${JSON.stringify(box)}`);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    assert.ok((await p.locator('header.app-header').boundingBox()).height <= 64);
    await p.screenshot({ path: `${SHOTS}polish-header-phone.png` });
    await p.context().close();
  });

  it('on a phone the coach’s message box is on screen without scrolling, also after a long answer', async () => {
    const p = await signedInPage(VIEWPORTS[1]);
    await show(p, '/coach');
    const box = p.getByLabel('Message to the coach');
    const inView = async () => {
      const b = await box.boundingBox();
      return b && b.y >= 0 && b.y + b.height <= VIEWPORTS[1].height;
    };
    assert.ok(await inView(), `message box at ${JSON.stringify(await box.boundingBox())}`);
    assert.equal(await p.evaluate(() => window.scrollY), 0);
    for (const q of ['How did my week go?', 'And what should I do tomorrow?']) {
      await box.fill(q);
      await box.press('Enter');
      await p.locator('article.msg.assistant[aria-busy="false"], article.msg.assistant:not([aria-busy])').last().waitFor({ timeout: 60_000 });
      await p.getByRole('button', { name: 'Send' }).waitFor({ timeout: 60_000 });
    }
    // The conversation is longer than the screen; the page is the one scroller and the box stays on screen.
    assert.ok(await p.evaluate(() => document.scrollingElement.scrollHeight > window.innerHeight));
    assert.ok(await inView(), `message box at ${JSON.stringify(await box.boundingBox())} after the answers`);
    await p.evaluate(() => window.scrollTo(0, 0));
    assert.ok(await inView(), 'message box gone when scrolled to the top');
    const scrollers = await p.evaluate(() =>
      [...document.querySelectorAll('main *')].filter((el) => {
        const s = getComputedStyle(el).overflowY;
        return (s === 'auto' || s === 'scroll') && el.scrollHeight > el.clientHeight + 1 && el.tagName !== 'TEXTAREA';
      }).map((el) => el.className),
    );
    assert.deepEqual(scrollers, []);
    await p.screenshot({ path: `${SHOTS}polish-coach-phone-answered.png` });
    await p.context().close();
  });

  it('takes threshold pace as 4:05 per km, saves it and shows it back', async () => {
    await show(page, '/settings');
    const pace = page.getByLabel(/^Threshold pace \(min:s per km\)/);
    await pace.fill('4:05');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Saved.').waitFor();
    const stored = await page.evaluate(async () => (await fetch('/api/settings/profile')).json());
    assert.equal(stored.thresholdPaceSPerKm, 245);
    await show(page, '/settings');
    assert.equal(await page.getByLabel(/^Threshold pace \(min:s per km\)/).inputValue(), '4:05');
    await pace.fill('245');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Enter the pace as minutes:seconds per km, e.g. 4:30.').waitFor();
  });

  it('writes dates and numbers the way the browser’s language does', async () => {
    const p = await signedInPage(VIEWPORTS[0], { locale: 'de-DE' });
    await show(p, '/analytics');
    const row = p.locator('table.by-sport tbody tr').first();
    await row.waitFor();
    // German: day-first dates with German month names ("3. Dez."), and never an English decimal point ("12.3 km").
    const last = await p.locator('table.by-sport td[data-label="Last"]').allInnerTexts();
    assert.ok(last.length > 0);
    for (const d of last) assert.match(d, /^\d{1,2}\. \p{Lu}\p{Ll}+\.?( \d{4})?$/u);
    for (const d of await p.locator('table.by-sport td[data-label="Distance"]').allInnerTexts()) {
      assert.doesNotMatch(d, /\d\.\d{1,2} (km|mi)$/);
    }
    await p.context().close();
  });

  it('raised no page error anywhere', () => {
    assert.deepEqual(pageErrors, []);
  });
});
