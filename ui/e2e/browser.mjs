/**
 * The set-up every browser test file shares, so each *.e2e.mjs file reads as its tests: starting Debian's Chromium,
 * opening a page the way a test wants it (viewport, locale pinned), collecting what went wrong on it, creating the
 * account and signing in through the real screens, loading the demo athlete, and opening a screen and waiting for
 * its data. The server itself is started by server.mjs and the fakes by fakes.mjs.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Debian's Chromium (no browser download); CHROMIUM points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';
/**
 * Headless, and nothing that talks to Google or updates itself in the background: those requests and timers would
 * make the runs slower and less alike. --no-sandbox because CI runs as root in a container.
 */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };
/** Every test account's password: long enough for the server's rule, and nothing the tests check. */
export const PASSWORD = 'correct horse battery';
/** Where the screenshots go (README and the docs use them); created by screenshotsDir(). */
export const SHOTS = new URL('../target/screenshots/', import.meta.url).pathname;

export async function screenshotsDir() {
  await mkdir(SHOTS, { recursive: true });
  return SHOTS;
}

/** Chromium driven by playwright-core. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/**
 * Chromium on about:blank with a DevTools port the OS picks (read back from its first lines), for tools that drive it
 * themselves (Lighthouse). `close()` stops it and removes its profile.
 */
export async function launchChromiumWithDevTools() {
  const profileDir = await mkdtemp(join(tmpdir(), 'fitcoach-e2e-chromium-'));
  const proc = spawn(CHROMIUM_PATH, [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port in 30 s:\n${err}`)), 30_000);
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.once('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${err}`)));
  });
  proc.stderr.resume();
  return {
    port,
    async close() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * A page in a context of its own (its own cookies). The locale is pinned so dates and numbers read the same on every
 * machine (en-GB unless a test asks for another); other context options (colorScheme, timezoneId, storageState) pass
 * through.
 */
export async function newPage(browser, { viewport = DESKTOP, locale = 'en-GB', ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale, ...options });
  return context.newPage();
}

/**
 * Adds to `errors` everything on `page` a test should end without: uncaught page errors always; with `dialogs` a
 * native alert/confirm (dismissed, so the page goes on: the app has its own dialogs); with `consoleErrors` console
 * errors; with `failedStatus` every response at or above that status; with `failedRequests` requests that failed
 * other than by a navigation aborting them (leaving a screen closes its streams, which is no failure). Returns `errors`.
 */
export function collectErrors(page, errors, { dialogs = false, consoleErrors = false, failedStatus = 0, failedRequests = false } = {}) {
  page.on('pageerror', (e) => errors.push(`page error on ${page.url()}: ${e.message}`));
  if (dialogs) {
    page.on('dialog', (d) => {
      errors.push(`native dialog: ${d.message()}`);
      void d.dismiss();
    });
  }
  if (consoleErrors) {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console error on ${page.url()}: ${m.text()}`);
    });
  }
  if (failedStatus) {
    page.on('response', (r) => {
      if (r.status() >= failedStatus) errors.push(`${r.status()} for ${r.request().method()} ${r.url()}`);
    });
  }
  if (failedRequests) {
    page.on('requestfailed', (r) => {
      const failure = r.failure()?.errorText ?? '';
      if (!failure.includes('ERR_ABORTED')) errors.push(`request failed: ${r.method()} ${r.url()} ${failure}`);
    });
  }
  return errors;
}

/** Opens a fresh server's first-run screen, where the one account is created. */
export async function openSetup(page, base) {
  await page.goto(base);
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
}

/** Fills the first-run form on the screen that shows it and waits for the dashboard. */
export async function createAccount(page, email, password = PASSWORD) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
}

/** Creates the account on a fresh server through its screens, as a new athlete does; ends on the dashboard. */
export async function signUp(page, base, email, password = PASSWORD) {
  await openSetup(page, base);
  await createAccount(page, email, password);
}

/** Signs in through the login screen; ends on the dashboard. */
export async function signIn(page, base, email, password = PASSWORD) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
}

/**
 * Creates the account and loads `years` of demo athlete over the API, without a page, and returns the signed-in
 * browser state (cookies) for contexts opened later: for files that test screens, not the sign-up.
 */
export async function demoAccountState(browser, base, email, { years = 1, password = PASSWORD } = {}) {
  const context = await browser.newContext({ locale: 'en-GB' });
  try {
    const setup = await context.request.post(`${base}/api/auth/setup`, { data: { email, password } });
    if (setup.status() !== 201) throw new Error(`setup: ${setup.status()} ${await setup.text()}`);
    // Three years of history take a while to store on a busy machine.
    const demo = await context.request.post(`${base}/api/demo`, { data: { years }, timeout: 300_000 });
    if (demo.status() !== 201) throw new Error(`demo: ${demo.status()} ${await demo.text()}`);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/**
 * Loads `years` of the demo athlete into the signed-in, still empty account from the page (so the request carries
 * its session as the UI's do). Returns the answer for the test to check: { status, body }.
 */
export async function postDemo(page, years = 1) {
  return page.evaluate(async (y) => {
    const r = await fetch('/api/demo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ years: y }) });
    return { status: r.status, body: await r.json().catch(() => null) };
  }, years);
}

/** Loads the demo athlete with the empty dashboard's own button and waits until the dashboard shows its data. */
export async function loadDemoFromDashboard(page) {
  await page.getByRole('button', { name: 'Try it with a demo athlete' }).click();
  await page.getByRole('heading', { name: /bring in your training/ }).waitFor({ state: 'detached', timeout: 180_000 });
}

/**
 * Waits until the analysis job has processed every stored stream (it runs in the background after an import), and
 * with `powerCurve` until the rides' power curve has points too.
 */
export async function analysisIdle(page, { powerCurve = false } = {}) {
  await page.waitForFunction(async (curve) => {
    const r = await fetch('/api/analysis/status');
    if (!r.ok || (await r.json()).state !== 'idle') return false;
    if (!curve) return true;
    const to = new Date().toISOString().slice(0, 10);
    const c = await fetch(`/api/analysis/curves?metric=power&sport=ride&from=1970-01-01&to=${to}`);
    return c.ok && (await c.json()).points.length > 0;
  }, powerCurve, { timeout: 180_000, polling: 1000 });
}

/** Opens a screen from the main menu (through the Menu button where the window is narrow) and waits for its heading. */
export async function openFromMenu(page, name) {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible().catch(() => false)) await menu.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

/**
 * Opens a screen by its address and waits until its data has arrived: its heading, the page's own fetches done (the
 * event-bus socket stays open, so "idle" is given a few seconds at most) and no loading skeleton left.
 */
export async function showScreen(page, url, { skeletonMs = 10_000 } = {}) {
  await page.goto(url);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => {});
  await page.locator('.skeleton').first().waitFor({ state: 'detached', timeout: skeletonMs }).catch(() => {});
}
