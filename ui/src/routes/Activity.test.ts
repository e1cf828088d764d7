// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ActivityPage from './Activity.svelte';
import { apiError, json, sse, stubFetch } from '../test/http';

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
  avgCadence: 172,
  cadenceUnit: 'steps/min',
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
  merged: [
    {
      id: 'c2',
      source: 'strava',
      reason: 'Same run workout as the device file copy: starts 40 s apart, durations 3 % apart; the device file copy leads by source priority and detail',
      mergedAt: '2026-11-23T09:05:00Z',
    },
  ],
  mergeReason: null,
  mergedAt: null,
  mergeChoice: null,
  legs: null,
};

const LEG = { maxHr: null, normalizedPowerW: null };
const TRIATHLON = {
  ...ACTIVITY,
  id: 'a1',
  sportType: 'Triathlon',
  sportFamily: 'multisport',
  name: 'Lake sprint',
  distanceM: 25930,
  avgSpeedMps: 5.4,
  merged: null,
  legs: [
    { ...LEG, sportType: 'Swim', sportFamily: 'swim', startOffsetS: 0, elapsedTimeS: 905, movingTimeS: 890, distanceM: 750, avgHr: 148, avgPowerW: null },
    { ...LEG, sportType: 'Transition', sportFamily: 'transition', startOffsetS: 905, elapsedTimeS: 95, movingTimeS: 80, distanceM: 180, avgHr: 151, avgPowerW: null },
    { ...LEG, sportType: 'Ride', sportFamily: 'ride', startOffsetS: 1000, elapsedTimeS: 2470, movingTimeS: 2460, distanceM: 20000, avgHr: 156, avgPowerW: 212 },
    { ...LEG, sportType: 'Transition', sportFamily: 'transition', startOffsetS: 3470, elapsedTimeS: 62, movingTimeS: 50, distanceM: null, avgHr: 158, avgPowerW: null },
    { ...LEG, sportType: 'Run', sportFamily: 'run', startOffsetS: 3532, elapsedTimeS: 1230, movingTimeS: 1220, distanceM: 5000, avgHr: 167, avgPowerW: null },
  ],
};
const STATS = { thresholds: { lthr: 170, lthrEstimated: false } };

