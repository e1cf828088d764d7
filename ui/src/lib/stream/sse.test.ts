import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { followAnswer, readEvents, streamEvents, type SseEvent } from './sse';
import { apiError } from '../../test/http';

const encoder = new TextEncoder();

/** A body that sends the given chunks, then stays open (or closes / breaks, as asked). */
function body(chunks: string[], end: 'close' | 'hang' | 'break' = 'close') {
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      if (end === 'close') controller.close();
      if (end === 'break') controller.error(new TypeError('network error'));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

function sseResponse(stream: ReadableStream<Uint8Array>) {
  return new Response(stream, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

async function collect(gen: AsyncIterable<SseEvent>): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const e of gen) out.push(e);
  return out;
}

const START = 'event: start\ndata: {"streamId":"abc"}\n\n';
const token = (n: number, text: string) => `id: ${n}\nevent: token\ndata: ${JSON.stringify({ text })}\n\n`;
const DONE = 'event: done\ndata: {"status":"complete"}\n\n';

describe('streamEvents', () => {
  it('POSTs the body asking for an event stream and yields the events', async () => {
    const { stream } = body([START, token(1, 'Hi'), ': heartbeat\n\n', DONE]);
    const fetchMock = vi.fn(async () => sseResponse(stream));
    vi.stubGlobal('fetch', fetchMock);

    const events = await collect(streamEvents('POST', '/api/ai/chat', { message: 'hello' }));
    expect(events.map((e) => e.event)).toEqual(['start', 'token', 'done']);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/ai/chat');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"message":"hello"}');
    expect(init.headers).toMatchObject({ Accept: 'text/event-stream', 'Content-Type': 'application/json' });
  });

  it('throws the JSON error the server sends before the stream starts', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => apiError(409, 'llm_not_configured', 'No AI provider')));
    await expect(collect(streamEvents('POST', '/api/ai/recommendation'))).rejects.toMatchObject({
      status: 409,
      code: 'llm_not_configured',
    });
  });

  it('sends Last-Event-ID when resuming', async () => {
    const fetchMock = vi.fn(async () => sseResponse(body([DONE]).stream));
    vi.stubGlobal('fetch', fetchMock);
    await collect(streamEvents('GET', '/api/ai/streams/abc', undefined, { lastEventId: '41' }));
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers).toMatchObject({ 'Last-Event-ID': '41' });
  });

  it('stops and closes the connection when the signal aborts', async () => {
    const b = body([START, token(1, 'a')], 'hang');
    vi.stubGlobal('fetch', vi.fn(async () => sseResponse(b.stream)));
    const controller = new AbortController();
    const seen: string[] = [];
    for await (const e of streamEvents('POST', '/api/ai/chat', {}, { signal: controller.signal })) {
      seen.push(e.event);
      if (e.event === 'token') controller.abort();
    }
    expect(seen).toEqual(['start', 'token']);
    expect(b.cancelled()).toBe(true);
  });

  it('ends quietly when aborted before the response arrives', async () => {
    const controller = new AbortController();
    vi.stubGlobal(
      'fetch',
      vi.fn((_u: string, init: RequestInit) => {
        return new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        );
      }),
    );
    const pending = collect(streamEvents('POST', '/api/ai/chat', {}, { signal: controller.signal }));
    controller.abort();
    await expect(pending).resolves.toEqual([]);
  });

  it('turns a connection broken mid-stream into a network ApiError', async () => {
    const { stream } = body([START], 'break');
    const err = await collect(readEvents(stream)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(0);
  });
});

describe('followAnswer', () => {
  async function* events(list: SseEvent[], thenBreak: boolean): AsyncGenerator<SseEvent> {
    for (const e of list) yield e;
    if (thenBreak) throw new ApiError(0, 'network_error', 'lost');
  }
  const ev = (event: string, data: string, id = ''): SseEvent => ({ event, id, data });

  it('resumes a dropped answer from the last token id, without repeating the start frame', async () => {
    const resume = vi.fn((_streamId: string, _lastId: string | null) =>
      events([ev('start', '{"streamId":"abc"}'), ev('token', '{"text":"c"}', '3'), ev('done', '{}', '3')], false),
    );
    const first = events(
      [ev('start', '{"streamId":"abc"}'), ev('token', '{"text":"a"}', '1'), ev('token', '{"text":"b"}', '2')],
      true,
    );
    const out = await collect(followAnswer(first, { resume, backoffMs: 0 }));
    expect(out.map((e) => e.event + e.id)).toEqual(['start', 'token1', 'token2', 'token3', 'done3']);
    expect(resume).toHaveBeenCalledWith('abc', '2', undefined);
  });

  it('gives up after maxResumes', async () => {
    const resume = vi.fn(() => events([], true));
    const first = events([ev('start', '{"streamId":"abc"}')], true);
    await expect(collect(followAnswer(first, { resume, backoffMs: 0, maxResumes: 2 }))).rejects.toMatchObject({
      status: 0,
    });
    expect(resume).toHaveBeenCalledTimes(2);
  });

  it('does not resume a stream that never said its id, nor after an HTTP error', async () => {
    const resume = vi.fn(() => events([], false));
    await expect(collect(followAnswer(events([], true), { resume, backoffMs: 0 }))).rejects.toBeInstanceOf(ApiError);
    const http = (async function* () {
      yield ev('start', '{"streamId":"abc"}');
      throw new ApiError(404, 'not_found', 'gone');
    })();
    await expect(collect(followAnswer(http, { resume, backoffMs: 0 }))).rejects.toMatchObject({ status: 404 });
    expect(resume).not.toHaveBeenCalled();
  });

  it('stops at the error frame', async () => {
    const out = await collect(followAnswer(events([ev('start', '{}'), ev('error', '{"code":"x"}'), ev('token', '{}')], false)));
    expect(out.map((e) => e.event)).toEqual(['start', 'error']);
  });
});
