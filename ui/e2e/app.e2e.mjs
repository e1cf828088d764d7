/**
 * End-to-end: the real fat jar (embedded PostgreSQL, fresh data directory) wired by its real configuration to the
 * server's own fakes, FakeStrava and FakeAnthropic (run from server/target/test-classes), driven in Debian's Chromium
 * through playwright-core. Screenshots of every screen, light and dark, desktop and phone, go to target/screenshots/.
 *
 *   npm run e2e        (after `mvn -B -q package -DskipTests`; CHROMIUM overrides /usr/bin/chromium)
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { startFakeLlm, startFakeStrava, writeFitFile } from './fakes.mjs';
import {
  SHOTS, analysisIdle, collectErrors, createAccount, launchBrowser, loadDemoFromDashboard, newPage, openFromMenu,
  openSetup, screenshotsDir, showScreen, signIn, signUp,
} from './browser.mjs';

const EMAIL = 'ana@example.com';
const FIT_NAME = 'e2e-morning-ride.fit';
// The imported ride is named by its local start and sport; its file name stays searchable.
const FIT_ACTIVITY = /^(Morning|Lunch|Afternoon|Evening|Night) Ride/;
const WEBHOOK_ACTIVITY = 'Tempo ride pushed by webhook';
// Enough history for several pages, each held back long enough for the browser to see the sync move.
const STRAVA_ACTIVITIES = 150;
const STRAVA_PAGE_SIZE = 25;
const STRAVA_DELAY_MS = 400;

let tmp;
let fitFile;
let strava;
let llm;
let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  await screenshotsDir();
  tmp = await mkdtemp(join(tmpdir(), 'fitcoach-e2e-files-'));
  [strava, llm, fitFile] = await Promise.all([
    startFakeStrava({ activities: STRAVA_ACTIVITIES, delayMs: STRAVA_DELAY_MS }),
    startFakeLlm({ tokenDelayMs: 40 }),
    writeFitFile(join(tmp, FIT_NAME)),
  ]);
  server = await startServer({
    ANTHROPIC_BASE_URL: llm.anthropicUrl,
    CLAUDE_API_KEY: llm.anthropicKey,
    STRAVA_CLIENT_ID: strava.clientId,
    STRAVA_CLIENT_SECRET: strava.clientSecret,
    STRAVA_BASE_URL: strava.url,
    STRAVA_WEBHOOK_VERIFY_TOKEN: 'e2e-verify-token',
    STRAVA_PAGE_SIZE: String(STRAVA_PAGE_SIZE),
  });
  browser = await launchBrowser();
  page = await newPage(browser);
  collectErrors(page, pageErrors, { dialogs: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await Promise.all([strava?.stop(), llm?.stop()]);
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const nav = (name) => openFromMenu(page, name);

/**
 * Samples `read()` every 50 ms until `finished()` holds; returns the distinct values seen, so a test can tell a
 * stream that grew in steps from text that arrived all at once.
 */
async function samplesUntil(read, finished, timeoutMs = 30_000) {
  const seen = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (v !== seen.at(-1)) seen.push(v);
    if (await finished()) return seen;
    if (Date.now() > deadline) throw new Error(`not finished in ${timeoutMs} ms; saw ${JSON.stringify(seen)}`);
    await page.waitForTimeout(50);
  }
}

