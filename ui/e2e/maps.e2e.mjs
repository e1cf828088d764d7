/**
 * End-to-end: maps on the real fat jar in Debian's Chromium. A fake tile server on loopback serves a small PNG for any
 * /z/x/y.png; the app is started with FITCOACH_MAP_TILES pointing at it. An imported GPX run shows on tiles actually
 * fetched from the fake, with start and finish marked; the heatmap draws it; a privacy zone around the start hides the
 * start (this one needs the privacy-zones feature on the server); and with tiles "none" the browser asks no host but
 * FitCoach for anything. Screenshots go to target/screenshots/maps-*.png.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { startTiles } from './fakeTiles.mjs';
import { SHOTS, collectErrors, launchBrowser, newPage, screenshotsDir, signUp } from './browser.mjs';

const START = [46.0569, 14.5058];

/** A 1 Hz GPX run of `seconds` around a loop of about 1.2 km from START, with heart rate. */
function gpxRun(startIso, seconds) {
  const t0 = Date.parse(startIso);
  let pts = '';
  for (let s = 0; s <= seconds; s++) {
    const a = (s / 400) * 2 * Math.PI;
    const lat = START[0] + 0.0018 * (1 - Math.cos(a));
    const lon = START[1] + 0.0026 * Math.sin(a);
    pts += `<trkpt lat="${lat.toFixed(6)}" lon="${lon.toFixed(6)}"><ele>300</ele><time>${new Date(t0 + s * 1000).toISOString()}</time>`
      + '<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>';
  }
  return '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="e2e" xmlns="http://www.topografix.com/GPX/1/1" '
    + 'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"><trk><type>running</type><trkseg>'
    + pts + '</trkseg></trk></gpx>';
}

/** Imports a GPX through the API with the page's session and returns the new activity's id. */
async function importGpx(page, base, name, text) {
  const r = await page.request.post(`${base}/api/imports`, {
    multipart: { files: { name, mimeType: 'application/gpx+xml', buffer: Buffer.from(text) } },
  });
  assert.equal(r.status(), 202, await r.text());
  const deadline = Date.now() + 60_000;
  for (;;) {
    const list = await (await page.request.get(`${base}/api/activities`)).json();
    if (list.items?.length) return list.items[0].id;
    if (Date.now() > deadline) throw new Error('the GPX was not imported within 60 s');
    await page.waitForTimeout(200);
  }
}

/** Every host the page sends a request to (FitCoach's own included). */
function watchHosts(page) {
  const hosts = new Set();
  page.on('request', (r) => hosts.add(new URL(r.url()).host));
  return hosts;
}

