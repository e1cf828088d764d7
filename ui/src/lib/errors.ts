import { ApiError } from './api/client';

/** Per-status wording for a screen, e.g. { 401: 'Wrong email or password.' }. */
export type MessageOverrides = Partial<Record<number, string>>;

export const UNREACHABLE = 'Cannot reach the FitCoach server. Check that it is running and your connection, then try again.';

export const SESSION_ENDED = 'Your session has ended. Sign in again.';

/**
 * What the athlete can do about an error code, wherever it comes from (a JSON error body or an
 * `event: error` frame of a stream). Codes not listed fall back to the server's own message.
 */
const BY_CODE: Record<string, string> = {
  llm_not_configured: 'The coach needs an AI provider: add a Claude key or a local model in Settings.',
  llm_model_missing: 'Choose a model for your local AI provider in Settings.',
  llm_key_rejected: 'Your AI provider rejected the API key. Check or replace it in Settings.',
  llm_rate_limited: 'Your AI provider is rate-limiting requests. Wait a minute and try again.',
  llm_overloaded: 'Your AI provider is overloaded right now. Try again in a moment.',
  llm_unreachable: 'The AI provider cannot be reached. Check your connection, or the local model’s address in Settings.',
  llm_upstream_error: 'The AI provider ran into a problem. Try again in a moment.',
  strava_reauth_needed: 'Strava asks you to reconnect: use “Connect Strava” in Settings.',
  strava_not_connected: 'Connect Strava in Settings first.',
  strava_not_configured:
    'Strava is not set up on this server yet (it needs STRAVA_CLIENT_ID and STRAVA_CLIENT_SECRET).',
  strava_unavailable: 'Strava is not answering right now. Try again later.',
  excluded_by_data_policy:
    'This activity came from the Strava API, and your coach data policy keeps Strava API data away from the coach. You can change that in Settings.',
  secret_unreadable: 'A stored key can no longer be read (the server key changed). Enter it again in Settings.',
  setup_code_required: "Enter the setup code FitCoach printed in its log when it started.",
  setup_code_wrong: "That is not the setup code in FitCoach's log. Check it (the latest start prints a new one) and try again.",
  foreign_origin:
    'FitCoach does not accept changes from this address. If this is where you open it, set FRONTEND_URL (or FITCOACH_ALLOWED_ORIGINS) to it and restart FitCoach.',
  unknown_host:
    'FitCoach is not set up to be opened at this address. Set FRONTEND_URL (or FITCOACH_ALLOWED_ORIGINS) to it and restart FitCoach.',
};

/** The actionable sentence for a known code, else undefined. */
export function messageForCode(code: string | null | undefined): string | undefined {
  return code ? BY_CODE[code] : undefined;
}

/** The sentence for an `event: error` frame of a coach answer. */
export function streamErrorMessage(frame: { code?: string; message?: string } | null | undefined): string {
  const known = messageForCode(frame?.code);
  if (known) return known;
  if (frame?.message) return frame.message;
  return 'The answer stopped because of an error. Try again.';
}

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
    const known = messageForCode(error.code);
    if (known) return known;
    if (status === 429) return tooManyAttempts(error.retryAfter);
    if (status === 401) return SESSION_ENDED;
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
