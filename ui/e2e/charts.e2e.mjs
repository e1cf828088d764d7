/**
 * End-to-end: the Analytics charts and the long-range fitness chart with three years of demo history, in Debian's
 * Chromium at 1280 px and 390 px. Screenshots go to target/screenshots/charts-*.png.
 *
 *   E2E_ONLY=charts npm run e2e        (after `mvn -B -q package -DskipTests`)
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { SHOTS, collectErrors, demoAccountState, launchBrowser, newPage, openFromMenu, screenshotsDir } from './browser.mjs';

const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

let server;
let browser;
let state;
const pageErrors = [];

before(async () => {
  await screenshotsDir();
  server = await startServer();
  browser = await launchBrowser();
  // The charts are the subject here, not the sign-up: the account and three years of demo are made over the API.
  state = await demoAccountState(browser, server.base, 'charts@example.com', { years: 3 });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(width, height) {
  const page = await newPage(browser, { viewport: { width, height }, storageState: state });
  collectErrors(page, pageErrors);
  return page;
}

/** "7 Dec" for a date of this year, as the charts write it. */
function shortDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return y === new Date().getFullYear() ? `${d} ${MONTH[m - 1]}` : `${d} ${MONTH[m - 1]} ${y}`;
}

/** Polls until `check()` returns something truthy. */
async function until(check, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Hovers the middle of the plot's last column (a week wide, its bar centred in it) and returns the readout: before
 * the fix the plot ended at the last Monday, so the current week had no column and the hover read the week before.
 */
async function readLastBar(page, figure, weekCount) {
  const over = figure.locator('.u-over');
  const box = await over.boundingBox();
  const col = box.width / weekCount;
  await page.mouse.move(box.x + box.width - col * 0.5, box.y + box.height - 5);
  return figure.locator('figcaption .val').innerText();
}

/** Whether the canvas has drawn pixels in the plot's last column (the current week's bar). */
async function barPixels(figure, weekCount) {
  return figure.evaluate((fig, n) => {
    const canvas = fig.querySelector('canvas');
    const over = fig.querySelector('.u-over').getBoundingClientRect();
    const c = canvas.getBoundingClientRect();
    const ratio = canvas.width / c.width;
    const col = over.width / n;
    const x = Math.round((over.left - c.left + over.width - col * 0.5) * ratio);
    const y0 = Math.round((over.top - c.top) * ratio);
    const h = Math.round(over.height * ratio);
    const data = canvas.getContext('2d').getImageData(x, y0, 1, h).data;
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) drawn++;
    return drawn;
  }, weekCount);
}

/** The x axis labels as drawn, and whether any two overlap (measured in the axis font). */
async function ticks(page) {
  return page.locator('.chart-focus .uplot').first().evaluate((root) => {
    const list = JSON.parse(root.dataset.xTicks ?? '[]');
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = '12px system-ui, sans-serif';
    let overlaps = 0;
    for (let i = 1; i < list.length; i++) {
      const gap = list[i].x - list[i - 1].x;
      const need = (ctx.measureText(list[i].text).width + ctx.measureText(list[i - 1].text).width) / 2 + 4;
      if (gap < need) overlaps++;
    }
    return { labels: list.map((t) => t.text), overlaps, width: root.getBoundingClientRect().width };
  });
}

