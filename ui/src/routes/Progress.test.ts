// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Progress from './Progress.svelte';
import { formatShortDate, isoDate } from '../lib/format';
import { router } from '../lib/state/router.svelte';
import { apiError, json, openSse, stubFetch } from '../test/http';

vi.mock('../lib/state/live.svelte', () => ({
  live: { activitiesVersion: 0, sync: null, importJob: null, status: 'open', start: vi.fn(), stop: vi.fn() },
}));

const TODAY = isoDate(new Date());
const YEAR = Number(TODAY.slice(0, 4));

function point(durationS: number, value: number, activityId: string, activityName: string, date: string) {
  return { durationS, value, activityId, activityName, date, startS: 100 };
}

function curves(metric: string, sport: string, points: ReturnType<typeof point>[], compare: ReturnType<typeof point>[] | null) {
  return {
    metric,
    sport,
    unit: metric === 'power' ? 'W' : metric === 'hr' ? 'bpm' : 's/km',
    from: `${YEAR}-01-01`,
    to: TODAY,
    activities: points.length ? 40 : 0,
    points,
    compare: compare === null ? null : { from: `${YEAR - 1}-01-01`, to: `${YEAR - 1}-12-31`, activities: compare.length ? 80 : 0, points: compare },
  };
}

const SEASON = [
  point(5, 900, 's1', 'Sprint session', `${YEAR}-03-02`),
  point(60, 450, 's1', 'Sprint session', `${YEAR}-03-02`),
  point(300, 330, 's2', 'VO2 intervals', `${YEAR}-04-10`),
  point(1200, 290, 's3', 'Hill climb', `${YEAR}-05-01`),
];
const LAST = [point(5, 950, 'l1', 'Crit race', `${YEAR - 1}-06-01`), point(1200, 300, 'l2', 'Time trial', `${YEAR - 1}-07-01`)];
const ALL = [point(5, 1000, 'x1', 'Old sprint', '2019-05-01'), point(1200, 310, 'l2', 'Time trial', `${YEAR - 1}-07-01`)];

const EFFORTS = {
  sport: 'run',
  from: '2025-01-01',
  to: TODAY,
  distances: [
    {
      distanceM: 5000,
      label: '5 km',
      best: { activityId: 'r1', activityName: 'Parkrun', date: `${YEAR}-05-09`, timeS: 1200, startS: 0 },
      top: [
        { activityId: 'r1', activityName: 'Parkrun', date: `${YEAR}-05-09`, timeS: 1200, startS: 0 },
        { activityId: 'r2', activityName: 'Tempo run', date: `${YEAR}-04-01`, timeS: 1250, startS: 300 },
      ],
    },
    { distanceM: 42195, label: 'Marathon', best: null, top: [] },
  ],
};
const MODEL = {
  sport: 'ride',
  from: '2026-09-01',
  to: TODAY,
  model: { cp: 280, wPrime: 20500, eftp: 276, thresholdPace: null, r2: 0.987, points: [] },
  reason: null,
  history: [
    { weekEnd: '2026-11-22', cp: 270, wPrime: 20000, eftp: 266, thresholdPace: null, r2: 0.98 },
    { weekEnd: '2026-11-29', cp: 280, wPrime: 20500, eftp: 276, thresholdPace: null, r2: 0.987 },
  ],
};
const ZONES = {
  weeks: [
    { weekStart: '2026-11-16', power: { seconds: [600, 1200, 600, 300, 200, 60, 40], below: 0.8, at: 0.1, above: 0.1 }, heartRate: null },
    { weekStart: '2026-11-23', power: null, heartRate: null },
  ],
  names: {
    power: ['Active recovery', 'Endurance', 'Tempo', 'Threshold', 'VO2max', 'Anaerobic', 'Neuromuscular'],
    heartRate: ['Z1', 'Z2', 'Z3', 'Z4', 'Z5'],
  },
};

const seasonKey = (metric: string, sport: string) =>
  `GET /api/analysis/curves?metric=${metric}${sport ? `&sport=${sport}` : ''}&from=${YEAR}-01-01&to=${TODAY}&compare_from=${YEAR - 1}-01-01&compare_to=${YEAR - 1}-12-31`;
const allKey = (metric: string, sport: string) =>
  `GET /api/analysis/curves?metric=${metric}${sport ? `&sport=${sport}` : ''}&from=1970-01-01&to=${TODAY}`;

