/**
 * Issue 17, train or rest explained, in Debian's Chromium against the real fat jar on a 390 px phone: the demo
 * athlete's dashboard shows the decision card with its reasons; a morning check-in on the dashboard (a few taps)
 * flags illness and the card turns to rest at once, saying the load alone would have said otherwise; the Wellness
 * screen lists the day and charts what a CSV import brought. Screenshots go to target/screenshots/wellness-*.png.
 *
 *   mvn -B -q -o package -DskipTests && cd ui && E2E_ONLY=wellness npm run e2e
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { PHONE, SHOTS, collectErrors, launchBrowser, newPage, openFromMenu, postDemo, screenshotsDir, signUp } from './browser.mjs';

const EMAIL = 'wellness@example.com';

let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  await screenshotsDir();
  server = await startServer({});
  browser = await launchBrowser();
  page = await newPage(browser, { viewport: PHONE });
  collectErrors(page, pageErrors, { dialogs: true, failedStatus: 500 });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const card = () => page.getByTestId('rule-verdict');

describe('Train or rest, explained, on a phone', { concurrency: false }, () => {
  it('shows the demo athlete’s decision card with the reasons behind it', async () => {
    await signUp(page, server.base, EMAIL);
    const demo = await postDemo(page, 1);
    assert.equal(demo.status, 201, JSON.stringify(demo.body));
    await page.reload();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await card().getByText(/^Why: \d+ signals? judged/).waitFor({ timeout: 30_000 });
    assert.doesNotMatch(await card().locator('.rules-head strong').innerText(), /^Rest day/);
  });

  it('a check-in flagging illness turns the card to rest at once, in a few taps', async () => {
    const checkIn = page.getByRole('form', { name: 'Morning check-in' });
    await checkIn.scrollIntoViewIfNeeded();
    // The radio covers its number, as a thumb finds it.
    await checkIn.getByRole('group', { name: /^Soreness/ }).getByRole('radio', { name: '3', exact: true }).check();
    await checkIn.getByRole('group', { name: /^Motivation/ }).getByRole('radio', { name: '2', exact: true }).check();
    await checkIn.getByLabel('Ill').check();
    await checkIn.getByRole('button', { name: 'Save' }).click();
    await checkIn.getByRole('status').filter({ hasText: 'Saved for today.' }).waitFor();
    await page.screenshot({ path: `${SHOTS}wellness-check-in-phone.png` });

    await card().locator('.rules-head strong', { hasText: /^Rest day/ }).waitFor({ timeout: 15_000 });
    assert.ok(await card().evaluate((el) => el.classList.contains('verdict-rest')));
    assert.match(await card().innerText(), /Your training load alone would say .*; how you recovered holds it back today\./);
    await card().getByText(/^Why:/).click();
    await card().getByText('What would change it').waitFor();
    await card().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}wellness-card-phone.png` });
  });

  it('the Wellness screen lists the day and charts what a CSV brought, with the rows it could not read', async () => {
    await openFromMenu(page, 'Wellness');
    const today = await page.evaluate(async () => (await (await fetch('/api/activities/stats')).json()).date);
    const rows = [];
    for (let i = 30; i >= 1; i--) {
      const d = new Date(`${today}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() - i);
      rows.push(`${d.toISOString().slice(0, 10)},${55 + (i % 5) * 3},${48 + (i % 3)}`);
    }
    rows.push('not-a-date,60,48');
    const csv = `Date,rMSSD,Resting HR,Steps\n${rows.join('\n')}\n`;
    await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'hrv-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText(/30 days imported from 31 rows/).waitFor({ timeout: 30_000 });
    assert.match(await page.getByRole('status').filter({ hasText: 'imported' }).innerText(), /Columns not used: Steps/);
    await page.getByText(/^Line 32/).waitFor();
    const hrv = page.locator('figure', { hasText: 'HRV (rMSSD, ms)' });
    await hrv.locator('canvas').first().waitFor();
    assert.match(await hrv.innerText(), /Normal range, low/);
    await page.getByText('Show as table').click();
    const table = page.getByRole('table', { name: 'Wellness entries, newest first' });
    assert.match(await table.locator('tbody tr').first().innerText(), /ill/);
    await page.screenshot({ path: `${SHOTS}wellness-screen-phone.png`, fullPage: true });
  });

  it('raised no page error anywhere', () => {
    assert.deepEqual(pageErrors, []);
  });
});
