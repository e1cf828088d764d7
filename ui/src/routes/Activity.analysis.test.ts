// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ActivityPage from './Activity.svelte';
import { apiError, json, stubFetch } from '../test/http';

vi.mock('../lib/state/live.svelte', () => ({
  live: { activitiesVersion: 0, sync: null, importJob: null, status: 'idle', start: vi.fn(), stop: vi.fn() },
}));

const RIDE = {
  id: 'r1', source: 'file', externalId: null, sportType: 'Ride', sportFamily: 'ride', name: 'Tempo ride', description: null,
  notes: null, startDate: '2026-03-04T07:00:00Z', startDateLocal: '2026-03-04T08:00:00', timeZone: 'Europe/Paris',
  movingTimeS: 3600, elapsedTimeS: 3700, distanceM: 32000, elevationGainM: 300, avgHr: 145, maxHr: 170, avgPowerW: 220,
  weightedPowerW: 235, deviceWatts: true, kilojoules: 790, avgCadence: 88, avgSpeedMps: 8.9, maxSpeedMps: 15, rpe: null,
  calories: null, trainer: false, commute: false, manual: false, summaryPolyline: null, load: 70, loadMethod: 'power',
  loadEstimated: false, computedLoad: 70, loadOverride: null, createdAt: '2026-03-04T09:00:00Z', updatedAt: '2026-03-04T09:00:00Z',
  primaryActivityId: null, merged: null, mergeReason: null, mergedAt: null, mergeChoice: null, legs: null,
};

const curve = (values: [number, number][]) => values.map(([durationS, value]) => ({ durationS, value, startS: 10 }));
const best = (values: [number, number][]) =>
  values.map(([durationS, value]) => ({ durationS, value, activityId: 'b1', activityName: 'Best ride', date: '2026-05-01', startS: 0 }));

const ANALYSIS = {
  activityId: 'r1',
  sportFamily: 'ride',
  streams: true,
  gridSeconds: 3700,
  movingSeconds: 3600,
  curves: {
    power: curve([[5, 800], [60, 400], [300, 300], [1200, 250]]),
    heartRate: curve([[5, 172], [1200, 160]]),
    speed: curve([[5, 15], [1200, 9.5]]),
  },
  normalizedPowerW: 235,
  intensityFactor: 0.887,
  efficiencyFactor: 1.62,
  decouplingPercent: 3.4,
  decouplingBasis: 'POWER',
  zones: {
    power: { basis: 'ftp', bounds: [0, 146, 199, 239, 279, 318, 398], seconds: [300, 1200, 1200, 600, 300, 0, 0] },
    heartRate: { basis: 'lthr', bounds: [0, 116, 141, 160, 179], seconds: [600, 1800, 1000, 200, 0] },
  },
  bestEfforts: [],
  thresholds: { date: '2026-03-04', ftpW: 265, lthrBpm: 170, maxHrBpm: 188, restingHrBpm: 48, thresholdPaceSPerKm: null, weightKg: 71.5 },
  laps: [
    { index: 0, startS: 0, elapsedS: 1800, movingS: 1790, distanceM: 16000, avgHr: 140, maxHr: 160, avgPowerW: 210, normalizedPowerW: 220, avgSpeedMps: 8.9, trigger: 'manual' },
    { index: 1, startS: 1800, elapsedS: 1900, movingS: 1810, distanceM: 16000, avgHr: 150, maxHr: 170, avgPowerW: 230, normalizedPowerW: null, avgSpeedMps: 8.8, trigger: 'distance' },
  ],
  wPrimeBalance: { minimumJ: 1234, atS: 2525, cpW: 262, wPrimeJ: 20000, modelFrom: '2025-12-05', modelTo: '2026-03-04' },
  seasonBest: { from: '2025-12-05', to: '2026-12-04', power: best([[5, 950], [60, 450], [300, 330], [1200, 290]]), heartRate: [], speed: [] },
};