/** The hostile parts of the fake's answer must be rendered harmless: no image, no script link, nothing ran. */
async function assertSanitised(scope) {
  // The text around the hostile bits arrived, so they were there to be neutralised.
  await scope.getByText('Keep tomorrow light').first().waitFor();
  await scope.getByText('Read more').first().waitFor();
  assert.equal(await scope.locator('img').count(), 0, 'an <img> from the model reached the DOM');
  assert.equal(await scope.locator('a[href^="javascript:" i]').count(), 0, 'a javascript: link reached the DOM');
  assert.equal(await scope.locator('[onerror]').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
}

describe('FitCoach in a browser', { concurrency: false }, () => {
  it('first run: creates the account and lands on the dashboard', async () => {
    await openSetup(page, server.base);
    assert.equal(new URL(page.url()).pathname, '/setup');
    await page.screenshot({ path: `${SHOTS}setup-desktop-light.png` });
    await createAccount(page, EMAIL);
    await page.getByRole('heading', { name: /bring in your training/ }).waitFor();
  });

  it('signs out and back in with the new account', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill('wrong password!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    await signIn(page, server.base, EMAIL);
  });

  it('connects Strava through its consent page and watches the first sync reach done', async () => {
    await nav('Settings');
    const section = page.locator('section[aria-labelledby="s-strava"]');
    await section.getByText('Strava is not connected.').waitFor();
    // First, in plain words, what connecting means: what is kept and for how long, what the coach may read, and the
    // better path for coaching on the whole history.
    await section.getByRole('button', { name: 'Connect Strava' }).click();
    const explainer = page.getByRole('region', { name: 'Before you connect Strava' });
    await explainer.waitFor();
    const words = await explainer.innerText();
    assert.match(words, /7 days/);
    assert.match(words, /coach data policy/);
    assert.match(words, /Request your archive/);
    await explainer.getByRole('link', { name: 'Import' }).waitFor();
    // The link leaves the SPA: the app redirects to the fake's /oauth/authorize, which grants and redirects back.
    await explainer.getByRole('link', { name: 'Continue to Strava' }).click();
    await page.waitForURL(/\/settings\?strava=connected/);
    await section.getByText('Strava is connected. Your activities start syncing.').waitFor();
    const seen = await samplesUntil(
      () => section.innerText(),
      async () => /Last synced/.test(await section.innerText()),
      60_000,
    );
    const syncing = seen.filter((t) => /Syncing… \d+ pages?, \d+ activit(y|ies) read/.test(t));
    assert.ok(syncing.length >= 2, `the sync showed ${syncing.length} progress states: ${JSON.stringify(seen)}`);
    await section.getByText('Connected', { exact: true }).waitFor();
    await section.getByText(`${STRAVA_ACTIVITIES} new, 0 updated`).waitFor();
  });

  it('shows the synced numbers, the chart and recent activities on the dashboard', async () => {
    await nav('Dashboard');
    await page.locator('.stat-value.ctl').filter({ hasText: /^\d+$/ }).waitFor();
    const fitness = Number(await page.locator('.stat-value.ctl').innerText());
    assert.ok(fitness > 0, `fitness ${fitness}`);
    assert.match(await page.locator('.stat-value.atl').innerText(), /^\d+$/);
    await page.locator('.pmc canvas').first().waitFor();
    const box = await page.locator('.pmc canvas').first().boundingBox();
    assert.ok(box && box.width > 200 && box.height > 100, `chart box ${JSON.stringify(box)}`);
    assert.ok((await page.locator('ul.recent li').count()) >= 3);
    assert.equal(await page.getByRole('heading', { name: /bring in your training/ }).count(), 0);
  });

  it('says once, on the dashboard, that the coach sees none of a Strava-only history, and the two ways forward', async () => {
    await nav('Dashboard');
    const notice = page.getByTestId('coverage-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), new RegExp(`The coach sees 0 of your ${STRAVA_ACTIVITIES} activities`));
    assert.equal(await notice.getByRole('link', { name: 'Allow Strava data for the coach' }).getAttribute('href'),
      '/settings#coach-data-policy');
    assert.equal(await notice.getByRole('link', { name: 'Import your Strava export' }).getAttribute('href'), '/import');
    assert.equal(await page.getByTestId('coverage-notice').count(), 1);
  });

  it('imports a FIT file through the Import screen and opens it with its route and streams', async () => {
    await nav('Import');
    await page.locator('input[type="file"]').setInputFiles(fitFile);
    const report = page.locator('[aria-labelledby="report-title"]');
    await report.getByText(/Import finished/).waitFor({ timeout: 60_000 });
    assert.equal(await report.locator('.counts div', { hasText: 'New' }).locator('dd').innerText(), '1');
    assert.equal(await report.locator('.counts div', { hasText: 'Failed' }).locator('dd').innerText(), '0');
    await report.getByRole('cell', { name: FIT_NAME }).waitFor();

    await nav('Activities');
    await page.getByLabel('Search').fill(FIT_NAME.replace('.fit', ''));
    await page.waitForURL(/q=e2e-morning-ride/);
    const link = page.getByRole('link', { name: FIT_ACTIVITY }).first();
    await link.waitFor();
    await link.click();
    await page.getByRole('img', { name: /Route of this activity/ }).waitFor();
    await page.getByTestId('activity-file').getByText(FIT_NAME).waitFor();
    await page.getByRole('heading', { name: 'Heart-rate zones' }).waitFor();
    assert.ok((await page.locator('.stream canvas').count()) >= 2);
  });

  it('streams the coach’s chat answer progressively, rendered as safe Markdown', async (t) => {
    await nav('Coach');
    await page.getByLabel('Message to the coach').fill('How should I train today?');
    await page.getByRole('button', { name: 'Send' }).click();
    const lengths = await samplesUntil(
      () => page.evaluate(() => document.querySelector('.msg.assistant.live .markdown')?.textContent?.length ?? 0),
      async () => (await page.getByRole('button', { name: 'Stop' }).count()) === 0 && (await page.getByRole('button', { name: 'Send' }).count()) === 1,
    );
    const growing = lengths.filter((n) => n > 0);
    assert.ok(growing.length >= 3, `the answer grew in ${growing.length} steps: ${lengths}`);
    const answer = page.locator('.msg.assistant').last();
    await answer.locator('.markdown h2', { hasText: 'Plan' }).waitFor();
    await answer.locator('.markdown li', { hasText: 'steady in zone 2' }).waitFor();
    await answer.locator('.markdown strong', { hasText: 'Train today' }).waitFor();
    await assertSanitised(page.locator('.log'));
    // The chat is named by a second, short model request once the answer is complete. The title should show live
    // (chat channel of the event bus); a sessions reload that was answered before the title was stored can overwrite
    // it, so when it does not show live the test reports that and insists on it after a reload.
    const title = page.locator('.convo-head h2', { hasText: 'Easy aerobic day' });
    const live = await title.waitFor({ timeout: 8_000 }).then(() => true, () => false);
    if (!live) {
      t.diagnostic('known UI race: the chat title did not update live; checking it after a reload');
      await page.reload();
      await title.waitFor({ timeout: 10_000 });
    }
  });

  it('stops a chat answer part way and keeps what was written', async () => {
    await page.getByLabel('Message to the coach').fill('And tomorrow?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForFunction(() => (document.querySelector('.msg.assistant.live .markdown')?.textContent?.length ?? 0) > 20);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText('stopped part way').first().waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Send' }).waitFor();
    const kept = await page.locator('.msg.assistant').last().locator('.markdown').innerText();
    assert.ok(kept.length > 20, kept);
    assert.ok(!kept.includes('cool-down'), `the whole answer arrived despite Stop: ${kept}`);
  });

  it('generates this week’s report, streamed', async () => {
    await nav('Reports');
    await page.getByRole('button', { name: 'Generate this week' }).click();
    const lengths = await samplesUntil(
      () => page.evaluate(() => document.querySelector('.notes .markdown')?.textContent?.length ?? 0),
      // Once written, the app opens the week's own page, whose button offers to regenerate it.
      async () => (await page.getByRole('button', { name: /^Regenerate/ }).count()) === 1,
    );
    await page.waitForURL(/\/reports\/\d{4}-W\d{2}$/);
    const growing = lengths.filter((n) => n > 0);
    assert.ok(growing.length >= 3, `the report grew in ${growing.length} steps: ${lengths}`);
    const notes = page.locator('.notes').first();
    await notes.locator('.markdown h2', { hasText: 'Plan' }).waitFor();
    await assertSanitised(notes);
  });

  it('says what the day’s answer was based on, and marks it outdated once a new activity arrives', async () => {
    await nav('Dashboard');
    const ai = page.locator('.ai');
    await ai.getByRole('button', { name: /^Ask the coach/ }).click();
    await ai.getByRole('button', { name: 'Ask the coach again' }).waitFor({ timeout: 30_000 });
    const meta = ai.getByTestId('answer-meta');
    await meta.waitFor();
    const basis = await meta.innerText();
    assert.match(basis, new RegExp(`based on your 1 file or export activity; ${STRAVA_ACTIVITIES} Strava activities are kept out by your coach data policy`));
    await meta.getByRole('link', { name: 'change the coach data policy' }).waitFor();
    // The rule-based card above counts every activity; the answer says it saw fewer.
    assert.match(await page.getByTestId('answer-different-set').innerText(),
      new RegExp(`The card counts all ${STRAVA_ACTIVITIES + 1} activities; this answer saw your 1 file or export activity`));
    assert.equal(await page.getByTestId('answer-outdated').count(), 0);

    // A workout entered by hand is the athlete's own data: the coach would see it, so the stored answer is outdated.
    const created = await page.evaluate(async () => {
      const start = new Date(Date.now() - 2 * 3600_000).toISOString().slice(0, 19);
      const r = await fetch('/api/activities', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sportType: 'Run', startLocal: start, durationS: 2700, rpe: 6, name: 'Lunch run by hand' }),
      });
      return r.status;
    });
    assert.equal(created, 201);
    await page.reload();
    const outdated = page.getByTestId('answer-outdated');
    await outdated.waitFor();
    assert.match(await outdated.innerText(), /Outdated: a new activity arrived since/);
    await outdated.getByRole('button', { name: 'Ask again' }).click();
    await ai.getByRole('button', { name: 'Ask the coach again' }).waitFor({ timeout: 30_000 });
    await page.reload();
    await ai.getByTestId('answer-meta').waitFor();
    assert.match(await ai.getByTestId('answer-meta').innerText(), /based on your 2 file and export activities; /);
    assert.equal(await page.getByTestId('answer-outdated').count(), 0);
  });

  it('with Strava data allowed for the coach, the notice goes and the answer counts the Strava activities', async () => {
    await page.goto(`${server.base}/settings#coach-data-policy`);
    await page.getByRole('switch', { name: /Let the coach read activities that came only from the Strava API/ }).check();
    await page.locator('label.ack input[type="checkbox"]').check();
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('Saved.').waitFor();

    await nav('Dashboard');
    const outdated = page.getByTestId('answer-outdated');
    await outdated.waitFor();
    assert.match(await outdated.innerText(), /your coach data policy changed since/);
    assert.equal(await page.getByTestId('coverage-notice').count(), 0);
    await outdated.getByRole('button', { name: 'Ask again' }).click();
    const ai = page.locator('.ai');
    await ai.getByRole('button', { name: 'Ask the coach again' }).waitFor({ timeout: 30_000 });
    await page.reload();
    await ai.getByTestId('answer-meta').waitFor();
    assert.match(await ai.getByTestId('answer-meta').innerText(),
      new RegExp(`based on your 2 file and export activities and ${STRAVA_ACTIVITIES} Strava activities`));
    assert.equal(await page.getByTestId('answer-different-set').count(), 0);
  });

  it('with the Strava export imported, the coach sees the whole history with Strava API data off again', async () => {
    await page.goto(`${server.base}/settings#coach-data-policy`);
    await page.getByRole('switch', { name: /Let the coach read activities that came only from the Strava API/ }).uncheck();
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('Saved.').waitFor();
    await nav('Dashboard');
    await page.getByTestId('coverage-notice').waitFor();

    await nav('Import');
    await page.locator('input[type="file"]').setInputFiles(await strava.exportZip(join(tmp, 'export_e2e.zip')));
    const report = page.locator('[aria-labelledby="report-title"]');
    // Every Strava workout now has the athlete's own copy: nothing is kept out any more.
    await page.waitForFunction(async () => (await (await fetch('/api/ai/coverage')).json()).keptOut === 0, null,
      { timeout: 60_000, polling: 500 });
    await report.getByText(/Import finished/).waitFor({ timeout: 30_000 });

    await nav('Dashboard');
    const ai = page.locator('.ai');
    await ai.getByTestId('answer-outdated').getByRole('button', { name: 'Ask again' }).click();
    await ai.getByRole('button', { name: 'Ask the coach again' }).waitFor({ timeout: 30_000 });
    await page.reload();
    await ai.getByTestId('answer-meta').waitFor();
    const basis = await ai.getByTestId('answer-meta').innerText();
    assert.match(basis, new RegExp(`based on your ${STRAVA_ACTIVITIES + 2} file and export activities`));
    assert.doesNotMatch(basis, /kept out/);
    assert.equal(await page.getByTestId('coverage-notice').count(), 0);
    assert.equal(await page.getByTestId('answer-different-set').count(), 0);
  });

  it('shows an activity created on Strava live, via the webhook, without a reload', async () => {
    const created = await page.evaluate(async (callbackUrl) => {
      const r = await fetch('/api/strava/webhook/subscription', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ callbackUrl }),
      });
      return { status: r.status, body: await r.text() };
    }, `${server.base}/api/strava/webhook`);
    assert.equal(created.status, 201, created.body);

    await nav('Activities');
    await page.waitForFunction(() => document.querySelector('.live-open') !== null, null, { timeout: 20_000 });
    await page.evaluate(() => (window.__sameDocument = true));
    assert.equal(await page.getByRole('link', { name: WEBHOOK_ACTIVITY }).count(), 0);
    const pushed = await strava.newActivity(WEBHOOK_ACTIVITY);
    assert.equal(pushed.delivered, 200, 'the app acknowledged the webhook event');
    await page.getByRole('link', { name: WEBHOOK_ACTIVITY }).first().waitFor({ timeout: 30_000 });
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was reloaded');
  });

  it('shows weekly trends on the analytics screen', async () => {
    await nav('Analytics');
    await page.locator('.week-chart canvas').nth(3).waitFor();
    await page.getByRole('radio', { name: '26 w' }).check();
    await page.waitForURL(/weeks=26/);
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    assert.equal(me, 401);
  });

  it('takes screenshots of every screen, light and dark, desktop and phone', async () => {
    // The screens as they look in use: the imported ride, the chat so far, this week's report.
    const p0 = await newPage(browser);
    await signIn(p0, server.base, EMAIL);
    const hrefOf = async (path, name) => {
      await p0.goto(server.base + path);
      const link = p0.getByRole('link', { name }).first();
      await link.waitFor();
      return link.getAttribute('href');
    };
    const activity = await hrefOf('/activities?q=e2e-morning-ride', FIT_ACTIVITY);
    const chat = await hrefOf('/coach', /Easy aerobic day/);
    const report = await hrefOf('/reports', /^Week \d+/);
    await p0.context().close();
    const screens = [
      ['dashboard', '/'],
      ['activities', '/activities'],
      ['activity', activity],
      ['analytics', '/analytics'],
      ['progress', '/progress'],
      ['coach', chat],
      ['reports', '/reports'],
      ['report', report],
      ['import', '/import'],
      ['settings', '/settings'],
    ];
    for (const scheme of ['light', 'dark']) {
      for (const [width, height, device] of [[1280, 900, 'desktop'], [360, 780, 'phone']]) {
        const p = await newPage(browser, { viewport: { width, height }, colorScheme: scheme });
        collectErrors(p, pageErrors, { dialogs: true });
        await p.goto(`${server.base}/login`);
        await p.getByRole('heading', { name: 'Sign in' }).waitFor();
        await p.screenshot({ path: `${SHOTS}login-${device}-${scheme}.png` });
        await signIn(p, server.base, EMAIL);
        for (const [name, path] of screens) {
          await showScreen(p, server.base + path, { skeletonMs: 5_000 });
          // The charts draw on the next animation frames once their data is in: wait for two, not a fixed 300 ms.
          await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          await p.screenshot({ path: `${SHOTS}${name}-${device}-${scheme}.png`, fullPage: true });
        }
        await p.context().close();
      }
    }
  });

  it('raised no page error anywhere', () => {
    assert.deepEqual(pageErrors, []);
  });
});

