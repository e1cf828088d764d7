// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import Wellness from './Wellness.svelte';
import { router } from '../lib/state/router.svelte';
import { daysBefore, isoDate } from '../lib/format';
import { json, stubFetch } from '../test/http';

const TODAY = isoDate(new Date());
const YESTERDAY = daysBefore(TODAY, 1);
const RANGE = `GET /api/wellness?from=${daysBefore(TODAY, 89)}&to=${TODAY}`;
const DAY = `GET /api/wellness?from=${TODAY}&to=${TODAY}`;
const entry = (date: string, more: object) => ({
  date, sleepHours: null, sleepQuality: null, soreness: null, stress: null, motivation: null, hrvRmssd: null,
  restingHr: null, weightKg: null, note: null, illness: false, injury: false, ...more,
});

beforeEach(() => {
  window.history.replaceState(null, '', '/wellness');
  router.sync();
});

describe('Wellness screen', () => {
  it('draws a chart for each kind of data there is, with the latest value, and lists the days newest first', async () => {
    stubFetch({
      [DAY]: () => json(200, { from: '', to: '', days: [] }),
      [RANGE]: () => json(200, {
        from: '', to: '', days: [entry(YESTERDAY, { hrvRmssd: 58, illness: true }), entry(TODAY, { hrvRmssd: 62, sleepHours: 7.5 })],
        trend: [{ date: TODAY, hrv7: 60, hrvLow: 52, hrvHigh: 68, restingHr7: null, restingHrBaseline: null, sleepUsual: 7.2 }],
      }),
    });
    render(Wellness);
    const hrv = (await screen.findByText('Latest 62 ms')).closest('figure')!;
    expect(hrv.querySelector('figcaption')!.textContent).toContain('HRV (rMSSD, ms)');
    expect(within(hrv).getByText('Normal range, low')).toBeTruthy();
    expect(screen.getByText('Sleep (hours)')).toBeTruthy();
    expect(screen.queryByText('Resting heart rate (bpm)')).toBeNull();
    expect(screen.queryByText('Weight (kg)')).toBeNull();
    // The table's rows are made when it is opened.
    expect(screen.queryByRole('table', { name: 'Wellness entries, newest first' })).toBeNull();
    const details = screen.getByText('Show as table').closest('details')!;
    details.open = true;
    await fireEvent(details, new Event('toggle'));
    const table = await screen.findByRole('table', { name: 'Wellness entries, newest first' });
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('td')!.textContent)).toEqual(['62 ms', '58 ms']);
    expect(rows[1].textContent).toContain('ill');
  }, 20_000); // the file's first render compiles the screen: slow on a loaded machine

  it('says what to do when there is no data yet', async () => {
    stubFetch({ [DAY]: () => json(200, { from: '', to: '', days: [] }), [RANGE]: () => json(200, { from: '', to: '', days: [] }) });
    render(Wellness);
    expect((await screen.findByText(/No wellness data in these 90 days yet/)).textContent).toContain('import a CSV');
  });

  it('imports a CSV as it is and reports the days, the unused columns and each bad row', async () => {
    let reads = 0;
    const fetch = stubFetch({
      [DAY]: () => json(200, { from: '', to: '', days: [] }),
      [RANGE]: () => json(200, { from: '', to: '', days: reads++ === 0 ? [] : [entry(TODAY, { restingHr: 47 })] }),
      'POST /api/wellness/import': () => json(200, {
        rows: 2, days: 2, skipped: 0, columns: { rMSSD: 'hrvRmssd', RHR: 'restingHr' }, unknownColumns: ['vo2'],
        ignoredColumns: [], errors: [{ line: 3, column: 'RHR', message: 'restingHr must be between 25 and 120' }], errorCount: 1,
      }),
    });
    render(Wellness);
    await screen.findByText(/No wellness data/);
    const csv = new File(['date,rMSSD,RHR,vo2\n2026-12-01,60,48,50\n2026-12-02,61,300,51\n'], 'hrv.csv', { type: 'text/csv' });
    await fireEvent.change(screen.getByLabelText('Choose a CSV file'), { target: { files: [csv] } });
    await waitFor(() => expect(screen.getByText(/2 days imported from 2 rows/)).toBeTruthy());
    expect(screen.getByText(/Columns not used: vo2/)).toBeTruthy();
    expect(screen.getByText('Line 3 (RHR): restingHr must be between 25 and 120')).toBeTruthy();
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect((post[1]!.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
    expect(await (post[1]!.body as Blob).text()).toContain('2026-12-02,61,300,51');
    expect(await screen.findByText('Resting heart rate (bpm)')).toBeTruthy();
  });
});
