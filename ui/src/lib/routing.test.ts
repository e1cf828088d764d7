import { describe, expect, it } from 'vitest';
import { normalizePath, resolveRoute, type RouteState } from './routing';
import { USER } from '../test/http';

const signedIn: RouteState = { phase: 'ready', user: USER, setupDone: true };
const signedOut: RouteState = { phase: 'ready', user: null, setupDone: true };
const fresh: RouteState = { phase: 'ready', user: null, setupDone: false };

describe('resolveRoute', () => {
  it('waits while the session loads', () => {
    expect(resolveRoute('/anything', { phase: 'loading', user: null, setupDone: null })).toEqual({ view: 'loading' });
    expect(resolveRoute('/', { phase: 'error', user: null, setupDone: null })).toEqual({ view: 'unreachable' });
  });

  it('shows Home at / when signed in, and sends /login and /setup there', () => {
    expect(resolveRoute('/', signedIn)).toEqual({ view: 'home' });
    expect(resolveRoute('/login', signedIn)).toEqual({ view: 'home', redirect: '/' });
    expect(resolveRoute('/setup/', signedIn)).toEqual({ view: 'home', redirect: '/' });
    expect(resolveRoute('/nope', signedIn)).toEqual({ view: 'notfound' });
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
