// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import RpePrompt from './RpePrompt.svelte';
import { apiError, json, stubFetch } from '../../test/http';
import { live } from '../state/live.svelte';

const GET = 'GET /api/activities/rpe-prompt';
const RUN = { id: 'a-1', name: 'Lunch run', sportType: 'Run', startDateLocal: '2026-12-06T12:15:00', movingTimeS: 2700 };

function scale() {
  return screen.getByRole('group', { name: 'How hard did Lunch run feel?' });
}

afterEach(() => vi.useRealTimers());

describe('RpePrompt', () => {
  it('asks how hard the activity felt, with ten named buttons from very easy to maximal and a Dismiss button', async () => {
    stubFetch({ [GET]: () => json(200, RUN) });
    render(RpePrompt);
    expect(await screen.findByRole('heading', { name: 'How hard did Lunch run feel?' })).toBeTruthy();
    const buttons = Array.from(scale().querySelectorAll('button'));
    expect(buttons.map((b) => b.textContent)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(screen.getByRole('button', { name: '1, Very easy' })).toBe(buttons[0]);
    expect(screen.getByRole('button', { name: '10, Maximal' })).toBe(buttons[9]);
    expect(screen.getByTestId('rpe-prompt').textContent).toContain('Sun, 6 Dec 2026, 12:15');
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeTruthy();
  }, 20_000); // the file's first render compiles the component: slow on a loaded machine

  it('renders nothing while there is no question, when the answer is null, and when the request fails', async () => {
    let answer = (): Response => json(200, null);
    const fetch = stubFetch({ [GET]: () => answer() });
    const first = render(RpePrompt);
    expect(first.container.textContent!.trim()).toBe('');
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(first.container.innerHTML.replace(/<!---->/g, '').trim()).toBe('');
    first.unmount();

    answer = () => apiError(500, 'internal', 'boom');
    const second = render(RpePrompt);
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 0));
    expect(second.container.textContent!.trim()).toBe('');
  });

  it('one tap saves the RPE on the activity, and the question gives way to a confirmation that takes focus', async () => {
    const fetch = stubFetch({
      [GET]: () => json(200, RUN),
      'PATCH /api/activities/a-1': (init) => json(200, { ...RUN, rpe: JSON.parse(String(init.body)).rpe, load: 52.5 }),
    });
    render(RpePrompt);
    await fireEvent.click(await screen.findByRole('button', { name: '7, Very hard' }));
    const done = await screen.findByRole('status');
    expect(done.textContent).toContain('Saved: Lunch run felt 7 out of 10 (very hard).');
    expect(document.activeElement).toBe(done);
    expect(screen.queryByTestId('rpe-prompt')).toBeNull();
    const patch = fetch.mock.calls.find(([, init]) => init?.method === 'PATCH')!;
    expect(JSON.parse(String(patch[1]!.body))).toEqual({ rpe: 7 });
    expect(screen.getByRole('link', { name: 'Open the activity' }).getAttribute('href')).toBe('/activities/a-1');
  });

  it('Dismiss tells the server not to ask about that activity again, and the question goes', async () => {
    const fetch = stubFetch({
      [GET]: () => json(200, RUN),
      'POST /api/activities/a-1/rpe-prompt/dismiss': () => json(200, { ok: true }),
    });
    render(RpePrompt);
    await fireEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
    expect((await screen.findByRole('status')).textContent).toContain('Not asked again.');
    expect(screen.queryByTestId('rpe-prompt')).toBeNull();
    expect(fetch.mock.calls.some(([url, init]) => String(url).endsWith('/rpe-prompt/dismiss') && init?.method === 'POST')).toBe(true);
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);
  });

  it('a failed save says why and keeps the question, so the athlete can tap again', async () => {
    stubFetch({
      [GET]: () => json(200, RUN),
      'PATCH /api/activities/a-1': () => apiError(404, 'not_found', 'No such activity'),
    });
    render(RpePrompt);
    await fireEvent.click(await screen.findByRole('button', { name: '5, Hard' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No such activity');
    expect(screen.getByTestId('rpe-prompt')).toBeTruthy();
    expect((screen.getByRole('button', { name: '5, Hard' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('an unnamed activity is asked about by its sport', async () => {
    stubFetch({ [GET]: () => json(200, { ...RUN, name: null, sportType: 'Ride' }) });
    render(RpePrompt);
    expect(await screen.findByRole('heading', { name: 'How hard did your ride feel?' })).toBeTruthy();
  });

  it('asks about an activity that arrives while the dashboard is open, asking the server at most every 2.5 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let answer: unknown = null;
    const fetch = stubFetch({ [GET]: () => json(200, answer) });
    render(RpePrompt);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('rpe-prompt')).toBeNull();
    // A sync storing a page every 100 ms for 2 s (the live feed bumps the version for each).
    for (let page = 0; page < 20; page++) {
      live.activitiesVersion++;
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(fetch.mock.calls.length).toBeLessThanOrEqual(3);
    answer = RUN;
    live.activitiesVersion++;
    await vi.advanceTimersByTimeAsync(2500);
    expect(await screen.findByTestId('rpe-prompt')).toBeTruthy();
  });
});
