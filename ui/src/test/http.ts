import { vi } from 'vitest';

/** A JSON Response as the FitCoach server would send it. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function apiError(
  status: number,
  code: string,
  message: string,
  field: string | null = null,
  headers: Record<string, string> = {},
): Response {
  return json(status, { error: { code, message, field } }, headers);
}

type Handler = (init: RequestInit) => Response | Promise<Response>;

/**
 * Stubs global fetch with one handler per "METHOD /path"; an unexpected call fails the test.
 * Returns the mock so tests can assert on the requests made.
 */
export function stubFetch(routes: Record<string, Handler>) {
  const mock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const key = `${init.method ?? 'GET'} ${String(input)}`;
    const handler = routes[key];
    if (!handler) throw new Error(`unexpected fetch: ${key}`);
    return handler(init);
  });
  vi.stubGlobal('fetch', mock);
  return mock;
}

export const USER = { id: 1, email: 'ana@example.com', createdAt: '2025-01-02T03:04:05Z' };
