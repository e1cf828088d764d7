import { ApiError } from './api/client';

/** Per-status wording for a screen, e.g. { 401: 'Wrong email or password.' }. */
export type MessageOverrides = Partial<Record<number, string>>;

export const UNREACHABLE = 'Cannot reach the FitCoach server. Check that it is running and your connection, then try again.';

function tooManyAttempts(retryAfter: number | null): string {
  if (retryAfter != null && retryAfter > 0) {
    return `Too many attempts, try again in ${retryAfter} s.`;
  }
  return 'Too many attempts, wait a moment and try again.';
}

/** Turns anything thrown by an API call into a sentence an athlete can act on. */
export function errorMessage(error: unknown, overrides: MessageOverrides = {}): string {
  if (error instanceof ApiError) {
    const override = overrides[error.status];
    if (override) return override;
    const { status } = error;
    if (status === 0) return UNREACHABLE;
    if (status === 429) return tooManyAttempts(error.retryAfter);
    if (status === 401) return 'Your session has ended. Sign in again.';
    if (status === 403) return 'You are not allowed to do that.';
    if (status >= 500) {
      if (status === 502 || status === 503 || status === 504) return UNREACHABLE;
      return 'The FitCoach server ran into a problem. Try again in a moment.';
    }
    // 4xx: the server's own message names what to fix (the status text does not).
    if (error.message && !error.code.startsWith('http_')) return error.message;
    if (status === 400 || status === 422) return 'Check the form and try again.';
    return `The request failed (HTTP ${status}). Try again.`;
  }
  // fetch() rejects with a TypeError when the network is down.
  if (error instanceof TypeError) return UNREACHABLE;
  return 'Something unexpected went wrong. Reload the page and try again.';
}
