/**
 * The only fetch wrapper in the UI. Every call to the FitCoach server goes
 * through request(): same-origin cookies, JSON in and out, and any failure
 * turned into an ApiError.
 */

/** status 0 means the server could not be reached at all. */
export const NETWORK_ERROR = 'network_error';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  /** Seconds from a Retry-After header (429/503), else null. */
  readonly retryAfter: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    field: string | null = null,
    retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfter = retryAfter;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // An HTTP date always names the day and month ("Wed, 21 Oct 2015 07:28:00 GMT").
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; field?: unknown };
}

async function toApiError(res: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
  let body: ErrorBody | null = null;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    // Not JSON (e.g. a proxy's HTML page): fall back to the status line below.
  }
  const err = body && typeof body === 'object' ? body.error : undefined;
  const code = typeof err?.code === 'string' && err.code ? err.code : `http_${res.status}`;
  const message =
    typeof err?.message === 'string' && err.message
      ? err.message
      : res.statusText || `HTTP ${res.status}`;
  const field = typeof err?.field === 'string' && err.field ? err.field : null;
  return new ApiError(res.status, code, message, field, retryAfter);
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Extra request headers (e.g. Last-Event-ID). */
  headers?: Record<string, string>;
}

/** Query values; undefined, null and '' are left out. */
export type Query = Record<string, string | number | boolean | null | undefined>;

/** Appends a query string built from the defined values, in the given order. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

let onUnauthorized: (() => void) | null = null;

/**
 * Called when a signed-in call answers 401 (the session expired or was revoked), so the app
 * can return to sign-in. The auth endpoints themselves are not reported.
 */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** Requests on their way (until their headers are in), so a sign-out can let them finish first. */
const inFlight = new Set<Promise<Response>>();
let signedOut = false;

/**
 * Signing out: the requests already sent are let finish (at most `maxMs`), and from now until {@link openRequests}
 * every call but the auth endpoints is answered here with the 401 the server would send, without a request. A screen
 * still on its way out is then told it is signed out without the browser logging an error for an expected absence.
 */
export async function closeRequests(maxMs = 3000): Promise<void> {
  signedOut = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    Promise.allSettled([...inFlight]),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs))),
  ]);
  clearTimeout(timer);
}

/** Signed in (again), or the sign-out did not happen: calls go to the server. */
export function openRequests(): void {
  signedOut = false;
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/**
 * Sends the request and returns the Response once its status is 2xx, for callers that read
 * the body themselves (server-sent events, downloads). Failures become ApiError as in request().
 */
export async function send(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions & { accept?: string } = {},
): Promise<Response> {
  if (signedOut && !path.startsWith('/api/auth/')) throw new ApiError(401, 'unauthorized', 'You are signed out.');
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json', ...options.headers };
  const init: RequestInit = {
    method,
    headers,
    credentials: 'same-origin',
    cache: 'no-store',
    signal: options.signal,
  };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body instanceof Blob) {
    // A file sent as it is (e.g. a CSV), typed by the Blob.
    init.body = body;
    if (body.type) headers['Content-Type'] = body.type;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res: Response;
  const pending = fetch(path, init);
  inFlight.add(pending);
  try {
    res = await pending;
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError(0, NETWORK_ERROR, 'Cannot reach the FitCoach server');
  } finally {
    inFlight.delete(pending);
  }
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.();
    throw await toApiError(res);
  }
  return res;
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const res = await send(method, path, body, options);
  if (res.status === 204) return undefined as T;

  const text = await res.text();
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, 'bad_response', 'The server sent a response the app cannot read');
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};
