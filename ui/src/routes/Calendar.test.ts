// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Calendar from './Calendar.svelte';
import { router } from '../lib/state/router.svelte';
import { apiError, json, stubFetch } from '../test/http';
import type { CalendarDay, PlannedWorkout } from '../lib/api/plan';

const DEC = '/api/plan/calendar?from=2026-11-30&to=2027-01-03';

function days(from: string, n: number, content: Record<string, Partial<CalendarDay>> = {}): CalendarDay[] {
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10) + i)).toISOString().slice(0, 10);
    return { date: d, activities: [], workouts: [], events: [], ...content[d] };
  });
}

const workout = (over: Partial<PlannedWorkout>): PlannedWorkout => ({
  id: 'w1', date: '2026-12-09', sport: 'Run', title: 'Easy run', description: null, durationS: 3600, distanceM: null,
  intensity: { type: 'rpe', value: 3 }, targetLoad: 60, targetLoadEstimated: true, steps: [], completion: null, ...over,
});

const DONE = workout({
  id: 'w0', date: '2026-12-02', title: 'Tempo', targetLoadEstimated: false,
  completion: { activityId: 'a1', link: 'auto', doneDurationS: 3500, doneLoad: 57, durationRatio: 0.97, loadRatio: 0.95 },
});
const MISSED = workout({ id: 'wm', date: '2026-12-03', title: 'Hills' });
const PLANNED = workout({});
const RUN = { id: 'a1', name: 'Morning run', sportType: 'Run', sportFamily: 'run', durationS: 2700, distanceM: 8000, load: 50 };
const RACE = { id: 'e1', date: '2026-12-20', name: 'City 10K', sport: 'Run', distanceM: 10000, priority: 'A' as const };

function month() {
  return {
    from: '2026-11-30',
    to: '2027-01-03',
    days: days('2026-11-30', 35, {
      '2026-12-02': { activities: [RUN], workouts: [DONE] },
      '2026-12-03': { workouts: [MISSED] },
      '2026-12-09': { workouts: [PLANNED] },
      '2026-12-20': { events: [RACE] },
    }),
    weeks: [
      { weekStart: '2026-11-30', planned: { durationS: 7200, load: 120 }, done: { durationS: 2700, load: 50 } },
      { weekStart: '2026-12-07', planned: { durationS: 3600, load: 60 }, done: { durationS: 0, load: 0 } },
      { weekStart: '2026-12-14', planned: { durationS: 0, load: 0 }, done: { durationS: 0, load: 0 } },
      { weekStart: '2026-12-21', planned: { durationS: 0, load: 0 }, done: { durationS: 0, load: 0 } },
      { weekStart: '2026-12-28', planned: { durationS: 0, load: 0 }, done: { durationS: 0, load: 0 } },
    ],
  };
}

