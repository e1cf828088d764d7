/**
 * Issue 18, plan ahead, in Debian's Chromium against the real fat jar: the demo athlete opens the Calendar from the
 * menu, plans tomorrow's run and a ride with steps through the editor (their loads estimated), downloads the ride for
 * a watch, moves the run to another day and adds an A race; the dashboard's chart then projects the plan with the
 * race's form, and "Rest" against "As planned" changes it. At 360 px the calendar does not scroll sideways. Settings
 * gives a calendar feed address that serves the plan to a cookieless client until it is revoked.
 * Screenshots go to target/screenshots/plan-*.png.
 *
 * Asked to "plan my week", the fake coach (FakeLlmMain) calls propose_plan: the chat shows the proposal as a card with
 * the engine's numbers, and "Add to calendar" puts its three sessions on the calendar.
 *
 *   mvn -B -q -o package -DskipTests && cd ui && E2E_ONLY=plan npm run e2e
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { startFakeLlm } from './fakes.mjs';
import { DESKTOP, SHOTS, collectErrors, launchBrowser, newPage, openFromMenu, postDemo, screenshotsDir, signUp } from './browser.mjs';

const EMAIL = 'plan@example.com';

let server;
let llm;
let browser;
let page;
const pageErrors = [];
let today;

/** An ISO date `n` days after `iso`. */
function plus(iso, n) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

before(async () => {
  await screenshotsDir();
  llm = await startFakeLlm({ tokenDelayMs: 5 });
  server = await startServer({ ANTHROPIC_BASE_URL: llm.anthropicUrl, CLAUDE_API_KEY: llm.anthropicKey });
  browser = await launchBrowser();
  page = await newPage(browser, { viewport: DESKTOP });
  collectErrors(page, pageErrors, { dialogs: true, consoleErrors: true, failedStatus: 400 });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await llm?.stop();
});

/** The calendar cell of `date`, opening its month first when the grid shown does not hold it. */
async function cell(date) {
  const at = page.locator(`[data-testid="month-grid"] td[data-date="${date}"]`);
  if ((await at.count()) === 0) {
    await page.goto(`${server.base}/calendar?month=${date.slice(0, 7)}`);
    await page.getByTestId('month-grid').waitFor();
  }
  return at;
}

const dialog = () => page.getByRole('dialog');

