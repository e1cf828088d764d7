/**
 * Issue 16, managing data from the UI, in Debian's Chromium against the real fat jar: the demo athlete is loaded,
 * one activity is renamed, given another sport and an RPE, its load overridden and the edit undone, another is
 * deleted (cancelled first, then confirmed), a manual session is entered, the demo athlete is removed again, and the
 * athlete signs out with the dashboard's requests still on their way, without an error in the browser's console.
 * Screenshots (desktop and a 390 px phone) go to target/screenshots/manage-*.png.
 *
 *   mvn -B -q -o package -DskipTests && cd ui && E2E_ONLY=manage npm run e2e
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  DESKTOP, PHONE, SHOTS, collectErrors, launchBrowser, newPage, openFromMenu, postDemo, screenshotsDir, signUp,
} from './browser.mjs';

const EMAIL = 'manage@example.com';
const NEW_NAME = 'Renamed by the e2e suite';
const MANUAL_NAME = 'Gym session typed by hand';

let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  await screenshotsDir();
  server = await startServer({});
  browser = await launchBrowser();
  page = await newPage(browser, { viewport: DESKTOP });
  collectErrors(page, pageErrors, { dialogs: true, failedStatus: 500 });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const nav = (name) => openFromMenu(page, name);

/** A screenshot of the viewport with `show` (a locator) scrolled into it. */
async function shot(name, viewport = DESKTOP, show = null) {
  await page.setViewportSize(viewport);
  if (show) await show.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}manage-${name}-${viewport === PHONE ? 'phone' : 'desktop'}.png` });
  await page.setViewportSize(DESKTOP);
}

/** The rows of the activity list, as their names. */
async function listedNames() {
  await page.locator('table.data tbody tr').first().waitFor();
  await page.locator('.table-wrap[aria-busy="false"]').waitFor();
  return page.locator('table.data tbody .name').allInnerTexts();
}

const loadShown = () => page.locator('.metric.load dd.num').innerText();

describe('Managing activities in a browser', { concurrency: false }, () => {
  let firstId;
  let computedLoad;

  it('signs up and loads the demo athlete, which says where to remove it', async () => {
    await signUp(page, server.base, EMAIL);
    // One year of demo history keeps the suite short; the dashboard's own button loads two.
    const created = await postDemo(page, 1);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.ok(created.body.activities > 50, `demo activities: ${created.body.activities}`);
    await page.reload();
    await page.getByTestId('demo-notice').getByRole('button', { name: 'Remove the demo athlete' }).waitFor();
    await shot('dashboard-demo');
  });

  it('renames an activity, changes its sport and RPE, and the list shows it', async () => {
    await nav('Activities');
    await listedNames();
    await page.locator('a.name-link').first().click();
    const editor = page.locator('form.editor');
    await editor.waitFor();
    firstId = new URL(page.url()).pathname.split('/').pop();

    await editor.getByLabel('Name', { exact: true }).fill(NEW_NAME);
    await editor.getByLabel('Sport').selectOption('TrailRun');
    await editor.getByLabel('Effort (RPE, 1–10)').selectOption('8');
    await shot('editor', DESKTOP, editor);
    await shot('editor', PHONE, editor);
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByRole('status').getByText(/^Saved\. Load now/).waitFor();
    await page.getByRole('heading', { name: NEW_NAME, level: 1 }).waitFor();
    assert.match(await page.locator('.act-head .sub').innerText(), /^Trail run · /);

    await nav('Activities');
    const row = page.locator('table.data tbody tr', { hasText: NEW_NAME });
    await row.waitFor();
    assert.match(await row.locator('.sport').innerText(), /^Trail run/);
  });

  it('overrides the load, shows the server’s new load, and undoes the edit', async () => {
    await page.goto(`${server.base}/activities/${firstId}`);
    const editor = page.locator('form.editor');
    await editor.waitFor();
    computedLoad = await loadShown();
    await editor.getByLabel('Your own load').fill('321');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByText('Saved. Load now 321 (set by you).').waitFor();
    assert.equal(await loadShown(), '321');
    assert.match(await page.locator('.metric.load').innerText(), /Set by you/);

    await editor.getByRole('button', { name: 'Undo' }).click();
    await editor.getByText(/^Undone\. Load now/).waitFor();
    assert.equal(await loadShown(), computedLoad, 'undo brings the computed load back');
    assert.equal(await editor.getByLabel('Your own load').inputValue(), '');
    await page.reload();
    await editor.waitFor();
    assert.equal(await loadShown(), computedLoad, 'the undo was stored, not only shown');
    await page.getByRole('heading', { name: NEW_NAME, level: 1 }).waitFor();
  });

  it('deletes only after confirmation: Cancel keeps it, Delete removes it from the list', async () => {
    const opener = page.getByRole('button', { name: 'Delete activity' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Delete this activity?' });
    await dialog.waitFor();
    // Focus starts on Cancel, stays in the dialog, and Escape is a cancel.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Cancel');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('dialog') !== null), true, 'focus left the dialog');
    await shot('delete-dialog');
    await shot('delete-dialog', PHONE);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Delete activity', 'focus goes back');

    await opener.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.reload();
    await page.getByRole('heading', { name: NEW_NAME, level: 1 }).waitFor();

    await opener.click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('heading', { name: 'Activities', level: 1 }).waitFor();
    await page.getByRole('status').getByText(`Deleted “${NEW_NAME}”.`).waitFor();
    assert.ok(!(await listedNames()).includes(NEW_NAME));
    const gone = await page.evaluate(async (id) => (await fetch(`/api/activities/${id}`)).status, firstId);
    assert.equal(gone, 404);
  });

  it('enters a manual session, checked in the browser first, and sees it on the list and the dashboard', async () => {
    await page.getByRole('button', { name: 'Add a session' }).click();
    const form = page.locator('form.manual');
    await form.waitFor();
    await form.getByLabel('Sport').selectOption('WeightTraining');
    await form.getByLabel('Duration').fill('45 min');
    await form.getByRole('button', { name: 'Add session' }).click();
    await form.getByText('Write the duration as h:mm:ss, e.g. 1:05:00.').waitFor();
    assert.equal(await form.getByLabel('Duration').getAttribute('aria-invalid'), 'true');
    await shot('manual-form');
    await shot('manual-form', PHONE, form.getByLabel('Duration'));

    await form.getByLabel('Duration').fill('0:45:00');
    await form.getByLabel('Effort (RPE, 1–10)').selectOption('6');
    await form.getByLabel('Name').fill(MANUAL_NAME);
    await form.getByLabel('Notes').fill('Squats and pull-ups');
    await form.getByRole('button', { name: 'Add session' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('status').getByText(`Added “${MANUAL_NAME}”.`).waitFor();
    const row = page.locator('table.data tbody tr', { hasText: MANUAL_NAME });
    await row.waitFor();
    assert.match(await row.locator('.load').innerText(), /^\d+$/, 'the server gave the session a load');

    await nav('Dashboard');
    await page.locator('.recent').getByText(MANUAL_NAME).waitFor();
  });

  it('removes the demo athlete and keeps the athlete’s own session', async () => {
    await nav('Activities');
    const notice = page.getByTestId('demo-notice');
    await notice.waitFor();
    await shot('demo-notice', PHONE);
    await notice.getByRole('button', { name: 'Remove the demo athlete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the demo athlete?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await notice.getByRole('button', { name: 'Remove the demo athlete' }).click();
    const [removal] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/demo') && r.request().method() === 'DELETE', { timeout: 120_000 }),
      dialog.getByRole('button', { name: 'Remove demo data' }).click(),
    ]);
    assert.equal(removal.status(), 200, await removal.text());
    await page.getByRole('status').getByText(/Removed the demo athlete \(\d[\d,]* activities\)\./).waitFor();
    await notice.waitFor({ state: 'detached' });
    await page.getByText('1 activity', { exact: true }).waitFor();
    assert.deepEqual(await listedNames(), [MANUAL_NAME]);
    await shot('after-demo-removed');

    await nav('Dashboard');
    await page.locator('.recent').getByText(MANUAL_NAME).waitFor();
    assert.equal(await page.getByTestId('demo-notice').count(), 0);
    assert.deepEqual(pageErrors, []);
  });

  it('signs out while the dashboard is loading without an error in the browser console', async () => {
    const consoleErrors = [];
    const onConsole = (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    };
    page.on('console', onConsole);
    try {
      await nav('Activities');
      // The dashboard's chart, numbers and coverage are still being fetched when Sign out is pressed.
      await nav('Dashboard');
      await page.getByRole('button', { name: 'Sign out' }).click();
      // Sign-out lets the requests already on their way finish before the sign-in screen shows, so their answers (and
      // any console error they caused) are in by now. (Waiting for "network idle" here also waited on requests of the
      // earlier tests on this page, and timed out.)
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
      assert.equal(session.user, null);
    } finally {
      page.off('console', onConsole);
    }
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(pageErrors, []);
  });
});
