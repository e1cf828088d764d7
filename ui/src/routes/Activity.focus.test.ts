// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ActivityPage from './Activity.svelte';
import { focusHeading } from '../lib/focus';
import { apiError, json, stubFetch } from '../test/http';

vi.mock('../lib/state/live.svelte', () => ({
  live: { activitiesVersion: 0, sync: null, importJob: null, status: 'idle', start: vi.fn(), stop: vi.fn() },
}));

const ACTIVITY = {
  id: 'a1', source: 'file', externalId: null, sportType: 'Run', sportFamily: 'run', name: 'Hill repeats',
  description: null, notes: null, startDate: '2026-11-23T06:30:00Z', startDateLocal: '2026-11-23T07:30:00',
  timeZone: 'Europe/Paris', movingTimeS: 3600, elapsedTimeS: 3900, distanceM: 12000, elevationGainM: 240, avgHr: 152,
  maxHr: 178, avgPowerW: null, weightedPowerW: null, deviceWatts: null, kilojoules: null, avgCadence: 86,
  avgSpeedMps: 3.3333, maxSpeedMps: 5, rpe: null, calories: 820, trainer: false, commute: false, manual: false,
  summaryPolyline: null, load: 88.4, loadMethod: 'HEART_RATE', loadEstimated: true, computedLoad: 88.4,
  loadOverride: null, createdAt: '2026-11-23T09:00:00Z', updatedAt: '2026-11-23T09:00:00Z', primaryActivityId: null,
  merged: null, mergeReason: null, mergedAt: null, mergeChoice: null, legs: null,
};

describe('Activity focus', () => {
  it('the heading focused on opening (while loading) hands focus to the loaded activity’s heading', { timeout: 20_000 }, async () => {
    let arrive!: (r: Response) => void;
    stubFetch({
      'GET /api/activities/a1': () => new Promise<Response>((r) => (arrive = r)),
      'GET /api/activities/a1/streams': () => apiError(404, 'not_found', 'No streams'),
      'GET /api/activities/a1/analysis': () => apiError(404, 'not_found', 'No streams'),
      'GET /api/ai/activity-insight/a1': () => apiError(404, 'not_found', 'No insight'),
      'GET /api/activities/stats': () => json(200, { thresholds: { lthr: 170, lthrEstimated: false } }),
    });
    // Inside <main>, as App.svelte renders it, which then calls focusHeading() after the screen change.
    render(ActivityPage, { props: { id: 'a1' }, target: document.body.appendChild(document.createElement('main')) });
    await focusHeading();
    const loading = screen.getByRole('heading', { name: 'Loading activity', level: 1 });
    expect(document.activeElement).toBe(loading);
    await vi.waitFor(() => expect(arrive).toBeTypeOf('function'));
    arrive(json(200, ACTIVITY));
    const heading = await screen.findByRole('heading', { name: 'Hill repeats', level: 1 });
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));
  });
});
