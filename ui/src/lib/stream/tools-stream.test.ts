// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BridgeHandler } from './bridge-socket';
import { AnswerStream } from '../state/answer.svelte';
import { toolSupport } from '../state/toolSupport.svelte';
import { followAnswer, streamEvents, type SseEvent } from './sse';
import { LiveBus, UserChannels, addresses, followOverBridge, type BridgeClient } from './eventbus';

const enc = new TextEncoder();

/** An event-stream body cut into pieces of `every` bytes (splitting lines and UTF-8 characters), then closed or broken. */
function body(frames: string[], every: number, end: 'close' | 'break' = 'close'): ReadableStream<Uint8Array> {
  const bytes = enc.encode(frames.join(''));
  let at = 0;
  // One piece per read, so a break comes after everything before it was read (error() drops queued chunks).
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (at < bytes.length) {
        c.enqueue(bytes.slice(at, at + every));
        at += every;
      } else if (end === 'close') c.close();
      else c.error(new TypeError('network error'));
    },
  });
}

const sseResponse = (stream: ReadableStream<Uint8Array>) =>
  new Response(stream, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });

const f = (event: string, data: unknown, id?: number) => `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

const START = f('start', { streamId: 'st1', model: 'claude-x', sessionId: 's1' });
const TOOL_1 = f('tool', { id: 'toolu_1', name: 'search_activities', arguments: { sport: 'run', sort: 'distance' }, summary: 'runs since 2024-01-01 by distance' });
const DONE_1 = f('tool_done', { id: 'toolu_1', name: 'search_activities', ok: true, summary: '12 activities', bytes: 1834 });
const TOOL_2 = f('tool', { id: 'toolu_2', name: 'get_activity', arguments: { id: 'a9' }, summary: 'activity 2025-11-04 Morgenlauf — Zürich' });
const DONE_2 = f('tool_done', { id: 'toolu_2', name: 'get_activity', ok: false, summary: 'no such activity', bytes: 42 });
const END = f('done', { status: 'complete', model: 'claude-x', toolRounds: 2, contextActivityIds: ['a9'] });

/** Records the answer's text and lookups right after each frame was applied. */
async function* observed(events: AsyncIterable<SseEvent>, a: AnswerStream, seen: string[]): AsyncGenerator<SseEvent> {
  for await (const e of events) {
    yield e;
    // Runs when the consumer asks for the next frame, i.e. after it applied this one.
    seen.push(`${e.event}|${a.text}|${a.tools.map((t) => `${t.id}:${t.state}`).join(',')}`);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  toolSupport.rejectedModel = null;
});

describe('tool frames over server-sent events', () => {
  it('become lookups in order with the tokens, whatever byte boundaries the frames arrive on', async () => {
    // Tokens are applied once per animation frame: the lookup must still come after the words before it.
    expect(typeof requestAnimationFrame).toBe('function');
    for (const every of [1, 7, 64, 4096]) {
      vi.stubGlobal('fetch', vi.fn(async () =>
        sseResponse(body([START, f('token', { text: 'Let me check. ' }, 1), TOOL_1, DONE_1, TOOL_2, DONE_2, f('token', { text: 'Your longest run…' }, 2), END], every)),
      ));
      const a = new AnswerStream(vi.fn());
      const seen: string[] = [];
      await a.run((signal) => observed(followAnswer(streamEvents('POST', '/api/ai/chat', {}, { signal }), { signal }), a, seen));
      expect(seen).toEqual([
        'start||',
        'token||', // not yet painted
        'tool|Let me check. |toolu_1:running',
        'tool_done|Let me check. |toolu_1:ok',
        'tool|Let me check. |toolu_1:ok,toolu_2:running',
        'tool_done|Let me check. |toolu_1:ok,toolu_2:failed',
        'token|Let me check. |toolu_1:ok,toolu_2:failed',
      ]);
      expect(a.text).toBe('Let me check. Your longest run…');
      expect(a.phase).toBe('done');
      expect(a.done?.toolRounds).toBe(2);
      expect(a.tools[1]).toMatchObject({ summary: 'activity 2025-11-04 Morgenlauf — Zürich', resultSummary: 'no such activity', bytes: 42 });
    }
  });

  it('survive a resume before the first token: the replayed lookups are not repeated', async () => {
    const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
      if (init.method === 'POST') return sseResponse(body([START, TOOL_1, DONE_1, TOOL_2], 5, 'break'));
      expect(url).toBe('/api/ai/streams/st1');
      return sseResponse(body([START, TOOL_1, DONE_1, TOOL_2, DONE_2, f('token', { text: 'Done.' }, 1), END], 11));
    });
    vi.stubGlobal('fetch', fetchMock);
    const a = new AnswerStream(vi.fn());
    await a.run((signal) => followAnswer(streamEvents('POST', '/api/ai/chat', {}, { signal }), { signal, backoffMs: 0 }));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect((fetchMock.mock.calls[1][1].headers as Record<string, string>)['Last-Event-ID']).toBeUndefined();
    expect(a.tools.map((t) => `${t.id}:${t.state}`)).toEqual(['toolu_1:ok', 'toolu_2:failed']);
    expect(a.text).toBe('Done.');
  });

  it('survive a resume after a token: only what followed it comes again, and nothing doubles', async () => {
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      if (init.method === 'POST') return sseResponse(body([START, TOOL_1, DONE_1, f('token', { text: 'First, ' }, 1), TOOL_2], 3, 'break'));
      // The server replays what came after token 1, the tool frame included.
      return sseResponse(body([START, TOOL_2, DONE_2, f('token', { text: 'then.' }, 2), END], 9));
    });
    vi.stubGlobal('fetch', fetchMock);
    const a = new AnswerStream(vi.fn());
    await a.run((signal) => followAnswer(streamEvents('POST', '/api/ai/chat', {}, { signal }), { signal, backoffMs: 0 }));
    expect((fetchMock.mock.calls[1][1].headers as Record<string, string>)['Last-Event-ID']).toBe('1');
    expect(a.text).toBe('First, then.');
    expect(a.tools.map((t) => `${t.id}:${t.state}`)).toEqual(['toolu_1:ok', 'toolu_2:failed']);
  });

  it('resume after a lookup when tool frames carry ids in the tokens’ sequence (as the server numbers them)', async () => {
    const numbered = (frame: string, id: number) => `id: ${id}\n${frame}`;
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      if (init.method === 'POST') {
        return sseResponse(body([START, f('token', { text: 'One sec. ' }, 1), numbered(TOOL_1, 2), numbered(DONE_1, 3)], 6, 'break'));
      }
      // A server that resumes one frame early: the repeated tool_done must change nothing.
      return sseResponse(body([START, numbered(DONE_1, 3), numbered(TOOL_2, 4), numbered(DONE_2, 5), f('token', { text: 'Here.' }, 6), END], 6));
    });
    vi.stubGlobal('fetch', fetchMock);
    const a = new AnswerStream(vi.fn());
    await a.run((signal) => followAnswer(streamEvents('POST', '/api/ai/chat', {}, { signal }), { signal, backoffMs: 0 }));
    expect((fetchMock.mock.calls[1][1].headers as Record<string, string>)['Last-Event-ID']).toBe('3');
    expect(a.text).toBe('One sec. Here.');
    expect(a.tools.map((t) => `${t.id}:${t.state}:${t.resultSummary}`)).toEqual(['toolu_1:ok:12 activities', 'toolu_2:failed:no such activity']);
  });

  it('take the lookups the done frame repeats as stored (toolCalls)', async () => {
    const stored = [
      { id: 'toolu_1', name: 'search_activities', arguments: {}, summary: 'runs since 2024-01-01 by distance', ok: true, resultSummary: '12 activities', bytes: 1834 },
    ];
    vi.stubGlobal('fetch', vi.fn(async () => sseResponse(body([START, TOOL_1, f('done', { status: 'complete', toolCalls: stored, toolRounds: 1 })], 4096))));
    const a = new AnswerStream(vi.fn());
    await a.run((signal) => followAnswer(streamEvents('POST', '/api/ai/chat', {}, { signal }), { signal }));
    // The tool_done frame never came; the done frame says how the lookup ended.
    expect(a.tools).toEqual([expect.objectContaining({ id: 'toolu_1', state: 'ok', resultSummary: '12 activities', bytes: 1834 })]);
  });

  it('leave a lookup cut off by the end of the answer as not finished', async () => {
    vi.stubGlobal('fetch', vi.fn(async () =>
      sseResponse(body([START, TOOL_1, f('error', { code: 'llm_upstream', message: 'The model failed' })], 4096)),
    ));
    const a = new AnswerStream(vi.fn());
    await a.run((signal) => followAnswer(streamEvents('POST', '/api/ai/chat', {}, { signal }), { signal }));
    expect(a.phase).toBe('error');
    expect(a.tools.map((t) => t.state)).toEqual(['unfinished']);
    expect(a.lookingUp).toBe(false);
  });

  it('note a model that refused tools, from the done or the start frame', async () => {
    const run = async (frames: string[]) => {
      vi.stubGlobal('fetch', vi.fn(async () => sseResponse(body(frames, 4096))));
      const a = new AnswerStream(vi.fn());
      await a.run((signal) => followAnswer(streamEvents('POST', '/api/ai/chat', {}, { signal }), { signal }));
      return a;
    };
    await run([START, f('token', { text: 'Hi' }, 1), f('done', { status: 'complete', model: 'claude-x' })]);
    expect(toolSupport.rejectedModel).toBeNull();
    await run([START, f('token', { text: 'Hi' }, 1), f('done', { status: 'complete', model: 'llama3', toolsRejected: true })]);
    expect(toolSupport.rejectedModel).toBe('llama3');
    toolSupport.rejectedModel = null;
    await run([f('start', { streamId: 'x', model: 'phi3', toolsSupported: false }), f('done', { status: 'complete' })]);
    expect(toolSupport.rejectedModel).toBe('phi3');
  });
});

/** Like the official bridge client: handlers are forgotten on every new socket. */
class FakeBridge implements BridgeClient {
  state = 0;
  onopen: (() => void) | null = null;
  onclose: ((event?: unknown) => void) | null = null;
  onerror: (error: unknown) => void = () => {};
  handlers = new Map<string, BridgeHandler[]>();
  enableReconnect() {}
  registerHandler(address: string, _h: Record<string, string>, cb: BridgeHandler) {
    this.handlers.set(address, [...(this.handlers.get(address) ?? []), cb]);
  }
  unregisterHandler(address: string, _h: Record<string, string>, cb: BridgeHandler) {
    this.handlers.set(address, (this.handlers.get(address) ?? []).filter((h) => h !== cb));
  }
  close() {
    this.state = 3;
  }
  open() {
    this.handlers = new Map();
    this.state = 1;
    this.onopen?.();
  }
  drop() {
    this.state = 3;
    this.onclose?.({});
  }
  deliver(address: string, body: unknown) {
    for (const h of this.handlers.get(address) ?? []) h(null, { type: 'rec', address, body });
  }
}

const USER_ID = '3f1c2d4e-0000-4000-8000-000000000001';

describe('tool frames over the event-bus bridge', () => {
  async function following() {
    const fake = new FakeBridge();
    const bus = new LiveBus(async () => fake);
    await bus.connect();
    fake.open();
    const channels = new UserChannels(bus, USER_ID);
    const a = new AnswerStream(vi.fn());
    const running = a.run((signal) => followOverBridge(channels, 'st9', signal));
    const address = addresses.coach(USER_ID, 'st9');
    await vi.waitFor(() => expect(fake.handlers.get(address)?.length).toBe(1));
    return { fake, a, running, address, send: (frame: unknown) => fake.deliver(address, frame) };
  }

  const tool = { type: 'tool', id: 'toolu_1', name: 'training_load', arguments: { from: '2025-09-01', to: '2025-11-30' }, summary: 'load 2025-09-01 to 2025-11-30' };
  const toolDone = { type: 'tool_done', id: 'toolu_1', name: 'training_load', ok: true, summary: '91 days', bytes: 3100 };

  it('become the same lookups as over SSE, in order with the tokens', async () => {
    const { a, running, send } = await following();
    send({ type: 'token', seq: 1, text: 'Checking your load. ' });
    send(tool);
    await vi.waitFor(() => expect(a.tools).toHaveLength(1));
    expect(a.text).toBe('Checking your load. ');
    expect(a.lookingUp).toBe(true);
    send(toolDone);
    send({ type: 'token', seq: 2, text: 'Form is +4.' });
    send({ type: 'done', status: 'complete', toolRounds: 1 });
    await running;
    expect(a.phase).toBe('done');
    expect(a.text).toBe('Checking your load. Form is +4.');
    expect(a.tools).toEqual([
      expect.objectContaining({ id: 'toolu_1', summary: 'load 2025-09-01 to 2025-11-30', state: 'ok', resultSummary: '91 days', bytes: 3100 }),
    ]);
  });

  it('follow the server’s one sequence: a tool frame sent again with its seq is dropped too', async () => {
    const { fake, a, running, send } = await following();
    send({ ...tool, seq: 1 });
    send({ ...toolDone, seq: 2 });
    send({ type: 'token', seq: 3, text: 'Fresh.' });
    fake.drop();
    fake.open();
    send({ ...tool, seq: 1, summary: 'a different summary' });
    send({ type: 'token', seq: 3, text: 'Fresh.' });
    send({ type: 'tool', id: 'toolu_2', name: 'athlete_profile', arguments: {}, summary: 'your profile', seq: 4 });
    send({ type: 'tool_done', id: 'toolu_2', name: 'athlete_profile', ok: true, summary: 'profile', bytes: 700, seq: 5 });
    send({ type: 'done', status: 'complete' });
    await running;
    expect(a.text).toBe('Fresh.');
    expect(a.tools.map((t) => `${t.id}:${t.state}:${t.summary}`)).toEqual([
      'toolu_1:ok:load 2025-09-01 to 2025-11-30',
      'toolu_2:ok:your profile',
    ]);
  });

  it('do not double lookups or tokens sent again after the socket came back', async () => {
    const { fake, a, running, address, send } = await following();
    send(tool);
    send({ type: 'token', seq: 1, text: 'a ' });
    fake.drop();
    fake.open();
    expect(fake.handlers.get(address)).toHaveLength(1);
    // What the server sends again to the new subscription.
    send(tool);
    send(toolDone);
    send({ type: 'token', seq: 1, text: 'a ' });
    send({ type: 'token', seq: 2, text: 'b' });
    send(toolDone);
    send({ type: 'done', status: 'complete' });
    await running;
    expect(a.text).toBe('a b');
    expect(a.tools.map((t) => `${t.id}:${t.state}`)).toEqual(['toolu_1:ok']);
  });

  it('stop listening when the answer is cancelled', async () => {
    const { fake, a, running, address, send } = await following();
    send(tool);
    await vi.waitFor(() => expect(a.tools).toHaveLength(1));
    a.cancel();
    await running;
    expect(fake.handlers.get(address) ?? []).toHaveLength(0);
    expect(a.tools[0].state).toBe('unfinished');
  });
});
