import { describe, expect, it } from 'vitest';
import { NAV, navSection, normalizePath, resolveRoute, type RouteState } from './routing';
import { USER } from '../test/http';

const signedIn: RouteState = { phase: 'ready', user: USER, setupDone: true };
const signedOut: RouteState = { phase: 'ready', user: null, setupDone: true };
const fresh: RouteState = { phase: 'ready', user: null, setupDone: false };

describe('resolveRoute', () => {
  it('waits while the session loads', () => {
    expect(resolveRoute('/anything', { phase: 'loading', user: null, setupDone: null })).toEqual({ view: 'loading' });
    expect(resolveRoute('/', { phase: 'error', user: null, setupDone: null })).toEqual({ view: 'unreachable' });
  });

  it('shows the dashboard at / when signed in, and sends /login and /setup there', () => {
    expect(resolveRoute('/', signedIn)).toEqual({ view: 'dashboard' });
    expect(resolveRoute('/login', signedIn)).toEqual({ view: 'dashboard', redirect: '/' });
    expect(resolveRoute('/setup/', signedIn)).toEqual({ view: 'dashboard', redirect: '/' });
    expect(resolveRoute('/nope', signedIn)).toEqual({ view: 'notfound' });
  });

  it('knows every screen of the top navigation', () => {
    for (const item of NAV) expect(resolveRoute(item.path, signedIn).view).toBe(item.view);
    expect(resolveRoute('/activities/', signedIn)).toEqual({ view: 'activities' });
  });

  it('reads path parameters', () => {
    expect(resolveRoute('/activities/3f1c-aa', signedIn)).toEqual({ view: 'activity', params: { id: '3f1c-aa' } });
    expect(resolveRoute('/coach/s1', signedIn)).toEqual({ view: 'coach', params: { sessionId: 's1' } });
    expect(resolveRoute('/reports/2026-W47', signedIn)).toEqual({ view: 'reports', params: { week: '2026-W47' } });
    expect(resolveRoute('/activities/a/b', signedIn)).toEqual({ view: 'notfound' });
  });

  it('highlights Activities on an activity page', () => {
    expect(navSection('activity')).toBe('/activities');
    expect(navSection('dashboard')).toBe('/');
    expect(navSection('notfound')).toBeNull();
  });

  it('sends a signed-out visitor of any screen to sign-in', () => {
    expect(resolveRoute('/activities/1', signedOut)).toEqual({ view: 'login', redirect: '/login' });
  });

  it('offers only sign-in once the account exists', () => {
    expect(resolveRoute('/login', signedOut)).toEqual({ view: 'login' });
    expect(resolveRoute('/', signedOut)).toEqual({ view: 'login', redirect: '/login' });
    expect(resolveRoute('/setup', signedOut)).toEqual({ view: 'login', redirect: '/login' });
  });

  it('offers only setup before the account exists', () => {
    expect(resolveRoute('/setup', fresh)).toEqual({ view: 'setup' });
    expect(resolveRoute('/', fresh)).toEqual({ view: 'setup', redirect: '/setup' });
    expect(resolveRoute('/login', fresh)).toEqual({ view: 'setup', redirect: '/setup' });
  });
});

describe('normalizePath', () => {
  it('drops trailing slashes but keeps the root', () => {
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('')).toBe('/');
    expect(normalizePath('/login//')).toBe('/login');
  });
});
