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

/** An event-stream Response whose body delivers each frame as its own chunk. */
export function sse(frames: string[]): Response {
  const enc = new TextEncoder();
  return new Response(
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const f of frames) c.enqueue(enc.encode(f));
        c.close();
      },
    }),
    { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
  );
}

/** An event-stream Response that stays open: the test pushes frames and closes it. */
export function openSse() {
  const enc = new TextEncoder();
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (ctrl = c) });
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    push: (f: string) => ctrl.enqueue(enc.encode(f)),
    close: () => ctrl.close(),
  };
}
