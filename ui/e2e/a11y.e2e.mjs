/**
 * Accessibility (WCAG 2.2 AA) of every screen: axe-core runs in Debian's Chromium against the real fat jar with the
 * demo athlete loaded, in light and dark, at desktop (1280x900) and phone (390x844) size, and the run fails on any
 * serious or critical violation, naming the screen, theme, viewport, rule, impact and target selectors. Then the
 * focus rules that axe cannot see: opening an activity focuses its heading, and while an answer streams focus stays
 * on the control the athlete used instead of dropping to the page body.
 *
 *   mvn -B -q -o package -DskipTests && cd ui && E2E_ONLY=a11y npm run e2e
 *
 * A new screen is one entry in SCREENS: its path (or a function returning one) and what to wait for before axe looks.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startServer } from './server.mjs';
import { startFakeLlm } from './fakes.mjs';
import { DESKTOP, PHONE, collectErrors, createAccount, launchBrowser, newPage, postDemo } from './browser.mjs';

const EMAIL = 'a11y@example.com';
const VIEWPORTS = [
  { name: 'desktop', ...DESKTOP },
  { name: 'phone', ...PHONE },
];
const THEMES = ['light', 'dark'];
/** Impacts that fail the run; moderate and minor ones are printed as a count only. */
const FAILING = new Set(['serious', 'critical']);
// WCAG 2.0/2.1/2.2 A and AA rules, plus axe's best practices (landmarks, headings, scrollable regions).
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Waits until the screen's heading is there and no skeleton or busy region is left. */
async function settled(page, heading) {
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => !document.querySelector('main .skeleton, main [aria-busy="true"]'),
    null,
    { timeout: 30_000, polling: 100 },
  );
}

/**
 * The signed-in screens. `path` is an address, or a function of the page that finds one (an activity of the demo
 * athlete); `ready` waits for what must be on screen before axe runs.
 */
const SCREENS = [
  { name: 'dashboard', path: '/', ready: (p) => settled(p, 'Dashboard') },
  { name: 'activities', path: '/activities', ready: (p) => settled(p, 'Activities') },
  {
    name: 'activity',
    path: async (p) => `/activities/${await firstActivityId(p, 'ride')}`,
    ready: async (p) => {
      await p.locator('main h1#activity-title:not(.visually-hidden)').waitFor({ timeout: 30_000 });
      await settled(p, /./);
    },
  },
  { name: 'analytics', path: '/analytics', ready: (p) => settled(p, 'Analytics') },
  { name: 'progress', path: '/progress', ready: (p) => settled(p, 'Progress') },
  { name: 'wellness', path: '/wellness', ready: (p) => settled(p, 'Wellness') },
  { name: 'calendar', path: '/calendar', ready: (p) => settled(p, 'Calendar') },
  // The conversation holds the answer the fake model streamed in the coach test below.
  {
    name: 'coach',
    path: () => coachPath,
    ready: async (p) => {
      await settled(p, 'Coach');
      if (coachPath !== '/coach') await p.locator('article.msg.assistant').first().waitFor();
    },
  },
  { name: 'reports', path: '/reports', ready: (p) => settled(p, 'Reports') },
  { name: 'import', path: '/import', ready: (p) => settled(p, 'Import') },
  // Its sections appear one after another: the last one, Backups, says they are all there.
  {
    name: 'settings',
    path: '/settings',
    ready: async (p) => {
      await p.getByRole('heading', { name: 'Backups', level: 2 }).waitFor({ timeout: 30_000 });
      await settled(p, 'Settings');
    },
  },
];

let llm;
let server;
let browser;
let page;
let coachPath = '/coach';
const pageErrors = [];
/** Every axe run: { where, failing: [violation], other: n }. */
const results = [];

before(async () => {
  llm = await startFakeLlm({ tokenDelayMs: 20 });
  server = await startServer({ ANTHROPIC_BASE_URL: llm.anthropicUrl, CLAUDE_API_KEY: llm.anthropicKey });
  browser = await launchBrowser();
  page = await newPage(browser, { viewport: VIEWPORTS[0] });
  collectErrors(page, pageErrors);
});

after(async () => {
  printSummary();
  await browser?.close();
  await server?.stop();
  await llm?.stop();
});

async function firstActivityId(p, sport) {
  return p.evaluate(async (s) => {
    const r = await fetch(`/api/activities?limit=1&sport=${s}&sort=date_desc`);
    return (await r.json()).items[0].id;
  }, sport);
}

/** Runs axe on the page as it is; records and returns the serious and critical violations. */
async function axe(p, where) {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy rightly refuses inline scripts.
  if (!(await p.evaluate(() => 'axe' in window))) await p.evaluate(AXE_SOURCE);
  const violations = await p.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary?.split('\n').slice(1).join(' ').trim() })),
    }));
  }, AXE_TAGS);
  const failing = violations.filter((v) => FAILING.has(v.impact));
  results.push({ where, failing, other: violations.length - failing.length });
  return failing;
}

/** "[coach / dark / phone] color-contrast (serious): Elements must meet… — 2 nodes: a.x (…); span.y (…)" */
function describeViolations(where, violations) {
  return violations
    .map((v) => `[${where}] ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s):\n${v.nodes
      .map((n) => `      ${n.target}${n.summary ? `  ⟶ ${n.summary}` : ''}`)
      .join('\n')}`)
    .join('\n');
}

