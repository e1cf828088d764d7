// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { session } from './lib/state/session.svelte';
import { USER, apiError, json, stubFetch } from './test/http';

const unauthorized = () => apiError(401, 'unauthenticated', 'Sign in first');

beforeEach(() => {
  session.user = null;
  session.setupDone = null;
  session.phase = 'loading';
  window.history.replaceState(null, '', '/');
});

describe('App routing', () => {
  it('goes to /setup when no account exists yet', async () => {
    stubFetch({
      'GET /api/auth/me': unauthorized,
      'GET /api/auth/status': () => json(200, { setup: false }),
    });
    render(App);
    expect(await screen.findByRole('heading', { name: 'Create your account' })).toBeTruthy();
    expect(window.location.pathname).toBe('/setup');
    expect(document.title).toBe('Create your account – FitCoach');
  });

  it('goes to /login when the account exists, and to / after signing in', async () => {
    stubFetch({
      'GET /api/auth/me': unauthorized,
      'GET /api/auth/status': () => json(200, { setup: true }),
      'POST /api/auth/login': () => json(200, USER),
    });
    render(App);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(window.location.pathname).toBe('/login');

    await fireEvent.input(screen.getByLabelText('Email'), { target: { value: USER.email } });
    await fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText(USER.email)).toBeTruthy();
    expect(window.location.pathname).toBe('/');
  });

  it('shows Home when already signed in, and /login after signing out', async () => {
    window.history.replaceState(null, '', '/login');
    stubFetch({
      'GET /api/auth/me': () => json(200, USER),
      'POST /api/auth/logout': () => json(200, { ok: true }),
    });
    render(App);
    expect(await screen.findByText(/Signed in as/)).toBeTruthy();
    expect(screen.getByText(USER.email)).toBeTruthy();
    expect(window.location.pathname).toBe('/');

    await fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(window.location.pathname).toBe('/login');
  });

  it('offers a retry when the server cannot be reached', async () => {
    let up = false;
    stubFetch({
      'GET /api/auth/me': () => (up ? json(200, USER) : Promise.reject(new TypeError('Failed to fetch'))),
    });
    render(App);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Cannot reach the FitCoach server/);

    up = true;
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(USER.email)).toBeTruthy();
  });

  it('shows not found for an unknown path when signed in', async () => {
    window.history.replaceState(null, '', '/nowhere');
    stubFetch({ 'GET /api/auth/me': () => json(200, USER) });
    render(App);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('link', { name: 'Go to the start page' }));
    expect(await screen.findByText(USER.email)).toBeTruthy();
    expect(window.location.pathname).toBe('/');
  });
});
