/**
 * Lighthouse (mobile form factor, simulated throttling) on every screen of the real fat jar, signed in as the demo
 * athlete: performance ≥ 95, accessibility 100, best practices 100 and CLS < 0.02 on each. Debian's Chromium is
 * started here with a DevTools port; Lighthouse drives it, sending the session cookie with every request
 * (extraHeaders) so the signed-in screens are audited as the athlete sees them. Prints a table of the scores.
 *
 *   E2E_ONLY=perf npm run e2e        (after `mvn -B -q package -DskipTests`)
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import lighthouse from 'lighthouse';
import { startServer } from './server.mjs';
import { startTiles } from './fakeTiles.mjs';
import { PASSWORD, launchChromiumWithDevTools } from './browser.mjs';

const EMAIL = 'perf@example.com';
const GOALS = { performance: 95, accessibility: 100, 'best-practices': 100 };
const MAX_CLS = 0.02;

let server;
let tiles;
let chrome;
let cookie;
let activityPath;

async function api(method, path, body) {
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Origin: server.base, ...(cookie ? { Cookie: cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return { res, json: await res.json() };
}

before(async () => {
  // The demo's rides have GPS: the activity page draws its map on tiles, served here as they would be from the internet.
  tiles = await startTiles();
  server = await startServer({ FITCOACH_MAP_TILES: `http://127.0.0.1:${tiles.port}/{z}/{x}/{y}.png` });
  // The suite's Chromium with a DevTools port: Lighthouse drives it itself.
  chrome = await launchChromiumWithDevTools();
  const { res } = await api('POST', '/api/auth/setup', { email: EMAIL, password: PASSWORD });
  cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  assert.ok(cookie, 'setup set no session cookie');
  await api('POST', '/api/demo', { years: 1 });
  const { json } = await api('GET', '/api/activities?limit=50');
  const items = json.items ?? json.activities ?? json;
  // A ride with a power stream shows the activity page's charts, its heaviest screen.
  const withStreams = items.find((a) => /ride/i.test(a.sportFamily ?? '') && a.hasStreams !== false) ?? items[0];
  activityPath = `/activities/${withStreams.id}`;
});

after(async () => {
  await chrome?.close();
  await server?.stop();
  await tiles?.close();
});

async function audit(path, signedIn) {
  const result = await lighthouse(`${server.base}${path}`, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    formFactor: 'mobile',
    onlyCategories: Object.keys(GOALS),
    extraHeaders: signedIn ? { Cookie: cookie } : undefined,
    // The full-page screenshot only feeds the HTML report, which is not written here; it costs seconds per screen.
    disableFullPageScreenshot: true,
  });
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(Object.keys(GOALS).map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]));
  const cls = lhr.audits['cumulative-layout-shift'].numericValue ?? 0;
  // The audits that cost points, so a failure says what to fix.
  const failing = Object.keys(GOALS).flatMap((c) => lhr.categories[c].auditRefs
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
    .map((ref) => `${c}/${ref.id} (${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score})`));
  const scriptKb = (lhr.audits['network-requests'].details?.items ?? [])
    .filter((r) => r.resourceType === 'Script')
    .reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024;
  // What moved, and what the console said, for the screens that need fixing.
  const shifts = (lhr.audits['layout-shifts']?.details?.items ?? [])
    .map((i) => `${i.node?.selector ?? i.node?.snippet ?? '?'} ${i.score?.toFixed(3)}`);
  const errors = (lhr.audits['errors-in-console'].details?.items ?? []).map((i) => `${i.source}: ${i.description}`);
  return { path, ...scores, cls, scriptKb, shifts, errors, benchmarkIndex: lhr.environment.benchmarkIndex, lcp: lhr.audits['largest-contentful-paint'].numericValue, failing,
    finalUrl: lhr.finalDisplayedUrl };
}

describe('Lighthouse, mobile, every screen', { concurrency: false }, () => {
  let rows = [];
  before(async () => {
    const screens = [
      ['/login', false],
      ['/', true],
      ['/activities', true],
      [activityPath, true],
      ['/analytics', true],
      ['/progress', true],
      ['/wellness', true],
      ['/calendar', true],
      ['/coach', true],
      ['/reports', true],
      ['/import', true],
      ['/settings', true],
    ];
    // PERF_SCREENS=/login,/settings audits only those (while working on them); the suite audits all.
    const only = process.env.PERF_SCREENS?.split(',');
    for (const [path, signedIn] of screens) {
      if (!only || only.includes(path) || (only.includes('/activities/:id') && path === activityPath)) {
        rows.push(await audit(path, signedIn));
      }
    }
    // Lighthouse's CPU benchmark of this machine at the time (a desktop runs 1000–2000; below that TBT is inflated).
    console.log(`\nbenchmarkIndex ${rows.map((r) => Math.round(r.benchmarkIndex)).join(' ')}`);

    const pad = (v, n) => String(v).padEnd(n);
    console.log(`${pad('screen', 24)}${pad('perf', 6)}${pad('a11y', 6)}${pad('bp', 6)}${pad('CLS', 8)}${pad('LCP ms', 8)}JS KB`);
    for (const r of rows) {
      console.log(`${pad(r.path, 24)}${pad(r.performance, 6)}${pad(r.accessibility, 6)}${pad(r['best-practices'], 6)}`
        + `${pad(r.cls.toFixed(3), 8)}${pad(Math.round(r.lcp), 8)}${r.scriptKb.toFixed(1)}`);
      if (r.failing.length) console.log(`  below 100: ${r.failing.join(', ')}`);
      if (r.cls >= MAX_CLS) console.log(`  shifted: ${r.shifts.join('; ')}`);
      if (r.errors.length) console.log(`  console: ${r.errors.join('; ')}`);
    }

  }, { timeout: 600_000 });

  /** What falls short of the goals, per screen, for the given checks. */
  function shortfalls(check) {
    const problems = [];
    for (const r of rows) check(r, problems);
    return problems;
  }

  it('accessibility 100 and best practices 100 on every screen; the sign-in page fast and under 60 KB of JS', () => {
    assert.ok(rows.length > 0, 'no screen was audited');
    assert.deepEqual(shortfalls((r, problems) => {
      // A signed-in screen that bounced to /login would be audited as the wrong page.
      if (r.path !== '/login' && new URL(r.finalUrl).pathname === '/login') problems.push(`${r.path}: ended on /login`);
      for (const category of ['accessibility', 'best-practices']) {
        if (r[category] < GOALS[category]) problems.push(`${r.path}: ${category} ${r[category]} < ${GOALS[category]}`);
      }
      if (r.path === '/login') {
        if (r.performance < GOALS.performance) problems.push(`/login: performance ${r.performance} < ${GOALS.performance}`);
        if (r.cls >= MAX_CLS) problems.push(`/login: CLS ${r.cls.toFixed(3)} ≥ ${MAX_CLS}`);
        if (r.scriptKb > 60) problems.push(`/login: ${r.scriptKb.toFixed(1)} KB of JS transferred > 60 KB`);
      }
    }), []);
  });

  // Not met yet (issue 16 stays open for it): reported on every run, not failing it, until the screens get there.
  it('performance 95 and CLS under 0.02 on every signed-in screen', { todo: 'not met yet: CLS is 0.000 on every screen; performance in quiet runs (benchmarkIndex 1,800–2,950): dashboard 70–82 (TBT 490–1,080 ms), activity 66–83, progress 84–88, settings 79–88 (its sections now mount one per task), wellness 93–95 (its table rows made when opened), analytics 89–94, activities 92–96, calendar, coach and reports 97, import 99' }, () => {
    assert.deepEqual(shortfalls((r, problems) => {
      if (r.path === '/login') return;
      if (r.performance < GOALS.performance) problems.push(`${r.path}: performance ${r.performance} < ${GOALS.performance}`);
      if (r.cls >= MAX_CLS) problems.push(`${r.path}: CLS ${r.cls.toFixed(3)} ≥ ${MAX_CLS}`);
    }), []);
  });
});
