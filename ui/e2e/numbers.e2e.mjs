/**
 * End-to-end (issue 16, consistent numbers): the real fat jar with no AI provider at all, the demo athlete, and
 * Debian's Chromium. The Reports screen shows each week's numbers without AI, a past week opens from the week picker,
 * and the dashboard's form for today equals the report's form for today, morning and after training.
 *
 *   E2E_ONLY=numbers npm run e2e     (after `mvn -B -q -o package -DskipTests`)
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  SHOTS, collectErrors, launchBrowser, loadDemoFromDashboard, newPage, openFromMenu, screenshotsDir, signUp,
} from './browser.mjs';

const EMAIL = 'ana@example.com';

// No provider from the environment either: this file runs in its own process, so the server inherits none.
for (const name of Object.keys(process.env)) {
  if (/^(ANTHROPIC|CLAUDE|OPENAI)_/.test(name)) delete process.env[name];
}

let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  await screenshotsDir();
  server = await startServer({});
  browser = await launchBrowser();
  page = await newPage(browser);
  collectErrors(page, pageErrors, { dialogs: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const nav = (name) => openFromMenu(page, name);

/** The dashboard's form this morning ("+5", "−12") without the zone label after it. */
async function dashboardForm() {
  const value = page.locator('.stat.form .stat-value');
  await value.waitFor();
  const morning = await value.evaluate((el) => (el.firstChild?.textContent ?? '').trim());
  const note = await page.locator('.stat.form').getByText(/^After today's training:/).innerText();
  const after = note.match(/After today's training: (\S+)/)?.[1];
  return { morning, after };
}

describe('Numbers without an AI provider', { concurrency: false }, () => {
  it('loads the demo athlete into a new account with no AI provider', async () => {
    await signUp(page, server.base, EMAIL);
    await loadDemoFromDashboard(page);
    const ai = await page.evaluate(async () => (await fetch('/api/ai/settings')).json());
    assert.equal(ai.active, null, 'no AI provider is set up');
  });

  it("shows this week's numbers on Reports, with a note that only the written notes need AI", async () => {
    await nav('Reports');
    const note = page.getByTestId('reports-no-ai');
    await note.waitFor();
    assert.equal(await note.getByRole('link', { name: /Settings → AI coach/ }).getAttribute('href'), '/settings#ai');
    assert.equal(await page.getByRole('button', { name: /Generate/ }).count(), 0);
    const grid = page.locator('dl.metrics');
    await grid.waitFor();
    assert.match(await grid.innerText(), /Sessions/);
    assert.match(await page.getByTestId('report-form-after').innerText(), /^[+−]?\d+$/);
    await page.screenshot({ path: `${SHOTS}reports-without-ai-desktop-light.png` });
  });

  it("the dashboard's form today equals the report's form today, this morning and after training", async () => {
    await nav('Dashboard');
    const dash = await dashboardForm();
    await nav('Reports');
    await page.getByTestId('report-form-after').waitFor();
    assert.equal(await page.getByTestId('report-form-morning').innerText(), dash.morning);
    assert.equal(await page.getByTestId('report-form-after').innerText(), dash.after);
    assert.ok(await page.getByText('Form this morning').isVisible());
    assert.ok(await page.getByText("Form after today's training").isVisible());
  });

  it('opens a past week from the week picker: its numbers, labelled by its last day, and no prompt to generate', async () => {
    const thisWeek = await page.getByLabel('A day in the week').inputValue();
    await page.getByRole('button', { name: /Previous week/ }).click();
    await page.waitForURL(/\/reports\/\d{4}-W\d{2}$/);
    await page.getByText(/There is no report for this week yet\./).waitFor();
    // The same words show for this week: wait for the picker to move before reading it.
    await page.waitForFunction((week) => document.querySelector('input[type=date]')?.value !== week, thisWeek);
    const picked = await page.getByLabel('A day in the week').inputValue();
    const expected = new Date(Date.parse(`${thisWeek}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    assert.equal(picked, expected);
    await page.getByText(/^Form after \w{3},? \d{1,2} \w{3} \d{4}'s training$/).waitFor();
    const numbers = await page.evaluate(async (start) => (await fetch(`/api/reports/week?start=${start}`)).json(), picked);
    assert.ok(numbers.metrics.sessions > 0, 'the demo athlete trained last week');
    assert.equal(await page.locator('dl.metrics dd').first().innerText(), String(numbers.metrics.sessions));

    // The date picker reaches back to the first week with history, no further.
    assert.equal(await page.getByLabel('A day in the week').getAttribute('min'), numbers.firstWeek);
    await page.getByLabel('A day in the week').fill(numbers.firstWeek);
    await page.getByLabel('A day in the week').dispatchEvent('change');
    await page.waitForFunction((first) => document.querySelector('input[type=date]')?.value === first, numbers.firstWeek);
    // The button follows the week the screen shows, a moment after the picker's value: poll, with a deadline.
    const previous = page.getByRole('button', { name: /Previous week/ });
    for (const deadline = Date.now() + 10_000; !(await previous.isDisabled()) && Date.now() < deadline;) {
      await page.waitForTimeout(50);
    }
    assert.equal(await previous.isDisabled(), true);
    await page.screenshot({ path: `${SHOTS}reports-past-week-desktop-light.png` });
  });

  it('raised no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
