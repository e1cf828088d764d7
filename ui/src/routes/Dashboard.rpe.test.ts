// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Dashboard from './Dashboard.svelte';
import { json, stubFetch } from '../test/http';

const RULES = { verdict: 'train', headline: 'Train', advice: 'A normal day.', source: 'rules', fitness: 0, fatigue: 0, form: 0, zone: 'neutral', zoneWords: 'Neutral', ramp: 0 };
const DAY = '2026-12-07';

describe('Dashboard: how hard did it feel?', () => {
  it('asks about the unrated activity last on the page, below the check-in, so nothing above it moves', async () => {
    stubFetch({
      'GET /api/activities/stats': () =>
        json(200, { date: DAY, ctl: 40, atl: 35, tsb: 5, ramp: 0, zone: 'neutral', zoneMeaning: 'Neutral', acwr: null, warmingUp: false, firstActivity: '2026-01-01', thresholds: null }),
      'GET /api/activities?limit=5&sort=date_desc': () => json(200, { items: [], total: 1, limit: 5, offset: 0, nextCursor: null }),
      'GET /api/ai/recommendation': () => json(200, { rules: RULES, ai: null }),
      'GET /api/settings/thresholds/suggestions': () => json(200, { suggestions: [] }),
      'GET /api/load/estimate-changes': () => json(200, { changes: [] }),
      'GET /api/ai/coverage': () => json(200, { activities: 1, coachActivities: 1, fileAndExport: 1, stravaApi: 0, keptOut: 0, stravaApiAllowed: false, muchLess: false }),
      'GET /api/load/pmc': () => json(200, { from: '2026-09-09', to: DAY, today: DAY, warmingUp: false, days: [] }),
      'GET /api/strava/status': () =>
        json(200, { configured: false, connected: false, athleteId: null, athleteName: null, scopes: [], needsReauth: false, lastSyncAt: null, sync: null, rateLimit: null }),
      [`GET /api/wellness?from=${DAY}&to=${DAY}`]: () => json(200, { from: DAY, to: DAY, days: [] }),
      'GET /api/activities/rpe-prompt': () =>
        json(200, { id: 'a-9', name: 'Evening swim', sportType: 'Swim', startDateLocal: '2026-12-06T19:00:00', movingTimeS: 1800 }),
    });
    render(Dashboard);
    const prompt = await screen.findByTestId('rpe-prompt');
    expect(screen.getByRole('heading', { name: 'How hard did Evening swim feel?' })).toBeTruthy();
    await screen.findByRole('heading', { name: 'Morning check-in' });
    const page = screen.getByRole('region', { name: 'Dashboard' });
    expect(page.lastElementChild).toBe(prompt);
  }, 20_000); // the file's first render compiles the dashboard: slow on a loaded machine
});
