import { describe, expect, it, vi } from 'vitest';
import { Session } from './session.svelte';
import type { AuthApi } from '../api/auth';
import { ApiError, NETWORK_ERROR } from '../api/client';
import { USER } from '../../test/http';

function fakeApi(overrides: Partial<AuthApi> = {}): AuthApi {
  return {
    me: vi.fn(async () => null),
    getStatus: vi.fn(async () => ({ setup: false })),
    setup: vi.fn(async () => USER),
    login: vi.fn(async () => USER),
    logout: vi.fn(async () => ({ ok: true })),
    ...overrides,
  };
}

describe('Session.init', () => {
  it('takes the user from /me and skips /status', async () => {
    const api = fakeApi({ me: vi.fn(async () => USER) });
    const s = new Session(api);
    expect(s.phase).toBe('loading');
    await s.init();
    expect(s.phase).toBe('ready');
    expect(s.user).toEqual(USER);
    expect(s.setupDone).toBe(true);
    expect(api.getStatus).not.toHaveBeenCalled();
  });

  it('asks /status when signed out', async () => {
    const s = new Session(fakeApi({ getStatus: vi.fn(async () => ({ setup: true })) }));
    await s.init();
    expect(s.user).toBeNull();
    expect(s.setupDone).toBe(true);
    expect(s.setupCodeRequired).toBe(false);
  });

  it('learns from /status whether creating the account needs the setup code', async () => {
    const s = new Session(fakeApi({ getStatus: vi.fn(async () => ({ setup: false, setupCodeRequired: true })) }));
    await s.init();
    expect(s.setupDone).toBe(false);
    expect(s.setupCodeRequired).toBe(true);
  });

  it('ends in the error phase with a readable message when the server is down', async () => {
    const s = new Session(fakeApi({ me: vi.fn(() => Promise.reject(new ApiError(0, NETWORK_ERROR, 'x'))) }));
    await s.init();
    expect(s.phase).toBe('error');
    expect(s.loadError).toMatch(/Cannot reach the FitCoach server/);
  });
});

describe('Session actions', () => {
  it('setup signs in', async () => {
    const api = fakeApi();
    const s = new Session(api);
    await s.setup({ email: USER.email, password: 'long-enough-pw' });
    expect(api.setup).toHaveBeenCalledWith({ email: USER.email, password: 'long-enough-pw' });
    expect(s.user).toEqual(USER);
    expect(s.setupDone).toBe(true);
  });

  it('setup on 409 switches to sign-in with a notice instead of failing', async () => {
    const s = new Session(fakeApi({ setup: vi.fn(() => Promise.reject(new ApiError(409, 'exists', 'exists'))) }));
    await s.setup({ email: USER.email, password: 'long-enough-pw' });
    expect(s.user).toBeNull();
    expect(s.setupDone).toBe(true);
    expect(s.consumeNotice()).toMatch(/already exists/);
    expect(s.consumeNotice()).toBeNull();
  });

  it('setup rethrows other errors', async () => {
    const s = new Session(fakeApi({ setup: vi.fn(() => Promise.reject(new ApiError(400, 'bad', 'bad'))) }));
    await expect(s.setup({ email: 'a', password: 'b' })).rejects.toMatchObject({ status: 400 });
    expect(s.user).toBeNull();
  });

  it('login keeps the user; a failed login keeps none', async () => {
    const s = new Session(fakeApi({ login: vi.fn(() => Promise.reject(new ApiError(401, 'bad', 'bad'))) }));
    await expect(s.login({ email: 'a', password: 'b' })).rejects.toBeInstanceOf(ApiError);
    expect(s.user).toBeNull();

    const ok = new Session(fakeApi());
    await ok.login({ email: USER.email, password: 'pw' });
    expect(ok.user).toEqual(USER);
  });

  it('logout clears the user, also when the session had already expired', async () => {
    const s = new Session(fakeApi({ me: vi.fn(async () => USER) }));
    await s.init();
    await s.logout();
    expect(s.user).toBeNull();
    expect(s.setupDone).toBe(true);

    const expired = new Session(
      fakeApi({ me: vi.fn(async () => USER), logout: vi.fn(() => Promise.reject(new ApiError(401, 'x', 'x'))) }),
    );
    await expired.init();
    await expired.logout();
    expect(expired.user).toBeNull();
  });

  it('logout keeps the user when the server cannot be reached', async () => {
    const s = new Session(
      fakeApi({ me: vi.fn(async () => USER), logout: vi.fn(() => Promise.reject(new ApiError(0, NETWORK_ERROR, 'x'))) }),
    );
    await s.init();
    await expect(s.logout()).rejects.toMatchObject({ status: 0 });
    expect(s.user).toEqual(USER);
  });
});