/**
 * Issue 14 with the demo athlete (its rides and runs have 1 Hz power, heart rate, speed and distance streams): a second
 * server, because the demo loads only into an empty account.
 */
describe('Analysis with the demo athlete', { concurrency: false }, () => {
  let demoServer;
  let p;
  const errors = [];

  before(async () => {
    demoServer = await startServer({});
    p = await newPage(browser);
    collectErrors(p, errors, { dialogs: true });
  });

  after(async () => {
    await p?.context().close();
    await demoServer?.stop();
  });

  const open = (name) => openFromMenu(p, name);

  it('loads the demo athlete into a new account', async () => {
    await signUp(p, demoServer.base, EMAIL);
    await loadDemoFromDashboard(p);
    // The rides' power curve is what the next test reads.
    await analysisIdle(p, { powerCurve: true });
  });

  it('shows power curves for this season, last season and all time; hovering names the activity, a click opens it', async () => {
    await open('Progress');
    const panel = p.locator('section[aria-labelledby="curves-title"]');
    await panel.locator('.curve canvas').first().waitFor({ timeout: 30_000 });
    const box = await panel.locator('.curve .uchart').boundingBox();
    assert.ok(box && box.width > 300 && box.height > 200, `chart box ${JSON.stringify(box)}`);
    // The axis reads in durations, and the table (behind "Show as table") holds a linked best for each range.
    await panel.getByText('Show as table').click();
    const table = panel.getByRole('table', { name: 'Best values by duration' });
    const header = await table.locator('thead').innerText();
    assert.match(header, /This season/);
    assert.match(header, /Last season/);
    assert.match(header, /All time/);
    const links = table.locator('a[href^="/activities/"]');
    assert.ok((await links.count()) >= 3, `linked bests: ${await links.count()}`);
    assert.match(await links.first().innerText(), /^\d[\d,]* W$/);

    // Opening the table may scroll the page, so the chart is measured again where it is now.
    await panel.locator('.curve .uchart').scrollIntoViewIfNeeded();
    const at = await panel.locator('.curve .uchart').boundingBox();
    await p.mouse.move(at.x + at.width * 0.5, at.y + at.height * 0.4);
    await panel.locator('.readout', { hasText: 'Click to open the activity' }).waitFor();
    assert.match(await panel.locator('.readout').innerText(), /\d+ W · /);
    await p.mouse.click(at.x + at.width * 0.5, at.y + at.height * 0.4);
    await p.waitForURL(/\/activities\/[^/]+$/);
    await p.locator('main h1').first().waitFor();

    await open('Progress');
    await p.getByLabel('Pace / speed').check();
    await p.locator('section[aria-labelledby="curves-title"]').getByRole('combobox', { name: /^Sport/ }).selectOption('run');
    await p.waitForURL(/metric=pace/);
    const pacePanel = p.locator('section[aria-labelledby="curves-title"]');
    if (!(await pacePanel.locator('details.curve-table').evaluate((d) => d.open))) {
      await pacePanel.getByText('Show as table').click();
    }
    const pace = pacePanel.getByRole('table', { name: 'Best values by duration' });
    await pace.locator('a', { hasText: /^\d+:\d{2} \/(km|mi)$/ }).first().waitFor({ timeout: 30_000 });
  });

  it('shows best running efforts, the CP/eFTP card and weekly zones', async () => {
    await open('Progress');
    const efforts = p.getByRole('table', { name: 'Best running efforts by distance' });
    await efforts.waitFor({ timeout: 30_000 });
    await efforts.getByRole('rowheader', { name: '5 km' }).waitFor();
    const model = p.locator('section[aria-labelledby="model-title"]');
    await model.getByText(/Critical power|No estimate yet/).first().waitFor({ timeout: 30_000 });
    const zones = p.getByRole('table', { name: /Weekly time in power zones/ });
    await zones.waitFor({ timeout: 30_000 });
    assert.ok((await zones.locator('tbody tr').count()) >= 1);
  });

  it('shows an activity’s laps, its zones from the thresholds of the day, and its curve against the season best', async () => {
    // A demo ride with laps, found through the API the screen reads.
    const id = await p.evaluate(async () => {
      const list = await (await fetch('/api/activities?limit=50&sport=ride&sort=date_desc')).json();
      for (const a of list.items) {
        const r = await fetch(`/api/activities/${a.id}/analysis`);
        if (!r.ok) continue;
        const an = await r.json();
        if (an.laps?.length && an.zones?.power) return a.id;
      }
      return null;
    });
    assert.ok(id, 'no demo ride with laps and power zones');
    await p.goto(`${demoServer.base}/activities/${id}`);
    const laps = p.getByRole('table', { name: 'Laps of this activity, in order' });
    await laps.waitFor({ timeout: 30_000 });
    assert.ok((await laps.locator('tbody tr').count()) >= 1);
    const power = p.locator('section[aria-labelledby="power-zones-title"]');
    await power.waitFor();
    assert.match(await power.locator('.note').innerText(), /Zones from FTP \d+ W/);
    await p.getByRole('heading', { name: 'Heart-rate zones' }).waitFor();
    await p.getByRole('heading', { name: 'How it went' }).waitFor();
    const curve = p.locator('section[aria-labelledby="act-curve-title"]');
    await curve.locator('.curve canvas').first().waitFor();
    await curve.getByText('Show as table').click();
    assert.match(await curve.locator('thead').innerText(), /This activity/);
  });

  it('offers the demo athlete’s eFTP as a new FTP on the dashboard, and lists it with its evidence in Settings', async () => {
    // The demo rides are near CP 262 W while its FTP is 250 W: once they are analysed, an FTP suggestion is pending.
    await p.waitForFunction(async () => {
      const r = await fetch('/api/settings/thresholds/suggestions');
      return r.ok && (await r.json()).suggestions.some((s) => s.kind === 'ftp');
    }, null, { timeout: 60_000, polling: 1000 });
    await open('Dashboard');
    const notice = p.getByTestId('suggestion-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /Your eFTP suggests FTP \d+ W/);
    await notice.getByRole('link', { name: 'review' }).click();
    await p.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await p.getByText(/critical power \d+ W/).first().waitFor();
  });

  it('adds a dated FTP in Settings and deletes it again', async () => {
    await open('Settings');
    const section = p.locator('section[aria-labelledby="s-thresholds"]');
    const form = section.getByRole('form', { name: 'Add a value' });
    await form.waitFor();
    await form.getByLabel('Kind').selectOption('ftp');
    await form.locator('input[type="date"]').fill('2025-02-03');
    await form.getByLabel(/^Value/).fill('99999');
    await form.getByRole('button', { name: 'Add' }).click();
    // The server's validation message shows on the value field.
    await form.locator('#th-add-value-err').waitFor();
    assert.equal(await form.getByLabel(/^Value/).getAttribute('aria-invalid'), 'true');

    await form.getByLabel(/^Value/).fill('287');
    await form.getByRole('button', { name: 'Add' }).click();
    await section.getByText(/Added: FTP 287 W from Mon, 3 Feb 2025/).waitFor({ timeout: 60_000 });
    const ftp = section.getByRole('list', { name: 'FTP' });
    const row = ftp.getByRole('listitem').filter({ hasText: 'from Mon, 3 Feb 2025: 287 W' });
    await row.waitFor();

    await row.getByRole('button', { name: 'Delete FTP from Mon, 3 Feb 2025' }).click();
    await row.getByRole('button', { name: 'Yes, delete FTP from Mon, 3 Feb 2025' }).click();
    await section.getByText(/Deleted: FTP from Mon, 3 Feb 2025/).waitFor({ timeout: 60_000 });
    assert.equal(await ftp.getByRole('listitem').filter({ hasText: 'from Mon, 3 Feb 2025' }).count(), 0);
  });

  it('raised no page error', () => {
    assert.deepEqual(errors, []);
  });
});
