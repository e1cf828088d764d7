import { describe, expect, it } from 'vitest';
import { getStatus, login, logout, me, setup } from './auth';
import { ApiError } from './client';
import { USER, apiError, json, stubFetch } from '../../test/http';

describe('auth api', () => {
  it('me() returns the signed-in user, and null when the session check says nobody is (200 {user: null})', async () => {
    stubFetch({ 'GET /api/auth/session': () => json(200, { user: USER }) });
    await expect(me()).resolves.toEqual(USER);

    stubFetch({ 'GET /api/auth/session': () => json(200, { user: null }) });
    await expect(me()).resolves.toBeNull();
  });

  it('me() rethrows failures', async () => {
    stubFetch({ 'GET /api/auth/session': () => apiError(500, 'internal', 'boom') });
    await expect(me()).rejects.toMatchObject({ status: 500 });
  });

  it('calls the documented endpoints', async () => {
    const fetchMock = stubFetch({
      'GET /api/auth/status': () => json(200, { setup: false }),
      'POST /api/auth/setup': () => json(201, USER),
      'POST /api/auth/login': () => json(200, USER),
      'POST /api/auth/logout': () => json(200, { ok: true }),
    });
    await expect(getStatus()).resolves.toEqual({ setup: false });
    await expect(setup({ email: USER.email, password: 'long-enough-pw' })).resolves.toEqual(USER);
    await expect(login({ email: USER.email, password: 'long-enough-pw' })).resolves.toEqual(USER);
    await expect(logout()).resolves.toEqual({ ok: true });
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });

  it('login() surfaces a 429 with its retry delay', async () => {
    stubFetch({
      'POST /api/auth/login': () => apiError(429, 'rate_limited', 'Too many', null, { 'Retry-After': '12' }),
    });
    const err = await login({ email: 'a@b.co', password: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 429, retryAfter: 12 });
  });
});
