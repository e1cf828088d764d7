import type { User } from './api/auth';

export type View = 'loading' | 'unreachable' | 'setup' | 'login' | 'home' | 'notfound';

export interface RouteState {
  phase: 'loading' | 'ready' | 'error';
  user: User | null;
  /** From /api/auth/status: true once the account exists. */
  setupDone: boolean | null;
}

export interface Route {
  view: View;
  /** Set when the address bar must be replaced with this path. */
  redirect?: string;
}

export function normalizePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** Decides which screen a path shows for the current session. */
export function resolveRoute(rawPath: string, state: RouteState): Route {
  const path = normalizePath(rawPath);
  if (state.phase === 'loading') return { view: 'loading' };
  if (state.phase === 'error') return { view: 'unreachable' };

  if (state.user) {
    if (path === '/') return { view: 'home' };
    if (path === '/login' || path === '/setup') return { view: 'home', redirect: '/' };
    return { view: 'notfound' };
  }
  if (state.setupDone) {
    return path === '/login' ? { view: 'login' } : { view: 'login', redirect: '/login' };
  }
  return path === '/setup' ? { view: 'setup' } : { view: 'setup', redirect: '/setup' };
}

export const TITLES: Record<View, string> = {
  loading: 'FitCoach',
  unreachable: 'FitCoach – server unreachable',
  setup: 'Create your account – FitCoach',
  login: 'Sign in – FitCoach',
  home: 'FitCoach',
  notfound: 'Page not found – FitCoach',
};