function routes(extra: Record<string, (init: RequestInit) => Response | Promise<Response>> = {}) {
  return stubFetch({
    'GET /api/activities/a1': () => json(200, ACTIVITY),
    'GET /api/activities/a1/streams': () => json(200, { activityId: 'a1', points: 0, storedPoints: 0, streams: null }),
    'GET /api/activities/a1/analysis': () => apiError(404, 'not_found', 'No streams'),
    'GET /api/ai/activity-insight/a1': () => json(200, null),
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
    // The server's average in steps per minute, labelled as the cadence chart labels it.
    expect(screen.getByText('172 spm')).toBeTruthy();
    expect(screen.getByText('88')).toBeTruthy();
    expect(screen.getByText(/Heart rate · estimated threshold/)).toBeTruthy();
    const svg = await screen.findByRole('img', { name: /Route of this activity/ });
    expect(svg.querySelector('path')?.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+L/);
    // Nothing is loaded from elsewhere: no images, no tiles.
    expect(container.querySelectorAll('img, iframe')).toHaveLength(0);
    expect(await screen.findByText('No detailed data was recorded for this activity.')).toBeTruthy();
  });

  it('asks for the samples only once the summary and its analysis have answered', async () => {
    const held: (() => void)[] = [];
    const hold = (response: () => Response) => () => new Promise<Response>((resolve) => held.push(() => resolve(response())));
    const fetchMock = routes({
      'GET /api/activities/a1': hold(() => json(200, ACTIVITY)),
      'GET /api/activities/a1/analysis': hold(() => apiError(404, 'not_found', 'No streams')),
    });
    const asked = () => fetchMock.mock.calls.map(([input]) => String(input));
    render(ActivityPage, { id: 'a1' });
    await vi.waitFor(() => expect(held).toHaveLength(2));
    expect(asked()).not.toContain('/api/activities/a1/streams');
    held.shift()!();
    await new Promise((r) => setTimeout(r, 20));
    expect(asked(), 'one of the two is still out').not.toContain('/api/activities/a1/streams');
    held.shift()!();
    await vi.waitFor(() => expect(asked()).toContain('/api/activities/a1/streams'));
    expect(await screen.findByRole('heading', { name: 'Hill repeats', level: 1 })).toBeTruthy();
  });

  it('asks for no samples of an activity that is not there, and still asks when only the analysis failed', async () => {
    const gone = routes({ 'GET /api/activities/a1': () => apiError(404, 'not_found', 'No such activity') });
    const { unmount } = render(ActivityPage, { id: 'a1' });
    expect(await screen.findByRole('heading', { name: 'Activity not found', level: 1 })).toBeTruthy();
    await new Promise((r) => setTimeout(r, 20));
    expect(gone.mock.calls.map(([input]) => String(input))).not.toContain('/api/activities/a1/streams');
    unmount();

    const broken = routes({ 'GET /api/activities/a1/analysis': () => apiError(500, 'internal', 'The database is away') });
    render(ActivityPage, { id: 'a1' });
    expect(await screen.findByRole('heading', { name: 'Hill repeats', level: 1 })).toBeTruthy();
    await vi.waitFor(() => expect(broken.mock.calls.map(([input]) => String(input))).toContain('/api/activities/a1/streams'));
  });

  it('saves the RPE and shows the recomputed load', async () => {
    const fetchMock = routes({
      'PATCH /api/activities/a1': () => json(200, { ...ACTIVITY, rpe: 7, load: 91 }),
    });
    render(ActivityPage, { id: 'a1' });
    const select = (await screen.findByLabelText('Effort (RPE, 1–10)')) as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: '7' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(/Saved\. Load now 91/)).toBeTruthy();
    expect(screen.getByText('91')).toBeTruthy();
    const patch = fetchMock.mock.calls.find(([, i]) => (i as RequestInit)?.method === 'PATCH')!;
    expect(JSON.parse((patch[1] as RequestInit).body as string)).toEqual({ rpe: 7 });
  });

  it('lists each merged copy with its source, why it was merged and when', async () => {
    routes();
    render(ActivityPage, { id: 'a1' });
    const panel = (await screen.findByRole('heading', { name: 'Merged copies' })).closest('.panel') as HTMLElement;
    const item = within(panel).getByRole('listitem');
    expect(within(item).getByRole('link', { name: 'Strava' }).getAttribute('href')).toBe('/activities/c2');
    expect(within(item).getByText(/Same run workout as the device file copy: starts 40 s apart/)).toBeTruthy();
    expect(within(item).getByText(/^Merged \d{1,2} Nov 2026, \d{2}:\d{2}$/)).toBeTruthy();
    expect(within(item).getByRole('button', { name: 'Make primary' })).toBeTruthy();
  });

  it('says on a merged copy why it is merged, and keeps the make-primary and split buttons', async () => {
    stubFetch({
      'GET /api/activities/c2': () =>
        json(200, {
          ...ACTIVITY,
          id: 'c2',
          source: 'strava',
          primaryActivityId: 'a1',
          merged: null,
          mergeReason: 'Same run workout as the device file copy: starts 40 s apart, durations 3 % apart',
          mergedAt: '2026-11-23T09:05:00Z',
        }),
      'GET /api/activities/c2/streams': () => json(200, { activityId: 'c2', points: 0, storedPoints: 0, streams: null }),
      'GET /api/activities/c2/analysis': () => apiError(404, 'not_found', 'No streams'),
      'GET /api/ai/activity-insight/c2': () => json(200, null),
      'GET /api/activities/stats': () => json(200, STATS),
    });
    render(ActivityPage, { id: 'c2' });
    const note = (await screen.findByText(/This Strava API copy is merged into/)).closest('.merged-note') as HTMLElement;
    expect(within(note).getByText('Why: Same run workout as the device file copy: starts 40 s apart, durations 3 % apart')).toBeTruthy();
    expect(within(note).getByText(/^Merged \d{1,2} Nov 2026, \d{2}:\d{2}\.$/)).toBeTruthy();
    expect(within(note).getByRole('button', { name: 'Make this the primary' })).toBeTruthy();
    expect(within(note).getByRole('button', { name: 'Split: not the same workout' })).toBeTruthy();
  });

  it('says when the athlete split a copy off for good', async () => {
    routes({ 'GET /api/activities/a1': () => json(200, { ...ACTIVITY, merged: null, mergeChoice: 'separate' }) });
    render(ActivityPage, { id: 'a1' });
    expect(await screen.findByText('Split off by you')).toBeTruthy();
    expect(screen.getByText(/You split this copy off as not the same workout: .* stays apart from the other copies for good/)).toBeTruthy();
    expect(screen.queryByText(/is merged into/)).toBeNull();
  });

  it('says when the athlete chose the copy that leads', async () => {
    routes({ 'GET /api/activities/a1': () => json(200, { ...ACTIVITY, mergeChoice: 'lead' }) });
    render(ActivityPage, { id: 'a1' });
    expect(await screen.findByText('Chosen by you to lead')).toBeTruthy();
    expect(screen.getByText(/You chose this copy to lead its workout/)).toBeTruthy();
  });

  it('shows the legs of a triathlon in a table with each leg’s load, transitions named as such', async () => {
    const legLoad = (load: number) => ({ load, method: 'HRSS', usesEstimatedThreshold: false });
    routes({
      'GET /api/activities/a1': () => json(200, TRIATHLON),
      'GET /api/activities/a1/leg-loads': () => json(200, { activityId: 'a1', legs: [16.2, 1.1, 52.4, 0.8, 30.3].map(legLoad) }),
    });
    render(ActivityPage, { id: 'a1' });
    const table = await screen.findByRole('table', { name: /Legs of this triathlon/ });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
    expect(headers).toEqual(['Leg', 'Starts at', 'Time', 'Distance', 'Avg HR (bpm)', 'Avg power (W)', 'Load']);
    const rows = within(table).getAllByRole('row').slice(1);
    // Transitions are named in words (the icon is decorative), so they do not rest on styling alone.
    ['Swim', 'Transition T1', 'Ride', 'Transition T2', 'Run'].forEach((name, i) =>
      expect(within(rows[i]).getByRole('rowheader', { name })).toBeTruthy(),
    );
    await within(rows[2]).findByText('52');
    expect(within(rows[0]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0:00:00', '0:15:05', '750 m', '148', '—', '16']);
    expect(within(rows[2]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0:16:40', '0:41:10', '20.0 km', '156', '212', '52']);
    expect(rows[1].classList.contains('transition')).toBe(true);
    // The family is named, not a raw key, and one speed over swim, bike and run is not shown.
    expect(screen.getByText(/^Triathlon ·/)).toBeTruthy();
    expect(screen.queryByText('Avg speed')).toBeNull();
    expect(screen.getByText('25.9 km')).toBeTruthy();
  });

  it('shows no legs table for an activity of one sport', async () => {
    routes();
    render(ActivityPage, { id: 'a1' });
    await screen.findByRole('heading', { name: 'Hill repeats', level: 1 });
    expect(screen.queryByRole('table', { name: /Legs/ })).toBeNull();
  });

  it('offers to undo "make primary": the copy that led before leads again, through the same call', async () => {
    // After the switch this page's activity is a copy merged into c2; Undo makes it primary again.
    const asCopy = { ...ACTIVITY, primaryActivityId: 'c2', merged: null, mergeReason: 'Same run workout', mergedAt: '2026-11-23T09:05:00Z' };
    const shown = [ACTIVITY, asCopy, ACTIVITY];
    const fetchMock = routes({
      'GET /api/activities/a1': () => json(200, shown.shift()!),
      'POST /api/activities/c2/primary': () => json(200, { ...ACTIVITY, id: 'c2', source: 'strava', mergeChoice: 'lead' }),
      'POST /api/activities/a1/primary': () => json(200, { ...ACTIVITY, mergeChoice: 'lead' }),
    });
    render(ActivityPage, { id: 'a1' });
    await fireEvent.click(await screen.findByRole('button', { name: 'Make primary' }));
    const status = (await screen.findByText('The Strava copy now leads this workout.')).closest('[role="status"]') as HTMLElement;
    expect(status).toBeTruthy();
    expect(await screen.findByText(/This .* copy is merged into/)).toBeTruthy();

    const undo = within(status).getByRole('button', { name: 'Undo' });
    undo.focus();
    expect(document.activeElement).toBe(undo);
    await fireEvent.click(undo);
    expect(await within(status).findByText('Undone: the copy that led before leads again.')).toBeTruthy();
    const posts = fetchMock.mock.calls.filter(([, i]) => (i as RequestInit)?.method === 'POST').map(([u]) => u);
    expect(posts).toEqual(['/api/activities/c2/primary', '/api/activities/a1/primary']);
    expect(screen.queryByText(/is merged into/)).toBeNull();
    expect(within(status).queryByRole('button', { name: 'Undo' })).toBeNull();
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

  it('says what the stored insight was based on, and marks it outdated with Ask again', async () => {
    const basis = { coachActivities: 316, fileAndExport: 14, stravaApi: 302, keptOut: 0, stravaApiAllowed: true };
    const insight = {
      id: 'i1', date: '2026-11-23', content: 'Solid **hills**.', status: 'complete', model: 'claude-x', inputTokens: 1, outputTokens: 1,
      contextActivityIds: ['a1'], metrics: null, createdAt: '2026-11-23T10:00:00Z', basis, outdated: true, outdatedReasons: ['activities_changed'],
    };
    const fetchMock = routes({
      'GET /api/ai/activity-insight/a1': () => json(200, insight),
      'POST /api/ai/activity-insight': () =>
        sse([
          `event: start\ndata: ${JSON.stringify({ streamId: 'x1', model: 'claude-x', basis })}\n\n`,
          'event: token\ndata: {"text":"Fresh look."}\n\n',
          'event: done\ndata: {"status":"complete"}\n\n',
        ]),
    });
    render(ActivityPage, { id: 'a1' });
    const meta = await screen.findByTestId('answer-meta');
    expect(meta.textContent!.replace(/\s+/g, ' ')).toContain('based on your 14 file and export activities and 302 Strava activities — change');
    const marker = screen.getByTestId('answer-outdated');
    expect(within(marker).getByText('Outdated: activities it used were changed since')).toBeTruthy();
    await fireEvent.click(within(marker).getByRole('button', { name: 'Ask again' }));
    await vi.waitFor(() => {
      const post = fetchMock.mock.calls.find(([u, i]) => u === '/api/ai/activity-insight' && (i as RequestInit)?.method === 'POST');
      expect(JSON.parse(String((post![1] as RequestInit).body))).toEqual({ activityId: 'a1', regenerate: true });
    });
    expect(await screen.findByText('Fresh look.')).toBeTruthy();
    // The new answer's meta line comes from its first frame.
    expect((await screen.findByTestId('answer-meta')).textContent).toContain('based on your 14 file and export activities and 302 Strava activities');
  });
});
