// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import StravaSection from './StravaSection.svelte';
import { json, stubFetch } from '../../../test/http';

vi.mock('../../state/live.svelte', () => ({
  live: { activitiesVersion: 0, sync: null, importJob: null, status: 'open', start: vi.fn(), stop: vi.fn() },
}));

const HOUR = 3_600_000;
const BASE = {
  configured: true, connected: false, athleteId: null, athleteName: null, scopes: [], needsReauth: false,
  lastSyncAt: null, sync: null, rateLimit: null,
};
const CONNECTED = { ...BASE, connected: true, athleteId: 42, athleteName: 'Ana', scopes: ['activity:read_all'], lastSyncAt: '2026-11-24T06:00:00Z' };
const COPIES = {
  count: 300, oldestRefreshedAt: new Date(Date.now() - 72 * HOUR).toISOString(),
  expiresAt: new Date(Date.now() + 96 * HOUR).toISOString(), retention: 'strava_policy', atRisk: false, reason: null,
};
const REFRESH = {
  state: 'done', activitiesFetched: 300, confirmed: 298, removed: 2, error: null,
  updatedAt: new Date(Date.now() - 2 * HOUR).toISOString(), finishedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
};

afterEach(() => vi.useRealTimers());

describe('Strava section: connecting', () => {
  it('explains in plain words before going to Strava: what is kept, what the coach reads, the export path', async () => {
    stubFetch({ 'GET /api/strava/status': () => json(200, BASE) });
    render(StravaSection);
    await fireEvent.click(await screen.findByRole('button', { name: 'Connect Strava' }));

    const panel = screen.getByRole('region', { name: 'Before you connect Strava' });
    await vi.waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: 'Before you connect Strava' })));
    const text = panel.textContent!.replace(/\s+/g, ' ');
    // What is kept, and for how long.
    expect(text).toContain('The copies stay while Strava is connected, and FitCoach has Strava re-confirm them about once a day.');
    expect(text).toContain('removed when you disconnect or when Strava revokes access');
    expect(text).toContain('any copy Strava cannot re-confirm for 7 days is removed: those are Strava’s rules');
    // What the coach may read.
    expect(text).toContain('only if you allow it in the coach data policy, with an explicit acknowledgement');
    expect(within(panel).getByRole('link', { name: 'coach data policy' }).getAttribute('href')).toBe('/settings#coach-data-policy');
    // The better path: the bulk export, step by step.
    expect(text).toContain('On strava.com, open Settings → My Account.');
    expect(text).toContain('Under “Download or Delete Your Account”, choose “Request your archive”.');
    expect(text).toContain('Wait for Strava’s e-mail');
    expect(within(panel).getByRole('link', { name: 'Import' }).getAttribute('href')).toBe('/import');
    // Then on to Strava (a full-page navigation) or back.
    const go = within(panel).getByRole('link', { name: 'Continue to Strava' });
    expect(go.getAttribute('href')).toBe('/api/strava/connect');
    expect(go.hasAttribute('data-external')).toBe(true);
  });

  it('cancels with the button or Escape, back to Connect', async () => {
    stubFetch({ 'GET /api/strava/status': () => json(200, BASE) });
    render(StravaSection);
    await fireEvent.click(await screen.findByRole('button', { name: 'Connect Strava' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Before you connect Strava' })).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Connect Strava' })));

    await fireEvent.click(screen.getByRole('button', { name: 'Connect Strava' }));
    await fireEvent.keyDown(screen.getByRole('link', { name: 'Continue to Strava' }), { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Before you connect Strava' })).toBeNull();
  });
});

