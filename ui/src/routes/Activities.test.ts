// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Activities from './Activities.svelte';
import { router } from '../lib/state/router.svelte';
import { json, stubFetch } from '../test/http';

vi.mock('../lib/state/live.svelte', () => ({
  live: { activitiesVersion: 0, sync: null, importJob: null, status: 'idle', start: vi.fn(), stop: vi.fn() },
}));

const row = (i: number) => ({
  id: `a${i}`,
  source: 'file',
  sportType: 'Ride',
  sportFamily: 'ride',
  name: `Ride ${i}`,
  startDate: '2026-11-20T06:00:00Z',
  startDateLocal: '2026-11-20T07:00:00',
  timeZone: 'Europe/Paris',
  movingTimeS: 3600,
  elapsedTimeS: 3700,
  distanceM: 36000,
  avgHr: 140,
  load: 70 + i,
  loadMethod: 'POWER',
  loadEstimated: false,
  trainer: false,
});

beforeEach(() => {
  window.history.replaceState(null, '', '/activities?sport=ride&page=2');
  router.sync();
});

describe('Activities screen', () => {
  it('loads the page named in the address bar, with load and method per row', async () => {
    const fetchMock = stubFetch({
      'GET /api/activities?limit=25&offset=25&sport=ride&sort=date_desc': () =>
        json(200, { items: [row(1), row(2)], total: 27, limit: 25, offset: 25, nextCursor: null }),
    });
    render(Activities);
    expect(await screen.findByRole('link', { name: /^Ride 1 / })).toBeTruthy();
    expect(screen.getByText('71')).toBeTruthy();
    expect(screen.getAllByText('Power')).toHaveLength(2);
    expect(screen.getByText('26–27 of 27')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('puts a search in the address bar after a pause in typing, back on page 1', async () => {
    stubFetch({
      'GET /api/activities?limit=25&offset=25&sport=ride&sort=date_desc': () =>
        json(200, { items: [row(1)], total: 26, limit: 25, offset: 25, nextCursor: null }),
      'GET /api/activities?limit=25&offset=0&sport=ride&text=hills&sort=date_desc': () =>
        json(200, { items: [], total: 0, limit: 25, offset: 0, nextCursor: null }),
    });
    render(Activities);
    await screen.findByRole('link', { name: /^Ride 1 / });
    await fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'hills' } });
    await vi.waitFor(() => expect(window.location.search).toBe('?sport=ride&q=hills'), { timeout: 2000 });
    expect(await screen.findByText('No activities match these filters.')).toBeTruthy();
  });
  it('adds a manual session from the list, says so with a link, and reloads the rows', async () => {
    const pages = [
      json(200, { items: [row(1)], total: 26, limit: 25, offset: 25, nextCursor: null }),
      json(200, { items: [row(1), { ...row(3), id: 'm1', source: 'manual', name: 'Gym' }], total: 27, limit: 25, offset: 25, nextCursor: null }),
    ];
    const fetchMock = stubFetch({
      'GET /api/activities?limit=25&offset=25&sport=ride&sort=date_desc': () => pages.shift()!,
      'POST /api/activities': () => json(201, { ...row(3), id: 'm1', source: 'manual', name: 'Gym' }),
    });
    render(Activities);
    await screen.findByRole('link', { name: /^Ride 1 / });
    await fireEvent.click(screen.getByRole('button', { name: 'Add a session' }));
    await fireEvent.input(screen.getByLabelText('Duration'), { target: { value: '0:40:00' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add session' }));
    const status = await screen.findByText(/Added “Gym”\./);
    expect(status.querySelector('a')?.getAttribute('href')).toBe('/activities/m1');
    expect(await screen.findByRole('link', { name: /^Gym / })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add session' })).toBeNull();
    expect(fetchMock.mock.calls.filter(([, i]) => (i as RequestInit)?.method === 'POST')).toHaveLength(1);
  });

  it('offers to remove the demo athlete while demo activities are listed', async () => {
    stubFetch({
      'GET /api/activities?limit=25&offset=25&sport=ride&sort=date_desc': () =>
        json(200, { items: [{ ...row(1), source: 'demo' }], total: 26, limit: 25, offset: 25, nextCursor: null }),
    });
    render(Activities);
    expect(await screen.findByRole('button', { name: 'Remove the demo athlete' })).toBeTruthy();
  });
});
