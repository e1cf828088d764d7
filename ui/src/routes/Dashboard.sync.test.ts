// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dashboard from './Dashboard.svelte';
import { json, stubFetch } from '../test/http';
import type { FakeLive } from '../test/live.svelte';

const fake = vi.hoisted(() => ({ live: null as FakeLive | null }));
vi.mock('../lib/state/live.svelte', async () => {
  const { FakeLive } = await import('../test/live.svelte');
  fake.live = new FakeLive();
  return { live: fake.live };
});

const RULES = { verdict: 'train', headline: 'Train', advice: 'A normal day.', source: 'rules', fitness: 0, fatigue: 0, form: 0, zone: 'neutral', zoneWords: 'Neutral', ramp: 0 };

afterEach(() => vi.useRealTimers());

describe('Dashboard during a long first sync', () => {
  it('fills in fitness and the chart as pages are stored, not only at the end', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // Each read of the stats sees a little more fitness, as the server settles loads page by page.
    let statsCalls = 0;
    let pmcCalls = 0;
    stubFetch({
      'GET /api/activities/stats': () => {
        statsCalls++;
        return json(200, { date: '2026-11-24', ctl: statsCalls * 10, atl: 5, tsb: 0, ramp: 0, zone: 'neutral', zoneMeaning: 'Neutral', acwr: null, warmingUp: false, firstActivity: '2026-01-01', thresholds: null });
      },
      'GET /api/activities?limit=5&sort=date_desc': () => json(200, { items: [], total: statsCalls * 200, limit: 5, offset: 0, nextCursor: null }),
      'GET /api/ai/recommendation': () => json(200, { rules: RULES, ai: null }),
      'GET /api/settings/thresholds/suggestions': () => json(200, { suggestions: [] }),
      'GET /api/load/estimate-changes': () => json(200, { changes: [] }),
      'GET /api/ai/coverage': () => json(200, { activities: 0, coachActivities: 0, fileAndExport: 0, stravaApi: 0, keptOut: 0, stravaApiAllowed: false, muchLess: false }),
      'GET /api/load/pmc': () => {
        pmcCalls++;
        return json(200, { from: '2026-08-27', to: '2026-11-24', today: '2026-11-24', warmingUp: false, days: [] });
      },
      'GET /api/strava/status': () =>
        json(200, { configured: true, connected: true, athleteId: 1, athleteName: 'Ana', scopes: [], needsReauth: false, lastSyncAt: null, sync: null, rateLimit: null }),
    });
    render(Dashboard);
    await vi.waitFor(() => expect(screen.getByText('10')).toBeTruthy());
    expect(statsCalls).toBe(1);

    // A page is stored every 500 ms for 8 s; each bumps the activities version (as the live feed does).
    for (let page = 0; page < 16; page++) {
      fake.live!.activitiesVersion++;
      await vi.advanceTimersByTimeAsync(500);
    }
    // Still syncing: the numbers moved on several times meanwhile (a reload at most every 2.5 s).
    expect(statsCalls).toBeGreaterThanOrEqual(4);
    expect(statsCalls).toBeLessThanOrEqual(5);
    expect(pmcCalls).toBe(statsCalls);
    expect(screen.getByText(String(statsCalls * 10))).toBeTruthy();
  });
});