const bodyOf = (mock: ReturnType<typeof stubFetch>, method: string) => {
  const call = mock.mock.calls.find(([, init]) => init?.method === method)!;
  return { url: String(call[0]), body: call[1]!.body ? JSON.parse(call[1]!.body as string) : undefined };
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 11, 7, 10, 0));
  window.history.replaceState(null, '', '/calendar');
  router.sync();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('Calendar screen', () => {
  it('shows a month grid with done activities, planned workouts with their compliance in words, events and week totals', async () => {
    stubFetch({ [`GET ${DEC}`]: () => json(200, month()) });
    render(Calendar, { layout: 'month' });
    const grid = await screen.findByTestId('month-grid');
    expect(screen.getByRole('heading', { name: 'December 2026' })).toBeTruthy();

    const activity = within(grid).getByRole('link', { name: /Done: Morning run/ });
    expect(activity.getAttribute('href')).toBe('/activities/a1');
    expect(activity.textContent).toContain('45 min');
    expect(activity.textContent).toContain('50');

    const done = within(grid).getByRole('button', { name: /Planned Run: Tempo/ });
    expect(done.dataset.state).toBe('good');
    expect(done.textContent).toContain('Done, 95 % of plan');
    const missed = within(grid).getByRole('button', { name: /Planned Run: Hills/ });
    expect(missed.textContent).toContain('Not done');
    const planned = within(grid).getByRole('button', { name: /Planned Run: Easy run/ });
    expect(planned.dataset.state).toBeUndefined();
    expect(planned.textContent).toContain('1 h 00 min · load 60 (est.)');

    const race = within(grid).getByRole('button', { name: /A race: City 10K/ });
    expect(race.textContent).toContain('A');

    const week = screen.getByTestId('week-2026-11-30');
    expect(week.textContent).toMatch(/Planned\s*2 h 00 min · load 120/);
    expect(week.textContent).toMatch(/Done\s*45 min · load 50/);
    expect(screen.getByTestId('week-2026-12-14').textContent).toMatch(/Planned\s*none\s*Done\s*none/);
  }, 20_000);

  it('lists the weeks as days on a phone (a narrow screen by matchMedia), and the grid on a wide one', async () => {
    stubFetch({ [`GET ${DEC}`]: () => json(200, month()) });
    const narrow = render(Calendar);
    expect(await screen.findByTestId('week-list')).toBeTruthy();
    expect(screen.queryByTestId('month-grid')).toBeNull();
    expect(screen.getByRole('region', { name: 'Week of Mon, 7 Dec 2026' })).toBeTruthy();
    narrow.unmount();

    vi.stubGlobal('matchMedia', (q: string) => ({ matches: q.includes('min-width'), media: q, addEventListener() {}, removeEventListener() {} }));
    render(Calendar);
    expect(await screen.findByTestId('month-grid')).toBeTruthy();
  });

  it('keeps the month in the address and moves by month, back to today', async () => {
    window.history.replaceState(null, '', '/calendar?month=2027-01');
    router.sync();
    const fetch = stubFetch({
      'GET /api/plan/calendar?from=2026-12-28&to=2027-01-31': () => json(200, { from: '2026-12-28', to: '2027-01-31', days: days('2026-12-28', 35), weeks: [] }),
      'GET /api/plan/calendar?from=2027-02-01&to=2027-02-28': () => json(200, { from: '2027-02-01', to: '2027-02-28', days: days('2027-02-01', 28), weeks: [] }),
      [`GET ${DEC}`]: () => json(200, month()),
    });
    render(Calendar, { layout: 'month' });
    expect(await screen.findByRole('heading', { name: 'January 2027' })).toBeTruthy();
    await screen.findByTestId('month-grid');
    await fireEvent.click(screen.getByRole('button', { name: 'Next month' }));
    expect(window.location.search).toBe('?month=2027-02');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'February 2027' })).toBeTruthy());
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(5));
    await fireEvent.click(screen.getByRole('button', { name: 'Today' }));
    expect(window.location.search).toBe('');
    await screen.findByRole('button', { name: /Planned Run: Easy run/ });
    expect(fetch.mock.calls.map(([u]) => String(u))).toEqual([
      '/api/plan/calendar?from=2026-12-28&to=2027-01-31',
      '/api/plan/calendar?from=2027-02-01&to=2027-02-28',
      DEC,
    ]);
  });

  it('plans a workout with structured steps from a day, sending the contract body, and shows it after reloading', async () => {
    let reads = 0;
    const fetch = stubFetch({
      [`GET ${DEC}`]: () => {
        reads++;
        return json(200, month());
      },
      'POST /api/plan/workouts': () => json(201, workout({ id: 'w9', date: '2026-12-10', title: 'Threshold' })),
    });
    render(Calendar, { layout: 'month' });
    await fireEvent.click(await screen.findByRole('button', { name: 'Plan a workout on Thu, 10 Dec 2026' }));
    const dialog = screen.getByRole('dialog', { name: 'Plan a workout, Thu, 10 Dec 2026' });
    const q = within(dialog);
    await fireEvent.input(q.getByLabelText('Title'), { target: { value: 'Threshold' } });
    await fireEvent.input(q.getByLabelText('Duration'), { target: { value: '1:10' } });
    await fireEvent.change(q.getByLabelText('Intensity by'), { target: { value: 'hr_zone' } });
    await fireEvent.change(q.getByLabelText('Heart-rate zone'), { target: { value: '4' } });
    await fireEvent.click(q.getByRole('button', { name: 'Add a repeat' }));
    await fireEvent.input(q.getByLabelText('Step 1 repeat count'), { target: { value: '3' } });
    await fireEvent.input(q.getByLabelText('Step 1.1 time (m:ss)'), { target: { value: '10:00' } });
    await fireEvent.change(q.getByLabelText('Step 1.1 target'), { target: { value: 'lthr_percent' } });
    await fireEvent.input(q.getByLabelText('Step 1.1 target from'), { target: { value: '95' } });
    await fireEvent.input(q.getByLabelText('Step 1.1 target to'), { target: { value: '100' } });
    await fireEvent.click(q.getByRole('button', { name: 'Remove Step 1.2' }));
    await fireEvent.click(q.getByRole('button', { name: 'Plan workout' }));

    await waitFor(() => expect(reads).toBe(2));
    expect(bodyOf(fetch, 'POST').body).toEqual({
      date: '2026-12-10',
      sport: 'Run',
      title: 'Threshold',
      description: null,
      durationS: 4200,
      distanceM: null,
      intensity: { type: 'hr_zone', value: 4 },
      targetLoad: null,
      steps: [
        {
          type: 'repeat', count: 3,
          steps: [{ type: 'work', durationS: 600, distanceM: null, target: { type: 'lthr_percent', low: 95, high: 100 } }],
        },
      ],
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Threshold saved on Thu, 10 Dec 2026.')).toBeTruthy();
  }, 20_000); // many inputs: slow on a loaded machine

  it("shows the server's 422 under the step's field it names", async () => {
    stubFetch({
      [`GET ${DEC}`]: () => json(200, month()),
      'POST /api/plan/workouts': () => apiError(422, 'invalid', 'A step lasts at most 6 hours.', 'steps[0].durationS'),
    });
    render(Calendar, { layout: 'month' });
    await fireEvent.click(await screen.findByRole('button', { name: 'Plan a workout on Thu, 10 Dec 2026' }));
    const q = within(screen.getByRole('dialog'));
    await fireEvent.input(q.getByLabelText('Title'), { target: { value: 'Long' } });
    await fireEvent.click(q.getByRole('button', { name: 'Add a step' }));
    await fireEvent.input(q.getByLabelText('Step 1 time (m:ss)'), { target: { value: '7:00:00' } });
    await fireEvent.click(q.getByRole('button', { name: 'Plan workout' }));
    const field = q.getByLabelText('Step 1 time (m:ss)');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(field.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toBe('A step lasts at most 6 hours.');
    expect(q.queryByRole('alert')).toBeNull();
  });

  it('moves a workout with the "Move to" field: a full PUT with the new date and the estimate left to the server', async () => {
    const fetch = stubFetch({
      [`GET ${DEC}`]: () => json(200, month()),
      'PUT /api/plan/workouts/w1': () => json(200, workout({ date: '2026-12-11' })),
    });
    render(Calendar, { layout: 'month' });
    await fireEvent.click(await screen.findByRole('button', { name: /Planned Run: Easy run/ }));
    const q = within(screen.getByRole('dialog', { name: 'Edit Easy run' }));
    expect(q.getByText(/now 60, estimated/)).toBeTruthy();
    await fireEvent.input(q.getByLabelText('Move to'), { target: { value: '2026-12-11' } });
    await fireEvent.click(q.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bodyOf(fetch, 'PUT').body).toEqual({
      date: '2026-12-11', sport: 'Run', title: 'Easy run', description: null, durationS: 3600, distanceM: null,
      intensity: { type: 'rpe', value: 3 }, targetLoad: null, steps: [],
    });
  });

  it('moves a workout by dragging it onto another day, as the same full PUT', async () => {
    const fetch = stubFetch({
      [`GET ${DEC}`]: () => json(200, month()),
      'PUT /api/plan/workouts/w1': () => json(200, workout({ date: '2026-12-12' })),
    });
    render(Calendar, { layout: 'month' });
    const item = await screen.findByRole('button', { name: /Planned Run: Easy run/ });
    await fireEvent.dragStart(item);
    const target = document.querySelector('td[data-date="2026-12-12"]')!;
    await fireEvent.dragOver(target);
    await fireEvent.drop(target);
    await waitFor(() => expect(screen.getByText('Easy run moved to Sat, 12 Dec 2026.')).toBeTruthy());
    expect(bodyOf(fetch, 'PUT').body).toMatchObject({ date: '2026-12-12', title: 'Easy run', targetLoad: null });
  });

  it('deletes a workout only after confirming', async () => {
    let reads = 0;
    const fetch = stubFetch({
      [`GET ${DEC}`]: () => (reads++, json(200, month())),
      'DELETE /api/plan/workouts/w1': () => new Response(null, { status: 204 }),
    });
    render(Calendar, { layout: 'month' });
    await fireEvent.click(await screen.findByRole('button', { name: /Planned Run: Easy run/ }));
    await fireEvent.click(within(screen.getByRole('dialog', { name: 'Edit Easy run' })).getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete this planned workout?' });
    expect(fetch.mock.calls.some(([, i]) => i?.method === 'DELETE')).toBe(false);
    await fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(reads).toBe(2));
    expect(bodyOf(fetch, 'DELETE').url).toBe('/api/plan/workouts/w1');
    expect(screen.getByText('Workout deleted.')).toBeTruthy();
  });

  it('links a past workout: no activity did it, or back to automatic', async () => {
    const fetch = stubFetch({
      [`GET ${DEC}`]: () => json(200, month()),
      'PUT /api/plan/workouts/w0/link': () => json(200, { ...DONE, completion: null }),
      'DELETE /api/plan/workouts/w0/link': () => json(200, DONE),
    });
    render(Calendar, { layout: 'month' });
    await fireEvent.click(await screen.findByRole('button', { name: /Planned Run: Tempo/ }));
    const q = within(screen.getByRole('dialog', { name: 'Edit Tempo' }));
    const select = q.getByLabelText('Activity that did this workout') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toContain('Morning run · 45:00');
    await fireEvent.change(select, { target: { value: 'none' } });
    await fireEvent.click(q.getByRole('button', { name: 'Save link' }));
    await waitFor(() => expect(bodyOf(fetch, 'PUT').body).toEqual({ activityId: null }));
    expect(bodyOf(fetch, 'PUT').url).toBe('/api/plan/workouts/w0/link');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await fireEvent.click(await screen.findByRole('button', { name: /Planned Run: Tempo/ }));
    const again = within(screen.getByRole('dialog', { name: 'Edit Tempo' }));
    await fireEvent.change(again.getByLabelText('Activity that did this workout'), { target: { value: 'auto' } });
    await fireEvent.click(again.getByRole('button', { name: 'Save link' }));
    await waitFor(() => expect(bodyOf(fetch, 'DELETE').url).toBe('/api/plan/workouts/w0/link'));
  });

  it('adds a race with its priority and distance, and shows a 422 at its field', async () => {
    let attempt = 0;
    const fetch = stubFetch({
      [`GET ${DEC}`]: () => json(200, month()),
      'POST /api/plan/events': () =>
        attempt++ === 0 ? apiError(422, 'invalid', 'The name is too long.', 'name') : json(201, { ...RACE, id: 'e2', name: 'Half' }),
    });
    render(Calendar, { layout: 'month' });
    await screen.findByTestId('month-grid');
    await fireEvent.click(screen.getByRole('button', { name: 'Add an event' }));
    const q = within(screen.getByRole('dialog', { name: 'Add a race or event' }));
    await fireEvent.input(q.getByLabelText('Name'), { target: { value: 'Half' } });
    await fireEvent.input(q.getByLabelText('Date'), { target: { value: '2027-03-14' } });
    await fireEvent.input(q.getByLabelText('Distance (km)'), { target: { value: '21.1' } });
    await fireEvent.change(q.getByLabelText('Priority'), { target: { value: 'B' } });
    await fireEvent.click(q.getByRole('button', { name: 'Add event' }));
    await waitFor(() => expect(q.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true'));
    expect(q.getByText('The name is too long.')).toBeTruthy();
    await fireEvent.click(q.getByRole('button', { name: 'Add event' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bodyOf(fetch, 'POST').body).toEqual({ date: '2027-03-14', name: 'Half', sport: 'Run', distanceM: 21100, priority: 'B' });
  });

  it('shows a placeholder until the month is in, then the error with a retry', async () => {
    let fail = true;
    stubFetch({ [`GET ${DEC}`]: () => (fail ? apiError(500, 'boom', 'x') : json(200, month())) });
    render(Calendar, { layout: 'month' });
    expect(document.querySelector('.cal-skel')).toBeTruthy();
    expect(await screen.findByRole('alert')).toBeTruthy();
    fail = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('month-grid')).toBeTruthy();
  });
});