function printSummary() {
  if (results.length === 0) return;
  console.log('\naxe: serious+critical violations (nodes) per screen / theme / viewport');
  for (const r of results) {
    const nodes = r.failing.reduce((n, v) => n + v.nodes.length, 0);
    console.log(`  ${r.where.padEnd(32)} ${String(r.failing.length).padStart(2)} rule(s), ${String(nodes).padStart(3)} node(s)` +
      `${r.failing.length ? `: ${r.failing.map((v) => v.id).join(', ')}` : ''}${r.other ? `  (+${r.other} moderate/minor)` : ''}`);
  }
}

/** Runs axe in both themes at one viewport; the screen is already shown and settled. */
async function checkThemes(p, screen, viewport, failures, ready) {
  for (const theme of THEMES) {
    await p.emulateMedia({ colorScheme: theme });
    // Canvas charts redraw on the theme change, and buttons fade their colours: axe must read the settled colours,
    // not a blend half-way between the themes.
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await p.waitForFunction(
      () => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
      null,
      { timeout: 10_000, polling: 50 },
    );
    if (ready) await ready(p);
    const where = `${screen} / ${theme} / ${viewport.name}`;
    const failing = await axe(p, where);
    if (failing.length) failures.push(describeViolations(where, failing));
  }
}

async function checkScreen(screen) {
  const failures = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const path = typeof screen.path === 'function' ? await screen.path(page) : screen.path;
    await page.goto(`${server.base}${path}`);
    await screen.ready(page);
    await checkThemes(page, screen.name, viewport, failures);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(VIEWPORTS[0]);
  assert.equal(failures.length, 0, `axe found serious/critical violations on ${screen.name}:\n${failures.join('\n')}`);
}

/** The element that has focus, described for an assertion message. */
function activeElement(p) {
  return p.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 60)}"`;
  });
}

describe('Accessibility: axe on every screen, light and dark, desktop and phone', { concurrency: false }, () => {
  it('setup (sign-up) screen', async () => {
    const failures = [];
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.goto(server.base);
      await page.getByRole('heading', { name: 'Create your account' }).waitFor();
      await checkThemes(page, 'setup', viewport, failures);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(VIEWPORTS[0]);
    assert.equal(failures.length, 0, `axe found serious/critical violations on setup:\n${failures.join('\n')}`);
  });

  it('signs up and loads the demo athlete', async () => {
    // The previous test left the page on the setup screen.
    await createAccount(page, EMAIL);
    const made = await postDemo(page, 1);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.ok(made.body.activities > 100, JSON.stringify(made.body));
  });

  it('coach: a streamed answer keeps focus on the message box, and Stop hands focus back without losing it', async () => {
    await page.goto(`${server.base}/coach`);
    await settled(page, 'Coach');
    const box = page.getByLabel('Message to the coach');
    await box.fill('How should I train today?');
    await box.press('Enter');
    const stop = page.getByRole('button', { name: 'Stop' });
    await stop.waitFor();
    assert.match(await activeElement(page), /^textarea#chat-input/, 'focus left the message box when the answer started');
    await stop.waitFor({ state: 'detached', timeout: 60_000 });
    assert.match(await activeElement(page), /^textarea#chat-input/, 'focus left the message box when the answer ended');
    await page.waitForURL(/\/coach\/[^/]+$/);
    coachPath = new URL(page.url()).pathname;

    // From the keyboard: Tab to Send, press it, then Stop from the keyboard.
    await box.fill('And tomorrow?');
    await page.keyboard.press('Tab');
    assert.match(await activeElement(page), /^button "Send"/);
    await page.keyboard.press('Enter');
    await stop.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Stop', null, { timeout: 5_000 })
      .catch(async () => assert.fail(`Send became Stop but focus is on ${await activeElement(page)}`));
    await page.keyboard.press('Enter');
    await stop.waitFor({ state: 'detached', timeout: 30_000 });
    const after = await activeElement(page);
    assert.notEqual(after, 'body', 'focus dropped to the page body when Stop went away');
    assert.match(after, /^textarea#chat-input/);
  });

  it('dashboard: asking the coach hands focus from Ask to Stop and back, never to the body', async () => {
    await page.goto(`${server.base}/`);
    await settled(page, 'Dashboard');
    const ask = page.getByRole('button', { name: /^Ask the coach/ });
    await ask.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    assert.match(await activeElement(page), /^button "Stop"/, 'focus did not pass from Ask to Stop');
    await page.getByRole('button', { name: 'Stop' }).waitFor({ state: 'detached', timeout: 60_000 });
    assert.match(await activeElement(page), /^button "Ask the coach again"/, 'focus did not pass back from Stop');
  });

  it('opening an activity from the list focuses its heading once it has loaded', async () => {
    await page.goto(`${server.base}/activities`);
    await settled(page, 'Activities');
    const link = page.locator('main a[href^="/activities/"]').first();
    const name = (await link.innerText()).trim().split('\n')[0];
    await link.click();
    const heading = page.locator('main h1#activity-title:not(.visually-hidden)');
    await heading.waitFor();
    await page.waitForFunction(() => document.activeElement?.matches('h1#activity-title:not(.visually-hidden)'), null, { timeout: 5_000 })
      .catch(async () => assert.fail(`the activity heading is not focused; focus is on ${await activeElement(page)}`));
    assert.ok((await heading.innerText()).length > 0);
    assert.ok(name.length > 0);
  });

  for (const screen of SCREENS) {
    it(`${screen.name} screen`, () => checkScreen(screen));
  }

  it('login screen', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const failures = [];
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.goto(`${server.base}/login`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await checkThemes(page, 'login', viewport, failures);
    }
    assert.equal(failures.length, 0, `axe found serious/critical violations on login:\n${failures.join('\n')}`);
  });

  it('raised no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