function routes(extra: Record<string, (init: RequestInit) => Response> = {}) {
  return stubFetch({
    [seasonKey('power', 'ride')]: () => json(200, curves('power', 'ride', SEASON, LAST)),
    [allKey('power', 'ride')]: () => json(200, curves('power', 'ride', ALL, null)),
    'GET /api/analysis/best-efforts?sport=run': () => json(200, EFFORTS),
    'GET /api/analysis/model?sport=ride&weeks=26': () => json(200, MODEL),
    'GET /api/analysis/zones?weeks=12': () => json(200, ZONES),
    'GET /api/analysis/status': () => json(200, { state: 'idle', done: 0, total: 0, version: 3 }),
    ...extra,
  });
}

describe('Progress', () => {
  beforeEach(() => router.navigate('/progress', { replace: true }));

  it('shows this season, last season and all time, each best linked to its activity', async () => {
    const fetchMock = routes();
    render(Progress);
    expect(await screen.findByText(/40 activities this season, 80 last season/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Best values by duration' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[0]).getByText(`This season (${YEAR})`)).toBeTruthy();
    expect(within(rows[0]).getByText(`Last season (${YEAR - 1})`)).toBeTruthy();
    expect(within(rows[0]).getByText('All time')).toBeTruthy();
    const fiveSeconds = within(table).getByRole('rowheader', { name: '5s' }).closest('tr')!;
    expect(within(fiveSeconds).getByRole('link', { name: '900 W' }).getAttribute('href')).toBe('/activities/s1');
    expect(within(fiveSeconds).getByRole('link', { name: '950 W' }).getAttribute('href')).toBe('/activities/l1');
    expect(within(fiveSeconds).getByRole('link', { name: '1,000 W' }).getAttribute('href')).toBe('/activities/x1');
    // Two calls: this season against last season, and all time.
    expect(fetchMock.mock.calls.filter(([u]) => String(u).startsWith('/api/analysis/curves'))).toHaveLength(2);
  });

  it('shows best efforts with pace and the top 5 on demand', async () => {
    routes();
    render(Progress);
    const table = await screen.findByRole('table', { name: 'Best running efforts by distance' });
    const row = within(table).getByRole('rowheader', { name: '5 km' }).closest('tr')!;
    expect(within(row).getByText('20:00')).toBeTruthy();
    expect(within(row).getByText('4:00 /km')).toBeTruthy();
    expect(within(row).getByRole('link', { name: 'Parkrun' }).getAttribute('href')).toBe('/activities/r1');
    expect(within(table).getByText('No effort this long yet')).toBeTruthy();
    const toggle = within(row).getByRole('button', { name: /Top 2/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(table).getByRole('link', { name: 'Tempo run' })).toBeTruthy();
  });

  it('shows CP, W′, eFTP and the fit, with the trend', async () => {
    routes();
    render(Progress);
    expect(await screen.findByText('280 W')).toBeTruthy();
    expect(screen.getByText('20.5 kJ')).toBeTruthy();
    expect(screen.getByText('276 W')).toBeTruthy();
    expect(screen.getByText('0.987')).toBeTruthy();
    expect(screen.getByRole('img', { name: /eFTP from 266 W .* to 276 W/ })).toBeTruthy();
  });

  it('says why there is no estimate', async () => {
    routes({
      'GET /api/analysis/model?sport=ride&weeks=26': () =>
        json(200, { ...MODEL, model: null, reason: 'Fewer than 3 hard efforts between 3 and 20 minutes', history: [] }),
    });
    render(Progress);
    expect(await screen.findByText('No estimate yet: Fewer than 3 hard efforts between 3 and 20 minutes')).toBeTruthy();
  });

  it('shows weekly zones with the share below, at and above threshold', async () => {
    routes();
    render(Progress);
    const table = await screen.findByRole('table', { name: /Weekly time in power zones/ });
    const row = within(table).getByRole('rowheader', { name: formatShortDate('2026-11-16') }).closest('tr')!;
    // 2400 of 3000 s in Z1–Z3, 300 in Z4, 300 above
    expect(within(row).getByText('80 %')).toBeTruthy();
    expect(within(row).getAllByText('10 %')).toHaveLength(2);
    await fireEvent.click(screen.getByLabelText('Heart rate', { selector: 'input[name="zone-kind"]' }));
    expect(await screen.findByText('No activities with heart rate in these weeks.')).toBeTruthy();
  });

  it('says honestly when there is nothing in range', async () => {
    routes({
      [seasonKey('power', 'ride')]: () => json(200, curves('power', 'ride', [], [])),
      [allKey('power', 'ride')]: () => json(200, curves('power', 'ride', [], null)),
    });
    render(Progress);
    expect(await screen.findByText('No rides with power in this range.')).toBeTruthy();
  });

  it('draws a ride’s speed when pace is chosen for rides', async () => {
    routes({
      [seasonKey('speed', 'ride')]: () => json(200, curves('speed', 'ride', [point(1200, 10, 's3', 'Hill climb', `${YEAR}-05-01`)], [])),
      [allKey('speed', 'ride')]: () => json(200, curves('speed', 'ride', [], null)),
    });
    render(Progress);
    await screen.findByText(/40 activities this season/);
    await fireEvent.click(screen.getByLabelText('Pace / speed'));
    expect((await screen.findByRole('link', { name: '36.0 km/h' })).getAttribute('href')).toBe('/activities/s3');
    expect(router.search).toBe('?metric=pace');
  });

  it('switches to pace for runs and asks for the pace curve', async () => {
    const fetchMock = routes({
      [seasonKey('pace', 'run')]: () => json(200, curves('pace', 'run', [point(1200, 250, 'r1', 'Parkrun', `${YEAR}-05-09`)], [])),
      [allKey('pace', 'run')]: () => json(200, curves('pace', 'run', [point(1200, 245, 'r9', 'Old 5k', '2020-01-01')], null)),
    });
    render(Progress);
    await screen.findByText(/40 activities this season/);
    await fireEvent.click(screen.getByLabelText('Pace / speed'));
    await fireEvent.change(screen.getByLabelText('Sport'), { target: { value: 'run' } });
    const link = await screen.findByRole('link', { name: '4:10 /km' });
    expect(link.getAttribute('href')).toBe('/activities/r1');
    expect(fetchMock.mock.calls.some(([u]) => String(u) === seasonKey('pace', 'run').slice(4))).toBe(true);
  });

  it('shows an error with a retry when the curves fail', async () => {
    let calls = 0;
    routes({
      [seasonKey('power', 'ride')]: () => (++calls === 1 ? apiError(500, 'internal', 'boom') : json(200, curves('power', 'ride', SEASON, LAST))),
    });
    render(Progress);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/ran into a problem/);
    await fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText(/40 activities this season/)).toBeTruthy();
  });

  it('shows the analysis progress live while the history is reprocessed, and reloads when it is done', async () => {
    const stream = openSse();
    const fetchMock = routes({
      'GET /api/analysis/status': () => json(200, { state: 'running', done: 120, total: 480, version: 4 }),
      'GET /api/analysis/events': () => stream.response,
    });
    render(Progress);
    expect(await screen.findByText(/Analysing your history: 120\/480 activities/)).toBeTruthy();
    await vi.waitFor(() => expect(fetchMock.mock.calls.some(([u]) => u === '/api/analysis/events')).toBe(true));
    const curveCalls = () => fetchMock.mock.calls.filter(([u]) => String(u).startsWith('/api/analysis/curves')).length;
    expect(curveCalls()).toBe(2);
    stream.push('event: analysis\ndata: {"state":"running","done":300,"total":480,"version":4}\n\n');
    expect(await screen.findByText(/Analysing your history: 300\/480 activities/)).toBeTruthy();
    stream.push('event: analysis\ndata: {"state":"idle","done":480,"total":480,"version":4}\n\n');
    await vi.waitFor(() => expect(screen.queryByText(/Analysing your history/)).toBeNull());
    await vi.waitFor(() => expect(curveCalls()).toBe(4));
  });

  it('falls back to asking for the progress when there is no event stream', async () => {
    let calls = 0;
    routes({
      'GET /api/analysis/status': () =>
        json(200, ++calls === 1 ? { state: 'running', done: 10, total: 480, version: 4 } : { state: 'idle', done: 480, total: 480, version: 4 }),
      'GET /api/analysis/events': () => apiError(404, 'not_found', 'No events'),
    });
    render(Progress);
    expect(await screen.findByText(/Analysing your history: 10\/480 activities/)).toBeTruthy();
    await vi.waitFor(() => expect(screen.queryByText(/Analysing your history/)).toBeNull(), { timeout: 4000 });
  });
});
