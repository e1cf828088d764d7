// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ActivityPage from './Activity.svelte';
import { apiError, json, stubFetch } from '../test/http';

vi.mock('../lib/state/live.svelte', () => ({
  live: { activitiesVersion: 0, sync: null, importJob: null, status: 'idle', start: vi.fn(), stop: vi.fn() },
}));

const ACTIVITY = {
  id: 'a1',
  source: 'file',
  externalId: null,
  sportType: 'Run',
  sportFamily: 'run',
  name: 'Hill repeats',
  description: null,
  notes: null,
  startDate: '2026-11-23T06:30:00Z',
  startDateLocal: '2026-11-23T07:30:00',
  timeZone: 'Europe/Paris',
  movingTimeS: 3600,
  elapsedTimeS: 3900,
  distanceM: 12000,
  elevationGainM: 240,
  avgHr: 152,
  maxHr: 178,
  avgPowerW: null,
  weightedPowerW: null,
  deviceWatts: null,
  kilojoules: null,
  avgCadence: 86,
  avgSpeedMps: 3.3333,
  maxSpeedMps: 5,
  rpe: null,
  calories: 820,
  trainer: false,
  commute: false,
  manual: false,
  summaryPolyline: '_p~iF~ps|U_ulLnnqC_mqNvxq`@',
  load: 88.4,
  loadMethod: 'HEART_RATE',
  loadEstimated: true,
  computedLoad: 88.4,
  loadOverride: null,
  createdAt: '2026-11-23T09:00:00Z',
  updatedAt: '2026-11-23T09:00:00Z',
  primaryActivityId: null,
  merged: [{ id: 'c2', source: 'strava' }],
};
const STATS = { thresholds: { lthr: 170, lthrEstimated: false } };

function routes(extra: Record<string, (init: RequestInit) => Response | Promise<Response>> = {}) {
  return stubFetch({
    'GET /api/activities/a1': () => json(200, ACTIVITY),
    'GET /api/activities/a1/streams': () => apiError(404, 'not_found', 'No streams'),
    'GET /api/ai/activity-insight/a1': () => apiError(404, 'not_found', 'No insight'),
    'GET /api/activities/stats': () => json(200, STATS),
    ...extra,
  });
}

describe('Activity page', () => {
  it('shows the metrics in the athlete’s units and the route as SVG without map tiles', async () => {
    routes();
    const { container } = render(ActivityPage, { id: 'a1' });
    expect(await screen.findByRole('heading', { name: 'Hill repeats', level: 1 })).toBeTruthy();
    expect(screen.getByText('12.0 km')).toBeTruthy();
    expect(screen.getByText('5:00 /km')).toBeTruthy();
    expect(screen.getByText('+5 min stopped')).toBeTruthy();
    expect(screen.getByText('88')).toBeTruthy();
    expect(screen.getByText(/Heart rate · estimated threshold/)).toBeTruthy();
    const svg = screen.getByRole('img', { name: /Route of this activity/ });
    expect(svg.querySelector('path')?.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+L/);
    // Nothing is loaded from elsewhere: no images, no tiles.
    expect(container.querySelectorAll('img, iframe')).toHaveLength(0);
    expect(await screen.findByText('No detailed data was recorded for this activity.')).toBeTruthy();
  });

  it('saves the RPE and shows the recomputed load', async () => {
    const fetchMock = routes({
      'PATCH /api/activities/a1': () => json(200, { ...ACTIVITY, rpe: 7, load: 91 }),
    });
    render(ActivityPage, { id: 'a1' });
    const select = (await screen.findByLabelText('Effort (RPE, 1–10)')) as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: '7' } });
    expect(await screen.findByText('Saved. Load updated.')).toBeTruthy();
    expect(screen.getByText('91')).toBeTruthy();
    const patch = fetchMock.mock.calls.find(([, i]) => (i as RequestInit)?.method === 'PATCH')!;
    expect(JSON.parse((patch[1] as RequestInit).body as string)).toEqual({ rpe: 7 });
  });

  it('splits a wrong merge', async () => {
    const fetchMock = routes({
      'POST /api/activities/c2/unmerge': () => json(200, { ...ACTIVITY, id: 'c2' }),
    });
    render(ActivityPage, { id: 'a1' });
    await fireEvent.click(await screen.findByRole('button', { name: 'Split' }));
    await vi.waitFor(() =>
      expect(fetchMock.mock.calls.some(([u, i]) => u === '/api/activities/c2/unmerge' && (i as RequestInit).method === 'POST')).toBe(true),
    );
  });

  it('explains when the coach may not read a Strava API activity', async () => {
    routes({
      'POST /api/ai/activity-insight': () =>
        apiError(403, 'excluded_by_data_policy', 'This activity came from the Strava API'),
    });
    render(ActivityPage, { id: 'a1' });
    await fireEvent.click(await screen.findByRole('button', { name: 'Analyse this activity' }));
    expect(await screen.findByText(/coach data policy keeps Strava API data away/)).toBeTruthy();
  });

  it('says so when the activity does not exist', async () => {
    routes({ 'GET /api/activities/a1': () => apiError(404, 'not_found', 'Activity not found') });
    render(ActivityPage, { id: 'a1' });
    expect(await screen.findByRole('heading', { name: 'Activity not found' })).toBeTruthy();
  });
});
