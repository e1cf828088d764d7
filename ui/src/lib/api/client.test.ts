import { describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_ERROR, api, closeRequests, openRequests, parseRetryAfter, request } from './client';
import { apiError, json } from '../../test/http';

function stub(response: Response | Promise<Response>) {
  const fetchMock = vi.fn(() => Promise.resolve(response));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the call to throw');
}

describe('request', () => {
  it('sends JSON with same-origin credentials and returns the parsed body', async () => {
    const fetchMock = stub(json(201, { id: 7, email: 'a@b.co', createdAt: 'x' }));
    const user = await api.post('/api/auth/setup', { email: 'a@b.co', password: 'secret-1234' });

    expect(user).toEqual({ id: 7, email: 'a@b.co', createdAt: 'x' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/auth/setup');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"email":"a@b.co","password":"secret-1234"}');
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json', Accept: 'application/json' });
  });

  it('sends no body or Content-Type on GET', async () => {
    const fetchMock = stub(json(200, { setup: true }));
    await expect(api.get('/api/auth/status')).resolves.toEqual({ setup: true });
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.method).toBe('GET');
    expect(init.body).toBeUndefined();
    expect(init.headers).not.toHaveProperty('Content-Type');
  });

  it('returns undefined for 204 and empty bodies', async () => {
    stub(new Response(null, { status: 204 }));
    await expect(request('POST', '/api/x')).resolves.toBeUndefined();
    stub(new Response('', { status: 200 }));
    await expect(request('POST', '/api/x')).resolves.toBeUndefined();
  });

  it('parses the server error body into status, code, message and field', async () => {
    stub(apiError(400, 'weak_password', 'Password must be at least 10 characters', 'password'));
    const err = await caught(api.post('/api/auth/setup', {}));
    expect(err.status).toBe(400);
    expect(err.code).toBe('weak_password');
    expect(err.message).toBe('Password must be at least 10 characters');
    expect(err.field).toBe('password');
    expect(err.retryAfter).toBeNull();
  });

  it('maps a null field to null', async () => {
    stub(apiError(401, 'invalid_credentials', 'Wrong email or password', null));
    const err = await caught(api.post('/api/auth/login', {}));
    expect(err.status).toBe(401);
    expect(err.code).toBe('invalid_credentials');
    expect(err.field).toBeNull();
  });

  it('reads Retry-After on 429', async () => {
    stub(apiError(429, 'too_many_attempts', 'Slow down', null, { 'Retry-After': '42' }));
    const err = await caught(api.post('/api/auth/login', {}));
    expect(err.status).toBe(429);
    expect(err.retryAfter).toBe(42);
  });

  it('falls back to the status line when the error body is not JSON', async () => {
    stub(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const err = await caught(api.get('/api/auth/me'));
    expect(err.status).toBe(502);
    expect(err.code).toBe('http_502');
    expect(err.message).toBe('Bad Gateway');
    expect(err.field).toBeNull();
  });

  it('falls back when the JSON error body has no error object', async () => {
    stub(json(500, { oops: true }));
    const err = await caught(api.get('/api/auth/me'));
    expect(err.code).toBe('http_500');
    expect(err.message).toBe('HTTP 500');
  });

  it('turns a network failure into status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const err = await caught(api.get('/api/auth/me'));
    expect(err.status).toBe(0);
    expect(err.code).toBe(NETWORK_ERROR);
  });

  it('lets an abort through unchanged', async () => {
    const abort = new DOMException('aborted', 'AbortError');
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(abort)));
    await expect(api.get('/api/auth/me')).rejects.toBe(abort);
  });

  it('rejects a success body that is not JSON', async () => {
    stub(new Response('not json', { status: 200 }));
    const err = await caught(api.get('/api/auth/me'));
    expect(err.code).toBe('bad_response');
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(' 5 ')).toBe(5);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
  });

  it('ignores missing or garbage values', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('')).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter('-3')).toBeNull();
  });
});

describe('signing out', () => {
  it('lets the requests on their way finish, then answers the next ones with a 401 without sending them', async () => {
    let release!: (r: Response) => void;
    const fetchMock = vi.fn((url: string) =>
      url === '/api/load/pmc' ? new Promise<Response>((r) => (release = r)) : Promise.resolve(json(200, { ok: true })),
    );
    vi.stubGlobal('fetch', fetchMock);
    const slow = api.get('/api/load/pmc');
    let closed = false;
    const closing = closeRequests().then(() => (closed = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(closed).toBe(false); // the chart's request is still on its way
    release(json(200, { days: [] }));
    await closing;
    await expect(slow).resolves.toEqual({ days: [] });

    const refused = await caught(api.get('/api/ai/coverage'));
    expect(refused.status).toBe(401);
    expect(fetchMock).toHaveBeenCalledTimes(1); // refused here: no request, so no error in the browser's console
    await api.post('/api/auth/logout');
    expect(fetchMock).toHaveBeenCalledTimes(2);

    openRequests();
    await expect(api.get('/api/ai/coverage')).resolves.toEqual({ ok: true });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });
});