describe('Maps on tiles', { concurrency: false }, () => {
  let tiles;
  let server;
  let browser;
  let page;
  let activityId;
  let hosts;
  const pageErrors = [];

  before(async () => {
    await screenshotsDir();
    tiles = await startTiles();
    server = await startServer({ FITCOACH_MAP_TILES: `http://127.0.0.1:${tiles.port}/{z}/{x}/{y}.png`,
      FITCOACH_MAP_ATTRIBUTION: '© Fake tiles' });
    browser = await launchBrowser();
    page = await newPage(browser);
    collectErrors(page, pageErrors);
    hosts = watchHosts(page);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await tiles?.close();
  });

  it('shows an imported run on tiles fetched from the configured server, with start and finish marked', async () => {
    await signUp(page, server.base, 'maps@example.com');
    const start = new Date(Date.now() - 2 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    activityId = await importGpx(page, server.base, 'loop.gpx', gpxRun(start, 1200));
    await page.goto(`${server.base}/activities/${activityId}`);
    const map = page.getByTestId('route-map');
    await map.waitFor({ timeout: 30_000 });
    await page.locator('img.leaflet-tile-loaded').first().waitFor({ timeout: 30_000 });
    assert.ok(tiles.requests.some((u) => /^\/\d+\/\d+\/\d+\.png$/.test(u)), 'tiles were requested from the fake tile server');
    await page.locator('path.fc-start').waitFor();
    await page.locator('path.fc-finish').waitFor();
    assert.equal(await page.locator('path.fc-route-line').count(), 1);
    assert.match(await page.locator('.leaflet-control-attribution').innerText(), /© Fake tiles/);
    assert.equal(await page.getByTestId('route-drawing').count(), 0, 'no fallback drawing while tiles load');
    // The map takes the keyboard: focus it and pan with an arrow key.
    await map.focus();
    await page.keyboard.press('ArrowLeft');
    await page.screenshot({ path: `${SHOTS}maps-activity.png` });
    const tileHost = `127.0.0.1:${tiles.port}`;
    const others = [...hosts].filter((h) => h !== new URL(server.base).host && h !== tileHost);
    assert.deepEqual(others, [], 'no request to any other host');
    assert.deepEqual(pageErrors, []);
  });

  it('draws the run on the heatmap, reached from the header', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Heatmap', exact: true }).click()
      .catch(async () => page.goto(`${server.base}/heatmap`));
    await page.getByRole('heading', { name: 'Heatmap', level: 1 }).waitFor();
    await page.getByTestId('heatmap-summary').filter({ hasText: '1 route' }).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="heatmap"] canvas').first().waitFor();
    await page.getByLabel('Sport').selectOption('ride');
    await page.getByTestId('heatmap-summary').filter({ hasText: '0 routes' }).waitFor();
    assert.match(page.url(), /sport=ride/);
    await page.screenshot({ path: `${SHOTS}maps-heatmap.png` });
    // Back to the activity: leaving the heatmap takes its canvas down without an error.
    await page.goBack();
    await page.getByTestId('route-map').waitFor({ timeout: 30_000 });
    assert.deepEqual(pageErrors, []);
  });

  // Needs the privacy-zones feature (POST /api/settings/privacy-zones and "privacy" in the streams answer).
  it('hides the start inside a privacy zone, and shows it again on request', async () => {
    const zone = await page.request.post(`${server.base}/api/settings/privacy-zones`, {
      data: { name: 'Home', lat: START[0], lon: START[1], radiusM: 150 },
    });
    assert.ok(zone.status() === 200 || zone.status() === 201, `privacy zone: ${zone.status()} ${await zone.text()}`);
    const streams = await (await page.request.get(`${server.base}/api/activities/${activityId}/streams`)).json();
    assert.equal(streams.streams.latlng[0], null, 'the first position (the start, inside the zone) is hidden');
    assert.ok(streams.privacy.hiddenPoints > 0 && streams.privacy.applied);
    await page.goto(`${server.base}/activities/${activityId}`);
    await page.getByTestId('privacy-note').waitFor({ timeout: 30_000 });
    await page.locator('path.fc-start').waitFor();
    const hiddenStart = await page.locator('path.fc-start').getAttribute('d');
    await page.getByRole('button', { name: 'Show hidden part' }).click();
    await page.getByRole('button', { name: 'Hide it again' }).waitFor();
    await page.waitForFunction((before) => document.querySelector('path.fc-start')?.getAttribute('d') !== before, hiddenStart);
    const heat = await (await page.request.get(`${server.base}/api/map/heatmap`)).json();
    const first = heat.routes[0]?.segments[0];
    assert.ok(first, 'the run is still on the heatmap, outside the zone');
  });
});

describe('Maps with tiles off', { concurrency: false }, () => {
  let server;
  let browser;
  let page;

  before(async () => {
    server = await startServer({ FITCOACH_MAP_TILES: 'none' });
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws the route without a map and sends no request to any host but FitCoach', async () => {
    const hosts = watchHosts(page);
    await signUp(page, server.base, 'nomap@example.com');
    const start = new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const id = await importGpx(page, server.base, 'loop.gpx', gpxRun(start, 900));
    await page.goto(`${server.base}/activities/${id}`);
    await page.getByTestId('route-drawing').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('route-map').count(), 0);
    await page.goto(`${server.base}/heatmap`);
    await page.getByTestId('heatmap-summary').filter({ hasText: '1 route' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('img.leaflet-tile').count(), 0);
    assert.deepEqual([...hosts], [new URL(server.base).host]);
    await page.screenshot({ path: `${SHOTS}maps-none.png` });
  });
});
