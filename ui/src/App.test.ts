// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { SCREEN_LOADERS } from './lib/screens/loaders';
import { session } from './lib/state/session.svelte';
import { USER, apiError, json, stubFetch } from './test/http';

// No bridge socket in unit tests: live updates are a no-op here (the wrapper has its own tests).
vi.mock('./lib/state/live.svelte', () => ({
  live: { activitiesVersion: 0, sync: null, importJob: null, status: 'idle', start: vi.fn(), stop: vi.fn() },
}));

const dashboard = () => screen.findByRole('heading', { name: 'Dashboard', level: 1 });

const unauthorized = () => json(200, { user: null });

// Each screen is a lazily loaded chunk; loading them once here keeps a first transform of a screen's module out of
// the timeouts of the tests below (in the browser, the chunk is fetched while the session is checked).
beforeAll(async () => {
  await Promise.all(Object.values(SCREEN_LOADERS).map((load) => load()));
}, 120_000);

beforeEach(() => {
  session.user = null;
  session.setupDone = null;
  session.phase = 'loading';
  window.history.replaceState(null, '', '/');
});

describe('App routing', () => {
  it('goes to /setup when no account exists yet', async () => {
    stubFetch({
      'GET /api/auth/session': unauthorized,
      'GET /api/auth/status': () => json(200, { setup: false }),
    });
    render(App);
    expect(await screen.findByRole('heading', { name: 'Create your account' })).toBeTruthy();
    expect(window.location.pathname).toBe('/setup');
    expect(document.title).toBe('Create your account – FitCoach');
  });

  it('goes to /login when the account exists, and to / after signing in', async () => {
    stubFetch({
      'GET /api/auth/session': unauthorized,
      'GET /api/auth/status': () => json(200, { setup: true }),
      'POST /api/auth/login': () => json(200, USER),
    });
    render(App);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(window.location.pathname).toBe('/login');

    await fireEvent.input(screen.getByLabelText('Email'), { target: { value: USER.email } });
    await fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await dashboard()).toBeTruthy();
    expect(window.location.pathname).toBe('/');
  });

  it('shows the dashboard when already signed in, and /login after signing out', async () => {
    window.history.replaceState(null, '', '/login');
    stubFetch({
      'GET /api/auth/session': () => json(200, { user: USER }),
      'POST /api/auth/logout': () => json(200, { ok: true }),
    });
    render(App);
    expect(await dashboard()).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
    expect(window.location.pathname).toBe('/');

    await fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(window.location.pathname).toBe('/login');
  });

  it('offers a retry when the server cannot be reached', async () => {
    let up = false;
    stubFetch({
      'GET /api/auth/session': () => (up ? json(200, { user: USER }) : Promise.reject(new TypeError('Failed to fetch'))),
    });
    render(App);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Cannot reach the FitCoach server/);

    up = true;
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await dashboard()).toBeTruthy();
  });

  it('shows not found for an unknown path when signed in', async () => {
    window.history.replaceState(null, '', '/nowhere');
    stubFetch({ 'GET /api/auth/session': () => json(200, { user: USER }) });
    render(App);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('link', { name: 'Go to the start page' }));
    expect(await dashboard()).toBeTruthy();
    expect(window.location.pathname).toBe('/');
  });

  it('navigates between screens with the top navigation, in the same page', async () => {
    stubFetch({ 'GET /api/auth/session': () => json(200, { user: USER }) });
    render(App);
    await dashboard();
    await fireEvent.click(screen.getByRole('link', { name: 'Activities' }));
    expect(await screen.findByRole('heading', { name: 'Activities', level: 1 })).toBeTruthy();
    expect(window.location.pathname).toBe('/activities');
    expect(document.title).toBe('Activities – FitCoach');
    expect(screen.getByRole('link', { name: 'Activities' }).getAttribute('aria-current')).toBe('page');

    await fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { name: 'Settings', level: 1 })).toBeTruthy();
    window.history.back();
    await new Promise((r) => setTimeout(r, 50));
    expect(await screen.findByRole('heading', { name: 'Activities', level: 1 })).toBeTruthy();
  });

  it('returns to sign-in with a notice when the session expires', async () => {
    stubFetch({
      'GET /api/auth/session': () => json(200, { user: USER }),
      'GET /api/activities/stats': () => apiError(401, 'unauthenticated', 'Sign in first'),
    });
    render(App);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Your session has ended. Sign in again.');
  });
});
