import { describe, expect, it, vi } from 'vitest';
import { ChatState } from './chat.svelte';
import { apiError, json, openSse, sse, stubFetch } from '../../test/http';

const S1 = { id: 's1', title: 'Tempo plans', createdAt: '2026-11-20T08:00:00Z', updatedAt: '2026-11-20T08:00:00Z' };
const S2 = { id: 's2', title: null, createdAt: '2026-11-22T08:00:00Z', updatedAt: '2026-11-23T08:00:00Z' };
const ASSISTANT = {
  id: 'm2',
  role: 'assistant',
  content: 'Run **easy**.',
  status: 'complete',
  model: 'claude-x',
  inputTokens: 10,
  outputTokens: 5,
  contextActivityIds: ['a1', 'a2'],
  createdAt: '2026-11-20T08:01:00Z',
};

const tick = () => new Promise((r) => setTimeout(r, 0));
async function until(cond: () => boolean) {
  for (let i = 0; i < 200 && !cond(); i++) await tick();
  expect(cond()).toBe(true);
}

describe('ChatState', () => {
  it('lists sessions newest first and loads the selected one’s history', async () => {
    const fetch = stubFetch({
      'GET /api/ai/chat/sessions': () => json(200, { sessions: [S1, S2] }),
      'GET /api/ai/chat/sessions/s1/messages': () => json(200, { messages: [ASSISTANT] }),
    });
    const chat = new ChatState();
    await chat.loadSessions();
    expect(chat.sessions?.map((s) => s.id)).toEqual(['s2', 's1']);
    await chat.select('s1');
    expect(chat.selected?.title).toBe('Tempo plans');
    expect(chat.messages).toHaveLength(1);
    expect(chat.messages[0].contextActivityIds).toEqual(['a1', 'a2']);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('creates, renames and deletes sessions', async () => {
    const NEW = { id: 's3', title: null, createdAt: '2026-11-24T08:00:00Z', updatedAt: '2026-11-24T08:00:00Z' };
    const fetch = stubFetch({
      'GET /api/ai/chat/sessions': () => json(200, { sessions: [S1] }),
      'POST /api/ai/chat/sessions': () => json(201, NEW),
      'GET /api/ai/chat/sessions/s3/messages': () => json(200, { messages: [] }),
      'PATCH /api/ai/chat/sessions/s3': (init) => json(200, { ...NEW, title: JSON.parse(String(init.body)).title }),
      'DELETE /api/ai/chat/sessions/s3': () => new Response(null, { status: 204 }),
    });
    const chat = new ChatState();
    const selected: (string | null)[] = [];
    chat.onSelect = (id) => selected.push(id);
    await chat.loadSessions();
    await chat.create();
    expect(chat.sessions?.map((s) => s.id)).toEqual(['s3', 's1']);
    expect(chat.selectedId).toBe('s3');
    expect(await chat.rename('s3', '  Race week  ')).toBe(true);
    expect(chat.selected?.title).toBe('Race week');
    const patch = fetch.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({ title: 'Race week' });
    expect(await chat.remove('s3')).toBe(true);
    expect(chat.sessions?.map((s) => s.id)).toEqual(['s1']);
    expect(chat.selectedId).toBeNull();
    expect(selected).toEqual(['s3', null]);
  });

  it('shows a failed rename as an actionable error', async () => {
    stubFetch({ 'PATCH /api/ai/chat/sessions/s1': () => apiError(404, 'not_found', 'No such session') });
    const chat = new ChatState();
    chat.sessions = [S1];
    expect(await chat.rename('s1', 'x')).toBe(false);
    expect(chat.actionError).toBe('No such session');
    expect(chat.selected).toBeNull();
  });

  it('sends: the user message appears at once, the answer streams, then joins the history', async () => {
    const stream = openSse();
    const fetch = stubFetch({
      'POST /api/ai/chat': () => stream.response,
      'GET /api/ai/chat/sessions': () => json(200, { sessions: [{ ...S2, title: 'Easy days', id: 'new1' }] }),
    });
    const chat = new ChatState();
    const selected: (string | null)[] = [];
    chat.onSelect = (id) => selected.push(id);
    const done = chat.send('  What should I do today?  ');
    expect(chat.messages.map((m) => [m.role, m.content])).toEqual([['user', 'What should I do today?']]);
    expect(chat.answer.active).toBe(true);
    stream.push('event: start\ndata: {"streamId":"st1","model":"claude-x","sessionId":"new1","messageId":"m9"}\n\n');
    stream.push('id: 1\nevent: token\ndata: {"text":"Run "}\n\n');
    await until(() => chat.answer.text === 'Run ');
    expect(chat.selectedId).toBe('new1');
    expect(selected).toEqual(['new1']);
    stream.push('id: 2\nevent: token\ndata: {"text":"easy."}\n\n');
    await until(() => chat.answer.text === 'Run easy.');
    stream.push('event: done\ndata: {"status":"complete","model":"claude-x","contextActivityIds":["a1","a2","a3"]}\n\n');
    stream.close();
    await done;
    const reply = chat.messages[1];
    expect(reply).toMatchObject({ role: 'assistant', content: 'Run easy.', status: 'complete', model: 'claude-x', id: 'm9' });
    expect(reply.contextActivityIds).toHaveLength(3);
    expect(chat.answer.phase).toBe('idle');
    const post = fetch.mock.calls.find(([url]) => String(url) === '/api/ai/chat');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ message: 'What should I do today?' });
    // The sessions are refetched so the server's title shows.
    await until(() => chat.selected?.title === 'Easy days');
  });

  it('sends within the selected session', async () => {
    const fetch = stubFetch({
      'POST /api/ai/chat': () =>
        sse(['event: start\ndata: {"streamId":"st1"}\n\n', 'event: token\ndata: {"text":"Hi"}\n\n', 'event: done\ndata: {"status":"complete"}\n\n']),
      'GET /api/ai/chat/sessions': () => json(200, { sessions: [S1] }),
    });
    const chat = new ChatState();
    chat.selectedId = 's1';
    await chat.send('Hello');
    const post = fetch.mock.calls.find(([url]) => String(url) === '/api/ai/chat');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ message: 'Hello', sessionId: 's1' });
    expect(chat.messages.map((m) => m.content)).toEqual(['Hello', 'Hi']);
  });

  it('stop asks the server to stop and keeps the partial answer, marked as stopped', async () => {
    const stream = openSse();
    const fetch = stubFetch({
      'POST /api/ai/chat': () => stream.response,
      'POST /api/ai/streams/st1/stop': () => {
        stream.push('event: done\ndata: {"status":"interrupted","model":"claude-x"}\n\n');
        stream.close();
        return json(200, { stopping: true });
      },
      'GET /api/ai/chat/sessions': () => json(200, { sessions: [S1] }),
    });
    const chat = new ChatState();
    chat.selectedId = 's1';
    const done = chat.send('Long plan please');
    stream.push('event: start\ndata: {"streamId":"st1","model":"claude-x"}\n\n');
    stream.push('id: 1\nevent: token\ndata: {"text":"Week one: "}\n\n');
    await until(() => chat.answer.text === 'Week one: ');
    await chat.stop();
    await done;
    expect(fetch.mock.calls.some(([url]) => String(url) === '/api/ai/streams/st1/stop')).toBe(true);
    expect(chat.messages[1]).toMatchObject({ role: 'assistant', content: 'Week one: ', status: 'interrupted' });
    expect(chat.answer.active).toBe(false);
  });

  it('no AI configured: an actionable error, then Retry sends the message again', async () => {
    let calls = 0;
    const fetch = stubFetch({
      'POST /api/ai/chat': () =>
        ++calls === 1
          ? apiError(409, 'llm_not_configured', 'No AI provider')
          : sse(['event: start\ndata: {"streamId":"st2"}\n\n', 'event: token\ndata: {"text":"Ok"}\n\n', 'event: done\ndata: {"status":"complete"}\n\n']),
      'GET /api/ai/chat/sessions': () => json(200, { sessions: [S1] }),
    });
    const chat = new ChatState();
    chat.selectedId = 's1';
    await chat.send('Hi coach');
    expect(chat.answer.phase).toBe('error');
    expect(chat.answer.errorCode).toBe('llm_not_configured');
    expect(chat.answer.error).toContain('Settings');
    expect(chat.lastPrompt).toBe('Hi coach');
    await chat.retry();
    expect(calls).toBe(2);
    const bodies = fetch.mock.calls.filter(([url]) => String(url) === '/api/ai/chat').map(([, init]) => JSON.parse(String(init?.body)));
    expect(bodies).toEqual([
      { message: 'Hi coach', sessionId: 's1' },
      { message: 'Hi coach', sessionId: 's1', retry: true },
    ]);
    expect(chat.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'Hi coach'],
      ['assistant', 'Ok'],
    ]);
    expect(chat.answer.phase).toBe('idle');
  });

  it('after a reload, follows an answer that is still being written instead of polling', async () => {
    const base = { model: null, inputTokens: null, outputTokens: null, contextActivityIds: null, createdAt: '2026-11-24T07:00:00Z' };
    stubFetch({
      'GET /api/ai/chat/sessions/s1/messages': () =>
        json(200, {
          messages: [
            { ...base, id: 'm1', role: 'user', content: 'Plan my week', status: 'complete', streamId: null },
            { ...base, id: 'm2', role: 'assistant', content: '', status: 'streaming', streamId: 'st9' },
          ],
        }),
      'GET /api/ai/streams/st9': () =>
        sse([
          'event: start\ndata: {"streamId":"st9","messageId":"m2"}\n\n',
          'id: 1\nevent: token\ndata: {"text":"Monday: "}\n\n',
          'id: 2\nevent: token\ndata: {"text":"rest."}\n\n',
          'event: done\ndata: {"status":"complete","messageId":"m2"}\n\n',
        ]),
      'GET /api/ai/chat/sessions': () => json(200, { sessions: [S1] }),
    });
    const chat = new ChatState();
    await chat.select('s1');
    await until(() => chat.messages.length === 2 && chat.messages[1].status === 'complete');
    expect(chat.messages.map((m) => [m.id, m.role, m.content])).toEqual([
      ['m1', 'user', 'Plan my week'],
      ['m2', 'assistant', 'Monday: rest.'],
    ]);
    expect(chat.answer.active).toBe(false);
  });

  it('an error frame mid-answer keeps the partial text and offers retry', async () => {
    stubFetch({
      'POST /api/ai/chat': () =>
        sse([
          'event: start\ndata: {"streamId":"st3"}\n\n',
          'event: token\ndata: {"text":"Part"}\n\n',
          'event: error\ndata: {"code":"llm_overloaded","message":"busy","partial":true}\n\n',
        ]),
    });
    const chat = new ChatState();
    chat.selectedId = 's1';
    await chat.send('Hi');
    expect(chat.answer.text).toBe('Part');
    expect(chat.answer.error).toContain('overloaded');
    expect(chat.messages).toHaveLength(1);
  });

  it('keeps an announced title when a session list still carrying the placeholder arrives after it', async () => {
    let resolve: (r: Response) => void = () => {};
    stubFetch({ 'GET /api/ai/chat/sessions': () => new Promise<Response>((r) => (resolve = r)) });
    const chat = new ChatState();
    chat.sessions = [{ ...S1, title: 'New chat' }];
    const loading = chat.loadSessions();
    chat.applyTitle(S1.id, 'Easy aerobic day');
    resolve(json(200, { sessions: [{ ...S1, title: 'New chat' }] }));
    await loading;
    expect(chat.sessions?.[0].title).toBe('Easy aerobic day');
  });

  it('applies a title the server sends on the chat channel', () => {
    const chat = new ChatState();
    chat.sessions = [S1, S2];
    chat.applyTitle('s2', 'Marathon build');
    expect(chat.sessions.find((s) => s.id === 's2')?.title).toBe('Marathon build');
    chat.applyTitle('unknown', 'x');
    expect(chat.sessions).toHaveLength(2);
  });

  it('looks again at an answer that was still being written when the page loaded', async () => {
    vi.useFakeTimers();
    try {
      let n = 0;
      stubFetch({
        'GET /api/ai/chat/sessions/s1/messages': () =>
          json(200, { messages: [{ ...ASSISTANT, status: ++n === 1 ? 'streaming' : 'complete', content: n === 1 ? 'Run' : 'Run easy.' }] }),
      });
      const chat = new ChatState();
      await chat.select('s1');
      expect(chat.messages[0].status).toBe('streaming');
      await vi.advanceTimersByTimeAsync(2100);
      expect(chat.messages).toHaveLength(1);
      expect(chat.messages[0]).toMatchObject({ status: 'complete', content: 'Run easy.' });
      chat.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});