function routes(analysis: () => Response, activity: object = RIDE) {
  return stubFetch({
    'GET /api/activities/r1': () => json(200, activity),
    'GET /api/activities/r1/streams': () => json(200, { activityId: 'r1', points: 0, storedPoints: 0, streams: null }),
    'GET /api/activities/r1/analysis': analysis,
    'GET /api/ai/activity-insight/r1': () => json(200, null),
    'GET /api/activities/stats': () => json(200, { thresholds: { lthr: 170, lthrEstimated: false } }),
  });
}

describe('Activity analysis', () => {
  it('shows the laps', async () => {
    routes(() => json(200, ANALYSIS));
    render(ActivityPage, { id: 'r1' });
    const table = await screen.findByRole('table', { name: 'Laps of this activity, in order' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByText('29:50')).toBeTruthy();
    expect(within(rows[1]).getByText('16.0 km')).toBeTruthy();
    expect(within(rows[1]).getByText('32.0 km/h')).toBeTruthy();
    expect(within(rows[2]).getByText('30:10')).toBeTruthy();
    expect(within(rows[2]).getByText('230')).toBeTruthy();
  });

  it('reads the analysis and the streams again, live, once a new sport is saved', async () => {
    const analyses = [json(200, ANALYSIS), json(200, { ...ANALYSIS, laps: [ANALYSIS.laps[0]] })];
    const mock = stubFetch({
      'GET /api/activities/r1': () => json(200, RIDE),
      'GET /api/activities/r1/streams': () => json(200, { activityId: 'r1', points: 0, storedPoints: 0, streams: null }),
      'GET /api/activities/r1/analysis': () => analyses.shift()!,
      'GET /api/ai/activity-insight/r1': () => json(200, null),
      'GET /api/activities/stats': () => json(200, { thresholds: { lthr: 170, lthrEstimated: false } }),
      'PATCH /api/activities/r1': () =>
        json(200, { ...RIDE, sportType: 'VirtualRide', trainer: true, updatedAt: '2026-03-04T10:00:00Z' }),
    });
    const calls = (key: string) => mock.mock.calls.filter(([u, i]) => `${(i as RequestInit)?.method ?? 'GET'} ${u}` === key).length;
    render(ActivityPage, { id: 'r1' });
    const table = await screen.findByRole('table', { name: 'Laps of this activity, in order' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);

    await fireEvent.change(await screen.findByLabelText('Sport'), { target: { value: 'VirtualRide' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Laps of this activity, in order' })).getAllByRole('row')).toHaveLength(2),
    );
    expect(calls('GET /api/activities/r1/analysis')).toBe(2);
    expect(calls('GET /api/activities/r1/streams')).toBe(2);
    expect(calls('GET /api/ai/activity-insight/r1')).toBe(2);
    expect(calls('GET /api/activities/r1')).toBe(1); // the saved activity came with the PATCH answer
  });

  it('shows zone times from the thresholds in force that day', async () => {
    routes(() => json(200, ANALYSIS));
    render(ActivityPage, { id: 'r1' });
    const power = (await screen.findByRole('heading', { name: 'Power zones' })).closest('section')!;
    expect(within(power).getByText('Zones from FTP 265 W in force on Wed, 4 Mar 2026.')).toBeTruthy();
    const z2 = within(power).getByText('Endurance').closest('tr')!;
    expect(within(z2).getByText('146–198 W')).toBeTruthy();
    expect(within(z2).getByText('20 min')).toBeTruthy();
    expect(within(z2).getByText('33 %')).toBeTruthy();
    const hr = screen.getByRole('heading', { name: 'Heart-rate zones' }).closest('section')!;
    expect(within(hr).getByText(/threshold heart rate \(LTHR\) 170 bpm in force on Wed, 4 Mar 2026/)).toBeTruthy();
    expect(screen.getAllByRole('heading', { name: 'Heart-rate zones' })).toHaveLength(1);
  });

  it('shows a run’s time in pace zones from the threshold pace of that day', async () => {
    const run = { ...RIDE, sportType: 'Run', sportFamily: 'run', name: 'Tempo run', avgPowerW: null, weightedPowerW: null, deviceWatts: false };
    const analysis = {
      ...ANALYSIS,
      sportFamily: 'run',
      curves: { power: [], heartRate: [], pace: curve([[60, 250]]) },
      zones: {
        power: null,
        heartRate: null,
        pace: { basis: 'thresholdPace', bounds: [null, 348, 306, 285, 267, 261, 243], seconds: [0, 600, 0, 0, 0, 1200, 0] },
      },
      thresholds: { ...ANALYSIS.thresholds, thresholdPaceSPerKm: 270 },
      laps: [],
      seasonBest: null,
    };
    routes(() => json(200, analysis), run);
    render(ActivityPage, { id: 'r1' });
    const pace = (await screen.findByRole('heading', { name: 'Pace zones' })).closest('section')!;
    expect(within(pace).getByText('Zones from threshold pace 4:30 /km in force on Wed, 4 Mar 2026.')).toBeTruthy();
    const z2 = within(pace).getByText('Aerobic').closest('tr')!;
    expect(within(z2).getByText('5:48 /km – 5:06 /km')).toBeTruthy();
    expect(within(z2).getByText('10 min')).toBeTruthy();
    const z1 = within(pace).getByText('Recovery').closest('tr')!;
    expect(within(z1).getByText('slower than 5:48 /km')).toBeTruthy();
    const z7 = within(pace).getByText('Sprint').closest('tr')!;
    expect(within(z7).getByText('faster than 4:03 /km')).toBeTruthy();
  });

  it('explains decoupling, efficiency and intensity in one line each', async () => {
    routes(() => json(200, ANALYSIS));
    render(ActivityPage, { id: 'r1' });
    const panel = (await screen.findByRole('heading', { name: 'How it went' })).closest('section')!;
    expect(within(panel).getByText('3.4 %')).toBeTruthy();
    expect(within(panel).getByText(/Under 5 %: .* aerobically steady/)).toBeTruthy();
    expect(within(panel).getByText('1.62 W/bpm')).toBeTruthy();
    expect(within(panel).getByText(/Normalized power per heartbeat/)).toBeTruthy();
    expect(within(panel).getByText('0.89')).toBeTruthy();
    expect(within(panel).getByText('1.2 kJ at 42:05')).toBeTruthy();
    expect(within(panel).getByText(/What was left of your 20\.0 kJ above critical power \(262 W/)).toBeTruthy();
    expect(within(panel).getByText(/sweet spot/)).toBeTruthy();
  });

  it('compares the activity’s curve with the season best', async () => {
    routes(() => json(200, ANALYSIS));
    render(ActivityPage, { id: 'r1' });
    const panel = (await screen.findByRole('heading', { name: 'Best efforts in this activity' })).closest('section')!;
    const table = within(panel).getByRole('table', { name: 'Best values by duration' });
    const twenty = within(table).getByRole('rowheader', { name: '20m' }).closest('tr')!;
    expect(within(twenty).getByRole('link', { name: '250 W' })).toBeTruthy();
    expect(within(twenty).getByRole('link', { name: '290 W' }).getAttribute('href')).toBe('/activities/b1');
    expect(within(panel).getByLabelText('Heart rate')).toBeTruthy();
  });

  it('leaves the analysis out when the activity has no streams, and says so on an error', async () => {
    routes(() => apiError(404, 'not_found', 'No streams'));
    const { unmount } = render(ActivityPage, { id: 'r1' });
    await screen.findByRole('heading', { name: 'Tempo ride', level: 1 });
    await screen.findByText('No detailed data was recorded for this activity.');
    expect(screen.queryByRole('heading', { name: 'Laps' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();

    routes(() => apiError(500, 'internal', 'boom'));
    render(ActivityPage, { id: 'r1' });
    expect((await screen.findByRole('alert')).textContent).toMatch(/The analysis did not load/);
  });
});
