/**
 * Server-sent events over fetch (an EventSource can neither POST nor send a body): the
 * response body goes through the incremental SseParser and comes out as an async generator
 * of events. Abort the signal to stop reading; the connection is closed.
 */
import { ApiError, NETWORK_ERROR, send, type RequestOptions } from '../api/client';
import { SseParser, type SseEvent } from './sse-parser';

export type { SseEvent } from './sse-parser';

export function isAbortError(e: unknown): boolean {
  return (e instanceof DOMException || e instanceof Error) && e.name === 'AbortError';
}

/** Reads an event-stream body to its end (or until the signal aborts). */
export async function* readEvents(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<SseEvent> {
  const parser = new SseParser();
  const reader = body.getReader();
  const onAbort = () => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (signal?.aborted) return;
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (e) {
        if (signal?.aborted || isAbortError(e)) return;
        // The connection broke mid-stream.
        throw new ApiError(0, NETWORK_ERROR, 'The connection to the FitCoach server was lost');
      }
      if (chunk.done) break;
      if (signal?.aborted) return;
      yield* parser.push(chunk.value);
    }
    yield* parser.end();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // Leaving early (break, return, abort) closes the connection.
    reader.cancel().catch(() => {});
  }
}

export interface StreamOptions extends RequestOptions {
  /** Sent as Last-Event-ID so the server replays what came after it. */
  lastEventId?: string | null;
}

/**
 * Opens an SSE request and yields its events. HTTP errors before the stream starts throw
 * ApiError (e.g. 409 llm_not_configured); an abort ends the generator quietly.
 */
export async function* streamEvents(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  options: StreamOptions = {},
): AsyncGenerator<SseEvent> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.lastEventId) headers['Last-Event-ID'] = options.lastEventId;
  let res: Response;
  try {
    res = await send(method, path, body, { signal: options.signal, headers, accept: 'text/event-stream' });
  } catch (e) {
    if (isAbortError(e)) return;
    throw e;
  }
  if (!res.body) throw new ApiError(res.status, 'bad_response', 'The server sent an empty stream');
  yield* readEvents(res.body, options.signal);
}

/** Parses an event's JSON data; null when it is not JSON. */
export function eventJson<T = Record<string, unknown>>(event: SseEvent): T | null {
  try {
    return JSON.parse(event.data) as T;
  } catch {
    return null;
  }
}

/** Reconnects to a running coach answer; the server replays tokens after lastEventId. */
export function resumeAnswer(streamId: string, lastEventId: string | null, signal?: AbortSignal): AsyncGenerator<SseEvent> {
  return streamEvents('GET', `/api/ai/streams/${encodeURIComponent(streamId)}`, undefined, { signal, lastEventId });
}

export interface ResumeOptions {
  signal?: AbortSignal;
  /** How many times a dropped connection is resumed before giving up. */
  maxResumes?: number;
  /** Wait before a resume, in ms (grows with each attempt). */
  backoffMs?: number;
  resume?: typeof resumeAnswer;
}

const FINAL = new Set(['done', 'error']);

/**
 * Follows a coach answer to its end: remembers the stream id (from `start`) and the last token
 * id, and when the connection drops before `done` or `error`, reconnects with Last-Event-ID so
 * no token is lost or repeated. The repeated `start` frame of a resume is not yielded again.
 */
export async function* followAnswer(first: AsyncIterable<SseEvent>, options: ResumeOptions = {}): AsyncGenerator<SseEvent> {
  const { signal, maxResumes = 3, backoffMs = 500, resume = resumeAnswer } = options;
  let streamId: string | null = null;
  let lastId: string | null = null;
  let started = false;
  let attempts = 0;
  let source: AsyncIterable<SseEvent> = first;
  for (;;) {
    let failure: unknown = null;
    try {
      for await (const event of source) {
        if (event.event === 'start') {
          const info = eventJson<{ streamId?: string }>(event);
          if (info?.streamId) streamId = info.streamId;
          if (started) continue;
          started = true;
        }
        if (event.id) lastId = event.id;
        attempts = 0;
        yield event;
        if (FINAL.has(event.event)) return;
      }
    } catch (e) {
      // Errors the server sent as a status (e.g. 404 for an expired stream) are final.
      if (!(e instanceof ApiError) || e.status !== 0) throw e;
      failure = e;
    }
    if (signal?.aborted) return;
    if (!streamId || attempts >= maxResumes) {
      throw failure ?? new ApiError(0, NETWORK_ERROR, 'The answer stopped before it was complete');
    }
    attempts++;
    await delay(backoffMs * attempts, signal);
    if (signal?.aborted) return;
    source = resume(streamId, lastId, signal);
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
