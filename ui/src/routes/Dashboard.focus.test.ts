// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Dashboard from './Dashboard.svelte';
import { json, openSse, stubFetch } from '../test/http';

vi.mock('../lib/state/live.svelte', () => ({
  live: { activitiesVersion: 0, sync: null, importJob: null, status: 'idle', start: vi.fn(), stop: vi.fn() },
}));

const STATS = {
  date: '2026-11-24', ctl: 48.13, atl: 38.63, tsb: 4.73, tsbAfter: 9.5, ramp: 0.39, zone: 'neutral',
  zoneMeaning: 'Neutral: normal training, neither fresh nor overreached', formPct: 9.8, monotony: 1.1, strain: 404,
  acwr: 0.66, warmingUp: false, firstActivity: '2023-11-21', methodMix: [],
  thresholds: { sex: 'male', maxHr: 188, maxHrEstimated: false, restingHr: 50, restingHrEstimated: false, lthr: 168, lthrEstimated: false, ftpW: 250, ftpEstimated: false },
};
const RULES = {
  verdict: 'train', headline: 'Train', advice: 'A normal training day.', source: 'rules', fitness: 48.13,
  fatigue: 38.63, form: 4.73, zone: 'neutral', zoneWords: 'Neutral', ramp: 0.39,
};

describe('Dashboard focus while the coach answers', () => {
  it('passes focus from Ask to Stop while the answer streams, and back when it ends, never to the body', { timeout: 20_000 }, async () => {
    const stream = openSse();
    stubFetch({
      'GET /api/activities/stats': () => json(200, STATS),
      'GET /api/activities?limit=5&sort=date_desc': () => json(200, { items: [], total: 0, limit: 5, offset: 0, nextCursor: null }),
      'GET /api/ai/recommendation': () => json(200, { rules: RULES, ai: null }),
      'GET /api/settings/thresholds/suggestions': () => json(200, { suggestions: [] }),
      'GET /api/load/pmc': () => json(200, { from: '2026-08-27', to: '2026-11-24', today: '2026-11-24', warmingUp: false, days: [] }),
      'GET /api/strava/status': () =>
        json(200, { configured: false, connected: false, athleteId: null, athleteName: null, scopes: [], needsReauth: false, lastSyncAt: null, sync: null, rateLimit: null }),
      'POST /api/ai/recommendation': () => stream.response,
    });
    render(Dashboard);
    // The panels show once every first request has answered, then the lower ones a task later: slow on a loaded machine.
    const ask = await screen.findByRole('button', { name: 'Ask the coach' }, { timeout: 5000 });
    ask.focus();
    await fireEvent.click(ask);
    const stop = await screen.findByRole('button', { name: 'Stop' });
    await vi.waitFor(() => expect(document.activeElement).toBe(stop));

    stream.push('event: start\ndata: {"streamId":"s1","model":"claude"}\n\n');
    stream.push('id: 1\nevent: token\ndata: {"text":"Easy run today."}\n\n');
    stream.push('event: done\ndata: {"status":"complete"}\n\n');
    stream.close();
    const again = await screen.findByRole('button', { name: 'Ask the coach again' });
    await vi.waitFor(() => expect(document.activeElement).toBe(again));
  });
});
