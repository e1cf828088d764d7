/**
 * Issue 15, a coach that looks things up, in Debian's Chromium against the real fat jar and the fake Anthropic: asked
 * for the "longest run", the fake model calls search_activities (FakeLlmMain); FitCoach runs it on the demo athlete's
 * history and sends the rows back; the fake answers with the first row as given. The chat shows the lookup as one
 * collapsed "Looked up: …" line that opens to what was asked and what came back, the answer carries the same run and
 * distance as the athlete's own activity list, and both are still there when the conversation is opened again. A
 * lookup with absurd arguments (year 0 to 9999, 5,000 rows) is refused: the model gets the error and the line says
 * the lookup failed.
 * Screenshot: target/screenshots/coach-lookup.png.
 *
 *   mvn -B -q -o package -DskipTests && cd ui && E2E_ONLY=lookups npm run e2e
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { startFakeLlm } from './fakes.mjs';
import { DESKTOP, SHOTS, collectErrors, launchBrowser, newPage, openFromMenu, postDemo, screenshotsDir, signUp } from './browser.mjs';

const EMAIL = 'lookups@example.com';

let server;
let llm;
let browser;
let page;
const pageErrors = [];
/** The demo athlete's longest run, from the activity list (not from the coach). */
let longest;

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

/** The last answer in the conversation shown. */
const lastAnswer = () => page.locator('.msg.assistant').last();

describe('Coach lookups', { concurrency: false }, () => {
  it('sets up the demo athlete and finds their longest run in the activity list', async () => {
    await signUp(page, server.base, EMAIL);
    const demo = await postDemo(page, 1);
    assert.equal(demo.status, 201, JSON.stringify(demo.body));
    longest = await page.evaluate(async () => {
      const res = await fetch('/api/activities?sport=run&sort=distance_desc&limit=1');
      return (await res.json()).items[0];
    });
    assert.ok(longest?.name && longest.distanceM > 0, JSON.stringify(longest));
  });

  it('looks the run up with a tool, shows the lookup as one line that opens, and answers with the list’s numbers', async () => {
    await openFromMenu(page, 'Coach');
    await page.getByLabel('Message to the coach').fill('What was my longest run?');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = lastAnswer();
    await answer.getByText(/Your longest run is/).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Send' }).waitFor();

    const text = await answer.locator('.markdown').innerText();
    assert.ok(text.includes(longest.name), `the answer names ${longest.name}: ${text}`);
    const km = Number(/: ([\d.]+) km/.exec(text)?.[1]);
    assert.ok(Math.abs(km - longest.distanceM / 1000) < 0.051, `the answer says ${km} km, the list ${longest.distanceM} m`);

    const lookups = answer.getByTestId('tool-lookups');
    // Its accessible name, as a screen reader says it (the chevron is hidden from it).
    const toggle = lookups.getByRole('button', { name: 'Looked up: runs by distance', exact: true });
    assert.equal(await toggle.count(), 1);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    const list = lookups.locator('ul');
    assert.equal(await list.isVisible(), false, 'the lookup starts collapsed');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const item = list.locator('li');
    assert.equal(await item.count(), 1);
    const itemText = await item.innerText();
    assert.match(itemText, /runs by distance/);
    assert.match(itemText, /→ 3 of \d+ activities/);
    await page.screenshot({ path: `${SHOTS}coach-lookup.png` });
  });

  it('shows the stored lookup and answer when the conversation is opened again', async () => {
    const url = page.url();
    assert.match(new URL(url).pathname, /^\/coach\/.+/, `the conversation has its own address: ${url}`);
    await page.reload();
    const answer = lastAnswer();
    await answer.getByText(/Your longest run is/).waitFor({ timeout: 15_000 });
    assert.ok((await answer.locator('.markdown').innerText()).includes(longest.name));
    const toggle = answer.getByTestId('tool-lookups').getByRole('button', { name: 'Looked up: runs by distance', exact: true });
    assert.equal(await toggle.count(), 1);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  });

  it('shows a lookup the app refused (year 0 to 9999, 5,000 rows) as failed, and the model is told why', async () => {
    await page.getByRole('button', { name: 'New conversation' }).click();
    await page.getByLabel('Message to the coach').fill('List every swim ever');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = lastAnswer();
    await answer.getByText(/The lookup failed/).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Send' }).waitFor();
    // The error the tool gave the model names the argument at fault; nothing of the athlete's data came back.
    const text = await answer.locator('.markdown').innerText();
    assert.match(text, /limit/i);
    const toggle = answer.getByTestId('tool-lookups').getByRole('button', { name: /^Looked up: .*\(failed\)$/ });
    assert.equal(await toggle.count(), 1);
    await toggle.click();
    await answer.getByTestId('tool-lookups').locator('li.failed').waitFor();
  });

  it('raised no console error, page error or failed request', () => {
    assert.deepEqual(pageErrors, []);
  });
});
