/**
 * Honest screens: every screen, on a fresh account and on the demo athlete, runs without a single console error or
 * failed response. Expected absences (not signed in, no import yet, no insight yet, no streams) are answered 200 with
 * an explicit empty value; only real failures are errors. Also checks the rule-based verdict of an empty account.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const EMAIL = 'honest@example.com';
const PASSWORD = 'correct horse battery';
const SCREENS = ['/', '/activities', '/analytics', '/progress', '/coach', '/reports', '/import', '/settings'];

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page whose console errors, page errors and failed responses are all collected. */
async function watchedPage() {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} for ${r.request().method()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // A navigation away closes open streams (SSE, the event bus): the browser aborts them, which is not a failure.
    const failure = r.failure()?.errorText ?? '';
    if (!failure.includes('ERR_ABORTED')) problems.push(`request failed: ${r.method()} ${r.url()} ${failure}`);
  });
  return { context, page, problems };
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
    await page.goto(server.base);
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    const confirm = page.getByLabel('Confirm password');
    if (await confirm.count()) await confirm.fill(PASSWORD);
    await page.getByRole('button', { name: /create/i }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
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
    await page.goto(`${server.base}/login`);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    // The demo refuses an account that has data: remove the manual session first.
    const list = await apiFromPage(page, 'GET', '/api/activities?limit=10');
    for (const a of list.json.items) await apiFromPage(page, 'DELETE', `/api/activities/${a.id}`);
    const demo = await apiFromPage(page, 'POST', '/api/demo', { years: 1 });
    assert.equal(demo.status, 201, JSON.stringify(demo.json));
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
