// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dashboard from './Dashboard.svelte';
import { json, stubFetch, USER } from '../test/http';
import { session } from '../lib/state/session.svelte';
import { daysBefore } from '../lib/format';

vi.mock('../lib/state/live.svelte', () => ({
  live: { activitiesVersion: 0, sync: null, importJob: null, status: 'idle', start: vi.fn(), stop: vi.fn() },
}));

const TODAY = '2026-11-24';
const STATS = {
  date: TODAY, ctl: 48, atl: 38, tsb: 4, tsbAfter: 9, ramp: 0.4, zone: 'neutral', zoneMeaning: 'Neutral', formPct: 9.8,
  monotony: 1.1, strain: 404, acwr: 0.66, warmingUp: false, firstActivity: '2023-11-21', thresholds: null, methodMix: [],
};
const RULES = { verdict: 'train', headline: 'Train', advice: 'A normal day.', source: 'rules', fitness: 48, fatigue: 38, form: 4, zone: 'neutral', zoneWords: 'Neutral', ramp: 0.4 };
const DAY = { date: TODAY, load: 60, ctl: 48, atl: 38, tsb: 4, tsbAfter: 9, ramp: 0.4, zone: 'neutral' };
const future = (projection: string) => `/api/load/pmc?from=${TODAY}&to=${daysBefore(TODAY, -120)}&projection=${projection}`;

/** 120 days ahead: a planned session on day 3 (plan only), a marathon on day 47 with its projected form. */
function ahead(projection: 'plan' | 'rest', planned = true) {
  const days = Array.from({ length: 121 }, (_, n) => ({
    ...DAY,
    date: daysBefore(TODAY, -n),
    load: n === 0 ? 60 : 0,
    ctl: 48 - n * 0.1,
    projected: n > 0,
    plannedLoad: projection === 'plan' && planned && n === 3 ? 90 : 0,
  }));
  const events = planned ? [{ date: daysBefore(TODAY, -47), name: 'City Marathon', priority: 'A', sport: 'Run', form: projection === 'plan' ? 12 : 25 }] : [];
  return { from: TODAY, to: days[120].date, today: TODAY, warmingUp: false, days, events };
}

function routes(planned = true) {
  return stubFetch({
    'GET /api/activities/stats': () => json(200, STATS),
    'GET /api/activities?limit=5&sort=date_desc': () => json(200, { items: [], total: 3, limit: 5, offset: 0, nextCursor: null }),
    'GET /api/ai/recommendation': () => json(200, { rules: RULES, ai: null }),
    'GET /api/ai/coverage': () => json(404, { error: { code: 'not_found', message: 'Not found', field: null } }),
    'GET /api/load/pmc': () => json(200, { from: '2026-08-27', to: TODAY, today: TODAY, warmingUp: false, days: [DAY] }),
    [`GET ${future('plan')}`]: () => json(200, ahead('plan', planned)),
    [`GET ${future('rest')}`]: () => json(200, ahead('rest', planned)),
  });
}

const futureCalls = (mock: ReturnType<typeof routes>) =>
  mock.mock.calls.map(([u]) => String(u)).filter((u) => u.includes('projection='));
const chartLabel = () => screen.getByRole('img', { name: /^Performance chart/ }).getAttribute('aria-label')!;

describe('Dashboard: the days ahead on the chart', () => {
  beforeEach(() => {
    localStorage.clear();
    session.user = USER;
  });
  afterEach(() => {
    session.user = null;
  });

  it('projects the plan up to the next A race, marks the race with its projected form, and switches to rest (remembered)', async () => {
    const first = routes();
    const view = render(Dashboard);
    const asPlanned = (await screen.findByRole('radio', { name: 'As planned' })) as HTMLInputElement;
    expect(asPlanned.checked).toBe(true);
    const events = await screen.findByRole('list', { name: 'Events ahead' });
    expect(events.textContent).toMatch(/City Marathon, Sun, 10 Jan 2027: projected form \+12/);
    expect(chartLabel()).toContain('The 47 days after it are projected from your plan, drawn dashed.');
    expect(futureCalls(first)).toEqual([future('plan')]);

    await fireEvent.click(screen.getByRole('radio', { name: 'Rest' }));
    await vi.waitFor(() => expect(events.textContent).toMatch(/projected form \+25/));
    expect(chartLabel()).toContain('The 47 days after it are projected with rest');
    expect(futureCalls(first)).toEqual([future('plan'), future('rest')]);
    expect(localStorage.getItem(`fitcoach.pmcProjection.${USER.id}`)).toBe('rest');
    view.unmount();

    const second = routes();
    render(Dashboard);
    expect(((await screen.findByRole('radio', { name: 'Rest' })) as HTMLInputElement).checked).toBe(true);
    await vi.waitFor(() => expect(futureCalls(second)).toEqual([future('rest')]));
  }, 30_000);

  it('shows no days ahead and no toggle when nothing is planned', async () => {
    const mock = routes(false);
    render(Dashboard);
    await screen.findByRole('img', { name: /^Performance chart/ });
    await vi.waitFor(() => expect(futureCalls(mock)).toEqual([future('plan')]));
    expect(screen.queryByRole('radio', { name: 'As planned' })).toBeNull();
    expect(chartLabel()).not.toContain('projected');
  }, 20_000);
});
