import type { User } from './api/auth';

export type View =
  | 'loading'
  | 'unreachable'
  | 'setup'
  | 'login'
  | 'dashboard'
  | 'activities'
  | 'activity'
  | 'calendar'
  | 'analytics'
  | 'progress'
  | 'heatmap'
  | 'wellness'
  | 'coach'
  | 'reports'
  | 'import'
  | 'settings'
  | 'notfound';

export interface RouteState {
  phase: 'loading' | 'ready' | 'error';
  user: User | null;
  /** From /api/auth/status: true once the account exists. */
  setupDone: boolean | null;
}

export interface Route {
  view: View;
  /** Path parameters, e.g. the activity id. */
  params?: Record<string, string>;
  /** Set when the address bar must be replaced with this path. */
  redirect?: string;
}

export function normalizePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** The screens of a signed-in athlete, by path. */
const SCREENS: Record<string, View> = {
  '/': 'dashboard',
  '/activities': 'activities',
  '/calendar': 'calendar',
  '/analytics': 'analytics',
  '/progress': 'progress',
  '/heatmap': 'heatmap',
  '/wellness': 'wellness',
  '/coach': 'coach',
  '/reports': 'reports',
  '/import': 'import',
  '/settings': 'settings',
};

/** The top navigation, in order. */
export const NAV: { path: string; label: string; view: View }[] = [
  { path: '/', label: 'Dashboard', view: 'dashboard' },
  { path: '/activities', label: 'Activities', view: 'activities' },
  { path: '/calendar', label: 'Calendar', view: 'calendar' },
  { path: '/analytics', label: 'Analytics', view: 'analytics' },
  { path: '/progress', label: 'Progress', view: 'progress' },
  { path: '/heatmap', label: 'Heatmap', view: 'heatmap' },
  { path: '/wellness', label: 'Wellness', view: 'wellness' },
  { path: '/coach', label: 'Coach', view: 'coach' },
  { path: '/reports', label: 'Reports', view: 'reports' },
  { path: '/import', label: 'Import', view: 'import' },
  { path: '/settings', label: 'Settings', view: 'settings' },
];

/** The screen a path shows to a signed-in athlete. */
export function signedInRoute(rawPath: string): Route {
  const path = normalizePath(rawPath);
  const screen = SCREENS[path];
  if (screen) return { view: screen };
  const activity = /^\/activities\/([^/]+)$/.exec(path);
  if (activity) return { view: 'activity', params: { id: decodeURIComponent(activity[1]) } };
  // /coach/<session id> opens one chat session.
  const chat = /^\/coach\/([^/]+)$/.exec(path);
  if (chat) return { view: 'coach', params: { sessionId: decodeURIComponent(chat[1]) } };
  const report = /^\/reports\/([^/]+)$/.exec(path);
  if (report) return { view: 'reports', params: { week: decodeURIComponent(report[1]) } };
  return { view: 'notfound' };
}

/** Decides which screen a path shows for the current session. */
export function resolveRoute(rawPath: string, state: RouteState): Route {
  const path = normalizePath(rawPath);
  if (state.phase === 'loading') return { view: 'loading' };
  if (state.phase === 'error') return { view: 'unreachable' };

  if (state.user) {
    if (path === '/login' || path === '/setup') return { view: 'dashboard', redirect: '/' };
    return signedInRoute(path);
  }
  if (state.setupDone) {
    return path === '/login' ? { view: 'login' } : { view: 'login', redirect: '/login' };
  }
  return path === '/setup' ? { view: 'setup' } : { view: 'setup', redirect: '/setup' };
}

/** The nav entry a view belongs to (an activity page belongs to Activities). */
export function navSection(view: View): string | null {
  if (view === 'activity') return '/activities';
  return NAV.find((n) => n.view === view)?.path ?? null;
}

export const TITLES: Record<View, string> = {
  loading: 'FitCoach',
  unreachable: 'FitCoach – server unreachable',
  setup: 'Create your account – FitCoach',
  login: 'Sign in – FitCoach',
  dashboard: 'Dashboard – FitCoach',
  activities: 'Activities – FitCoach',
  activity: 'Activity – FitCoach',
  calendar: 'Calendar – FitCoach',
  analytics: 'Analytics – FitCoach',
  progress: 'Progress – FitCoach',
  heatmap: 'Heatmap – FitCoach',
  wellness: 'Wellness – FitCoach',
  coach: 'Coach – FitCoach',
  reports: 'Reports – FitCoach',
  import: 'Import – FitCoach',
  settings: 'Settings – FitCoach',
  notfound: 'Page not found – FitCoach',
};
