// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ThresholdsSection from './ThresholdsSection.svelte';
import { apiError, json, stubFetch } from '../../../test/http';

const FTP_NEW = { id: 'e1', kind: 'ftp', validFrom: '2026-03-01', value: 265, source: 'athlete', createdAt: '2026-03-01T10:00:00Z' };
const FTP_OLD = { id: 'e2', kind: 'ftp', validFrom: '2024-01-10', value: 240, source: 'migrated', createdAt: '2026-01-01T10:00:00Z' };
const LTHR = { id: 'e3', kind: 'lthr', validFrom: '2024-01-10', value: 170, source: 'migrated', createdAt: '2026-01-01T10:00:00Z' };
const CURRENT = { ftp: 265, lthr: 170, maxHr: null, restingHr: null, thresholdPace: null, weight: null };
const SUGGESTION = {
  id: 's1', kind: 'ftp', value: 276, current: 265, validFrom: '2026-11-02', activityId: 'a9', activityName: 'Hill climb',
  evidence: 'Best 20 min 290 W on 2026-11-02 gives eFTP 276 W', createdAt: '2026-11-02T12:00:00Z',
};

function routes(extra: Record<string, (init: RequestInit) => Response> = {}, entries = [FTP_NEW, FTP_OLD, LTHR], suggestions = [SUGGESTION]) {
  return stubFetch({
    'GET /api/settings/thresholds': () => json(200, { entries, current: CURRENT }),
    'GET /api/settings/thresholds/suggestions': () => json(200, { suggestions }),
    ...extra,
  });
}

const body = (init: RequestInit | undefined) => JSON.parse(String(init?.body));

