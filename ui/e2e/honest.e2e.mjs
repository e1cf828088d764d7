/**
 * Honest screens: every screen, on a fresh account and on the demo athlete, runs without a single console error or
 * failed response. Expected absences (not signed in, no import yet, no insight yet, no streams) are answered 200 with
 * an explicit empty value; only real failures are errors. Also checks the rule-based verdict of an empty account.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { collectErrors, createAccount, launchBrowser, newPage, openSetup, postDemo, signIn } from './browser.mjs';

const EMAIL = 'honest@example.com';
const SCREENS = ['/', '/activities', '/analytics', '/progress', '/wellness', '/calendar', '/coach', '/reports', '/import', '/settings'];

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page whose console errors, page errors, failed responses (4xx too) and failed requests are all collected. */
async function watchedPage() {
  const page = await newPage(browser);
  const problems = collectErrors(page, [], { consoleErrors: true, failedStatus: 400, failedRequests: true });
  return { context: page.context(), page, problems };
}

/** Opens a screen by its address and waits until it has loaded (its h1 shown, no request in flight). */
async function visit(page, path) {
  await page.goto(`${server.base}${path}`);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

async function visitAll(page, activityId) {
  for (const path of SCREENS) await visit(page, path);
  if (activityId) await visit(page, `/activities/${activityId}`);
}

/** Calls the API from the signed-in page, so the request carries its cookie and CSRF header as the UI's do. */
async function apiFromPage(page, method, path, body) {
  return page.evaluate(
    async ([m, p, b]) => {
      const r = await fetch(p, {
        method: m,
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'fitcoach' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: r.status, json: await r.json().catch(() => null) };
    },
    [method, path, body],
  );
}

describe('Honest screens', { concurrency: false }, () => {
  it('sign-up, login, every screen and an activity without streams: no console error on a fresh account', async () => {
    const { context, page, problems } = await watchedPage();
    await openSetup(page, server.base);
    await page.waitForLoadState('networkidle');
    await createAccount(page, EMAIL);
    await page.waitForLoadState('networkidle');

    // Nothing to judge yet: the verdict says so and what to do first, never "Train".
    const verdict = page.getByTestId('rule-verdict');
    await verdict.getByText('Nothing to judge yet').waitFor();
    assert.doesNotMatch(await verdict.innerText(), /quality session|Train hard/);
    await verdict.getByRole('link', { name: /^Import activity files/ }).waitFor();
    await verdict.getByRole('link', { name: /^Connect Strava/ }).waitFor();

    await visitAll(page);

    // A manual session has no streams and no insight: its screen must still be free of errors.
    const manual = await apiFromPage(page, 'POST', '/api/activities', {
      sportType: 'Run',
      startLocal: new Date(Date.now() - 86_400_000).toISOString().slice(0, 11) + '07:30',
      durationS: 1800,
      distanceM: 5000,
    });
    assert.equal(manual.status, 201, JSON.stringify(manual.json));
    await visit(page, `/activities/${manual.json.id}`);
    await visit(page, '/');

    // Signed out, the login screen checks the session without an error.
    await apiFromPage(page, 'POST', '/api/auth/logout');
    await context.clearCookies();
    await visit(page, '/login');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('every screen and an activity of the demo athlete: no console error', async () => {
    const { context, page, problems } = await watchedPage();
    await signIn(page, server.base, EMAIL);
    // The demo refuses an account that has data: remove the manual session first.
    const list = await apiFromPage(page, 'GET', '/api/activities?limit=10');
    for (const a of list.json.items) await apiFromPage(page, 'DELETE', `/api/activities/${a.id}`);
    const demo = await postDemo(page, 1);
    assert.equal(demo.status, 201, JSON.stringify(demo.body));
    const recent = await apiFromPage(page, 'GET', '/api/activities?limit=1&sort=date_desc');
    const activityId = recent.json.items[0].id;

    await visitAll(page, activityId);
    // With a year of history the verdict judges the numbers.
    await visit(page, '/');
    await page.getByTestId('rule-verdict').getByText('Rule-based').waitFor();
    assert.doesNotMatch(await page.getByTestId('rule-verdict').innerText(), /Nothing to judge yet/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
