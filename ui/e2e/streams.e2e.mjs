/**
 * End-to-end: the activity screen's linked stream charts, on the real fat jar in Debian's Chromium. The demo athlete
 * gives a ride with 1 Hz streams; a generated brick (ride, transition, run) FIT file imported through the Import
 * screen gives a route and legs. One cursor moves over every chart and the route's marker, from the mouse and the
 * keyboard; the distance axis is remembered; run cadence reads in steps per minute. Screenshots go to
 * target/screenshots/streams-*.png.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { writeBrickFitFile } from './fakes.mjs';
import {
  DESKTOP, PHONE, SHOTS, collectErrors, launchBrowser, newPage, openFromMenu, postDemo, screenshotsDir, signUp,
} from './browser.mjs';

const EMAIL = 'streams@example.com';
const BRICK = 'e2e-brick.fit';

let tmp;
let brickFile;
let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  await screenshotsDir();
  tmp = await mkdtemp(join(tmpdir(), 'fitcoach-e2e-streams-'));
  // One after the other: two JVMs starting at once on a busy machine can starve the server's first connections.
  brickFile = await writeBrickFitFile(join(tmp, BRICK));
  server = await startServer();
  browser = await launchBrowser();
  page = await newPage(browser);
  collectErrors(page, pageErrors);
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Each chart's caption, by chart title: "12:30 · 150 bpm" at the cursor, "avg … · max …" without one. */
async function captions() {
  return page.locator('figure[data-stream]').evaluateAll((figs) =>
    Object.fromEntries(figs.map((f) => [f.getAttribute('data-stream'), f.querySelector('[data-testid="stream-value"]').textContent.trim()])),
  );
}