describe('Thresholds over time', () => {
  it('lists each kind’s dated values, newest first', async () => {
    routes();
    render(ThresholdsSection);
    const ftp = await screen.findByRole('list', { name: 'FTP' });
    const items = within(ftp).getAllByRole('listitem');
    expect(items[0].textContent).toMatch(/from Sun, 1 Mar 2026: 265 W/);
    expect(items[1].textContent).toMatch(/from Wed, 10 Jan 2024: 240 W\s*\(your profile\)/);
    expect(within(screen.getByRole('list', { name: 'Threshold heart rate (LTHR)' })).getByText('170 bpm')).toBeTruthy();
  });

  it('adds a value and reloads the history', async () => {
    let posted: unknown = null;
    let reads = 0;
    routes({
      'GET /api/settings/thresholds': () => json(200, { entries: reads++ ? [FTP_NEW, FTP_OLD, LTHR] : [FTP_OLD, LTHR], current: CURRENT }),
      'POST /api/settings/thresholds': (init) => {
        posted = body(init);
        return json(201, FTP_NEW);
      },
    });
    render(ThresholdsSection);
    await screen.findByRole('list', { name: 'FTP' });
    const form = screen.getByRole('form', { name: 'Add a value' });
    await fireEvent.input(within(form).getByLabelText('From'), { target: { value: '2026-03-01' } });
    await fireEvent.input(within(form).getByLabelText('Value (W)'), { target: { value: '265' } });
    await fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(await screen.findByText(/Added: FTP 265 W from Sun, 1 Mar 2026/)).toBeTruthy();
    expect(posted).toEqual({ kind: 'ftp', validFrom: '2026-03-01', value: 265 });
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'FTP' })).getAllByRole('listitem')).toHaveLength(2));
  });

  it('shows the server’s 422 on the field it names, and a 409 on the date', async () => {
    let calls = 0;
    routes({
      'POST /api/settings/thresholds': () =>
        ++calls === 1
          ? apiError(422, 'out_of_range', 'FTP must be from 50 to 2000 W', 'value')
          : apiError(409, 'duplicate', 'There is already an FTP from 2026-03-01'),
    });
    render(ThresholdsSection);
    await screen.findByRole('list', { name: 'FTP' });
    const form = screen.getByRole('form', { name: 'Add a value' });
    const value = within(form).getByLabelText('Value (W)');
    await fireEvent.input(value, { target: { value: '9000' } });
    await fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(await within(form).findByText('FTP must be from 50 to 2000 W')).toBeTruthy();
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(value.getAttribute('aria-describedby')).toBe('th-add-value-err');

    await fireEvent.input(value, { target: { value: '265' } });
    await fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(await within(form).findByText('There is already an FTP from 2026-03-01')).toBeTruthy();
    expect(form.querySelector('input[type="date"]')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('checks the value before sending', async () => {
    const fetchMock = routes();
    render(ThresholdsSection);
    await screen.findByRole('list', { name: 'FTP' });
    const form = screen.getByRole('form', { name: 'Add a value' });
    await fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'threshold_pace' } });
    await fireEvent.input(within(form).getByLabelText('Value (min:s per km)'), { target: { value: '270' } });
    await fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(await within(form).findByText(/Enter the pace as minutes:seconds/)).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, i]) => (i as RequestInit)?.method === 'POST')).toBe(false);
  });

  it('edits a value’s date and value', async () => {
    let put: unknown = null;
    routes({
      'PUT /api/settings/thresholds/e1': (init) => {
        put = body(init);
        return json(200, { ...FTP_NEW, value: 270 });
      },
    });
    render(ThresholdsSection);
    await fireEvent.click(await screen.findByRole('button', { name: 'Edit FTP from Sun, 1 Mar 2026' }));
    await fireEvent.input(screen.getByLabelText('Value (W)', { selector: '.edit-row input' }), { target: { value: '270' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save FTP from Sun, 1 Mar 2026' }));
    expect(await screen.findByText(/Saved: FTP from Sun, 1 Mar 2026/)).toBeTruthy();
    expect(put).toEqual({ validFrom: '2026-03-01', value: 270 });
  });

  it('deletes a value after asking', async () => {
    let deleted = false;
    routes({
      'DELETE /api/settings/thresholds/e2': () => {
        deleted = true;
        return new Response(null, { status: 204 });
      },
    });
    render(ThresholdsSection);
    await fireEvent.click(await screen.findByRole('button', { name: 'Delete FTP from Wed, 10 Jan 2024' }));
    expect(deleted).toBe(false);
    await fireEvent.click(screen.getByRole('button', { name: 'Yes, delete FTP from Wed, 10 Jan 2024' }));
    expect(await screen.findByText(/Deleted: FTP from Wed, 10 Jan 2024/)).toBeTruthy();
    expect(deleted).toBe(true);
  });

  it('accepts a suggestion: the dated value is added and the suggestion goes', async () => {
    let accepted = false;
    routes({
      'POST /api/settings/thresholds/suggestions/s1/accept': () => {
        accepted = true;
        return json(200, { entry: { ...FTP_NEW, id: 'e9', value: 276, validFrom: '2026-11-02', source: 'suggestion' } });
      },
    });
    render(ThresholdsSection);
    const region = await screen.findByRole('region', { name: 'Suggested from your efforts' });
    expect(within(region).getByText(/Best 20 min 290 W on 2026-11-02 gives eFTP 276 W/)).toBeTruthy();
    expect(within(region).getByRole('link', { name: 'Hill climb' }).getAttribute('href')).toBe('/activities/a9');
    await fireEvent.click(within(region).getByRole('button', { name: 'Accept FTP 276 W' }));
    expect(await screen.findByText(/Accepted: FTP 276 W from Mon, 2 Nov 2026/)).toBeTruthy();
    expect(accepted).toBe(true);
    expect(screen.queryByRole('region', { name: 'Suggested from your efforts' })).toBeNull();
  });

  it('dismisses a suggestion', async () => {
    const fetchMock = routes({
      'POST /api/settings/thresholds/suggestions/s1/dismiss': () => new Response(null, { status: 204 }),
    });
    render(ThresholdsSection);
    await fireEvent.click(await screen.findByRole('button', { name: 'Dismiss FTP 276 W' }));
    expect(await screen.findByText('Suggestion dismissed.')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([u]) => u === '/api/settings/thresholds/suggestions/s1/dismiss')).toBe(true);
    expect(screen.queryByText(/gives eFTP 276 W/)).toBeNull();
  });

  it('says when there is nothing yet, and shows a load error', async () => {
    routes({}, [], []);
    const { unmount } = render(ThresholdsSection);
    expect(await screen.findByText(/No dated values yet/)).toBeTruthy();
    unmount();
    stubFetch({
      'GET /api/settings/thresholds': () => apiError(500, 'internal', 'boom'),
      'GET /api/settings/thresholds/suggestions': () => json(200, { suggestions: [] }),
    });
    render(ThresholdsSection);
    expect((await screen.findByRole('alert')).textContent).toMatch(/ran into a problem/);
  });
});
