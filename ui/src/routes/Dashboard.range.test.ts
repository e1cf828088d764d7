// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dashboard from './Dashboard.svelte';
import { json, stubFetch, USER } from '../test/http';
import { session } from '../lib/state/session.svelte';

vi.mock('../lib/state/live.svelte', () => ({
  live: { activitiesVersion: 0, sync: null, importJob: null, status: 'idle', start: vi.fn(), stop: vi.fn() },
}));

const STATS = {
  date: '2026-11-24',
  ctl: 48,
  atl: 38,
  tsb: 4,
  tsbAfter: 9,
  ramp: 0.4,
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
  fitness: 48,
  fatigue: 38,
  form: 4,
  zone: 'neutral',
  zoneWords: 'Neutral',
  ramp: 0.4,
};
const DAY = { date: '2026-11-24', load: 60, ctl: 48, atl: 38, tsb: 4, tsbAfter: 9, ramp: 0.4, zone: 'neutral' };
const ALL = '/api/load/pmc?from=2023-11-21&to=2026-11-24&by=week';

function routes() {
  return stubFetch({
    'GET /api/activities/stats': () => json(200, STATS),
    'GET /api/activities?limit=5&sort=date_desc': () => json(200, { items: [], total: 0, limit: 5, offset: 0, nextCursor: null }),
    'GET /api/ai/recommendation': () => json(200, { rules: RULES, ai: null }),
    'GET /api/ai/coverage': () => json(404, { error: { code: 'not_found', message: 'Not found', field: null } }),
    'GET /api/load/pmc': () => json(200, { from: '2026-08-27', to: '2026-11-24', today: '2026-11-24', warmingUp: false, days: [DAY] }),
    [`GET ${ALL}`]: () =>
      json(200, {
        from: '2023-11-21',
        to: '2026-11-24',
        today: '2026-11-24',
        warmingUp: false,
        days: [DAY],
        weeks: [{ weekStart: '2026-11-23', last: '2026-11-24', days: 2, load: 140, ctl: 48, atl: 38, tsbAfter: 9 }],
      }),
  });
}

// The days ahead are a request of their own (see Dashboard.projection.test.ts).
const pmcCalls = (mock: ReturnType<typeof routes>) => mock.mock.calls.map(([u]) => String(u)).filter((u) => u.startsWith('/api/load/pmc') && !u.includes('projection='));

describe("Dashboard: the chart's range", () => {
  beforeEach(() => {
    localStorage.clear();
    session.user = USER;
  });
  afterEach(() => {
    session.user = null;
  });

  it('is remembered for the athlete: coming back shows the range chosen, fetched as weekly bars from the first activity', async () => {
    const first = routes();
    const view = render(Dashboard);
    await vi.waitFor(() => expect(pmcCalls(first)).toEqual(['/api/load/pmc']));
    await fireEvent.click(await screen.findByRole('radio', { name: 'All' }));
    await vi.waitFor(() => expect(pmcCalls(first)).toEqual(['/api/load/pmc', ALL]));
    expect(await screen.findByText('Week load')).toBeTruthy();
    view.unmount();

    const second = routes();
    render(Dashboard);
    await vi.waitFor(() => expect(pmcCalls(second)).toEqual([ALL]));
    expect(((await screen.findByRole('radio', { name: 'All' })) as HTMLInputElement).checked).toBe(true);
    expect(await screen.findByText('Week load')).toBeTruthy();
  }, 20_000);

  it('is kept per user: another athlete in the same browser starts at 90 days', async () => {
    localStorage.setItem(`fitcoach.pmcRange.${USER.id}`, 'all');
    session.user = { ...USER, id: 2 };
    const mock = routes();
    render(Dashboard);
    await vi.waitFor(() => expect(pmcCalls(mock)).toEqual(['/api/load/pmc']));
    expect(((await screen.findByRole('radio', { name: '90 days' })) as HTMLInputElement).checked).toBe(true);
  });

  it('ignores a stored value that is no range', async () => {
    localStorage.setItem(`fitcoach.pmcRange.${USER.id}`, '5y');
    const mock = routes();
    render(Dashboard);
    await vi.waitFor(() => expect(pmcCalls(mock)).toEqual(['/api/load/pmc']));
    expect(((await screen.findByRole('radio', { name: '90 days' })) as HTMLInputElement).checked).toBe(true);
  });
});