describe('Plan ahead', { concurrency: false }, () => {
  it('opens the Calendar from the menu on the demo athlete’s account', async () => {
    await signUp(page, server.base, EMAIL);
    const demo = await postDemo(page, 1);
    assert.equal(demo.status, 201, JSON.stringify(demo.body));
    today = await page.evaluate(async () => (await (await fetch('/api/activities/stats')).json()).date);
    assert.match(today, /^\d{4}-\d{2}-\d{2}$/);
    await openFromMenu(page, 'Calendar');
    await page.getByTestId('month-grid').waitFor();
  });

  it('plans a run for tomorrow through the editor, shown with its estimated load', async () => {
    const tomorrow = plus(today, 1);
    await (await cell(tomorrow)).locator('button.add').click();
    const d = dialog();
    await d.getByLabel('Sport', { exact: true }).selectOption('Run');
    await d.getByLabel('Title', { exact: true }).fill('Easy run');
    await d.getByLabel('Duration', { exact: true }).fill('0:45');
    await d.getByLabel('Intensity by').selectOption('rpe');
    await d.getByLabel('Effort (RPE)').selectOption('3');
    await d.getByRole('button', { name: 'Plan workout' }).click();
    await d.waitFor({ state: 'detached' });
    const run = (await cell(tomorrow)).getByRole('button', { name: /Planned Run: Easy run/ });
    await run.waitFor();
    assert.match(await run.innerText(), /45 min · load \d+ \(est\.\)/);
  });

  it('plans a ride with steps, its time their total, and downloads it for a watch', async () => {
    const day = plus(today, 2);
    await (await cell(day)).locator('button.add').click();
    const d = dialog();
    await d.getByLabel('Sport', { exact: true }).selectOption('Ride');
    await d.getByLabel('Title', { exact: true }).fill('Sweet spot');
    await d.getByLabel('Intensity by').selectOption('rpe');
    await d.getByLabel('Effort (RPE)').selectOption('6');
    await d.getByRole('button', { name: 'Add a step' }).click();
    await d.getByLabel('Step 1 type').selectOption('warmup');
    await d.getByLabel('Step 1 time (m:ss)').fill('15:00');
    await d.getByRole('button', { name: 'Add a step' }).click();
    await d.getByLabel('Step 2 time (m:ss)').fill('30:00');
    await d.getByLabel('Step 2 target').selectOption('ftp_percent');
    await d.getByLabel('Step 2 target from').fill('88');
    await d.getByLabel('Step 2 target to').fill('94');
    await d.getByRole('button', { name: 'Add a step' }).click();
    await d.getByLabel('Step 3 type').selectOption('cooldown');
    await d.getByLabel('Step 3 time (m:ss)').fill('15:00');
    await d.getByRole('button', { name: 'Plan workout' }).click();
    await d.waitFor({ state: 'detached' });
    const ride = (await cell(day)).getByRole('button', { name: /Planned Ride: Sweet spot/ });
    assert.match(await ride.innerText(), /1 h 00 min · load \d+ \(est\.\)/);

    await ride.click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog().getByRole('link', { name: 'Download for your watch (.fit)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.fit$/);
    const bytes = await new Promise((resolve, reject) => {
      download.createReadStream().then((s) => {
        const parts = [];
        s.on('data', (c) => parts.push(c));
        s.on('end', () => resolve(Buffer.concat(parts)));
        s.on('error', reject);
      }, reject);
    });
    // A FIT file: a 14-byte header naming ".FIT" at bytes 8–11.
    assert.equal(bytes.subarray(8, 12).toString('ascii'), '.FIT');
    await page.screenshot({ path: `${SHOTS}plan-editor-steps.png` });
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  it('moves the run to another day with the editor', async () => {
    const from = plus(today, 1);
    const to = plus(today, 3);
    await (await cell(from)).getByRole('button', { name: /Planned Run: Easy run/ }).click();
    await dialog().getByLabel('Move to').fill(to);
    await dialog().getByRole('button', { name: 'Save changes' }).click();
    await dialog().waitFor({ state: 'detached' });
    await (await cell(to)).getByRole('button', { name: /Planned Run: Easy run/ }).waitFor();
    assert.equal(await (await cell(from)).getByRole('button', { name: /Easy run/ }).count(), 0);
  });

  it('adds an A race', async () => {
    const race = plus(today, 10);
    await page.getByRole('button', { name: 'Add an event' }).click();
    const d = dialog();
    await d.getByLabel('Name', { exact: true }).fill('Winter 10K');
    await d.getByLabel('Sport', { exact: true }).selectOption('Run');
    await d.getByLabel('Date', { exact: true }).fill(race);
    await d.getByLabel('Priority').selectOption('A');
    await d.getByRole('button', { name: 'Add event' }).click();
    await d.waitFor({ state: 'detached' });
    await (await cell(race)).getByRole('button', { name: /A race: Winter 10K/ }).waitFor();
    await page.screenshot({ path: `${SHOTS}plan-calendar-desktop.png`, fullPage: true });
  });

  it('the dashboard chart projects the plan with the race’s form, and Rest changes it', async () => {
    await openFromMenu(page, 'Dashboard');
    const asPlanned = page.getByRole('radio', { name: 'As planned' });
    await asPlanned.waitFor({ timeout: 30_000 });
    assert.ok(await asPlanned.isChecked());
    const events = page.getByRole('list', { name: 'Events ahead' });
    await events.waitFor();
    const planned = await events.innerText();
    assert.match(planned, /Winter 10K, .*: projected form [+−-]?\d+/);
    const chart = page.getByRole('img', { name: /^Performance chart/ });
    assert.match(await chart.getAttribute('aria-label'), /projected from your plan, drawn dashed/);

    await page.getByRole('radio', { name: 'Rest' }).check();
    await page.waitForFunction((before) => {
      const list = document.querySelector('[aria-label="Events ahead"]');
      return list && list.textContent.trim() !== '' && list.innerText !== before;
    }, planned, { timeout: 15_000 });
    const rested = await events.innerText();
    assert.match(rested, /Winter 10K, .*: projected form [+−-]?\d+/);
    assert.notEqual(rested, planned);
    assert.match(await chart.getAttribute('aria-label'), /projected with rest/);
    await page.screenshot({ path: `${SHOTS}plan-dashboard-projection.png` });
    // Back to the default, so the choice remembered for this athlete is As planned again.
    await page.getByRole('radio', { name: 'As planned' }).check();
  });

  it('on a 360 px phone the calendar lists the days with no sideways scroll', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`${server.base}/calendar`);
    await page.getByTestId('week-list').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls ${overflow} px sideways`);
    await page.screenshot({ path: `${SHOTS}plan-calendar-phone.png`, fullPage: true });
  });

  it('Settings gives a calendar feed address that serves the plan without a cookie, until revoked', async () => {
    await page.setViewportSize(DESKTOP);
    await openFromMenu(page, 'Settings');
    const section = page.getByRole('region', { name: 'Subscribe in your calendar' });
    await section.getByLabel('Calendar name').fill('Phone calendar');
    await section.getByRole('button', { name: 'Create feed address' }).click();
    const address = await section.getByLabel('Feed address').inputValue();
    assert.ok(address.startsWith(`${server.base}/api/plan/calendar.ics?token=fct_`), address);
    assert.equal(await section.getByRole('link', { name: 'Open in your calendar app' }).getAttribute('href'),
      address.replace(/^http:/, 'webcal:'));
    await page.screenshot({ path: `${SHOTS}plan-calendar-feed.png` });
    // A calendar app sends no cookie: the address alone opens the feed.
    const feed = await fetch(address);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type'), /^text\/calendar/);
    const text = await feed.text();
    assert.match(text, /^BEGIN:VCALENDAR/);
    assert.match(text, /Sweet spot/);
    assert.match(text, /Winter 10K/);

    await section.getByRole('button', { name: 'Done' }).click();
    await section.getByRole('button', { name: 'Revoke Phone calendar' }).click();
    await section.getByRole('group', { name: 'Revoke Phone calendar?' }).getByRole('button', { name: 'Revoke' }).click();
    await section.getByText('No calendar is subscribed yet.').waitFor();
    assert.equal((await fetch(address)).status, 401);
  });

  it('asked to plan the week, the coach proposes sessions as a card with the engine’s loads; Add to calendar plans them', async () => {
    await openFromMenu(page, 'Coach');
    await page.getByLabel('Message to the coach').fill('Can you plan my week?');
    await page.getByRole('button', { name: 'Send' }).click();
    const card = page.getByRole('region', { name: 'Proposed plan' });
    await card.waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Add to calendar' }).waitFor();
    const rows = card.locator('tbody tr');
    await rows.first().waitFor();
    const text = await card.innerText();
    assert.match(text, /Easy run/);
    assert.match(text, /Tempo run/);
    // RPE 7 for 50 minutes: 7 × 50 ÷ 6 = 58, the engine's rule, whatever the model wrote.
    assert.match(text, /58/);
    await page.screenshot({ path: `${SHOTS}plan-proposal.png` });
    await card.getByRole('button', { name: 'Add to calendar' }).click();
    await card.getByText(/Added 3 workouts/).waitFor();
    await card.getByRole('link', { name: 'Open the calendar' }).click();
    await page.getByTestId('month-grid').waitFor();
    const tempo = plus(today, 5);
    const at = await cell(tempo);
    await at.getByText('Tempo run').waitFor();
  });

  it('raised no console error, page error or failed request anywhere', () => {
    assert.deepEqual(pageErrors, []);
  });
});
