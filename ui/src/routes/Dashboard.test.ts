// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Dashboard from './Dashboard.svelte';
import { apiError, json, sse, stubFetch } from '../test/http';

vi.mock('../lib/state/live.svelte', () => ({
  live: { activitiesVersion: 0, sync: null, importJob: null, status: 'idle', start: vi.fn(), stop: vi.fn() },
}));

const STATS = {
  date: '2026-11-24',
  ctl: 48.13,
  atl: 38.63,
  tsb: 4.73,
  tsbAfter: 9.5,
  ramp: 0.39,
  zone: 'neutral',
  zoneMeaning: 'Neutral: normal training, neither fresh nor overreached',
  formPct: 9.8,
  monotony: 1.1,
  strain: 404,
  acwr: 0.66,
  warmingUp: false,
  firstActivity: '2023-11-21',
  thresholds: { sex: 'male', maxHr: 188, maxHrEstimated: false, restingHr: 50, restingHrEstimated: false, lthr: 168, lthrEstimated: false, ftpW: 250, ftpEstimated: false },
  methodMix: [],
};
const RULES = {
  verdict: 'train',
  headline: 'Train',
  advice: 'Neither fresh nor tired: a normal training day.',
  source: 'rules',
  fitness: 48.13,
  fatigue: 38.63,
  form: 4.73,
  zone: 'neutral',
  zoneWords: 'Neutral',
  ramp: 0.39,
};
const RUN = {
  id: 'a1',
  source: 'file',
  sportType: 'Run',
  sportFamily: 'run',
  name: 'Morning tempo',
  startDate: '2026-11-23T06:30:00Z',
  startDateLocal: '2026-11-23T07:30:00',
  timeZone: 'Europe/Paris',
  movingTimeS: 2720,
  elapsedTimeS: 2800,
  distanceM: 10400,
  load: 61.2,
  loadMethod: 'HEART_RATE',
  loadEstimated: false,
};

function routes(extra: Record<string, (init: RequestInit) => Response | Promise<Response>> = {}) {
  return stubFetch({
    'GET /api/activities/stats': () => json(200, STATS),
    'GET /api/activities?limit=5&sort=date_desc': () => json(200, { items: [RUN], total: 1, limit: 5, offset: 0, nextCursor: null }),
    'GET /api/ai/recommendation': () => json(200, { rules: RULES, ai: null }),
    'GET /api/settings/thresholds/suggestions': () => json(200, { suggestions: [] }),
    'GET /api/load/estimate-changes': () => json(200, { changes: [] }),
    'GET /api/load/pmc': () => json(200, { from: '2026-08-27', to: '2026-11-24', today: '2026-11-24', warmingUp: false, days: [] }),
    'GET /api/strava/status': () =>
      json(200, { configured: true, connected: false, athleteId: null, athleteName: null, scopes: [], needsReauth: false, lastSyncAt: null, sync: null, rateLimit: null }),
    ...extra,
  });
}

