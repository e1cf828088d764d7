import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR } from './api/client';
import { UNREACHABLE, errorMessage, streamErrorMessage } from './errors';

const err = (status: number, code = 'some_code', message = 'Server says', retryAfter: number | null = null) =>
  new ApiError(status, code, message, null, retryAfter);

describe('errorMessage', () => {
  it('says the server cannot be reached on a network failure', () => {
    expect(errorMessage(new ApiError(0, NETWORK_ERROR, 'x'))).toBe(UNREACHABLE);
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe(UNREACHABLE);
    expect(UNREACHABLE).toContain('Cannot reach the FitCoach server');
  });

  it('treats gateway errors as unreachable', () => {
    expect(errorMessage(err(502, 'http_502', 'Bad Gateway'))).toBe(UNREACHABLE);
    expect(errorMessage(err(504, 'http_504', 'Gateway Timeout'))).toBe(UNREACHABLE);
  });

  it('gives the wait time on 429', () => {
    expect(errorMessage(err(429, 'rate_limited', 'x', 30))).toBe('Too many attempts, try again in 30 s.');
  });

  it('asks to wait a moment on 429 without Retry-After', () => {
    expect(errorMessage(err(429, 'rate_limited', 'x', null))).toBe(
      'Too many attempts, wait a moment and try again.',
    );
  });

  it('uses a screen override for a status', () => {
    expect(errorMessage(err(401), { 401: 'Wrong email or password.' })).toBe('Wrong email or password.');
    expect(errorMessage(err(401))).toBe('Your session has ended. Sign in again.');
  });

  it("shows the server's own message for a 4xx validation error", () => {
    expect(errorMessage(err(400, 'weak_password', 'Password must be at least 10 characters'))).toBe(
      'Password must be at least 10 characters',
    );
  });

  it('does not show a bare status text for a 4xx without an error body', () => {
    expect(errorMessage(err(400, 'http_400', 'Bad Request'))).toBe('Check the form and try again.');
    expect(errorMessage(err(404, 'http_404', 'Not Found'))).toBe('The request failed (HTTP 404). Try again.');
  });

  it('hides internal detail of a 500', () => {
    expect(errorMessage(err(500, 'internal', 'NullPointerException at ...'))).toBe(
      'The FitCoach server ran into a problem. Try again in a moment.',
    );
  });

  it('has a fallback for anything else', () => {
    expect(errorMessage(new Error('weird'))).toMatch(/unexpected/);
    expect(errorMessage('a string')).toMatch(/unexpected/);
  });

  it('tells what to do for the known error codes', () => {
    expect(errorMessage(err(409, 'llm_not_configured', 'No AI provider'))).toBe(
      'The coach needs an AI provider: add a Claude key or a local model in Settings.',
    );
    expect(errorMessage(err(409, 'strava_reauth_needed', 'x'))).toMatch(/^Strava asks you to reconnect/);
    expect(errorMessage(err(409, 'strava_not_connected', 'x'))).toBe('Connect Strava in Settings first.');
    expect(errorMessage(err(403, 'excluded_by_data_policy', 'x'))).toMatch(/coach data policy/);
  });
});

describe('streamErrorMessage', () => {
  it('words an error frame of a coach answer', () => {
    expect(streamErrorMessage({ code: 'llm_key_rejected', message: 'x' })).toMatch(/rejected the API key/);
    expect(streamErrorMessage({ code: 'llm_overloaded', message: 'x' })).toMatch(/overloaded/);
    expect(streamErrorMessage({ code: 'something_new', message: 'The model refused.' })).toBe('The model refused.');
    expect(streamErrorMessage(null)).toMatch(/Try again/);
  });
});