for (const [label, width, height] of [
  ['desktop', 1280, 900],
  ['phone', 390, 844],
]) {
  describe(`Charts with three years of history (${label})`, { concurrency: false }, () => {
    let page;
    before(async () => {
      page = await open(width, height);
    });
    after(async () => {
      await page?.context().close();
    });

    it('Analytics shows the current week as the last bar, readable from the keyboard', async () => {
      const weekly = page.waitForResponse((r) => r.url().includes('/api/analytics/weekly'));
      await page.goto(`${server.base}/analytics`);
      await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
      const { weeks } = await (await weekly).json();
      assert.equal(weeks.length, 12);
      const current = weeks.at(-1);
      const load = page.locator('figure.week-chart').filter({ hasText: 'Load' }).first();
      await load.locator('canvas').waitFor();
      assert.match(await readLastBar(page, load, 12), new RegExp(`^Week of ${shortDate(current.weekStart)} · `));
      if (current.load > 0) assert.ok((await barPixels(load, 12)) > 0, 'the current week has load but no bar is drawn');

      const slider = page.getByRole('slider', { name: 'Load: week shown' });
      await slider.focus();
      await page.keyboard.press('End');
      assert.match(await slider.getAttribute('aria-valuetext'), new RegExp(`^Week of ${shortDate(current.weekStart)}: `));
      await page.keyboard.press('ArrowLeft');
      assert.match(await slider.getAttribute('aria-valuetext'), new RegExp(`^Week of ${shortDate(weeks.at(-2).weekStart)}: `));
      await page.keyboard.press('End');
      await page.screenshot({ path: `${SHOTS}charts-analytics-${label}.png`, fullPage: true });
    });

    it('the All range of the fitness chart draws weekly bars with labels that never overlap', async () => {
      await openFromMenu(page, 'Dashboard');
      const allData = page.waitForResponse((r) => r.url().includes('/api/load/pmc') && r.url().includes('by=week'));
      await page.getByRole('radio', { name: 'All' }).check();
      const body = await (await allData).json();
      assert.ok(body.days.length > 1000, `three years of days, got ${body.days.length}`);
      assert.ok(body.weeks.length >= 150 && body.weeks.length <= 160, `weeks: ${body.weeks.length}`);
      assert.equal(body.weeks.reduce((n, w) => n + w.days, 0), body.days.length);
      await page.getByText('Week load').waitFor();
      const t = await until(async () => {
        const r = await ticks(page);
        return r.labels.length > 0 ? r : null;
      }, 'axis labels');
      assert.equal(t.overlaps, 0, `overlapping labels: ${t.labels.join(', ')}`);
      assert.ok(t.labels.length >= 3 && t.labels.length <= Math.ceil(t.width / 55), `label count ${t.labels.length}: ${t.labels}`);
      // Three years: months or years, never a day and month with a year.
      assert.ok(t.labels.every((l) => /^(\d{4}|[A-Z][a-z]{2})$/.test(l)), t.labels.join(', '));
      await page.locator('.chart-panel').screenshot({ path: `${SHOTS}charts-pmc-all-${label}.png` });
    });

    it('the fitness chart zooms by dragging and from the keyboard, and resets', async () => {
      const before = await ticks(page);
      const over = page.locator('.chart-panel .u-over');
      const box = await over.boundingBox();
      await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      const reset = page.getByRole('button', { name: 'Reset zoom' });
      await reset.waitFor();
      assert.match(await page.locator('.zoom-bar').innerText(), /Showing .+ – .+/);
      const zoomed = await until(async () => {
        const r = await ticks(page);
        return JSON.stringify(r.labels) !== JSON.stringify(before.labels) ? r : null;
      }, 'new labels after the zoom');
      assert.equal(zoomed.overlaps, 0, `overlapping labels when zoomed: ${zoomed.labels.join(', ')}`);
      await page.locator('.chart-panel').screenshot({ path: `${SHOTS}charts-pmc-zoomed-${label}.png` });
      await reset.click();
      await reset.waitFor({ state: 'detached' });

      const slider = page.getByRole('slider', { name: 'Day shown in the chart' });
      await slider.focus();
      await page.keyboard.press('+');
      await reset.waitFor();
      await page.keyboard.press('0');
      await reset.waitFor({ state: 'detached' });
    });

    it('remembers the chosen range after going to another screen and back, and after a reload', async () => {
      await openFromMenu(page, 'Analytics');
      const back = page.waitForResponse((r) => r.url().includes('/api/load/pmc'));
      await openFromMenu(page, 'Dashboard');
      assert.match((await back).url(), /by=week/);
      assert.equal(await page.getByRole('radio', { name: 'All' }).isChecked(), true);
      await page.getByText('Week load').waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      await until(() => page.getByRole('radio', { name: 'All' }).isChecked(), 'the All range after a reload');
      await page.getByText('Week load').waitFor();
    });
  });
}

describe('no page errors', () => {
  it('raised none in any chart', () => {
    assert.deepEqual(pageErrors, []);
  });
});