describe('Strava section: disconnecting', () => {
  it('says what goes and what stays before disconnecting, then shows the server’s message', async () => {
    let connected = true;
    const message =
      'Strava is disconnected. 302 activities that only Strava’s API held were removed, as Strava’s rules require; your 14 activities from files, exports and manual entries stay.';
    const fetchMock = stubFetch({
      'GET /api/strava/status': () => json(200, connected ? { ...CONNECTED, copies: COPIES } : BASE),
      'DELETE /api/strava/disconnect': () => {
        connected = false;
        return json(200, { disconnected: true, revokedOnStrava: true, stravaCopiesRemoved: 302, activitiesKept: 14, message });
      },
    });
    const confirmSpy = vi.spyOn(window, 'confirm');
    render(StravaSection);
    await fireEvent.click(await screen.findByRole('button', { name: 'Disconnect' }));

    const confirm = screen.getByRole('group', { name: 'Disconnect Strava?' });
    const text = confirm.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('FitCoach then removes its 300 copies of activities from Strava’s API, as Strava’s rules require.');
    expect(text).toContain('Your activities from files, your Strava export and manual entries stay');
    const deletes = () => fetchMock.mock.calls.filter(([, i]) => (i as RequestInit)?.method === 'DELETE').length;

    await fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Disconnect Strava?' })).toBeNull();
    expect(deletes()).toBe(0);

    await fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    await fireEvent.click(within(screen.getByRole('group', { name: 'Disconnect Strava?' })).getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(deletes()).toBe(1);
    expect(confirmSpy).not.toHaveBeenCalled();
    expect(await screen.findByRole('button', { name: 'Connect Strava' })).toBeTruthy();
  });
});

describe('Strava section: the stored copies', () => {
  it('shows how many copies, when Strava last confirmed them and the refresh, quietly', async () => {
    stubFetch({ 'GET /api/strava/status': () => json(200, { ...CONNECTED, copies: COPIES, refresh: REFRESH }) });
    render(StravaSection);
    const copies = await screen.findByTestId('strava-copies');
    expect(copies.textContent).toContain('300 activities from Strava stored; Strava last confirmed the oldest of them 3 days ago.');
    expect(within(copies).getByText('Last re-confirmed with Strava 2 h ago: 298 confirmed, 2 activities removed because Strava no longer lists them.')).toBeTruthy();
    expect(within(copies).queryByRole('alert')).toBeNull();
  });

  it('warns before copies expire: when they go, why, and what to do', async () => {
    stubFetch({
      'GET /api/strava/status': () =>
        json(200, { ...CONNECTED, copies: { ...COPIES, atRisk: true, reason: 'refresh_failing' }, refresh: { ...REFRESH, state: 'failed', error: 'Strava answered 503' } }),
    });
    render(StravaSection);
    const warning = await screen.findByTestId('strava-copies-at-risk');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.textContent).toMatch(/Your 300 activities from Strava will be removed, starting .+, unless Strava confirms them again\./);
    expect(warning.textContent).toContain('Why: re-confirming them with Strava keeps failing (Strava answered 503)');
    expect(warning.textContent).toContain('FitCoach keeps trying; if this goes on, reconnect Strava.');
    expect(within(warning).getByRole('link', { name: 'Reconnect Strava' }).getAttribute('href')).toBe('/api/strava/connect');
    expect(within(warning).getByRole('link', { name: 'import your Strava export' }).getAttribute('href')).toBe('/import');
    expect(screen.getByText('The last re-confirmation with Strava failed: Strava answered 503.')).toBeTruthy();
  });

  it('warns after Strava was disconnected elsewhere, with Connect to keep them', async () => {
    stubFetch({ 'GET /api/strava/status': () => json(200, { ...BASE, copies: { ...COPIES, atRisk: true, reason: 'not_connected' }, refresh: null }) });
    render(StravaSection);
    const warning = await screen.findByTestId('strava-copies-at-risk');
    expect(warning.textContent).toContain('Why: Strava is not connected');
    expect(warning.textContent).toContain('Connect Strava again to keep them.');
    expect(within(warning).queryByRole('link', { name: 'Reconnect Strava' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Connect Strava' })).toBeTruthy();
  });

  it('works as before with a server that sends no copies or refresh', async () => {
    stubFetch({ 'GET /api/strava/status': () => json(200, CONNECTED) });
    render(StravaSection);
    expect(await screen.findByRole('button', { name: 'Sync now' })).toBeTruthy();
    expect(screen.queryByTestId('strava-copies')).toBeNull();
    expect(screen.getByText('Connected')).toBeTruthy();
  });

  it('looks at a running refresh again after a while', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let calls = 0;
    stubFetch({
      'GET /api/strava/status': () => {
        calls++;
        const refresh = calls === 1 ? { ...REFRESH, state: 'running', confirmed: 100, activitiesFetched: 100, finishedAt: null } : REFRESH;
        return json(200, { ...CONNECTED, copies: COPIES, refresh });
      },
    });
    render(StravaSection);
    await vi.waitFor(() => expect(screen.getByText('Re-confirming your activities with Strava… 100 read, 100 confirmed.')).toBeTruthy());
    await vi.advanceTimersByTimeAsync(15_000);
    await vi.waitFor(() => expect(screen.getByText(/^Last re-confirmed with Strava/)).toBeTruthy());
    expect(calls).toBe(2);
  });
});