/** Polls `read()` until `ok(value)`, with a deadline; returns the value. */
async function until(read, ok, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: last saw ${JSON.stringify(v)}`);
    await page.waitForTimeout(50);
  }
}

/** Moves the mouse to `fraction` of the way across a chart's plot area. */
async function hover(title, fraction) {
  const over = page.locator(`figure[data-stream="${title}"] .u-over`);
  // The charts sit below the fold: the mouse only reaches what is in the viewport.
  await over.scrollIntoViewIfNeeded();
  const box = await over.boundingBox();
  await page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
}

const at = (caption) => caption.split(' · ')[0];

describe('Activity stream charts', { concurrency: false }, () => {
  it('sets up an account with the demo athlete', async () => {
    await signUp(page, server.base, EMAIL);
    const demo = await postDemo(page, 1);
    assert.equal(demo.status, 201, JSON.stringify(demo.body));
  });

  it('links the charts of a demo ride: the mouse over one moves the cursor on all, and the distance axis is remembered', async () => {
    const list = await (await page.request.get(`${server.base}/api/activities?sport=ride&limit=1`)).json();
    const id = list.items[0].id;
    await page.goto(`${server.base}/activities/${id}`);
    await page.locator('figure[data-stream="Power"] canvas').waitFor();
    const titles = Object.keys(await captions());
    assert.deepEqual(titles, ['Heart rate', 'Speed', 'Power'], 'the demo records no cadence or elevation: those charts are left out');

    await hover('Power', 0.5);
    const moved = await until(captions, (c) => Object.values(c).every((v) => !v.startsWith('avg')), 'every chart follows the mouse');
    const times = new Set(Object.values(moved).map(at));
    assert.equal(times.size, 1, `one moment on every chart: ${JSON.stringify(moved)}`);
    await page.screenshot({ path: `${SHOTS}streams-ride-cursor.png` });

    await page.getByRole('radio', { name: 'Distance' }).check({ force: true });
    await hover('Heart rate', 0.5);
    const byDistance = await until(captions, (c) => / (km|mi) ·|^[\d.]+ km/.test(c['Heart rate']) && c['Heart rate'].includes('km'), 'the charts read distance');
    assert.equal(new Set(Object.values(byDistance).map(at)).size, 1);
    await page.reload();
    await page.locator('figure[data-stream="Power"] canvas').waitFor();
    assert.equal(await page.getByRole('radio', { name: 'Distance' }).isChecked(), true, 'the axis choice is remembered');
    await page.screenshot({ path: `${SHOTS}streams-ride-distance.png`, fullPage: true });
    await page.getByRole('radio', { name: 'Time' }).check({ force: true });
  });

  it('shows an imported brick’s legs over linked charts, with the route marker following the cursor and run cadence in steps/min', async () => {
    await openFromMenu(page, 'Import');
    await page.locator('input[type="file"]').setInputFiles(brickFile);
    const report = page.locator('[aria-labelledby="report-title"]');
    await report.getByText(/Import finished/).waitFor({ timeout: 180_000 });
    const list = await (await page.request.get(`${server.base}/api/activities?sport=multisport&limit=1`)).json();
    assert.equal(list.items.length, 1, 'the brick is one multisport activity');
    await page.goto(`${server.base}/activities/${list.items[0].id}`);

    const strip = page.getByRole('list', { name: /Legs/ });
    await strip.waitFor();
    // The legs table: each leg's load from the server's engine, transitions included.
    const legLoads = page.getByRole('table', { name: /Legs of this/ }).locator('tbody tr td:last-child');
    await until(() => legLoads.allInnerTexts(), (v) => v.length === 3 && v.every((t) => /^\d+$/.test(t)), 'each leg’s load');
    assert.deepEqual(await strip.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('title').split(':')[0])), [
      'Ride',
      'Transition T1',
      'Run',
    ]);
    await page.locator('figure[data-stream="Cadence"] canvas').waitFor();
    const map = page.getByRole('img', { name: /Route of this activity/ });
    assert.equal(await map.locator('[data-testid="route-cursor"]').count(), 0);

    // The run leg: its cadence is served in steps per minute (the file holds 85 strides per minute).
    await hover('Heart rate', 0.9);
    const onRun = await until(captions, (c) => Object.values(c).every((v) => !v.startsWith('avg')), 'every chart follows the mouse');
    assert.equal(new Set(Object.values(onRun).map(at)).size, 1, JSON.stringify(onRun));
    assert.match(onRun['Cadence'], /· 170 \/min$/);
    await page.getByTestId('stream-readout').getByText('Run').waitFor();
    const marker = map.locator('[data-testid="route-cursor"]');
    await marker.waitFor();
    const runY = Number(await marker.getAttribute('cy'));
    await hover('Heart rate', 0.3);
    await until(captions, (c) => /· 88 \/min$/.test(c['Cadence']), 'the ride leg’s cadence in rpm');
    const rideY = Number(await marker.getAttribute('cy'));
    assert.notEqual(rideY, runY, 'the route marker moved with the cursor');
    await page.screenshot({ path: `${SHOTS}streams-brick.png` });

    // The keyboard: the charts are a slider whose value reads out every chart at the cursor.
    await page.mouse.move(0, 0);
    const slider = page.getByRole('slider', { name: 'Moment shown in the stream charts' });
    await slider.focus();
    await page.keyboard.press('End');
    const text = await until(() => slider.getAttribute('aria-valuetext'), (t) => t?.includes('Run:'), 'the slider reads the end');
    assert.match(text, /^52:00, [\d.]+ km, Run: Heart rate \d+ bpm, Speed [\d.]+ km\/h, Power no value, Elevation \d+ m, Cadence 170 \/min$/);
    await page.keyboard.press('Home');
    await until(captions, (c) => c['Heart rate'].startsWith('0:00 · '), 'Home goes to the start');
    await strip.getByRole('button', { name: /^Run/ }).click();
    await until(captions, (c) => c['Heart rate'].startsWith('32:00 · '), 'choosing the run leg puts the cursor at its start');
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}streams-brick-phone.png`, fullPage: true });
    await page.setViewportSize(DESKTOP);
    assert.deepEqual(pageErrors, []);
  });
});