describe('Dashboard', () => {
  it('with no activity the verdict says there is nothing to judge yet, with the ways to bring training in', async () => {
    routes({
      'GET /api/activities?limit=5&sort=date_desc': () => json(200, { items: [], total: 0, limit: 5, offset: 0, nextCursor: null }),
      'GET /api/ai/recommendation': () =>
        json(200, {
          rules: { ...RULES, verdict: 'none', headline: 'Nothing to judge yet', advice: 'There is no training here yet.', history: 'none', historyDays: null },
          ai: null,
        }),
    });
    render(Dashboard);
    const verdict = await screen.findByTestId('rule-verdict');
    await within(verdict).findByText('Nothing to judge yet');
    expect(within(verdict).queryByText('Train')).toBeNull();
    expect(within(verdict).getByRole('link', { name: /Import activity files/ }).getAttribute('href')).toBe('/import');
    expect(within(verdict).getByRole('link', { name: /Connect Strava/ }).getAttribute('href')).toBe('/settings#s-strava');
    expect(within(verdict).getByRole('button', { name: 'Load the demo athlete' })).toBeTruthy();
  });

  it('a judged verdict offers no first steps', async () => {
    routes();
    render(Dashboard);
    const verdict = await screen.findByTestId('rule-verdict');
    await within(verdict).findByText('Train');
    expect(within(verdict).queryByRole('link', { name: /Import activity files/ })).toBeNull();
  });

  it("shows today's fitness, fatigue and form with the zone in words", async () => {
    routes();
    render(Dashboard);
    expect(await screen.findByText('Neutral: normal training, neither fresh nor overreached')).toBeTruthy();
    const stats = screen.getByLabelText("Today's training load");
    expect(within(stats).getByText('48')).toBeTruthy();
    expect(within(stats).getByText('39')).toBeTruthy();
    expect(within(stats).getByText(/\+5/)).toBeTruthy();
    // Which form is which: the morning's, with the one after today's training beside it.
    expect(within(stats).getByText('this morning')).toBeTruthy();
    expect(within(stats).getByText(/After today's training: \+10/)).toBeTruthy();
    expect(screen.getByText('Tue, 24 Nov 2026')).toBeTruthy();
  });

  it('shows the rule-based recommendation at once, labelled as such', async () => {
    routes();
    render(Dashboard);
    expect(await screen.findByText('Neither fresh nor tired: a normal training day.')).toBeTruthy();
    expect(screen.getByText('Rule-based')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ask the coach' })).toBeTruthy();
  });

  it('shows the decision card: its verdict over the load rules when a check-in holds it back, with its reasons', async () => {
    const card = {
      verdict: 'rest', headline: 'Rest day: you flagged illness', loadVerdict: 'train', rules: ['illness'],
      signals: [
        { key: 'form', label: 'Form', value: 4.7, baseline: null, low: null, high: null, unit: null, status: 'judged', direction: 'neutral', rules: [], detail: 'Form +5, neutral' },
        { key: 'illness', label: 'Illness', value: 1, baseline: null, low: null, high: null, unit: null, status: 'judged', direction: 'for_rest', rules: ['illness'], detail: 'You flagged illness today' },
      ],
      confidence: { level: 'low', signals: 2, agreeing: 1, disagreeing: 0, summary: '2 signals judged: 1 for this verdict, 0 against, 1 neutral.' },
      whatWouldChange: ['Illness gone → train'],
    };
    routes({ 'GET /api/ai/recommendation': () => json(200, { rules: RULES, ai: null, card }) });
    render(Dashboard);
    const verdict = await screen.findByTestId('rule-verdict');
    expect(await within(verdict).findByText('Rest day: you flagged illness')).toBeTruthy();
    expect(verdict.classList.contains('verdict-rest')).toBe(true);
    expect(verdict.textContent).toContain('Your training load alone would say train; how you recovered holds it back today.');
    expect(verdict.textContent).not.toContain('a normal training day');
    expect(within(verdict).getByText('You flagged illness today')).toBeTruthy();
    expect(within(verdict).getByText('Illness gone → train')).toBeTruthy();
  });

  it('says when a hard session is planned on a rest day, with the card’s own words and a way to the calendar', async () => {
    const card = {
      verdict: 'rest', headline: 'Rest day: form is very low', loadVerdict: 'rest', rules: ['form_very_low'], signals: [],
      confidence: { level: 'low', signals: 1, agreeing: 1, disagreeing: 0, summary: '1 signal judged.' },
      whatWouldChange: [],
      plan: {
        today: [{ title: 'Track intervals', sport: 'Run', durationS: 3600, targetLoad: 80, hard: true }],
        suggestion: 'swap',
        text: 'Today is a rest day: swap the planned hard session (Track intervals) for an easy one or rest, or move it to a later day.',
      },
    };
    routes({ 'GET /api/ai/recommendation': () => json(200, { rules: RULES, ai: null, card }) });
    render(Dashboard);
    const line = await screen.findByTestId('card-plan');
    expect(line.textContent).toContain('swap the planned hard session (Track intervals)');
    expect(line.classList.contains('plan-swap')).toBe(true);
    expect(within(line).getByRole('link', { name: 'Open the calendar' }).getAttribute('href')).toBe('/calendar');
  });

  it('offers the morning check-in for the athlete’s own today', async () => {
    routes({ 'GET /api/wellness?from=2026-11-24&to=2026-11-24': () => json(200, { from: '2026-11-24', to: '2026-11-24', days: [] }) });
    render(Dashboard);
    expect(await screen.findByRole('heading', { name: 'Morning check-in' })).toBeTruthy();
  });

  it('lists recent activities with links and offers to connect Strava', async () => {
    routes();
    render(Dashboard);
    const link = await screen.findByRole('link', { name: /Morning tempo/ });
    expect(link.getAttribute('href')).toBe('/activities/a1');
    expect(link.textContent).toContain('45:20');
    expect(link.textContent).toContain('10.4 km');
    expect(await screen.findByRole('link', { name: 'Connect in Settings' })).toBeTruthy();
  });

  it("streams the coach's answer as Markdown", async () => {
    const fetchMock = routes({
      'POST /api/ai/recommendation': () =>
        sse([
          'event: start\ndata: {"streamId":"s1","model":"claude"}\n\n',
          'id: 1\nevent: token\ndata: {"text":"**Easy** "}\n\n',
          'id: 2\nevent: token\ndata: {"text":"run today."}\n\n',
          ': heartbeat\n\n',
          'event: done\ndata: {"status":"complete"}\n\n',
        ]),
    });
    render(Dashboard);
    await fireEvent.click(await screen.findByRole('button', { name: 'Ask the coach' }));
    await vi.waitFor(() => expect(screen.getByText('Easy').tagName).toBe('STRONG'));
    expect(screen.getByText(/run today\./)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Ask the coach again' })).toBeTruthy();
    const post = fetchMock.mock.calls.find(([u, i]) => u === '/api/ai/recommendation' && (i as RequestInit)?.method === 'POST');
    expect((post![1] as RequestInit).headers).toMatchObject({ Accept: 'text/event-stream' });
  });

  it('says what to do when no AI provider is set up', async () => {
    routes({
      'POST /api/ai/recommendation': () => apiError(409, 'llm_not_configured', 'No AI provider is configured'),
    });
    render(Dashboard);
    await fireEvent.click(await screen.findByRole('button', { name: 'Ask the coach' }));
    const alert = await screen.findByText(/add a Claude key or a local model in Settings/);
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(screen.getByRole('link', { name: 'Open Settings' }).getAttribute('href')).toBe('/settings');
  });

  it('offers a first step when there are no activities yet', async () => {
    routes({
      'GET /api/activities?limit=5&sort=date_desc': () => json(200, { items: [], total: 0, limit: 5, offset: 0, nextCursor: null }),
    });
    render(Dashboard);
    expect(await screen.findByRole('heading', { name: /bring in your training/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try it with a demo athlete' })).toBeTruthy();
  });
});

const BASIS_OFF = { coachActivities: 14, fileAndExport: 14, stravaApi: 0, keptOut: 302, stravaApiAllowed: false };
const COVERAGE = { activities: 316, ...BASIS_OFF, muchLess: true };
const STORED = {
  id: 'r1',
  date: '2026-11-24',
  content: 'An **easy** hour today.',
  status: 'complete',
  model: 'claude-x',
  inputTokens: 1,
  outputTokens: 1,
  contextActivityIds: ['a1', 'a2', 'a3'],
  metrics: null,
  createdAt: '2026-11-24T06:00:00Z',
};

describe('Dashboard: what the coach sees', () => {
  beforeEach(() => localStorage.clear());

  it('says once when the coach sees much less, with the two ways forward, until dismissed', async () => {
    routes({ 'GET /api/ai/coverage': () => json(200, COVERAGE) });
    const first = render(Dashboard);
    const notice = await screen.findByRole('region', { name: 'The coach sees 14 of your 316 activities' });
    expect(notice.getAttribute('data-testid')).toBe('coverage-notice');
    expect(notice.textContent).toContain(
      'The other 302 came only through Strava’s API, and your coach data policy keeps Strava API data from the AI coach.',
    );
    expect(within(notice).getByRole('link', { name: 'Allow Strava data for the coach' }).getAttribute('href')).toBe('/settings#coach-data-policy');
    expect(within(notice).getByRole('link', { name: 'Import your Strava export' }).getAttribute('href')).toBe('/import');

    await fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('coverage-notice')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Dashboard', level: 1 })));
    first.unmount();

    // Remembered: the next visit does not show it again.
    const fetchMock = routes({ 'GET /api/ai/coverage': () => json(200, COVERAGE) });
    render(Dashboard);
    await vi.waitFor(() => expect(fetchMock.mock.calls.some(([u]) => u === '/api/ai/coverage')).toBe(true));
    await screen.findByText('Neither fresh nor tired: a normal training day.');
    expect(screen.queryByTestId('coverage-notice')).toBeNull();
  });

  it('shows no notice when the coach sees (nearly) everything, or coverage is not there', async () => {
    const fetchMock = routes({ 'GET /api/ai/coverage': () => json(200, { ...COVERAGE, coachActivities: 300, muchLess: false }) });
    const view = render(Dashboard);
    await vi.waitFor(() => expect(fetchMock.mock.calls.some(([u]) => u === '/api/ai/coverage')).toBe(true));
    await screen.findByText('Neither fresh nor tired: a normal training day.');
    expect(screen.queryByTestId('coverage-notice')).toBeNull();
    view.unmount();

    // An older server: 404, and nothing breaks.
    routes({ 'GET /api/ai/coverage': () => apiError(404, 'not_found', 'Not found') });
    render(Dashboard);
    expect(await screen.findByText('Neither fresh nor tired: a normal training day.')).toBeTruthy();
    expect(screen.queryByTestId('coverage-notice')).toBeNull();
  });

  it('says what a stored answer was based on, with a link to change the policy, and which set it saw', async () => {
    routes({
      'GET /api/ai/coverage': () => json(200, COVERAGE),
      'GET /api/ai/recommendation': () => json(200, { rules: RULES, ai: { ...STORED, basis: BASIS_OFF, outdated: false, outdatedReasons: [] } }),
    });
    render(Dashboard);
    const meta = await screen.findByTestId('answer-meta');
    expect(meta.textContent!.replace(/\s+/g, ' ')).toContain(
      'based on your 14 file and export activities; 302 Strava activities are kept out by your coach data policy — change',
    );
    expect(within(meta).getByRole('link', { name: 'change the coach data policy' }).getAttribute('href')).toBe('/settings#coach-data-policy');
    expect(screen.getByTestId('answer-different-set').textContent).toBe(
      'The card counts all 316 activities; this answer saw your 14 file and export activities.',
    );
    expect(screen.queryByTestId('answer-outdated')).toBeNull();
  });

  it('marks an outdated answer and asks again from the marker', async () => {
    const fetchMock = routes({
      'GET /api/ai/coverage': () => json(200, { ...COVERAGE, coachActivities: 316, muchLess: false }),
      'GET /api/ai/recommendation': () =>
        json(200, {
          rules: RULES,
          ai: { ...STORED, basis: { ...BASIS_OFF, coachActivities: 316, fileAndExport: 316, keptOut: 0 }, outdated: true, outdatedReasons: ['new_activities', 'policy_changed'] },
        }),
      'POST /api/ai/recommendation': () =>
        sse(['event: start\ndata: {"streamId":"s1","model":"claude"}\n\n', 'event: token\ndata: {"text":"Fresh answer."}\n\n', 'event: done\ndata: {"status":"complete"}\n\n']),
    });
    render(Dashboard);
    const marker = await screen.findByTestId('answer-outdated');
    expect(within(marker).getByText('Outdated: a new activity arrived since; your coach data policy changed since')).toBeTruthy();
    // The same number on both sides: nothing to explain.
    expect(screen.queryByTestId('answer-different-set')).toBeNull();
    await fireEvent.click(within(marker).getByRole('button', { name: 'Ask again' }));
    await vi.waitFor(() =>
      expect(fetchMock.mock.calls.some(([u, i]) => u === '/api/ai/recommendation' && (i as RequestInit)?.method === 'POST')).toBe(true),
    );
    expect(await screen.findByText('Fresh answer.')).toBeTruthy();
  });

  it('keeps the old meta line for answers stored before the basis, never marked outdated', async () => {
    routes({
      'GET /api/ai/coverage': () => json(200, COVERAGE),
      'GET /api/ai/recommendation': () => json(200, { rules: RULES, ai: STORED }),
    });
    render(Dashboard);
    const meta = await screen.findByTestId('answer-meta');
    expect(meta.textContent).toContain('based on 3 activities');
    expect(within(meta).queryByRole('link')).toBeNull();
    expect(screen.queryByTestId('answer-outdated')).toBeNull();
    expect(screen.queryByTestId('answer-different-set')).toBeNull();
  });

  it('shows what a stored recommendation looked up, collapsed; an answer without lookups has no line', async () => {
    const toolCalls = [
      { id: 'toolu_1', name: 'training_load', arguments: { from: '2026-10-01', to: '2026-11-24' }, summary: 'load 2026-10-01 to 2026-11-24', ok: true, resultSummary: '55 days', bytes: 2300 },
    ];
    routes({
      'GET /api/ai/coverage': () => json(200, COVERAGE),
      'GET /api/ai/recommendation': () => json(200, { rules: RULES, ai: { ...STORED, toolCalls } }),
    });
    const first = render(Dashboard);
    const line = await screen.findByRole('button', { name: 'Looked up: load 2026-10-01 to 2026-11-24' });
    expect(line.getAttribute('aria-expanded')).toBe('false');
    first.unmount();

    routes({
      'GET /api/ai/coverage': () => json(200, COVERAGE),
      'GET /api/ai/recommendation': () => json(200, { rules: RULES, ai: STORED }),
    });
    render(Dashboard);
    expect(await screen.findByText('easy')).toBeTruthy();
    expect(screen.queryByTestId('tool-lookups')).toBeNull();
  });

  it('shows the basis of a new answer from its first frame', async () => {
    routes({
      'GET /api/ai/coverage': () => json(200, COVERAGE),
      'POST /api/ai/recommendation': () =>
        sse([
          `event: start\ndata: ${JSON.stringify({ streamId: 's1', model: 'claude', basis: BASIS_OFF })}\n\n`,
          'event: token\ndata: {"text":"Rest."}\n\n',
          'event: done\ndata: {"status":"complete"}\n\n',
        ]),
    });
    render(Dashboard);
    await fireEvent.click(await screen.findByRole('button', { name: 'Ask the coach' }));
    expect(await screen.findByText(/^based on your 14 file and export activities; 302 Strava activities are kept out/)).toBeTruthy();
    expect(screen.getByTestId('answer-different-set').textContent).toContain('The card counts all 316 activities');
  });
});

describe('Dashboard: Strava copies at risk', () => {
  it('points to Settings when Strava copies will expire', async () => {
    routes({
      'GET /api/strava/status': () =>
        json(200, {
          configured: true, connected: false, athleteId: null, athleteName: null, scopes: [], needsReauth: false, lastSyncAt: null, sync: null, rateLimit: null,
          copies: { count: 300, oldestRefreshedAt: '2026-11-20T10:00:00Z', expiresAt: '2026-11-27T10:00:00Z', retention: 'strava_policy', atRisk: true, reason: 'not_connected' },
          refresh: null,
        }),
    });
    render(Dashboard);
    const line = await screen.findByTestId('sync-copies-at-risk');
    expect(line.textContent!.replace(/\s+/g, ' ')).toMatch(/Your Strava activities will be removed from .+ unless Strava confirms them again\./);
    expect(within(line).getByRole('link', { name: 'What to do' }).getAttribute('href')).toBe('/settings');
  });
  it('shows a pending threshold suggestion with a link to review it in Settings', async () => {
    routes({
      'GET /api/settings/thresholds/suggestions': () =>
        json(200, {
          suggestions: [
            { id: 's1', kind: 'ftp', value: 276, current: 265, validFrom: '2026-11-02', activityId: 'a9', activityName: 'Hill climb', evidence: 'Best 20 min 290 W on 2026-11-02 gives eFTP 276 W', createdAt: '2026-11-02T12:00:00Z' },
          ],
        }),
    });
    render(Dashboard);
    const notice = await screen.findByTestId('suggestion-notice');
    expect(notice.textContent).toMatch(/Your eFTP suggests FTP 276 W/);
    expect(within(notice).getByRole('link', { name: 'review' }).getAttribute('href')).toBe('/settings#thresholds');
  });

  it('shows no suggestion notice when there is none', async () => {
    routes();
    render(Dashboard);
    await screen.findByText('Neutral: normal training, neither fresh nor overreached');
    expect(screen.queryByTestId('suggestion-notice')).toBeNull();
  });
});
